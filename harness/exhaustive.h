/*
 * Exhaustive accuracy: every input of a bit-pattern range (all 2^32 binary32
 * patterns by default, or all 65536 bf16/fp16 patterns) through every
 * selected implementation, forward and derivative, with exact ULP statistics
 * (accuracy_stats.h), error maps, checkpoints, shards and merge.
 *
 * Exactness: the fast reference (actbench/fastref.h) decides the correctly
 * rounded value and the histogram bin of each case when its error bound
 * allows; otherwise the case is evaluated in MPFR (a "fallback"). Every
 * candidate for a block's maximum is re-evaluated in MPFR, so max, argmax,
 * histogram, counts and classes equal a pure-MPFR sweep; the mean and the
 * error maps use the fast value (within its bound).
 */
#ifndef ACTBENCH_EXHAUSTIVE_H
#define ACTBENCH_EXHAUSTIVE_H

#include <stdbool.h>
#include <stdint.h>

#include "accuracy_stats.h"
#include "actbench/actbench.h"

/* `actbench accuracy --exhaustive [options]`: argv[0] is "accuracy". */
int ab_cmd_exhaustive(int argc, char **argv);
/* `actbench merge [options] SHARD_DIR...` */
int ab_cmd_merge(int argc, char **argv);

void ab_exhaustive_usage(FILE *out);

/* ---- the sweep state (checkpoints, shard state files) ------------------- */

typedef enum ab_exh_format { AB_FMT_BINARY32 = 0, AB_FMT_BF16, AB_FMT_FP16 } ab_exh_format;

#define AB_EXH_GRID_BINS 2000

typedef struct ab_exh_cell {
    uint64_t count; /* non-NaN cases in the bin */
    double max_ulp; /* from the fast reference (MPFR where it fell back) */
    double sum_ulp;
} ab_exh_cell;

typedef struct ab_exh_pair {
    char variant[64];
    ab_direction dir;
    const ab_impl *impl; /* NULL when loaded from a file and not in this build */
    ab_acc_stats stats;
    uint64_t fallbacks;  /* cases the fast reference could not decide */
    uint64_t reevals;    /* max candidates re-evaluated in MPFR */
    ab_exh_cell binade[2][256]; /* [sign][binary32 exponent field of x] */
    ab_exh_cell grid[AB_EXH_GRID_BINS];
} ab_exh_pair;

typedef struct ab_exh_state {
    char activation[64];
    ab_exh_format format;
    bool mpfr_reference;
    uint64_t range_lo, range_hi; /* inclusive bit patterns */
    unsigned shard_k, shard_n;   /* 1-based k of n */
    unsigned block_bits;
    uint64_t block_count;        /* blocks of the whole range */
    uint8_t *done;               /* bitmap over block_count */
    double wall_seconds;         /* sum over the sessions that built it */
    unsigned threads;
    unsigned shards_merged;      /* 1, or the number of shards merged */
    double grid_lo, grid_hi;
    size_t pair_count;
    ab_exh_pair *pairs;
} ab_exh_state;

bool ab_exh_state_load(const char *path, ab_exh_state *st);
bool ab_exh_state_save(const ab_exh_state *st, const char *dir, const char *name);
void ab_exh_state_free(ab_exh_state *st);
uint64_t ab_exh_blocks_done(const ab_exh_state *st);
/* The pair of (variant, direction), or NULL. */
const ab_exh_pair *ab_exh_state_pair(const ab_exh_state *st, const char *variant,
                                     ab_direction dir);
const char *ab_exh_format_name(ab_exh_format f);

#endif
