/* Selection of implementations and strict number parsing (see cli.h).
 * Method: a selection list is split on commas; each entry is matched with
 * fnmatch(3) against the registry (activation names and aliases without case,
 * variant names and their old names exactly), so 'avx2*' means the same in
 * every command. Each entry must match something and may appear once. */
#include <errno.h>
#include <fnmatch.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

#define MAX_ENTRY 128

typedef enum list_kind { LIST_ACTIVATION, LIST_VARIANT } list_kind;

static const char *option_name(list_kind kind)
{
    return kind == LIST_ACTIVATION ? "--activation" : "--variant";
}

static bool activation_matches(const char *pattern, const ab_activation *act)
{
    return fnmatch(pattern, act->name, FNM_CASEFOLD) == 0 ||
           (act->alias != NULL && fnmatch(pattern, act->alias, FNM_CASEFOLD) == 0);
}

/* True when pattern matches an old name of impl (ab_variant_alias). */
static bool old_name_matches(const char *pattern, const ab_impl *impl)
{
    for (size_t k = 0; k < ab_variant_alias_count(); k++) {
        const ab_variant_alias *alias = ab_variant_alias_at(k);
        if (strcmp(alias->activation, impl->activation) == 0 &&
            strcmp(alias->current_name, impl->variant) == 0 &&
            fnmatch(pattern, alias->old_name, 0) == 0)
            return true;
    }
    return false;
}

static bool variant_matches(const char *pattern, const ab_impl *impl)
{
    return fnmatch(pattern, impl->variant, 0) == 0 || old_name_matches(pattern, impl);
}

/* Copies entry number `index` of the list into buf; false past the end. */
static bool list_entry(const char *list, size_t index, char *buf, size_t size, size_t *len)
{
    const char *p = list;
    for (size_t i = 0; i < index; i++) {
        p = strchr(p, ',');
        if (p == NULL)
            return false;
        p++;
    }
    *len = strcspn(p, ",");
    snprintf(buf, size, "%.*s", (int)(*len < size ? *len : size - 1), p);
    return true;
}

/* What an activation entry names, for duplicate detection: the activation
 * when it is a plain name or alias, else the pattern itself. */
static const char *canonical_entry(list_kind kind, const char *entry)
{
    if (kind == LIST_ACTIVATION) {
        const ab_activation *act = ab_activation_find(entry);
        if (act != NULL)
            return act->name;
    }
    return entry;
}

static bool entry_known(list_kind kind, const char *entry)
{
    if (kind == LIST_ACTIVATION) {
        for (size_t a = 0; a < ab_activation_count(); a++)
            if (activation_matches(entry, ab_activation_at(a)))
                return true;
        return false;
    }
    for (size_t i = 0; i < ab_impl_count(); i++)
        if (variant_matches(entry, ab_impl_at(i)))
            return true;
    return false;
}

static bool check_list(const char *list, list_kind kind)
{
    if (list == NULL)
        return true;
    const char *what = kind == LIST_ACTIVATION ? "activation" : "variant";
    if (*list == '\0') {
        fprintf(stderr, "actbench: empty %s list (omit the option to select all)\n",
                option_name(kind));
        return false;
    }
    char entry[MAX_ENTRY], other[MAX_ENTRY];
    size_t len, other_len;
    for (size_t i = 0; list_entry(list, i, entry, sizeof entry, &len); i++) {
        if (len == 0 || len >= sizeof entry) {
            fprintf(stderr, "actbench: bad %s list '%s': %s entry\n", option_name(kind), list,
                    len == 0 ? "an empty" : "an over-long");
            return false;
        }
        if (!entry_known(kind, entry)) {
            bool glob = strpbrk(entry, "*?[") != NULL;
            fprintf(stderr, glob ? "actbench: no %s matches '%s' (see 'actbench list')\n"
                                 : "actbench: unknown %s '%s' (see 'actbench list')\n",
                    what, entry);
            return false;
        }
        for (size_t j = 0; j < i; j++) {
            list_entry(list, j, other, sizeof other, &other_len);
            if (strcmp(canonical_entry(kind, entry), canonical_entry(kind, other)) == 0) {
                fprintf(stderr, "actbench: %s '%s' given twice in '%s'\n", what, entry, list);
                return false;
            }
        }
    }
    return true;
}

static bool list_selects(const char *list, list_kind kind, const ab_impl *impl)
{
    if (list == NULL)
        return true;
    char entry[MAX_ENTRY];
    size_t len;
    const ab_activation *act = ab_activation_find(impl->activation);
    for (size_t i = 0; list_entry(list, i, entry, sizeof entry, &len); i++)
        if (kind == LIST_ACTIVATION ? activation_matches(entry, act) : variant_matches(entry, impl))
            return true;
    return false;
}

/* One line on stderr for each entry of the variant list that selects a
 * renamed variant by its old name, giving the current names (once per
 * process: commands check the selection before they use it). */
static void note_old_names(const ab_selection *sel)
{
    static bool noted;
    if (noted || sel->variants == NULL)
        return;
    noted = true;
    char entry[MAX_ENTRY];
    size_t len;
    for (size_t i = 0; list_entry(sel->variants, i, entry, sizeof entry, &len); i++) {
        bool any = false;
        for (size_t k = 0; k < ab_impl_count(); k++) {
            const ab_impl *impl = ab_impl_at(k);
            if (fnmatch(entry, impl->variant, 0) == 0 || !old_name_matches(entry, impl) ||
                !list_selects(sel->activations, LIST_ACTIVATION, impl))
                continue;
            if (!any)
                fprintf(stderr, "actbench: variant '%s' is an old name (accepted until the next "
                                "release); now:", entry);
            fprintf(stderr, "%s %s (%s)", any ? "," : "", impl->variant, impl->activation);
            any = true;
        }
        if (any)
            fputc('\n', stderr);
    }
}

bool ab_selection_valid(const ab_selection *sel)
{
    if (!check_list(sel->activations, LIST_ACTIVATION) || !check_list(sel->variants, LIST_VARIANT))
        return false;
    note_old_names(sel);
    return true;
}

bool ab_select_impls(const ab_selection *sel, const ab_impl ***out, size_t *count)
{
    if (!ab_selection_valid(sel))
        return false;
    const ab_impl **list = calloc(ab_impl_count() + 1, sizeof *list);
    if (list == NULL) {
        fprintf(stderr, "actbench: out of memory\n");
        return false;
    }
    size_t n = 0;
    for (size_t i = 0; i < ab_impl_count(); i++) {
        const ab_impl *impl = ab_impl_at(i);
        if (list_selects(sel->activations, LIST_ACTIVATION, impl) &&
            list_selects(sel->variants, LIST_VARIANT, impl) &&
            (sel->include_unsupported || ab_impl_supported(impl)))
            list[n++] = impl;
    }
    if (n == 0) {
        fprintf(stderr, "actbench: no implementation matches the selection%s\n",
                sel->include_unsupported ? "" : " on this CPU (--all lists the others)");
        free(list);
        return false;
    }
    *out = list;
    *count = n;
    return true;
}

bool ab_parse_u64(const char *option, const char *text, uint64_t min, uint64_t max, uint64_t *out)
{
    if (text == NULL)
        text = "";
    bool hex = text[0] == '0' && (text[1] == 'x' || text[1] == 'X');
    const char *digits = hex ? text + 2 : text;
    const char *allowed = hex ? "0123456789abcdefABCDEF" : "0123456789";
    if (*digits == '\0' || strspn(digits, allowed) != strlen(digits)) {
        fprintf(stderr, "actbench: %s needs a non-negative integer, got '%s'\n", option, text);
        return false;
    }
    errno = 0;
    unsigned long long v = strtoull(digits, NULL, hex ? 16 : 10);
    if (errno == ERANGE || v < min || v > max) {
        fprintf(stderr, "actbench: %s must be an integer in [%llu, %llu], got '%s'\n", option,
                (unsigned long long)min, (unsigned long long)max, text);
        return false;
    }
    *out = v;
    return true;
}

bool ab_parse_double(const char *option, const char *text, double min, double max, double *out)
{
    if (text == NULL)
        text = "";
    char *end = NULL;
    errno = 0;
    double v = strtod(text, &end);
    bool junk = *text == '\0' || *text == ' ' || *text == '\t' || *end != '\0';
    if (junk || errno == ERANGE || !isfinite(v) || v < min || v > max) {
        fprintf(stderr, "actbench: %s must be a number in [%g, %g], got '%s'\n", option, min, max,
                text);
        return false;
    }
    *out = v;
    return true;
}
