/*
 * Fast references: every elementwise activation and derivative evaluated in
 * double with a rigorous per-input bound on the absolute error, so that an
 * exhaustive sweep can decide the correctly rounded binary32 value and the
 * ULP error without MPFR for almost every input, and fall back to MPFR
 * (reference.h) exactly where the bound cannot decide. The error model is in
 * reference/fastref.c, each activation's bound in reference/<activation>.c;
 * tests/test_fastref.c checks them against MPFR.
 */
#ifndef ACTBENCH_FASTREF_H
#define ACTBENCH_FASTREF_H

#include <stdbool.h>
#include <stddef.h>

#include "actbench/actbench.h"

#ifdef __cplusplus
extern "C" {
#endif

/* One fast evaluation: the exact value f(x) lies in
 * [value + tail - err, value + tail + err] (err = 0: exact). value is an
 * exact anchor (f(0), the limit 1, x itself...) and tail the small rest, so
 * that values like 0.5 + x/4 or 1 - e^-x keep their information below
 * double's resolution of the anchor (tail = 0 for a plain double value). sign is the sign the exact value is known to
 * have (+1, -1), or 0 when not known or the value may be exactly zero; it
 * decides the sign of zero when a tiny value underflows in double. For
 * x = ±inf or NaN the fast reference does not decide: err = +inf.
 * tail_sign is the sign f - value is known to have (+1, -1; 0: not known or
 * zero): it decides, where the tail underflows or is below err, that f is
 * not the anchor itself and on which side of it f lies (f < 1 for sigmoid,
 * f > x for softplus, f < x for tanh of a tiny x).
 * const_id, when nonzero, says that f is one and the same exact constant on
 * every input that gets this id from this reference (a constant piece such
 * as hardsigmoid' = 1/6 inside (-3, 3)): the sweep may then take an MPFR
 * result settled at one such input for the others with the same y. */
typedef struct ab_fastref_value {
    double value;
    double tail;
    double err;
    int sign;
    int tail_sign;
    int const_id;
} ab_fastref_value;

typedef void (*ab_fastref_fn)(double x, const ab_params *params, ab_fastref_value *out);

/* The fast reference of an activation's direction, or NULL (vector
 * activations, NULL act). */
ab_fastref_fn ab_fastref_lookup(const ab_activation *act, ab_direction dir);

/* Convenience: out[i] for the n inputs x[i]; false when there is none. */
bool ab_fastref_eval(const ab_activation *act, ab_direction dir, const ab_params *params,
                     const float *x, ab_fastref_value *out, size_t n);

#ifdef __cplusplus
}
#endif
#endif
