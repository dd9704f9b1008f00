/* A small reader for the CSV files actbench writes (RFC 4180 quoting), so
 * that `actbench recommend` can answer from any results directory. */
#ifndef ACTBENCH_CSV_TABLE_H
#define ACTBENCH_CSV_TABLE_H

#include <stdbool.h>
#include <stddef.h>

typedef struct ab_csv_table {
    size_t n_cols, n_rows;
    char **header;  /* n_cols names */
    char ***rows;   /* n_rows × n_cols fields ("" when a row is short) */
} ab_csv_table;

/* false (errno-style message printed unless quiet) when the file cannot be read. */
bool ab_csv_read(const char *path, ab_csv_table *t, bool quiet);
void ab_csv_free(ab_csv_table *t);
/* Column index by name, or -1. */
int ab_csv_column(const ab_csv_table *t, const char *name);
/* Field of row r in column c ("" when c < 0). */
const char *ab_csv_field(const ab_csv_table *t, size_t r, int c);

#endif
