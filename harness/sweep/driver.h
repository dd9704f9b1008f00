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
    const char *variants; /* comma list, NULL = all */
    unsigned dir_mask;    /* 1 forward, 2 derivative */
    bool range_given;
    uint64_t range_lo, range_hi;
    unsigned shard_k, shard_n, threads;
    const char *output, *checkpoint;
    bool mpfr, resume, quiet;
    ab_exh_format format;
} exh_options;

/* Sweeps act into exh_dir; several_activations appends .ACTIVATION to a
 * --checkpoint path. Returns the exit status (0, 1, or 130 when stopped by
 * a signal). */
int ab_exh_run_sweep(const exh_options *o, const ab_activation *act, const char *exh_dir,
                     bool several_activations);

#endif
