/*
 * The files of a finished sweep (output.c): BASE.csv, BASE.binade.csv,
 * BASE.grid.csv, BASE.state and the shared summary.csv (sweep.h lists
 * their contents).
 */
#ifndef ACTBENCH_SWEEP_OUTPUT_H
#define ACTBENCH_SWEEP_OUTPUT_H

#include <stddef.h>

#include "sweep/state.h"

/* BASE: activation [.bf16|.fp16] [.range-LO-HI unless the whole format]. */
void ab_exh_base_name(const ab_exh_state *st, char *buf, size_t size);
/* DIR/exhaustive into buf, created if needed; false with a message. */
bool ab_exh_dir_of(const char *output, char *buf, size_t size);
/* Writes every output of st into dir and checks the worst cases in MPFR;
 * false (with a message) on a write error or an inconsistency. */
bool ab_exh_write_outputs(const ab_exh_state *st, const char *dir);

#endif
