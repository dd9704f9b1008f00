/*
 * Partial runs: a command that measured some rows of a table merges them
 * into the table already in the results directory instead of replacing it.
 * Generic over the schema: rows are identified by the values of a list of
 * key columns, and the other columns are matched by name.
 */
#ifndef ACTBENCH_OUTPUT_CSV_MERGE_H
#define ACTBENCH_OUTPUT_CSV_MERGE_H

#include <stdbool.h>
#include <stddef.h>

#include "csv_table.h"

/* Old rows of an implementation the registry no longer has (an activation
 * the registry knows, with a variant it does not know under that exact
 * name: removed or renamed) are dropped, with a count on stderr; rows of
 * other tables' entities (the benchmark's copy loops) are merged as usual.
 *
 * out := old, where the old rows of each key the fresh table has are
 * replaced by all fresh rows of that key (at the first old row's place; for
 * a table with one row per key, row by row), then the fresh rows of new
 * keys, in their order. out has fresh's header; old rows are mapped by column name, "" for
 * a column old lacks. false with a message when old lacks a key column (a
 * table of another layout: nothing is merged) or memory runs out. */
bool ab_csv_merge(const ab_csv_table *old, const ab_csv_table *fresh,
                  const char *const *key_cols, size_t n_keys, const char *old_name,
                  ab_csv_table *out);

/* Rewrites the variant column of t (when it has activation and variant
 * columns) from old variant names (ab_variant_alias) to the current ones,
 * so that a table written before a rename merges, resumes and is compared
 * under the current names. false when memory runs out. */
bool ab_csv_current_variants(ab_csv_table *t);

/* The same with the old table read from old_path (old variant names
 * rewritten by ab_csv_current_variants); a missing file is an
 * empty table. false with a message when the file exists but cannot be read
 * or is damaged (truncated, ragged): it is left as it is. */
bool ab_csv_merge_file(const char *old_path, const ab_csv_table *fresh,
                       const char *const *key_cols, size_t n_keys, ab_csv_table *out);

#endif
