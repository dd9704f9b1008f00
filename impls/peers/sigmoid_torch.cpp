/* sigmoid, peer-torch: ATen's sigmoid_out (torch.sigmoid); derivative
 * sigmoid_backward(grad_output = 1, output = sigmoid(x)) = s(1-s), as
 * autograd forms it from the saved result. ATen's CPU kernel by capability
 * (torch_ops.cpp); the measured bound is in impls/registry/peers_ml.def. */
#include <ATen/ops/sigmoid.h>
#include <ATen/ops/sigmoid_backward.h>

#include "torch_ops.h"

static void forward_op(at::Tensor &out, const at::Tensor &in, const ab_params *)
{
    at::sigmoid_out(out, in);
}

static void derivative_op(at::Tensor &out, const at::Tensor &in, const ab_params *)
{
    at::sigmoid_out(out, in);
    at::sigmoid_backward_out(out, ab_torch::ones_like(in), out);
}

AB_TORCH_EXPORT(sigmoid, forward_op, derivative_op)
