/* selu, peer-torch: ATen's selu is elu(x, alpha, scale = lambda) with the
 * SELU constants (no out= form), so elu_out with params alpha and lambda
 * (the same doubles by default); derivative elu_backward(grad_output = 1,
 * alpha, lambda, 1, is_result = false, x), what autograd runs for selu.
 * ATen's CPU kernel by capability (torch_ops.cpp); the bound is in
 * impls/registry/peers_ml.def. */
#include <ATen/ops/elu.h>
#include <ATen/ops/elu_backward.h>

#include "torch_ops.h"

static void forward_op(at::Tensor &out, const at::Tensor &in, const ab_params *p)
{
    at::elu_out(out, in, p->alpha, p->lambda, 1);
}

static void derivative_op(at::Tensor &out, const at::Tensor &in, const ab_params *p)
{
    at::elu_backward_out(out, ab_torch::ones_like(in), p->alpha, p->lambda, 1, false, in);
}

AB_TORCH_EXPORT(selu, forward_op, derivative_op)
