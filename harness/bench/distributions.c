/* See distributions.h. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench/distributions.h"
#include "common/rng.h"
#include "inputs.h"

static const char *const names[AB_DIST_COUNT] = {
    "uniform[-10,10]", "positive(0,10]", "normal(0,1)", "normal(0,4)", "tails"};

const char *ab_distribution_name(ab_distribution d)
{
    return (unsigned)d < AB_DIST_COUNT ? names[d] : "?";
}

/* Short names for the command line (the full names hold commas). */
static const char *const short_names[AB_DIST_COUNT] = {"uniform", "positive", "normal1",
                                                       "normal4", "tails"};

bool ab_distribution_parse(const char *list, unsigned *mask)
{
    *mask = 0;
    const char *p = list;
    while (*p) {
        size_t len = strcspn(p, ",");
        int found = -1;
        if (len == 3 && strncmp(p, "all", 3) == 0)
            *mask = (1u << AB_DIST_COUNT) - 1;
        for (int d = 0; d < AB_DIST_COUNT && found < 0; d++) {
            if (strncmp(p, names[d], strlen(names[d])) == 0 &&
                (p[strlen(names[d])] == ',' || p[strlen(names[d])] == '\0'))
                len = strlen(names[d]), found = d;
            else if (strlen(short_names[d]) == len && strncmp(p, short_names[d], len) == 0)
                found = d;
        }
        if (found < 0 && !(len == 3 && strncmp(p, "all", 3) == 0)) {
            fprintf(stderr,
                    "actbench: unknown distribution '%.*s' (uniform, positive, normal1, "
                    "normal4, tails or all)\n",
                    (int)len, p);
            return false;
        }
        if (found >= 0)
            *mask |= 1u << found;
        p += len;
        if (*p == ',')
            p++;
    }
    if (*mask == 0) {
        fprintf(stderr, "actbench: no distribution named in '%s'\n", list);
        return false;
    }
    return true;
}

/* Finite named points: the generic inputs and each selected activation's
 * special inputs and range ends. */
static float *named_points(const ab_impl *const *impls, size_t n_impls, size_t *count)
{
    const float *generic;
    size_t n_generic = ab_generic_named_inputs(&generic), cap = n_generic;
    for (size_t i = 0; i < n_impls; i++) {
        const ab_activation *act = ab_activation_find(impls[i]->activation);
        for (size_t k = 0; act && act->special_inputs && !isnan(act->special_inputs[k]); k++)
            cap++;
        cap += 2;
    }
    float *pts = malloc(cap * sizeof *pts);
    if (pts == NULL)
        return NULL;
    size_t k = 0;
    for (size_t i = 0; i < n_generic; i++)
        if (isfinite(generic[i]))
            pts[k++] = generic[i];
    for (size_t i = 0; i < n_impls; i++) {
        const ab_activation *act = ab_activation_find(impls[i]->activation);
        if (act == NULL)
            continue;
        for (size_t s = 0; act->special_inputs && !isnan(act->special_inputs[s]); s++)
            if (isfinite(act->special_inputs[s]))
                pts[k++] = act->special_inputs[s];
        pts[k++] = (float)act->range_lo;
        pts[k++] = (float)act->range_hi;
    }
    *count = k;
    return pts;
}

static float random_sign(uint64_t *state, float v)
{
    return (ab_rng_next(state) & 1) ? -v : v;
}

/* The float k ulps above p (below for k < 0), stopping at 0 and FLT_MAX. */
static float ulps_away(float p, int k)
{
    uint32_t bits;
    memcpy(&bits, &p, sizeof bits);
    int64_t mag = bits & 0x7fffffffu;
    mag += (bits >> 31) ? -k : k;
    mag = mag < 0 ? 0 : mag > 0x7f7fffff ? 0x7f7fffff : mag;
    bits = (bits & 0x80000000u) | (uint32_t)mag;
    memcpy(&p, &bits, sizeof p);
    return p;
}

static int fill_tails(float *x, size_t n, uint64_t *state, const ab_impl *const *impls,
                      size_t n_impls)
{
    size_t n_pts;
    float *pts = named_points(impls, n_impls, &n_pts);
    if (pts == NULL)
        return -1;
    double widest = 10.0;
    for (size_t i = 0; i < n_impls; i++) {
        const ab_activation *act = ab_activation_find(impls[i]->activation);
        if (act != NULL)
            widest = fmax(widest, fmax(fabs(act->range_lo), fabs(act->range_hi)));
    }
    for (size_t i = 0; i < n; i++) {
        double u = ab_rng_open_unit(state);
        float v;
        switch (ab_rng_next(state) & 3) {
        case 0: /* large |x| */
            v = random_sign(state, (float)(widest * exp2(24.0 * u)));
            break;
        case 1: /* tiny |x|, subnormals included */
            v = random_sign(state, (float)exp2(-149.0 + 139.0 * u));
            break;
        case 2: { /* within 2^10 ulps of a named point */
            float p = pts[ab_rng_next(state) % n_pts];
            v = ulps_away(p, (int)(ab_rng_next(state) % 2048) - 1024);
            break;
        }
        default: { /* between two named points */
            float a = pts[ab_rng_next(state) % n_pts], b = pts[ab_rng_next(state) % n_pts];
            v = (float)((double)a + u * ((double)b - (double)a));
            break;
        }
        }
        x[i] = isfinite(v) ? v : copysignf(0x1p100f, v);
    }
    free(pts);
    return 0;
}

int ab_distribution_fill(ab_distribution d, float *x, float *tangent, size_t n,
                         const ab_impl *const *impls, size_t n_impls)
{
    uint64_t state = 0xac7be4c40000u + (uint64_t)d;
    switch (d) {
    case AB_DIST_UNIFORM:
    case AB_DIST_POSITIVE:
        for (size_t i = 0; i < n; i++) {
            float u = ab_rng_unit_float(&state);
            x[i] = d == AB_DIST_UNIFORM ? -10.0f + 20.0f * u : 10.0f * (1.0f - u);
        }
        break;
    case AB_DIST_NORMAL_1:
    case AB_DIST_NORMAL_4:
        for (size_t i = 0; i < n; i++)
            x[i] = (float)((d == AB_DIST_NORMAL_1 ? 1.0 : 4.0) * ab_rng_normal(&state));
        break;
    case AB_DIST_TAILS:
        if (fill_tails(x, n, &state, impls, n_impls) != 0)
            return -1;
        break;
    default:
        return -1;
    }
    for (size_t i = 0; i < n; i++)
        tangent[i] = 2.0f * ab_rng_unit_float(&state) - 1.0f;
    return 0;
}
