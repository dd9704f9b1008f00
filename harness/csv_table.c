/* See csv_table.h. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csv_table.h"

static char **parse_line(const char *line, size_t *count)
{
    size_t cap = 16, n = 0;
    char **fields = malloc(cap * sizeof *fields);
    size_t len = strlen(line);
    char *buf = malloc(len + 1);
    if (!fields || !buf) {
        free(fields);
        free(buf);
        return NULL;
    }
    const char *p = line;
    for (;;) {
        size_t k = 0;
        if (*p == '"') {
            for (p++; *p; p++) {
                if (*p == '"' && p[1] == '"')
                    buf[k++] = *p++;
                else if (*p == '"') {
                    p++;
                    break;
                } else
                    buf[k++] = *p;
            }
        }
        while (*p && *p != ',' && *p != '\n' && *p != '\r')
            buf[k++] = *p++;
        buf[k] = '\0';
        if (n == cap) {
            char **grown = realloc(fields, 2 * cap * sizeof *fields);
            if (!grown)
                break;
            fields = grown;
            cap *= 2;
        }
        fields[n++] = strdup(buf);
        if (*p != ',')
            break;
        p++;
    }
    free(buf);
    *count = n;
    return fields;
}

bool ab_csv_read(const char *path, ab_csv_table *t, bool quiet)
{
    memset(t, 0, sizeof *t);
    FILE *fp = fopen(path, "r");
    if (fp == NULL) {
        if (!quiet)
            fprintf(stderr, "actbench: cannot read %s: %s\n", path, strerror(errno));
        return false;
    }
    char *line = NULL;
    size_t size = 0, cap = 0;
    while (getline(&line, &size, fp) > 0) {
        size_t count;
        char **fields = parse_line(line, &count);
        if (fields == NULL)
            break;
        if (t->header == NULL) {
            t->header = fields;
            t->n_cols = count;
            continue;
        }
        char **row = calloc(t->n_cols, sizeof *row);
        for (size_t c = 0; c < t->n_cols; c++)
            row[c] = c < count ? fields[c] : strdup("");
        for (size_t c = t->n_cols; c < count; c++)
            free(fields[c]);
        free(fields);
        if (t->n_rows == cap) {
            cap = cap ? 2 * cap : 64;
            t->rows = realloc(t->rows, cap * sizeof *t->rows);
        }
        t->rows[t->n_rows++] = row;
    }
    free(line);
    fclose(fp);
    if (t->header == NULL) {
        if (!quiet)
            fprintf(stderr, "actbench: %s is empty\n", path);
        return false;
    }
    return true;
}

void ab_csv_free(ab_csv_table *t)
{
    for (size_t r = 0; r < t->n_rows; r++) {
        for (size_t c = 0; c < t->n_cols; c++)
            free(t->rows[r][c]);
        free(t->rows[r]);
    }
    for (size_t c = 0; c < t->n_cols; c++)
        free(t->header[c]);
    free(t->rows);
    free(t->header);
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
