/* A small, strict reader for the CSV files actbench writes (RFC 4180
 * quoting, one record per line), so that `actbench recommend` and the merge
 * of partial runs can trust a results directory, and the matching writer. Strict because a table cut short by a crash or a
 * full disk must not be read as if it were whole: a row with more or fewer
 * fields than the header, an unclosed quote, or a last line without its
 * newline rejects the file, with the file and line named. */
#ifndef ACTBENCH_CSV_TABLE_H
#define ACTBENCH_CSV_TABLE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

typedef struct ab_csv_table {
    size_t n_cols, n_rows, cap_rows;
    char **header;  /* n_cols names */
    char ***rows;   /* n_rows × n_cols fields */
} ab_csv_table;

typedef enum ab_csv_status {
    AB_CSV_OK = 0,
    AB_CSV_MISSING,   /* the file does not exist (message unless quiet_if_missing) */
    AB_CSV_BAD,       /* unreadable, empty, truncated or malformed (message always) */
} ab_csv_status;

/* Reads path into t (freed with ab_csv_free on AB_CSV_OK only). */
ab_csv_status ab_csv_read(const char *path, ab_csv_table *t, bool quiet_if_missing);
/* The same from an open stream; name is used in messages. AB_CSV_OK or
 * AB_CSV_BAD. */
ab_csv_status ab_csv_read_stream(FILE *fp, const char *name, ab_csv_table *t);
void ab_csv_free(ab_csv_table *t);
/* Column index by name, or -1. */
int ab_csv_column(const ab_csv_table *t, const char *name);
/* Field of row r in column c ("" when c < 0). */
const char *ab_csv_field(const ab_csv_table *t, size_t r, int c);

/* Header and rows (fields quoted by common/csv_write.h); false when the
 * stream reports an error. */
bool ab_csv_write(FILE *fp, const ab_csv_table *t);

/* Empty table with the given header (copied). false when out of memory. */
bool ab_csv_init(ab_csv_table *t, const char *const *header, size_t n_cols);
/* Appends a copy of fields[0..t->n_cols). false when out of memory. */
bool ab_csv_append(ab_csv_table *t, const char *const *fields);

#endif
