/* silu, avx2-approx-p3-rcp: 8-wide AVX2+FMA. x·σ(βx) with σ as in
 * impls/sigmoid/avx2_approx_p3_rcp.c: e = e^-|βx| = 2^n p(f), p a degree-3
 * minimax of 2^f (scripts/sollya/approx_exp2_p3.sollya: relative error 7.5e-5),
 * r = rcp(1 + e) + one Newton step, σ = select(βx >= 0, 1, e)·r. e is flushed
 * to 0 below -|βx| = -87.33: silu returns -0 for βx < -87.33 where the true
 * value is a tiny normal or a subnormal (FTZ class). x is clamped to
 * >= -100 (forward) and to [-100, 100] (derivative) in the products only
 * (NaN passes), so ±inf give the limits instead of inf·0.
 * Derivative: σ + βx·e r², the derivative a user of this approximation would
 * compute; flushes the same way.
 * Any n (masked load/store tail, bit-identical to the body), unaligned,
 * in-place. NaN propagates. Independent of MXCSR FTZ/DAZ.
 * Declared bound (the registry's): forward 1.7e+07 ULP (flush_to_zero), derivative 7.7e+08 ULP
 * (flush_to_zero, signed_zero_mismatch). Measured: row avx2-approx-p3-rcp of
 * results/exhaustive/silu.csv (every binary32 input) or, before a sweep, of
 * results/<machine_id>/accuracy.csv (sampled).
 */
#include "actbench/actbench.h"
#include "approx_avx2.h"

AB_APPROX_INLINE __m256 clamp_keep_nan(__m256 x, float bound)
{
    /* max/min return their second operand when either is NaN. */
    __m256 lo = _mm256_max_ps(_mm256_set1_ps(-bound), x);
    return _mm256_min_ps(_mm256_set1_ps(bound), lo);
}

AB_APPROX_INLINE __m256 silu8(__m256 x, __m256 beta)
{
    const __m256 sign = _mm256_set1_ps(-0.0f);
    __m256 z = _mm256_mul_ps(beta, x);
    __m256 e = ab_approx_exp_p3_nonpositive(_mm256_or_ps(z, sign));
    __m256 r = ab_approx_reciprocal_nr(_mm256_add_ps(_mm256_set1_ps(1.0f), e));
    __m256 s = _mm256_blendv_ps(r, _mm256_mul_ps(e, r), z);
    /* Only the lower side: -inf·0 would be NaN; +inf·1 is right. */
    return _mm256_mul_ps(_mm256_max_ps(_mm256_set1_ps(-100.0f), x), s);
}

AB_APPROX_INLINE __m256 silu_derivative8(__m256 x, __m256 beta)
{
    const __m256 sign = _mm256_set1_ps(-0.0f);
    __m256 z = _mm256_mul_ps(beta, x);
    __m256 e = ab_approx_exp_p3_nonpositive(_mm256_or_ps(z, sign));
    __m256 r = ab_approx_reciprocal_nr(_mm256_add_ps(_mm256_set1_ps(1.0f), e));
    __m256 s = _mm256_blendv_ps(r, _mm256_mul_ps(e, r), z);
    __m256 ds = _mm256_mul_ps(_mm256_mul_ps(e, r), r);
    __m256 zc = _mm256_mul_ps(beta, clamp_keep_nan(x, 100.0f));
    /* A NaN input gives x quieted (x + x), not whichever NaN operand the
     * compiler's FMA operand order lets through. */
    return _mm256_blendv_ps(_mm256_fmadd_ps(zc, ds, s), _mm256_add_ps(x, x),
                            _mm256_cmp_ps(x, x, _CMP_UNORD_Q));
}

void AB_KERNEL(ab_silu_avx2_approx_p3_rcp_forward)(const float *x, float *y, size_t n, const ab_params *p)
{
    ab_approx_apply(x, y, n, _mm256_set1_ps((float)p->beta), silu8);
}

void AB_KERNEL(ab_silu_avx2_approx_p3_rcp_derivative)(const float *x, float *y, size_t n, const ab_params *p)
{
    ab_approx_apply(x, y, n, _mm256_set1_ps((float)p->beta), silu_derivative8);
}
