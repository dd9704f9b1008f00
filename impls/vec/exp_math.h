/*
 * The exp family's cores, written once for every ISA of vec_*.h: e^x,
 * e^x - 1, log1p, the two-part sigmoid and the corrected division. Include
 * after vec/vec_avx2.h or vec/vec_avx512.h (the file's own flags decide).
 *
 * Method of e^x and e^x - 1:
 *   x = n*ln2 + r, n = round(x/ln2) by the 1.5*2^23 magic-add trick,
 *   r = x - n*ln2_hi - n*ln2_lo (Cody-Waite; with FMA the first step is exact
 *   because n*ln2_hi has its last bit at 2^-24 and |r| < 1/2),
 *   e^r - 1 = r + r^2*(c2 + c3 r + c4 r^2 + c5 r^3 + c6 r^4), binary32
 *   minimax coefficients from scripts/sollya/expm1_rr_p6.sollya (certified
 *   approximation error 2^-26.09 relative to e^r - 1 on |r| <= ln2/2).
 *   e^x = (2^n1 * (1 + p)) * 2^n2 with n1 = floor(n/2), n2 = n - n1: both
 *   factors are normal for every n in [-150, 128], the first product is
 *   exact, and the one rounding of the second gives correct subnormal
 *   results (down to 2^-149) and overflow to +inf without a special case.
 *   e^x - 1 = 2^n*p + (2^n - 1): 2^n - 1 is exact for n >= -24, and one FMA
 *   rounds the sum, so small and negative x keep full relative accuracy.
 * The approximation error above is the proved part; the kernels' rounding
 * errors are measured by the exhaustive sweep of each kernel built on these
 * cores (results/exhaustive/<activation>.csv), and each kernel file states
 * the bound it declares. Stable names for other kernels: abv_exp,
 * abv_exp_split, abv_exp_split_hilo, abv_expm1,
 * abv_log1p_unit, abv_sigmoid, abv_div_hilo.
 *
 * Special values: NaN flows through the arithmetic (the clamps put x in the
 * second operand of min/max, which is the one returned for NaN); +inf and
 * -inf are clamped to finite arguments whose results round to the limits.
 * Subnormal inputs and results need FTZ/DAZ off: abv_apply (vec/apply.h)
 * sees to it.
 */
#ifndef ACTBENCH_VEC_EXP_MATH_H
#define ACTBENCH_VEC_EXP_MATH_H

#include "vec/apply.h"

/* ---- constants ---------------------------------------------------------- */

#define AB_LOG2E 0x1.715476p+0f
#define AB_LN2_HI 0x1.62e430p-1f  /* ln2 to 24 bits: n*AB_LN2_HI exact in FMA */
#define AB_LN2_LO -0x1.05c610p-29f /* ln2 - AB_LN2_HI, rounded */
#define AB_ROUND_MAGIC 0x1.8p23f

/* scripts/sollya/expm1_rr_p6.sollya */
#define AB_EXPM1_C2 0x1.fffffep-2f
#define AB_EXPM1_C3 0x1.5554bp-3f
#define AB_EXPM1_C4 0x1.555716p-5f
#define AB_EXPM1_C5 0x1.12278ep-7f
#define AB_EXPM1_C6 0x1.6b7338p-10f

/* Below this e^x rounds to +0 (e^-104 < 2^-150); above the upper clamp it
 * overflows. Clamping keeps n in [-150, 128], where the two-step scale is
 * valid. */
#define AB_EXP_X_MIN -104.0f
#define AB_EXP_X_MAX 89.0f

ABV_INLINE abv_f abv_sign_bit(void)
{
    return abv_set(-0.0f);
}

/* ---- range reduction ---------------------------------------------------- */

/* n = round(x/ln2) as a float and as the bits of the magic sum (the integer
 * n sits in the low mantissa bits of *t); returns r = x - n*ln2.
 * Requires |x| <= 2^21 (the clamps of the callers guarantee it). */
ABV_INLINE abv_f abv_exp_reduce(abv_f x, abv_f *n, abv_f *t)
{
    const abv_f magic = abv_set(AB_ROUND_MAGIC);
    *t = abv_fma(x, abv_set(AB_LOG2E), magic);
    *n = abv_sub(*t, magic);
    abv_f r = abv_fnma(*n, abv_set(AB_LN2_HI), x);
    return abv_fnma(*n, abv_set(AB_LN2_LO), r);
}

/* The integer n from the magic sum t of abv_exp_reduce. */
ABV_INLINE abv_i abv_exp_n_int(abv_f t)
{
    return abv_sub_i(abv_bits(t),
                            abv_bits(abv_set(AB_ROUND_MAGIC)));
}

/* 2^k for integer k in [-126, 127], built in the exponent field. */
ABV_INLINE abv_f abv_pow2i(abv_i k)
{
    return abv_from_bits(
        abv_shl_i(abv_add_i(k, abv_set_i(127)), 23));
}

/* e^r - 1 for |r| <= ln2/2; returns +0 for r = -0 (callers that care about
 * the sign of zero restore it). */
ABV_INLINE abv_f abv_expm1_reduced(abv_f r)
{
    abv_f q = abv_fma(abv_set(AB_EXPM1_C6), r, abv_set(AB_EXPM1_C5));
    q = abv_fma(q, r, abv_set(AB_EXPM1_C4));
    q = abv_fma(q, r, abv_set(AB_EXPM1_C3));
    q = abv_fma(q, r, abv_set(AB_EXPM1_C2));
    abv_f r2 = abv_mul(r, r);
    return abv_fma(r2, q, r);
}

/* ---- e^x ---------------------------------------------------------------- */

/* 2^n1 e^r, rounded once, for clamped x; *s2 = 2^n2 (n = n1 + n2), and
 * *m_lo the rounding error of the result (callers that do not need it let
 * the compiler drop it).
 * r is kept as r_hi (exact) + r_lo = -n ln2_lo and 1 + r_hi is split
 * exactly (Fast2Sum), so e^r = hi + lo with |lo| < 2^-3 carrying the
 * polynomial and r_lo; the one rounding is the final FMA. This removes the
 * rounding of r and of 1 + p from the error budget (~0.5 ULP less than
 * rounding r, then p, then 1 + p). m = fl(s1 lo + s1 hi) lies within 1/8
 * of s1 hi, so s1 hi - m is exact (Sterbenz) and one FMA gives m_lo:
 * e^x = (m + m_lo) * s2 to ~2^-45 relative. */
ABV_INLINE abv_f abv_exp_scaled_hilo(abv_f x, abv_f *s2, abv_f *m_lo)
{
    const abv_f magic = abv_set(AB_ROUND_MAGIC);
    const abv_f one = abv_set(1.0f);
    abv_f t = abv_fma(x, abv_set(AB_LOG2E), magic);
    abv_f n = abv_sub(t, magic);
    abv_f r_hi = abv_fnma(n, abv_set(AB_LN2_HI), x);
    abv_f r_lo = abv_mul(n, abv_set(-AB_LN2_LO));
    abv_f r = abv_add(r_hi, r_lo);
    abv_f q = abv_fma(abv_set(AB_EXPM1_C6), r, abv_set(AB_EXPM1_C5));
    q = abv_fma(q, r, abv_set(AB_EXPM1_C4));
    q = abv_fma(q, r, abv_set(AB_EXPM1_C3));
    q = abv_fma(q, r, abv_set(AB_EXPM1_C2));
    abv_f small = abv_fma(abv_mul(r, r), q, r_lo);
    abv_f hi = abv_add(one, r_hi);
    abv_f lo = abv_add(abv_sub(r_hi, abv_sub(hi, one)), small);
    abv_i ni = abv_exp_n_int(t);
    abv_i n1 = abv_sra_i(ni, 1);
    abv_f s1 = abv_pow2i(n1);
    *s2 = abv_pow2i(abv_sub_i(ni, n1));
    abv_f s1_hi = abv_mul(s1, hi);
    abv_f m = abv_fma(s1, lo, s1_hi);
    *m_lo = abv_fma(s1, lo, abv_sub(s1_hi, m));
    return m;
}

/* e^x for every binary32 x: subnormal results rounded once (no flush),
 * +inf above ~88.72, +0 below ~-103.97, NaN for NaN. */
ABV_INLINE abv_f abv_exp(abv_f x)
{
    x = abv_max(abv_set(AB_EXP_X_MIN), x);
    x = abv_min(abv_set(AB_EXP_X_MAX), x);
    abv_f s2, m_lo;
    abv_f m = abv_exp_scaled_hilo(x, &s2, &m_lo);
    return abv_mul(m, s2);
}

/* Lower clamp of abv_exp_split: x e^x is still a nonzero binary32 down
 * to x ~ -108.4, so the split form reaches further than e^x alone; n >= -162
 * keeps both scale factors normal. */
#define AB_EXP_SPLIT_X_MIN -112.0f

/* e^x = m * s2 with m = 2^n1 * e^r normal: callers that multiply e^x by
 * something (x*e^x in silu and mish, alpha*e^x) do so on m and apply s2
 * last, so a subnormal result is rounded once instead of being formed from
 * an already rounded subnormal e^x. x is clamped to [-112, 89]: callers
 * handle x < -112 themselves (their results are zero there). */
ABV_INLINE abv_f abv_exp_split(abv_f x, abv_f *s2)
{
    x = abv_max(abv_set(AB_EXP_SPLIT_X_MIN), x);
    x = abv_min(abv_set(AB_EXP_X_MAX), x);
    abv_f m_lo;
    return abv_exp_scaled_hilo(x, s2, &m_lo);
}

/* abv_exp_split with the rounding error of m: e^x = (m + m_lo) * s2 to
 * ~2^-45 relative. */
ABV_INLINE abv_f abv_exp_split_hilo(abv_f x, abv_f *s2, abv_f *m_lo)
{
    x = abv_max(abv_set(AB_EXP_SPLIT_X_MIN), x);
    x = abv_min(abv_set(AB_EXP_X_MAX), x);
    return abv_exp_scaled_hilo(x, s2, m_lo);
}

/* (n_hi + n_lo) / (d_hi + d_lo) rounded about once: r = 1/d_hi correctly
 * rounded (a division), q = n_hi r (faithful), the exact remainder
 * n_hi - q d_hi (FMA) plus the low parts, and q + rem r: the correction's
 * error is 2^-24 of a 1-ULP correction. No estimate instruction (rcpps or
 * vrcp14ps would make the last bit depend on the CPU model): the same bits
 * on every x86-64 CPU, and on every ISA of vec_*.h.
 * Requires |n_lo| << |n_hi|, |d_lo| << |d_hi| (low parts of two-part
 * values) and d_hi >= 2^-126 (1/d_hi finite), as in every caller. */
ABV_INLINE abv_f abv_div_hilo(abv_f n_hi, abv_f n_lo, abv_f d_hi, abv_f d_lo)
{
    abv_f r = abv_div(abv_set(1.0f), d_hi);
    abv_f q = abv_mul(n_hi, r);
    abv_f rem = abv_fnma(q, d_hi, n_hi);
    rem = abv_add(rem, abv_fnma(q, d_lo, n_lo));
    /* q = +-inf makes rem NaN (inf - inf): drop the correction there; a NaN
     * q stays NaN through the final FMA. */
    rem = abv_select_zero(abv_is_number(rem), rem);
    return abv_fma(rem, r, q);
}

/* sigma(x) = select(x >= 0, 1, e) / (1 + e), e = e^-|x| in two parts and
 * 1 + e as an exact two-part sum, divided with abv_div_hilo: about one
 * rounding in all (measured 0.74 ULP, the worst in the subnormal range).
 * Shared by sigmoid and the softplus derivative. */
ABV_INLINE abv_f abv_sigmoid(abv_f x)
{
    abv_f s2, m_lo;
    abv_f m = abv_exp_split_hilo(abv_or(x, abv_sign_bit()), &s2, &m_lo);
    abv_f one = abv_set(1.0f);
    abv_f e = abv_mul(m, s2);
    abv_f e_lo = abv_mul(m_lo, s2);
    abv_f d_hi = abv_add(one, e);
    abv_f d_lo = abv_add(abv_sub(e, abv_sub(d_hi, one)), e_lo);
    abv_mask negative = abv_sign_set(x);
    abv_f num_hi = abv_select(negative, e, one);
    abv_f num_lo = abv_select_zero(negative, e_lo);
    return abv_div_hilo(num_hi, num_lo, d_hi, d_lo);
}

/* ---- log(1 + u) --------------------------------------------------------- */

/* scripts/sollya/log1p_p.sollya */
#define AB_LOG1P_C3 0x1.55557p-2f
#define AB_LOG1P_C4 -0x1.000234p-2f
#define AB_LOG1P_C5 0x1.99944ep-3f
#define AB_LOG1P_C6 -0x1.5466fep-3f
#define AB_LOG1P_C7 0x1.239ce2p-3f
#define AB_LOG1P_C8 -0x1.0e96ccp-3f
#define AB_LOG1P_C9 0x1.015976p-3f
#define AB_LOG1P_C10 -0x1.2a6f8p-4f

/* log(1 + u) for 0 <= u <= 1 (softplus calls it with u = e^-|x|).
 * w = 1 + u rounded and c = u - (w - 1) its exact rounding error (Fast2Sum,
 * valid as 1 >= u); w = 2^k (1 + f) with 1 + f in [sqrt(2)/2, sqrt(2)), f
 * exact; log1p(u) = k ln2 + log1p(f) + c/w, log1p(f) = f - f^2/2 +
 * f^3 P(f) (degree 10, certified 2^-26.9 relative). Subnormal u returns u;
 * NaN returns NaN. */
ABV_INLINE abv_f abv_log1p_unit(abv_f u)
{
    const abv_f one = abv_set(1.0f);
    abv_f w = abv_add(one, u);
    abv_f c = abv_sub(u, abv_sub(w, one));
    /* Shift the binade boundary to sqrt(2)/2 so that 1 + f straddles 1. */
    const abv_i sqrt_half_bits = abv_set_i(0x3f3504f3);
    abv_i shifted = abv_sub_i(abv_bits(w), sqrt_half_bits);
    abv_i k = abv_sra_i(shifted, 23);
    abv_f m = abv_from_bits(abv_add_i(
        abv_and_i(shifted, abv_set_i(0x007fffff)), sqrt_half_bits));
    abv_f f = abv_sub(m, one);
    abv_f kf = abv_to_float(k);

    abv_f q = abv_fma(abv_set(AB_LOG1P_C10), f, abv_set(AB_LOG1P_C9));
    q = abv_fma(q, f, abv_set(AB_LOG1P_C8));
    q = abv_fma(q, f, abv_set(AB_LOG1P_C7));
    q = abv_fma(q, f, abv_set(AB_LOG1P_C6));
    q = abv_fma(q, f, abv_set(AB_LOG1P_C5));
    q = abv_fma(q, f, abv_set(AB_LOG1P_C4));
    q = abv_fma(q, f, abv_set(AB_LOG1P_C3));
    abv_f f2 = abv_mul(f, f);
    /* -f^2/2 + f^3 q, then + f: the small terms first, f last. */
    abv_f tail = abv_mul(f2, abv_fma(f, q, abv_set(-0.5f)));
    tail = abv_add(tail, abv_div(c, w));
    tail = abv_fma(kf, abv_set(AB_LN2_LO), tail);
    abv_f hi = abv_fma(kf, abv_set(AB_LN2_HI), f);
    return abv_add(hi, tail);
}

/* ---- e^x - 1 ------------------------------------------------------------ */

/* Below this e^x - 1 rounds to -1 in binary32 (e^-18 < 2^-25). */
#define AB_EXPM1_X_MIN -18.0f
/* Upper end of the domain: 2^n must stay a normal float (n <= 127). */
#define AB_EXPM1_X_MAX 88.0f

/* e^x - 1 for x <= 88 (the activations need x <= 0); larger x, +inf
 * included, give expm1(88) — use abv_exp there. -inf gives -1, NaN
 * NaN, -0 gives +0 (abv_expm1 restores the sign; callers that take x
 * itself at +-0 need not), subnormal x gives x exactly. */
ABV_INLINE abv_f abv_expm1_plus_zero(abv_f x)
{
    abv_f xc = abv_max(abv_set(AB_EXPM1_X_MIN), x);
    xc = abv_min(abv_set(AB_EXPM1_X_MAX), xc);
    abv_f n, t;
    abv_f r = abv_exp_reduce(xc, &n, &t);
    abv_f p = abv_expm1_reduced(r);
    abv_f s = abv_pow2i(abv_exp_n_int(t));
    return abv_fma(s, p, abv_sub(s, abv_set(1.0f)));
}

/* e^x - 1 as abv_expm1_plus_zero, with -0 for x = -0. */
ABV_INLINE abv_f abv_expm1(abv_f x)
{
    /* e^x - 1 has the sign of x; only x = -0 needs it restored. */
    return abv_or(abv_expm1_plus_zero(x), abv_and(x, abv_sign_bit()));
}

#endif
