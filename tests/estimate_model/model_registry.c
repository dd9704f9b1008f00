/*
 * The model entries: for every registry line whose kernels were also built
 * in estimate-model form (our AVX2 kernels, compiled a second time with
 * AB_ESTIMATE_MODEL), one ab_impl per mode whose kernels set the mode and
 * call the model build. Generated from impls/registry.def like the registry
 * itself, so a new kernel is covered without editing this file; lines with
 * no model build (scalar code, peers) resolve to null weak symbols and are
 * left out.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "estimate_model.h"

#define MODEL_MODES 4 /* LOW, HIGH, NEAREST, RANDOM */

/* A seed from the call's input, so that a RANDOM run is reproducible
 * whatever thread or order the harness uses. */
static uint64_t seed_of(const float *x, size_t n)
{
    uint64_t s = 0x9E3779B97F4A7C15ULL ^ n;
    if (n > 0) {
        uint32_t b;
        memcpy(&b, &x[0], 4);
        s ^= (uint64_t)b * 0xBF58476D1CE4E5B9ULL;
    }
    return s;
}

#define MODEL_WRAPPER(fn, mode, suffix)                                                    \
    static void fn##_##suffix(const float *x, float *y, size_t n, const ab_params *p)      \
    {                                                                                      \
        ab_estimate_set_mode(mode, seed_of(x, n));                                         \
        fn##_estimate_model(x, y, n, p);                                                   \
    }
#define MODEL_WRAPPERS(fn)                                                                 \
    void fn##_estimate_model(const float *, float *, size_t, const ab_params *)             \
        __attribute__((weak));                                                             \
    MODEL_WRAPPER(fn, AB_ESTIMATE_LOW, low)                                                \
    MODEL_WRAPPER(fn, AB_ESTIMATE_HIGH, high)                                              \
    MODEL_WRAPPER(fn, AB_ESTIMATE_NEAREST, nearest)                                        \
    MODEL_WRAPPER(fn, AB_ESTIMATE_RANDOM, random)

#define IMPL(act, var, name, isa, fu, fc, du, dc, flags, method)                         \
    MODEL_WRAPPERS(ab_##act##_##var##_forward) MODEL_WRAPPERS(ab_##act##_##var##_derivative)
#define IMPL_FWD_ONLY(act, var, name, isa, fu, fc, flags, method)                        \
    MODEL_WRAPPERS(ab_##act##_##var##_forward)
#include "registry.def"
#undef IMPL
#undef IMPL_FWD_ONLY

typedef struct model_source {
    const char *activation, *variant;
    ab_kernel_fn model_forward; /* null: no model build */
    ab_kernel_fn forward[MODEL_MODES], derivative[MODEL_MODES];
} model_source;

#define FNS(fn) {fn##_low, fn##_high, fn##_nearest, fn##_random}
#define IMPL(act, var, name, isa, fu, fc, du, dc, flags, method)                         \
    {#act, name, ab_##act##_##var##_forward_estimate_model,                               \
     FNS(ab_##act##_##var##_forward), FNS(ab_##act##_##var##_derivative)},
#define IMPL_FWD_ONLY(act, var, name, isa, fu, fc, flags, method)                        \
    {#act, name, ab_##act##_##var##_forward_estimate_model,                               \
     FNS(ab_##act##_##var##_forward), {NULL, NULL, NULL, NULL}},
static const model_source sources[] = {
#include "registry.def"
};
#undef IMPL
#undef IMPL_FWD_ONLY

typedef struct model_entry {
    ab_impl impl;
    const ab_impl *original;
    ab_estimate_mode mode;
    char variant[96];
} model_entry;

static model_entry *entries;
static size_t entry_count;

static void build_entries(void)
{
    if (entries)
        return;
    size_t n_sources = sizeof sources / sizeof sources[0];
    entries = calloc(n_sources * MODEL_MODES + 1, sizeof *entries);
    if (!entries) {
        fprintf(stderr, "estimate model: out of memory\n");
        exit(2);
    }
    for (size_t s = 0; s < n_sources; s++) {
        const ab_impl *orig = ab_impl_find(sources[s].activation, sources[s].variant);
        if (!sources[s].model_forward || !orig)
            continue;
        for (int m = 0; m < MODEL_MODES; m++) {
            model_entry *e = &entries[entry_count++];
            e->impl = *orig;
            e->original = orig;
            e->mode = (ab_estimate_mode)m;
            snprintf(e->variant, sizeof e->variant, "%s@rcp-%s", orig->variant,
                     ab_estimate_mode_name(e->mode));
            e->impl.variant = e->variant;
            e->impl.forward = sources[s].forward[m];
            e->impl.derivative = orig->derivative ? sources[s].derivative[m] : NULL;
        }
    }
}

size_t ab_estimate_model_count(void)
{
    build_entries();
    return entry_count;
}

const ab_impl *ab_estimate_model_at(size_t index)
{
    build_entries();
    return index < entry_count ? &entries[index].impl : NULL;
}

const ab_impl *ab_estimate_model_original(size_t index)
{
    build_entries();
    return index < entry_count ? entries[index].original : NULL;
}

ab_estimate_mode ab_estimate_model_mode(size_t index)
{
    build_entries();
    return index < entry_count ? entries[index].mode : AB_ESTIMATE_MODES;
}

bool ab_estimate_model_has(const ab_impl *impl)
{
    build_entries();
    for (size_t i = 0; i < entry_count; i++)
        if (entries[i].original == impl)
            return true;
    return false;
}
