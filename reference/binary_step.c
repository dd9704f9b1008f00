/*
 * binary_step (1 if x >= 0 else 0, so step(-0) = 1) and its derivative
 * (+0 everywhere: the Dirac delta at 0 is not representable): references.
 * Both exact.
 */

#include "fastref_internal.h"
#include "ref_internal.h"

/* ---- MPFR reference ------------------------------------------------------ */

static void ref_forward(mpfr_t r, const mpfr_t x, const ab_params *p, mpfr_prec_t w)
{
    (void)p;
    (void)w;
    if (mpfr_sgn(x) >= 0) /* -0 >= 0 */
        mpfr_set_ui(r, 1, MPFR_RNDN);
    else
        mpfr_set_zero(r, +1);
}

static void ref_derivative(mpfr_t r, const mpfr_t x, const ab_params *p, mpfr_prec_t w)
{
    (void)x;
    (void)p;
    (void)w;
    mpfr_set_zero(r, +1);
}

/* ---- fast reference ------------------------------------------------------ */

static void fast_forward(double x, const ab_params *p, ab_fastref_value *o)
{
    (void)p;
    exact(o, x >= 0 ? 1.0 : 0.0);
}

static void fast_derivative(double x, const ab_params *p, ab_fastref_value *o)
{
    (void)p;
    (void)x;
    exact(o, 0.0);
}

const ab_ref_activation ab_ref_binary_step = {
    .forward = ref_forward,
    .derivative = ref_derivative,
    .fast_forward = fast_forward,
    .fast_derivative = fast_derivative,
};
