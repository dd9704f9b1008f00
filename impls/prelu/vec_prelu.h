/* prelu written once for every ISA of impls/vec/ (include after one
 * vec_*.h): select(x > 0, x, a*x), a = channel_alpha[i % channels] (a
 * float: one multiply, correctly rounded) or the scalar double alpha, split
 * as a_hi + a_lo with a*x = fma(x, a_hi, x*a_lo) (0.5 ULP + 2^-24 relative;
 * at most 1 ULP where a*x is subnormal). NaN fails x > 0 and gives a*NaN =
 * NaN; -0 gives -0 for a >= 0. Derivative select(x > 0, 1, a), a at 0, NaN
 * for NaN.
 * Per-channel alphas: with channels >= ABV_LANES the alphas of a block are
 * one unaligned load unless the block wraps past the last channel (then
 * they are gathered by a scalar loop); with fewer channels a pattern of
 * ABV_LANES*channels alphas is built once and the block at offset
 * i mod ABV_LANES*channels is loaded. The bounds and measurements are in
 * the kernel files (avx2.c, avx512.c). */
#ifndef ACTBENCH_PRELU_VEC_PRELU_H
#define ACTBENCH_PRELU_VEC_PRELU_H

#include <math.h>

#include "vec/apply.h"

#define PRELU_PATTERN_MAX (ABV_LANES * ABV_LANES)

/* Walks the channel index of consecutive ABV_LANES-element blocks. */
typedef struct channel_walk {
    const float *alpha;
    size_t channels;
    size_t next;                     /* channel of the block's first element */
    float pattern[PRELU_PATTERN_MAX]; /* channels < ABV_LANES: alpha[j % channels] */
} channel_walk;

static void channel_walk_init(channel_walk *w, const float *alpha, size_t channels)
{
    w->alpha = alpha;
    w->channels = channels;
    w->next = 0;
    if (channels < ABV_LANES)
        for (size_t j = 0; j < ABV_LANES * channels; j++)
            w->pattern[j] = alpha[j % channels];
}

ABV_INLINE abv_f channel_walk_block(channel_walk *w)
{
    abv_f a;
    if (w->channels < ABV_LANES) {
        a = abv_load(w->pattern + w->next);
        w->next += ABV_LANES;
        if (w->next == ABV_LANES * w->channels)
            w->next = 0;
        return a;
    }
    if (w->next + ABV_LANES <= w->channels) {
        a = abv_load(w->alpha + w->next);
    } else {
        float gathered[ABV_LANES];
        size_t c = w->next;
        for (int k = 0; k < ABV_LANES; k++) {
            gathered[k] = w->alpha[c];
            if (++c == w->channels)
                c = 0;
        }
        a = abv_load(gathered);
    }
    w->next += ABV_LANES;
    while (w->next >= w->channels)
        w->next -= w->channels;
    return a;
}

ABV_INLINE abv_f prelu_select(abv_f x, abv_f scaled)
{
    return abv_select(abv_gt(x, abv_zero()), x, scaled);
}

ABV_INLINE abv_f prelu_scalar_value(abv_f x, abv_f a_hi, abv_f a_lo)
{
    /* alpha = a_hi + a_lo (a double split in two floats): one rounding of
     * x*alpha. Infinite x takes the plain product (inf*a_lo could be NaN). */
    abv_f scaled = abv_fma(x, a_hi, abv_mul(x, a_lo));
    abv_mask infinite = abv_eq(abv_andnot(abv_set(-0.0f), x), abv_set(INFINITY));
    return prelu_select(x, abv_select(infinite, abv_mul(x, a_hi), scaled));
}

ABV_INLINE abv_f prelu_slope(abv_f x, abv_f a)
{
    abv_f slope = abv_select(abv_gt(x, abv_zero()), abv_set(1.0f), a);
    return abv_select(abv_is_nan(x), x, slope);
}

ABV_INLINE abv_f prelu_channel_value(abv_f x, abv_f a)
{
    return prelu_select(x, abv_mul(x, a));
}

static bool prelu_has_channels(const ab_params *p)
{
    return p->channel_alpha != NULL && p->channels != 0;
}

/* y = f(x, a) with a from the channel walk, body and masked tail. */
ABV_INLINE void prelu_walk_apply(const float *x, float *y, size_t n, channel_walk *w,
                                 abv_f (*f)(abv_f, abv_f))
{
    size_t i = 0;
    for (; i + ABV_LANES <= n; i += ABV_LANES)
        abv_store(y + i, f(abv_load(x + i), channel_walk_block(w)));
    if (i < n)
        abv_store_part(y + i, n - i, f(abv_load_part(x + i, n - i), channel_walk_block(w)));
}

ABV_INLINE void prelu_forward(const float *x, float *y, size_t n, const ab_params *p)
{
    float hi = (float)p->alpha;
    float lo = (float)(p->alpha - (double)hi);
    if (!prelu_has_channels(p) && lo != 0.0f) {
        abv_apply_v2(x, y, n, abv_set(hi), abv_set(lo), prelu_scalar_value);
        return;
    }
    /* Per-channel floats, or a scalar alpha that is a float: one product,
     * so a one-channel call and a scalar call give the same bits. */
    unsigned csr = abv_mxcsr_enter();
    channel_walk w;
    if (prelu_has_channels(p))
        channel_walk_init(&w, p->channel_alpha, p->channels);
    else
        channel_walk_init(&w, &hi, 1);
    prelu_walk_apply(x, y, n, &w, prelu_channel_value);
    abv_mxcsr_leave(csr);
}

ABV_INLINE void prelu_derivative(const float *x, float *y, size_t n, const ab_params *p)
{
    if (!prelu_has_channels(p)) {
        abv_apply_v(x, y, n, abv_set((float)p->alpha), prelu_slope);
        return;
    }
    unsigned csr = abv_mxcsr_enter();
    channel_walk w;
    channel_walk_init(&w, p->channel_alpha, p->channels);
    prelu_walk_apply(x, y, n, &w, prelu_slope);
    abv_mxcsr_leave(csr);
}

#endif
