/*
 * Shared AVX2 + FMA cores for the exp family of activations: e^x, e^x - 1,
 * log1p, and the loop driver (masked tail, MXCSR guard). Include only from
 * files compiled with -mavx2 -mfma (a file name containing "avx2").
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
 * Measured over all 2^32 binary32 inputs against double exp/expm1 (throwaway
 * checker, ULP convention of docs/accuracy.md): ab_avx2_expm1 max 1.522 ULP
 * on x <= 88 (x = 0x1.907d84p-2); ab_avx2_exp max 1.031 ULP in its first
 * form (r rounded, then 1 + p rounded) — it now uses the two-part
 * ab_avx2_exp_scaled, which was not re-swept on its own (the kernels built
 * on it measure 0.74 ULP at most). The kernel files state their own
 * measured errors. Stable names for other kernels: ab_avx2_exp,
 * ab_avx2_exp_split, ab_avx2_exp_split_hilo, ab_avx2_expm1,
 * ab_avx2_log1p_unit, ab_avx2_sigmoid, ab_avx2_div_hilo, ab_avx2_apply.
 *
 * Special values: NaN flows through the arithmetic (the clamps put x in the
 * second operand of min/max, which is the one returned for NaN); +inf and
 * -inf are clamped to finite arguments whose results round to the limits.
 *
 * FTZ/DAZ: subnormal inputs and results are only right with FTZ and DAZ off,
 * so ab_avx2_apply clears them for the duration of a kernel call and
 * restores the caller's MXCSR (only when they were set: the common case
 * costs one stmxcsr).
 */
#ifndef ACTBENCH_AVX2_EXP_H
#define ACTBENCH_AVX2_EXP_H

#include <immintrin.h>
#include <stddef.h>
#include <stdint.h>

#include "actbench/actbench.h"
#include "estimate.h"

#define AB_AVX2_INLINE static inline __attribute__((always_inline))

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

AB_AVX2_INLINE __m256 ab_avx2_sign_bit(void)
{
    return _mm256_set1_ps(-0.0f);
}

/* ---- range reduction ---------------------------------------------------- */

/* n = round(x/ln2) as a float and as the bits of the magic sum (the integer
 * n sits in the low mantissa bits of *t); returns r = x - n*ln2.
 * Requires |x| <= 2^21 (the clamps of the callers guarantee it). */
AB_AVX2_INLINE __m256 ab_avx2_exp_reduce(__m256 x, __m256 *n, __m256 *t)
{
    const __m256 magic = _mm256_set1_ps(AB_ROUND_MAGIC);
    *t = _mm256_fmadd_ps(x, _mm256_set1_ps(AB_LOG2E), magic);
    *n = _mm256_sub_ps(*t, magic);
    __m256 r = _mm256_fnmadd_ps(*n, _mm256_set1_ps(AB_LN2_HI), x);
    return _mm256_fnmadd_ps(*n, _mm256_set1_ps(AB_LN2_LO), r);
}

/* The integer n from the magic sum t of ab_avx2_exp_reduce. */
AB_AVX2_INLINE __m256i ab_avx2_exp_n_int(__m256 t)
{
    return _mm256_sub_epi32(_mm256_castps_si256(t),
                            _mm256_castps_si256(_mm256_set1_ps(AB_ROUND_MAGIC)));
}

/* 2^k for integer k in [-126, 127], built in the exponent field. */
AB_AVX2_INLINE __m256 ab_avx2_pow2i(__m256i k)
{
    return _mm256_castsi256_ps(
        _mm256_slli_epi32(_mm256_add_epi32(k, _mm256_set1_epi32(127)), 23));
}

/* e^r - 1 for |r| <= ln2/2; returns +0 for r = -0 (callers that care about
 * the sign of zero restore it). */
AB_AVX2_INLINE __m256 ab_avx2_expm1_reduced(__m256 r)
{
    __m256 q = _mm256_fmadd_ps(_mm256_set1_ps(AB_EXPM1_C6), r, _mm256_set1_ps(AB_EXPM1_C5));
    q = _mm256_fmadd_ps(q, r, _mm256_set1_ps(AB_EXPM1_C4));
    q = _mm256_fmadd_ps(q, r, _mm256_set1_ps(AB_EXPM1_C3));
    q = _mm256_fmadd_ps(q, r, _mm256_set1_ps(AB_EXPM1_C2));
    __m256 r2 = _mm256_mul_ps(r, r);
    return _mm256_fmadd_ps(r2, q, r);
}

/* ---- e^x ---------------------------------------------------------------- */

/* 2^n1 e^r, rounded once, for clamped x; *s2 = 2^n2 (n = n1 + n2).
 * r is kept as r_hi (exact) + r_lo = -n ln2_lo and 1 + r_hi is split
 * exactly (Fast2Sum), so e^r = hi + lo with |lo| < 2^-3 carrying the
 * polynomial and r_lo; the one rounding is the final FMA. This removes the
 * rounding of r and of 1 + p from the error budget (~0.5 ULP less than
 * rounding r, then p, then 1 + p). */
AB_AVX2_INLINE __m256 ab_avx2_exp_scaled(__m256 x, __m256 *s2)
{
    const __m256 magic = _mm256_set1_ps(AB_ROUND_MAGIC);
    const __m256 one = _mm256_set1_ps(1.0f);
    __m256 t = _mm256_fmadd_ps(x, _mm256_set1_ps(AB_LOG2E), magic);
    __m256 n = _mm256_sub_ps(t, magic);
    __m256 r_hi = _mm256_fnmadd_ps(n, _mm256_set1_ps(AB_LN2_HI), x);
    __m256 r_lo = _mm256_mul_ps(n, _mm256_set1_ps(-AB_LN2_LO));
    __m256 r = _mm256_add_ps(r_hi, r_lo);
    __m256 q = _mm256_fmadd_ps(_mm256_set1_ps(AB_EXPM1_C6), r, _mm256_set1_ps(AB_EXPM1_C5));
    q = _mm256_fmadd_ps(q, r, _mm256_set1_ps(AB_EXPM1_C4));
    q = _mm256_fmadd_ps(q, r, _mm256_set1_ps(AB_EXPM1_C3));
    q = _mm256_fmadd_ps(q, r, _mm256_set1_ps(AB_EXPM1_C2));
    __m256 small = _mm256_fmadd_ps(_mm256_mul_ps(r, r), q, r_lo);
    __m256 hi = _mm256_add_ps(one, r_hi);
    __m256 lo = _mm256_add_ps(_mm256_sub_ps(r_hi, _mm256_sub_ps(hi, one)), small);
    __m256i ni = ab_avx2_exp_n_int(t);
    __m256i n1 = _mm256_srai_epi32(ni, 1);
    __m256 s1 = ab_avx2_pow2i(n1);
    *s2 = ab_avx2_pow2i(_mm256_sub_epi32(ni, n1));
    return _mm256_fmadd_ps(s1, lo, _mm256_mul_ps(s1, hi));
}

/* e^x for every binary32 x: subnormal results rounded once (no flush),
 * +inf above ~88.72, +0 below ~-103.97, NaN for NaN. */
AB_AVX2_INLINE __m256 ab_avx2_exp(__m256 x)
{
    x = _mm256_max_ps(_mm256_set1_ps(AB_EXP_X_MIN), x);
    x = _mm256_min_ps(_mm256_set1_ps(AB_EXP_X_MAX), x);
    __m256 s2;
    __m256 m = ab_avx2_exp_scaled(x, &s2);
    return _mm256_mul_ps(m, s2);
}

/* Lower clamp of ab_avx2_exp_split: x e^x is still a nonzero binary32 down
 * to x ~ -108.4, so the split form reaches further than e^x alone; n >= -162
 * keeps both scale factors normal. */
#define AB_EXP_SPLIT_X_MIN -112.0f

/* e^x = m * s2 with m = 2^n1 * e^r normal: callers that multiply e^x by
 * something (x*e^x in silu and mish, alpha*e^x) do so on m and apply s2
 * last, so a subnormal result is rounded once instead of being formed from
 * an already rounded subnormal e^x. x is clamped to [-112, 89]: callers
 * handle x < -112 themselves (their results are zero there). */
AB_AVX2_INLINE __m256 ab_avx2_exp_split(__m256 x, __m256 *s2)
{
    x = _mm256_max_ps(_mm256_set1_ps(AB_EXP_SPLIT_X_MIN), x);
    x = _mm256_min_ps(_mm256_set1_ps(AB_EXP_X_MAX), x);
    return ab_avx2_exp_scaled(x, s2);
}

/* The rounding error of ab_avx2_exp_split's m: e^x = (m + m_lo) * s2 to
 * ~2^-45 relative. m = fl(s1 lo + s1 hi) lies within 1/8 of s1 hi, so
 * s1 hi - m is exact (Sterbenz) and one FMA gives the residual. */
AB_AVX2_INLINE __m256 ab_avx2_exp_split_hilo(__m256 x, __m256 *s2, __m256 *m_lo)
{
    x = _mm256_max_ps(_mm256_set1_ps(AB_EXP_SPLIT_X_MIN), x);
    x = _mm256_min_ps(_mm256_set1_ps(AB_EXP_X_MAX), x);
    const __m256 magic = _mm256_set1_ps(AB_ROUND_MAGIC);
    const __m256 one = _mm256_set1_ps(1.0f);
    __m256 t = _mm256_fmadd_ps(x, _mm256_set1_ps(AB_LOG2E), magic);
    __m256 n = _mm256_sub_ps(t, magic);
    __m256 r_hi = _mm256_fnmadd_ps(n, _mm256_set1_ps(AB_LN2_HI), x);
    __m256 r_lo = _mm256_mul_ps(n, _mm256_set1_ps(-AB_LN2_LO));
    __m256 r = _mm256_add_ps(r_hi, r_lo);
    __m256 q = _mm256_fmadd_ps(_mm256_set1_ps(AB_EXPM1_C6), r, _mm256_set1_ps(AB_EXPM1_C5));
    q = _mm256_fmadd_ps(q, r, _mm256_set1_ps(AB_EXPM1_C4));
    q = _mm256_fmadd_ps(q, r, _mm256_set1_ps(AB_EXPM1_C3));
    q = _mm256_fmadd_ps(q, r, _mm256_set1_ps(AB_EXPM1_C2));
    __m256 small = _mm256_fmadd_ps(_mm256_mul_ps(r, r), q, r_lo);
    __m256 hi = _mm256_add_ps(one, r_hi);
    __m256 lo = _mm256_add_ps(_mm256_sub_ps(r_hi, _mm256_sub_ps(hi, one)), small);
    __m256i ni = ab_avx2_exp_n_int(t);
    __m256i n1 = _mm256_srai_epi32(ni, 1);
    __m256 s1 = ab_avx2_pow2i(n1);
    *s2 = ab_avx2_pow2i(_mm256_sub_epi32(ni, n1));
    __m256 s1_hi = _mm256_mul_ps(s1, hi);
    __m256 m = _mm256_fmadd_ps(s1, lo, s1_hi);
    *m_lo = _mm256_fmadd_ps(s1, lo, _mm256_sub_ps(s1_hi, m));
    return m;
}

/* (n_hi + n_lo) / (d_hi + d_lo) rounded about once: r = 1/d_hi correctly
 * rounded (vdivps), q = n_hi r (faithful), the exact remainder n_hi - q d_hi
 * (FMA) plus the low parts, and q + rem r: the correction's error is
 * 2^-24 of a 1-ULP correction. No estimate instruction (rcpps would make the
 * last bit depend on the CPU model): the same bits on every x86-64 CPU.
 * Requires |n_lo| << |n_hi|, |d_lo| << |d_hi| (low parts of two-part
 * values) and d_hi >= 2^-126 (1/d_hi finite), as in every caller. */
AB_AVX2_INLINE __m256 ab_avx2_div_hilo(__m256 n_hi, __m256 n_lo, __m256 d_hi, __m256 d_lo)
{
    __m256 r = _mm256_div_ps(_mm256_set1_ps(1.0f), d_hi);
    __m256 q = _mm256_mul_ps(n_hi, r);
    __m256 rem = _mm256_fnmadd_ps(q, d_hi, n_hi);
    rem = _mm256_add_ps(rem, _mm256_fnmadd_ps(q, d_lo, n_lo));
    /* q = +-inf makes rem NaN (inf - inf): drop the correction there; a NaN
     * q stays NaN through the final FMA. */
    rem = _mm256_and_ps(rem, _mm256_cmp_ps(rem, rem, _CMP_ORD_Q));
    return _mm256_fmadd_ps(rem, r, q);
}

/* sigma(x) = select(x >= 0, 1, e) / (1 + e), e = e^-|x| in two parts and
 * 1 + e as an exact two-part sum, divided with ab_avx2_div_hilo: about one
 * rounding in all (measured 0.74 ULP, the worst in the subnormal range).
 * Shared by sigmoid and the softplus derivative. */
AB_AVX2_INLINE __m256 ab_avx2_sigmoid(__m256 x)
{
    __m256 s2, m_lo;
    __m256 m = ab_avx2_exp_split_hilo(_mm256_or_ps(x, ab_avx2_sign_bit()), &s2, &m_lo);
    __m256 one = _mm256_set1_ps(1.0f);
    __m256 e = _mm256_mul_ps(m, s2);
    __m256 e_lo = _mm256_mul_ps(m_lo, s2);
    __m256 d_hi = _mm256_add_ps(one, e);
    __m256 d_lo = _mm256_add_ps(_mm256_sub_ps(e, _mm256_sub_ps(d_hi, one)), e_lo);
    __m256 negative = _mm256_castsi256_ps(_mm256_srai_epi32(_mm256_castps_si256(x), 31));
    __m256 num_hi = _mm256_blendv_ps(one, e, negative);
    __m256 num_lo = _mm256_and_ps(e_lo, negative);
    return ab_avx2_div_hilo(num_hi, num_lo, d_hi, d_lo);
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
AB_AVX2_INLINE __m256 ab_avx2_log1p_unit(__m256 u)
{
    const __m256 one = _mm256_set1_ps(1.0f);
    __m256 w = _mm256_add_ps(one, u);
    __m256 c = _mm256_sub_ps(u, _mm256_sub_ps(w, one));
    /* Shift the binade boundary to sqrt(2)/2 so that 1 + f straddles 1. */
    const __m256i sqrt_half_bits = _mm256_set1_epi32(0x3f3504f3);
    __m256i shifted = _mm256_sub_epi32(_mm256_castps_si256(w), sqrt_half_bits);
    __m256i k = _mm256_srai_epi32(shifted, 23);
    __m256 m = _mm256_castsi256_ps(_mm256_add_epi32(
        _mm256_and_si256(shifted, _mm256_set1_epi32(0x007fffff)), sqrt_half_bits));
    __m256 f = _mm256_sub_ps(m, one);
    __m256 kf = _mm256_cvtepi32_ps(k);

    __m256 q = _mm256_fmadd_ps(_mm256_set1_ps(AB_LOG1P_C10), f, _mm256_set1_ps(AB_LOG1P_C9));
    q = _mm256_fmadd_ps(q, f, _mm256_set1_ps(AB_LOG1P_C8));
    q = _mm256_fmadd_ps(q, f, _mm256_set1_ps(AB_LOG1P_C7));
    q = _mm256_fmadd_ps(q, f, _mm256_set1_ps(AB_LOG1P_C6));
    q = _mm256_fmadd_ps(q, f, _mm256_set1_ps(AB_LOG1P_C5));
    q = _mm256_fmadd_ps(q, f, _mm256_set1_ps(AB_LOG1P_C4));
    q = _mm256_fmadd_ps(q, f, _mm256_set1_ps(AB_LOG1P_C3));
    __m256 f2 = _mm256_mul_ps(f, f);
    /* -f^2/2 + f^3 q, then + f: the small terms first, f last. */
    __m256 tail = _mm256_mul_ps(f2, _mm256_fmadd_ps(f, q, _mm256_set1_ps(-0.5f)));
    tail = _mm256_add_ps(tail, _mm256_div_ps(c, w));
    tail = _mm256_fmadd_ps(kf, _mm256_set1_ps(AB_LN2_LO), tail);
    __m256 hi = _mm256_fmadd_ps(kf, _mm256_set1_ps(AB_LN2_HI), f);
    return _mm256_add_ps(hi, tail);
}

/* ---- e^x - 1 ------------------------------------------------------------ */

/* Below this e^x - 1 rounds to -1 in binary32 (e^-18 < 2^-25). */
#define AB_EXPM1_X_MIN -18.0f
/* Upper end of the domain: 2^n must stay a normal float (n <= 127). */
#define AB_EXPM1_X_MAX 88.0f

/* e^x - 1 for x <= 88 (the activations need x <= 0); larger x, +inf
 * included, give expm1(88) — use ab_avx2_exp there. -inf gives -1, NaN
 * NaN, -0 gives -0, subnormal x gives x exactly. */
AB_AVX2_INLINE __m256 ab_avx2_expm1(__m256 x)
{
    __m256 xc = _mm256_max_ps(_mm256_set1_ps(AB_EXPM1_X_MIN), x);
    xc = _mm256_min_ps(_mm256_set1_ps(AB_EXPM1_X_MAX), xc);
    __m256 n, t;
    __m256 r = ab_avx2_exp_reduce(xc, &n, &t);
    __m256 p = ab_avx2_expm1_reduced(r);
    __m256 s = ab_avx2_pow2i(ab_avx2_exp_n_int(t));
    __m256 y = _mm256_fmadd_ps(s, p, _mm256_sub_ps(s, _mm256_set1_ps(1.0f)));
    /* e^x - 1 has the sign of x; only x = -0 needs it restored. */
    return _mm256_or_ps(y, _mm256_and_ps(x, ab_avx2_sign_bit()));
}

/* ---- loop driver -------------------------------------------------------- */

#define AB_MXCSR_FTZ_DAZ 0x8040u

AB_AVX2_INLINE unsigned ab_avx2_mxcsr_enter(void)
{
    unsigned csr = _mm_getcsr();
    if (csr & AB_MXCSR_FTZ_DAZ)
        _mm_setcsr(csr & ~AB_MXCSR_FTZ_DAZ);
    return csr;
}

AB_AVX2_INLINE void ab_avx2_mxcsr_leave(unsigned csr)
{
    if (csr & AB_MXCSR_FTZ_DAZ)
        _mm_setcsr(csr);
}

/* Lanes 0 .. rem-1 enabled, for 0 < rem < 8. */
AB_AVX2_INLINE __m256i ab_avx2_tail_mask(size_t rem)
{
    return _mm256_cmpgt_epi32(_mm256_set1_epi32((int)rem),
                              _mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7));
}

typedef __m256 (*ab_avx2_vec_fn)(__m256 x, const ab_params *p);

/* y[i] = f(x[i]) eight at a time; the tail goes through the same f with
 * masked loads (disabled lanes read 0.0f and are never stored), so the tail
 * is bit-identical to the body. Any n, unaligned, in-place. Inlined with a
 * constant f, so f is inlined too. */
AB_AVX2_INLINE void ab_avx2_apply(const float *x, float *y, size_t n,
                                  const ab_params *p, ab_avx2_vec_fn f)
{
    unsigned csr = ab_avx2_mxcsr_enter();
    size_t i = 0;
    for (; i + 8 <= n; i += 8)
        _mm256_storeu_ps(y + i, f(_mm256_loadu_ps(x + i), p));
    if (i < n) {
        __m256i m = ab_avx2_tail_mask(n - i);
        _mm256_maskstore_ps(y + i, m, f(_mm256_maskload_ps(x + i, m), p));
    }
    ab_avx2_mxcsr_leave(csr);
}

#endif
