/* Sampled accuracy against the MPFR reference: see accuracy.h. The reference
 * value of each input is computed once and shared by every implementation of
 * the activation. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "accuracy.h"
#include "atomic_file.h"
#include "mxcsr.h"

#define QUICK_GRID 2000
#define QUICK_RANDOM 4000
#define FULL_GRID 100000
#define FULL_RANDOM 200000

bool ab_bound_holds(const ab_bound *bound, const ab_acc_stats *stats)
{
    if (stats->ulp_counted > 0 && stats->max_ulp > bound->max_ulp)
        return false;
    for (int k = 0; k < AB_CLASS_KINDS; k++)
        if (stats->classes[k] != 0 && !(bound->allowed_classes & (1u << k)))
            return false;
    return true;
}

static void run_kernel(const ab_impl *impl, ab_direction dir, const float *x, float *y,
                       size_t n, const ab_params *params, bool *mxcsr_changed)
{
    ab_mxcsr_state saved = ab_mxcsr_save();
    ab_impl_kernel(impl, dir)(x, y, n, params);
    if (ab_mxcsr_restore(saved))
        *mxcsr_changed = true;
}

static void rows_init(ab_accuracy_row *rows, const ab_impl *const *impls, size_t n, ab_direction dir)
{
    for (size_t i = 0; i < n; i++) {
        memset(&rows[i], 0, sizeof rows[i]);
        rows[i].impl = impls[i];
        rows[i].direction = dir;
        rows[i].max_sum_error = NAN;
        ab_acc_stats_init(&rows[i].stats);
    }
}

static void rows_finish(ab_accuracy_row *rows, size_t n)
{
    for (size_t i = 0; i < n; i++)
        rows[i].within_bound =
            ab_bound_holds(ab_impl_bound(rows[i].impl, rows[i].direction), &rows[i].stats);
}

int ab_accuracy_measure_elementwise(const ab_activation *act, ab_direction dir,
                                   const ab_impl *const *impls, size_t n,
                                   const ab_input_set *inputs, long precision,
                                   ab_accuracy_row *rows)
{
    rows_init(rows, impls, n, dir);
    ab_params params = act->default_params;
    float **outputs = calloc(n ? n : 1, sizeof *outputs);
    if (outputs == NULL)
        return -1;
    int status = 0;
    for (size_t i = 0; i < n; i++) {
        outputs[i] = malloc((inputs->n ? inputs->n : 1) * sizeof(float));
        if (outputs[i] == NULL) {
            status = -1;
            goto done;
        }
        run_kernel(impls[i], dir, inputs->x, outputs[i], inputs->n, &params,
                   &rows[i].mxcsr_changed);
    }

    mpfr_t exact;
    mpfr_init2(exact, precision > 0 ? precision : AB_REF_DEFAULT_PREC);
    for (size_t j = 0; j < inputs->n; j++) {
        ab_ref_eval(act, dir, &params, inputs->x[j], exact);
        float cr = ab_ref_round_to_float(exact);
        for (size_t i = 0; i < n; i++) {
            ab_ulp_error e = ab_ulp_error_of(outputs[i][j], exact);
            ab_acc_stats_add(&rows[i].stats, inputs->x[j], outputs[i][j], cr, &e);
        }
    }
    mpfr_clear(exact);
    rows_finish(rows, n);
done:
    for (size_t i = 0; i < n; i++)
        free(outputs[i]);
    free(outputs);
    return status;
}

/* ---- vector activations --------------------------------------------------- */

enum vector_kind { VEC_UNIFORM, VEC_SPREAD, VEC_LARGE, VEC_EQUAL, VEC_TIES, VEC_MASKED, VEC_KINDS };

static const char *const vector_kind_names[VEC_KINDS] = {
    "uniform[-10,10]", "spread[-200,200]", "large[80,120]", "all-equal", "ties", "-inf-masked"};

static float uniform(uint64_t *state, double lo, double hi)
{
    double u = (double)(ab_rng_next(state) >> 11) * 0x1p-53;
    return (float)(lo + u * (hi - lo));
}

static void fill_vector(enum vector_kind kind, float *x, float *v, size_t len, uint64_t *state)
{
    for (size_t i = 0; i < len; i++) {
        v[i] = uniform(state, -1.0, 1.0);
        switch (kind) {
        case VEC_UNIFORM: x[i] = uniform(state, -10, 10); break;
        case VEC_SPREAD: x[i] = uniform(state, -200, 200); break;
        case VEC_LARGE: x[i] = uniform(state, 80, 120); break;
        case VEC_EQUAL: x[i] = 3.25f; break;
        case VEC_TIES: x[i] = (float)(ab_rng_next(state) % 3); break;
        case VEC_MASKED:
            x[i] = (ab_rng_next(state) % 4 == 0 && i != 0) ? -INFINITY : uniform(state, -10, 10);
            break;
        default: break;
        }
    }
}

int ab_accuracy_measure_vector(const ab_activation *act, ab_direction dir,
                               const ab_impl *const *impls, size_t n, bool quick,
                               uint64_t seed, long precision, ab_accuracy_row *rows)
{
    static const size_t lengths_full[] = {0, 1, 2, 7, 8, 9, 16, 33, 100, 1000, 4099};
    static const size_t lengths_quick[] = {0, 1, 7, 8, 9, 100};
    const size_t *lengths = quick ? lengths_quick : lengths_full;
    size_t n_lengths = quick ? sizeof lengths_quick / sizeof lengths_quick[0]
                             : sizeof lengths_full / sizeof lengths_full[0];
    int repeats = quick ? 2 : 8;
    size_t max_len = lengths[n_lengths - 1];
    bool is_log = strcmp(act->name, "log_softmax") == 0;

    rows_init(rows, impls, n, dir);
    float *x = malloc((max_len + 1) * sizeof(float));
    float *v = malloc((max_len + 1) * sizeof(float));
    float *y = malloc((max_len + 1) * sizeof(float));
    mpfr_t *exact = malloc((max_len + 1) * sizeof(mpfr_t));
    if (!x || !v || !y || !exact) {
        free(x), free(v), free(y), free(exact);
        return -1;
    }
    for (size_t i = 0; i < max_len; i++)
        mpfr_init2(exact[i], precision > 0 ? precision : AB_REF_DEFAULT_PREC);
    for (size_t i = 0; i < n; i++)
        if (dir == AB_FORWARD)
            rows[i].max_sum_error = 0.0;

    uint64_t state = seed;
    for (int kind = 0; kind < VEC_KINDS; kind++)
        for (size_t li = 0; li < n_lengths; li++)
            for (int r = 0; r < repeats; r++) {
                size_t len = lengths[li];
                fill_vector((enum vector_kind)kind, x, v, len, &state);
                ab_ref_eval_vector(act, dir, x, v, len, exact);
                ab_params params = act->default_params;
                params.tangent = v;
                for (size_t i = 0; i < n; i++) {
                    run_kernel(impls[i], dir, x, y, len, &params, &rows[i].mxcsr_changed);
                    double sum = 0.0;
                    for (size_t j = 0; j < len; j++) {
                        ab_ulp_error e = ab_ulp_error_of(y[j], exact[j]);
                        ab_acc_stats_add(&rows[i].stats, x[j], y[j],
                                         ab_ref_round_to_float(exact[j]), &e);
                        sum += is_log ? exp((double)y[j]) : (double)y[j];
                    }
                    if (dir == AB_FORWARD && len > 0) {
                        double err = fabs(sum - 1.0);
                        if (!(err <= rows[i].max_sum_error)) /* NaN sticks */
                            rows[i].max_sum_error = isnan(err) ? INFINITY : fmax(err, rows[i].max_sum_error);
                    }
                }
            }
    (void)vector_kind_names;
    rows_finish(rows, n);
    for (size_t i = 0; i < max_len; i++)
        mpfr_clear(exact[i]);
    free(x), free(v), free(y), free(exact);
    return 0;
}

/* ---- the command ----------------------------------------------------------- */

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
    /* CSV-safe bin names: hist_le_0.5, hist_0.5_1, hist_1_2, ..., hist_gt_2097152 */
    fprintf(fp, ",hist_le_0.5,hist_0.5_1");
    for (int b = 2; b < AB_HIST_BINS - 1; b++)
        fprintf(fp, ",hist_%.0f_%.0f", ldexp(1.0, b - 2), ldexp(1.0, b - 1));
    fprintf(fp, ",hist_gt_%.0f", ldexp(1.0, AB_HIST_BINS - 3));
    fprintf(fp, ",bound_max_ulp,within_bound,mxcsr_changed,max_sum_error\n");
}

static void write_csv_row(FILE *fp, const ab_accuracy_row *r, const char *method)
{
    const ab_acc_stats *s = &r->stats;
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
    fputc('\n', fp);
}

static void write_md_row(FILE *fp, const ab_accuracy_row *r)
{
    const ab_acc_stats *s = &r->stats;
    char worst[96] = "";
    if (s->ulp_counted > 0)
        snprintf(worst, sizeof worst, "`%a`", float_of(s->worst_x));
    fprintf(fp, "| %s | %s | %.3g | %s | %.3g | %.2f | %llu | %llu | %llu | %llu | %llu | %.3g | %s |\n",
            r->impl->variant, ab_direction_name(r->direction), s->ulp_counted ? s->max_ulp : 0.0,
            worst, ab_acc_stats_mean(s), ab_acc_stats_pct_cr(s),
            (unsigned long long)s->over_one_ulp, (unsigned long long)s->classes[3],
            (unsigned long long)(s->classes[0] + s->classes[1]),
            (unsigned long long)(s->classes[2] + s->classes[5]),
            (unsigned long long)s->classes[4], ab_impl_bound(r->impl, r->direction)->max_ulp,
            r->within_bound ? "yes" : "**no**");
}

int ab_accuracy_run(const ab_accuracy_options *opt, const ab_impl *const *impls, size_t n)
{
    size_t n_grid = opt->n_grid ? opt->n_grid : (opt->quick ? QUICK_GRID : FULL_GRID);
    size_t n_random = opt->n_random ? opt->n_random : (opt->quick ? QUICK_RANDOM : FULL_RANDOM);
    ab_accuracy_row *rows = calloc(2 * (n ? n : 1), sizeof *rows);
    const ab_impl **group = calloc(n ? n : 1, sizeof *group);
    if (rows == NULL || group == NULL) {
        fprintf(stderr, "actbench: out of memory\n");
        free(rows), free(group);
        return 1;
    }
    size_t n_rows = 0, violations = 0;
    bool failed = false;

    for (size_t a = 0; a < ab_activation_count() && !failed; a++) {
        const ab_activation *act = ab_activation_at(a);
        for (int d = 0; d < 2 && !failed; d++) {
            ab_direction dir = (ab_direction)d;
            size_t g = 0;
            for (size_t i = 0; i < n; i++)
                if (strcmp(impls[i]->activation, act->name) == 0 &&
                    ab_impl_kernel(impls[i], dir) != NULL)
                    group[g++] = impls[i];
            if (g == 0)
                continue;
            if (!opt->quiet)
                fprintf(stderr, "accuracy: %s %s (%zu implementations)\n", act->name,
                        ab_direction_name(dir), g);
            int rc;
            if (act->is_vector) {
                rc = ab_accuracy_measure_vector(act, dir, group, g, opt->quick, opt->seed,
                                                opt->precision, rows + n_rows);
            } else {
                ab_input_set inputs;
                rc = ab_inputs_build(&inputs, act, n_grid, n_random, opt->seed);
                if (rc == 0) {
                    rc = ab_accuracy_measure_elementwise(act, dir, group, g, &inputs,
                                                         opt->precision, rows + n_rows);
                    ab_inputs_free(&inputs);
                }
            }
            if (rc != 0) {
                fprintf(stderr, "actbench: out of memory measuring %s\n", act->name);
                failed = true;
                break;
            }
            for (size_t i = 0; i < g; i++)
                if (!rows[n_rows + i].within_bound) {
                    violations++;
                    fprintf(stderr, "actbench: %s %s %s exceeds its declared bound "
                                    "(max ULP %.6g, bound %.6g, or an undeclared error class)\n",
                            act->name, group[i]->variant, ab_direction_name(dir),
                            rows[n_rows + i].stats.max_ulp, ab_impl_bound(group[i], dir)->max_ulp);
                }
            n_rows += g;
        }
    }

    ab_atomic_file csv, md;
    if (!failed && ab_atomic_open(&csv, opt->output_dir, "accuracy.csv")) {
        write_csv_header(csv.fp);
        for (size_t r = 0; r < n_rows; r++)
            write_csv_row(csv.fp, &rows[r], rows[r].impl->flags & AB_FLAG_VECTOR ? "vectors" : "sampled");
        if (!ab_atomic_commit(&csv))
            failed = true;
    } else {
        failed = true;
    }
    if (!failed && ab_atomic_open(&md, opt->output_dir, "accuracy.md")) {
        fprintf(md.fp, "# Accuracy (sampled: named inputs, a %zu-point grid over each activation's range, "
                       "%zu random bit patterns; seed %llu)\n\n"
                       "ULP error as in shared/docs/accuracy.md; FTZ = flushed to zero, NaN = unexpected or "
                       "missing NaN, inf = infinity where finite (or finite where infinite), ±0 = "
                       "signed-zero mismatch. Bound = the implementation's declared bound.\n",
                n_grid, n_random, (unsigned long long)opt->seed);
        const char *current = "";
        for (size_t r = 0; r < n_rows; r++) {
            if (strcmp(current, rows[r].impl->activation) != 0) {
                current = rows[r].impl->activation;
                fprintf(md.fp, "\n## %s\n\n| variant | direction | max ULP | worst x | mean ULP | %% CR | "
                               "> 1 ULP | FTZ | NaN | inf | ±0 | bound | within |\n"
                               "|---|---|---|---|---|---|---|---|---|---|---|---|---|\n",
                        current);
            }
            write_md_row(md.fp, &rows[r]);
        }
        if (!ab_atomic_commit(&md))
            failed = true;
    } else {
        failed = true;
    }
    if (!failed && !opt->quiet)
        fprintf(stderr, "accuracy: %zu rows written to %s/accuracy.csv (%zu outside their bound)\n",
                n_rows, opt->output_dir, violations);
    free(rows);
    free(group);
    return failed ? 1 : 0;
}
