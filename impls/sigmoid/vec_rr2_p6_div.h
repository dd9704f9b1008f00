/*
 * sigmoid, the rr2-p6-div method, written once for every ISA of vec_*.h
 * (the kernel files avx2_rr2_p6_div.c and avx512_rr2_p6_div.c state each
 * one's measured bound).
 * eb = e^-|x| 2^32 in two parts from vec/lean_math.h: two-step Cody-Waite
 * reduction (rr2), e^r = 1 + r q(r), q of degree 5 (p6; Sollya, 2^-27.98),
 * scale 2^(n+32) from the magic sum's bits, the rounding of the last FMA
 * kept as eb_lo.
 * sigma = select(x < 0, eb, 2^32) / (2^32 + eb): one division plus one
 * remainder correction against the exact two-part 2^32 + eb (div); no 1 - f
 * cancellation; at scale 2^32 the quotient is the final value, so
 * subnormal results (x < -87.3) are rounded once, never flushed.
 * Derivative e / (1 + e)^2 = (eb + eb_lo) 2^32 / (2^32 + eb)^2 with the
 * square as a two-part value, same corrected division.
 */
#ifndef ACTBENCH_SIGMOID_VEC_RR2_P6_DIV_H
#define ACTBENCH_SIGMOID_VEC_RR2_P6_DIV_H

#include "vec/lean_math.h"

ABV_INLINE abv_f sigmoid_rr2_p6_div(abv_f x, const ab_params *p)
{
    (void)p;
    abv_f eb_lo, d_lo;
    abv_f eb = abv_lean_exp_neg_big(abv_or(x, abv_sign_bit()), &eb_lo);
    abv_f d = abv_lean_denominator(eb, eb_lo, &d_lo);
    abv_mask negative = abv_sign_set(x);
    abv_f num = abv_select(negative, eb, abv_set(AB_LEAN_SCALE));
    abv_f num_lo = abv_select_zero(negative, eb_lo);
    return abv_lean_div_hilo(num, num_lo, d, d_lo);
}

ABV_INLINE abv_f sigmoid_rr2_p6_div_derivative(abv_f x, const ab_params *p)
{
    (void)p;
    abv_f eb_lo, d_lo;
    abv_f eb = abv_lean_exp_neg_big(abv_or(x, abv_sign_bit()), &eb_lo);
    abv_f d = abv_lean_denominator(eb, eb_lo, &d_lo);
    /* e / (1 + e)^2 = eb 2^32 / d^2: d^2 in two parts; eb 2^32 is exact. */
    abv_f d2 = abv_mul(d, d);
    abv_f d2_lo = abv_fms(d, d, d2);
    d2_lo = abv_fma(abv_add(d, d), d_lo, d2_lo);
    const abv_f scale = abv_set(AB_LEAN_SCALE);
    return abv_lean_div_hilo(abv_mul(eb, scale), abv_mul(eb_lo, scale), d2, d2_lo);
}

#endif
