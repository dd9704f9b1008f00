/* accuracy.csv and accuracy.md of `actbench accuracy` (see accuracy_table.h).
 * Method: the measured rows are rendered as CSV text, read back as a table,
 * merged into the existing accuracy.csv by key (activation, variant,
 * direction, method), ordered as the registry is, and both files are
 * rendered from that one merged table, so they always agree. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "atomic_file.h"
#include "common/csv_write.h"
#include "output/accuracy_table.h"
#include "output/csv_merge.h"
#include "output/machine_id.h"

static const char *const key_columns[] = {"activation", "variant", "direction", "method"};

static float float_of(uint32_t u)
{
    float f;
    memcpy(&f, &u, sizeof f);
    return f;
}

static void write_csv_header(FILE *fp)
{
    fprintf(fp, "activation,variant,isa,direction,method,inputs,ulp_counted,max_ulp,worst_x,"
                "worst_y,worst_cr,mean_ulp,pct_correctly_rounded,count_gt_1ulp,nan_expected");
    for (int k = 0; k < AB_CLASS_KINDS; k++)
        fprintf(fp, ",%s", ab_class_name(k));
    for (int k = 0; k < AB_CLASS_KINDS; k++)
        fprintf(fp, ",%s_example_x", ab_class_name(k));
    ab_hist_write_csv_columns(fp);
    fprintf(fp, ",bound_max_ulp,within_bound,mxcsr_changed,max_sum_error,cpu_dependent,sampling,"
                "machine_id,cpu_vendor,cpu_model_name,cpu_family,cpu_model,cpu_stepping");
    ab_metrics_write_csv_columns(fp);
    fputc('\n', fp);
}

static void write_csv_row(FILE *fp, const ab_accuracy_row *r, const char *sampling)
{
    const ab_acc_stats *s = &r->stats;
    const char *method = r->impl->flags & AB_FLAG_VECTOR ? "vectors" : "sampled";
    fprintf(fp, "%s,%s,%s,%s,%s,%llu,%llu,", r->impl->activation, r->impl->variant,
            ab_isa_name(r->impl->isa), ab_direction_name(r->direction), method,
            (unsigned long long)s->inputs, (unsigned long long)s->ulp_counted);
    if (s->ulp_counted > 0)
        fprintf(fp, "%.6g,%a,%a,%a,", s->max_ulp, float_of(s->worst_x), float_of(s->worst_y),
                float_of(s->worst_cr));
    else
        fprintf(fp, ",,,,");
    fprintf(fp, "%.6g,%.4f,%llu,%llu", ab_acc_stats_mean(s), ab_acc_stats_pct_cr(s),
            (unsigned long long)s->over_one_ulp, (unsigned long long)s->nan_expected);
    for (int k = 0; k < AB_CLASS_KINDS; k++)
        fprintf(fp, ",%llu", (unsigned long long)s->classes[k]);
    for (int k = 0; k < AB_CLASS_KINDS; k++)
        if (s->classes[k])
            fprintf(fp, ",%a", float_of(s->class_example_x[k]));
        else
            fprintf(fp, ",");
    for (int b = 0; b < AB_HIST_BINS; b++)
        fprintf(fp, ",%llu", (unsigned long long)s->hist[b]);
    fprintf(fp, ",%.6g,%s,%s,", ab_impl_bound(r->impl, r->direction)->max_ulp,
            r->within_bound ? "yes" : "no", r->mxcsr_changed ? "yes" : "no");
    if (!isnan(r->max_sum_error))
        fprintf(fp, "%.3g", r->max_sum_error);
    const ab_cpu_identity *cpu = ab_cpu_identity_get();
    fprintf(fp, ",%s,", r->impl->flags & AB_FLAG_CPU_DEPENDENT ? "yes" : "no");
    ab_csv_put_text(fp, sampling);
    fprintf(fp, ",%s,", cpu->machine_id);
    ab_csv_put_text(fp, cpu->vendor);
    fputc(',', fp);
    ab_csv_put_text(fp, cpu->model_name);
    fprintf(fp, ",%u,%u,%u", cpu->family, cpu->model, cpu->stepping);
    ab_metrics_write_csv_values(fp, s);
    fputc('\n', fp);
}

/* The measured rows as a table, through their CSV text. */
static bool fresh_table(const ab_accuracy_row *rows, size_t n_rows,
                        const char *sampling_elementwise, const char *sampling_vector,
                        ab_csv_table *out)
{
    char *text = NULL;
    size_t size = 0;
    FILE *mem = open_memstream(&text, &size);
    if (mem == NULL)
        return false;
    write_csv_header(mem);
    for (size_t r = 0; r < n_rows; r++)
        write_csv_row(mem, &rows[r], rows[r].impl->flags & AB_FLAG_VECTOR ? sampling_vector
                                                                          : sampling_elementwise);
    fclose(mem);
    FILE *in = fmemopen(text, size, "r");
    bool ok = in != NULL && ab_csv_read_stream(in, "the new accuracy rows", out) == AB_CSV_OK;
    if (in != NULL)
        fclose(in);
    free(text);
    return ok;
}

/* Position of a row as a full run writes it (activation order, direction,
 * registration order); rows of implementations no longer registered go last. */
static size_t row_rank(const ab_csv_table *t, size_t r)
{
    const char *act = ab_csv_field(t, r, ab_csv_column(t, "activation"));
    const char *variant = ab_csv_field(t, r, ab_csv_column(t, "variant"));
    bool derivative = strcmp(ab_csv_field(t, r, ab_csv_column(t, "direction")), "derivative") == 0;
    const ab_impl *impl = ab_impl_find(act, variant);
    if (impl == NULL)
        return SIZE_MAX;
    size_t a = 0, i = 0;
    while (a < ab_activation_count() && strcmp(ab_activation_at(a)->name, impl->activation) != 0)
        a++;
    while (i < ab_impl_count() && ab_impl_at(i) != impl)
        i++;
    return (a * 2 + derivative) * (ab_impl_count() + 1) + i;
}

static const ab_csv_table *sort_table;
static int compare_rows(const void *pa, const void *pb)
{
    size_t a = *(const size_t *)pa, b = *(const size_t *)pb;
    size_t ra = row_rank(sort_table, a), rb = row_rank(sort_table, b);
    if (ra != rb)
        return ra < rb ? -1 : 1;
    return a < b ? -1 : a > b;
}

static bool sort_by_registry(ab_csv_table *t)
{
    size_t *order = malloc((t->n_rows ? t->n_rows : 1) * sizeof *order);
    char ***rows = malloc((t->n_rows ? t->n_rows : 1) * sizeof *rows);
    if (order == NULL || rows == NULL) {
        free(order), free(rows);
        return false;
    }
    for (size_t r = 0; r < t->n_rows; r++)
        order[r] = r;
    sort_table = t;
    qsort(order, t->n_rows, sizeof *order, compare_rows);
    for (size_t r = 0; r < t->n_rows; r++)
        rows[r] = t->rows[order[r]];
    memcpy(t->rows, rows, t->n_rows * sizeof *rows);
    free(order), free(rows);
    return true;
}

static unsigned long long count_of(const ab_csv_table *t, size_t r, const char *column)
{
    return strtoull(ab_csv_field(t, r, ab_csv_column(t, column)), NULL, 10);
}

/* "label (N rows)" for each distinct value of column, in order of appearance. */
static void list_distinct(FILE *fp, const ab_csv_table *t, const char *column)
{
    int c = ab_csv_column(t, column);
    for (size_t r = 0; r < t->n_rows; r++) {
        const char *v = ab_csv_field(t, r, c);
        bool seen = false;
        for (size_t q = 0; q < r && !seen; q++)
            seen = strcmp(ab_csv_field(t, q, c), v) == 0;
        if (seen)
            continue;
        size_t n = 0;
        for (size_t q = r; q < t->n_rows; q++)
            n += strcmp(ab_csv_field(t, q, c), v) == 0;
        fprintf(fp, "- %s: %zu rows\n", v[0] ? v : "(not recorded)", n);
    }
}

/* Row r is the first of its activation (*current: the one before). */
static bool starts_activation(const ab_csv_table *t, size_t r, const char **current)
{
    const char *act = ab_csv_field(t, r, ab_csv_column(t, "activation"));
    if (strcmp(*current, act) == 0)
        return false;
    *current = act;
    return true;
}

static void write_md(FILE *fp, const ab_csv_table *t)
{
    fprintf(fp, "# Accuracy (sampled)\n\n"
                "ULP error of each implementation's binary32 result against the exact value "
                "(MPFR). FTZ = flushed to zero, NaN = unexpected or missing NaN, inf = infinity "
                "where finite (or finite where infinite), ±0 = signed-zero mismatch. Bound = the "
                "implementation's declared bound. † = cpu-dependent: the output bits may depend "
                "on the CPU model, so the figure holds for the CPU it was measured on.\n\n"
                "Inputs (column `sampling` of accuracy.csv):\n");
    list_distinct(fp, t, "sampling");
    fprintf(fp, "\nMeasured on (column `machine_id`):\n");
    list_distinct(fp, t, "machine_id");
    const char *current = "";
    for (size_t r = 0; r < t->n_rows; r++) {
        if (starts_activation(t, r, &current)) {
            fprintf(fp, "\n## %s\n\n| variant | direction | max ULP | worst x | mean ULP | %% CR | "
                        "> 1 ULP | FTZ | NaN | inf | ±0 | bound | within |\n"
                        "|---|---|---|---|---|---|---|---|---|---|---|---|---|\n", current);
        }
        const char *max_ulp = ab_csv_field(t, r, ab_csv_column(t, "max_ulp"));
        const char *worst = ab_csv_field(t, r, ab_csv_column(t, "worst_x"));
        bool within = strcmp(ab_csv_field(t, r, ab_csv_column(t, "within_bound")), "no") != 0;
        const char *cpu_dep = ab_csv_field(t, r, ab_csv_column(t, "cpu_dependent"));
        bool cpu_dependent = strcmp(cpu_dep, "yes") == 0;
        fprintf(fp, "| %s%s | %s | %.3g | %s%s%s | %.3g | %.2f | %llu | %llu | %llu | %llu | %llu "
                    "| %.3g | %s |\n",
                ab_csv_field(t, r, ab_csv_column(t, "variant")), cpu_dependent ? " †" : "",
                ab_csv_field(t, r, ab_csv_column(t, "direction")), strtod(max_ulp, NULL),
                worst[0] ? "`" : "", worst, worst[0] ? "`" : "",
                strtod(ab_csv_field(t, r, ab_csv_column(t, "mean_ulp")), NULL),
                strtod(ab_csv_field(t, r, ab_csv_column(t, "pct_correctly_rounded")), NULL),
                count_of(t, r, "count_gt_1ulp"), count_of(t, r, "flush_to_zero"),
                count_of(t, r, "nan_unexpected") + count_of(t, r, "nan_missing"),
                count_of(t, r, "inf_where_finite") + count_of(t, r, "finite_where_inf"),
                count_of(t, r, "signed_zero_mismatch"),
                strtod(ab_csv_field(t, r, ab_csv_column(t, "bound_max_ulp")), NULL),
                within ? "yes" : "**no**");
    }
}

/* A number field of the table as text with 3 significant digits, "–" when
 * empty (not measured, or a table written before the column existed). */
static void metric_cell(char *buf, size_t size, const ab_csv_table *t, size_t r,
                        const char *column)
{
    const char *v = ab_csv_field(t, r, ab_csv_column(t, column));
    if (v[0] == '\0')
        snprintf(buf, size, "–");
    else
        snprintf(buf, size, "%.3g", strtod(v, NULL));
}

/* The metrics a user chooses by, one table per activation (at most 8 columns). */
static void write_metrics_md(FILE *fp, const ab_csv_table *t)
{
    fprintf(fp, "\n# Error metrics\n\n"
                "Normal output: the correctly rounded result is a normal binary32 number. "
                "Relative error |y − f|/|f| over normal outputs; absolute error |y − f| over "
                "finite exact values. FTZ/DAZ: the kernel rerun with MXCSR flush-to-zero and "
                "denormals-are-zero set, as ML frameworks run; \"changed\" counts results that "
                "differ from the default run, \"NaN/inf\" its NaN or infinity errors. "
                "– = not measured.\n");
    const char *current = "";
    for (size_t r = 0; r < t->n_rows; r++) {
        if (starts_activation(t, r, &current)) {
            fprintf(fp, "\n## %s: error metrics\n\n| variant | direction | max ULP, normal | "
                        "max rel. error | max abs. error | FTZ/DAZ changed | FTZ/DAZ max ULP, "
                        "normal | FTZ/DAZ NaN/inf |\n|---|---|---|---|---|---|---|---|\n", current);
        }
        char ulp[32], rel[32], abs_err[32], ftz_ulp[32];
        metric_cell(ulp, sizeof ulp, t, r, "max_ulp_normal");
        metric_cell(rel, sizeof rel, t, r, "max_rel_err");
        metric_cell(abs_err, sizeof abs_err, t, r, "max_abs_err");
        metric_cell(ftz_ulp, sizeof ftz_ulp, t, r, "ftz_max_ulp_normal");
        const char *changed = ab_csv_field(t, r, ab_csv_column(t, "ftz_changed"));
        const char *special = ab_csv_field(t, r, ab_csv_column(t, "ftz_special"));
        fprintf(fp, "| %s | %s | %s | %s | %s | %s | %s | %s |\n",
                ab_csv_field(t, r, ab_csv_column(t, "variant")),
                ab_csv_field(t, r, ab_csv_column(t, "direction")), ulp, rel, abs_err,
                changed[0] ? changed : "–", ftz_ulp, special[0] ? special : "–");
    }
}

int ab_accuracy_write_tables(const char *output_dir, const ab_accuracy_row *rows, size_t n_rows,
                             const char *sampling_elementwise, const char *sampling_vector,
                             size_t *rows_in_table)
{
    char old_path[4096];
    snprintf(old_path, sizeof old_path, "%s/accuracy.csv", output_dir);
    ab_csv_table fresh = {0}, merged = {0};
    if (!fresh_table(rows, n_rows, sampling_elementwise, sampling_vector, &fresh)) {
        fprintf(stderr, "actbench: cannot render the accuracy rows\n");
        return 1;
    }
    bool ok = ab_csv_merge_file(old_path, &fresh, key_columns,
                                sizeof key_columns / sizeof key_columns[0], &merged);
    ab_csv_free(&fresh);
    if (ok && !sort_by_registry(&merged)) {
        fprintf(stderr, "actbench: out of memory\n");
        ok = false;
    }
    ab_atomic_file csv, md;
    if (ok && (ok = ab_atomic_open(&csv, output_dir, "accuracy.csv"))) {
        if (!ab_csv_write(csv.fp, &merged)) {
            ab_atomic_abort(&csv);
            ok = false;
        } else {
            ok = ab_atomic_commit(&csv);
        }
    }
    if (ok && (ok = ab_atomic_open(&md, output_dir, "accuracy.md"))) {
        write_md(md.fp, &merged);
        write_metrics_md(md.fp, &merged);
        ok = ab_atomic_commit(&md);
    }
    *rows_in_table = merged.n_rows;
    ab_csv_free(&merged);
    return ok ? 0 : 1;
}
