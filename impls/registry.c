/* The registry: libactbench's own kernels, built from registry.def so that a
 * new variant is one source file plus one line there, followed by the tables
 * other code adds at run time through ab_registry_add: the peer adapters of
 * libactbench_peers (impls/peers/registry.c) and plugins (impls/plugin.c).
 * The harness and the tests see one list through ab_impl_count/ab_impl_at. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "actbench/actbench.h"
#include "registry_internal.h"

#define AB_REGISTRY_TABLE core_table
#include "registry_table.inc"

enum { MAX_ADDED_TABLES = 64 };

static struct added_table {
    const ab_impl *impls;
    size_t count;
} added[MAX_ADDED_TABLES];
static size_t added_tables, added_impls;

size_t ab_core_impl_count(void)
{
    return sizeof core_table / sizeof core_table[0] - 1; /* less the sentinel */
}

const ab_impl *ab_core_impl_at(size_t index)
{
    return index < ab_core_impl_count() ? &core_table[index] : NULL;
}

size_t ab_impl_count(void)
{
    return ab_core_impl_count() + added_impls;
}

const ab_impl *ab_impl_at(size_t index)
{
    if (index < ab_core_impl_count())
        return &core_table[index];
    index -= ab_core_impl_count();
    for (size_t t = 0; t < added_tables; t++) {
        if (index < added[t].count)
            return &added[t].impls[index];
        index -= added[t].count;
    }
    return NULL;
}

bool ab_impl_supported(const ab_impl *impl)
{
    return ab_cpu_has(impl->isa);
}

static const ab_variant_alias variant_aliases[] = {
#define VARIANT_ALIAS(act, old_name, current_name) {#act, old_name, current_name},
#include "registry/aliases.def"
#undef VARIANT_ALIAS
};

size_t ab_variant_alias_count(void)
{
    return sizeof variant_aliases / sizeof variant_aliases[0];
}

const ab_variant_alias *ab_variant_alias_at(size_t index)
{
    return index < ab_variant_alias_count() ? &variant_aliases[index] : NULL;
}

const char *ab_variant_renamed(const char *activation, const char *variant)
{
    const ab_activation *act = ab_activation_find(activation);
    if (act == NULL || variant == NULL)
        return NULL;
    for (size_t i = 0; i < ab_variant_alias_count(); i++)
        if (strcmp(variant_aliases[i].activation, act->name) == 0 &&
            strcmp(variant_aliases[i].old_name, variant) == 0)
            return variant_aliases[i].current_name;
    return NULL;
}

static const ab_impl *find_exact(const char *activation, const char *variant)
{
    for (size_t i = 0; i < ab_impl_count(); i++) {
        const ab_impl *impl = ab_impl_at(i);
        if (strcmp(impl->activation, activation) == 0 && strcmp(impl->variant, variant) == 0)
            return impl;
    }
    return NULL;
}

const ab_impl *ab_impl_find(const char *activation, const char *variant)
{
    const ab_activation *act = ab_activation_find(activation);
    if (act == NULL || variant == NULL)
        return NULL;
    const ab_impl *impl = find_exact(act->name, variant);
    const char *renamed = impl == NULL ? ab_variant_renamed(act->name, variant) : NULL;
    return renamed != NULL ? find_exact(act->name, renamed) : impl;
}

static bool reject(char *err, size_t errlen, const char *fmt, ...)
{
    if (err != NULL && errlen > 0) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(err, errlen, fmt, ap);
        va_end(ap);
    }
    return false;
}

static bool valid_bound(const ab_bound *b)
{
    return b->max_ulp >= 0; /* false for NaN too */
}

/* Why entry k of impls cannot be registered, or true when it can. */
static bool check_entry(const ab_impl *impls, size_t k, char *err, size_t errlen)
{
    const ab_impl *e = &impls[k];
    const ab_activation *act = e->activation ? ab_activation_find(e->activation) : NULL;
    if (act == NULL)
        return reject(err, errlen, "entry %zu: unknown activation '%s'", k,
                      e->activation ? e->activation : "(null)");
    if (strcmp(act->name, e->activation) != 0)
        return reject(err, errlen, "entry %zu: activation '%s' must use its canonical name '%s'",
                      k, e->activation, act->name);
    if (e->variant == NULL || e->variant[0] == '\0')
        return reject(err, errlen, "entry %zu (%s): empty variant name", k, act->name);
    if (e->forward == NULL)
        return reject(err, errlen, "%s %s: no forward kernel", act->name, e->variant);
    if (strcmp(ab_isa_name(e->isa), "unknown") == 0)
        return reject(err, errlen, "%s %s: unknown ISA %d", act->name, e->variant, (int)e->isa);
    if (((e->flags & AB_FLAG_VECTOR) != 0) != act->is_vector)
        return reject(err, errlen, "%s %s: AB_FLAG_VECTOR must be %s for this activation",
                      act->name, e->variant, act->is_vector ? "set" : "clear");
    unsigned unknown_flags = e->flags & ~((1u << AB_FLAG_KINDS) - 1);
    if (unknown_flags != 0)
        return reject(err, errlen, "%s %s: unknown flag bits 0x%x", act->name, e->variant,
                      unknown_flags);
    if (!valid_bound(&e->forward_bound) || !valid_bound(&e->derivative_bound))
        return reject(err, errlen, "%s %s: a max ULP bound is negative or NaN",
                      act->name, e->variant);
    if (ab_impl_find(act->name, e->variant) != NULL)
        return reject(err, errlen, "%s %s: already registered", act->name, e->variant);
    for (size_t j = 0; j < k; j++)
        if (strcmp(impls[j].activation, e->activation) == 0 &&
            strcmp(impls[j].variant, e->variant) == 0)
            return reject(err, errlen, "%s %s: listed twice", act->name, e->variant);
    return true;
}

bool ab_registry_add(const ab_impl *impls, size_t count, char *err, size_t errlen)
{
    if (impls == NULL && count > 0)
        return reject(err, errlen, "no table given");
    if (added_tables == MAX_ADDED_TABLES)
        return reject(err, errlen, "too many tables (at most %d)", MAX_ADDED_TABLES);
    for (size_t k = 0; k < count; k++)
        if (!check_entry(impls, k, err, errlen))
            return false;
    if (count == 0)
        return true;
    added[added_tables++] = (struct added_table){impls, count};
    added_impls += count;
    return true;
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
