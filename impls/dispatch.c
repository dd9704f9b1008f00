/* The dispatch API (actbench/dispatch.h): the functions ab_<activation>_f32
 * and ab_<activation>_derivative_f32 are generated from the activation list
 * AB_ELEMENTWISE_ACTIVATIONS; all their kernels are chosen together by one
 * pthread_once, from the declared bounds of libactbench's own registry
 * table, by the static order the header documents (no timing data here). */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "actbench/dispatch.h"
#include "registry_internal.h"

/* Kernels that a library call may not hand to an unknown caller: whole-row
 * kernels, kernels that touch or read MXCSR, kernels unsafe across threads. */
#define UNSUITABLE_FLAGS \
    (AB_FLAG_VECTOR | AB_FLAG_SETS_MXCSR | AB_FLAG_FTZ_DEPENDENT | AB_FLAG_NOT_THREAD_SAFE)

static bool meets(const ab_bound *b, const ab_dispatch_policy *p)
{
    return b->max_ulp <= p->max_ulp && (b->allowed_classes & ~p->allowed_classes) == 0;
}

/* Among policy-meeting candidates: is a preferred to the current choice b? */
static bool faster_first(const ab_impl *a, const ab_impl *b, ab_direction d)
{
    if (a->isa != b->isa)
        return a->isa > b->isa;
    return ab_impl_bound(a, d)->max_ulp < ab_impl_bound(b, d)->max_ulp;
}

/* With no candidate meeting the policy: is a more accurate than b? */
static bool more_accurate(const ab_impl *a, const ab_impl *b, ab_direction d)
{
    const ab_bound *ba = ab_impl_bound(a, d), *bb = ab_impl_bound(b, d);
    if (ba->max_ulp != bb->max_ulp)
        return ba->max_ulp < bb->max_ulp;
    int ca = __builtin_popcount(ba->allowed_classes), cb = __builtin_popcount(bb->allowed_classes);
    if (ca != cb)
        return ca < cb;
    return a->isa > b->isa;
}

const ab_impl *ab_dispatch_pick(const char *activation, ab_direction d,
                                const ab_dispatch_policy *policy, bool *policy_met)
{
    const ab_dispatch_policy default_policy = AB_DISPATCH_DEFAULT_POLICY;
    if (policy == NULL)
        policy = &default_policy;
    const ab_activation *act = ab_activation_find(activation);
    if (act == NULL || act->is_vector)
        return NULL;
    const ab_impl *best_meeting = NULL, *best_other = NULL;
    for (size_t i = 0; i < ab_core_impl_count(); i++) {
        const ab_impl *impl = ab_core_impl_at(i);
        if (strcmp(impl->activation, act->name) != 0 || (impl->flags & UNSUITABLE_FLAGS) ||
            ab_impl_kernel(impl, d) == NULL || !ab_impl_supported(impl))
            continue;
        if (meets(ab_impl_bound(impl, d), policy)) {
            if (best_meeting == NULL || faster_first(impl, best_meeting, d))
                best_meeting = impl;
        } else if (best_other == NULL || more_accurate(impl, best_other, d)) {
            best_other = impl;
        }
    }
    if (policy_met != NULL)
        *policy_met = best_meeting != NULL;
    return best_meeting != NULL ? best_meeting : best_other;
}

/* ---- the generated functions -------------------------------------------- */

#define AB_SLOT_(act) slot_##act,
enum { AB_ELEMENTWISE_ACTIVATIONS(AB_SLOT_) SLOT_COUNT };
#undef AB_SLOT_

#define AB_NAME_(act) #act,
static const char *const slot_names[SLOT_COUNT] = {AB_ELEMENTWISE_ACTIVATIONS(AB_NAME_)};
#undef AB_NAME_

typedef struct choice {
    const ab_impl *impl;
    ab_kernel_fn kernel;
    ab_params params;
    bool policy_met;
} choice;

static choice choices[SLOT_COUNT][2];
static pthread_once_t choices_once = PTHREAD_ONCE_INIT;

static void choose_all(void)
{
    for (size_t s = 0; s < SLOT_COUNT; s++)
        for (int d = AB_FORWARD; d <= AB_DERIVATIVE; d++) {
            choice *c = &choices[s][d];
            c->impl = ab_dispatch_pick(slot_names[s], (ab_direction)d, NULL, &c->policy_met);
            if (c->impl == NULL)
                continue; /* a name the activation table lacks: reported by run() */
            c->kernel = ab_impl_kernel(c->impl, (ab_direction)d);
            c->params = ab_activation_find(slot_names[s])->default_params;
        }
}

static void run(size_t slot, ab_direction d, const float *x, float *y, size_t n)
{
    pthread_once(&choices_once, choose_all);
    const choice *c = &choices[slot][d];
    if (c->kernel == NULL) {
        fprintf(stderr, "actbench: no kernel for %s %s\n", slot_names[slot], ab_direction_name(d));
        abort();
    }
    c->kernel(x, y, n, &c->params);
}

#define AB_DEFINE_(act)                                                  \
    void ab_##act##_f32(const float *x, float *y, size_t n)              \
    {                                                                    \
        run(slot_##act, AB_FORWARD, x, y, n);                            \
    }                                                                    \
    void ab_##act##_derivative_f32(const float *x, float *y, size_t n)   \
    {                                                                    \
        run(slot_##act, AB_DERIVATIVE, x, y, n);                         \
    }
AB_ELEMENTWISE_ACTIVATIONS(AB_DEFINE_)
#undef AB_DEFINE_

/* ---- description ---------------------------------------------------------- */

/* The AB_CLASS_* bits in order, as the accuracy tables name them. */
static const char *const class_names[] = {"nan_unexpected", "nan_missing", "inf_where_finite",
                                          "flush_to_zero", "signed_zero_mismatch",
                                          "finite_where_inf"};
#define CLASS_NAMES (sizeof class_names / sizeof class_names[0])

static char description[SLOT_COUNT * 2 * 160 + 256];
static pthread_once_t description_once = PTHREAD_ONCE_INIT;

static void describe_all(void)
{
    pthread_once(&choices_once, choose_all);
    const ab_dispatch_policy p = AB_DISPATCH_DEFAULT_POLICY;
    size_t k = (size_t)snprintf(description, sizeof description,
                                "policy: declared bound <= %g ULP, no error class; order: widest "
                                "ISA, then tightest bound, then first registered (static, not "
                                "timed)\n",
                                p.max_ulp);
    for (size_t s = 0; s < SLOT_COUNT; s++)
        for (int d = AB_FORWARD; d <= AB_DERIVATIVE && k < sizeof description; d++) {
            const choice *c = &choices[s][d];
            if (c->impl == NULL) {
                k += (size_t)snprintf(description + k, sizeof description - k, "%s %s none\n",
                                      slot_names[s], ab_direction_name((ab_direction)d));
                continue;
            }
            const ab_bound *b = ab_impl_bound(c->impl, (ab_direction)d);
            k += (size_t)snprintf(description + k, sizeof description - k, "%s %s %s %s %g ULP",
                                  slot_names[s], ab_direction_name((ab_direction)d),
                                  c->impl->variant, ab_isa_name(c->impl->isa), b->max_ulp);
            for (unsigned bit = 0; bit < CLASS_NAMES && k < sizeof description; bit++)
                if (b->allowed_classes & (1u << bit))
                    k += (size_t)snprintf(description + k, sizeof description - k, " %s",
                                          class_names[bit]);
            if (k < sizeof description)
                k += (size_t)snprintf(description + k, sizeof description - k, "%s\n",
                                      c->policy_met ? "" : " (policy not met: most accurate)");
        }
}

const char *ab_dispatch_describe(void)
{
    pthread_once(&description_once, describe_all);
    return description;
}
