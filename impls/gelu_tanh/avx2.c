/* gelu_tanh, avx2: (x/2)(1 + tanh u) = x*s(2u), u = sqrt(2/pi)(x + 0.044715x^3),
 * s the logistic function, evaluated in binary64 four lanes at a time and
 * rounded once to binary32.
 *
 * Method. xc = x clamped to [-12, 12] (below -10.7 the result has underflowed
 * below 2^-150; above 12 s(2u) = 1 to far below binary64's precision, and the
 * clamp keeps -inf finite). E = e^(-2|u|) <= 1 by the binary64 exp of
 * avx2_f64.h (scripts/sollya/gelu_exp_f64.sollya), never overflowing:
 * s(2u) = 1/(1+E) for x >= 0 and E/(1+E) for x < 0 (a product, so the
 * negative tail keeps full relative accuracy down to the subnormal results,
 * no flush). Forward: x/(1+E) for x >= +0 (x itself, so +inf gives +inf),
 * xc*E/(1+E) for x <= -0 (-0 for -0 and for -inf). One binary64 division.
 * For |x| < 2^-40 the value is x*(1/2 +- 2^-52), which sits on the same side
 * of x/2 as the exact x/2 + x^2*sqrt(2/pi)/2, so subnormal x whose half is a
 * binary32 rounding midpoint still round correctly.
 * Derivative: s(2u)*(1 + 2x*u'*s(-2u)), u' = sqrt(2/pi)(1 + 3*0.044715x^2),
 * from the same E (no 1 - tanh^2 cancellation in the tails); on [-1, -1/2]
 * the bracket cancels around the root x0 = -0.7524, so there the derivative
 * is v*R(v), v = (x - x0_hi) - x0_lo, R of degree 9
 * (scripts/sollya/gelu_tanh_derivative_root.sollya, relative error 2^-40.8).
 * NaN propagated by a final blend. FTZ/DAZ cleared by ab_avx2_apply.
 *
 * Error: binary64 relative error about 2^-44, so the result is within
 * 0.5 + 2^-15 ULP. MEASURED (throwaway checker, x87 long double reference):
 * every 61st bit pattern (7.0e7 inputs) forward max 0.5000, derivative max
 * 0.5000 ULP; every input in [-2, -0.5) forward 0.5000 and in [-0.5, -0.25)
 * derivative max 0.500006 ULP. Not yet swept exhaustively. */
#include "avx2_exp.h"
#include "avx2_f64.h"

#define GT_CLAMP 12.0
#define GT_C 0x1.9884533d43651p-1 /* sqrt(2/pi) */
#define GT_A 0.044715
#define ROOT_HI -0x1.81429f9e97e4dp-1
#define ROOT_LO 0x1.4f523ed77dbdcp-55

/* gelu_tanh'(x0 + v) = v*R(v) on [-1, -1/2]: scripts/sollya/gelu_tanh_derivative_root.sollya */
AB_AVX2_INLINE __m256d derivative_near_root(__m256d x)
{
    __m256d v = _mm256_sub_pd(_mm256_sub_pd(x, _mm256_set1_pd(ROOT_HI)),
                              _mm256_set1_pd(ROOT_LO));
    __m256d p = _mm256_fmadd_pd(_mm256_set1_pd(0x1.0d8ee7a2327b8p-12), v,
                                _mm256_set1_pd(-0x1.dc33d13a34c0bp-11));
    p = _mm256_fmadd_pd(p, v, _mm256_set1_pd(-0x1.3d7b01480a97ap-9));
    p = _mm256_fmadd_pd(p, v, _mm256_set1_pd(0x1.58b86f1a56073p-8));
    p = _mm256_fmadd_pd(p, v, _mm256_set1_pd(0x1.427980a42d389p-6));
    p = _mm256_fmadd_pd(p, v, _mm256_set1_pd(-0x1.104a6b0464a4ep-6));
    p = _mm256_fmadd_pd(p, v, _mm256_set1_pd(-0x1.d2b7732f3cb0fp-4));
    p = _mm256_fmadd_pd(p, v, _mm256_set1_pd(-0x1.0296161f571f9p-6));
    p = _mm256_fmadd_pd(p, v, _mm256_set1_pd(0x1.8cd1a2b2f904p-2));
    p = _mm256_fmadd_pd(p, v, _mm256_set1_pd(0x1.b8bacd2c97b5fp-2));
    return _mm256_mul_pd(p, v);
}

typedef struct gelu_tanh_parts {
    __m256d xc;    /* x clamped to [-12, 12] */
    __m256d e;     /* e^(-2|u|) */
    __m256d inv;   /* 1/(1 + e) */
} gelu_tanh_parts;

AB_AVX2_INLINE gelu_tanh_parts gelu_tanh_core(__m256d x)
{
    gelu_tanh_parts r;
    r.xc = _mm256_max_pd(_mm256_set1_pd(-GT_CLAMP), _mm256_min_pd(_mm256_set1_pd(GT_CLAMP), x));
    __m256d a = _mm256_andnot_pd(_mm256_set1_pd(-0.0), r.xc);
    __m256d a2 = _mm256_mul_pd(a, a);
    __m256d u = _mm256_mul_pd(_mm256_set1_pd(GT_C), _mm256_fmadd_pd(_mm256_mul_pd(a2, a),
                                                                    _mm256_set1_pd(GT_A), a));
    r.e = ab_f64_exp(_mm256_mul_pd(u, _mm256_set1_pd(-2.0)));
    r.inv = _mm256_div_pd(_mm256_set1_pd(1.0), _mm256_add_pd(_mm256_set1_pd(1.0), r.e));
    return r;
}

AB_AVX2_INLINE __m256d gelu_tanh_value_f64(__m256d x)
{
    gelu_tanh_parts c = gelu_tanh_core(x);
    __m256d right = _mm256_mul_pd(x, c.inv);
    __m256d left = _mm256_mul_pd(_mm256_mul_pd(c.xc, c.e), c.inv);
    /* Chosen by x's sign bit: -0 takes the left form, -0*E/(1+E) = -0. */
    __m256d y = _mm256_blendv_pd(right, left, x);
    /* |x| < 2^-40: x*(1/2 +- 2^-52), on the exact value's side of x/2. */
    __m256d nudge = _mm256_or_pd(_mm256_set1_pd(0x1p-52), _mm256_and_pd(x, _mm256_set1_pd(-0.0)));
    __m256d tiny_value = _mm256_mul_pd(x, _mm256_add_pd(_mm256_set1_pd(0.5), nudge));
    __m256d tiny = _mm256_cmp_pd(_mm256_andnot_pd(_mm256_set1_pd(-0.0), x),
                                 _mm256_set1_pd(0x1p-40), _CMP_LT_OQ);
    return _mm256_blendv_pd(y, tiny_value, tiny);
}

AB_AVX2_INLINE __m256d gelu_tanh_slope_f64(__m256d x)
{
    gelu_tanh_parts c = gelu_tanh_core(x);
    __m256d s_minus = _mm256_mul_pd(c.e, c.inv); /* s(-2|u|) */
    __m256d negative = _mm256_cmp_pd(x, _mm256_setzero_pd(), _CMP_LT_OQ);
    __m256d s_of_2u = _mm256_blendv_pd(c.inv, s_minus, negative);
    __m256d s_of_minus_2u = _mm256_blendv_pd(s_minus, c.inv, negative);
    __m256d du = _mm256_mul_pd(_mm256_set1_pd(GT_C),
                               _mm256_fmadd_pd(_mm256_mul_pd(c.xc, c.xc),
                                               _mm256_set1_pd(3.0 * GT_A), _mm256_set1_pd(1.0)));
    __m256d bracket = _mm256_fmadd_pd(_mm256_mul_pd(_mm256_add_pd(c.xc, c.xc), du),
                                      s_of_minus_2u, _mm256_set1_pd(1.0));
    __m256d slope = _mm256_mul_pd(s_of_2u, bracket);
    __m256d near_root = _mm256_and_pd(_mm256_cmp_pd(x, _mm256_set1_pd(-1.0), _CMP_GE_OQ),
                                      _mm256_cmp_pd(x, _mm256_set1_pd(-0.5), _CMP_LE_OQ));
    return _mm256_blendv_pd(slope, derivative_near_root(x), near_root);
}

AB_AVX2_INLINE __m256 keep_nan(__m256 y, __m256 x)
{
    return _mm256_blendv_ps(y, x, _mm256_cmp_ps(x, x, _CMP_UNORD_Q));
}

AB_AVX2_INLINE __m256 gelu_tanh_value(__m256 x, const ab_params *p)
{
    (void)p;
    ab_f64x8 v = ab_f64_widen(x);
    v.lo = gelu_tanh_value_f64(v.lo);
    v.hi = gelu_tanh_value_f64(v.hi);
    return keep_nan(ab_f64_narrow(v), x);
}

AB_AVX2_INLINE __m256 gelu_tanh_slope(__m256 x, const ab_params *p)
{
    (void)p;
    ab_f64x8 v = ab_f64_widen(x);
    v.lo = gelu_tanh_slope_f64(v.lo);
    v.hi = gelu_tanh_slope_f64(v.hi);
    return keep_nan(ab_f64_narrow(v), x);
}

void AB_KERNEL(ab_gelu_tanh_avx2_forward)(const float *x, float *y, size_t n, const ab_params *p)
{
    ab_avx2_apply(x, y, n, p, gelu_tanh_value);
}

void AB_KERNEL(ab_gelu_tanh_avx2_derivative)(const float *x, float *y, size_t n, const ab_params *p)
{
    ab_avx2_apply(x, y, n, p, gelu_tanh_slope);
}
