/*
 * softplus, the fast-p6-p10 method, written once for every ISA of vec_*.h
 * (the kernel files avx2_fast_p6_p10.c and avx512_fast_p6_p10.c state each
 * one's declared bound).
 * softplus(x) = max(x, 0) + log1p(t), t = e^-|x| in (0, 1].
 * t from vec/lean_math.h's exp core (rr2 Cody-Waite, degree-5 q from
 * scripts/sollya/lean_exp_rr_p6.sollya) as eb = t 2^32 and the rounding of
 * its last FMA eb_lo, both unscaled by one exact multiply each.
 * log1p(t) by one polynomial over all of [0, 1], no range reduction:
 * t + t^2 Q(t), Q of degree 8 (scripts/sollya/softplus_log1p_unit_p10.sollya,
 * certified 2^-27.5 relative), Horner. That replaces the reduction of the
 * log1p-p10 kernel (Fast2Sum of 1 + u, exponent split, a division for the
 * correction) with one FMA more than its polynomial. A degree-9 fit
 * (2^-24.85) would save one FMA but leave no room in the 2-ULP budget.
 * The low part t_lo of t enters as t_lo / (1 + t) ~ t_lo (1 - t/2) (its
 * 12% error acts on half an ULP of t), folded into the last two FMAs:
 * small = t_lo + t (t Q - t_lo/2), log1p(t) = t + small.
 * The sum: max(x0, t) + (min(x0, t) + small), x0 = max(x, 0). Near x = 0
 * (t ~ 1, the worst region: Q's Horner roundings at |Q| ~ 0.31 cost about
 * half an ULP there) adding x0 to small first rounds a value below 0.31
 * instead of log1p(t) ~ 0.69; from x ~ 0.57 on (x0 > t) small joins t first.
 * Estrin's scheme for Q measured 2% faster (one session run) but raised
 * the worst error of the binade [-1, -0.5] from 1.33 to 1.58 ULP and of
 * [2^-15, 2^-11] from 1.70 to 1.78, so Horner stays.
 * No second path: t 2^32 stays normal down to the exp core's clamp
 * z = -104; for x < -87.3 the result is t itself, subnormal, rounded once
 * from the normal eb (the rest of the sum is below its last bit), and for
 * x < -103.97 it rounds to +0. NaN flows through the arithmetic (the clamp
 * and max(0, x) return x); +inf gives +inf, -inf +0.
 * Derivative: sigma(x), the sigmoid fast-p6-div math
 * (sigmoid/vec_fast_p6_div.h), included, not repeated.
 * beta != 1 runs the log1p-p10 math (softplus/vec_log1p.h) out of line: the
 * fast path is proven for the default beta only.
 */
#ifndef ACTBENCH_SOFTPLUS_VEC_FAST_P6_P10_H
#define ACTBENCH_SOFTPLUS_VEC_FAST_P6_P10_H

#include "vec/lean_math.h"
#include "sigmoid/vec_fast_p6_div.h"
#include "softplus/vec_log1p.h"

/* scripts/sollya/softplus_log1p_unit_p10.sollya */
#define SOFTPLUS_FAST_C2 -0x1.ffffd2p-2f
#define SOFTPLUS_FAST_C3 0x1.554ddap-2f
#define SOFTPLUS_FAST_C4 -0x1.ff2556p-3f
#define SOFTPLUS_FAST_C5 0x1.935568p-3f
#define SOFTPLUS_FAST_C6 -0x1.3a6736p-3f
#define SOFTPLUS_FAST_C7 0x1.b53c48p-4f
#define SOFTPLUS_FAST_C8 -0x1.d7efa8p-5f
#define SOFTPLUS_FAST_C9 0x1.4a9226p-6f
#define SOFTPLUS_FAST_C10 -0x1.b22adep-9f

ABV_INLINE abv_f softplus_fast_p6_p10(abv_f x, const ab_params *p)
{
    (void)p;
    abv_f eb_lo;
    abv_f eb = abv_lean_exp_neg_big(abv_or(x, abv_sign_bit()), &eb_lo);
    const abv_f unscale = abv_set(AB_LEAN_UNSCALE);
    abv_f t = abv_mul(eb, unscale);
    abv_f t_lo = abv_mul(eb_lo, unscale);
    abv_f q = abv_fma(abv_set(SOFTPLUS_FAST_C10), t, abv_set(SOFTPLUS_FAST_C9));
    q = abv_fma(q, t, abv_set(SOFTPLUS_FAST_C8));
    q = abv_fma(q, t, abv_set(SOFTPLUS_FAST_C7));
    q = abv_fma(q, t, abv_set(SOFTPLUS_FAST_C6));
    q = abv_fma(q, t, abv_set(SOFTPLUS_FAST_C5));
    q = abv_fma(q, t, abv_set(SOFTPLUS_FAST_C4));
    q = abv_fma(q, t, abv_set(SOFTPLUS_FAST_C3));
    q = abv_fma(q, t, abv_set(SOFTPLUS_FAST_C2));
    abv_f inner = abv_fma(t, q, abv_mul(t_lo, abv_set(-0.5f)));
    abv_f small = abv_fma(t, inner, t_lo);
    abv_f xp = abv_max(abv_zero(), x);
    abv_f big = abv_max(xp, t);
    return abv_add(big, abv_add(abv_min(xp, t), small));
}

/* beta != 1 (a parameter the fast path is not proven for): the log1p-p10
 * math, out of line, so that the kernels' own loop is the fast path's. */
__attribute__((noinline)) static void softplus_fast_other_beta(const float *x, float *y, size_t n,
                                                               const ab_params *p)
{
    abv_apply(x, y, n, p, softplus_log1p_beta);
}

__attribute__((noinline)) static void softplus_fast_other_beta_derivative(const float *x, float *y,
                                                                          size_t n,
                                                                          const ab_params *p)
{
    abv_apply(x, y, n, p, softplus_log1p_derivative);
}

ABV_INLINE void softplus_fast_p6_p10_apply(const float *x, float *y, size_t n, const ab_params *p)
{
    if (p->beta == 1.0)
        abv_apply(x, y, n, p, softplus_fast_p6_p10);
    else
        softplus_fast_other_beta(x, y, n, p);
}

ABV_INLINE void softplus_fast_p6_p10_derivative_apply(const float *x, float *y, size_t n,
                                                      const ab_params *p)
{
    if (p->beta == 1.0)
        abv_apply(x, y, n, p, sigmoid_fast_p6_div);
    else
        softplus_fast_other_beta_derivative(x, y, n, p);
}

#endif
