/*
 * The output side of `actbench accuracy`: accuracy.csv (one row per
 * implementation × direction × method, with the CPU it was measured on and
 * how it was sampled) and accuracy.md, rendered from the same table. A run
 * over part of the registry replaces only the rows it measured and keeps the
 * others of the existing accuracy.csv.
 */
#ifndef ACTBENCH_OUTPUT_ACCURACY_TABLE_H
#define ACTBENCH_OUTPUT_ACCURACY_TABLE_H

#include <stddef.h>

#include "accuracy.h"

/* Merges rows[0..n_rows) into output_dir/accuracy.csv and writes both files
 * (atomically; inside an output set, together). sampling_* describe the
 * inputs of elementwise and vector rows. *rows_in_table receives the size of
 * the merged table. Returns 0, or 1 with a message. */
int ab_accuracy_write_tables(const char *output_dir, const ab_accuracy_row *rows, size_t n_rows,
                             const char *sampling_elementwise, const char *sampling_vector,
                             size_t *rows_in_table);

#endif
