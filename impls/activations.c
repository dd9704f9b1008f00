/* The activation table, built from actbench/activation_list.def (the one
 * place an activation is described) and indexed by ab_activation_id; lookup
 * by name or alias. */
#include <math.h>
#include <string.h>
#include <strings.h>

#include "actbench/actbench.h"

/* A named-input list: a static array terminated by NaN. */
#define AB_INPUTS(...) ((const float[]){__VA_ARGS__, NAN})

static const ab_activation activations[AB_ACTIVATION_COUNT] = {
#define ACTIVATION(act, ...) [AB_ACT_##act] = {.id = AB_ACT_##act, .name = #act, __VA_ARGS__},
#include "actbench/activation_list.def"
#undef ACTIVATION
};

size_t ab_activation_count(void)
{
    return AB_ACTIVATION_COUNT;
}

const ab_activation *ab_activation_at(size_t index)
{
    return index < ab_activation_count() ? &activations[index] : NULL;
}

const ab_activation *ab_activation_find(const char *name)
{
    if (name == NULL)
        return NULL;
    for (size_t i = 0; i < ab_activation_count(); i++) {
        const ab_activation *a = &activations[i];
        if (strcasecmp(a->name, name) == 0 ||
            (a->alias != NULL && strcasecmp(a->alias, name) == 0))
            return a;
    }
    return NULL;
}
