/*
 * Every avx512 kernel against its avx2 twin (the variant whose name has
 * "avx2" where it has "avx512"): the same math written once (impls/vec/),
 * so the same bits on every input tried, both directions. Inputs: every
 * STRIDE-th binary32 bit pattern (all signs, exponents, subnormals, NaNs,
 * infinities) with the activation's default parameters; prelu also with
 * per-channel alphas for 1..20 channels at lengths 1..100 (the channel walk
 * differs between 8 and 16 lanes). Row kernels (softmax-like) are left to
 * tests/test_softmax.c: their sums run in another order, so they are held
 * to their registry bounds, not to bit identity.
 * Skips cleanly (exit 0, a line on stdout) when the CPU lacks AVX-512.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "actbench/actbench.h"

#define STRIDE 509u
#define CHUNK 4096

static size_t failures;

static const ab_impl *find_twin(const ab_impl *impl)
{
    const char *rest = impl->variant + strlen("avx512");
    char name[128];
    snprintf(name, sizeof name, "avx2%s", rest);
    for (size_t i = 0; i < ab_impl_count(); i++) {
        const ab_impl *c = ab_impl_at(i);
        if (strcmp(c->activation, impl->activation) == 0 && strcmp(c->variant, name) == 0)
            return c;
    }
    return NULL;
}

static void report(const ab_impl *impl, ab_direction d, const char *what, float x, float got,
                   float want)
{
    if (failures < 20)
        fprintf(stderr, "FAIL %s %s %s%s: x=%a avx512 %a avx2 %a\n", impl->activation,
                impl->variant, ab_direction_name(d), what, x, got, want);
    failures++;
}

static void compare_patterns(const ab_impl *impl, const ab_impl *twin, ab_direction d)
{
    ab_kernel_fn k = ab_impl_kernel(impl, d), t = ab_impl_kernel(twin, d);
    ab_params p = ab_activation_find(impl->activation)->default_params;
    static float x[CHUNK], got[CHUNK], want[CHUNK];
    size_t n = 0;
    for (uint64_t u = 0; u <= UINT32_MAX; u += STRIDE) {
        uint32_t b = (uint32_t)u;
        memcpy(&x[n++], &b, sizeof b);
        if (n < CHUNK && u + STRIDE <= UINT32_MAX)
            continue;
        k(x, got, n, &p);
        t(x, want, n, &p);
        for (size_t i = 0; i < n; i++)
            if (memcmp(&got[i], &want[i], sizeof(float)) != 0)
                report(impl, d, "", x[i], got[i], want[i]);
        n = 0;
    }
}

/* prelu's per-channel path: the channel walk has its own 16-lane code. */
static void compare_channels(const ab_impl *impl, const ab_impl *twin, ab_direction d)
{
    ab_kernel_fn k = ab_impl_kernel(impl, d), t = ab_impl_kernel(twin, d);
    float alpha[20], x[100], got[100], want[100];
    uint32_t state = 7u;
    for (size_t i = 0; i < 100; i++) {
        state = state * 1664525u + 1013904223u;
        x[i] = ((float)(state >> 8) / 16777216.0f - 0.5f) * 20.0f;
    }
    for (size_t c = 0; c < 20; c++)
        alpha[c] = 0.01f * (float)(c + 1);
    for (size_t channels = 1; channels <= 20; channels++) {
        ab_params p = ab_activation_find(impl->activation)->default_params;
        p.channel_alpha = alpha;
        p.channels = channels;
        for (size_t n = 1; n <= 100; n++) {
            k(x, got, n, &p);
            t(x, want, n, &p);
            for (size_t i = 0; i < n; i++)
                if (memcmp(&got[i], &want[i], sizeof(float)) != 0)
                    report(impl, d, " (channels)", x[i], got[i], want[i]);
        }
    }
}

int main(void)
{
    size_t compared = 0, skipped = 0, unpaired = 0;
    for (size_t i = 0; i < ab_impl_count(); i++) {
        const ab_impl *impl = ab_impl_at(i);
        if (impl->isa != AB_ISA_AVX512 || (impl->flags & AB_FLAG_VECTOR) ||
            strncmp(impl->variant, "avx512", 6) != 0) /* ours only, not peers */
            continue;
        const ab_impl *twin = find_twin(impl);
        if (twin == NULL) {
            fprintf(stderr, "FAIL %s %s: no avx2 twin in the registry\n", impl->activation,
                    impl->variant);
            unpaired++;
            continue;
        }
        if (!ab_impl_supported(impl)) {
            skipped++;
            continue;
        }
        for (int d = AB_FORWARD; d <= AB_DERIVATIVE; d++) {
            if (ab_impl_kernel(impl, (ab_direction)d) == NULL)
                continue;
            compare_patterns(impl, twin, (ab_direction)d);
            if (strcmp(impl->activation, "prelu") == 0)
                compare_channels(impl, twin, (ab_direction)d);
            compared++;
        }
    }
    printf("%zu avx512 kernels compared with their avx2 twins (%zu implementations skipped: "
           "no AVX-512 on this CPU), %zu mismatches\n", compared, skipped, failures);
    return failures != 0 || unpaired != 0;
}
