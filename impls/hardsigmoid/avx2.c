/* hardsigmoid, avx2: PyTorch's relu6(x + 3)/6 = min(max(x + 3, 0), 6)/6,
 * correctly rounded: x + 3 is exact in binary64 for |x| >= 2^-28 (below,
 * the exact value is within 2^-30 of 1/2 and every step rounds to 1/2), and
 * t/6 is a correctly rounded binary64 quotient that cannot land on a binary32
 * rounding midpoint unless it is one exactly (t has at most 51 significant
 * bits below 2^-49, so t/6 is either a 25-bit midpoint or at least 2^-53.6
 * away from every one), so the final conversion rounds correctly. The clamps
 * put t second in min/max so NaN passes. -inf gives +0, +inf gives 1, +-0
 * give 1/2. Derivative (PyTorch's backward): 1/6 (rounded) for -3 < x < 3,
 * +0 elsewhere (0 at +-3 and +-inf), NaN for NaN.
 * MEASURED: max 0.5 ULP forward (correctly rounded; ties only) and 0.33
 * derivative, every input of [-3.25, 3.25] (outside, 0 or 1 exactly) with a
 * throwaway checker against a long double reference. */
#include "avx2_exp.h"
#include "avx2_f64.h"

AB_AVX2_INLINE __m256d hardsigmoid_f64(__m256d x)
{
    __m256d t = _mm256_add_pd(x, _mm256_set1_pd(3.0));
    t = _mm256_max_pd(_mm256_setzero_pd(), t);
    t = _mm256_min_pd(_mm256_set1_pd(6.0), t);
    return ab_f64_div6(t);
}

AB_AVX2_INLINE __m256 hardsigmoid_value(__m256 x, const ab_params *p)
{
    (void)p;
    ab_f64x8 v = ab_f64_widen(x);
    v.lo = hardsigmoid_f64(v.lo);
    v.hi = hardsigmoid_f64(v.hi);
    return ab_f64_narrow(v);
}

AB_AVX2_INLINE __m256 hardsigmoid_slope(__m256 x, const ab_params *p)
{
    (void)p;
    __m256 inside = _mm256_and_ps(_mm256_cmp_ps(x, _mm256_set1_ps(-3.0f), _CMP_GT_OQ),
                                  _mm256_cmp_ps(x, _mm256_set1_ps(3.0f), _CMP_LT_OQ));
    __m256 slope = _mm256_and_ps(inside, _mm256_set1_ps(1.0f / 6.0f));
    return _mm256_or_ps(slope, _mm256_and_ps(x, _mm256_cmp_ps(x, x, _CMP_UNORD_Q)));
}

void AB_KERNEL(ab_hardsigmoid_avx2_forward)(const float *x, float *y, size_t n, const ab_params *p)
{
    ab_avx2_apply(x, y, n, p, hardsigmoid_value);
}

void AB_KERNEL(ab_hardsigmoid_avx2_derivative)(const float *x, float *y, size_t n, const ab_params *p)
{
    ab_avx2_apply(x, y, n, p, hardsigmoid_slope);
}
