/*
 * Grouping of the pairs of one block by identical results (twins.h). The
 * kernels run once per block in each MXCSR mode, in the same calls as
 * before (chunks of the block, so a kernel's remainder path meets the same
 * inputs), into per-pair buffers that the classification then reads. The
 * results at a few sampled inputs pick the candidate leader; memcmp over
 * the whole block decides, so a candidate that differs elsewhere costs one
 * comparison, never a wrong row.
 */
#include <stdlib.h>
#include <string.h>

#include "mxcsr.h"
#include "sweep/twins.h"

bool ab_exh_outputs_reserve(ab_exh_outputs *o, size_t pairs, size_t cap)
{
    if (o->pairs >= pairs && o->cap >= cap)
        return true;
    ab_exh_outputs_free(o);
    o->y = malloc(pairs * cap * sizeof *o->y);
    o->z = malloc(pairs * cap * sizeof *o->z);
    o->sample = malloc(pairs * 2 * AB_EXH_SAMPLES * sizeof *o->sample);
    o->leader = malloc(pairs * sizeof *o->leader);
    if (o->y == NULL || o->z == NULL || o->sample == NULL || o->leader == NULL) {
        ab_exh_outputs_free(o);
        return false;
    }
    o->pairs = pairs;
    o->cap = cap;
    return true;
}

void ab_exh_outputs_free(ab_exh_outputs *o)
{
    free(o->y), free(o->z), free(o->sample), free(o->leader);
    *o = (ab_exh_outputs){0, 0, NULL, NULL, NULL, NULL};
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

void ab_exh_outputs_run(ab_exh_outputs *o, const ab_exh_pair *pairs, size_t pair_count,
                        ab_direction dir, const ab_params *params, const float *xs, size_t count,
                        size_t chunk)
{
    for (size_t k = 0; k < pair_count; k++) {
        if (pairs[k].dir != dir)
            continue;
        ab_kernel_fn fn = ab_impl_kernel(pairs[k].impl, dir);
        float *y = o->y + k * o->cap, *z = o->z + k * o->cap;
        for (size_t c0 = 0; c0 < count; c0 += chunk) {
            size_t n = count - c0 < chunk ? count - c0 : chunk;
            ab_mxcsr_state saved = ab_mxcsr_save();
            fn(xs + c0, y + c0, n, params);
            ab_mxcsr_restore(saved);
            saved = ab_mxcsr_enter_ftz_daz();
            fn(xs + c0, z + c0, n, params);
            ab_mxcsr_leave(saved);
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
