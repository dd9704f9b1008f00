/* See csv_merge.h. Method: the column map old→fresh is built once by name;
 * each old row's key is compared with every fresh row's (tables hold a few
 * thousand rows at most, so the quadratic scan is milliseconds). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "output/csv_merge.h"

static bool same_key(const ab_csv_table *a, size_t ra, const int *acols,
                     const ab_csv_table *b, size_t rb, const int *bcols, size_t n_keys)
{
    for (size_t k = 0; k < n_keys; k++)
        if (strcmp(ab_csv_field(a, ra, acols[k]), ab_csv_field(b, rb, bcols[k])) != 0)
            return false;
    return true;
}

bool ab_csv_merge(const ab_csv_table *old, const ab_csv_table *fresh,
                  const char *const *key_cols, size_t n_keys, const char *old_name,
                  ab_csv_table *out)
{
    int *old_keys = calloc(n_keys ? n_keys : 1, sizeof *old_keys);
    int *fresh_keys = calloc(n_keys ? n_keys : 1, sizeof *fresh_keys);
    int *old_col = calloc(fresh->n_cols ? fresh->n_cols : 1, sizeof *old_col);
    bool *used = calloc(fresh->n_rows ? fresh->n_rows : 1, sizeof *used);
    const char **fields = calloc(fresh->n_cols ? fresh->n_cols : 1, sizeof *fields);
    bool ok = old_keys && fresh_keys && old_col && used && fields &&
              ab_csv_init(out, (const char *const *)fresh->header, fresh->n_cols);
    if (!ok)
        fprintf(stderr, "actbench: out of memory merging %s\n", old_name);
    for (size_t k = 0; ok && k < n_keys; k++) {
        fresh_keys[k] = ab_csv_column(fresh, key_cols[k]);
        old_keys[k] = old->header ? ab_csv_column(old, key_cols[k]) : -1;
        if (fresh_keys[k] < 0 || (old->n_rows > 0 && old_keys[k] < 0)) {
            fprintf(stderr, "actbench: cannot merge into %s: %s table has no column '%s' "
                            "(move the old file away to start a new table)\n",
                    old_name, fresh_keys[k] < 0 ? "the new" : "its", key_cols[k]);
            ok = false;
        }
    }
    for (size_t c = 0; ok && c < fresh->n_cols; c++)
        old_col[c] = old->header ? ab_csv_column(old, fresh->header[c]) : -1;

    for (size_t r = 0; ok && r < old->n_rows; r++) {
        size_t f = 0;
        while (f < fresh->n_rows &&
               !same_key(old, r, old_keys, fresh, f, fresh_keys, n_keys))
            f++;
        if (f < fresh->n_rows) {
            if (used[f])
                continue; /* an old duplicate of a key already replaced */
            used[f] = true;
            ok = ab_csv_append(out, (const char *const *)fresh->rows[f]);
        } else {
            for (size_t c = 0; c < fresh->n_cols; c++)
                fields[c] = ab_csv_field(old, r, old_col[c]);
            ok = ab_csv_append(out, fields);
        }
    }
    for (size_t f = 0; ok && f < fresh->n_rows; f++)
        if (!used[f])
            ok = ab_csv_append(out, (const char *const *)fresh->rows[f]);
    if (!ok && out->header)
        ab_csv_free(out);
    free(old_keys), free(fresh_keys), free(old_col), free(used), free(fields);
    return ok;
}

bool ab_csv_merge_file(const char *old_path, const ab_csv_table *fresh,
                       const char *const *key_cols, size_t n_keys, ab_csv_table *out)
{
    ab_csv_table old = {0};
    ab_csv_status st = ab_csv_read(old_path, &old, true);
    if (st == AB_CSV_BAD) {
        fprintf(stderr, "actbench: %s is kept as it is; move it away to start a new table\n",
                old_path);
        return false;
    }
    bool ok = ab_csv_merge(&old, fresh, key_cols, n_keys, old_path, out);
    ab_csv_free(&old);
    return ok;
}
