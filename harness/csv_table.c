/* See csv_table.h: a line-by-line reader; each line is split into fields
 * (quotes honoured) and checked against the header's field count. */
#include <errno.h>
#include <stdbool.h>
#include <sys/types.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/csv_write.h"
#include "csv_table.h"

static void free_fields(char **fields, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(fields[i]);
    free(fields);
}

/* The fields of one line (without its newline). NULL on an unclosed quote or
 * when memory runs out; *count is the number of fields. */
static char **parse_line(const char *line, size_t *count)
{
    size_t cap = 16, n = 0;
    char **fields = malloc(cap * sizeof *fields);
    char *buf = malloc(strlen(line) + 1);
    if (!fields || !buf) {
        free(fields);
        free(buf);
        return NULL;
    }
    const char *p = line;
    for (;;) {
        size_t k = 0;
        if (*p == '"') {
            bool closed = false;
            for (p++; *p; p++) {
                if (*p == '"' && p[1] == '"')
                    buf[k++] = *p++;
                else if (*p == '"') {
                    p++;
                    closed = true;
                    break;
                } else
                    buf[k++] = *p;
            }
            if (!closed) {
                free_fields(fields, n);
                free(buf);
                return NULL;
            }
        }
        while (*p && *p != ',')
            buf[k++] = *p++;
        buf[k] = '\0';
        if (n == cap) {
            char **grown = realloc(fields, 2 * cap * sizeof *fields);
            if (!grown) {
                free_fields(fields, n);
                free(buf);
                return NULL;
            }
            fields = grown;
            cap *= 2;
        }
        if ((fields[n] = strdup(buf)) == NULL) {
            free_fields(fields, n);
            free(buf);
            return NULL;
        }
        n++;
        if (*p != ',')
            break;
        p++;
    }
    free(buf);
    *count = n;
    return fields;
}

ab_csv_status ab_csv_read(const char *path, ab_csv_table *t, bool quiet_if_missing)
{
    memset(t, 0, sizeof *t);
    FILE *fp = fopen(path, "r");
    if (fp == NULL) {
        bool missing = errno == ENOENT;
        if (!missing || !quiet_if_missing)
            fprintf(stderr, "actbench: cannot read %s: %s\n", path, strerror(errno));
        return missing ? AB_CSV_MISSING : AB_CSV_BAD;
    }
    ab_csv_status st = ab_csv_read_stream(fp, path, t);
    fclose(fp);
    return st;
}

static bool push_row(ab_csv_table *t, char **row)
{
    if (t->n_rows == t->cap_rows) {
        size_t cap = t->cap_rows ? 2 * t->cap_rows : 64;
        char ***grown = realloc(t->rows, cap * sizeof *grown);
        if (grown == NULL)
            return false;
        t->rows = grown;
        t->cap_rows = cap;
    }
    t->rows[t->n_rows++] = row;
    return true;
}

ab_csv_status ab_csv_read_stream(FILE *fp, const char *path, ab_csv_table *t)
{
    memset(t, 0, sizeof *t);
    char *line = NULL;
    size_t size = 0, line_no = 0;
    ssize_t len;
    const char *problem = NULL;
    size_t got = 0;
    while (problem == NULL && (len = getline(&line, &size, fp)) > 0) {
        line_no++;
        if (line[len - 1] != '\n') {
            problem = "the last line has no newline (the file was cut short)";
            break;
        }
        line[--len] = '\0';
        if (len > 0 && line[len - 1] == '\r')
            line[--len] = '\0';
        size_t count;
        char **fields = parse_line(line, &count);
        if (fields == NULL) {
            problem = "unclosed quote (or out of memory)";
            break;
        }
        if (t->header == NULL) {
            t->header = fields;
            t->n_cols = count;
            continue;
        }
        if (count != t->n_cols) {
            free_fields(fields, count);
            got = count;
            problem = "wrong number of fields";
            break;
        }
        if (!push_row(t, fields)) {
            free_fields(fields, count);
            problem = "out of memory";
            break;
        }
    }
    bool read_error = ferror(fp);
    free(line);
    if (problem == NULL && read_error)
        problem = "read error";
    if (problem == NULL && t->header == NULL)
        problem = "the file is empty";
    if (problem != NULL) {
        if (got)
            fprintf(stderr, "actbench: %s:%zu: %zu fields where the header has %zu (truncated or malformed row)\n",
                    path, line_no, got, t->n_cols);
        else
            fprintf(stderr, "actbench: %s:%zu: %s\n", path, line_no, problem);
        ab_csv_free(t);
        return AB_CSV_BAD;
    }
    return AB_CSV_OK;
}

void ab_csv_free(ab_csv_table *t)
{
    for (size_t r = 0; r < t->n_rows; r++)
        free_fields(t->rows[r], t->n_cols);
    if (t->header)
        free_fields(t->header, t->n_cols);
    free(t->rows);
    memset(t, 0, sizeof *t);
}

int ab_csv_column(const ab_csv_table *t, const char *name)
{
    for (size_t c = 0; c < t->n_cols; c++)
        if (strcmp(t->header[c], name) == 0)
            return (int)c;
    return -1;
}

const char *ab_csv_field(const ab_csv_table *t, size_t r, int c)
{
    return c < 0 || (size_t)c >= t->n_cols || r >= t->n_rows ? "" : t->rows[r][c];
}

static void write_record(FILE *fp, char *const *fields, size_t n)
{
    for (size_t c = 0; c < n; c++) {
        if (c)
            fputc(',', fp);
        ab_csv_put_text(fp, fields[c]);
    }
    fputc('\n', fp);
}

bool ab_csv_write(FILE *fp, const ab_csv_table *t)
{
    write_record(fp, t->header, t->n_cols);
    for (size_t r = 0; r < t->n_rows; r++)
        write_record(fp, t->rows[r], t->n_cols);
    return !ferror(fp);
}

static char **copy_fields(const char *const *fields, size_t n)
{
    char **copy = calloc(n ? n : 1, sizeof *copy);
    for (size_t c = 0; copy && c < n; c++)
        if ((copy[c] = strdup(fields[c] ? fields[c] : "")) == NULL) {
            free_fields(copy, c);
            return NULL;
        }
    return copy;
}

bool ab_csv_init(ab_csv_table *t, const char *const *header, size_t n_cols)
{
    memset(t, 0, sizeof *t);
    t->header = copy_fields(header, n_cols);
    t->n_cols = n_cols;
    return t->header != NULL;
}

bool ab_csv_append(ab_csv_table *t, const char *const *fields)
{
    char **row = copy_fields(fields, t->n_cols);
    if (row == NULL || !push_row(t, row)) {
        if (row != NULL)
            free_fields(row, t->n_cols);
        return false;
    }
    return true;
}
