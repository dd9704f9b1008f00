/* The registry: built from registry.def so that a new variant is one source
 * file plus one line there, and the harness and the tests pick it up. */
#include <string.h>

#include "actbench/actbench.h"

/* The prototypes; an IMPL naming an activation missing from
 * actbench/activation_list.def does not compile (no AB_ACT_<act>). */
#define IMPL(act, var, name, isa, fu, fc, du, dc, flags, method)                  \
    _Static_assert(AB_ACT_##act < AB_ACTIVATION_COUNT, "listed activation");      \
    void ab_##act##_##var##_forward(const float *, float *, size_t, const ab_params *); \
    void ab_##act##_##var##_derivative(const float *, float *, size_t, const ab_params *);
#define IMPL_FWD_ONLY(act, var, name, isa, fu, fc, flags, method)                 \
    _Static_assert(AB_ACT_##act < AB_ACTIVATION_COUNT, "listed activation");      \
    void ab_##act##_##var##_forward(const float *, float *, size_t, const ab_params *);
#include "registry.def"
#undef IMPL
#undef IMPL_FWD_ONLY

static const ab_impl registry[] = {
#define IMPL(act, var, name, isa, fu, fc, du, dc, flags, method)                  \
    {#act, name, isa, ab_##act##_##var##_forward, ab_##act##_##var##_derivative,  \
     {fu, fc}, {du, dc}, flags, method},
/* A peer that offers no derivative: derivative == NULL, skipped by the harness. */
#define IMPL_FWD_ONLY(act, var, name, isa, fu, fc, flags, method)                 \
    {#act, name, isa, ab_##act##_##var##_forward, NULL, {fu, fc}, {0, 0}, flags, method},
#include "registry.def"
#undef IMPL
#undef IMPL_FWD_ONLY
};

size_t ab_impl_count(void)
{
    return sizeof registry / sizeof registry[0];
}

const ab_impl *ab_impl_at(size_t index)
{
    return index < ab_impl_count() ? &registry[index] : NULL;
}

bool ab_impl_supported(const ab_impl *impl)
{
    return ab_cpu_has(impl->isa);
}

const ab_impl *ab_impl_find(const char *activation, const char *variant)
{
    const ab_activation *act = ab_activation_find(activation);
    if (act == NULL || variant == NULL)
        return NULL;
    for (size_t i = 0; i < ab_impl_count(); i++)
        if (strcmp(registry[i].activation, act->name) == 0 &&
            strcmp(registry[i].variant, variant) == 0)
            return &registry[i];
    return NULL;
}

const char *ab_flag_name(unsigned bit_index)
{
    static const char *const names[AB_FLAG_KINDS] = {"vector", "sets_mxcsr", "ftz_dependent",
                                                     "not_thread_safe", "cpu_dependent"};
    return bit_index < AB_FLAG_KINDS ? names[bit_index] : NULL;
}

const char *ab_direction_name(ab_direction d)
{
    return d == AB_FORWARD ? "forward" : "derivative";
}
