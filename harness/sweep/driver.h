/*
 * The run of one activation's sweep (driver.c): the state built from the
 * options, worker threads over the blocks still to do, periodic
 * checkpoints, Ctrl-C, and the outputs once every block is done.
 */
#ifndef ACTBENCH_SWEEP_DRIVER_H
#define ACTBENCH_SWEEP_DRIVER_H

#include <stdbool.h>
#include <stdint.h>

#include "sweep/state.h"

typedef struct exh_options {
    const ab_impl **impls; /* the selection (cli.h); the driver sweeps those of the */
    size_t impl_count;     /* activation that are elementwise and supported */
    unsigned dir_mask;    /* 1 forward, 2 derivative */
    bool range_given;
    uint64_t range_lo, range_hi;
    unsigned shard_k, shard_n, threads;
    const char *output, *checkpoint;
    bool mpfr, resume, quiet;
    bool keep_finished_shard; /* a finished state of this shard is kept, not re-run (MPI) */
    ab_exh_format format;
} exh_options;

/* Sweeps act into exh_dir (with ab_exh_catch_signals on); several_activations
 * appends .ACTIVATION to a --checkpoint path. Returns the exit status: 0, 1,
 * or 128 + the signal (130 SIGINT, 143 SIGTERM) when stopped by one. */
int ab_exh_run_sweep(const exh_options *o, const ab_activation *act, const char *exh_dir,
                     bool several_activations);

/* Catches (true) or restores (false) SIGINT and SIGTERM: while caught, a
 * signal only asks the sweep to stop at the next block and the writes in
 * progress complete, so no temporary is left behind. */
/* BASE of act's sweep under o (activation, format, range, and the shard
 * when o->shard_n > 1): the outputs' and state files' common stem. */
void ab_exh_sweep_base(const exh_options *o, const ab_activation *act, char *buf, size_t size);

/* merge.c: states[g] and the other states of its sweep (same configuration
 * but the shard) merged into states[g] and written to exh_dir, as `actbench
 * merge` does; used[] marks the states taken. false with a message when the
 * group is incomplete or inconsistent (nothing written). */
bool ab_exh_merge_group(ab_exh_state *states, size_t count, bool *used, size_t g,
                       const char *exh_dir, bool quiet);

void ab_exh_catch_signals(bool catch);
/* The signal caught since ab_exh_catch_signals(true), or 0. */
int ab_exh_stop_signal(void);

#endif
