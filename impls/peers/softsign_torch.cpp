/* softsign, peer-torch: ATen has no softsign operator;
 * torch.nn.functional.softsign is x / (|x| + 1) in three operators (abs,
 * add, div), run here the same way into scratch. Derivative: what autograd
 * sums for that graph with grad_output = 1: div's grad for x, 1/d, plus
 * div's grad for d, -((x/d)/d), through abs, times sgn(x); d = |x| + 1.
 * ATen's CPU kernels by capability (torch_ops.cpp); the measured bound is
 * in impls/registry/peers_ml.def. */
#include <ATen/ops/abs.h>
#include <ATen/ops/div.h>
#include <ATen/ops/mul.h>
#include <ATen/ops/add.h>
#include <ATen/ops/sgn.h>

#include "torch_ops.h"

/* d := |x| + 1 in scratch slot 0. */
static at::Tensor denominator(const at::Tensor &in)
{
    at::Tensor d = ab_torch::scratch_like(in, 0);
    at::abs_out(d, in);
    d.add_(1);
    return d;
}

static void forward_op(at::Tensor &out, const at::Tensor &in, const ab_params *)
{
    at::Tensor d = denominator(in);
    at::div_out(out, in, d);
}

static void derivative_op(at::Tensor &out, const at::Tensor &in, const ab_params *)
{
    at::Tensor d = denominator(in);
    at::Tensor via_abs = ab_torch::scratch_like(in, 1), sign = ab_torch::scratch_like(in, 2);
    at::div_out(via_abs, in, d);          /* x/d */
    via_abs.div_(d).neg_();               /* -((x/d)/d): div's grad for its divisor */
    at::sgn_out(sign, in);
    via_abs.mul_(sign);                   /* through abs */
    at::div_out(out, ab_torch::ones_like(in), d); /* div's grad for x */
    out.add_(via_abs);
}

AB_TORCH_EXPORT(softsign, forward_op, derivative_op)
