/* tanh, peer-torch: ATen's tanh_out (torch.tanh); derivative
 * tanh_backward(grad_output = 1, output = tanh(x)) = 1 - t^2, as autograd
 * forms it from the saved result. ATen's CPU kernel by capability
 * (torch_ops.cpp); the measured bound is in impls/registry/peers_ml.def. */
#include <ATen/ops/tanh.h>
#include <ATen/ops/tanh_backward.h>

#include "torch_ops.h"

static void forward_op(at::Tensor &out, const at::Tensor &in, const ab_params *)
{
    at::tanh_out(out, in);
}

static void derivative_op(at::Tensor &out, const at::Tensor &in, const ab_params *)
{
    at::tanh_out(out, in);
    at::tanh_backward_out(out, ab_torch::ones_like(in), out);
}

AB_TORCH_EXPORT(tanh, forward_op, derivative_op)
