/*
 * The calling contract of every registered kernel, generic over the registry:
 * any n (0, 1, 7, 8, 9, 1000003), unaligned pointers and in-place calls give
 * the same bits as an aligned out-of-place call; n = 0 writes nothing;
 * elementwise kernels give each element the same bits whatever n and offset
 * (vector bodies and tails agree); prelu's per-channel form agrees with the
 * scalar form.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "actbench/actbench.h"
#include "inputs.h"

#define BIG 1000003
static const size_t sizes[] = {0, 1, 7, 8, 9, 31, BIG};

static size_t failures;

static void fail(const ab_impl *impl, ab_direction d, const char *what, size_t n, size_t i)
{
    if (failures < 40)
        fprintf(stderr, "FAIL %s %s %s: %s (n=%zu, element %zu)\n", impl->activation,
                impl->variant, ab_direction_name(d), what, n, i);
    failures++;
}

/* 64-byte aligned room for BIG + 64 floats. C17 aligned_alloc wants a size
 * that is a multiple of the alignment: round it up. */
static float *alloc_buffer(void)
{
    size_t bytes = (BIG + 64) * sizeof(float);
    return aligned_alloc(64, (bytes + 63) / 64 * 64);
}

static bool same_bits(float a, float b)
{
    return memcmp(&a, &b, sizeof a) == 0 || (isnan(a) && isnan(b));
}

static void check_impl(const ab_impl *impl, ab_direction d, const float *x, const float *v)
{
    ab_kernel_fn k = ab_impl_kernel(impl, d);
    ab_params p = ab_activation_find(impl->activation)->default_params;
    p.tangent = v;
    bool vec = impl->flags & AB_FLAG_VECTOR;
    /* +3 floats of slack for unaligned copies and canaries. */
    float *ref = alloc_buffer();
    float *buf = alloc_buffer();
    float *inp = alloc_buffer();
    if (!ref || !buf || !inp) {
        fprintf(stderr, "out of memory\n");
        exit(2);
    }
    if (!vec)
        k(x, ref, BIG, &p); /* elementwise: one full-length call is the truth */

    for (size_t si = 0; si < sizeof sizes / sizeof sizes[0]; si++) {
        size_t n = sizes[si];
        if (vec) {
            k(x, ref, n, &p);
        }
        /* every misalignment for the short sizes; one for the long one, to
         * keep the test to seconds */
        for (size_t off = n == BIG ? 1 : 0; off < (n == BIG ? 2 : 4); off++) {
            float *out = buf + off;
            const float *in = x + 0; /* input aligned, output shifted */
            for (size_t i = 0; i < n + 4; i++)
                out[i] = -12345.0f;
            k(in, out, n, &p);
            for (size_t i = 0; i < n; i++)
                if (!same_bits(out[i], ref[i])) {
                    fail(impl, d, "unaligned output differs", n, i);
                    break;
                }
            for (size_t i = n; i < n + 4; i++)
                if (out[i] != -12345.0f) {
                    fail(impl, d, "wrote past n", n, i);
                    break;
                }
            /* in-place on an unaligned copy */
            float *io = inp + off;
            memcpy(io, x, n * sizeof(float));
            k(io, io, n, &p);
            for (size_t i = 0; i < n; i++)
                if (!same_bits(io[i], ref[i])) {
                    fail(impl, d, "in-place differs", n, i);
                    break;
                }
        }
    }
    free(ref);
    free(buf);
    free(inp);
}

static void check_prelu_channels(const ab_impl *impl, ab_direction d, const float *x)
{
    enum { N = 1000, C = 5 };
    float alpha[C] = {0.25f, -0.5f, 0.0f, 1.5f, 0x1p-20f};
    float yc[N], ys[N];
    ab_params p = ab_activation_find(impl->activation)->default_params;
    p.channel_alpha = alpha;
    p.channels = C;
    ab_impl_kernel(impl, d)(x, yc, N, &p);
    for (int c = 0; c < C; c++) {
        ab_params s = ab_activation_find(impl->activation)->default_params;
        s.alpha = alpha[c];
        ab_impl_kernel(impl, d)(x, ys, N, &s);
        for (size_t i = (size_t)c; i < N; i += C)
            if (!same_bits(yc[i], ys[i])) {
                fail(impl, d, "per-channel alpha differs from scalar alpha", N, i);
                break;
            }
    }
}

int main(void)
{
    float *x = alloc_buffer();
    float *v = alloc_buffer();
    if (!x || !v)
        return 2;
    uint64_t state = 42;
    const float *named;
    size_t n_named = ab_generic_named_inputs(&named);
    for (size_t i = 0; i < BIG + 64; i++) {
        uint64_t r = ab_rng_next(&state);
        if (i % 97 < n_named && i % 3 == 0)
            x[i] = named[i % 97];
        else
            x[i] = (float)((double)(r >> 11) * 0x1p-53 * 40.0 - 20.0);
        v[i] = (float)((double)(ab_rng_next(&state) >> 11) * 0x1p-53 * 2.0 - 1.0);
    }
    size_t checked = 0;
    for (size_t i = 0; i < ab_impl_count(); i++) {
        const ab_impl *impl = ab_impl_at(i);
        if (!ab_impl_supported(impl))
            continue;
        for (int d = 0; d < 2; d++) {
            if (ab_impl_kernel(impl, (ab_direction)d) == NULL)
                continue;
            check_impl(impl, (ab_direction)d, x, v);
            if (strcmp(impl->activation, "prelu") == 0)
                check_prelu_channels(impl, (ab_direction)d, x);
            checked++;
        }
    }
    printf("%zu kernels checked for n in {0,1,7,8,9,31,1000003}, offsets 0..3, in-place: %zu failures\n",
           checked, failures);
    free(x);
    free(v);
    return failures == 0 && checked > 0 ? 0 : 1;
}
