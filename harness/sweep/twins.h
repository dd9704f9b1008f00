/*
 * Implementations whose results are identical over a block (twins.c): the
 * avx2 and avx512 builds of one method, or two peers that call the same
 * code, return the same bits for every input of a block. Every figure of
 * the sweep is a function of the inputs and the two runs' results (default
 * and FTZ/DAZ) alone, so such a pair's block statistics are those of the
 * first pair with the same results, copied instead of classified again.
 */
#ifndef ACTBENCH_SWEEP_TWINS_H
#define ACTBENCH_SWEEP_TWINS_H

#include <stddef.h>
#include <stdint.h>

#include "sweep/state.h"

/* The results of every pair of one direction over one block: y (default
 * MXCSR) and z (FTZ/DAZ set), pair k's at y + k * cap and z + k * cap.
 *
 * The FTZ/DAZ run of a kernel call is left out, z taken as y, when the
 * default run cannot have met a subnormal: it raised neither DE (a denormal
 * operand) nor UE (a tiny inexact result), and no input or result of the
 * call is subnormal. FTZ changes only tiny results and DAZ only denormal
 * operands; a tiny result that is exact raises no UE, but it is either a
 * result of the call (seen) or an operand of a later operation (DE). The
 * rule needs the kernel's flags to reach the caller: a kernel that raises
 * neither flag on subnormal inputs (a copy, a sign mask, or one that
 * restores a saved MXCSR) is probed once and always run twice. */
#define AB_EXH_SAMPLES 64
typedef struct ab_exh_outputs {
    size_t cap, pairs; /* inputs per pair; pairs allocated */
    float *y, *z;
    uint32_t *sample;  /* per pair: y and z at AB_EXH_SAMPLES inputs */
    size_t *leader;    /* per pair: the first pair with the same y and z */
    int8_t *flags_shown; /* per pair: 1 its kernel shows DE/UE, 0 not, -1 not probed yet */
    bool *x_subnormal;   /* per call of the block: its inputs hold a subnormal */
    uint64_t calls, ftz_skipped; /* kernel calls (default runs), and FTZ/DAZ runs left out */
    /* Tests: run the FTZ/DAZ call even where it would be left out, and
     * count the calls where its results then differ from the default's. */
    bool verify_skips;
    uint64_t skip_mismatches;
} ab_exh_outputs;

/* Grows o to pairs x cap (false when out of memory). */
bool ab_exh_outputs_reserve(ab_exh_outputs *o, size_t pairs, size_t cap);
void ab_exh_outputs_free(ab_exh_outputs *o);

/* Runs the kernel of every pair of direction dir on xs[0, count), in calls
 * of chunk inputs (an element's result does not depend on the call), with
 * the default MXCSR and, where it can differ, with FTZ/DAZ set; then sets
 * leader[k] for those pairs:
 * k itself, or the first earlier pair of dir whose y and z equal k's bit
 * for bit (compared in full, a sample only picks the candidates). */
void ab_exh_outputs_run(ab_exh_outputs *o, const ab_exh_pair *pairs, size_t pair_count,
                        ab_direction dir, const ab_params *params, const float *xs, size_t count,
                        size_t chunk);

/* Pair twin's block statistics := those of pair from (its leader). */
void ab_exh_copy_twin(ab_exh_pair *twin, const ab_exh_pair *from);

#endif
