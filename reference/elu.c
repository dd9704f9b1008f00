/*
 * ELU (x if x > 0 else alpha*(e^x-1)) and its derivative (alpha at 0):
 * references.
 * MPFR: alpha*expm1(x) for x <= 0 (expm1(-0) = -0), alpha*e^x for f'
 * (ref_mpfr_helpers.c, shared with SELU). Fast: alpha*expm1(x) for x <= 0:
 * R = EPS + u <= 2 EPS, anchored at -alpha below -1 and by the series for
 * tiny x; derivative alpha*exp(x): same, anchored at alpha above -1.
 */

#include "fastref_internal.h"
#include "ref_internal.h"

/* ---- MPFR reference ------------------------------------------------------ */

static void ref_forward(mpfr_t r, const mpfr_t x, const ab_params *p, mpfr_prec_t w)
{
    ab_ref_elu_scaled(r, x, p->alpha, 1.0, w);
}

static void ref_derivative(mpfr_t r, const mpfr_t x, const ab_params *p, mpfr_prec_t w)
{
    ab_ref_elu_scaled_prime(r, x, p->alpha, 1.0, w);
}

/* ---- fast reference ------------------------------------------------------ */

static void fast_forward(double x, const ab_params *p, ab_fastref_value *o)
{
    if (x > 0) {
        exact(o, x);
        return;
    }
    if (x < 0 && x > -0x1p-12) {
        scaled_expm1_tiny(o, p->alpha, x);
        return;
    }
    if (x < -1) {
        /* -alpha + alpha e^x: the anchor is exact; R(tail) = EPS + u. */
        double t = p->alpha * exp(x);
        set_anchored_signed(o, -p->alpha, t, 2 * EPS * fabs(t), -sign_of(p->alpha),
                            sign_of(p->alpha));
        return;
    }
    double v = p->alpha * expm1(x);
    set(o, v, 2 * EPS * fabs(v), -1);
}

static void fast_derivative(double x, const ab_params *p, ab_fastref_value *o)
{
    if (x > 0) {
        exact(o, 1.0);
        return;
    }
    if (x > -1) {
        /* alpha + alpha expm1(x), x < 0: R(tail) = EPS + u. */
        double t = p->alpha * expm1(x);
        set_anchored_signed(o, p->alpha, t, 2 * EPS * fabs(t), sign_of(p->alpha),
                            x < 0 ? -sign_of(p->alpha) : 0);
        return;
    }
    double v = p->alpha * exp(x);
    set(o, v, 2 * EPS * fabs(v), +1);
}

const ab_ref_activation ab_ref_elu = {
    .forward = ref_forward,
    .derivative = ref_derivative,
    .fast_forward = fast_forward,
    .fast_derivative = fast_derivative,
};
