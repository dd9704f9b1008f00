/*
 * Grouping of the pairs of one block by identical results (twins.h). The
 * kernels run once per block in each MXCSR mode, in calls of
 * AB_EXH_KERNEL_CALL inputs (worker.h), into per-pair buffers that the
 * classification then reads. The
 * results at a few sampled inputs pick the candidate leader; memcmp over
 * the whole block decides, so a candidate that differs elsewhere costs one
 * comparison, never a wrong row. The FTZ/DAZ run of a call is left out
 * where the default run's MXCSR flags show it cannot differ (twins.h).
 */
#include <stdlib.h>
#include <string.h>

#include "mxcsr.h"
#include "sweep/twins.h"

static void free_buffers(ab_exh_outputs *o)
{
    free(o->y), free(o->z), free(o->sample), free(o->leader), free(o->flags_shown);
    free(o->x_subnormal);
    o->y = o->z = NULL, o->sample = NULL, o->leader = NULL, o->flags_shown = NULL;
    o->x_subnormal = NULL;
    o->pairs = o->cap = 0;
}

bool ab_exh_outputs_reserve(ab_exh_outputs *o, size_t pairs, size_t cap)
{
    if (o->pairs >= pairs && o->cap >= cap)
        return true;
    free_buffers(o); /* the counters stay */
    o->y = malloc(pairs * cap * sizeof *o->y);
    o->z = malloc(pairs * cap * sizeof *o->z);
    o->sample = malloc(pairs * 2 * AB_EXH_SAMPLES * sizeof *o->sample);
    o->leader = malloc(pairs * sizeof *o->leader);
    o->flags_shown = malloc(pairs * sizeof *o->flags_shown);
    o->x_subnormal = malloc(cap * sizeof *o->x_subnormal); /* cap calls at most */
    if (o->y == NULL || o->z == NULL || o->sample == NULL || o->leader == NULL ||
        o->flags_shown == NULL || o->x_subnormal == NULL) {
        free_buffers(o);
        return false;
    }
    memset(o->flags_shown, -1, pairs * sizeof *o->flags_shown);
    o->pairs = pairs;
    o->cap = cap;
    return true;
}

void ab_exh_outputs_free(ab_exh_outputs *o)
{
    free_buffers(o);
    *o = (ab_exh_outputs){0};
}

/* The results at SAMPLES positions spread over the block: pairs that differ
 * somewhere usually differ at one of them (a checksum of every result cost
 * as much as a classification pass of a cheap pair). */
static void sample_results(const ab_exh_outputs *o, size_t k, size_t count)
{
    uint32_t *sig = o->sample + k * 2 * AB_EXH_SAMPLES;
    for (size_t s = 0; s < AB_EXH_SAMPLES; s++) {
        size_t i = s * count / AB_EXH_SAMPLES;
        memcpy(&sig[2 * s], &o->y[k * o->cap + i], sizeof sig[0]);
        memcpy(&sig[2 * s + 1], &o->z[k * o->cap + i], sizeof sig[0]);
    }
}

static bool same_results(const ab_exh_outputs *o, size_t a, size_t b, size_t count)
{
    size_t sig = 2 * AB_EXH_SAMPLES;
    return memcmp(o->sample + a * sig, o->sample + b * sig, sig * sizeof *o->sample) == 0 &&
           memcmp(o->y + a * o->cap, o->y + b * o->cap, count * sizeof *o->y) == 0 &&
           memcmp(o->z + a * o->cap, o->z + b * o->cap, count * sizeof *o->z) == 0;
}

/* Whether kernel fn raises DE or UE on subnormal inputs (both signs, the
 * smallest, the largest and some between): any floating-point operation on
 * them does. */
#define PROBE_INPUTS 64
static bool shows_flags(ab_kernel_fn fn, const ab_params *params)
{
    static const uint32_t magnitudes[] = {1u, 0x7FFFFFu, 0x400000u, 0x12345u};
    float x[PROBE_INPUTS], y[PROBE_INPUTS];
    for (size_t i = 0; i < PROBE_INPUTS; i++) {
        uint32_t b = magnitudes[i % 4] | (uint32_t)(i & 4) << 29;
        memcpy(&x[i], &b, sizeof b);
    }
    ab_mxcsr_state saved = ab_mxcsr_save_clear();
    fn(x, y, PROBE_INPUTS, params);
    unsigned flags = ab_mxcsr_subnormal_flags();
    ab_mxcsr_restore(saved);
    return flags != 0;
}

/* Whether v[0, n) holds a subnormal. Eight lanes of accumulators: at -O2
 * the compiler turns their fixed-width body into vector operations, where
 * the plain loop stayed scalar (a scan of x and y per call then cost as
 * much as a cheap kernel). */
static bool any_subnormal(const float *v, size_t n)
{
    uint32_t acc[8] = {0}, any = 0;
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        uint32_t b[8];
        memcpy(b, &v[i], sizeof b);
        for (int k = 0; k < 8; k++)
            acc[k] |= (b[k] & 0x7FFFFFFFu) - 1u < 0x7FFFFFu;
    }
    for (; i < n; i++) {
        uint32_t b;
        memcpy(&b, &v[i], sizeof b);
        any |= (b & 0x7FFFFFFFu) - 1u < 0x7FFFFFu;
    }
    for (int k = 0; k < 8; k++)
        any |= acc[k];
    return any != 0;
}

/* One call of fn on n inputs into y (default MXCSR) and z (FTZ/DAZ), the
 * second left out where the first shows it cannot differ (twins.h). */
static void run_call(ab_exh_outputs *o, ab_kernel_fn fn, bool flags_shown, bool x_subnormal,
                     const float *xs, float *y, float *z, size_t n, const ab_params *params)
{
    ab_mxcsr_state saved = ab_mxcsr_save_clear();
    fn(xs, y, n, params);
    unsigned flags = ab_mxcsr_subnormal_flags();
    bool changed = ab_mxcsr_restore(saved);
    o->calls++;
    bool same = flags_shown && flags == 0 && !changed && !x_subnormal && !any_subnormal(y, n);
    if (same && !o->verify_skips) {
        memcpy(z, y, n * sizeof *z);
        o->ftz_skipped++;
        return;
    }
    saved = ab_mxcsr_enter_ftz_daz();
    fn(xs, z, n, params);
    ab_mxcsr_leave(saved);
    if (same) {
        o->ftz_skipped++;
        o->skip_mismatches += memcmp(z, y, n * sizeof *z) != 0;
    }
}

void ab_exh_outputs_run(ab_exh_outputs *o, const ab_exh_pair *pairs, size_t pair_count,
                        ab_direction dir, const ab_params *params, const float *xs, size_t count,
                        size_t chunk)
{
    for (size_t c0 = 0, c = 0; c0 < count; c0 += chunk, c++) /* once for every pair */
        o->x_subnormal[c] = any_subnormal(xs + c0, count - c0 < chunk ? count - c0 : chunk);
    for (size_t k = 0; k < pair_count; k++) {
        if (pairs[k].dir != dir)
            continue;
        ab_kernel_fn fn = ab_impl_kernel(pairs[k].impl, dir);
        float *y = o->y + k * o->cap, *z = o->z + k * o->cap;
        if (o->flags_shown[k] < 0)
            o->flags_shown[k] = shows_flags(fn, params);
        for (size_t c0 = 0, c = 0; c0 < count; c0 += chunk, c++) {
            size_t n = count - c0 < chunk ? count - c0 : chunk;
            run_call(o, fn, o->flags_shown[k] == 1, o->x_subnormal[c], xs + c0, y + c0, z + c0, n,
                     params);
        }
        sample_results(o, k, count);
        o->leader[k] = k;
        for (size_t j = 0; j < k; j++)
            if (pairs[j].dir == dir && o->leader[j] == j && same_results(o, j, k, count)) {
                o->leader[k] = j;
                break;
            }
    }
}

void ab_exh_copy_twin(ab_exh_pair *twin, const ab_exh_pair *from)
{
    twin->stats = from->stats;
    twin->fallbacks = from->fallbacks;
    twin->reevals = from->reevals;
    memcpy(twin->binade, from->binade, sizeof twin->binade);
    memcpy(twin->grid, from->grid, sizeof twin->grid);
}
