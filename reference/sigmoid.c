/*
 * sigmoid σ(x) = 1/(1+e^-x) and σ' = σ(1-σ): references.
 * MPFR: σ without overflow (1/(1+e^-x) for x >= 0, e^x/(1+e^x) below) and
 * σ' = e^-|x|/(1+e^-|x|)^2, without the 1-σ cancellation (ref_mpfr_helpers.c).
 * Fast: logistic_anchored (fastref_internal.h), R = 3 EPS with anchors 1/2
 * and 1; σ' = s*c (R = 7 EPS), near 0 the series 1/4 - x^2/16 + x^4/96.
 */
#include <math.h>

#include "fastref_internal.h"
#include "ref_internal.h"

/* ---- MPFR reference ------------------------------------------------------ */

static void ref_forward(mpfr_t r, const mpfr_t x, const ab_params *p, mpfr_prec_t w)
{
    (void)p;
    ab_ref_sigma(r, x, w); /* σ(+inf) = 1, σ(-inf) = +0 fall out of exp(-inf) = +0 */
}

static void ref_derivative(mpfr_t r, const mpfr_t x, const ab_params *p, mpfr_prec_t w)
{
    (void)p;
    ab_ref_sigma_prime(r, x, w);
}

/* ---- fast reference ------------------------------------------------------ */

static void fast_forward(double x, const ab_params *p, ab_fastref_value *o)
{
    (void)p;
    logistic_anchored(x, o);
}

/* Near 0, sigma' = 1/4 - z^2/16 + z^4/96 - 17 z^6/2880 ...: truncation
 * below z^6/100. */
static void fast_derivative(double x, const ab_params *p, ab_fastref_value *o)
{
    (void)p;
    if (fabs(x) < 0x1p-12) {
        double x2 = x * x;
        double t = -x2 / 16.0 + x2 * x2 / 96.0;
        set_anchored_signed(o, 0.25, t, EPS * fabs(t) + x2 * x2 * x2 / 100.0, +1, -1);
        return;
    }
    double s, c;
    logistic_pair(x, &s, &c);
    double v = s * c;
    set(o, v, 7 * EPS * v, +1);
}

const ab_ref_activation ab_ref_sigmoid = {
    .forward = ref_forward,
    .derivative = ref_derivative,
    .fast_forward = fast_forward,
    .fast_derivative = fast_derivative,
};
