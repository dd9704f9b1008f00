/*
 * Helpers of the fast kernels (variants *-fast-*), written once for every
 * ISA of vec_*.h: the cheap repair of a quotient whose numerator and
 * denominator are two-part values, and the (1 + e)^2 of the derivatives.
 * Include after vec/vec_avx2.h or vec/vec_avx512.h.
 *
 * Why a repair: a fast kernel's quotient num / d carries three roundings of
 * about half an ULP each (e's, the sum d's, the quotient's); summed in the
 * worst mantissa alignment they exceed 2 ULP (2.1-2.3 ULP measured on
 * sigmoid without it). The lean exp core (vec/lean_math.h) gives e's
 * rounding as eb_lo, adds give the sum's exact error d_lo, and
 * y + (num_lo - y d_lo) / d needs 1/d only to a few percent, since the
 * correction is below 2^-23 y. That 1/d comes from integer arithmetic on
 * the bits of d (the classic magic-constant reciprocal, relative error
 * below 1/8): the same bits on every x86-64 CPU, unlike rcpps. What is left
 * is the quotient's rounding and the polynomial and reduction errors of e.
 */
#ifndef ACTBENCH_VEC_FAST_MATH_H
#define ACTBENCH_VEC_FAST_MATH_H

#include "vec/lean_math.h"

/* 1/d to within 1/8 relative for normal positive d whose reciprocal is
 * normal: the exponent negated and the mantissa reflected by subtracting
 * the bits from a constant (0x7ef311c7: the usual choice, its largest
 * relative error is ~0.12). Only for correction terms. */
#define AB_FAST_RECIP_MAGIC 0x7ef311c7
ABV_INLINE abv_f abv_fast_recip_rough(abv_f d)
{
    return abv_from_bits(abv_sub_i(abv_set_i(AB_FAST_RECIP_MAGIC), abv_bits(d)));
}

/* y = num / d repaired for the low parts of a two-part numerator and
 * denominator (num + num_lo, d + d_lo): y + (num_lo - y d_lo) / d, with
 * 1/d rough. For y != 0 (the correction is far below |y|). */
ABV_INLINE abv_f abv_fast_div_fix(abv_f y, abv_f num_lo, abv_f d, abv_f d_lo)
{
    return abv_fma(abv_fnma(y, d_lo, num_lo), abv_fast_recip_rough(d), y);
}

/* The same for a quotient y >= 0 that may be +0: the sign bit is cleared,
 * since +0 with a tiny negative correction would round to -0; NaN stays
 * NaN. */
ABV_INLINE abv_f abv_fast_div_fix_nonneg(abv_f y, abv_f num_lo, abv_f d, abv_f d_lo)
{
    return abv_andnot(abv_sign_bit(), abv_fast_div_fix(y, num_lo, d, d_lo));
}

/* The (1 + e)^2 2^64 of the derivatives e / (1 + e)^2, e 2^32 = eb + eb_lo:
 * 2^64 + eb (2^33 + eb) in one FMA, and the rest *d2_lo: that FMA's
 * rounding error by a second FMA (2^64 - d2 is exact: d2 is in
 * [2^64, 2^66]) plus eb_lo (2^33 + 2 eb) to first order; the rounding of
 * 2^33 + eb, below 2^-25 of the result, is left. */
ABV_INLINE abv_f abv_fast_one_plus_e_squared(abv_f eb, abv_f eb_lo, abv_f *d2_lo)
{
    abv_f t = abv_add(abv_set(0x1p33f), eb);
    const abv_f base = abv_set(0x1p64f);
    abv_f d2 = abv_fma(eb, t, base);
    abv_f lo = abv_fma(eb, t, abv_sub(base, d2));
    *d2_lo = abv_fma(eb_lo, abv_add(t, eb), lo);
    return d2;
}

#endif
