/* gelu_tanh, peer-torch: ATen's gelu_out(x, approximate = "tanh");
 * derivative gelu_backward(grad_output = 1, x, "tanh"). ATen's CPU kernel
 * by capability (torch_ops.cpp); the measured bound is in
 * impls/registry/peers_ml.def. */
#include <ATen/ops/gelu.h>
#include <ATen/ops/gelu_backward.h>

#include "torch_ops.h"

static void forward_op(at::Tensor &out, const at::Tensor &in, const ab_params *)
{
    at::gelu_out(out, in, "tanh");
}

static void derivative_op(at::Tensor &out, const at::Tensor &in, const ab_params *)
{
    at::gelu_backward_out(out, ab_torch::ones_like(in), in, "tanh");
}

AB_TORCH_EXPORT(gelu_tanh, forward_op, derivative_op)
