/* log_softmax, peer-torch: ATen's _log_softmax_out(x, dim 0), what
 * torch.log_softmax runs on a float CPU tensor; the whole array is one row.
 * Derivative (J·v, v = params tangent): the Jacobian is not symmetric, so
 * ATen's backward (J^T·g) does not give it; PyTorch's forward-mode AD forms
 * J·v = v - sum(e*v)/sum(e), e = exp(x - max x) (logsumexp_jvp), and so do
 * these ATen calls, through per-thread scratch. The bound is in
 * impls/registry/peers_ml.def. */
#include <ATen/ops/_log_softmax.h>
#include <ATen/ops/amax.h>
#include <ATen/ops/div.h>
#include <ATen/ops/exp.h>
#include <ATen/ops/mul.h>
#include <ATen/ops/sub.h>
#include <ATen/ops/sum.h>

#include "torch_ops.h"

static void forward_op(at::Tensor &out, const at::Tensor &in, const ab_params *)
{
    at::_log_softmax_out(out, in, 0, false);
}

static void derivative_op(at::Tensor &out, const at::Tensor &in, const ab_params *p)
{
    at::Tensor v = ab_torch::tangent(p, in);
    at::Tensor e = ab_torch::scratch_like(in, 0), max = ab_torch::scratch(1, 1),
               sum_e = ab_torch::scratch(1, 2), sum_ev = ab_torch::scratch(1, 3);
    at::amax_out(max, in, {0}, true);
    at::sub_out(e, in, max);
    e.exp_();
    at::sum_out(sum_e, e, {0}, true);
    e.mul_(v);
    at::sum_out(sum_ev, e, {0}, true);
    sum_ev.div_(sum_e);
    at::sub_out(out, v, sum_ev);
}

extern "C" void ab_log_softmax_peer_torch_forward(const float *x, float *y, size_t n,
                                                  const ab_params *p)
{
    ab_torch::row(forward_op, x, y, n, p);
}

extern "C" void ab_log_softmax_peer_torch_derivative(const float *x, float *y, size_t n,
                                                     const ab_params *p)
{
    ab_torch::row(derivative_op, x, y, n, p);
}
