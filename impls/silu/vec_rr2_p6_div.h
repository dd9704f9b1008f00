/*
 * silu forward, the rr2-p6-div method, written once for every ISA of
 * vec_*.h (each kernel file states its measured bound).
 * y = x sigma(z), z = beta x (one rounding; exact for the default beta = 1).
 * eb = e^-|z| 2^32 in two parts (vec/lean_math.h: rr2 Cody-Waite, p6 Sollya
 * polynomial, scale from the magic sum's bits); y = select(z < 0, x eb,
 * x 2^32) / (2^32 + eb), the numerator x eb as an exact two-part product
 * (FMA), one division plus a remainder correction against the exact
 * two-part 2^32 + eb. At scale 2^32 the quotient is the final value:
 * subnormal results (x < -87.3) are rounded once, never flushed. x 2^32
 * overflows for x > 2^95, where silu(x) = x: min(y, |x|) repairs it (y <= x
 * for x > 0, and for x < 0, y < 0 < |x|; NaN: min returns its second
 * operand; the sign of x is or-ed back for x = -0).
 * z < -109 (x e^x < 2^-150.5) gives -0.
 */
#ifndef ACTBENCH_SILU_VEC_RR2_P6_DIV_H
#define ACTBENCH_SILU_VEC_RR2_P6_DIV_H

#include "vec/lean_math.h"

ABV_INLINE abv_f silu_rr2_p6_div(abv_f x, abv_f beta)
{
    abv_f z = abv_mul(x, beta);
    abv_f eb_lo, d_lo;
    abv_f eb = abv_lean_exp_neg_big_from(abv_or(z, abv_sign_bit()), AB_LEAN_Z_MIN_FLOOR, &eb_lo);
    abv_f d = abv_lean_denominator(eb, eb_lo, &d_lo);
    abv_f xe = abv_mul(x, eb);
    abv_f xe_lo = abv_fma(x, eb_lo, abv_fms(x, eb, xe));
    abv_mask negative = abv_sign_set(z);
    abv_f num = abv_select(negative, xe, abv_mul(x, abv_set(AB_LEAN_SCALE)));
    abv_f num_lo = abv_select_zero(negative, xe_lo);
    abv_f y = abv_lean_div_hilo(num, num_lo, d, d_lo);
    abv_f sign = abv_and(x, abv_sign_bit());
    /* min returns |x| = +0 for x = -0: the sign of x goes back on. */
    y = abv_or(abv_min(y, abv_andnot(abv_sign_bit(), x)), sign);
    /* Subnormal x: the quotient x/2 can be an exact tie that x^2/4 breaks
     * (silu(2^-149) rounds to 2^-149, not 0) and the remainder correction
     * underflows there. Scaled by 2^64, x/2 + 2^-87 (a quarter ulp of the
     * result) is exact at ties; the scale back rounds once, the nudge only
     * decides ties, upwards as x/2 + x^2/4 does for either sign. */
    abv_f tiny_y = abv_fma(abv_mul(x, abv_set(0x1p64f)), abv_set(0.5f), abv_set(0x1p-87f));
    tiny_y = abv_mul(tiny_y, abv_set(0x1p-64f));
    abv_mask tiny = abv_lt(abv_andnot(abv_sign_bit(), x), abv_set(0x1p-126f));
    y = abv_select(tiny, abv_or(tiny_y, sign), y);
    abv_mask vanishing = abv_lt(z, abv_set(AB_LEAN_Z_MIN_FLOOR));
    return abv_select(vanishing, abv_set(-0.0f), y);
}

/* beta read once per call: p->beta inside the loop is reloaded every
 * iteration (the stores may alias it) and its vcvtsd2ss merges into a
 * register, a loop-carried dependency that cost ~1.7x. */
ABV_INLINE void silu_rr2_p6_div_apply(const float *x, float *y, size_t n, const ab_params *p)
{
    abv_apply_v(x, y, n, abv_set((float)p->beta), silu_rr2_p6_div);
}

#endif
