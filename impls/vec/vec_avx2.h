/*
 * The thin vector layer for AVX2 + FMA: 8 binary32 lanes. Include only from
 * files compiled with -mavx2 -mfma (file names containing "avx2").
 *
 * The math headers of this directory (exp_math.h, lean_math.h, ...) are
 * written once against the abv_* operations defined here and in
 * vec_avx512.h; a kernel file includes one of the two, then the math, so an
 * AVX2 and an AVX-512 kernel run the same arithmetic and cannot drift apart.
 * A mask (abv_mask) is a per-lane condition: here a vector whose lanes are
 * all-ones or all-zeros, as the AVX2 compares produce; in vec_avx512.h an
 * opmask register. No estimate instruction (rcpps, vrcp14ps) is offered:
 * their bits depend on the CPU model.
 */
#ifndef ACTBENCH_VEC_AVX2_H
#define ACTBENCH_VEC_AVX2_H

#include <immintrin.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "actbench/actbench.h"
#include "estimate.h" /* AB_KERNEL: the kernels' names */

#define ABV_INLINE static inline __attribute__((always_inline))
#define ABV_LANES 8

typedef __m256 abv_f;    /* 8 binary32 lanes */
typedef __m256i abv_i;   /* 8 int32 lanes */
typedef __m256 abv_mask; /* per lane all-ones (true) or all-zeros */

/* ---- memory: full vectors and the first rem < ABV_LANES lanes ----------- */
ABV_INLINE abv_f abv_load(const float *p) { return _mm256_loadu_ps(p); }
ABV_INLINE void abv_store(float *p, abv_f v) { _mm256_storeu_ps(p, v); }
ABV_INLINE __m256i abv_tail_lanes(size_t rem)
{
    return _mm256_cmpgt_epi32(_mm256_set1_epi32((int)rem),
                              _mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7));
}
/* Disabled lanes read +0.0f and are never touched in memory. */
ABV_INLINE abv_f abv_load_part(const float *p, size_t rem)
{
    return _mm256_maskload_ps(p, abv_tail_lanes(rem));
}
ABV_INLINE void abv_store_part(float *p, size_t rem, abv_f v)
{
    _mm256_maskstore_ps(p, abv_tail_lanes(rem), v);
}

/* ---- constants and arithmetic ------------------------------------------- */
ABV_INLINE abv_f abv_set(float c) { return _mm256_set1_ps(c); }
ABV_INLINE abv_f abv_zero(void) { return _mm256_setzero_ps(); }
ABV_INLINE abv_f abv_add(abv_f a, abv_f b) { return _mm256_add_ps(a, b); }
ABV_INLINE abv_f abv_sub(abv_f a, abv_f b) { return _mm256_sub_ps(a, b); }
ABV_INLINE abv_f abv_mul(abv_f a, abv_f b) { return _mm256_mul_ps(a, b); }
ABV_INLINE abv_f abv_div(abv_f a, abv_f b) { return _mm256_div_ps(a, b); }
/* a b + c, c - a b, a b - c: each rounded once. */
ABV_INLINE abv_f abv_fma(abv_f a, abv_f b, abv_f c) { return _mm256_fmadd_ps(a, b, c); }
ABV_INLINE abv_f abv_fnma(abv_f a, abv_f b, abv_f c) { return _mm256_fnmadd_ps(a, b, c); }
ABV_INLINE abv_f abv_fms(abv_f a, abv_f b, abv_f c) { return _mm256_fmsub_ps(a, b, c); }
/* min/max return b when either is NaN (the x86 rule the clamps rely on). */
ABV_INLINE abv_f abv_min(abv_f a, abv_f b) { return _mm256_min_ps(a, b); }
ABV_INLINE abv_f abv_max(abv_f a, abv_f b) { return _mm256_max_ps(a, b); }

/* ---- bits ---------------------------------------------------------------- */
ABV_INLINE abv_f abv_and(abv_f a, abv_f b) { return _mm256_and_ps(a, b); }
ABV_INLINE abv_f abv_or(abv_f a, abv_f b) { return _mm256_or_ps(a, b); }
ABV_INLINE abv_f abv_xor(abv_f a, abv_f b) { return _mm256_xor_ps(a, b); }
/* ~a & b */
ABV_INLINE abv_f abv_andnot(abv_f a, abv_f b) { return _mm256_andnot_ps(a, b); }

/* ---- int32 lanes ---------------------------------------------------------- */
ABV_INLINE abv_i abv_bits(abv_f v) { return _mm256_castps_si256(v); }
ABV_INLINE abv_f abv_from_bits(abv_i v) { return _mm256_castsi256_ps(v); }
ABV_INLINE abv_i abv_set_i(int32_t c) { return _mm256_set1_epi32(c); }
ABV_INLINE abv_i abv_add_i(abv_i a, abv_i b) { return _mm256_add_epi32(a, b); }
ABV_INLINE abv_i abv_sub_i(abv_i a, abv_i b) { return _mm256_sub_epi32(a, b); }
ABV_INLINE abv_i abv_and_i(abv_i a, abv_i b) { return _mm256_and_si256(a, b); }
#define abv_shl_i(v, k) _mm256_slli_epi32((v), (k))
#define abv_sra_i(v, k) _mm256_srai_epi32((v), (k))
ABV_INLINE abv_f abv_to_float(abv_i v) { return _mm256_cvtepi32_ps(v); }

/* ---- compares and masks --------------------------------------------------- */
ABV_INLINE abv_mask abv_lt(abv_f a, abv_f b) { return _mm256_cmp_ps(a, b, _CMP_LT_OQ); }
ABV_INLINE abv_mask abv_le(abv_f a, abv_f b) { return _mm256_cmp_ps(a, b, _CMP_LE_OQ); }
ABV_INLINE abv_mask abv_gt(abv_f a, abv_f b) { return _mm256_cmp_ps(a, b, _CMP_GT_OQ); }
ABV_INLINE abv_mask abv_ge(abv_f a, abv_f b) { return _mm256_cmp_ps(a, b, _CMP_GE_OQ); }
ABV_INLINE abv_mask abv_eq(abv_f a, abv_f b) { return _mm256_cmp_ps(a, b, _CMP_EQ_OQ); }
/* a > b or either is NaN */
ABV_INLINE abv_mask abv_gt_or_nan(abv_f a, abv_f b) { return _mm256_cmp_ps(a, b, _CMP_NLE_UQ); }
ABV_INLINE abv_mask abv_is_nan(abv_f a) { return _mm256_cmp_ps(a, a, _CMP_UNORD_Q); }
ABV_INLINE abv_mask abv_is_number(abv_f a) { return _mm256_cmp_ps(a, a, _CMP_ORD_Q); }
/* Lanes whose sign bit is set (-0, negative, NaN with the sign bit). */
ABV_INLINE abv_mask abv_sign_set(abv_f a)
{
    return _mm256_castsi256_ps(_mm256_srai_epi32(_mm256_castps_si256(a), 31));
}
ABV_INLINE abv_mask abv_mask_and(abv_mask a, abv_mask b) { return _mm256_and_ps(a, b); }
ABV_INLINE abv_mask abv_mask_or(abv_mask a, abv_mask b) { return _mm256_or_ps(a, b); }
ABV_INLINE bool abv_any(abv_mask m) { return _mm256_movemask_ps(m) != 0; }

/* A table of 8 floats, and per lane its entry idx (0..7; only the low 3
 * bits are read): one vpermps, for kernels whose polynomial is chosen per
 * lane among 8 pieces. */
ABV_INLINE abv_f abv_table8(const float t[8]) { return _mm256_loadu_ps(t); }
ABV_INLINE abv_f abv_lookup8(abv_f table, abv_i idx) { return _mm256_permutevar8x32_ps(table, idx); }

/* m ? a : b per lane. */
ABV_INLINE abv_f abv_select(abv_mask m, abv_f a, abv_f b) { return _mm256_blendv_ps(b, a, m); }
/* m ? a : +0 per lane. */
ABV_INLINE abv_f abv_select_zero(abv_mask m, abv_f a) { return _mm256_and_ps(a, m); }

/* ---- binary64 lanes (half as many): for kernels that evaluate in double
 * and round once to binary32 ------------------------------------------------ */
typedef __m256d abv_d;     /* 4 binary64 lanes */
typedef __m256d abv_dmask; /* per lane all-ones or all-zeros */
typedef __m256i abv_i64;   /* 4 int64 lanes */
typedef struct abv_d2 {
    abv_d lo, hi; /* binary32 lanes 0-3 and 4-7, widened */
} abv_d2;

ABV_INLINE abv_d2 abv_widen(abv_f x)
{
    return (abv_d2){_mm256_cvtps_pd(_mm256_castps256_ps128(x)),
                    _mm256_cvtps_pd(_mm256_extractf128_ps(x, 1))};
}
/* One rounding to binary32 per lane (subnormals kept when FTZ is off). */
ABV_INLINE abv_f abv_narrow(abv_d2 v)
{
    return _mm256_set_m128(_mm256_cvtpd_ps(v.hi), _mm256_cvtpd_ps(v.lo));
}
ABV_INLINE abv_d abv_set_d(double c) { return _mm256_set1_pd(c); }
ABV_INLINE abv_d abv_zero_d(void) { return _mm256_setzero_pd(); }
ABV_INLINE abv_d abv_add_d(abv_d a, abv_d b) { return _mm256_add_pd(a, b); }
ABV_INLINE abv_d abv_sub_d(abv_d a, abv_d b) { return _mm256_sub_pd(a, b); }
ABV_INLINE abv_d abv_mul_d(abv_d a, abv_d b) { return _mm256_mul_pd(a, b); }
ABV_INLINE abv_d abv_div_d(abv_d a, abv_d b) { return _mm256_div_pd(a, b); }
ABV_INLINE abv_d abv_fma_d(abv_d a, abv_d b, abv_d c) { return _mm256_fmadd_pd(a, b, c); }
ABV_INLINE abv_d abv_fnma_d(abv_d a, abv_d b, abv_d c) { return _mm256_fnmadd_pd(a, b, c); }
ABV_INLINE abv_d abv_min_d(abv_d a, abv_d b) { return _mm256_min_pd(a, b); }
ABV_INLINE abv_d abv_max_d(abv_d a, abv_d b) { return _mm256_max_pd(a, b); }
ABV_INLINE abv_d abv_and_d(abv_d a, abv_d b) { return _mm256_and_pd(a, b); }
ABV_INLINE abv_d abv_or_d(abv_d a, abv_d b) { return _mm256_or_pd(a, b); }
ABV_INLINE abv_d abv_xor_d(abv_d a, abv_d b) { return _mm256_xor_pd(a, b); }
ABV_INLINE abv_d abv_andnot_d(abv_d a, abv_d b) { return _mm256_andnot_pd(a, b); }
ABV_INLINE abv_i64 abv_bits_d(abv_d v) { return _mm256_castpd_si256(v); }
ABV_INLINE abv_d abv_from_bits_d(abv_i64 v) { return _mm256_castsi256_pd(v); }
ABV_INLINE abv_i64 abv_add_i64(abv_i64 a, abv_i64 b) { return _mm256_add_epi64(a, b); }
ABV_INLINE abv_i64 abv_sub_i64(abv_i64 a, abv_i64 b) { return _mm256_sub_epi64(a, b); }
#define abv_shl_i64(v, k) _mm256_slli_epi64((v), (k))
ABV_INLINE abv_dmask abv_lt_d(abv_d a, abv_d b) { return _mm256_cmp_pd(a, b, _CMP_LT_OQ); }
ABV_INLINE abv_dmask abv_le_d(abv_d a, abv_d b) { return _mm256_cmp_pd(a, b, _CMP_LE_OQ); }
ABV_INLINE abv_dmask abv_gt_d(abv_d a, abv_d b) { return _mm256_cmp_pd(a, b, _CMP_GT_OQ); }
ABV_INLINE abv_dmask abv_ge_d(abv_d a, abv_d b) { return _mm256_cmp_pd(a, b, _CMP_GE_OQ); }
ABV_INLINE abv_dmask abv_is_nan_d(abv_d a) { return _mm256_cmp_pd(a, a, _CMP_UNORD_Q); }
ABV_INLINE abv_dmask abv_sign_set_d(abv_d a)
{
    return _mm256_castsi256_pd(_mm256_cmpgt_epi64(_mm256_setzero_si256(), _mm256_castpd_si256(a)));
}
ABV_INLINE abv_dmask abv_mask_and_d(abv_dmask a, abv_dmask b) { return _mm256_and_pd(a, b); }
ABV_INLINE abv_d abv_select_d(abv_dmask m, abv_d a, abv_d b) { return _mm256_blendv_pd(b, a, m); }
ABV_INLINE abv_d abv_fms_d(abv_d a, abv_d b, abv_d c) { return _mm256_fmsub_pd(a, b, c); }
ABV_INLINE abv_dmask abv_eq_d(abv_d a, abv_d b) { return _mm256_cmp_pd(a, b, _CMP_EQ_OQ); }
ABV_INLINE abv_d abv_load_d(const double *p) { return _mm256_loadu_pd(p); }
ABV_INLINE void abv_store_d(double *p, abv_d v) { _mm256_storeu_pd(p, v); }

/* ---- row reductions (softmax-like kernels) -------------------------------- */
/* The lanes rem .. ABV_LANES-1 of a tail, as a mask. */
ABV_INLINE abv_mask abv_tail_mask(size_t rem) { return _mm256_castsi256_ps(abv_tail_lanes(rem)); }
/* The sum of the lanes, in a fixed order: (l0 + l2) + (l1 + l3). */
ABV_INLINE double abv_hsum_d(abv_d v)
{
    __m128d s = _mm_add_pd(_mm256_castpd256_pd128(v), _mm256_extractf128_pd(v, 1));
    return _mm_cvtsd_f64(s) + _mm_cvtsd_f64(_mm_unpackhi_pd(s, s));
}

#endif
