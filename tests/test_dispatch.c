/*
 * The dispatch API against its documented rules, linked with libactbench
 * alone (no peers, no harness): the activation list matches the registry's
 * elementwise activations; each choice is a supported built-in kernel that
 * meets the default policy whenever one does, of the widest ISA among those,
 * with no tighter bound at that ISA; a choice that does not meet the policy
 * is the most accurate candidate; every dispatch function gives the chosen
 * kernel's bits; the first calls may race from several threads;
 * ab_dispatch_describe names every choice.
 */
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include "actbench/dispatch.h"

static int failures;

#define CHECK(cond, ...)                   \
    do {                                   \
        if (!(cond)) {                     \
            fprintf(stderr, "FAIL: ");     \
            fprintf(stderr, __VA_ARGS__);  \
            fputc('\n', stderr);           \
            failures++;                    \
        }                                  \
    } while (0)

typedef void (*dispatch_fn)(const float *, float *, size_t);
typedef struct entry {
    const char *name;
    dispatch_fn fn[2];
} entry;

#define AB_ENTRY_(act) {#act, {ab_##act##_f32, ab_##act##_derivative_f32}},
static const entry entries[] = {AB_ELEMENTWISE_ACTIVATIONS(AB_ENTRY_)};
#undef AB_ENTRY_
#define ENTRIES (sizeof entries / sizeof entries[0])

static bool meets(const ab_impl *impl, ab_direction d, const ab_dispatch_policy *p)
{
    const ab_bound *b = ab_impl_bound(impl, d);
    return b->max_ulp <= p->max_ulp && (b->allowed_classes & ~p->allowed_classes) == 0;
}

static bool candidate(const ab_impl *impl, const char *act, ab_direction d)
{
    return strcmp(impl->activation, act) == 0 && ab_impl_kernel(impl, d) != NULL &&
           ab_impl_supported(impl) &&
           !(impl->flags & (AB_FLAG_VECTOR | AB_FLAG_SETS_MXCSR | AB_FLAG_FTZ_DEPENDENT |
                            AB_FLAG_NOT_THREAD_SAFE));
}

static void check_rules(const char *act, ab_direction d, const ab_dispatch_policy *policy)
{
    bool met;
    const ab_impl *pick = ab_dispatch_pick(act, d, policy, &met);
    const char *dir = ab_direction_name(d);
    CHECK(pick != NULL && candidate(pick, act, d), "%s %s: no valid pick", act, dir);
    if (pick == NULL)
        return;
    const ab_bound *pb = ab_impl_bound(pick, d);
    CHECK(met == meets(pick, d, policy), "%s %s: policy_met is wrong", act, dir);
    for (size_t i = 0; i < ab_impl_count(); i++) {
        const ab_impl *o = ab_impl_at(i);
        if (o == pick || !candidate(o, act, d))
            continue;
        const ab_bound *ob = ab_impl_bound(o, d);
        if (met) {
            if (!meets(o, d, policy))
                continue;
            CHECK(o->isa <= pick->isa, "%s %s: %s has a wider ISA than %s", act, dir, o->variant,
                  pick->variant);
            CHECK(o->isa < pick->isa || ob->max_ulp >= pb->max_ulp,
                  "%s %s: %s has a tighter bound than %s", act, dir, o->variant, pick->variant);
        } else {
            CHECK(!meets(o, d, policy), "%s %s: %s meets the policy, yet it is reported unmet",
                  act, dir, o->variant);
            CHECK(ob->max_ulp >= pb->max_ulp, "%s %s: %s is more accurate than %s", act, dir,
                  o->variant, pick->variant);
        }
    }
}

static float x[1031], y_dispatch[1031], y_direct[1031];

static void check_bits(const entry *e, ab_direction d)
{
    const ab_impl *pick = ab_dispatch_pick(e->name, d, NULL, NULL);
    ab_params params = ab_activation_find(e->name)->default_params;
    e->fn[d](x, y_dispatch, 1031);
    ab_impl_kernel(pick, d)(x, y_direct, 1031, &params);
    CHECK(memcmp(y_dispatch, y_direct, sizeof y_direct) == 0, "%s %s: dispatch != %s", e->name,
          ab_direction_name(d), pick->variant);
}

static void *first_calls(void *arg)
{
    float out[64];
    for (size_t k = 0; k < ENTRIES; k++)
        entries[(k + (size_t)arg) % ENTRIES].fn[k % 2](x, out, 64);
    return NULL;
}

int main(void)
{
    for (size_t i = 0; i < 1031; i++)
        x[i] = -12.0f + 24.0f * (float)i / 1030.0f;
    x[0] = NAN, x[1] = -0.0f, x[2] = INFINITY, x[3] = 0x1p-140f;

    /* Racing first calls: the choice is made once, whoever comes first. */
    pthread_t threads[4];
    for (size_t t = 0; t < 4; t++)
        pthread_create(&threads[t], NULL, first_calls, (void *)t);
    for (size_t t = 0; t < 4; t++)
        pthread_join(threads[t], NULL);

    size_t k = 0;
    for (size_t a = 0; a < ab_activation_count(); a++) {
        const ab_activation *act = ab_activation_at(a);
        if (act->is_vector) {
            CHECK(ab_dispatch_pick(act->name, AB_FORWARD, NULL, NULL) == NULL,
                  "%s: a vector activation was picked", act->name);
            continue;
        }
        CHECK(k < ENTRIES && strcmp(entries[k].name, act->name) == 0,
              "AB_ELEMENTWISE_ACTIVATIONS lacks or misplaces %s", act->name);
        k++;
    }
    CHECK(k == ENTRIES, "AB_ELEMENTWISE_ACTIVATIONS has %zu names, the registry %zu", ENTRIES, k);

    const ab_dispatch_policy strict = {0.0, 0u}, loose = {1e300, ~0u};
    const ab_dispatch_policy default_policy = AB_DISPATCH_DEFAULT_POLICY;
    const char *text = ab_dispatch_describe();
    for (size_t e = 0; e < ENTRIES; e++)
        for (int d = AB_FORWARD; d <= AB_DERIVATIVE; d++) {
            check_rules(entries[e].name, (ab_direction)d, &default_policy);
            check_rules(entries[e].name, (ab_direction)d, &strict);
            check_rules(entries[e].name, (ab_direction)d, &loose);
            check_bits(&entries[e], (ab_direction)d);
            char line[128];
            const ab_impl *pick = ab_dispatch_pick(entries[e].name, (ab_direction)d, NULL, NULL);
            snprintf(line, sizeof line, "\n%s %s %s ", entries[e].name,
                     ab_direction_name((ab_direction)d), pick->variant);
            CHECK(strstr(text, line) != NULL, "describe lacks '%s'", line + 1);
        }
    CHECK(ab_dispatch_pick("no_such_activation", AB_FORWARD, NULL, NULL) == NULL,
          "an unknown activation was picked");
    /* libactbench alone: no peer is registered, none is ever picked. */
    for (size_t i = 0; i < ab_impl_count(); i++)
        CHECK(strncmp(ab_impl_at(i)->variant, "peer-", 5) != 0, "peer %s %s in libactbench",
              ab_impl_at(i)->activation, ab_impl_at(i)->variant);

    fputs(text, stdout);
    printf("%s\n", failures ? "FAILED" : "dispatch: all rules hold");
    return failures ? 1 : 0;
}
