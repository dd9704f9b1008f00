/* silu, avx2-rr2-p6-div: the lean kernel (impls/avx2_lean.h).
 * y = x sigma(z), z = beta x (one rounding; exact for the default beta = 1).
 * eb = e^-|z| 2^32 in two parts (rr2 Cody-Waite, p6 Sollya polynomial,
 * scale from the magic sum's bits); y = select(z < 0, x eb, x 2^32) /
 * (2^32 + eb), the numerator x eb as an exact two-part product (FMA), one
 * vdivps plus a remainder correction against the exact two-part 2^32 + eb.
 * At scale 2^32 the quotient is the final value: subnormal results
 * (x < -87.3) are rounded once, never flushed. x 2^32 overflows for
 * x > 2^95, where silu(x) = x: min(y, |x|) repairs it (y <= x for x > 0,
 * and for x < 0, y < 0 < |x|; NaN: min returns its second operand; the
 * sign of x is or-ed back for x = -0).
 * z < -109 (x e^x < 2^-150.5) gives -0.
 * Derivative: not lean yet — it calls the accurate avx2 variant
 * (impls/silu/avx2.c), whose error and speed are its own.
 * Measured over ALL 2^32 binary32 inputs, beta = 1 (throwaway checker:
 * double reference x e/(1+e), x/(1+e^-x) with glibc exp, ULP convention of
 * docs/accuracy.md; worst case confirmed with MPFR ab_ref_eval +
 * ab_ulp_error_of): forward max 1.0016 ULP (x = -0x1.4cb864p+2, the only
 * input above 1 ULP), no flush / NaN / inf / signed-zero class.
 * Speed (actbench bench -q, L1 uniform, ticks/elem, one run): forward 1.85
 * vs naive 4.08 (2.2x), avx2 2.60, fastest AVX2 peer libmvec 0.83,
 * peer-onednn 0.62 (AVX-512 on this CPU). Not yet at the goal. */
#include <immintrin.h>

#include "avx2_lean.h"

void AB_KERNEL(ab_silu_avx2_derivative)(const float *x, float *y, size_t n, const ab_params *p);

static inline __m256 silu8(__m256 x, __m256 beta)
{
    __m256 z = _mm256_mul_ps(x, beta);
    __m256 eb_lo, d_lo;
    __m256 eb = ab_lean_exp_neg_big_from(_mm256_or_ps(z, ab_avx2_sign_bit()),
                                         AB_LEAN_Z_MIN_FLOOR, &eb_lo);
    __m256 d = ab_lean_denominator(eb, eb_lo, &d_lo);
    __m256 xe = _mm256_mul_ps(x, eb);
    __m256 xe_lo = _mm256_fmadd_ps(x, eb_lo, _mm256_fmsub_ps(x, eb, xe));
    __m256 num = _mm256_blendv_ps(_mm256_mul_ps(x, _mm256_set1_ps(AB_LEAN_SCALE)), xe, z);
    __m256 num_lo = _mm256_blendv_ps(_mm256_setzero_ps(), xe_lo, z);
    __m256 y = ab_lean_div_hilo(num, num_lo, d, d_lo);
    __m256 sign = _mm256_and_ps(x, ab_avx2_sign_bit());
    /* min returns |x| = +0 for x = -0: the sign of x goes back on. */
    y = _mm256_or_ps(_mm256_min_ps(y, _mm256_andnot_ps(ab_avx2_sign_bit(), x)), sign);
    /* Subnormal x: the quotient x/2 can be an exact tie that x^2/4 breaks
     * (silu(2^-149) rounds to 2^-149, not 0) and the remainder correction
     * underflows there. Scaled by 2^64, x/2 + 2^-87 (a quarter ulp of the
     * result) is exact at ties; the scale back rounds once, the nudge only
     * decides ties, upwards as x/2 + x^2/4 does for either sign. */
    __m256 tiny_y = _mm256_fmadd_ps(_mm256_mul_ps(x, _mm256_set1_ps(0x1p64f)),
                                    _mm256_set1_ps(0.5f), _mm256_set1_ps(0x1p-87f));
    tiny_y = _mm256_mul_ps(tiny_y, _mm256_set1_ps(0x1p-64f));
    __m256 tiny = _mm256_cmp_ps(_mm256_andnot_ps(ab_avx2_sign_bit(), x),
                                _mm256_set1_ps(0x1p-126f), _CMP_LT_OQ);
    y = _mm256_blendv_ps(y, _mm256_or_ps(tiny_y, sign), tiny);
    __m256 vanishing = _mm256_cmp_ps(z, _mm256_set1_ps(AB_LEAN_Z_MIN_FLOOR), _CMP_LT_OQ);
    return _mm256_blendv_ps(y, _mm256_set1_ps(-0.0f), vanishing);
}

/* ab_avx2_apply's loop with beta read once: p->beta inside the loop is
 * reloaded every iteration (the stores may alias it) and its vcvtsd2ss
 * merges into a register, a loop-carried dependency that cost ~1.7x. */
void AB_KERNEL(ab_silu_avx2_rr2_p6_div_forward)(const float *x, float *y, size_t n, const ab_params *p)
{
    const __m256 beta = _mm256_set1_ps((float)p->beta);
    unsigned csr = ab_avx2_mxcsr_enter();
    size_t i = 0;
    for (; i + 8 <= n; i += 8)
        _mm256_storeu_ps(y + i, silu8(_mm256_loadu_ps(x + i), beta));
    if (i < n) {
        __m256i m = ab_avx2_tail_mask(n - i);
        _mm256_maskstore_ps(y + i, m, silu8(_mm256_maskload_ps(x + i, m), beta));
    }
    ab_avx2_mxcsr_leave(csr);
}

void AB_KERNEL(ab_silu_avx2_rr2_p6_div_derivative)(const float *x, float *y, size_t n, const ab_params *p)
{
    AB_KERNEL(ab_silu_avx2_derivative)(x, y, n, p);
}
