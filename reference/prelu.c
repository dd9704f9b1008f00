/*
 * prelu (x if x > 0 else alpha_c*x, one alpha per channel) and its
 * derivative: references. A reference evaluates one element, whose channel's
 * slope the caller passes as params->alpha: that is leaky_relu with that
 * alpha, so these forward to reference/leaky_relu.c (exact in both).
 */
#include "ref_internal.h"

static void ref_forward(mpfr_t r, const mpfr_t x, const ab_params *p, mpfr_prec_t w)
{
    ab_ref_leaky_relu.forward(r, x, p, w);
}

static void ref_derivative(mpfr_t r, const mpfr_t x, const ab_params *p, mpfr_prec_t w)
{
    ab_ref_leaky_relu.derivative(r, x, p, w);
}

static void fast_forward(double x, const ab_params *p, ab_fastref_value *o)
{
    ab_ref_leaky_relu.fast_forward(x, p, o);
}

static void fast_derivative(double x, const ab_params *p, ab_fastref_value *o)
{
    ab_ref_leaky_relu.fast_derivative(x, p, o);
}

const ab_ref_activation ab_ref_prelu = {
    .forward = ref_forward,
    .derivative = ref_derivative,
    .fast_forward = fast_forward,
    .fast_derivative = fast_derivative,
};
