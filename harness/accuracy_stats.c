/* Associative accuracy summaries: see accuracy_stats.h. */
#include <math.h>
#include <string.h>

#include "accuracy_stats.h"
#include "actbench/bits.h"


void ab_acc_stats_init(ab_acc_stats *s)
{
    memset(s, 0, sizeof *s);
    s->max_ulp = -1.0; /* no case yet */
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
}

double ab_acc_stats_mean(const ab_acc_stats *s)
{
    return s->ulp_counted ? s->sum_ulp / (double)s->ulp_counted : 0.0;
}

double ab_acc_stats_pct_cr(const ab_acc_stats *s)
{
    return s->inputs ? 100.0 * (double)s->correctly_rounded / (double)s->inputs : 0.0;
}
