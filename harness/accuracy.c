/* Sampled accuracy against the MPFR reference: see accuracy.h. The reference
 * value of each input is computed once and shared by every implementation of
 * the activation, and by both runs of each kernel: the default MXCSR mode and
 * FTZ+DAZ set (accuracy_stats.h's metrics). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "accuracy.h"
#include "output/accuracy_table.h"
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

/* The same call with FTZ and DAZ set (the ML frameworks' mode). */
static void run_kernel_ftz(const ab_impl *impl, ab_direction dir, const float *x, float *y,
                           size_t n, const ab_params *params)
{
    ab_mxcsr_state saved = ab_mxcsr_enter_ftz_daz();
    ab_impl_kernel(impl, dir)(x, y, n, params);
    ab_mxcsr_leave(saved);
}

/* One case of both runs into s: the statistics of the default run and the
 * metrics of both (the FTZ/DAZ error computed only where its result differs). */
static void add_case(ab_acc_stats *s, float x, float y, float y_ftz, const mpfr_t exact, float cr)
{
    ab_ulp_error e = ab_ulp_error_of(y, exact);
    ab_acc_stats_add(s, x, y, cr, &e);
    ab_acc_metrics_add(s, x, y, exact, &e, 24, -149, 128);
    ab_ulp_error e_ftz = memcmp(&y, &y_ftz, sizeof y) == 0 ? e : ab_ulp_error_of(y_ftz, exact);
    ab_acc_metrics_add_ftz(s, x, y_ftz, y, exact, &e_ftz, 24, -149, 128);
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
    /* outputs[2i]: impl i's results; outputs[2i + 1]: with FTZ/DAZ */
    float **outputs = calloc(n ? 2 * n : 1, sizeof *outputs);
    if (outputs == NULL)
        return -1;
    int status = 0;
    for (size_t i = 0; i < 2 * n; i++) {
        outputs[i] = malloc((inputs->n ? inputs->n : 1) * sizeof(float));
        if (outputs[i] == NULL) {
            status = -1;
            goto done;
        }
    }
    for (size_t i = 0; i < n; i++) {
        run_kernel(impls[i], dir, inputs->x, outputs[2 * i], inputs->n, &params,
                   &rows[i].mxcsr_changed);
        run_kernel_ftz(impls[i], dir, inputs->x, outputs[2 * i + 1], inputs->n, &params);
    }

    mpfr_t exact;
    mpfr_init2(exact, precision > 0 ? precision : AB_REF_DEFAULT_PREC);
    for (size_t j = 0; j < inputs->n; j++) {
        ab_ref_eval(act, dir, &params, inputs->x[j], exact);
        float cr = ab_ref_round_to_float(exact);
        for (size_t i = 0; i < n; i++)
            add_case(&rows[i].stats, inputs->x[j], outputs[2 * i][j], outputs[2 * i + 1][j],
                     exact, cr);
    }
    mpfr_clear(exact);
    rows_finish(rows, n);
done:
    for (size_t i = 0; i < 2 * n; i++)
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
    float *y_ftz = malloc((max_len + 1) * sizeof(float));
    mpfr_t *exact = malloc((max_len + 1) * sizeof(mpfr_t));
    if (!x || !v || !y || !y_ftz || !exact) {
        free(x), free(v), free(y), free(y_ftz), free(exact);
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
                    run_kernel_ftz(impls[i], dir, x, y_ftz, len, &params);
                    double sum = 0.0;
                    for (size_t j = 0; j < len; j++) {
                        add_case(&rows[i].stats, x[j], y[j], y_ftz[j], exact[j],
                                 ab_ref_round_to_float(exact[j]));
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
    free(x), free(v), free(y), free(y_ftz), free(exact);
    return 0;
}

/* ---- the command ----------------------------------------------------------- */

int ab_accuracy_run(const ab_accuracy_options *opt, const ab_impl *const *impls, size_t n)
{
    size_t n_grid = opt->n_grid ? opt->n_grid : (opt->quick ? QUICK_GRID : FULL_GRID);
    size_t n_random = opt->n_random_given ? opt->n_random : (opt->quick ? QUICK_RANDOM : FULL_RANDOM);
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

    long precision = opt->precision > 0 ? opt->precision : AB_REF_DEFAULT_PREC;
    char sampling[160], sampling_vector[160];
    snprintf(sampling, sizeof sampling, "named + grid %zu + random %zu; seed %llu; MPFR %ld bits",
             n_grid, n_random, (unsigned long long)opt->seed, precision);
    snprintf(sampling_vector, sizeof sampling_vector, "vector family%s; seed %llu; MPFR %ld bits",
             opt->quick ? " (quick)" : "", (unsigned long long)opt->seed, precision);
    size_t in_table = 0;
    if (!failed && ab_accuracy_write_tables(opt->output_dir, rows, n_rows, sampling,
                                            sampling_vector, &in_table) != 0)
        failed = true;
    if (!failed && !opt->quiet)
        fprintf(stderr, "accuracy: %zu rows measured (%zu outside their bound); %s/accuracy.csv "
                        "now holds %zu rows\n",
                n_rows, violations, opt->output_dir, in_table);
    free(rows);
    free(group);
    return failed ? 1 : 0;
}
