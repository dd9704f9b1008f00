/*
 * prelu (x if x > 0 else alpha_c*x, one alpha per channel) and its
 * derivative: references. A reference evaluates one element, whose channel's
 * slope the caller passes as params->alpha. The slopes are floats (weights
 * learned per channel), exact in binary, so unlike leaky_relu's decimal
 * hyper-parameter they are taken as they are: the shared slope helpers of
 * reference/leaky_relu.c with the binary slope (exact in both references).
 */
#include "ref_internal.h"

static void ref_forward(mpfr_t r, const mpfr_t x, const ab_params *p, mpfr_prec_t w)
{
    (void)w;
    ab_ref_slope_forward(r, x, p->alpha, false);
}

static void ref_derivative(mpfr_t r, const mpfr_t x, const ab_params *p, mpfr_prec_t w)
{
    (void)w;
    ab_ref_slope_derivative(r, x, p->alpha, false);
}

static void fast_forward(double x, const ab_params *p, ab_fastref_value *o)
{
    ab_ref_slope_fast_forward(x, p->alpha, false, o);
}

static void fast_derivative(double x, const ab_params *p, ab_fastref_value *o)
{
    ab_ref_slope_fast_derivative(x, p->alpha, false, o);
}

const ab_ref_activation ab_ref_prelu = {
    .forward = ref_forward,
    .derivative = ref_derivative,
    .fast_forward = fast_forward,
    .fast_derivative = fast_derivative,
};
