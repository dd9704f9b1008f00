/* relu, peer-torch: clamp_min_out(x, 0), which is what ATen's relu runs
 * (relu has no out= form); derivative threshold_backward(grad_output = 1,
 * x, 0): 1 where x > 0, else 0, as autograd forms it. ATen's CPU kernel by
 * capability (torch_ops.cpp); the bound is in impls/registry/peers_ml.def. */
#include <ATen/ops/clamp_min.h>
#include <ATen/ops/threshold_backward.h>

#include "torch_ops.h"

static void forward_op(at::Tensor &out, const at::Tensor &in, const ab_params *)
{
    at::clamp_min_out(out, in, 0);
}

static void derivative_op(at::Tensor &out, const at::Tensor &in, const ab_params *)
{
    at::threshold_backward_out(out, ab_torch::ones_like(in), in, 0);
}

AB_TORCH_EXPORT(relu, forward_op, derivative_op)
