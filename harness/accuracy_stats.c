/* Associative accuracy summaries: see accuracy_stats.h. Every maximum keeps
 * its smallest input on ties, so any order of merging gives the same one. */
#include <math.h>
#include <string.h>

#include "accuracy_stats.h"
#include "actbench/bits.h"


void ab_acc_stats_init(ab_acc_stats *s)
{
    memset(s, 0, sizeof *s);
    s->max_ulp = -1.0; /* no case yet */
    s->metrics_measured = true;
    s->ulp_normal.value = s->rel_normal.value = s->abs_err.value = -1.0;
    s->ftz_ulp_normal.value = -1.0;
    for (int k = 0; k < AB_CLASS_KINDS; k++)
        s->class_example_x[k] = UINT32_MAX;
}

int ab_hist_bin(double ulp)
{
    if (ulp <= 0.5)
        return 0;
    if (ulp <= 1.0)
        return 1;
    for (int k = 2; k < AB_HIST_BINS - 1; k++)
        if (ulp <= ldexp(1.0, k - 1))
            return k;
    return AB_HIST_BINS - 1;
}

const char *ab_hist_bin_label(int bin)
{
    static const char *labels[AB_HIST_BINS] = {
        "[0,0.5]", "(0.5,1]", "(1,2]", "(2,4]", "(4,8]", "(8,16]", "(16,32]",
        "(32,64]", "(64,128]", "(128,256]", "(256,512]", "(512,2^10]",
        "(2^10,2^11]", "(2^11,2^12]", "(2^12,2^13]", "(2^13,2^14]", "(2^14,2^15]",
        "(2^15,2^16]", "(2^16,2^17]", "(2^17,2^18]", "(2^18,2^19]", "(2^19,2^20]",
        "(2^20,2^21]", ">2^21"};
    return bin >= 0 && bin < AB_HIST_BINS ? labels[bin] : "?";
}

const char *ab_class_name(int kind)
{
    static const char *names[AB_CLASS_KINDS] = {
        "nan_unexpected", "nan_missing", "inf_where_finite",
        "flush_to_zero", "signed_zero_mismatch", "finite_where_inf"};
    return kind >= 0 && kind < AB_CLASS_KINDS ? names[kind] : "?";
}

void ab_hist_write_csv_columns(FILE *fp)
{
    fprintf(fp, ",hist_le_0.5,hist_0.5_1");
    for (int b = 2; b < AB_HIST_BINS - 1; b++)
        fprintf(fp, ",hist_%.0f_%.0f", ldexp(1.0, b - 2), ldexp(1.0, b - 1));
    fprintf(fp, ",hist_gt_%.0f", ldexp(1.0, AB_HIST_BINS - 3));
}

static void note_worst(ab_acc_stats *s, double ulp, uint32_t x, uint32_t y, uint32_t cr)
{
    if (ulp > s->max_ulp || (ulp == s->max_ulp && x < s->worst_x)) {
        s->max_ulp = ulp;
        s->worst_x = x;
        s->worst_y = y;
        s->worst_cr = cr;
    }
}

void ab_acc_stats_add(ab_acc_stats *s, float x, float y, float cr, const ab_ulp_error *e)
{
    uint32_t xb = ab_float_bits(x);
    s->inputs++;
    if (e->correctly_rounded)
        s->correctly_rounded++;
    for (int k = 0; k < AB_CLASS_KINDS; k++)
        if (e->classes & (1u << k)) {
            s->classes[k]++;
            if (xb < s->class_example_x[k])
                s->class_example_x[k] = xb;
        }
    if (e->is_nan_case) {
        if (isnan(y) && isnan(cr))
            s->nan_expected++;
        return;
    }
    s->ulp_counted++;
    s->sum_ulp += e->ulp;
    if (e->ulp > 1.0)
        s->over_one_ulp++;
    s->hist[ab_hist_bin(e->ulp)]++;
    note_worst(s, e->ulp, xb, ab_float_bits(y), ab_float_bits(cr));
}

void ab_err_max_offer(ab_err_max *m, double value, uint32_t x, uint32_t y, uint32_t ref)
{
    if (value > m->value || (value == m->value && x < m->x))
        *m = (ab_err_max){value, x, y, ref};
}

static void err_max_merge(ab_err_max *into, const ab_err_max *from)
{
    if (from->value >= 0)
        ab_err_max_offer(into, from->value, from->x, from->y, from->ref);
}

void ab_acc_stats_merge(ab_acc_stats *into, const ab_acc_stats *from)
{
    into->inputs += from->inputs;
    into->ulp_counted += from->ulp_counted;
    into->nan_expected += from->nan_expected;
    into->correctly_rounded += from->correctly_rounded;
    into->over_one_ulp += from->over_one_ulp;
    /* Sums of doubles are not associative in general; the ULP errors are
     * multiples of 2^-k rounded up, and the summation order only moves the
     * mean in its last bits. Exactness is promised for max, argmax,
     * histogram and counts. */
    into->sum_ulp += from->sum_ulp;
    for (int k = 0; k < AB_HIST_BINS; k++)
        into->hist[k] += from->hist[k];
    for (int k = 0; k < AB_CLASS_KINDS; k++) {
        into->classes[k] += from->classes[k];
        if (from->class_example_x[k] < into->class_example_x[k])
            into->class_example_x[k] = from->class_example_x[k];
    }
    if (from->ulp_counted > 0)
        note_worst(into, from->max_ulp, from->worst_x, from->worst_y, from->worst_cr);
    into->metrics_measured = into->metrics_measured && from->metrics_measured;
    into->normal_counted += from->normal_counted;
    err_max_merge(&into->ulp_normal, &from->ulp_normal);
    err_max_merge(&into->rel_normal, &from->rel_normal);
    err_max_merge(&into->abs_err, &from->abs_err);
    into->ftz_changed += from->ftz_changed;
    into->ftz_special += from->ftz_special;
    err_max_merge(&into->ftz_ulp_normal, &from->ftz_ulp_normal);
}

void ab_abs_rel_error(double y, const mpfr_t f, double *abs_err, double *rel_err)
{
    *abs_err = *rel_err = NAN;
    if (!mpfr_number_p(f) || isnan(y))
        return;
    if (isinf(y)) {
        *abs_err = *rel_err = INFINITY;
        return;
    }
    /* rounded away from zero, then up: never below the exact error */
    mpfr_t diff;
    mpfr_init2(diff, mpfr_get_prec(f) + 64);
    mpfr_sub_d(diff, f, y, MPFR_RNDA);
    mpfr_abs(diff, diff, MPFR_RNDN);
    /* below the reference's resolution (f is 128 bits, not always correctly
     * rounded): gelu(2^127) = 2^127 within 2^-10^38 reads as 1 apart */
    mpfr_t floor_f;
    mpfr_init2(floor_f, mpfr_get_prec(f));
    mpfr_mul_2si(floor_f, f, -AB_ERR_RESOLUTION_BITS, MPFR_RNDN);
    if (mpfr_cmpabs(diff, floor_f) <= 0)
        mpfr_set_zero(diff, 1);
    mpfr_clear(floor_f);
    *abs_err = mpfr_get_d(diff, MPFR_RNDU);
    if (!mpfr_zero_p(f)) {
        mpfr_div(diff, diff, f, MPFR_RNDA);
        mpfr_abs(diff, diff, MPFR_RNDN);
        *rel_err = mpfr_get_d(diff, MPFR_RNDU);
    }
    mpfr_clear(diff);
}

bool ab_is_normal_output(double cr, int precision, int emin_unit)
{
    return isfinite(cr) && fabs(cr) >= ldexp(1.0, emin_unit + precision - 1);
}

void ab_acc_metrics_add(ab_acc_stats *s, float x, double y, const mpfr_t f,
                        const ab_ulp_error *e, int precision, int emin_unit, int emax)
{
    if (e->is_nan_case)
        return;
    double cr = ab_ref_round_to_format(f, precision, emin_unit, emax);
    uint32_t xb = ab_float_bits(x), yb = ab_float_bits((float)y), rb = ab_float_bits((float)cr);
    double abs_err, rel_err;
    ab_abs_rel_error(y, f, &abs_err, &rel_err);
    if (!isnan(abs_err))
        ab_err_max_offer(&s->abs_err, abs_err, xb, yb, rb);
    if (!ab_is_normal_output(cr, precision, emin_unit))
        return;
    s->normal_counted++;
    ab_err_max_offer(&s->ulp_normal, e->ulp, xb, yb, rb);
    ab_err_max_offer(&s->rel_normal, rel_err, xb, yb, rb);
}

void ab_acc_metrics_add_ftz(ab_acc_stats *s, float x, double y_ftz, double y_default,
                            const mpfr_t f, const ab_ulp_error *e_ftz, int precision,
                            int emin_unit, int emax)
{
    if (!(isnan(y_ftz) && isnan(y_default)) &&
        memcmp(&y_ftz, &y_default, sizeof y_ftz) != 0)
        s->ftz_changed++;
    if (e_ftz->classes & AB_CLASS_NAN_INF)
        s->ftz_special++;
    if (e_ftz->is_nan_case)
        return;
    double cr = ab_ref_round_to_format(f, precision, emin_unit, emax);
    if (ab_is_normal_output(cr, precision, emin_unit))
        ab_err_max_offer(&s->ftz_ulp_normal, e_ftz->ulp, ab_float_bits(x), ab_float_bits((float)y_ftz),
                         ab_float_bits((float)cr));
}

void ab_metrics_write_csv_columns(FILE *fp)
{
    fputs(AB_METRICS_CSV_COLUMNS, fp);
}

void ab_metrics_write_csv_values(FILE *fp, const ab_acc_stats *s)
{
    if (!s->metrics_measured) {
        fprintf(fp, ",,,,,,,,,,,,,,,,,,,");
        return;
    }
    const ab_err_max *m[4] = {&s->ulp_normal, &s->rel_normal, &s->abs_err, &s->ftz_ulp_normal};
    fprintf(fp, ",%llu", (unsigned long long)s->normal_counted);
    for (int k = 0; k < 4; k++) {
        if (k == 3)
            fprintf(fp, ",%llu,%llu", (unsigned long long)s->ftz_changed,
                    (unsigned long long)s->ftz_special);
        if (m[k]->value < 0)
            fprintf(fp, ",,,,");
        else
            fprintf(fp, ",%.9g,%a,%a,%a", m[k]->value, (double)ab_bits_float(m[k]->x),
                    (double)ab_bits_float(m[k]->y), (double)ab_bits_float(m[k]->ref));
    }
}

double ab_acc_stats_mean(const ab_acc_stats *s)
{
    return s->ulp_counted ? s->sum_ulp / (double)s->ulp_counted : 0.0;
}

double ab_acc_stats_pct_cr(const ab_acc_stats *s)
{
    return s->inputs ? 100.0 * (double)s->correctly_rounded / (double)s->inputs : 0.0;
}
