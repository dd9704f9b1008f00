/* hardswish, avx2: PyTorch's x*relu6(x + 3)/6 in binary64, rounded once.
 * low = (x < -3 ? -3 : x), capped = min(low, 3): the value is
 * low*(capped + 3)/6, so x <= -3 gives -3*(+0)/6 = -0 (and -inf gives -0,
 * not -inf*0), x >= 3 gives x*6/6 = x exactly (+inf included), -0 gives -0.
 * Inside (-3, 3) the binary64 product and quotient carry about 2^-52
 * relative error, so the result is correctly rounded except for
 * double-rounding cases (error <= 0.5 + 2^-28 ULP). Derivative (PyTorch's
 * backward): +0 for x < -3, 1 for x > 3, (2x + 3)/6 in binary64 otherwise
 * (-1/2 at -3, 3/2 at 3), correctly rounded by the argument of hardsigmoid
 * (2x + 3 is exact); NaN fails both compares and flows through.
 * For |x| < 2^-40 the value is x*(1/2 +- 2^-52) (see hardswish_f64).
 * MEASURED (long double reference, throwaway checker): forward max 0.5000
 * ULP over every 3rd input of [-3.25, 3.25] (7.2e8 inputs; outside, the
 * result is -0 or x exactly), derivative max 0.5000 over every 7th bit
 * pattern. */
#include "avx2_exp.h"
#include "avx2_f64.h"

AB_AVX2_INLINE __m256d hardswish_f64(__m256d x)
{
    __m256d low = _mm256_blendv_pd(x, _mm256_set1_pd(-3.0),
                                   _mm256_cmp_pd(x, _mm256_set1_pd(-3.0), _CMP_LT_OQ));
    __m256d capped = _mm256_min_pd(_mm256_set1_pd(3.0), low);
    __m256d t = _mm256_add_pd(capped, _mm256_set1_pd(3.0));
    __m256d y = ab_f64_div6(_mm256_mul_pd(low, t));
    /* |x| < 2^-40: x*(1/2 +- 2^-52), on the exact x/2 + x^2/6's side of x/2,
     * so subnormal x whose half is a binary32 midpoint round correctly. */
    __m256d nudge = _mm256_or_pd(_mm256_set1_pd(0x1p-52), _mm256_and_pd(x, _mm256_set1_pd(-0.0)));
    __m256d tiny = _mm256_cmp_pd(_mm256_andnot_pd(_mm256_set1_pd(-0.0), x),
                                 _mm256_set1_pd(0x1p-40), _CMP_LT_OQ);
    return _mm256_blendv_pd(y, _mm256_mul_pd(x, _mm256_add_pd(_mm256_set1_pd(0.5), nudge)), tiny);
}

AB_AVX2_INLINE __m256d hardswish_slope_f64(__m256d x)
{
    __m256d middle = ab_f64_div6(_mm256_fmadd_pd(x, _mm256_set1_pd(2.0), _mm256_set1_pd(3.0)));
    __m256d slope = _mm256_blendv_pd(middle, _mm256_set1_pd(1.0),
                                     _mm256_cmp_pd(x, _mm256_set1_pd(3.0), _CMP_GT_OQ));
    return _mm256_blendv_pd(slope, _mm256_setzero_pd(),
                            _mm256_cmp_pd(x, _mm256_set1_pd(-3.0), _CMP_LT_OQ));
}

AB_AVX2_INLINE __m256 hardswish_value(__m256 x, const ab_params *p)
{
    (void)p;
    ab_f64x8 v = ab_f64_widen(x);
    v.lo = hardswish_f64(v.lo);
    v.hi = hardswish_f64(v.hi);
    return ab_f64_narrow(v);
}

AB_AVX2_INLINE __m256 hardswish_slope(__m256 x, const ab_params *p)
{
    (void)p;
    ab_f64x8 v = ab_f64_widen(x);
    v.lo = hardswish_slope_f64(v.lo);
    v.hi = hardswish_slope_f64(v.hi);
    return ab_f64_narrow(v);
}

void AB_KERNEL(ab_hardswish_avx2_forward)(const float *x, float *y, size_t n, const ab_params *p)
{
    ab_avx2_apply(x, y, n, p, hardswish_value);
}

void AB_KERNEL(ab_hardswish_avx2_derivative)(const float *x, float *y, size_t n, const ab_params *p)
{
    ab_avx2_apply(x, y, n, p, hardswish_slope);
}
