/*
 * Grouping of the pairs of one block by identical results (twins.h). The
 * kernels run once per block in each MXCSR mode, in the same calls as
 * before (chunks of the block, so a kernel's remainder path meets the same
 * inputs), into per-pair buffers that the classification then reads. A
 * 64-bit hash of both results picks the candidate leader; memcmp over the
 * whole block decides, so a hash collision costs one comparison, never a
 * wrong row.
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
    o->hash = malloc(pairs * sizeof *o->hash);
    o->leader = malloc(pairs * sizeof *o->leader);
    if (o->y == NULL || o->z == NULL || o->hash == NULL || o->leader == NULL) {
        ab_exh_outputs_free(o);
        return false;
    }
    o->pairs = pairs;
    o->cap = cap;
    return true;
}

void ab_exh_outputs_free(ab_exh_outputs *o)
{
    free(o->y), free(o->z), free(o->hash), free(o->leader);
    *o = (ab_exh_outputs){0, 0, NULL, NULL, NULL, NULL};
}

/* Four independent multiply-xor lanes over the 32-bit words (a chain of
 * one would be bound by the multiply's latency). */
static uint64_t hash_words(const float *v, size_t n, uint64_t h0)
{
    const uint64_t k = 0x9E3779B97F4A7C15ull;
    uint64_t h[4] = {h0, h0 ^ 1, h0 ^ 2, h0 ^ 3};
    size_t i = 0;
    for (; i + 4 <= n; i += 4)
        for (int l = 0; l < 4; l++) {
            uint32_t w;
            memcpy(&w, &v[i + l], sizeof w);
            h[l] = (h[l] ^ w) * k;
        }
    for (; i < n; i++) {
        uint32_t w;
        memcpy(&w, &v[i], sizeof w);
        h[0] = (h[0] ^ w) * k;
    }
    return ((h[0] ^ (h[1] >> 29)) * k) ^ ((h[2] ^ (h[3] >> 31)) * k);
}

static bool same_results(const ab_exh_outputs *o, size_t a, size_t b, size_t count)
{
    return o->hash[a] == o->hash[b] &&
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
        o->hash[k] = hash_words(z, count, hash_words(y, count, 0));
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
