/* See inputs.h. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "inputs.h"

static float from_bits(uint32_t u)
{
    float f;
    memcpy(&f, &u, sizeof f);
    return f;
}

/* accuracy.md "Inputs worth naming": zeros, subnormal and normal extremes,
 * infinities, NaNs of several kinds, the edges of exp, and binade edges. */
static float generic_named[40];
static size_t generic_named_count;

static void init_generic_named(void)
{
    if (generic_named_count != 0)
        return;
    const uint32_t bits[] = {
        0x00000000u, 0x80000000u, /* ±0 */
        0x00000001u, 0x80000001u, /* ±min subnormal */
        0x007fffffu, 0x807fffffu, /* ±max subnormal */
        0x00800000u, 0x80800000u, /* ±FLT_MIN */
        0x7f7fffffu, 0xff7fffffu, /* ±FLT_MAX */
        0x7f800000u, 0xff800000u, /* ±inf */
        0x7fc00000u, 0xffc00000u, /* quiet NaN, negative */
        0x7f800001u, 0x7fa00000u, /* signalling NaNs */
        0x7fc12345u,              /* NaN with payload */
    };
    const float values[] = {
        -103.972084f, -103.278931f, -87.3365479f, 88.7228394f, -88.7228394f, 87.3365479f,
        1.0f, -1.0f, 0.5f, -0.5f, 2.0f, -2.0f, 0x1p-24f, -0x1p-24f, 0x1p-12f, -0x1p-12f,
        0x1p24f, -0x1p24f, 0x1p64f, -0x1p64f,
    };
    size_t k = 0;
    for (size_t i = 0; i < sizeof bits / sizeof bits[0]; i++)
        generic_named[k++] = from_bits(bits[i]);
    for (size_t i = 0; i < sizeof values / sizeof values[0] && k < 40; i++)
        generic_named[k++] = values[i];
    generic_named_count = k;
}

size_t ab_generic_named_inputs(const float **out)
{
    init_generic_named();
    *out = generic_named;
    return generic_named_count;
}

/* A named input and its two float neighbours: thresholds are where the
 * off-by-one-ulp bugs live. */
static size_t add_with_neighbours(float *dst, float v)
{
    size_t k = 0;
    dst[k++] = v;
    if (isfinite(v)) {
        dst[k++] = nextafterf(v, INFINITY);
        dst[k++] = nextafterf(v, -INFINITY);
    }
    return k;
}

int ab_inputs_build(ab_input_set *set, const ab_activation *act, size_t n_grid,
                    size_t n_random, uint64_t seed)
{
    memset(set, 0, sizeof *set);
    const float *generic;
    size_t n_generic = ab_generic_named_inputs(&generic);
    size_t n_specific = 0;
    while (act->special_inputs != NULL && !isnan(act->special_inputs[n_specific]))
        n_specific++;
    size_t cap = 3 * (n_generic + n_specific) + n_grid + n_random;
    set->x = malloc((cap ? cap : 1) * sizeof(float));
    if (set->x == NULL)
        return -1;

    size_t k = 0;
    for (size_t i = 0; i < n_generic; i++)
        k += add_with_neighbours(set->x + k, generic[i]);
    for (size_t i = 0; i < n_specific; i++)
        k += add_with_neighbours(set->x + k, act->special_inputs[i]);
    set->n_named = k;

    for (size_t i = 0; i < n_grid; i++) {
        double t = n_grid > 1 ? (double)i / (double)(n_grid - 1) : 0.5;
        set->x[k++] = (float)(act->range_lo + t * (act->range_hi - act->range_lo));
    }
    set->n_grid = n_grid;

    uint64_t state = seed;
    for (size_t i = 0; i < n_random; i++) {
        /* Random bit patterns over all finite floats: uniform in the bit
         * pattern, so every binade gets its share, the tails included. */
        uint32_t u;
        do
            u = (uint32_t)(ab_rng_next(&state) >> 32);
        while ((u & 0x7f800000u) == 0x7f800000u);
        set->x[k++] = from_bits(u);
    }
    set->n_random = n_random;
    set->n = k;
    return 0;
}

void ab_inputs_free(ab_input_set *set)
{
    free(set->x);
    memset(set, 0, sizeof *set);
}
