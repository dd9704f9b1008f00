/* prelu, peer-torch: ATen's prelu(x, weight) (torch.nn.functional.prelu),
 * weight = the one params alpha, or params channel_alpha with x seen as
 * rows of `channels` (the last n % channels elements as one short row with
 * the first weights, so element i has channel i % channels). ATen 1.13 has
 * no prelu kernel writing into a given output: its result is allocated in
 * the call (timed, as in PyTorch) and copied to y. Derivative: the input
 * gradient of prelu_backward(grad_output = 1, x, weight). The bound is in
 * impls/registry/peers_ml.def. */
#include <ATen/ops/prelu.h>
#include <ATen/ops/prelu_backward.h>

#include <tuple>

#include "torch_ops.h"

/* y := f(x rows, weight) for the per-channel or single-weight form. */
template <typename Rows>
static void by_rows(at::Tensor &out, const at::Tensor &in, const ab_params *p, Rows run)
{
    if (p->channel_alpha == nullptr || p->channels == 0) {
        thread_local float alpha;
        alpha = static_cast<float>(p->alpha);
        run(out, in, ab_torch::wrap(&alpha, 1));
        return;
    }
    int64_t c = static_cast<int64_t>(p->channels), n = in.numel(), full = n - n % c;
    at::Tensor weight = ab_torch::wrap(p->channel_alpha, p->channels);
    if (full > 0) {
        at::Tensor o = out.narrow(0, 0, full).view({full / c, c});
        run(o, in.narrow(0, 0, full).view({full / c, c}), weight);
    }
    if (n > full) {
        at::Tensor o = out.narrow(0, full, n - full).view({1, n - full});
        run(o, in.narrow(0, full, n - full).view({1, n - full}), weight.narrow(0, 0, n - full));
    }
}

static void forward_op(at::Tensor &out, const at::Tensor &in, const ab_params *p)
{
    by_rows(out, in, p, [](at::Tensor &o, const at::Tensor &x, const at::Tensor &w) {
        o.copy_(at::prelu(x, w));
    });
}

static void derivative_op(at::Tensor &out, const at::Tensor &in, const ab_params *p)
{
    by_rows(out, in, p, [](at::Tensor &o, const at::Tensor &x, const at::Tensor &w) {
        o.copy_(std::get<0>(at::prelu_backward(ab_torch::ones_like(x), x, w)));
    });
}

AB_TORCH_EXPORT(prelu, forward_op, derivative_op)
