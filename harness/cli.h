/* Shared command-line helpers: selection of implementations from the
 * registry and strict number parsing. Every error prints one clear line. */
#ifndef ACTBENCH_CLI_H
#define ACTBENCH_CLI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "actbench/actbench.h"

typedef struct ab_selection {
    const char *activations; /* comma list or NULL = all */
    const char *variants;    /* comma list (a trailing '*' matches a prefix) or NULL = all */
    bool include_unsupported;
} ab_selection;

/* Checks every name in the selection exists in the registry; fills a newly
 * allocated array with the matching implementations (in registry order).
 * Returns false with a message when a name is unknown or nothing matches. */
bool ab_select_impls(const ab_selection *sel, const ab_impl ***out, size_t *count);

/* Whole-string parses with range checks; false with a message naming the option. */
bool ab_parse_u64(const char *option, const char *text, uint64_t min, uint64_t max, uint64_t *out);

#endif
