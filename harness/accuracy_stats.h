/*
 * Accuracy statistics of one implementation × direction over a set of
 * inputs. The summary is associative and commutative (merge), so sweeps can
 * be split in blocks, threads, shards and checkpoints and combined exactly.
 */
#ifndef ACTBENCH_ACCURACY_STATS_H
#define ACTBENCH_ACCURACY_STATS_H

#include <stdint.h>
#include <stdio.h>

#include "actbench/reference.h"

/* Histogram of ULP error: bin 0 = [0, 0.5], bin 1 = (0.5, 1],
 * bin k >= 2 = (2^(k-2), 2^(k-1)], up to (2^20, 2^21]; the last bin is
 * "more than 2^21". */
#define AB_HIST_BINS 24
#define AB_CLASS_KINDS 6 /* one counter per AB_CLASS_* bit, in bit order */

/* The largest of one error metric and where it is reached: the input, the
 * result and the correctly rounded reference, as bit patterns. Ties go to
 * the smaller input pattern (as for max ULP), so merging is exact. */
typedef struct ab_err_max {
    double value; /* -1: no case yet */
    uint32_t x, y, ref;
} ab_err_max;

typedef struct ab_acc_stats {
    uint64_t inputs;            /* every input evaluated */
    uint64_t ulp_counted;       /* non-NaN cases, in max/mean/histogram */
    uint64_t nan_expected;      /* reference NaN and y NaN: correct */
    uint64_t correctly_rounded; /* bitwise CR (incl. NaN for NaN) */
    uint64_t over_one_ulp;
    double sum_ulp;             /* for the mean over ulp_counted */
    double max_ulp;
    uint32_t worst_x, worst_y, worst_cr; /* bit patterns; valid when ulp_counted > 0 */
    uint64_t hist[AB_HIST_BINS];
    uint64_t classes[AB_CLASS_KINDS];
    uint32_t class_example_x[AB_CLASS_KINDS]; /* smallest input bits per class */
    /* The metrics a user chooses by (docs/accuracy.md). "Normal output":
     * the correctly rounded result is a finite normal number. */
    bool metrics_measured;   /* false: from a file written before they existed */
    uint64_t normal_counted; /* non-NaN cases with a normal output */
    ab_err_max ulp_normal;   /* max ULP over normal outputs */
    ab_err_max rel_normal;   /* max |y - f| / |f| over normal outputs */
    ab_err_max abs_err;      /* max |y - f| over finite f (y = inf: inf) */
    /* The kernels rerun with MXCSR FTZ+DAZ set, against the same reference. */
    uint64_t ftz_changed;    /* results whose bits differ from the default run (NaN = NaN) */
    uint64_t ftz_special;    /* NaN/inf error-class cases of the FTZ/DAZ run */
    ab_err_max ftz_ulp_normal; /* max ULP over normal outputs of the FTZ/DAZ run */
} ab_acc_stats;

#define AB_CLASS_NAN_INF                                                                   \
    (AB_CLASS_NAN_UNEXPECTED | AB_CLASS_NAN_MISSING | AB_CLASS_INF_WHERE_FINITE |          \
     AB_CLASS_FINITE_WHERE_INF)

void ab_acc_stats_init(ab_acc_stats *s);

/* Add one case: input x, returned y, the correctly rounded reference cr, and
 * the error of y against the exact value. */
void ab_acc_stats_add(ab_acc_stats *s, float x, float y, float cr,
                      const ab_ulp_error *e);

/* into := into ∪ from. Ties on max_ulp go to the smaller input bit pattern,
 * so the result does not depend on the order of merging. */
void ab_acc_stats_merge(ab_acc_stats *into, const ab_acc_stats *from);

/* The metrics of one case of the default run: y against the exact f with
 * ULP error e (e->ulp as ab_ulp_error_of gives it). fmt_* describe the
 * format the result is in (ab_ulp_error_fmt's parameters). */
void ab_acc_metrics_add(ab_acc_stats *s, float x, double y, const mpfr_t f,
                        const ab_ulp_error *e, int precision, int emin_unit, int emax);
/* One case of the FTZ/DAZ run: y_ftz against f, y_default from the default
 * run at the same input. */
void ab_acc_metrics_add_ftz(ab_acc_stats *s, float x, double y_ftz, double y_default,
                            const mpfr_t f, const ab_ulp_error *e_ftz, int precision,
                            int emin_unit, int emax);
/* Offers (value, x, y, ref) to m: kept when larger, or equal at a smaller x. */
void ab_err_max_offer(ab_err_max *m, double value, uint32_t x, uint32_t y, uint32_t ref);
/* |y - f| and, for f != 0, |y - f| / |f|, each rounded up to a double
 * (NaN when f is not finite; rel NaN for f = 0). A difference of at most
 * |f| * 2^-AB_ERR_RESOLUTION_BITS is below what the reference resolves and
 * counts as 0. */
#define AB_ERR_RESOLUTION_BITS 108
void ab_abs_rel_error(double y, const mpfr_t f, double *abs_err, double *rel_err);
/* The correct rounding of f to the format is a finite normal number. */
bool ab_is_normal_output(double cr, int precision, int emin_unit);

int ab_hist_bin(double ulp);
/* "[0,0.5]", "(0.5,1]", "(1,2]", ..., ">2^21" */
const char *ab_hist_bin_label(int bin);
const char *ab_class_name(int kind); /* column name of class counter kind */
/* The CSV column names of the histogram bins, each preceded by a comma:
 * ",hist_le_0.5,hist_0.5_1,hist_1_2,...,hist_gt_2097152" (every results
 * table uses these names). */
void ab_hist_write_csv_columns(FILE *fp);

/* The metrics' CSV columns, each preceded by a comma, appended last to
 * every accuracy table (accuracy.csv, the sweep's BASE.csv and
 * summary.csv), so that readers of older files find them absent, and
 * their values (empty fields when not measured or no case). */
#define AB_METRICS_CSV_COLUMNS                                                             \
    ",normal_counted,max_ulp_normal,normal_x,normal_y,normal_ref,max_rel_err,rel_x,rel_y,"   \
    "rel_ref,max_abs_err,abs_x,abs_y,abs_ref,ftz_changed,ftz_special,ftz_max_ulp_normal,"    \
    "ftz_x,ftz_y,ftz_ref"
void ab_metrics_write_csv_columns(FILE *fp);
void ab_metrics_write_csv_values(FILE *fp, const ab_acc_stats *s);

double ab_acc_stats_mean(const ab_acc_stats *s);
double ab_acc_stats_pct_cr(const ab_acc_stats *s);

#endif
