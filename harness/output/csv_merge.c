/* See csv_merge.h. Method: each row's key (its key fields joined by a unit
 * separator) is built once; the fresh rows are sorted by (key, position), so
 * the old rows find their group by binary search: O((n + m) log m) even for
 * the raw sample tables of a benchmark (10^5 rows and more). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "actbench/actbench.h"
#include "output/csv_merge.h"

typedef struct keyed_row {
    char *key;
    size_t row;
} keyed_row;

static char *row_key(const ab_csv_table *t, size_t r, const int *cols, size_t n_keys)
{
    size_t len = 1;
    for (size_t k = 0; k < n_keys; k++)
        len += strlen(ab_csv_field(t, r, cols[k])) + 1;
    char *key = malloc(len), *p = key;
    for (size_t k = 0; key && k < n_keys; k++) {
        const char *f = ab_csv_field(t, r, cols[k]);
        size_t n = strlen(f);
        memcpy(p, f, n);
        p += n;
        *p++ = '\x1f';
    }
    if (key)
        *p = '\0';
    return key;
}

static int compare_keyed(const void *pa, const void *pb)
{
    const keyed_row *a = pa, *b = pb;
    int c = strcmp(a->key, b->key);
    return c != 0 ? c : (a->row > b->row) - (a->row < b->row);
}

/* The first entry of sorted[0..n) with this key, or n. */
static size_t find_group(const keyed_row *sorted, size_t n, const char *key)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (strcmp(sorted[mid].key, key) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < n && strcmp(sorted[lo].key, key) == 0 ? lo : n;
}

/* Appends the fresh rows of the group starting at sorted[g], marks it done. */
static bool emit_group(ab_csv_table *out, const ab_csv_table *fresh, const keyed_row *sorted,
                       size_t n, size_t g, bool *done)
{
    if (done[g])
        return true;
    for (size_t i = g; i < n && strcmp(sorted[i].key, sorted[g].key) == 0; i++) {
        done[i] = true;
        if (!ab_csv_append(out, (const char *const *)fresh->rows[sorted[i].row]))
            return false;
    }
    return true;
}

static bool key_columns(const ab_csv_table *old, const ab_csv_table *fresh,
                        const char *const *key_cols, size_t n_keys, const char *old_name,
                        int *old_keys, int *fresh_keys)
{
    for (size_t k = 0; k < n_keys; k++) {
        fresh_keys[k] = ab_csv_column(fresh, key_cols[k]);
        old_keys[k] = old->header ? ab_csv_column(old, key_cols[k]) : -1;
        if (fresh_keys[k] < 0 || (old->n_rows > 0 && old_keys[k] < 0)) {
            fprintf(stderr, "actbench: cannot merge into %s: %s table has no column '%s' "
                            "(move the old file away to start a new table)\n",
                    old_name, fresh_keys[k] < 0 ? "the new" : "its", key_cols[k]);
            return false;
        }
    }
    return true;
}

/* False for a row of a registered activation whose variant is not
 * registered under exactly that name. */
static bool still_registered(const ab_csv_table *t, size_t r, int act_col, int variant_col)
{
    if (act_col < 0 || variant_col < 0)
        return true;
    const char *activation = ab_csv_field(t, r, act_col), *variant = ab_csv_field(t, r, variant_col);
    const ab_activation *act = ab_activation_find(activation);
    if (act == NULL || strcmp(act->name, activation) != 0)
        return act == NULL; /* not ours (copy rows), or an old alias: dropped */
    const ab_impl *impl = ab_impl_find(activation, variant);
    return impl != NULL && strcmp(impl->variant, variant) == 0;
}

bool ab_csv_merge(const ab_csv_table *old, const ab_csv_table *fresh,
                  const char *const *key_cols, size_t n_keys, const char *old_name,
                  ab_csv_table *out)
{
    size_t n = fresh->n_rows;
    int *old_keys = calloc(n_keys + 1, sizeof *old_keys);
    int *fresh_keys = calloc(n_keys + 1, sizeof *fresh_keys);
    int *old_col = calloc(fresh->n_cols + 1, sizeof *old_col);
    keyed_row *sorted = calloc(n + 1, sizeof *sorted);
    bool *done = calloc(n + 1, sizeof *done);
    const char **fields = calloc(fresh->n_cols + 1, sizeof *fields);
    bool ok = old_keys && fresh_keys && old_col && sorted && done && fields &&
              ab_csv_init(out, (const char *const *)fresh->header, fresh->n_cols);
    if (!ok)
        fprintf(stderr, "actbench: out of memory merging %s\n", old_name);
    ok = ok && key_columns(old, fresh, key_cols, n_keys, old_name, old_keys, fresh_keys);
    for (size_t f = 0; ok && f < n; f++) {
        sorted[f].row = f;
        ok = (sorted[f].key = row_key(fresh, f, fresh_keys, n_keys)) != NULL;
    }
    if (ok)
        qsort(sorted, n, sizeof *sorted, compare_keyed);
    for (size_t c = 0; ok && c < fresh->n_cols; c++)
        old_col[c] = old->header ? ab_csv_column(old, fresh->header[c]) : -1;

    /* An old row whose key the fresh table has is replaced by that key's
     * whole fresh group, at the group's first old position. */
    int act_col = old->header ? ab_csv_column(old, "activation") : -1;
    int variant_col = old->header ? ab_csv_column(old, "variant") : -1;
    size_t dropped = 0;
    for (size_t r = 0; ok && r < old->n_rows; r++) {
        if (!still_registered(old, r, act_col, variant_col)) {
            dropped++;
            continue;
        }
        char *key = row_key(old, r, old_keys, n_keys);
        if (key == NULL) {
            ok = false;
            break;
        }
        size_t g = find_group(sorted, n, key);
        free(key);
        if (g < n) {
            ok = emit_group(out, fresh, sorted, n, g, done);
        } else {
            for (size_t c = 0; c < fresh->n_cols; c++)
                fields[c] = ab_csv_field(old, r, old_col[c]);
            ok = ab_csv_append(out, fields);
        }
    }
    size_t *position = ok ? malloc((n + 1) * sizeof *position) : NULL; /* row -> sorted index */
    ok = ok && position != NULL;
    for (size_t i = 0; ok && i < n; i++)
        position[sorted[i].row] = i;
    for (size_t f = 0; ok && f < n; f++) /* new keys, in the fresh table's order */
        if (!done[position[f]])
            ok = emit_group(out, fresh, sorted, n,
                            find_group(sorted, n, sorted[position[f]].key), done);
    free(position);
    if (ok && dropped > 0)
        fprintf(stderr, "actbench: %s: dropped %zu rows of implementations no longer registered\n",
                old_name, dropped);
    if (!ok && out->header)
        ab_csv_free(out);
    for (size_t f = 0; sorted && f < n; f++)
        free(sorted[f].key);
    free(old_keys), free(fresh_keys), free(old_col), free(sorted), free(done), free(fields);
    return ok;
}

bool ab_csv_current_variants(ab_csv_table *t)
{
    int act_col = ab_csv_column(t, "activation"), variant_col = ab_csv_column(t, "variant");
    if (act_col < 0 || variant_col < 0)
        return true;
    for (size_t r = 0; r < t->n_rows; r++) {
        const char *renamed = ab_variant_renamed(t->rows[r][act_col], t->rows[r][variant_col]);
        char *copy = renamed ? strdup(renamed) : NULL;
        if (renamed && copy == NULL)
            return false;
        if (copy) {
            free(t->rows[r][variant_col]);
            t->rows[r][variant_col] = copy;
        }
    }
    return true;
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
    bool ok = ab_csv_current_variants(&old);
    if (!ok)
        fprintf(stderr, "actbench: out of memory reading %s\n", old_path);
    ok = ok && ab_csv_merge(&old, fresh, key_cols, n_keys, old_path, out);
    ab_csv_free(&old);
    return ok;
}
