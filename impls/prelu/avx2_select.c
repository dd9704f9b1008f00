/* prelu, avx2-select: select(x > 0, x, a*x), a = channel_alpha[i % channels] (a
 * float: one multiply, correctly rounded) or the scalar double alpha, split
 * as a_hi + a_lo with a*x = fma(x, a_hi, x*a_lo) (0.5 ULP + 2^-24 relative;
 * at most 1 ULP where a*x is subnormal). NaN fails x > 0 and gives a*NaN =
 * NaN; -0 gives -0 for a >= 0. Derivative select(x > 0, 1, a), a at 0, NaN
 * for NaN.
 * Per-channel alphas: with channels >= 8 the eight alphas of a block are one
 * unaligned load unless the block wraps past the last channel (then they are
 * gathered by a scalar loop); with channels < 8 a pattern of 8*channels
 * alphas is built once and the block at offset i mod 8*channels is loaded.
 * The channel path is exercised by the project's tests only.
 * Declared bound (the registry's): forward 1 ULP, derivative 0.5 ULP. Measured: row
 * avx2-select of results/exhaustive/prelu.csv (every binary32 input) or, before a sweep, of
 * results/<machine_id>/accuracy.csv (sampled).
 */
#include <math.h>

#include "vec/vec_avx2.h"
#include "vec/exp_math.h"

#define PRELU_PATTERN_MAX (8 * 8)

/* Walks the channel index of consecutive 8-element blocks. */
typedef struct channel_walk {
    const float *alpha;
    size_t channels;
    size_t next;                     /* channel of the block's first element */
    float pattern[PRELU_PATTERN_MAX]; /* channels < 8: alpha[j % channels] */
} channel_walk;

static void channel_walk_init(channel_walk *w, const float *alpha, size_t channels)
{
    w->alpha = alpha;
    w->channels = channels;
    w->next = 0;
    if (channels < 8)
        for (size_t j = 0; j < 8 * channels; j++)
            w->pattern[j] = alpha[j % channels];
}

ABV_INLINE __m256 channel_walk_block(channel_walk *w)
{
    __m256 a;
    if (w->channels < 8) {
        a = _mm256_loadu_ps(w->pattern + w->next);
        w->next += 8;
        if (w->next == 8 * w->channels)
            w->next = 0;
        return a;
    }
    if (w->next + 8 <= w->channels) {
        a = _mm256_loadu_ps(w->alpha + w->next);
    } else {
        float gathered[8];
        size_t c = w->next;
        for (int k = 0; k < 8; k++) {
            gathered[k] = w->alpha[c];
            if (++c == w->channels)
                c = 0;
        }
        a = _mm256_loadu_ps(gathered);
    }
    w->next += 8;
    while (w->next >= w->channels)
        w->next -= w->channels;
    return a;
}

ABV_INLINE __m256 prelu_select(__m256 x, __m256 scaled)
{
    __m256 positive = _mm256_cmp_ps(x, _mm256_setzero_ps(), _CMP_GT_OQ);
    return _mm256_blendv_ps(scaled, x, positive);
}

ABV_INLINE __m256 prelu_scalar_value(__m256 x, __m256 a_hi, __m256 a_lo)
{
    /* alpha = a_hi + a_lo (a double split in two floats): one rounding of
     * x*alpha. Infinite x takes the plain product (inf*a_lo could be NaN). */
    __m256 scaled = _mm256_fmadd_ps(x, a_hi, _mm256_mul_ps(x, a_lo));
    __m256 infinite = _mm256_cmp_ps(_mm256_andnot_ps(_mm256_set1_ps(-0.0f), x),
                                    _mm256_set1_ps(INFINITY), _CMP_EQ_OQ);
    return prelu_select(x, _mm256_blendv_ps(scaled, _mm256_mul_ps(x, a_hi), infinite));
}

ABV_INLINE __m256 prelu_slope(__m256 x, __m256 a)
{
    __m256 positive = _mm256_cmp_ps(x, _mm256_setzero_ps(), _CMP_GT_OQ);
    __m256 slope = _mm256_blendv_ps(a, _mm256_set1_ps(1.0f), positive);
    return _mm256_blendv_ps(slope, x, _mm256_cmp_ps(x, x, _CMP_UNORD_Q));
}

static bool has_channels(const ab_params *p)
{
    return p->channel_alpha != NULL && p->channels != 0;
}

void AB_KERNEL(ab_prelu_avx2_select_forward)(const float *x, float *y, size_t n, const ab_params *p)
{
    unsigned csr = abv_mxcsr_enter();
    size_t i = 0;
    float hi = (float)p->alpha;
    float lo = (float)(p->alpha - (double)hi);
    if (!has_channels(p) && lo != 0.0f) {
        __m256 a_hi = _mm256_set1_ps(hi);
        __m256 a_lo = _mm256_set1_ps(lo);
        for (; i + 8 <= n; i += 8)
            _mm256_storeu_ps(y + i, prelu_scalar_value(_mm256_loadu_ps(x + i), a_hi, a_lo));
        if (i < n) {
            __m256i m = abv_tail_lanes(n - i);
            _mm256_maskstore_ps(y + i, m,
                                prelu_scalar_value(_mm256_maskload_ps(x + i, m), a_hi, a_lo));
        }
    } else {
        /* Per-channel floats, or a scalar alpha that is a float: one product,
         * so a one-channel call and a scalar call give the same bits. */
        channel_walk w;
        if (has_channels(p))
            channel_walk_init(&w, p->channel_alpha, p->channels);
        else
            channel_walk_init(&w, &hi, 1);
        for (; i + 8 <= n; i += 8) {
            __m256 v = _mm256_loadu_ps(x + i);
            _mm256_storeu_ps(y + i, prelu_select(v, _mm256_mul_ps(v, channel_walk_block(&w))));
        }
        if (i < n) {
            __m256i m = abv_tail_lanes(n - i);
            __m256 v = _mm256_maskload_ps(x + i, m);
            _mm256_maskstore_ps(y + i, m,
                                prelu_select(v, _mm256_mul_ps(v, channel_walk_block(&w))));
        }
    }
    abv_mxcsr_leave(csr);
}

void AB_KERNEL(ab_prelu_avx2_select_derivative)(const float *x, float *y, size_t n, const ab_params *p)
{
    unsigned csr = abv_mxcsr_enter();
    size_t i = 0;
    if (!has_channels(p)) {
        __m256 a = _mm256_set1_ps((float)p->alpha);
        for (; i + 8 <= n; i += 8)
            _mm256_storeu_ps(y + i, prelu_slope(_mm256_loadu_ps(x + i), a));
        if (i < n) {
            __m256i m = abv_tail_lanes(n - i);
            _mm256_maskstore_ps(y + i, m, prelu_slope(_mm256_maskload_ps(x + i, m), a));
        }
    } else {
        channel_walk w;
        channel_walk_init(&w, p->channel_alpha, p->channels);
        for (; i + 8 <= n; i += 8)
            _mm256_storeu_ps(y + i, prelu_slope(_mm256_loadu_ps(x + i), channel_walk_block(&w)));
        if (i < n) {
            __m256i m = abv_tail_lanes(n - i);
            _mm256_maskstore_ps(y + i, m,
                                prelu_slope(_mm256_maskload_ps(x + i, m), channel_walk_block(&w)));
        }
    }
    abv_mxcsr_leave(csr);
}
