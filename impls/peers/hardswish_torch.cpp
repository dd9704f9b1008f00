/* hardswish, peer-torch: ATen's hardswish_out
 * (torch.nn.functional.hardswish); derivative hardswish_backward(
 * grad_output = 1, x): 0 below -3, x/3 + 1/2 up to 3, 1 above. ATen's CPU
 * kernel by capability (torch_ops.cpp); the bound is in
 * impls/registry/peers_ml.def. */
#include <ATen/ops/hardswish.h>
#include <ATen/ops/hardswish_backward.h>

#include "torch_ops.h"

static void forward_op(at::Tensor &out, const at::Tensor &in, const ab_params *)
{
    at::hardswish_out(out, in);
}

static void derivative_op(at::Tensor &out, const at::Tensor &in, const ab_params *)
{
    at::hardswish_backward_out(out, ab_torch::ones_like(in), in);
}

AB_TORCH_EXPORT(hardswish, forward_op, derivative_op)
