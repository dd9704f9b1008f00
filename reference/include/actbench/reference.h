/*
 * MPFR references for every activation and derivative, and the ULP error of
 * docs/accuracy.md.
 *
 * Composite functions are built inside MPFR at `prec` bits from
 * cancellation-free formulations and rounded once to binary32. A reference is
 * trusted where evaluating at p and 2p bits rounds to the same binary32
 * (tests/test_reference_selfcheck.c).
 */
#ifndef ACTBENCH_REFERENCE_H
#define ACTBENCH_REFERENCE_H

#include <stdbool.h>
#include <stdint.h>
#include <mpfr.h>

#include "actbench/actbench.h"

#ifdef __cplusplus
extern "C" {
#endif

#define AB_REF_DEFAULT_PREC 128

/* Elementwise activations: out := f(x) or f'(x), computed at the precision
 * of `out` (the caller sets it; >= 64 bits). Handles ±0, ±inf (the limits),
 * NaN. The sign of an exact zero result is the one the activation's
 * definition gives (e.g. relu(-1) = +0, gelu(-inf) = -0 is documented in
 * docs/activations.md). Returns false for a vector activation. */
bool ab_ref_eval(const ab_activation *act, ab_direction dir,
                 const ab_params *params, float x, mpfr_t out);

/* The correctly rounded binary32 of the reference (round to nearest even,
 * subnormals honoured) evaluated at prec bits (0: AB_REF_DEFAULT_PREC). */
float ab_ref_float(const ab_activation *act, ab_direction dir,
                   const ab_params *params, float x, mpfr_prec_t prec);

/* Vector activations (softmax, log_softmax): out[i] := forward_i(x) or
 * (J(x)·v)_i, each mpfr_t initialised by the caller at the wanted
 * precision. v is ignored for the forward direction. Returns false for an
 * elementwise activation. */
bool ab_ref_eval_vector(const ab_activation *act, ab_direction dir,
                        const float *x, const float *v, size_t n, mpfr_t *out);

/* Round an MPFR value to binary32, round to nearest even, with binary32's
 * subnormals and overflow to ±inf. */
float ab_ref_round_to_float(const mpfr_t v);

/* Round an MPFR value to a format of `precision` bits whose smallest
 * subnormal is 2^emin_unit and whose overflow threshold is 2^emax (round to
 * nearest even, overflow to ±inf); the result is exact in a double. */
double ab_ref_round_to_format(const mpfr_t f, int precision, int emin_unit, int emax);

/* ---- ULP error ---------------------------------------------------------- */

typedef struct ab_ulp_error {
    double ulp;          /* |y - f| / U(f), rounded up; 0 for NaN cases */
    unsigned classes;    /* AB_CLASS_* this case falls in (0: ordinary) */
    bool correctly_rounded; /* y is the binary32 nearest to f (bitwise,
                               including the sign of zero; NaN for NaN) */
    bool is_nan_case;    /* f or y is NaN: excluded from the ULP statistics */
} ab_ulp_error;

/* The error of binary32 result y against the exact value f (any precision),
 * following docs/accuracy.md:
 *   U(f) = 2^max(floor(log2|f|) - 23, -149), U(0) = 2^-149;
 *   y = ±inf with f finite: y is taken as ±2^128;
 *   y = ±inf and |f| >= 2^128 with the same sign: 0. */
ab_ulp_error ab_ulp_error_of(float y, const mpfr_t f);

/* Same for a format with `precision` significand bits (24 binary32, 8 bf16,
 * 11 fp16), minimum exponent of the unit `emin_unit` (-149, -133, -24) and
 * overflow threshold 2^emax (128, 128, 16). */
ab_ulp_error ab_ulp_error_fmt(double y, const mpfr_t f, int precision,
                              int emin_unit, int emax);

#ifdef __cplusplus
}
#endif
#endif
