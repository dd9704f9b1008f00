/* See cli.h. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cli.h"

static bool variant_matches(const char *pattern, size_t len, const char *variant)
{
    if (len > 0 && pattern[len - 1] == '*')
        return strncmp(pattern, variant, len - 1) == 0;
    return strlen(variant) == len && strncmp(pattern, variant, len) == 0;
}

static bool list_contains_activation(const char *list, const ab_impl *impl)
{
    if (list == NULL)
        return true;
    const ab_activation *act = ab_activation_find(impl->activation);
    for (const char *p = list; *p;) {
        size_t len = strcspn(p, ",");
        if ((strlen(act->name) == len && strncasecmp(p, act->name, len) == 0) ||
            (act->alias && strlen(act->alias) == len && strncasecmp(p, act->alias, len) == 0))
            return true;
        p += len + (p[len] == ',');
    }
    return false;
}

static bool list_contains_variant(const char *list, const ab_impl *impl)
{
    if (list == NULL)
        return true;
    for (const char *p = list; *p;) {
        size_t len = strcspn(p, ",");
        if (variant_matches(p, len, impl->variant))
            return true;
        p += len + (p[len] == ',');
    }
    return false;
}

static bool check_names(const char *list, bool activations)
{
    if (list == NULL)
        return true;
    if (*list == '\0') {
        fprintf(stderr, "actbench: empty --%s list\n", activations ? "activation" : "variant");
        return false;
    }
    for (const char *p = list; *p;) {
        size_t len = strcspn(p, ",");
        char name[128];
        if (len == 0 || len >= sizeof name) {
            fprintf(stderr, "actbench: bad --%s list: '%s'\n",
                    activations ? "activation" : "variant", list);
            return false;
        }
        memcpy(name, p, len);
        name[len] = '\0';
        bool known = false;
        if (activations) {
            known = ab_activation_find(name) != NULL;
        } else {
            for (size_t i = 0; i < ab_impl_count() && !known; i++)
                known = variant_matches(name, len, ab_impl_at(i)->variant);
        }
        if (!known) {
            fprintf(stderr, "actbench: unknown %s '%s' (see 'actbench list')\n",
                    activations ? "activation" : "variant", name);
            return false;
        }
        p += len + (p[len] == ',');
    }
    return true;
}

bool ab_select_impls(const ab_selection *sel, const ab_impl ***out, size_t *count)
{
    if (!check_names(sel->activations, true) || !check_names(sel->variants, false))
        return false;
    const ab_impl **list = calloc(ab_impl_count() + 1, sizeof *list);
    if (list == NULL) {
        fprintf(stderr, "actbench: out of memory\n");
        return false;
    }
    size_t n = 0;
    for (size_t i = 0; i < ab_impl_count(); i++) {
        const ab_impl *impl = ab_impl_at(i);
        if (list_contains_activation(sel->activations, impl) &&
            list_contains_variant(sel->variants, impl) &&
            (sel->include_unsupported || ab_impl_supported(impl)))
            list[n++] = impl;
    }
    if (n == 0) {
        fprintf(stderr, "actbench: no implementation matches the selection%s\n",
                sel->include_unsupported ? "" : " on this CPU");
        free(list);
        return false;
    }
    *out = list;
    *count = n;
    return true;
}

bool ab_parse_u64(const char *option, const char *text, uint64_t min, uint64_t max, uint64_t *out)
{
    char *end = NULL;
    errno = 0;
    if (text == NULL || *text == '\0' || *text == '-' || *text == '+') {
        fprintf(stderr, "actbench: %s needs a non-negative integer, got '%s'\n", option,
                text ? text : "");
        return false;
    }
    unsigned long long v = strtoull(text, &end, 0);
    if (errno != 0 || *end != '\0' || v < min || v > max) {
        fprintf(stderr, "actbench: %s must be an integer in [%llu, %llu], got '%s'\n", option,
                (unsigned long long)min, (unsigned long long)max, text);
        return false;
    }
    *out = v;
    return true;
}
