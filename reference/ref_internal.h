/* Shared by the reference/ files only; not part of the public API. */
#ifndef ACTBENCH_REF_INTERNAL_H
#define ACTBENCH_REF_INTERNAL_H

#include <mpfr.h>

/* out := r rounded to odd (truncate; if inexact, force the last bit to 1).
 * A later round-to-nearest of out to at most prec(out) - 2 bits (binary32,
 * bf16, fp16, subnormals included) then equals the round-to-nearest of r
 * itself: no double-rounding error at midpoints. Returns the ternary value. */
int ab_ref_set_round_to_odd(mpfr_t out, const mpfr_t r);

#endif
