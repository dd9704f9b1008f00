/*
 * The thin vector layer for AVX-512 (F + BW + DQ + VL, with FMA): 16
 * binary32 lanes, conditions in opmask registers, tails by masked loads and
 * stores. Include only from files compiled with the AVX-512 flags (file
 * names containing "avx512"). Same operations and semantics as vec_avx2.h,
 * which explains the layer.
 */
#ifndef ACTBENCH_VEC_AVX512_H
#define ACTBENCH_VEC_AVX512_H

#include <immintrin.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "actbench/actbench.h"
#include "estimate.h" /* AB_KERNEL: the kernels' names */

#define ABV_INLINE static inline __attribute__((always_inline))
#define ABV_LANES 16

typedef __m512 abv_f;      /* 16 binary32 lanes */
typedef __m512i abv_i;     /* 16 int32 lanes */
typedef __mmask16 abv_mask; /* bit k: lane k's condition */

/* ---- memory: full vectors and the first rem < ABV_LANES lanes ----------- */
ABV_INLINE abv_f abv_load(const float *p) { return _mm512_loadu_ps(p); }
ABV_INLINE void abv_store(float *p, abv_f v) { _mm512_storeu_ps(p, v); }
ABV_INLINE __mmask16 abv_tail_lanes(size_t rem) { return (__mmask16)((1u << rem) - 1u); }
/* Disabled lanes read +0.0f and are never touched in memory (masked
 * accesses do not fault there). */
ABV_INLINE abv_f abv_load_part(const float *p, size_t rem)
{
    return _mm512_maskz_loadu_ps(abv_tail_lanes(rem), p);
}
ABV_INLINE void abv_store_part(float *p, size_t rem, abv_f v)
{
    _mm512_mask_storeu_ps(p, abv_tail_lanes(rem), v);
}

/* ---- constants and arithmetic ------------------------------------------- */
ABV_INLINE abv_f abv_set(float c) { return _mm512_set1_ps(c); }
ABV_INLINE abv_f abv_zero(void) { return _mm512_setzero_ps(); }
ABV_INLINE abv_f abv_add(abv_f a, abv_f b) { return _mm512_add_ps(a, b); }
ABV_INLINE abv_f abv_sub(abv_f a, abv_f b) { return _mm512_sub_ps(a, b); }
ABV_INLINE abv_f abv_mul(abv_f a, abv_f b) { return _mm512_mul_ps(a, b); }
ABV_INLINE abv_f abv_div(abv_f a, abv_f b) { return _mm512_div_ps(a, b); }
ABV_INLINE abv_f abv_fma(abv_f a, abv_f b, abv_f c) { return _mm512_fmadd_ps(a, b, c); }
ABV_INLINE abv_f abv_fnma(abv_f a, abv_f b, abv_f c) { return _mm512_fnmadd_ps(a, b, c); }
ABV_INLINE abv_f abv_fms(abv_f a, abv_f b, abv_f c) { return _mm512_fmsub_ps(a, b, c); }
ABV_INLINE abv_f abv_min(abv_f a, abv_f b) { return _mm512_min_ps(a, b); }
ABV_INLINE abv_f abv_max(abv_f a, abv_f b) { return _mm512_max_ps(a, b); }

/* ---- bits (DQ) ------------------------------------------------------------ */
ABV_INLINE abv_f abv_and(abv_f a, abv_f b) { return _mm512_and_ps(a, b); }
ABV_INLINE abv_f abv_or(abv_f a, abv_f b) { return _mm512_or_ps(a, b); }
ABV_INLINE abv_f abv_xor(abv_f a, abv_f b) { return _mm512_xor_ps(a, b); }
ABV_INLINE abv_f abv_andnot(abv_f a, abv_f b) { return _mm512_andnot_ps(a, b); }

/* ---- int32 lanes ---------------------------------------------------------- */
ABV_INLINE abv_i abv_bits(abv_f v) { return _mm512_castps_si512(v); }
ABV_INLINE abv_f abv_from_bits(abv_i v) { return _mm512_castsi512_ps(v); }
ABV_INLINE abv_i abv_set_i(int32_t c) { return _mm512_set1_epi32(c); }
ABV_INLINE abv_i abv_add_i(abv_i a, abv_i b) { return _mm512_add_epi32(a, b); }
ABV_INLINE abv_i abv_sub_i(abv_i a, abv_i b) { return _mm512_sub_epi32(a, b); }
ABV_INLINE abv_i abv_and_i(abv_i a, abv_i b) { return _mm512_and_si512(a, b); }
#define abv_shl_i(v, k) _mm512_slli_epi32((v), (k))
#define abv_sra_i(v, k) _mm512_srai_epi32((v), (k))
ABV_INLINE abv_f abv_to_float(abv_i v) { return _mm512_cvtepi32_ps(v); }

/* ---- compares and masks --------------------------------------------------- */
ABV_INLINE abv_mask abv_lt(abv_f a, abv_f b) { return _mm512_cmp_ps_mask(a, b, _CMP_LT_OQ); }
ABV_INLINE abv_mask abv_le(abv_f a, abv_f b) { return _mm512_cmp_ps_mask(a, b, _CMP_LE_OQ); }
ABV_INLINE abv_mask abv_gt(abv_f a, abv_f b) { return _mm512_cmp_ps_mask(a, b, _CMP_GT_OQ); }
ABV_INLINE abv_mask abv_ge(abv_f a, abv_f b) { return _mm512_cmp_ps_mask(a, b, _CMP_GE_OQ); }
ABV_INLINE abv_mask abv_eq(abv_f a, abv_f b) { return _mm512_cmp_ps_mask(a, b, _CMP_EQ_OQ); }
ABV_INLINE abv_mask abv_gt_or_nan(abv_f a, abv_f b)
{
    return _mm512_cmp_ps_mask(a, b, _CMP_NLE_UQ);
}
ABV_INLINE abv_mask abv_is_nan(abv_f a) { return _mm512_cmp_ps_mask(a, a, _CMP_UNORD_Q); }
ABV_INLINE abv_mask abv_is_number(abv_f a) { return _mm512_cmp_ps_mask(a, a, _CMP_ORD_Q); }
ABV_INLINE abv_mask abv_sign_set(abv_f a) { return _mm512_movepi32_mask(_mm512_castps_si512(a)); }
ABV_INLINE abv_mask abv_mask_and(abv_mask a, abv_mask b) { return (abv_mask)(a & b); }
ABV_INLINE abv_mask abv_mask_or(abv_mask a, abv_mask b) { return (abv_mask)(a | b); }
ABV_INLINE bool abv_any(abv_mask m) { return m != 0; }

/* A table of 8 floats (in both halves, so only idx's low 3 bits count), and
 * per lane its entry idx: one vpermps, as in vec_avx2.h. */
ABV_INLINE abv_f abv_table8(const float t[8]) { return _mm512_broadcast_f32x8(_mm256_loadu_ps(t)); }
ABV_INLINE abv_f abv_lookup8(abv_f table, abv_i idx) { return _mm512_permutexvar_ps(idx, table); }

ABV_INLINE abv_f abv_select(abv_mask m, abv_f a, abv_f b) { return _mm512_mask_blend_ps(m, b, a); }
ABV_INLINE abv_f abv_select_zero(abv_mask m, abv_f a) { return _mm512_maskz_mov_ps(m, a); }

/* ---- binary64 lanes (half as many): for kernels that evaluate in double
 * and round once to binary32 ------------------------------------------------ */
typedef __m512d abv_d;     /* 8 binary64 lanes */
typedef __mmask8 abv_dmask;
typedef __m512i abv_i64;   /* 8 int64 lanes */
typedef struct abv_d2 {
    abv_d lo, hi; /* binary32 lanes 0-7 and 8-15, widened */
} abv_d2;

ABV_INLINE abv_d2 abv_widen(abv_f x)
{
    return (abv_d2){_mm512_cvtps_pd(_mm512_castps512_ps256(x)),
                    _mm512_cvtps_pd(_mm512_extractf32x8_ps(x, 1))};
}
ABV_INLINE abv_f abv_narrow(abv_d2 v)
{
    return _mm512_insertf32x8(_mm512_castps256_ps512(_mm512_cvtpd_ps(v.lo)),
                              _mm512_cvtpd_ps(v.hi), 1);
}
ABV_INLINE abv_d abv_set_d(double c) { return _mm512_set1_pd(c); }
ABV_INLINE abv_d abv_zero_d(void) { return _mm512_setzero_pd(); }
ABV_INLINE abv_d abv_add_d(abv_d a, abv_d b) { return _mm512_add_pd(a, b); }
ABV_INLINE abv_d abv_sub_d(abv_d a, abv_d b) { return _mm512_sub_pd(a, b); }
ABV_INLINE abv_d abv_mul_d(abv_d a, abv_d b) { return _mm512_mul_pd(a, b); }
ABV_INLINE abv_d abv_div_d(abv_d a, abv_d b) { return _mm512_div_pd(a, b); }
ABV_INLINE abv_d abv_fma_d(abv_d a, abv_d b, abv_d c) { return _mm512_fmadd_pd(a, b, c); }
ABV_INLINE abv_d abv_fnma_d(abv_d a, abv_d b, abv_d c) { return _mm512_fnmadd_pd(a, b, c); }
ABV_INLINE abv_d abv_min_d(abv_d a, abv_d b) { return _mm512_min_pd(a, b); }
ABV_INLINE abv_d abv_max_d(abv_d a, abv_d b) { return _mm512_max_pd(a, b); }
ABV_INLINE abv_d abv_and_d(abv_d a, abv_d b) { return _mm512_and_pd(a, b); }
ABV_INLINE abv_d abv_or_d(abv_d a, abv_d b) { return _mm512_or_pd(a, b); }
ABV_INLINE abv_d abv_xor_d(abv_d a, abv_d b) { return _mm512_xor_pd(a, b); }
ABV_INLINE abv_d abv_andnot_d(abv_d a, abv_d b) { return _mm512_andnot_pd(a, b); }
ABV_INLINE abv_i64 abv_bits_d(abv_d v) { return _mm512_castpd_si512(v); }
ABV_INLINE abv_d abv_from_bits_d(abv_i64 v) { return _mm512_castsi512_pd(v); }
ABV_INLINE abv_i64 abv_add_i64(abv_i64 a, abv_i64 b) { return _mm512_add_epi64(a, b); }
ABV_INLINE abv_i64 abv_sub_i64(abv_i64 a, abv_i64 b) { return _mm512_sub_epi64(a, b); }
#define abv_shl_i64(v, k) _mm512_slli_epi64((v), (k))
ABV_INLINE abv_dmask abv_lt_d(abv_d a, abv_d b) { return _mm512_cmp_pd_mask(a, b, _CMP_LT_OQ); }
ABV_INLINE abv_dmask abv_le_d(abv_d a, abv_d b) { return _mm512_cmp_pd_mask(a, b, _CMP_LE_OQ); }
ABV_INLINE abv_dmask abv_gt_d(abv_d a, abv_d b) { return _mm512_cmp_pd_mask(a, b, _CMP_GT_OQ); }
ABV_INLINE abv_dmask abv_ge_d(abv_d a, abv_d b) { return _mm512_cmp_pd_mask(a, b, _CMP_GE_OQ); }
ABV_INLINE abv_dmask abv_is_nan_d(abv_d a) { return _mm512_cmp_pd_mask(a, a, _CMP_UNORD_Q); }
ABV_INLINE abv_dmask abv_sign_set_d(abv_d a) { return _mm512_movepi64_mask(_mm512_castpd_si512(a)); }
ABV_INLINE abv_dmask abv_mask_and_d(abv_dmask a, abv_dmask b) { return (abv_dmask)(a & b); }
ABV_INLINE abv_d abv_select_d(abv_dmask m, abv_d a, abv_d b) { return _mm512_mask_blend_pd(m, b, a); }
ABV_INLINE abv_d abv_fms_d(abv_d a, abv_d b, abv_d c) { return _mm512_fmsub_pd(a, b, c); }
ABV_INLINE abv_dmask abv_eq_d(abv_d a, abv_d b) { return _mm512_cmp_pd_mask(a, b, _CMP_EQ_OQ); }
ABV_INLINE abv_d abv_load_d(const double *p) { return _mm512_loadu_pd(p); }
ABV_INLINE void abv_store_d(double *p, abv_d v) { _mm512_storeu_pd(p, v); }

/* ---- row reductions (softmax-like kernels) -------------------------------- */
ABV_INLINE abv_mask abv_tail_mask(size_t rem) { return abv_tail_lanes(rem); }
/* The sum of the lanes, in a fixed order: halves, quarters, then pairs. */
ABV_INLINE double abv_hsum_d(abv_d v)
{
    __m256d h = _mm256_add_pd(_mm512_castpd512_pd256(v), _mm512_extractf64x4_pd(v, 1));
    __m128d s = _mm_add_pd(_mm256_castpd256_pd128(h), _mm256_extractf128_pd(h, 1));
    return _mm_cvtsd_f64(s) + _mm_cvtsd_f64(_mm_unpackhi_pd(s, s));
}

#endif
