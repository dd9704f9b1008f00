/* Shared command-line helpers, used by every command (the sweep included):
 * selection of implementations from the registry and strict number parsing.
 * Every error prints one clear line on stderr; callers exit 2. */
#ifndef ACTBENCH_CLI_H
#define ACTBENCH_CLI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "actbench/actbench.h"

typedef struct ab_selection {
    /* Comma lists, NULL = all. Each entry is a name or a glob ('avx2*',
     * 'gelu*'; fnmatch syntax); activation names also match their alias and
     * ignore case. An empty list, an empty entry, an entry given twice (or
     * an alias next to its name) and an entry that matches nothing in the
     * registry are errors. */
    const char *activations;
    const char *variants;
    bool include_unsupported; /* false: only what this CPU can run */
} ab_selection;

/* Checks the selection and fills a newly allocated array with the matching
 * implementations, in registry order. Returns false with a message when a
 * list is malformed, a name is unknown or nothing matches. */
bool ab_select_impls(const ab_selection *sel, const ab_impl ***out, size_t *count);

/* Checks the lists of a selection without selecting (the same messages as
 * ab_select_impls). */
bool ab_selection_valid(const ab_selection *sel);

/* Whole-string decimal (or 0x hex) parse with range check; false with a
 * message naming the option on junk, sign, overflow or out-of-range. */
bool ab_parse_u64(const char *option, const char *text, uint64_t min, uint64_t max, uint64_t *out);

/* Whole-string finite decimal parse in [min, max]; false with a message. */
bool ab_parse_double(const char *option, const char *text, double min, double max, double *out);

#endif
