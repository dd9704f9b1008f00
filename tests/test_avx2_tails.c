/*
 * Every SIMD kernel in the registry (AVX2 and AVX-512), both directions:
 * for n = 1..40 at odd offsets (input and output shifted independently) and
 * in place, each element has the same bits as in a long call where it sits
 * in the vector body, and nothing past y[n-1] is written. This is the check
 * that the tail path (masked loads/stores or scalar) is the body's twin.
 * A kernel whose ISA the CPU lacks is skipped (with a count on stdout).
 * A peer library's NaN payload and sign are its own (ATen's for a NaN input
 * depend on the other lanes of its vector): for peers any NaN matches any
 * NaN, as in the accuracy statistics.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "actbench/actbench.h"

#define MAX_N 40
#define BODY 512 /* the truth: one call, a multiple of every vector width */
#define SLACK 16
#define CANARY 0x7fa5a5a5u /* a NaN payload no kernel produces */

static size_t failures;

static uint32_t bits(float v)
{
    uint32_t u;
    memcpy(&u, &v, sizeof u);
    return u;
}

static float from_bits(uint32_t u)
{
    float v;
    memcpy(&v, &u, sizeof v);
    return v;
}

/* Ordinary values, tails, subnormals and specials, mixed so that every lane
 * position sees each kind. */
static void fill_inputs(float *x, size_t n)
{
    static const float specials[] = {
        0.0f, -0.0f, INFINITY, -INFINITY, NAN, 0x1p-149f, -0x1p-149f, 0x1p-126f,
        -0x1p-126f, 0x1.fffffep127f, -0x1.fffffep127f, -87.5f, -103.9f, -110.0f,
        88.7f, 89.0f, -1.2784645f, -1.19286f, 1e-7f, -1e-7f, 0.5f, -0.5f, 17.0f, -17.0f};
    uint32_t state = 12345u;
    for (size_t i = 0; i < n; i++) {
        state = state * 1664525u + 1013904223u;
        if (i % 3 == 0)
            x[i] = specials[(state >> 8) % (sizeof specials / sizeof specials[0])];
        else
            x[i] = ((float)(state >> 8) / 16777216.0f - 0.5f) * 60.0f;
    }
}

static bool same_output(const ab_impl *impl, uint32_t got, uint32_t want)
{
    if (got == want)
        return true;
    bool peer = strncmp(impl->variant, "peer-", 5) == 0;
    return peer && isnan(from_bits(got)) && isnan(from_bits(want)) && want != CANARY;
}

static void check(const ab_impl *impl, ab_direction d)
{
    ab_kernel_fn k = ab_impl_kernel(impl, d);
    ab_params p = ab_activation_find(impl->activation)->default_params;
    float x[BODY], truth[BODY];
    fill_inputs(x, BODY);
    k(x, truth, BODY, &p);

    float in[MAX_N + SLACK], out[MAX_N + SLACK];
    for (size_t n = 1; n <= MAX_N; n++) {
        for (size_t in_off = 1; in_off < 8; in_off += 2) {
            for (size_t out_off = 1; out_off < 8; out_off += 2) {
                /* The elements start at x[start]: a different mix per n. */
                size_t start = (n * 7 + in_off) % (BODY - MAX_N);
                memcpy(in + in_off, x + start, n * sizeof(float));
                for (size_t i = 0; i < MAX_N + SLACK; i++)
                    out[i] = from_bits(CANARY);
                k(in + in_off, out + out_off, n, &p);
                for (size_t i = 0; i < MAX_N + SLACK; i++) {
                    bool inside = i >= out_off && i < out_off + n;
                    uint32_t want = inside ? bits(truth[start + i - out_off]) : CANARY;
                    if (!same_output(impl, bits(out[i]), want)) {
                        if (failures < 30)
                            fprintf(stderr,
                                    "FAIL %s %s %s n=%zu in_off=%zu out_off=%zu i=%zu: "
                                    "got %a want %a\n",
                                    impl->activation, impl->variant, ab_direction_name(d), n,
                                    in_off, out_off, i, out[i], from_bits(want));
                        failures++;
                    }
                }
            }
            /* In place. */
            size_t start = (n * 5 + in_off) % (BODY - MAX_N);
            memcpy(in + in_off, x + start, n * sizeof(float));
            k(in + in_off, in + in_off, n, &p);
            for (size_t i = 0; i < n; i++)
                if (!same_output(impl, bits(in[in_off + i]), bits(truth[start + i]))) {
                    if (failures < 30)
                        fprintf(stderr, "FAIL %s %s %s in-place n=%zu off=%zu i=%zu\n",
                                impl->activation, impl->variant, ab_direction_name(d), n,
                                in_off, i);
                    failures++;
                }
        }
    }
}

int main(void)
{
    size_t tested = 0, skipped = 0;
    for (size_t i = 0; i < ab_impl_count(); i++) {
        const ab_impl *impl = ab_impl_at(i);
        if (impl->isa == AB_ISA_SCALAR || (impl->flags & AB_FLAG_VECTOR))
            continue;
        if (!ab_impl_supported(impl)) {
            skipped++;
            continue;
        }
        for (int d = AB_FORWARD; d <= AB_DERIVATIVE; d++) {
            if (ab_impl_kernel(impl, (ab_direction)d) == NULL)
                continue;
            check(impl, (ab_direction)d);
            tested++;
        }
    }
    printf("%zu SIMD kernels checked (%zu implementations skipped: ISA not on this CPU), "
           "%zu mismatches\n", tested, skipped, failures);
    return failures != 0;
}
