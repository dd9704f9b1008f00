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
} ab_acc_stats;

void ab_acc_stats_init(ab_acc_stats *s);

/* Add one case: input x, returned y, the correctly rounded reference cr, and
 * the error of y against the exact value. */
void ab_acc_stats_add(ab_acc_stats *s, float x, float y, float cr,
                      const ab_ulp_error *e);

/* into := into ∪ from. Ties on max_ulp go to the smaller input bit pattern,
 * so the result does not depend on the order of merging. */
void ab_acc_stats_merge(ab_acc_stats *into, const ab_acc_stats *from);

int ab_hist_bin(double ulp);
/* "[0,0.5]", "(0.5,1]", "(1,2]", ..., ">2^21" */
const char *ab_hist_bin_label(int bin);
const char *ab_class_name(int kind); /* column name of class counter kind */
/* The CSV column names of the histogram bins, each preceded by a comma:
 * ",hist_le_0.5,hist_0.5_1,hist_1_2,...,hist_gt_2097152" (every results
 * table uses these names). */
void ab_hist_write_csv_columns(FILE *fp);

double ab_acc_stats_mean(const ab_acc_stats *s);
double ab_acc_stats_pct_cr(const ab_acc_stats *s);

#endif
