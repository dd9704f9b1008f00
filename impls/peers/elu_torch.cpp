/* elu, peer-torch: ATen's elu_out(x, alpha = params alpha, scale 1,
 * input_scale 1) (torch.nn.functional.elu); derivative elu_backward(
 * grad_output = 1, ..., is_result = false, x). ATen's CPU kernel by
 * capability (torch_ops.cpp); the bound is in impls/registry/peers_ml.def. */
#include <ATen/ops/elu.h>
#include <ATen/ops/elu_backward.h>

#include "torch_ops.h"

static void forward_op(at::Tensor &out, const at::Tensor &in, const ab_params *p)
{
    at::elu_out(out, in, p->alpha, 1, 1);
}

static void derivative_op(at::Tensor &out, const at::Tensor &in, const ab_params *p)
{
    at::elu_backward_out(out, ab_torch::ones_like(in), p->alpha, 1, 1, false, in);
}

AB_TORCH_EXPORT(elu, forward_op, derivative_op)
