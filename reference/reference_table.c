/*
 * The references of every activation, indexed by ab_activation_id: one
 * entry per line of actbench/activation_list.def, bound to the
 * ab_ref_<activation> that reference/<activation>.c defines (a listed
 * activation without its reference file does not link).
 */
#include "ref_internal.h"

static const ab_ref_activation *const references[AB_ACTIVATION_COUNT] = {
#define ACTIVATION(name, ...) [AB_ACT_##name] = &ab_ref_##name,
#include "actbench/activation_list.def"
#undef ACTIVATION
};

const ab_ref_activation *ab_ref_of(const ab_activation *act)
{
    if (act == NULL || (unsigned)act->id >= AB_ACTIVATION_COUNT)
        return NULL;
    return references[act->id];
}
