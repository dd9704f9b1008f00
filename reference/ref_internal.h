/* Shared by the reference/ files only; not part of the public API.
 *
 * Each activation's references live in reference/<activation>.c, which
 * defines `const ab_ref_activation ab_ref_<activation>`: its MPFR reference
 * and its fast reference side by side. reference_table.c binds them to the
 * ids of actbench/activation_list.def; reference.c (the MPFR evaluator) and
 * fastref.c (the fast one) reach them through ab_ref_of(). */
#ifndef ACTBENCH_REF_INTERNAL_H
#define ACTBENCH_REF_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <mpfr.h>

#include "actbench/fastref.h"

/* r := f(x) or f'(x) at working precision w (r's precision), from the
 * parameters p (never NULL). Only called for a non-NaN x; an intermediate
 * may round (reference.c rounds the result once more, to odd). */
typedef void (*ab_ref_mpfr_fn)(mpfr_t r, const mpfr_t x, const ab_params *p, mpfr_prec_t w);

/* A vector activation's row: the contract of ab_ref_eval_vector. */
typedef bool (*ab_ref_row_fn)(ab_direction dir, const float *x, const float *v, size_t n,
                              mpfr_t *out);

typedef struct ab_ref_activation {
    /* elementwise: the MPFR references (reference.c) */
    ab_ref_mpfr_fn forward, derivative;
    /* elementwise: the fast references with an error bound (fastref.h) */
    ab_fastref_fn fast_forward, fast_derivative;
    bool uses_beta; /* the exp argument is β·x, not x: more guard bits */
    /* vector activations: the whole row, both directions */
    ab_ref_row_fn row;
} ab_ref_activation;

#define ACTIVATION(name, ...) extern const ab_ref_activation ab_ref_##name;
#include "actbench/activation_list.def"
#undef ACTIVATION

/* The references of act (by its id); NULL for NULL or an id out of range. */
const ab_ref_activation *ab_ref_of(const ab_activation *act);

/* out := r rounded to odd (truncate; if inexact, force the last bit to 1).
 * A later round-to-nearest of out to at most prec(out) - 2 bits (binary32,
 * bf16, fp16, subnormals included) then equals the round-to-nearest of r
 * itself: no double-rounding error at midpoints. Returns the ternary value. */
int ab_ref_set_round_to_odd(mpfr_t out, const mpfr_t r);

/* ---- MPFR helpers (ref_mpfr_helpers.c), at working precision w -------- */

/* σ(z) with no overflow: 1/(1+e^-z) for z >= 0, e^z/(1+e^z) below. */
void ab_ref_sigma(mpfr_t r, const mpfr_t z, mpfr_prec_t w);
/* σ'(z) = σ(z)(1-σ(z)) = e^-|z| / (1+e^-|z|)^2: no 1-σ cancellation. */
void ab_ref_sigma_prime(mpfr_t r, const mpfr_t z, mpfr_prec_t w);
/* r := -0 when r is zero: the exact value is negative there although an
 * intermediate underflowed. */
void ab_ref_force_negative_zero(mpfr_t r);
/* r := ±inf (inf) or a zero (!inf) of the given sign. */
void ab_ref_set_inf_or_zero(mpfr_t r, bool inf, int sign);
/* f'(±inf) of the activations with f' -> 1 at +inf and -0 at -inf (gelu,
 * gelu_tanh, mish): sets r and returns true when x is infinite. */
bool ab_ref_derivative_at_inf(mpfr_t r, const mpfr_t x);
/* ELU scaled by `scale` (1: ELU; λ: SELU), and its derivative. */
void ab_ref_elu_scaled(mpfr_t r, const mpfr_t x, double alpha, double scale, mpfr_prec_t w);
void ab_ref_elu_scaled_prime(mpfr_t r, const mpfr_t x, double alpha, double scale,
                             mpfr_prec_t w);

/* x if x > 0 else alpha*x (leaky_relu, prelu), its derivative, and their
 * fast references: alpha taken as the shortest decimal that reads back as
 * the double (decimal: leaky_relu's hyper-parameter) or as the double itself
 * (prelu's float slopes). reference/leaky_relu.c says why. */
void ab_ref_slope_forward(mpfr_t r, const mpfr_t x, double alpha, bool decimal);
void ab_ref_slope_derivative(mpfr_t r, const mpfr_t x, double alpha, bool decimal);
void ab_ref_slope_fast_forward(double x, double alpha, bool decimal, ab_fastref_value *o);
void ab_ref_slope_fast_derivative(double x, double alpha, bool decimal, ab_fastref_value *o);

/* A vector activation of the softmax family (softmax.c): log_softmax when
 * is_log, softmax otherwise. The contract of ab_ref_eval_vector. */
bool ab_ref_softmax_family(bool is_log, ab_direction dir, const float *x, const float *v,
                           size_t n, mpfr_t *out);

#endif
