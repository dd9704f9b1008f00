/*
 * silu forward, the fast-p6-div method, written once for every ISA of
 * vec_*.h (the kernel files avx2_fast_p6_div.c and avx512_fast_p6_div.c
 * state each one's declared bound).
 * y = x sigma(z), z = beta x. Fast path, taken when every lane has
 * 2^-126 <= |x| <= 100 and |z| <= 100 (all of normal(0,1) and
 * uniform[-10,10]): eb = e^-|z| 2^32 in two parts (vec/lean_math.h's core:
 * rr2 Cody-Waite, degree-5 q), the numerator select(z < 0, x eb, x 2^32)
 * with the exact error of x eb (one FMS), one vdivps by the rounded
 * 2^32 + eb, then vec/fast_math.h's repair: the low parts of numerator and
 * denominator over a rough 1/d (integer arithmetic, no estimate
 * instruction). In that region no result is zero or overflows, and the
 * quotient at scale 2^32 is the final value, subnormal results (x < -87.3)
 * rounded once.
 * Slow path: a vector with any other lane (zeros, subnormal x where
 * x/2 + x^2/4 breaks ties, |x| > 100 where x 2^32 may overflow or x e^x
 * vanishes, +-inf, NaN) runs the rr2-p6-div kernel's math
 * (silu/vec_rr2_p6_div.h, which handles every one of those) on the whole
 * vector, and its lanes replace those outside the region (a lane's bits
 * never depend on its neighbours): one compare pair + movemask + a branch
 * that these inputs make predictable.
 */
#ifndef ACTBENCH_SILU_VEC_FAST_P6_DIV_H
#define ACTBENCH_SILU_VEC_FAST_P6_DIV_H

#include "vec/fast_math.h"
#include "silu/vec_rr2_p6_div.h"

#define SILU_FAST_ABS_MIN 0x1p-126f
#define SILU_FAST_ABS_MAX 100.0f

ABV_INLINE abv_f silu_fast_p6_div(abv_f x, abv_f beta)
{
    abv_f z = abv_mul(x, beta);
    abv_f ax = abv_andnot(abv_sign_bit(), x);
    abv_f az = abv_andnot(abv_sign_bit(), z);
    abv_f eb_lo;
    abv_f eb = abv_lean_exp_neg_big_from(abv_or(z, abv_sign_bit()), AB_LEAN_Z_MIN_FLOOR, &eb_lo);
    const abv_f scale = abv_set(AB_LEAN_SCALE);
    abv_f d = abv_add(scale, eb);
    abv_f d_lo = abv_add(abv_add(abv_sub(scale, d), eb), eb_lo);
    abv_f xe = abv_mul(x, eb);
    abv_f xe_lo = abv_fma(x, eb_lo, abv_fms(x, eb, xe));
    abv_mask negative = abv_sign_set(z);
    abv_f num = abv_select(negative, xe, abv_mul(x, scale));
    abv_f num_lo = abv_select_zero(negative, xe_lo);
    abv_f y = abv_fast_div_fix(abv_div(num, d), num_lo, d, d_lo);
    /* NaN in x or z: max returns az, NaN, and the unordered compare is true */
    abv_mask outside = abv_mask_or(abv_lt(ax, abv_set(SILU_FAST_ABS_MIN)),
                                   abv_gt_or_nan(abv_max(ax, az), abv_set(SILU_FAST_ABS_MAX)));
    /* Per lane, so that an element's bits never depend on its neighbours. */
    if (__builtin_expect(abv_any(outside), 0))
        y = abv_select(outside, silu_rr2_p6_div(x, beta), y);
    return y;
}

/* beta read once per call (see silu_rr2_p6_div_apply). */
ABV_INLINE void silu_fast_p6_div_apply(const float *x, float *y, size_t n, const ab_params *p)
{
    abv_apply_v(x, y, n, abv_set((float)p->beta), silu_fast_p6_div);
}

#endif
