/*
 * Binary64 helpers for the AVX2 kernels that evaluate in double and round
 * once to binary32 (gelu, gelu_tanh, softsign, hardsigmoid, hardswish,
 * softmax, log_softmax): widening 8 floats to two vectors of 4 doubles and
 * back, and e^x in binary64. Include only from files compiled with -mavx2
 * -mfma (after avx2_exp.h, which defines AB_AVX2_INLINE).
 *
 * e^x: x = k*ln2 + r, k = round(x/ln2) by the 1.5*2^52 magic add, r by
 * Cody-Waite with ln2_hi holding 37 significant bits (k*ln2_hi exact for
 * |k| < 2^16), e^r = 1 + r + c2 r^2 + ... + c9 r^9 (binary64 minimax from
 * scripts/sollya/gelu_exp_f64.sollya, certified relative error 2^-45.79),
 * scaled by 2^k built in the exponent field. Valid for x in [-1000, 700]
 * (normal double results); callers clamp their arguments far inside it.
 * Relative error about 2^-45: more than enough below a binary32 rounding.
 */
#ifndef ACTBENCH_AVX2_F64_H
#define ACTBENCH_AVX2_F64_H

#include <immintrin.h>

typedef struct ab_f64x8 {
    __m256d lo, hi; /* lanes 0-3 and 4-7 */
} ab_f64x8;

AB_AVX2_INLINE ab_f64x8 ab_f64_widen(__m256 x)
{
    return (ab_f64x8){_mm256_cvtps_pd(_mm256_castps256_ps128(x)),
                      _mm256_cvtps_pd(_mm256_extractf128_ps(x, 1))};
}

/* One rounding to binary32 per lane (round to nearest even, subnormals kept
 * when MXCSR FTZ is off). */
AB_AVX2_INLINE __m256 ab_f64_narrow(ab_f64x8 v)
{
    return _mm256_set_m128(_mm256_cvtpd_ps(v.hi), _mm256_cvtpd_ps(v.lo));
}

#define AB_F64_LOG2E 0x1.71547652b82fep0
#define AB_F64_LN2_HI 0x1.62e42fefap-1     /* 37 bits: k*hi exact */
#define AB_F64_LN2_LO 0x1.cf79abc9e3b3ap-40 /* ln2 - hi */
#define AB_F64_ROUND_MAGIC 0x1.8p52

/* e^x for x in [-1000, 700]. */
AB_AVX2_INLINE __m256d ab_f64_exp(__m256d x)
{
    const __m256d magic = _mm256_set1_pd(AB_F64_ROUND_MAGIC);
    __m256d t = _mm256_fmadd_pd(x, _mm256_set1_pd(AB_F64_LOG2E), magic);
    __m256d k = _mm256_sub_pd(t, magic);
    __m256d r = _mm256_fnmadd_pd(k, _mm256_set1_pd(AB_F64_LN2_HI), x);
    r = _mm256_fnmadd_pd(k, _mm256_set1_pd(AB_F64_LN2_LO), r);
    /* scripts/sollya/gelu_exp_f64.sollya */
    __m256d p = _mm256_fmadd_pd(_mm256_set1_pd(0x1.7101824800ed9p-19), r,
                                _mm256_set1_pd(0x1.a16e3343e0b3cp-16));
    p = _mm256_fmadd_pd(p, r, _mm256_set1_pd(0x1.a01b7384f8b45p-13));
    p = _mm256_fmadd_pd(p, r, _mm256_set1_pd(0x1.6c163be8b2a71p-10));
    p = _mm256_fmadd_pd(p, r, _mm256_set1_pd(0x1.1111108e2c2bep-7));
    p = _mm256_fmadd_pd(p, r, _mm256_set1_pd(0x1.5555557def257p-5));
    p = _mm256_fmadd_pd(p, r, _mm256_set1_pd(0x1.5555555589f05p-3));
    p = _mm256_fmadd_pd(p, r, _mm256_set1_pd(0x1.fffffffff13f4p-2));
    p = _mm256_fmadd_pd(p, _mm256_mul_pd(r, r), r);
    p = _mm256_add_pd(p, _mm256_set1_pd(1.0));
    /* k sits in the low bits of t: shift it into the exponent field. */
    __m256i k_bits = _mm256_sub_epi64(_mm256_castpd_si256(t), _mm256_castpd_si256(magic));
    __m256i scaled = _mm256_add_epi64(_mm256_castpd_si256(p), _mm256_slli_epi64(k_bits, 52));
    return _mm256_castsi256_pd(scaled);
}

/* t/6 correctly rounded in binary64 without a division: q = t*RN(1/6) is
 * within an ulp, the remainder t - 6q is exact with an FMA, and one
 * correction q + r*RN(1/6) rounds to the correctly rounded quotient
 * (Markstein's theorem; the same value as vdivpd, at FMA throughput). The
 * correction turns t = -0 into +0, so t's sign is put back (t/6 has it);
 * for t = ±inf the residual is NaN and the plain product is the answer. */
AB_AVX2_INLINE __m256d ab_f64_div6(__m256d t)
{
    const __m256d sixth = _mm256_set1_pd(1.0 / 6.0);
    __m256d q = _mm256_mul_pd(t, sixth);
    __m256d r = _mm256_fnmadd_pd(q, _mm256_set1_pd(6.0), t);
    __m256d quotient = _mm256_fmadd_pd(r, sixth, q);
    quotient = _mm256_blendv_pd(quotient, q, _mm256_cmp_pd(r, r, _CMP_UNORD_Q));
    return _mm256_or_pd(quotient, _mm256_and_pd(t, _mm256_set1_pd(-0.0)));
}

#endif
