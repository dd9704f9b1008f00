/*
 * softsign in binary32 with one division and a remainder correction,
 * written once for every ISA of vec_*.h (each kernel file states its
 * measured bound). Declared bound: forward 1 ULP, derivative 1 ULP, no
 * error class.
 * Fast path, |x| <= 2^12 forward, 2^32 derivative (every lane of nearly
 * every vector):
 *   d = 1 + |x| rounded, d_lo = its exact rounding error (Fast2Sum of
 *   max(|x|, 1) and min(|x|, 1)), so 1 + |x| = d + d_lo exactly.
 *   Forward: q = |x|/d, rem = |x| - q d - q d_lo (the first FMA exact), and
 *   y = q + rem/(d + d_lo), where 1/(1 + |x|) = 1 - |x|/(1 + |x|) ~ 1 - q:
 *   the correction is below 1 ULP of q, and 1 - q's absolute error (half an
 *   ULP of q) is below 2^-12 of 1/(1 + |x|) for |x| <= 2^12, so it costs
 *   nothing visible (beyond ~2^22 it would be the whole of 1/(1 + |x|):
 *   measured 2.8 ULP at |x| ~ 2^24, hence the forward bound); the sign of x
 *   is put back last (so -0 gives -0). About one rounding in all.
 *   Derivative: r = 1/d, e = 1 - r d - r d_lo (relative error of r), and
 *   1/(1 + |x|)^2 = r^2 (1 + e)^2 ~ r2 + (r2_lo + 2 e r2) with r2 = r r and
 *   r2_lo its exact error (FMA): one final rounding. For |x| <= 2^32 every
 *   intermediate is a normal float (r2 >= 2^-66), so nothing underflows.
 * Slow path, a vector with a lane beyond those bounds, an infinity or a NaN: the
 * binary64 method of softsign/vec_f64_div.h for that vector, blended in on
 * those lanes only, so each output depends on its own input alone (the same
 * bits at any vector width, and in the tail as in the body). Cost on the
 * fast path: one compare and a movemask per vector (scripts/portbound.py's
 * llvm-mca bound counts the slow path's instructions too, so it is that of
 * both paths together).
 */
#ifndef ACTBENCH_SOFTSIGN_VEC_F32_DIV_H
#define ACTBENCH_SOFTSIGN_VEC_F32_DIV_H

#include "softsign/vec_f64_div.h"

#define SOFTSIGN_FAST_MAX 0x1p12f
#define SOFTSIGN_SLOPE_FAST_MAX 0x1p32f

/* 1 + |x| = d + *d_lo exactly, for finite x (Fast2Sum: big >= small). */
ABV_INLINE abv_f softsign_one_plus_abs_split(abv_f abs_x, abv_f *d_lo)
{
    const abv_f one = abv_set(1.0f);
    abv_f d = abv_add(one, abs_x);
    abv_f big = abv_max(one, abs_x);
    abv_f small = abv_min(one, abs_x);
    *d_lo = abv_sub(small, abv_sub(d, big));
    return d;
}

ABV_INLINE abv_f softsign_f32_div(abv_f x, const ab_params *p)
{
    abv_f abs_x = abv_andnot(abv_set(-0.0f), x);
    abv_f sign = abv_xor(x, abs_x);
    abv_f d_lo;
    abv_f d = softsign_one_plus_abs_split(abs_x, &d_lo);
    abv_f q = abv_div(abs_x, d);
    abv_f rem = abv_fnma(q, d, abs_x);
    rem = abv_fnma(q, d_lo, rem);
    abv_f y = abv_or(abv_fma(rem, abv_sub(abv_set(1.0f), q), q), sign);
    abv_mask slow = abv_gt_or_nan(abs_x, abv_set(SOFTSIGN_FAST_MAX));
    if (abv_any(slow))
        y = abv_select(slow, softsign_f64_div(x, p), y);
    return y;
}

ABV_INLINE abv_f softsign_f32_div_derivative(abv_f x, const ab_params *p)
{
    const abv_f one = abv_set(1.0f);
    abv_f abs_x = abv_andnot(abv_set(-0.0f), x);
    abv_f d_lo;
    abv_f d = softsign_one_plus_abs_split(abs_x, &d_lo);
    abv_f r = abv_div(one, d);
    abv_f e = abv_fnma(r, d, one);
    e = abv_fnma(r, d_lo, e);
    abv_f r2 = abv_mul(r, r);
    abv_f r2_lo = abv_fms(r, r, r2);
    abv_f y = abv_add(r2, abv_fma(abv_add(e, e), r2, r2_lo));
    abv_mask slow = abv_gt_or_nan(abs_x, abv_set(SOFTSIGN_SLOPE_FAST_MAX));
    if (abv_any(slow))
        y = abv_select(slow, softsign_f64_div_derivative(x, p), y);
    return y;
}

#endif
