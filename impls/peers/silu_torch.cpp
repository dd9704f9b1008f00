/* silu, peer-torch: ATen's silu_out (torch.nn.functional.silu, beta = 1
 * only: other betas give NaN, not offered); derivative silu_backward(
 * grad_output = 1, x). ATen's CPU kernel by capability (torch_ops.cpp);
 * the measured bound is in impls/registry/peers_ml.def. */
#include <ATen/ops/silu.h>
#include <ATen/ops/silu_backward.h>

#include <stdexcept>

#include "torch_ops.h"

static void require_beta_1(const ab_params *p)
{
    if (p->beta != 1.0)
        throw std::invalid_argument("torch silu has no beta");
}

static void forward_op(at::Tensor &out, const at::Tensor &in, const ab_params *p)
{
    require_beta_1(p);
    at::silu_out(out, in);
}

static void derivative_op(at::Tensor &out, const at::Tensor &in, const ab_params *p)
{
    require_beta_1(p);
    at::silu_backward_out(out, ab_torch::ones_like(in), in);
}

AB_TORCH_EXPORT(silu, forward_op, derivative_op)
