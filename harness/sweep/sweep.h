/*
 * `actbench accuracy --exhaustive` and `actbench merge`: exhaustive accuracy
 * sweeps. Every input of a bit-pattern range (all 2^32 binary32 patterns by
 * default, or all 65536 bf16/fp16 patterns) goes through every selected
 * implementation, forward and derivative, with exact ULP statistics
 * (accuracy_stats.h), error maps, checkpoints, shards and merge.
 *
 * The rooms: options.c (the command line), driver.c (threads, checkpoints,
 * signals), block.c + decide.c + classify.c + tracker.c + exact.c (one
 * block's statistics), format.c (bf16/fp16), quantize.c (the error grid),
 * state.c (the state file), output.c (CSV and map writers), merge.c.
 *
 * Work is cut in blocks of 2^16 bit patterns (2^10 for the 16-bit formats),
 * taken by pinned worker threads from an atomic counter. A finished block's
 * statistics are merged into the run's state under a lock and its bit set in
 * the done bitmap, so the state always describes exactly the completed
 * blocks: a checkpoint is that state written atomically, and a resumed or
 * sharded sweep merges into exactly the result of one run.
 *
 * Outputs, under DIR/exhaustive/ (BASE = activation, plus ".bf16"/".fp16",
 * plus ".range-LO-HI" for a partial range):
 *   BASE.csv         one row per variant x direction: the statistics;
 *   BASE.binade.csv  max and mean ULP per binade of |x| for each sign;
 *   BASE.grid.csv    max and mean ULP on 2000 bins over [range_lo, range_hi];
 *   BASE.state       the machine-readable state (input of merge);
 *   summary.csv      one row per activation x variant x direction x format x
 *                    range, replaced on each run: time, rate, threads,
 *                    fallbacks;
 *   BASE.shard-K-of-N.state  a shard's result (shards write only this);
 *   BASE[.shard-K-of-N].ckpt the checkpoint while a sweep runs.
 * The rows of BASE.csv and summary.csv end with the CPU the sweep ran on:
 * cpu_vendor, cpu_model, cpu_family, cpu_model_number, cpu_stepping,
 * isa_path (the widest kernel ISA it runs; values joined with ';' when
 * shards or sessions ran on different CPUs). Files written before these
 * columns existed end at shards / date: readers take both.
 * The four BASE files are replaced together or not at all (commit.h); state
 * files end with a checksum and are checked on load (state.h): a damaged
 * one, or one written before checksums existed, is refused with a message
 * naming it (remove it and re-run). SIGINT/SIGTERM stop at the next block
 * with a checkpoint and exit 130/143.
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
#ifndef ACTBENCH_SWEEP_SWEEP_H
#define ACTBENCH_SWEEP_SWEEP_H

#include <stdio.h>

/* `actbench accuracy --exhaustive [options]`: argv[0] is "accuracy". */
int ab_cmd_exhaustive(int argc, char **argv);
/* `actbench merge [options] SHARD_DIR...` */
int ab_cmd_merge(int argc, char **argv);

void ab_exhaustive_usage(FILE *out);

#endif
