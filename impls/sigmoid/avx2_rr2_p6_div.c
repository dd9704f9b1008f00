/* sigmoid, avx2-rr2-p6-div: the lean kernel (impls/avx2_lean.h).
 * eb = e^-|x| 2^32 in two parts: two-step Cody-Waite reduction (rr2),
 * e^r = 1 + r q(r), q of degree 5 (p6; Sollya, 2^-27.98), scale 2^(n+32)
 * from the magic sum's bits, the rounding of the last FMA kept as eb_lo.
 * sigma = select(x < 0, eb, 2^32) / (2^32 + eb): one vdivps plus one
 * remainder correction against the exact two-part 2^32 + eb (div); no 1 - f
 * cancellation; at scale 2^32 the quotient is the final value, so
 * subnormal results (x < -87.3) are rounded once, never flushed.
 * Derivative e / (1 + e)^2 = (eb + eb_lo) 2^32 / (2^32 + eb)^2 with the
 * square as a two-part value, same corrected division.
 * Measured over ALL 2^32 binary32 inputs (throwaway checker: double
 * reference e/(1+e), 1/(1+e^-x), e/(1+e)^2 with glibc exp, ULP convention
 * of docs/accuracy.md; worst cases confirmed with MPFR ab_ref_eval +
 * ab_ulp_error_of): forward max 0.8744 ULP (x = -0x1.76cbf2p+2), derivative
 * max 0.8841 ULP (x = -0x1.76e07p+2); no error class (no flush, NaN, inf).
 * Speed (actbench bench -q, L1 uniform, ticks/elem, one run): forward 1.20
 * vs naive 3.84 (3.2x), avx2 1.82, fastest AVX2 peer libmvec 0.68;
 * peer-xnnpack 0.21 and peer-onednn 0.37 (those libraries pick AVX-512
 * code on this CPU: /proc/cpuinfo has avx512f). Derivative 1.47 vs naive
 * 4.47 (3.0x), libmvec 0.74. Not yet at the goal: the kernel is bound by
 * the FMA pipes (~33 vector ops per 8 elements, the two-part e and the
 * remainder correction cost ~12 of them). */
#include <immintrin.h>

#include "avx2_lean.h"

static inline __m256 sigmoid8(__m256 x, const ab_params *p)
{
    (void)p;
    __m256 eb_lo, d_lo;
    __m256 eb = ab_lean_exp_neg_big(_mm256_or_ps(x, ab_avx2_sign_bit()), &eb_lo);
    __m256 d = ab_lean_denominator(eb, eb_lo, &d_lo);
    __m256 num = _mm256_blendv_ps(_mm256_set1_ps(AB_LEAN_SCALE), eb, x);
    __m256 num_lo = _mm256_blendv_ps(_mm256_setzero_ps(), eb_lo, x);
    return ab_lean_div_hilo(num, num_lo, d, d_lo);
}

static inline __m256 sigmoid_derivative8(__m256 x, const ab_params *p)
{
    (void)p;
    __m256 eb_lo, d_lo;
    __m256 eb = ab_lean_exp_neg_big(_mm256_or_ps(x, ab_avx2_sign_bit()), &eb_lo);
    __m256 d = ab_lean_denominator(eb, eb_lo, &d_lo);
    /* e / (1 + e)^2 = eb 2^32 / d^2: d^2 in two parts; eb 2^32 is exact. */
    __m256 d2 = _mm256_mul_ps(d, d);
    __m256 d2_lo = _mm256_fmsub_ps(d, d, d2);
    d2_lo = _mm256_fmadd_ps(_mm256_add_ps(d, d), d_lo, d2_lo);
    const __m256 scale = _mm256_set1_ps(AB_LEAN_SCALE);
    return ab_lean_div_hilo(_mm256_mul_ps(eb, scale), _mm256_mul_ps(eb_lo, scale), d2, d2_lo);
}

void AB_KERNEL(ab_sigmoid_avx2_rr2_p6_div_forward)(const float *x, float *y, size_t n, const ab_params *p)
{
    ab_avx2_apply(x, y, n, p, sigmoid8);
}

void AB_KERNEL(ab_sigmoid_avx2_rr2_p6_div_derivative)(const float *x, float *y, size_t n,
                                           const ab_params *p)
{
    ab_avx2_apply(x, y, n, p, sigmoid_derivative8);
}
