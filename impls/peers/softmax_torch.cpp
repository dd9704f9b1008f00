/* softmax, peer-torch: ATen's _softmax_out(x, dim 0), what torch.softmax
 * runs on a float CPU tensor; the whole array is one row. Derivative (J·v,
 * v = params tangent): _softmax_backward_data(grad_output = v, output =
 * softmax(x)) = s*(v - sum s*v), which is J·v because softmax's Jacobian
 * is symmetric (PyTorch's forward-mode AD uses the same call). softmax(x)
 * goes to per-thread scratch first. The bound is in
 * impls/registry/peers_ml.def. */
#include <ATen/ops/_softmax.h>
#include <ATen/ops/_softmax_backward_data.h>

#include "torch_ops.h"

static void forward_op(at::Tensor &out, const at::Tensor &in, const ab_params *)
{
    at::_softmax_out(out, in, 0, false);
}

static void derivative_op(at::Tensor &out, const at::Tensor &in, const ab_params *p)
{
    at::Tensor s = ab_torch::scratch_like(in, 0);
    at::_softmax_out(s, in, 0, false);
    at::_softmax_backward_data_out(out, ab_torch::tangent(p, in),
                                   s, 0, at::kFloat);
}

extern "C" void ab_softmax_peer_torch_forward(const float *x, float *y, size_t n, const ab_params *p)
{
    ab_torch::row(forward_op, x, y, n, p);
}

extern "C" void ab_softmax_peer_torch_derivative(const float *x, float *y, size_t n,
                                                 const ab_params *p)
{
    ab_torch::row(derivative_op, x, y, n, p);
}
