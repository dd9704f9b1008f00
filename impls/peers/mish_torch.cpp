/* mish, peer-torch: ATen's mish_out (torch.nn.functional.mish); derivative
 * mish_backward(grad_output = 1, x), which has no out= form in ATen 1.13:
 * its result tensor is allocated in the call (timed, as in PyTorch) and
 * copied to y. ATen's CPU kernel by capability (torch_ops.cpp); the
 * measured bound is in impls/registry/peers_ml.def. */
#include <ATen/ops/mish.h>
#include <ATen/ops/mish_backward.h>

#include "torch_ops.h"

static void forward_op(at::Tensor &out, const at::Tensor &in, const ab_params *)
{
    at::mish_out(out, in);
}

static void derivative_op(at::Tensor &out, const at::Tensor &in, const ab_params *)
{
    out.copy_(at::mish_backward(ab_torch::ones_like(in), in));
}

AB_TORCH_EXPORT(mish, forward_op, derivative_op)
