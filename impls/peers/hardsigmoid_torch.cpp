/* hardsigmoid, peer-torch: ATen's hardsigmoid_out
 * (torch.nn.functional.hardsigmoid); derivative hardsigmoid_backward(
 * grad_output = 1, x): 1/6 for -3 < x < 3, else 0. ATen's CPU kernel by
 * capability (torch_ops.cpp); the bound is in impls/registry/peers_ml.def. */
#include <ATen/ops/hardsigmoid.h>
#include <ATen/ops/hardsigmoid_backward.h>

#include "torch_ops.h"

static void forward_op(at::Tensor &out, const at::Tensor &in, const ab_params *)
{
    at::hardsigmoid_out(out, in);
}

static void derivative_op(at::Tensor &out, const at::Tensor &in, const ab_params *)
{
    at::hardsigmoid_backward_out(out, ab_torch::ones_like(in), in);
}

AB_TORCH_EXPORT(hardsigmoid, forward_op, derivative_op)
