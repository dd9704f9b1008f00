/*
 * The exhaustive sweep leaves out a kernel call's FTZ/DAZ run where the
 * default run's MXCSR flags show that it cannot differ (harness/sweep/
 * twins.h). This test runs every elementwise implementation of the
 * registry, both directions, through ab_exh_outputs_run with the
 * verification on (the FTZ/DAZ run is made anyway), on blocks spread over
 * all binary32 bit patterns and on the ranges where subnormals appear
 * (subnormal and tiny inputs, tails that underflow, overflow edges), and
 * requires:
 *   - no call the rule would leave out gives FTZ/DAZ results that differ
 *     from the default run's, bit for bit;
 *   - some calls are left out (a rule that left out none would pass the
 *     first check while the sweep lost its speed): at least a quarter of
 *     them over all these blocks, where the sweep's own ranges leave out
 *     about two thirds;
 *   - on a CPU with MXCSR, a call whose inputs are subnormal is never left
 *     out;
 *   - a kernel that hides its flags (it restores the MXCSR it was called
 *     with) and whose results FTZ changes is never left out: the probe of
 *     twins.c finds it. No kernel of the registry hides its flags, so
 *     without this one the probe would go untested.
 * Elsewhere (no MXCSR) nothing is left out and the test checks just that.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "actbench/actbench.h"
#include "mxcsr.h"
#include "sweep/twins.h"

#define BLOCK 4096
#define CHUNK 1024

/* First bit patterns of the blocks: spread over the 2^32 patterns, and
 * around 0, the smallest normals and the underflow and overflow edges of
 * exp (|x| near 87-104) and of x^2 (|x| near 2^-63). */
static const uint32_t starts[] = {
    0x00000000u, 0x00400000u, 0x007FF000u, 0x00800000u, 0x0C000000u, 0x1F800000u, 0x20000000u,
    0x2E800000u, 0x3E000000u, 0x3F800000u, 0x42AE0000u, 0x42B00000u, 0x42C80000u, 0x42D00000u,
    0x4B000000u, 0x60000000u, 0x7F7FF000u, 0x7FC00000u,
};

static size_t failures;

static void check_activation(const ab_activation *act, ab_exh_outputs *o)
{
    ab_exh_pair pairs[2 * 64];
    size_t n = 0;
    for (int d = 0; d < 2; d++)
        for (size_t i = 0; i < ab_impl_count() && n < sizeof pairs / sizeof pairs[0]; i++) {
            const ab_impl *im = ab_impl_at(i);
            if (strcmp(im->activation, act->name) != 0 || (im->flags & AB_FLAG_VECTOR) ||
                !ab_impl_supported(im) || ab_impl_kernel(im, (ab_direction)d) == NULL)
                continue;
            memset(&pairs[n], 0, sizeof pairs[n]);
            snprintf(pairs[n].variant, sizeof pairs[n].variant, "%s", im->variant);
            pairs[n].dir = (ab_direction)d;
            pairs[n].impl = im;
            n++;
        }
    if (n == 0)
        return;
    if (!ab_exh_outputs_reserve(o, n, BLOCK)) {
        fprintf(stderr, "out of memory\n");
        exit(2);
    }
    /* a fresh probe per activation: reserve keeps the buffers of a larger one */
    memset(o->flags_shown, -1, o->pairs * sizeof *o->flags_shown);
    for (size_t s = 0; s < sizeof starts / sizeof starts[0]; s++)
        for (uint32_t sign = 0; sign < 2; sign++) {
            float block[BLOCK];
            for (size_t i = 0; i < BLOCK; i++) {
                uint32_t b = (starts[s] + (uint32_t)i) ^ sign << 31;
                memcpy(&block[i], &b, sizeof b);
            }
            uint64_t before = o->skip_mismatches, skipped = o->ftz_skipped;
            for (int d = 0; d < 2; d++)
                ab_exh_outputs_run(o, pairs, n, (ab_direction)d, &act->default_params, block,
                                   BLOCK, CHUNK);
            if (o->skip_mismatches != before) {
                fprintf(stderr, "FAIL %s: %llu calls from %08x would be left out but their "
                                "FTZ/DAZ results differ\n",
                        act->name, (unsigned long long)(o->skip_mismatches - before),
                        starts[s] ^ sign << 31);
                failures++;
            }
            /* the first chunk of the block at 0 holds only subnormals and ±0 */
            if (starts[s] == 0 && o->ftz_skipped != skipped && AB_MXCSR_HAS_FLAGS) {
                /* every call of this block has subnormal inputs: none may be left out */
                fprintf(stderr, "FAIL %s: a call on subnormal inputs was left out\n", act->name);
                failures++;
            }
        }
}

/* A kernel that hides its flags (it restores the MXCSR it was called
 * with, as a library that sets its own rounding mode may) and whose results
 * FTZ changes: x * 2^-30 is subnormal for |x| < 2^-96, flushed under FTZ. */
static void hides_flags(const float *x, float *y, size_t n, const ab_params *p)
{
    (void)p;
    ab_mxcsr_state saved = ab_mxcsr_save();
    for (size_t i = 0; i < n; i++) {
        volatile float t = x[i] * 0x1p-30f;
        y[i] = t * 0x1p30f;
    }
    ab_mxcsr_leave(saved);
}

/* The probe must keep such a kernel from being left out: on inputs
 * 2^-100 (1 + i 2^-23), normal, whose results are normal too, its default
 * run shows no flag, yet FTZ/DAZ flushes every intermediate. */
static void check_hidden_flags(void)
{
    static const ab_impl impl = {.activation = "test", .variant = "hides-flags",
                                 .forward = hides_flags};
    ab_exh_pair pair = {.dir = AB_FORWARD, .impl = &impl};
    ab_exh_outputs o = {0};
    o.verify_skips = true;
    float xs[CHUNK];
    for (size_t i = 0; i < CHUNK; i++)
        xs[i] = 0x1p-100f * (1.0f + (float)i * 0x1p-23f);
    ab_params params = {0};
    if (!ab_exh_outputs_reserve(&o, 1, CHUNK)) {
        fprintf(stderr, "out of memory\n");
        exit(2);
    }
    ab_exh_outputs_run(&o, &pair, 1, AB_FORWARD, &params, xs, CHUNK, CHUNK);
    if (o.ftz_skipped != 0 || o.skip_mismatches != 0) {
        fprintf(stderr, "FAIL: a kernel that hides its flags had its FTZ/DAZ run left out\n");
        failures++;
    }
    if (AB_MXCSR_HAS_FLAGS && memcmp(o.y, o.z, sizeof xs) == 0) {
        fprintf(stderr, "FAIL: the flag-hiding kernel's FTZ/DAZ results equal its default ones "
                        "(the check above proves nothing)\n");
        failures++;
    }
    ab_exh_outputs_free(&o);
}

int main(void)
{
    check_hidden_flags();
    ab_exh_outputs o = {0};
    o.verify_skips = true;
    for (size_t a = 0; a < ab_activation_count(); a++)
        check_activation(ab_activation_at(a), &o);
    double share = o.calls ? (double)o.ftz_skipped / (double)o.calls : 0.0;
    printf("%llu kernel calls, %llu FTZ/DAZ runs the rule leaves out (%.0f %%), %llu of them "
           "with different results\n",
           (unsigned long long)o.calls, (unsigned long long)o.ftz_skipped, 100 * share,
           (unsigned long long)o.skip_mismatches);
    if (!AB_MXCSR_HAS_FLAGS) { /* no MXCSR: nothing may be left out */
        if (o.ftz_skipped != 0)
            failures++;
    } else if (share < 0.25) {
        fprintf(stderr, "FAIL: only %.0f %% of the FTZ/DAZ runs left out\n", 100 * share);
        failures++;
    }
    ab_exh_outputs_free(&o);
    if (failures) {
        fprintf(stderr, "%zu failures\n", failures);
        return 1;
    }
    return 0;
}
