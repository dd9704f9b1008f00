/* gelu, peer-torch: ATen's gelu_out(x, approximate = "none"), the erf form
 * (torch.nn.functional.gelu); derivative gelu_backward(grad_output = 1, x,
 * "none"). ATen's CPU kernel by capability (torch_ops.cpp); the measured
 * bound is in impls/registry/peers_ml.def. */
#include <ATen/ops/gelu.h>
#include <ATen/ops/gelu_backward.h>

#include "torch_ops.h"

static void forward_op(at::Tensor &out, const at::Tensor &in, const ab_params *)
{
    at::gelu_out(out, in, "none");
}

static void derivative_op(at::Tensor &out, const at::Tensor &in, const ab_params *)
{
    at::gelu_backward_out(out, ab_torch::ones_like(in), in, "none");
}

AB_TORCH_EXPORT(gelu, forward_op, derivative_op)
