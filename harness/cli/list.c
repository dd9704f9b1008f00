/* `actbench list`: the registry as text (for people), JSON (schema
 * actbench-list/1, for scripts; documented in README) or CSV. All three are
 * printed from the same registry walk, grouped by activation in the
 * activation table's order. */
#include <cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "actbench/dispatch.h"
#include "actbench/peers.h"
#include "accuracy_stats.h"
#include "cli/list.h"
#include "common/csv_write.h"

/* The implementations of the selection in display order (by activation). */
static size_t display_order(const ab_impl **impls, size_t n, const ab_impl **ordered)
{
    size_t k = 0;
    for (size_t a = 0; a < ab_activation_count(); a++)
        for (size_t i = 0; i < n; i++)
            if (strcmp(impls[i]->activation, ab_activation_at(a)->name) == 0)
                ordered[k++] = impls[i];
    return k;
}

/* Names joined by sep: flag names of a flag mask or class names of a class mask. */
static void join_names(char *buf, size_t size, unsigned mask, bool flags, const char *sep)
{
    buf[0] = '\0';
    size_t used = 0;
    int kinds = flags ? AB_FLAG_KINDS : AB_CLASS_KINDS;
    for (int k = 0; k < kinds && used < size; k++)
        if (mask & (1u << k))
            used += (size_t)snprintf(buf + used, size - used, "%s%s", used ? sep : "",
                                     flags ? ab_flag_name((unsigned)k) : ab_class_name(k));
}

static void print_text(const ab_impl **impls, size_t n)
{
    printf("%-12s %-26s %-9s %-4s %-7s %-34s %-34s %s\n", "activation", "variant", "isa", "cpu",
           "cpu-dep", "forward bound (ULP)", "derivative bound (ULP)", "method");
    static const char *const tags[AB_CLASS_KINDS] = {"nan?", "nan-missing", "inf", "ftz", "+-0",
                                                     "fin-for-inf"};
    for (size_t i = 0; i < n; i++) {
        char bounds[2][160];
        for (int d = 0; d < 2; d++) {
            const ab_bound *b = ab_impl_bound(impls[i], (ab_direction)d);
            if (ab_impl_kernel(impls[i], (ab_direction)d) == NULL) {
                snprintf(bounds[d], sizeof bounds[d], "-");
                continue;
            }
            int k = snprintf(bounds[d], sizeof bounds[d], "%.3g", b->max_ulp);
            for (int c = 0; c < AB_CLASS_KINDS && k < (int)sizeof bounds[d]; c++)
                if (b->allowed_classes & (1u << c))
                    k += snprintf(bounds[d] + k, sizeof bounds[d] - (size_t)k, " %s", tags[c]);
        }
        printf("%-12s %-26s %-9s %-4s %-7s %-34s %-34s %s\n", impls[i]->activation,
               impls[i]->variant, ab_isa_name(impls[i]->isa),
               ab_impl_supported(impls[i]) ? "yes" : "no",
               impls[i]->flags & AB_FLAG_CPU_DEPENDENT ? "yes" : "-", bounds[0], bounds[1],
               impls[i]->method);
    }
}

static cJSON *bound_json(const ab_impl *impl, ab_direction d)
{
    if (ab_impl_kernel(impl, d) == NULL)
        return cJSON_CreateNull();
    const ab_bound *b = ab_impl_bound(impl, d);
    cJSON *obj = cJSON_CreateObject();
    cJSON_AddNumberToObject(obj, "max_ulp", b->max_ulp);
    cJSON *classes = cJSON_AddArrayToObject(obj, "allowed_classes");
    for (int k = 0; k < AB_CLASS_KINDS; k++)
        if (b->allowed_classes & (1u << k))
            cJSON_AddItemToArray(classes, cJSON_CreateString(ab_class_name(k)));
    return obj;
}

static void add_text(cJSON *o, const char *key, const char *value)
{
    cJSON_AddItemToObject(o, key, value ? cJSON_CreateString(value) : cJSON_CreateNull());
}

/* The activations of the listed implementations, as the activation list
 * (actbench/activation_list.def) describes them: for the report. */
static void add_activations_json(cJSON *root, const ab_impl **impls, size_t n)
{
    cJSON *arr = cJSON_AddArrayToObject(root, "activations");
    for (size_t a = 0; a < ab_activation_count(); a++) {
        const ab_activation *act = ab_activation_at(a);
        size_t i = 0;
        while (i < n && strcmp(impls[i]->activation, act->name) != 0)
            i++;
        if (i == n)
            continue;
        cJSON *o = cJSON_CreateObject();
        add_text(o, "name", act->name);
        add_text(o, "alias", act->alias);
        cJSON_AddBoolToObject(o, "vector", act->is_vector);
        add_text(o, "formula", act->formula);
        add_text(o, "derivative_formula", act->derivative_formula);
        add_text(o, "parameters", act->parameters);
        add_text(o, "conventions", act->conventions);
        add_text(o, "output_range", act->output_range);
        cJSON *range = cJSON_AddArrayToObject(o, "grid_range");
        cJSON_AddItemToArray(range, cJSON_CreateNumber(act->range_lo));
        cJSON_AddItemToArray(range, cJSON_CreateNumber(act->range_hi));
        cJSON *traits = cJSON_AddObjectToObject(o, "traits");
        add_text(traits, "monotonic", act->traits.monotonic);
        add_text(traits, "smooth", act->traits.smooth);
        add_text(traits, "zero_centred", act->traits.zero_centred);
        add_text(traits, "saturating", act->traits.saturating);
        add_text(traits, "bounded_below", act->traits.bounded_below);
        add_text(traits, "gradient", act->traits.gradient);
        cJSON_AddItemToArray(arr, o);
    }
}

/* "aliases": the variant's old names, still accepted for one release. */
static void add_old_names(cJSON *o, const ab_impl *impl)
{
    cJSON *arr = cJSON_AddArrayToObject(o, "aliases");
    for (size_t k = 0; k < ab_variant_alias_count(); k++) {
        const ab_variant_alias *alias = ab_variant_alias_at(k);
        if (strcmp(alias->activation, impl->activation) == 0 &&
            strcmp(alias->current_name, impl->variant) == 0)
            cJSON_AddItemToArray(arr, cJSON_CreateString(alias->old_name));
    }
}

static int print_json(const ab_impl **impls, size_t n)
{
    cJSON *root = cJSON_CreateObject();
    cJSON_AddStringToObject(root, "schema", "actbench-list/1");
    add_activations_json(root, impls, n);
    cJSON *arr = cJSON_AddArrayToObject(root, "implementations");
    for (size_t i = 0; i < n; i++) {
        const ab_impl *impl = impls[i];
        cJSON *o = cJSON_CreateObject();
        cJSON_AddStringToObject(o, "activation", impl->activation);
        cJSON_AddStringToObject(o, "variant", impl->variant);
        add_old_names(o, impl);
        cJSON_AddStringToObject(o, "isa", ab_isa_name(impl->isa));
        cJSON_AddBoolToObject(o, "supported", ab_impl_supported(impl));
        /* What the peer library itself reports running (null: not a peer,
         * not runnable here, or the library reports nothing). */
        add_text(o, "reported_isa", ab_peer_reported_isa(impl));
        cJSON *flags = cJSON_AddArrayToObject(o, "flags");
        for (unsigned k = 0; k < AB_FLAG_KINDS; k++)
            if (impl->flags & (1u << k))
                cJSON_AddItemToArray(flags, cJSON_CreateString(ab_flag_name(k)));
        cJSON_AddStringToObject(o, "method", impl->method);
        cJSON_AddItemToObject(o, "forward", bound_json(impl, AB_FORWARD));
        cJSON_AddItemToObject(o, "derivative", bound_json(impl, AB_DERIVATIVE));
        cJSON_AddItemToArray(arr, o);
    }
    char *text = cJSON_Print(root);
    cJSON_Delete(root);
    if (text == NULL) {
        fprintf(stderr, "actbench list: out of memory\n");
        return 1;
    }
    puts(text);
    free(text);
    return 0;
}

static void print_csv(const ab_impl **impls, size_t n)
{
    puts("activation,variant,isa,supported,flags,forward_max_ulp,forward_allowed_classes,"
         "derivative_max_ulp,derivative_allowed_classes,method");
    for (size_t i = 0; i < n; i++) {
        const ab_impl *impl = impls[i];
        char flags[256];
        join_names(flags, sizeof flags, impl->flags, true, ";");
        printf("%s,%s,%s,%s,%s", impl->activation, impl->variant, ab_isa_name(impl->isa),
               ab_impl_supported(impl) ? "yes" : "no", flags);
        for (int d = 0; d < 2; d++) {
            if (ab_impl_kernel(impl, (ab_direction)d) == NULL) {
                fputs(",,", stdout);
                continue;
            }
            const ab_bound *b = ab_impl_bound(impl, (ab_direction)d);
            char classes[256];
            join_names(classes, sizeof classes, b->allowed_classes, false, ";");
            printf(",%.15g,%s", b->max_ulp, classes);
        }
        fputc(',', stdout);
        ab_csv_put_text(stdout, impl->method);
        fputc('\n', stdout);
    }
}

int ab_cmd_list(const ab_cli_options *o)
{
    if (o->dispatch) {
        fputs(ab_dispatch_describe(), stdout);
        return 0;
    }
    const ab_impl **impls, **ordered;
    size_t n;
    if (!ab_select_impls(&o->sel, &impls, &n))
        return 2;
    ordered = calloc(n, sizeof *ordered);
    if (ordered == NULL) {
        free(impls);
        fprintf(stderr, "actbench list: out of memory\n");
        return 1;
    }
    n = display_order(impls, n, ordered);
    int rc = 0;
    switch (o->format) {
    case AB_FORMAT_TEXT: print_text(ordered, n); break;
    case AB_FORMAT_JSON: rc = print_json(ordered, n); break;
    case AB_FORMAT_CSV: print_csv(ordered, n); break;
    }
    free(ordered);
    free(impls);
    if (rc == 0 && (fflush(stdout) != 0 || ferror(stdout))) {
        fprintf(stderr, "actbench list: cannot write the output\n");
        rc = 1;
    }
    return rc;
}
