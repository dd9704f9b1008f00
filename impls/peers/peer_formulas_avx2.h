/* The formulas a user writes from a vector math library's functions — the
 * "obvious" way, not our careful one: each takes the library's functions as
 * arguments, so libmvec and SLEEF run exactly the same formula and differ
 * only in the building blocks. Every operation rounds to binary32; no FMA
 * contraction beyond what the compiler does at -O2 in C17 mode (none). */
#ifndef ACTBENCH_PEER_FORMULAS_AVX2_H
#define ACTBENCH_PEER_FORMULAS_AVX2_H

#include "peer_avx2.h"

/* σ(x) = 1/(1+e^-x): e^-x overflows for x < -88.72 and σ becomes 0. */
static inline __m256 ab_peer_sigmoid_v8(__m256 x, ab_peer_v8_math exp_f)
{
    __m256 one = _mm256_set1_ps(1.0f);
    return _mm256_div_ps(one, _mm256_add_ps(one, exp_f(ab_peer_v8_neg(x))));
}

/* σ' = σ(1-σ) */
static inline __m256 ab_peer_sigmoid_derivative_v8(__m256 x, ab_peer_v8_math exp_f)
{
    __m256 s = ab_peer_sigmoid_v8(x, exp_f);
    return _mm256_mul_ps(s, _mm256_sub_ps(_mm256_set1_ps(1.0f), s));
}

/* tanh' = 1 - t² */
static inline __m256 ab_peer_tanh_derivative_v8(__m256 x, ab_peer_v8_math tanh_f)
{
    __m256 t = tanh_f(x);
    return _mm256_sub_ps(_mm256_set1_ps(1.0f), _mm256_mul_ps(t, t));
}

/* silu = x·σ(βx) = x/(1+e^(-βx)) */
static inline __m256 ab_peer_silu_v8(__m256 x, __m256 beta, ab_peer_v8_math exp_f)
{
    return _mm256_mul_ps(x, ab_peer_sigmoid_v8(_mm256_mul_ps(beta, x), exp_f));
}

/* silu' = σ(βx) + βx·σ(βx)(1-σ(βx)) */
static inline __m256 ab_peer_silu_derivative_v8(__m256 x, __m256 beta, ab_peer_v8_math exp_f)
{
    __m256 bx = _mm256_mul_ps(beta, x);
    __m256 s = ab_peer_sigmoid_v8(bx, exp_f);
    __m256 ds = _mm256_mul_ps(s, _mm256_sub_ps(_mm256_set1_ps(1.0f), s));
    return _mm256_add_ps(s, _mm256_mul_ps(bx, ds));
}

/* elu = x if x > 0 else α·expm1(x) */
static inline __m256 ab_peer_elu_v8(__m256 x, __m256 alpha, ab_peer_v8_math expm1_f)
{
    __m256 negative = _mm256_mul_ps(alpha, expm1_f(x));
    __m256 positive = _mm256_cmp_ps(x, _mm256_setzero_ps(), _CMP_GT_OQ);
    return _mm256_blendv_ps(negative, x, positive);
}

/* elu' = 1 if x > 0 else α·e^x */
static inline __m256 ab_peer_elu_derivative_v8(__m256 x, __m256 alpha, ab_peer_v8_math exp_f)
{
    __m256 negative = _mm256_mul_ps(alpha, exp_f(x));
    __m256 positive = _mm256_cmp_ps(x, _mm256_setzero_ps(), _CMP_GT_OQ);
    return _mm256_blendv_ps(negative, _mm256_set1_ps(1.0f), positive);
}

/* gelu = (x/2)·erfc(-x/√2): erfc rather than 1+erf, so the left tail does
 * not cancel (what a user who knows the cancellation writes). */
static inline __m256 ab_peer_gelu_v8(__m256 x, ab_peer_v8_math erfc_f)
{
    __m256 u = _mm256_mul_ps(x, _mm256_set1_ps(-0.70710678118654752f));
    return _mm256_mul_ps(_mm256_mul_ps(_mm256_set1_ps(0.5f), x), erfc_f(u));
}

/* gelu' = Φ(x) + x·φ(x) = erfc(-x/√2)/2 + x·e^(-x²/2)/√(2π) */
static inline __m256 ab_peer_gelu_derivative_v8(__m256 x, ab_peer_v8_math erfc_f,
                                                ab_peer_v8_math exp_f)
{
    __m256 u = _mm256_mul_ps(x, _mm256_set1_ps(-0.70710678118654752f));
    __m256 cdf = _mm256_mul_ps(_mm256_set1_ps(0.5f), erfc_f(u));
    __m256 e = exp_f(_mm256_mul_ps(_mm256_set1_ps(-0.5f), _mm256_mul_ps(x, x)));
    __m256 pdf = _mm256_mul_ps(_mm256_set1_ps(0.39894228040143268f), e);
    return _mm256_add_ps(cdf, _mm256_mul_ps(x, pdf));
}

/* softplus with the usual overflow guard: (max(βx,0) + log1p(e^-|βx|))/β */
static inline __m256 ab_peer_softplus_v8(__m256 x, __m256 beta, ab_peer_v8_math exp_f,
                                         ab_peer_v8_math log1p_f)
{
    __m256 bx = _mm256_mul_ps(beta, x);
    __m256 tail = log1p_f(exp_f(ab_peer_v8_neg(ab_peer_v8_abs(bx))));
    __m256 sp = _mm256_add_ps(_mm256_max_ps(bx, _mm256_setzero_ps()), tail);
    return _mm256_div_ps(sp, beta);
}

/* mish = x·tanh(softplus(x)) */
static inline __m256 ab_peer_mish_v8(__m256 x, ab_peer_v8_math exp_f, ab_peer_v8_math log1p_f,
                                     ab_peer_v8_math tanh_f)
{
    __m256 sp = ab_peer_softplus_v8(x, _mm256_set1_ps(1.0f), exp_f, log1p_f);
    return _mm256_mul_ps(x, tanh_f(sp));
}

/* mish' = t + x·σ(x)·(1-t²), t = tanh(softplus(x)) */
static inline __m256 ab_peer_mish_derivative_v8(__m256 x, ab_peer_v8_math exp_f,
                                                ab_peer_v8_math log1p_f, ab_peer_v8_math tanh_f)
{
    __m256 t = tanh_f(ab_peer_softplus_v8(x, _mm256_set1_ps(1.0f), exp_f, log1p_f));
    __m256 s = ab_peer_sigmoid_v8(x, exp_f);
    __m256 sech2 = _mm256_sub_ps(_mm256_set1_ps(1.0f), _mm256_mul_ps(t, t));
    return _mm256_add_ps(t, _mm256_mul_ps(_mm256_mul_ps(x, s), sech2));
}

#endif
