/* softplus, peer-torch: ATen's softplus_out(x, beta = params beta,
 * threshold = 20), PyTorch's default: beta*x > 20 returns x, where
 * log1p(e^-20) is below 1e-3 ULP of x; derivative softplus_backward(
 * grad_output = 1, x, beta, 20). ATen's CPU kernel by capability
 * (torch_ops.cpp); the measured bound is in impls/registry/peers_ml.def. */
#include <ATen/ops/softplus.h>
#include <ATen/ops/softplus_backward.h>

#include "torch_ops.h"

static constexpr double kThreshold = 20.0; /* torch.nn.functional.softplus's default */

static void forward_op(at::Tensor &out, const at::Tensor &in, const ab_params *p)
{
    at::softplus_out(out, in, p->beta, kThreshold);
}

static void derivative_op(at::Tensor &out, const at::Tensor &in, const ab_params *p)
{
    at::softplus_backward_out(out, ab_torch::ones_like(in), in, p->beta, kThreshold);
}

AB_TORCH_EXPORT(softplus, forward_op, derivative_op)
