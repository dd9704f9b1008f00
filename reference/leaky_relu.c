/*
 * leaky_relu (x if x > 0 else alpha*x) and its derivative (alpha at 0):
 * references. prelu (reference/prelu.c) is the same function of one element
 * with its channel's alpha.
 * MPFR: alpha*x at working precision (exact: 24 + 53 bits), alpha = 0 at -inf
 * gives a zero of sign -sign(alpha). Fast: exact, the product alpha*x as its
 * rounded double plus the exact fma residual; the slope is the double alpha,
 * taken as exact like the MPFR reference does.
 */
#include <math.h>

#include "fastref_internal.h"
#include "ref_internal.h"

/* ---- MPFR reference ------------------------------------------------------ */

static void ref_forward(mpfr_t r, const mpfr_t x, const ab_params *p, mpfr_prec_t w)
{
    (void)w;
    if (mpfr_sgn(x) > 0) {
        mpfr_set(r, x, MPFR_RNDN);
    } else if (mpfr_inf_p(x) && p->alpha == 0.0) {
        /* alpha·x for every finite x < 0 is a zero of sign -sign(alpha) */
        mpfr_set_zero(r, signbit(p->alpha) ? +1 : -1);
    } else {
        mpfr_mul_d(r, x, p->alpha, MPFR_RNDN);
    }
}

static void ref_derivative(mpfr_t r, const mpfr_t x, const ab_params *p, mpfr_prec_t w)
{
    (void)w;
    if (mpfr_sgn(x) > 0)
        mpfr_set_ui(r, 1, MPFR_RNDN);
    else
        mpfr_set_d(r, p->alpha, MPFR_RNDN);
}

/* ---- fast reference ------------------------------------------------------ */

static void fast_forward(double x, const ab_params *p, ab_fastref_value *o)
{
    if (x > 0)
        exact(o, x);
    else
        exact_product(o, p->alpha, x);
}

static void fast_derivative(double x, const ab_params *p, ab_fastref_value *o)
{
    exact(o, x > 0 ? 1.0 : p->alpha);
}

const ab_ref_activation ab_ref_leaky_relu = {
    .forward = ref_forward,
    .derivative = ref_derivative,
    .fast_forward = fast_forward,
    .fast_derivative = fast_derivative,
};
