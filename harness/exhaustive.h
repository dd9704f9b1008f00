/*
 * Exhaustive accuracy: every input of a bit-pattern range (all 2^32 binary32
 * patterns by default, or all 65536 bf16/fp16 patterns) through every
 * selected implementation, forward and derivative, with exact ULP statistics
 * (accuracy_stats.h), error maps, checkpoints, shards and merge.
 *
 * The reported (quantized) ULP error. accuracy.md's err = |y - f| / U(f)
 * is "rounded up for reporting"; here the rounding is to a fixed grid:
 *   Q(err) = 0                     when y == f exactly,
 *          = 2^-30                 when 0 < err <= 2^-30 (absolute floor),
 *          = the smallest multiple of 2^(e-20) that is >= err otherwise,
 *            e = floor(log2 err)   (relative quantum 2^-20, ~6 digits).
 * Powers of 2 (the histogram edges 0.5, 1, 2, ...) are grid points, so
 * the histogram bin of Q(err) is that of err. max_ulp, worst_x (ties: the
 * smallest input bit pattern), worst_y, worst_cr, the histogram, the count
 * > 1 ULP, the CR verdict and the class counts are functions of Q(err) and
 * round(f) only: the fast reference (actbench/fastref.h) decides them when
 * its bound puts the error inside one cell of the grid (and round(f) away
 * from a midpoint); otherwise the case goes to MPFR (a "fallback", counted),
 * and candidates for a block's maximum whose cell is not decided are
 * re-evaluated in MPFR ("worst_reevals"). So these figures equal those of
 * --reference mpfr, where Q is applied on top of ab_ulp_error_fmt (whose own
 * figure is the unquantized error rounded up to a double).
 * NOT quantized: mean_ulp and the error maps (binade/grid max and mean),
 * which use the midpoint of the fast error interval (MPFR's value in MPFR
 * mode and for fallbacks); they agree with MPFR to within the fast bound,
 * ~2^-20 ULP, not bit for bit.
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

#define AB_EXH_ULP_FLOOR 0x1p-30  /* smallest non-zero reported error */
#define AB_EXH_ULP_REL_BITS 20    /* grid step 2^-20 relative */
/* Q(err) above; err >= 0 (NaN and 0 give 0, inf stays inf). */
double ab_exh_quantize(double err);

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
