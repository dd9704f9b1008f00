/*
 * The state of a sweep: its configuration, the bitmap of completed blocks
 * and the merged statistics of exactly those blocks. Checkpoints, shard
 * results and the BASE.state of a finished sweep are this state as a text
 * file (state.c), every double in hexadecimal so that a reload is bit-exact.
 */
#ifndef ACTBENCH_SWEEP_STATE_H
#define ACTBENCH_SWEEP_STATE_H

#include <stdbool.h>
#include <stdint.h>

#include "accuracy_stats.h"
#include "actbench/actbench.h"
#include "sweep/format.h"

#define AB_EXH_GRID_BINS 2000
#define AB_EXH_MIN_BLOCK_BITS 4
#define AB_EXH_MAX_BLOCK_BITS 24
#define AB_EXH_MAX_SHARDS (1u << 20)
#define AB_EXH_MAX_PAIRS 4096

/* The CPU a state was computed on (cpu.c). Each field is a text; a state
 * merged from shards (or resumed) on different CPUs joins the distinct
 * values with ';'. */
typedef struct ab_exh_cpu {
    char vendor[64];       /* cpuid vendor string: GenuineIntel, AuthenticAMD */
    char model[256];       /* brand string */
    char family[32], model_number[32], stepping[32]; /* decimal, extended fields added */
    char isa_path[64];     /* the widest kernel ISA this CPU runs: avx2+fma, scalar */
} ab_exh_cpu;

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
    ab_exh_cpu cpu;
    size_t pair_count;
    ab_exh_pair *pairs;
} ab_exh_state;

/* The state file (state_file.c): text, one record per line, every double
 * in %a so that a reload is bit-exact, ending with a checksum line over all
 * bytes before it. Load rejects, with a message naming the file, a missing
 * or wrong checksum (a file of the format before checksums included: it
 * must be re-run), a malformed or repeated line and any state that fails
 * ab_exh_state_check. */

bool ab_exh_state_load(const char *path, ab_exh_state *st);
bool ab_exh_state_save(const ab_exh_state *st, const char *dir, const char *name);
/* The invariants of a state: a configuration a run could make (range
 * within the format, block_count matching it, 1 <= K <= N, ...), done bits
 * only for blocks of the range and of the shard, and for every pair counts
 * that add up to the inputs of the completed blocks. false with the reason
 * in why. */
bool ab_exh_state_check(const ab_exh_state *st, char *why, size_t size);
void ab_exh_state_free(ab_exh_state *st);
uint64_t ab_exh_blocks_done(const ab_exh_state *st);
bool ab_exh_block_done(const ab_exh_state *st, uint64_t b);
/* The pair of (variant, direction), or NULL. */
const ab_exh_pair *ab_exh_state_pair(const ab_exh_state *st, const char *variant,
                                     ab_direction dir);
/* Same sweep: activation, format, reference, range, blocks and pairs (and
 * the shard unless ignore_shard). */
bool ab_exh_state_same_config(const ab_exh_state *a, const ab_exh_state *b, bool ignore_shard);

/* Statistics of pairs: reset, and out := out ∪ in (counters and maps too). */
void ab_exh_pair_reset(ab_exh_pair *p);
void ab_exh_pair_merge(ab_exh_pair *out, const ab_exh_pair *in);
void ab_exh_cell_merge(ab_exh_cell *into, const ab_exh_cell *from);

#endif
