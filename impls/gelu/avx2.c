/* gelu, avx2: x*Phi(x) = (x/2)*erfc(-x/sqrt(2)), evaluated in binary64 four
 * lanes at a time and rounded once to binary32.
 *
 * Method. a = min(|x|, 15) (gelu and gelu' have underflowed below 2^-150
 * before |x| = 15 on the negative side; on the positive side the clamp only
 * keeps +inf finite), t = a/sqrt(2), s = a^2/2 (exact in binary64).
 * erfc(t) = e^(-s) * G(u) / (1 + 2t), u = (t - 7/2)/(t + 7/2): G is a
 * degree-12 binary64 polynomial (scripts/sollya/gelu_erfcx.sollya, certified
 * relative error 2^-35.25 over the whole range), e^(-s) the binary64 exp of
 * avx2_f64.h; both quotients come from one division 1/((1+2t)(t+7/2)).
 * Q = erfc(t)/2 = Phi(-a). Forward: x >= +0: x - a*Q; x <= -0: -(a*Q), so the
 * negative tail is a product (no 1 + erf cancellation) and stays accurate
 * through the subnormal results (x down to about -14.2; no flush), and
 * gelu(-0) = -0. For |x| < 2^-40, Q is replaced by 1/2 - 2^-52 so that the
 * binary64 value sits on the correct side of x/2 when x/2 is a binary32
 * rounding midpoint (subnormal x); the exact value is x/2 + x^2/sqrt(2pi).
 * Derivative: Phi(x) + x*phi(x) with P = a*e^(-s)/sqrt(2pi): x > 0: (1 - Q) +
 * P; x < -1 and -1/2 < x <= 0: Q - P (the terms differ by a factor of 2 or
 * more there); on [-1, -1/2] around the root x0 = -0.7518 the two terms
 * cancel, so there gelu'(x) = v*R(v), v = (x - x0_hi) - x0_lo, R of degree 8
 * (scripts/sollya/gelu_derivative_root.sollya, relative error 2^-37.2).
 * NaN: propagated by a final blend. +inf: x - 15*Q = +inf, gelu' = 1.
 * -inf: -0 and -0 (the clamped value rounds to -0). Results do not depend
 * on FTZ/DAZ: ab_avx2_apply clears them for the call.
 *
 * Error: relative error of the binary64 value below 2^-33, so the result is
 * within 0.5 + 2^-9 ULP. MEASURED over every 3rd binary32 bit pattern
 * (1.43e9 inputs, all binades; throwaway checker against an x87 long double
 * erfcl/expl reference): forward max 0.5004 ULP (x = 0x1.ffacp-20),
 * derivative max 0.5005 ULP (x = -0x1.b615eep-2), no error class (the
 * reference's own -0 convention for gelu' in the left tail is followed). */
#include "avx2_exp.h"
#include "avx2_f64.h"

#define GELU_K 3.5
#define GELU_ABS_CLAMP 15.0
#define GELU_TINY 0x1p-40
#define INV_SQRT2 0x1.6a09e667f3bcdp-1
#define INV_SQRT_2PI 0x1.9884533d43651p-2
#define ROOT_HI -0x1.80ead197f00b4p-1
#define ROOT_LO 0x1.13e74c58cada8p-56

/* G(u) = erfcx(t)*(1 + 2t): scripts/sollya/gelu_erfcx.sollya */
AB_AVX2_INLINE __m256d erfcx_scaled(__m256d u)
{
    __m256d p = _mm256_fmadd_pd(_mm256_set1_pd(-0x1.145e13ed0a901p-14), u,
                                _mm256_set1_pd(-0x1.cd97323ad07adp-14));
    p = _mm256_fmadd_pd(p, u, _mm256_set1_pd(0x1.3410284e2b75p-11));
    p = _mm256_fmadd_pd(p, u, _mm256_set1_pd(-0x1.3afba4fa7a4e3p-12));
    p = _mm256_fmadd_pd(p, u, _mm256_set1_pd(-0x1.14c7c286de384p-8));
    p = _mm256_fmadd_pd(p, u, _mm256_set1_pd(0x1.38e432e88d836p-6));
    p = _mm256_fmadd_pd(p, u, _mm256_set1_pd(-0x1.8ff30d861d517p-5));
    p = _mm256_fmadd_pd(p, u, _mm256_set1_pd(0x1.68616bfaa6b8fp-4));
    p = _mm256_fmadd_pd(p, u, _mm256_set1_pd(-0x1.d7684d657c2b7p-4));
    p = _mm256_fmadd_pd(p, u, _mm256_set1_pd(0x1.8f7027d53468fp-4));
    p = _mm256_fmadd_pd(p, u, _mm256_set1_pd(-0x1.59e2bb79e9123p-7));
    p = _mm256_fmadd_pd(p, u, _mm256_set1_pd(-0x1.1ebd21fed9dddp-3));
    return _mm256_fmadd_pd(p, u, _mm256_set1_pd(0x1.3e0a99a0da792p0));
}

/* gelu'(x0 + v) = v*R(v) on [-1, -1/2]: scripts/sollya/gelu_derivative_root.sollya */
AB_AVX2_INLINE __m256d derivative_near_root(__m256d x)
{
    __m256d v = _mm256_sub_pd(_mm256_sub_pd(x, _mm256_set1_pd(ROOT_HI)),
                              _mm256_set1_pd(ROOT_LO));
    __m256d p = _mm256_fmadd_pd(_mm256_set1_pd(-0x1.7ff7adf79d416p-11), v,
                                _mm256_set1_pd(-0x1.221e85ad5e11ep-9));
    p = _mm256_fmadd_pd(p, v, _mm256_set1_pd(0x1.29720683bfffbp-8));
    p = _mm256_fmadd_pd(p, v, _mm256_set1_pd(0x1.3e2f4bec12dafp-6));
    p = _mm256_fmadd_pd(p, v, _mm256_set1_pd(-0x1.e4087074c69ddp-7));
    p = _mm256_fmadd_pd(p, v, _mm256_set1_pd(-0x1.d2fa46621e367p-4));
    p = _mm256_fmadd_pd(p, v, _mm256_set1_pd(-0x1.2a2ef9bcc2996p-6));
    p = _mm256_fmadd_pd(p, v, _mm256_set1_pd(0x1.8d9a941c2c8a2p-2));
    p = _mm256_fmadd_pd(p, v, _mm256_set1_pd(0x1.b9d98fa5a2937p-2));
    return _mm256_mul_pd(p, v);
}

typedef struct gelu_parts {
    __m256d a;  /* min(|x|, 15) */
    __m256d q;  /* Phi(-a) = erfc(a/sqrt2)/2 */
    __m256d e;  /* e^(-a^2/2) */
} gelu_parts;

AB_AVX2_INLINE gelu_parts gelu_core(__m256d x)
{
    gelu_parts r;
    __m256d abs_x = _mm256_andnot_pd(_mm256_set1_pd(-0.0), x);
    r.a = _mm256_min_pd(abs_x, _mm256_set1_pd(GELU_ABS_CLAMP));
    __m256d s = _mm256_mul_pd(_mm256_mul_pd(r.a, r.a), _mm256_set1_pd(0.5));
    __m256d t = _mm256_mul_pd(r.a, _mm256_set1_pd(INV_SQRT2));
    __m256d t_plus_k = _mm256_add_pd(t, _mm256_set1_pd(GELU_K));
    __m256d one_plus_2t = _mm256_fmadd_pd(t, _mm256_set1_pd(2.0), _mm256_set1_pd(1.0));
    __m256d d = _mm256_div_pd(_mm256_set1_pd(1.0), _mm256_mul_pd(one_plus_2t, t_plus_k));
    __m256d u = _mm256_mul_pd(_mm256_mul_pd(_mm256_sub_pd(t, _mm256_set1_pd(GELU_K)), one_plus_2t), d);
    __m256d w = _mm256_mul_pd(t_plus_k, d); /* 1/(1+2t) */
    r.e = ab_f64_exp(_mm256_sub_pd(_mm256_setzero_pd(), s));
    __m256d half_erfc = _mm256_mul_pd(_mm256_mul_pd(r.e, _mm256_mul_pd(erfcx_scaled(u), w)),
                                      _mm256_set1_pd(0.5));
    __m256d tiny = _mm256_cmp_pd(abs_x, _mm256_set1_pd(GELU_TINY), _CMP_LT_OQ);
    r.q = _mm256_blendv_pd(half_erfc, _mm256_set1_pd(0.5 - 0x1p-52), tiny);
    return r;
}

AB_AVX2_INLINE __m256d gelu_value_f64(__m256d x)
{
    gelu_parts c = gelu_core(x);
    __m256d h = _mm256_mul_pd(c.a, c.q);
    /* Chosen by x's sign bit: +0 gives 0 - 0 = +0, -0 gives -(+0) = -0. */
    __m256d minus_h = _mm256_xor_pd(h, _mm256_set1_pd(-0.0));
    return _mm256_blendv_pd(_mm256_sub_pd(x, h), minus_h, x);
}

AB_AVX2_INLINE __m256d gelu_slope_f64(__m256d x)
{
    gelu_parts c = gelu_core(x);
    __m256d p = _mm256_mul_pd(_mm256_mul_pd(c.a, c.e), _mm256_set1_pd(INV_SQRT_2PI));
    __m256d right = _mm256_add_pd(_mm256_sub_pd(_mm256_set1_pd(1.0), c.q), p);
    __m256d left = _mm256_sub_pd(c.q, p);
    __m256d positive = _mm256_cmp_pd(x, _mm256_setzero_pd(), _CMP_GT_OQ);
    __m256d slope = _mm256_blendv_pd(left, right, positive);
    __m256d near_root = _mm256_and_pd(_mm256_cmp_pd(x, _mm256_set1_pd(-1.0), _CMP_GE_OQ),
                                      _mm256_cmp_pd(x, _mm256_set1_pd(-0.5), _CMP_LE_OQ));
    return _mm256_blendv_pd(slope, derivative_near_root(x), near_root);
}

AB_AVX2_INLINE __m256 keep_nan(__m256 y, __m256 x)
{
    return _mm256_blendv_ps(y, x, _mm256_cmp_ps(x, x, _CMP_UNORD_Q));
}

AB_AVX2_INLINE __m256 gelu_value(__m256 x, const ab_params *p)
{
    (void)p;
    ab_f64x8 v = ab_f64_widen(x);
    v.lo = gelu_value_f64(v.lo);
    v.hi = gelu_value_f64(v.hi);
    return keep_nan(ab_f64_narrow(v), x);
}

AB_AVX2_INLINE __m256 gelu_slope(__m256 x, const ab_params *p)
{
    (void)p;
    ab_f64x8 v = ab_f64_widen(x);
    v.lo = gelu_slope_f64(v.lo);
    v.hi = gelu_slope_f64(v.hi);
    return keep_nan(ab_f64_narrow(v), x);
}

void AB_KERNEL(ab_gelu_avx2_forward)(const float *x, float *y, size_t n, const ab_params *p)
{
    ab_avx2_apply(x, y, n, p, gelu_value);
}

void AB_KERNEL(ab_gelu_avx2_derivative)(const float *x, float *y, size_t n, const ab_params *p)
{
    ab_avx2_apply(x, y, n, p, gelu_slope);
}
