/*
 * `actbench bench`: times the forward and derivative kernels of a set of
 * implementations, following ../shared/docs/measurement.md.
 *
 * Protocol, in short:
 * - The thread is pinned (the PU chosen by ab_machine_get) and buffers are
 *   first-touched after pinning; x, y (and the tangent of vector
 *   activations) are 64-byte aligned and mutually offset by a non-multiple
 *   of 4 KiB.
 * - Working sets (input + output) from hwloc's caches of that PU: ~1/2 L1d
 *   ("L1"), ~1/2 L2 ("L2"), ~1/2 L3 ("L3"), 4x L3 ("DRAM"). An implausible
 *   L3 (a hypervisor's invention) is replaced as machine.json's cache note
 *   says.
 * - Distributions "uniform[-10,10]" and "positive(0,10]", seeded, the same
 *   inputs for every implementation.
 * - Every (implementation, direction) and a plain copy kernel form the
 *   cases of one block (size, distribution). After a warm-up, each round
 *   times every case in turn (A B C ... A B C ...), each at n/2 and at n
 *   elements; a sample batches calls up to >= 2.5·10^4 TSC ticks. Per
 *   element = (median over rounds at n - median at n/2) / (n - n/2), so the
 *   per-call overhead cancels; the minimum column uses the minima instead.
 * - Dispersion = MdAPE (median absolute percentage deviation from the
 *   median) over rounds, the larger of the two sizes'; >= 5 % is flagged
 *   unstable, as is a non-positive per-element estimate.
 * - A sample during which the thread was preempted (getrusage RUSAGE_THREAD
 *   ru_nivcsw changed) is retaken up to 3 times; what remains is counted.
 * - MXCSR is saved before and restored after every kernel call; a kernel
 *   that changed it is recorded (mxcsr_changed).
 *
 * Files written atomically into output_dir:
 *   performance.csv       one row per activation × variant × direction ×
 *                         distribution × size, plus "copy" rows;
 *   performance.md        the same as readable tables, clock stated on top;
 *   raw/bench_samples.csv every sample (one row each).
 *
 * performance.csv columns:
 *   activation, variant, isa, direction, distribution, size_label, n, bytes
 *   (bytes touched per call: 8n, 12n with a tangent), ticks_per_elem_median,
 *   ticks_per_elem_min, dispersion_mdape_pct, unstable (0/1), ns_per_elem,
 *   core_cycles_per_elem_est (ticks x core/TSC ratio), cycle_source,
 *   ratio_to_naive (median / the "naive" variant's, same activation,
 *   direction, distribution, size; empty without one), ratio_to_copy (median
 *   / copy's, same distribution and size), mxcsr_changed (0/1), rounds,
 *   reps_n, reps_half (calls per sample), output_checksum (hex sum of the
 *   output bits after timing: proves the work was done; differs between
 *   variants whose rounding differs), preempted_samples (timed samples,
 *   of 2 x rounds, during which the thread was involuntarily switched out
 *   even after retries; ru_nivcsw of RUSAGE_THREAD).
 */
#ifndef ACTBENCH_BENCH_H
#define ACTBENCH_BENCH_H

#include <stdbool.h>
#include <stddef.h>

#include "actbench/actbench.h"

typedef struct ab_bench_options {
    const char *output_dir; /* created if missing */
    bool quick;     /* L1 and L2 sizes only, 5 rounds, short warm-up: seconds */
    unsigned rounds; /* 0 = default: 15 (quick: 5); DRAM uses max(3, rounds/3) */
    bool quiet;     /* no progress on stderr */
} ab_bench_options;

/* Times forward and derivative (when the implementation has one) of each
 * impl; every impl must be supported by the CPU (ab_impl_supported).
 * Vector activations (AB_FLAG_VECTOR) treat the array as one row; their
 * derivative gets params->tangent. Every activation runs with its
 * default_params, plus a 64-channel channel_alpha (only prelu reads it).
 * Writes output_dir/performance.csv, performance.md and
 * raw/bench_samples.csv atomically. Returns 0, or prints a clear message
 * and returns non-zero. */
int ab_bench_run(const ab_bench_options *opt, const ab_impl *const *impls, size_t n_impls);

#endif
