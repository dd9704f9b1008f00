/*
 * hardsigmoid in binary32 with 1/6 split in two floats, no division, written
 * once for every ISA of vec_*.h (each kernel file states its measured
 * bound). hardswish's split6 kernels call the same core, since hardswish(x)
 * = x*hardsigmoid(x) on [-3, 3].
 * cap = min(max(x, -3), 3), s = max(0, fma(cap, C_LO, fma(cap, C, 1/2))):
 *   C = rn(1/6) = 1/6 + 2^-26/3, C_LO = -2^-26/3 rounded toward zero.
 * The second FMA takes C's error term back out: near x = -3, where
 * (x + 3)/6 is tiny, cap*(C - 1/6) is comparable to the whole result, so a
 * single fma(cap, C, 1/2) would be wrong by many ULP there (the peer
 * formulas are). With the term removed, s has two roundings and nothing
 * cancels: the inner sum's error is at most half an ULP of a number no
 * larger than s, so the whole stays near 1 ULP (the sweep gives the
 * figure). The clamp comes first because an infinite cap would make
 * inf - inf in the second FMA. At cap = -3 the result is a negative number
 * of about 2^-53 (C_LO rounded toward zero), which max(0, .) turns into +0,
 * the exact value for every x <= -3 and -inf; cap = 3 gives 1 exactly
 * (1 + 2^-26 and then 1 - 2^-26 round to 1); +-0 give 1/2. NaN is the
 * second operand of every min/max, so it flows through.
 * Derivative (PyTorch's backward, as the reference): rn(1/6) for
 * -3 < x < 3, +0 elsewhere (0 at +-3 and +-inf), NaN for NaN.
 */
#ifndef ACTBENCH_HARDSIGMOID_VEC_F32_SPLIT6_H
#define ACTBENCH_HARDSIGMOID_VEC_F32_SPLIT6_H

#define SPLIT6_SIXTH 0x1.555556p-3f
#define SPLIT6_SIXTH_LO -0x1.555554p-28f /* 1/6 - SPLIT6_SIXTH toward zero */

/* (cap + 3)/6 clamped below at +0, for cap already in [-3, 3] or NaN. */
ABV_INLINE abv_f hardsigmoid_split6_of_capped(abv_f cap)
{
    abv_f s = abv_fma(cap, abv_set(SPLIT6_SIXTH), abv_set(0.5f));
    s = abv_fma(cap, abv_set(SPLIT6_SIXTH_LO), s);
    return abv_max(abv_zero(), s);
}

ABV_INLINE abv_f hardsigmoid_f32_split6(abv_f x, const ab_params *p)
{
    (void)p;
    abv_f cap = abv_min(abv_set(3.0f), abv_max(abv_set(-3.0f), x));
    return hardsigmoid_split6_of_capped(cap);
}

ABV_INLINE abv_f hardsigmoid_f32_derivative(abv_f x, const ab_params *p)
{
    (void)p;
    abv_mask inside = abv_mask_and(abv_gt(x, abv_set(-3.0f)), abv_lt(x, abv_set(3.0f)));
    abv_f slope = abv_select_zero(inside, abv_set(1.0f / 6.0f));
    return abv_or(slope, abv_select_zero(abv_is_nan(x), x));
}

#endif
