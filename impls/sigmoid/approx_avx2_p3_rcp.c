/* sigmoid, approx-avx2-p3-rcp: 8-wide AVX2+FMA. e = e^-|x| = 2^n p(f) with
 * n = round(-|x| log2 e), f the remainder (one FMA, no Cody-Waite split) and
 * p a degree-3 minimax of 2^f on [-1/2, 1/2] (scripts/sollya/approx_exp2_p3.sollya:
 * relative error 7.5e-5); σ = select(x >= 0, 1, e) · r, r = rcp(1 + e) refined
 * by one Newton step instead of a division. e is flushed to 0 below
 * -|x| = -87.33 (2^n would leave the normal range): σ(x) returns exactly 0 for
 * x < -87.33 where the true σ is a tiny normal or a subnormal (FTZ class).
 * Measured (double reference, every 16th binary32 pattern, /tmp checker):
 * forward max 8.4e6 ULP at x = -87.33 (the flush), otherwise ~630 ULP
 * (the p3 error), mean 446; max abs error 1.9e-5 on [-10, 10] near x = 0.
 * Derivative max 8.4e6 ULP at |x| = 87.33 (flush), abs 7.2e-6.
 * Derivative: e r² (= σ(1 - σ) without its cancellation), the derivative a user
 * of this approximation would compute; flushes the same way.
 * Any n (masked load/store tail, bit-identical to the body), unaligned,
 * in-place. NaN propagates. Independent of MXCSR FTZ/DAZ (no subnormal is
 * ever produced or consumed except a subnormal input, where σ = 1/2). */
#include <immintrin.h>
#include <stdint.h>

#include "actbench/actbench.h"

/* e^t for t <= 0, flushed to 0 below -87.33. */
static inline __m256 exp_p3_nonpositive(__m256 t)
{
    const __m256 log2e = _mm256_set1_ps(0x1.715476p+0f);
    __m256 z = _mm256_mul_ps(t, log2e);
    __m256 nf = _mm256_round_ps(z, _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC);
    __m256 f = _mm256_fmsub_ps(t, log2e, nf);
    __m256 p = _mm256_set1_ps(0x1.c3f798p-5f);
    p = _mm256_fmadd_ps(p, f, _mm256_set1_ps(0x1.f0de26p-3f));
    p = _mm256_fmadd_ps(p, f, _mm256_set1_ps(0x1.62f31ap-1f));
    p = _mm256_fmadd_ps(p, f, _mm256_set1_ps(0x1.fff692p-1f));
    __m256i scale = _mm256_slli_epi32(_mm256_cvtps_epi32(nf), 23);
    __m256 e = _mm256_castsi256_ps(_mm256_add_epi32(_mm256_castps_si256(p), scale));
    /* NaN compares false here and keeps its NaN bits (cvtps gives 0x80000000,
     * which the shift drops). */
    __m256 underflow = _mm256_cmp_ps(t, _mm256_set1_ps(-87.33f), _CMP_LT_OQ);
    return _mm256_andnot_ps(underflow, e);
}

static inline __m256 reciprocal_nr(__m256 d)
{
    __m256 r = _mm256_rcp_ps(d);
    return _mm256_mul_ps(r, _mm256_fnmadd_ps(d, r, _mm256_set1_ps(2.0f)));
}

static inline __m256i tail_mask(size_t rest)
{
    const __m256i lanes = _mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7);
    return _mm256_cmpgt_epi32(_mm256_set1_epi32((int)rest), lanes);
}

static inline __m256 sigmoid8(__m256 x)
{
    const __m256 sign = _mm256_set1_ps(-0.0f);
    __m256 e = exp_p3_nonpositive(_mm256_or_ps(x, sign));
    __m256 r = reciprocal_nr(_mm256_add_ps(_mm256_set1_ps(1.0f), e));
    return _mm256_blendv_ps(r, _mm256_mul_ps(e, r), x); /* sign bit picks e·r */
}

static inline __m256 sigmoid_derivative8(__m256 x)
{
    const __m256 sign = _mm256_set1_ps(-0.0f);
    __m256 e = exp_p3_nonpositive(_mm256_or_ps(x, sign));
    __m256 r = reciprocal_nr(_mm256_add_ps(_mm256_set1_ps(1.0f), e));
    return _mm256_mul_ps(_mm256_mul_ps(e, r), r);
}

void ab_sigmoid_approx_avx2_p3_rcp_forward(const float *x, float *y, size_t n, const ab_params *p)
{
    (void)p;
    size_t i = 0;
    for (; i + 8 <= n; i += 8)
        _mm256_storeu_ps(y + i, sigmoid8(_mm256_loadu_ps(x + i)));
    if (i < n) {
        __m256i m = tail_mask(n - i);
        _mm256_maskstore_ps(y + i, m, sigmoid8(_mm256_maskload_ps(x + i, m)));
    }
}

void ab_sigmoid_approx_avx2_p3_rcp_derivative(const float *x, float *y, size_t n, const ab_params *p)
{
    (void)p;
    size_t i = 0;
    for (; i + 8 <= n; i += 8)
        _mm256_storeu_ps(y + i, sigmoid_derivative8(_mm256_loadu_ps(x + i)));
    if (i < n) {
        __m256i m = tail_mask(n - i);
        _mm256_maskstore_ps(y + i, m, sigmoid_derivative8(_mm256_maskload_ps(x + i, m)));
    }
}
