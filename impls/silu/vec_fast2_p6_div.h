/*
 * silu derivative, the fast2-p6-div method, written once for every ISA of
 * vec_*.h (the kernel files avx2_fast2_p6_div.c and avx512_fast2_p6_div.c
 * state each one's declared bound). The forward is the fast-p6-div
 * variant's (silu/vec_fast_p6_div.h), called, not repeated.
 *
 * h(z) = sigma(z)(1 + z(1 - sigma(z))), z = beta x, E = e^-|z|:
 *   z >= 0: h = (1 + E(1 + z)) / (1 + E)^2
 *   z <  0: h = E((1 + z) + E) / (1 + E)^2
 * At scale 2^64, with eb = E 2^32 from vec/lean_math.h's core (rr2
 * Cody-Waite, degree-5 q from scripts/sollya/lean_exp_rr_p6.sollya, its last
 * rounding kept as eb_lo) and A = (1 + z) 2^32, both numerators are one FMA
 *   N = eb C + K,  C = A (z >= 0) or A + eb (z < 0),  K = 2^64 or 0,
 * over (1 + E)^2 2^64 = 2^64 + eb (2^33 + eb) (vec/fast_math.h), and the
 * quotient at that scale is h itself. One vdivps, then fast_math.h's repair
 * with the low parts: A's rounding (only for |z| < 1/2; A is exact
 * elsewhere), the exact error of A + eb (TwoSum), eb_lo, and the FMA's
 * rounding (K - N is exact: N is within a factor 2 of K = 2^64, or K = 0).
 * All terms of the z >= 0 numerator are positive; for z < 0 the sum C has
 * no rounding left, so the result's error is the quotient's rounding, the
 * repair's, and the exp core's own (about 2^-24.6 relative in E), which
 * 1 + E/C - 2E/(1 + E) times reaches h; it grows without bound at the zero
 * x0 ~ -1.2785 where C cancels, and the whole error stays below 1.6 ULP
 * outside [-1.32, -1.24] (exhaustive over [-2, -1/2]). On the window
 * [-1.375, -1.1875] h is t G(t), t = z - x0, G of degree 4
 * (scripts/sollya/silu_deriv_root_fast2.sollya, 2^-26.7 relative),
 * evaluated for every vector and blended: near x0 the inputs of
 * normal(0,1) are too dense for a branch.
 * Slow path: a vector with a lane of |z| > 100 or NaN (where A or eb C
 * overflow, or the clamped exp no longer follows z) runs the two-part
 * derivative (silu/vec_two_part.h) on the whole vector, and its lanes
 * replace those outside the region (a lane's bits never depend on its
 * neighbours). In the region, results from 2^-149 (z ~ -100) to 1 + 2^-23
 * are rounded once at scale 2^64; subnormal z gives 1/2 exactly.
 */
#ifndef ACTBENCH_SILU_VEC_FAST2_P6_DIV_H
#define ACTBENCH_SILU_VEC_FAST2_P6_DIV_H

#include "vec/fast_math.h"
#include "silu/vec_two_part.h"

#define SILU_FAST2_ABS_MAX 100.0f

/* scripts/sollya/silu_deriv_root_fast2.sollya: G on the window, and the
 * zero x0 = SILU_D_X0_HI + SILU_D_X0_LO (silu/vec_two_part.h). */
#define SILU_FAST2_ROOT_LO -1.375f
#define SILU_FAST2_ROOT_HI -1.1875f
#define SILU_FAST2_G0 0x1.be141p-3f
#define SILU_FAST2_G1 0x1.2c5634p-3f
#define SILU_FAST2_G2 0x1.3542cep-6f
#define SILU_FAST2_G3 -0x1.f2c7eap-7f
#define SILU_FAST2_G4 -0x1.b692fcp-8f

/* t G(t): t = z - x0_hi is exact (Sterbenz), (t - x0_lo) G is rounded once
 * by the FMA. */
ABV_INLINE abv_f silu_fast2_near_zero(abv_f z)
{
    abv_f t = abv_sub(z, abv_set(SILU_D_X0_HI));
    abv_f g = abv_fma(abv_set(SILU_FAST2_G4), t, abv_set(SILU_FAST2_G3));
    g = abv_fma(g, t, abv_set(SILU_FAST2_G2));
    g = abv_fma(g, t, abv_set(SILU_FAST2_G1));
    g = abv_fma(g, t, abv_set(SILU_FAST2_G0));
    return abv_fma(t, g, abv_mul(abv_set(-SILU_D_X0_LO), g));
}

ABV_INLINE abv_f silu_fast2_p6_div_derivative(abv_f x, const ab_params *p)
{
    abv_f z = abv_mul(x, abv_set((float)p->beta));
    abv_f eb_lo, d2_lo;
    abv_f eb = abv_lean_exp_neg_big_from(abv_or(z, abv_sign_bit()), AB_LEAN_Z_MIN_FLOOR, &eb_lo);
    abv_f d2 = abv_fast_one_plus_e_squared(eb, eb_lo, &d2_lo);
    /* That square leaves the rounding of 2^33 + eb, up to 2^-25 of h where
     * E ~ 1/2: its exact error ((2^33 + eb) - 2^33 exact, Sterbenz) times
     * eb joins d2_lo. */
    const abv_f two_scale = abv_set(0x1p33f);
    abv_f t = abv_add(two_scale, eb);
    d2_lo = abv_fma(eb, abv_add(abv_sub(two_scale, t), eb), d2_lo);
    const abv_f scale = abv_set(AB_LEAN_SCALE);
    /* A = (1 + z) 2^32; 2^32 - A is exact for every A >= 2^31 (z >= -1/2),
     * and z <= -1/2 makes A exact, its low part 0. */
    abv_f a = abv_fma(z, scale, scale);
    abv_f a_lo = abv_fma(z, scale, abv_sub(scale, a));
    abv_mask negative = abv_sign_set(z);
    /* C = A + eb (z < 0) or A + 0, TwoSum: c_lo is exact. */
    abv_f e_neg = abv_select_zero(negative, eb);
    abv_f c = abv_add(a, e_neg);
    abv_f c_v = abv_sub(c, a);
    abv_f c_lo = abv_add(abv_sub(a, abv_sub(c, c_v)), abv_sub(e_neg, c_v));
    c_lo = abv_add(abv_add(c_lo, a_lo), abv_select_zero(negative, eb_lo));
    abv_f k = abv_select(negative, abv_zero(), abv_set(0x1p64f));
    abv_f num = abv_fma(eb, c, k);
    abv_f num_lo = abv_fma(eb, c, abv_sub(k, num));
    num_lo = abv_fma(eb_lo, c, abv_fma(eb, c_lo, num_lo));
    abv_f y = abv_fast_div_fix(abv_div(num, d2), num_lo, d2, d2_lo);
    abv_mask near_zero = abv_mask_and(abv_ge(z, abv_set(SILU_FAST2_ROOT_LO)),
                                      abv_le(z, abv_set(SILU_FAST2_ROOT_HI)));
    y = abv_select(near_zero, silu_fast2_near_zero(z), y);
    /* NaN: the unordered compare is true. */
    abv_mask outside = abv_gt_or_nan(abv_andnot(abv_sign_bit(), z), abv_set(SILU_FAST2_ABS_MAX));
    /* Per lane, so that an element's bits never depend on its neighbours. */
    if (__builtin_expect(abv_any(outside), 0))
        y = abv_select(outside, silu_two_part_derivative(x, p), y);
    return y;
}

#endif
