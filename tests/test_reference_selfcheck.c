/*
 * The MPFR references agree with themselves at p = 128 and 2p = 256 bits:
 * for every elementwise activation and both directions, over named inputs,
 * the tails near exp's underflow/overflow edges, tiny |x| down to the
 * subnormals, the saturation region, a dense grid over the activation's
 * range and seeded random bit patterns, both precisions must round to the
 * same binary32 (bitwise, sign of zero included). A reference that is not
 * converged at 128 bits somewhere shows up here.
 *
 * Also: the values at ±0 and ±inf that the activation list states
 * (at_zero_inf in actbench/activation_list.def) and the vector references (softmax, log_softmax, their J·v) at p and 2p.
 *
 * ACTBENCH_SELFCHECK_SCALE=k multiplies the random and grid counts by k.
 */
#include <float.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "actbench/fastref.h"
#include "actbench/reference.h"

#define P 128

static unsigned failures;

static uint64_t rng_state = 0x9e3779b97f4a7c15u;

static uint64_t next_random(void)
{
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    return rng_state;
}

static float from_bits(uint32_t b)
{
    float f;
    memcpy(&f, &b, sizeof f);
    return f;
}

static uint32_t to_bits(float f)
{
    uint32_t b;
    memcpy(&b, &f, sizeof b);
    return b;
}

static bool same_float(float a, float b)
{
    if (isnan(a) || isnan(b))
        return isnan(a) && isnan(b);
    return to_bits(a) == to_bits(b);
}

typedef struct input_list {
    float *x;
    size_t n, cap;
} input_list;

static void push(input_list *l, float x)
{
    if (l->n == l->cap) {
        l->cap = l->cap ? 2 * l->cap : 1024;
        l->x = realloc(l->x, l->cap * sizeof *l->x);
    }
    l->x[l->n++] = x;
}

/* x and its two neighbours on each side. */
static void push_around(input_list *l, float x)
{
    push(l, x);
    float lo = x, hi = x;
    for (int k = 0; k < 2; k++) {
        lo = nextafterf(lo, -INFINITY);
        hi = nextafterf(hi, INFINITY);
        push(l, lo);
        push(l, hi);
    }
}

static void build_inputs(const ab_activation *act, input_list *l, unsigned scale)
{
    l->n = 0;
    static const float named[] = {
        0.0f, 0x1p-149f, 0x1.fffffcp-127f, FLT_MIN, FLT_MAX, 1.0f, 3.0f, 0.5f,
        103.972084f, 103.27893f, 88.7228394f, 87.3365479f, 16.6355324f, 9.0109134f,
        17.3286800f, 13.1974f, 20.0f, 30.0f, 44.0f, 1e3f, 1e6f, 0x1p20f, 0x1p64f, 1e30f};
    for (size_t i = 0; i < sizeof named / sizeof named[0]; i++) {
        push_around(l, named[i]);
        push_around(l, -named[i]);
    }
    push(l, -0.0f);
    push(l, INFINITY);
    push(l, -INFINITY);
    push(l, NAN);
    push(l, from_bits(0x7fa00001u)); /* signalling NaN with payload */
    push(l, from_bits(0xffc12345u));
    for (const float *s = act->special_inputs; s != NULL && !isnan(*s); s++)
        push_around(l, *s);

    /* Tiny |x|: every binade down to the subnormals, random significands. */
    for (int e = -149; e <= 0; e++)
        for (unsigned k = 0; k < 2 * scale; k++) {
            float m = 1.0f + (float)(next_random() >> 40) * 0x1p-24f;
            float x = ldexpf(e < -126 ? 1.0f : m, e);
            push(l, x);
            push(l, -x);
        }

    /* Tails: |x| in [8, 120] (exp's edges, saturation of σ, tanh, erfc)
     * and every binade above. */
    for (unsigned k = 0; k < 3000 * scale; k++) {
        float x = 8.0f + 112.0f * (float)(next_random() >> 40) * 0x1p-24f;
        push(l, x);
        push(l, -x);
    }
    for (int e = 7; e < 128; e++)
        for (unsigned k = 0; k < 2 * scale; k++) {
            float x = ldexpf(1.0f + (float)(next_random() >> 40) * 0x1p-24f, e);
            push(l, x);
            push(l, -x);
        }

    /* Dense grid over the activation's interesting range. */
    unsigned grid = 8000 * scale;
    for (unsigned k = 0; k <= grid; k++)
        push(l, (float)(act->range_lo + (act->range_hi - act->range_lo) * k / grid));

    /* Random bit patterns over every finite float. */
    for (unsigned k = 0; k < 6000 * scale;) {
        float x = from_bits((uint32_t)(next_random() >> 32));
        if (isfinite(x)) {
            push(l, x);
            k++;
        }
    }
}

static unsigned long check_elementwise(const ab_activation *act, ab_direction dir,
                                       const input_list *l)
{
    mpfr_t lo, hi;
    mpfr_init2(lo, P);
    mpfr_init2(hi, 2 * P);
    unsigned long bad = 0;
    for (size_t i = 0; i < l->n; i++) {
        float x = l->x[i];
        ab_ref_eval(act, dir, NULL, x, lo);
        ab_ref_eval(act, dir, NULL, x, hi);
        float a = ab_ref_round_to_float(lo), b = ab_ref_round_to_float(hi);
        if (!same_float(a, b)) {
            if (bad < 10)
                printf("FAIL %s %s x=%a (%.9g): p=%d gives %a, 2p=%d gives %a\n", act->name,
                       ab_direction_name(dir), x, x, P, a, 2 * P, b);
            bad++;
        }
    }
    mpfr_clears(lo, hi, (mpfr_ptr)0);
    return bad;
}

/* ---- the convention table ------------------------------------------------ */

/* Every elementwise activation's at_zero_inf (actbench/activation_list.def):
 * the reference at +0, -0, -inf, +inf with the default parameters, bitwise;
 * NaN for a NaN input; and a fast reference for both directions. */
static void check_conventions(void)
{
    static const float at[4] = {0.0f, -0.0f, -INFINITY, INFINITY};
    for (size_t i = 0; i < ab_activation_count(); i++) {
        const ab_activation *act = ab_activation_at(i);
        if (act->is_vector)
            continue;
        for (int dir = AB_FORWARD; dir <= AB_DERIVATIVE; dir++) {
            if (ab_fastref_lookup(act, dir) == NULL) {
                printf("FAIL %s %s has no fast reference (reference/%s.c)\n", act->name,
                       ab_direction_name(dir), act->name);
                failures++;
            }
            for (int k = 0; k < 4; k++) {
                float got = ab_ref_float(act, dir, NULL, at[k], 0);
                float listed = act->at_zero_inf[dir][k];
                if (!same_float(got, listed)) {
                    printf("FAIL convention %s %s at x=%a: got %a, the list says %a\n",
                           act->name, ab_direction_name(dir), at[k], got, listed);
                    failures++;
                }
            }
            float got = ab_ref_float(act, dir, NULL, NAN, 0);
            if (!isnan(got)) {
                printf("FAIL %s %s (NaN) = %a, not NaN\n", act->name, ab_direction_name(dir), got);
                failures++;
            }
        }
    }
}

/* ---- vectors ------------------------------------------------------------- */

static void check_vector(const ab_activation *act, ab_direction dir, const float *x,
                         const float *v, size_t n, const char *what)
{
    mpfr_t *lo = malloc(n * sizeof *lo), *hi = malloc(n * sizeof *hi);
    for (size_t i = 0; i < n; i++) {
        mpfr_init2(lo[i], P);
        mpfr_init2(hi[i], 2 * P);
    }
    ab_ref_eval_vector(act, dir, x, v, n, lo);
    ab_ref_eval_vector(act, dir, x, v, n, hi);
    for (size_t i = 0; i < n; i++) {
        float a = ab_ref_round_to_float(lo[i]), b = ab_ref_round_to_float(hi[i]);
        if (!same_float(a, b)) {
            printf("FAIL %s %s vector '%s' n=%zu element %zu (x=%a): p gives %a, 2p gives %a\n",
                   act->name, ab_direction_name(dir), what, n, i, x[i], a, b);
            failures++;
        }
    }
    for (size_t i = 0; i < n; i++)
        mpfr_clears(lo[i], hi[i], (mpfr_ptr)0);
    free(lo);
    free(hi);
}

static float random_in(float lo, float hi)
{
    return lo + (hi - lo) * (float)(next_random() >> 40) * 0x1p-24f;
}

static unsigned long check_vectors(void)
{
    enum { MAX_N = 1000 };
    static float x[MAX_N], v[MAX_N];
    unsigned long checked = 0;
    for (size_t a = 0; a < ab_activation_count(); a++) {
        const ab_activation *act = ab_activation_at(a);
        if (!act->is_vector)
            continue;
        for (int dir = 0; dir < 2; dir++) {
            static const size_t lengths[] = {1, 2, 3, 7, 16, 100, 1000};
            for (size_t li = 0; li < sizeof lengths / sizeof lengths[0]; li++) {
                size_t n = lengths[li];
                for (size_t i = 0; i < n; i++) {
                    x[i] = random_in(-20, 20);
                    v[i] = random_in(-1, 1);
                }
                check_vector(act, dir, x, v, n, "random");
                for (size_t i = 0; i < n; i++)
                    x[i] = random_in(-200, 200); /* large spread: underflowing terms */
                check_vector(act, dir, x, v, n, "spread");
                for (size_t i = 0; i < n; i++) {
                    x[i] = 1.5f; /* all equal, v with exact-zero J·v entries */
                    v[i] = (float)(i % 3);
                }
                check_vector(act, dir, x, v, n, "all-equal");
                for (size_t i = 0; i < n; i++)
                    x[i] = (i % 4 == 0) ? -INFINITY : (float)(i % 5); /* masks, ties */
                check_vector(act, dir, x, v, n, "masked-ties");
                checked += 4 * n;
            }
        }
    }
    /* Exact values: softmax of two equal entries is 1/2; J·v of constant v is 0. */
    const ab_activation *sm = ab_activation_at(AB_ACT_softmax);
    float xx[3] = {2.0f, 2.0f, -INFINITY}, vv[3] = {0.25f, 0.25f, 0.25f};
    mpfr_t out[3];
    for (int i = 0; i < 3; i++)
        mpfr_init2(out[i], P);
    ab_ref_eval_vector(sm, AB_FORWARD, xx, NULL, 3, out);
    if (mpfr_cmp_d(out[0], 0.5) != 0 || !mpfr_zero_p(out[2]) || mpfr_signbit(out[2])) {
        printf("FAIL softmax {2,2,-inf} is not {1/2,1/2,+0}\n");
        failures++;
    }
    ab_ref_eval_vector(sm, AB_DERIVATIVE, xx, vv, 3, out);
    for (int i = 0; i < 3; i++)
        if (!mpfr_zero_p(out[i])) {
            printf("FAIL softmax J.v with constant v is not exactly 0 at %d\n", i);
            failures++;
        }
    for (int i = 0; i < 3; i++)
        mpfr_clear(out[i]);
    return checked;
}

int main(void)
{
    unsigned scale = 1;
    const char *s = getenv("ACTBENCH_SELFCHECK_SCALE");
    if (s != NULL && atoi(s) > 0)
        scale = (unsigned)atoi(s);

    clock_t start = clock();
    check_conventions();

    input_list inputs = {0};
    unsigned long total = 0;
    for (size_t i = 0; i < ab_activation_count(); i++) {
        const ab_activation *act = ab_activation_at(i);
        if (act->is_vector)
            continue;
        build_inputs(act, &inputs, scale);
        clock_t t0 = clock();
        for (int dir = 0; dir < 2; dir++) {
            unsigned long bad = check_elementwise(act, dir, &inputs);
            failures += bad;
            if (bad)
                printf("FAIL %s %s: %lu of %zu inputs differ between p and 2p\n", act->name,
                       ab_direction_name(dir), bad, inputs.n);
        }
        total += 2 * inputs.n;
        printf("%-12s %zu inputs x 2 directions agree at %d and %d bits (%.2f s)\n", act->name,
               inputs.n, P, 2 * P, (double)(clock() - t0) / CLOCKS_PER_SEC);
    }
    free(inputs.x);
    unsigned long vec = check_vectors();
    printf("vectors: %lu elements checked\n", vec);
    printf("%lu elementwise cases, %u failures, %.1f s\n", total, failures,
           (double)(clock() - start) / CLOCKS_PER_SEC);
    return failures ? 1 : 0;
}
