/* leaky_relu, peer-torch: ATen's leaky_relu_out(x, slope = params alpha);
 * derivative leaky_relu_backward(grad_output = 1, x, slope, self_is_result
 * = false). ATen's CPU kernel by capability (torch_ops.cpp); the measured
 * bound is in impls/registry/peers_ml.def. */
#include <ATen/ops/leaky_relu.h>
#include <ATen/ops/leaky_relu_backward.h>

#include "torch_ops.h"

static void forward_op(at::Tensor &out, const at::Tensor &in, const ab_params *p)
{
    at::leaky_relu_out(out, in, p->alpha);
}

static void derivative_op(at::Tensor &out, const at::Tensor &in, const ab_params *p)
{
    at::leaky_relu_backward_out(out, ab_torch::ones_like(in), in, p->alpha, false);
}

AB_TORCH_EXPORT(leaky_relu, forward_op, derivative_op)
