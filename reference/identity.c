/*
 * identity x and its derivative 1: references. Both exact.
 */

#include "fastref_internal.h"
#include "ref_internal.h"

/* ---- MPFR reference ------------------------------------------------------ */

static void ref_forward(mpfr_t r, const mpfr_t x, const ab_params *p, mpfr_prec_t w)
{
    (void)p;
    (void)w;
    mpfr_set(r, x, MPFR_RNDN);
}

static void ref_derivative(mpfr_t r, const mpfr_t x, const ab_params *p, mpfr_prec_t w)
{
    (void)x;
    (void)p;
    (void)w;
    mpfr_set_ui(r, 1, MPFR_RNDN);
}

/* ---- fast reference ------------------------------------------------------ */

static void fast_forward(double x, const ab_params *p, ab_fastref_value *o)
{
    (void)p;
    exact(o, x);
}

static void fast_derivative(double x, const ab_params *p, ab_fastref_value *o)
{
    (void)p;
    (void)x;
    exact(o, 1.0);
}

const ab_ref_activation ab_ref_identity = {
    .forward = ref_forward,
    .derivative = ref_derivative,
    .fast_forward = fast_forward,
    .fast_derivative = fast_derivative,
};
