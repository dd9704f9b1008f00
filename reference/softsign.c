/*
 * softsign x/(1+|x|) and its derivative 1/(1+|x|)²: references.
 * MPFR: 1 + |x| is exact at the working precision; ±1 at ±inf. Fast: two or
 * four roundings, anchored at ±1 (|x| >= 1), x (tiny |x|) and 1 (f').
 */
#include <math.h>

#include "fastref_internal.h"
#include "ref_internal.h"

/* ---- MPFR reference ------------------------------------------------------ */

static void ref_forward(mpfr_t r, const mpfr_t x, const ab_params *p, mpfr_prec_t w)
{
    (void)p;
    if (mpfr_inf_p(x)) {
        mpfr_set_si(r, mpfr_sgn(x), MPFR_RNDN);
        return;
    }
    mpfr_t d;
    mpfr_init2(d, w);
    mpfr_abs(d, x, MPFR_RNDN);
    mpfr_add_ui(d, d, 1, MPFR_RNDN); /* exact: w > 24 + 128 */
    mpfr_div(r, x, d, MPFR_RNDN);
    mpfr_clear(d);
}

static void ref_derivative(mpfr_t r, const mpfr_t x, const ab_params *p, mpfr_prec_t w)
{
    (void)p;
    mpfr_t d;
    mpfr_init2(d, w);
    mpfr_abs(d, x, MPFR_RNDN);
    mpfr_add_ui(d, d, 1, MPFR_RNDN);
    mpfr_sqr(d, d, MPFR_RNDN);
    mpfr_ui_div(r, 1, d, MPFR_RNDN); /* 1/inf = +0 */
    mpfr_clear(d);
}

/* ---- fast reference ------------------------------------------------------ */

/* ---- softsign x/(1+|x|): two roundings, R = 2u <= EPS. Derivative
 * 1/(1+|x|)^2: R = 4u <= EPS. */
static void fast_forward(double x, const ab_params *p, ab_fastref_value *o)
{
    (void)p;
    double ax = fabs(x);
    if (ax >= 1 || ax < 0x1p-12) {
        /* sign(x) - sign(x)/(1+|x|), or x - x|x|/(1+|x|): exact anchors,
         * R(tail) <= 3u <= EPS. */
        double anchor = ax >= 1 ? (x < 0 ? -1.0 : 1.0) : x;
        double t = ax >= 1 ? -anchor / (1.0 + ax) : -x * ax / (1.0 + ax);
        set_anchored_signed(o, anchor, t, EPS * fabs(t), sign_of(x), -sign_of(x));
        return;
    }
    double v = x / (1.0 + fabs(x));
    set(o, v, EPS * fabs(v), sign_of(x));
}

static void fast_derivative(double x, const ab_params *p, ab_fastref_value *o)
{
    (void)p;
    double d = 1.0 + fabs(x);
    if (fabs(x) < 1) {
        /* 1 - (2|x| + x^2)/(1+|x|)^2: R(tail) <= 6u <= EPS. */
        double t = -(2.0 * fabs(x) + x * x) / (d * d);
        set_anchored_signed(o, 1.0, t, EPS * fabs(t), +1, -1);
        return;
    }
    double v = 1.0 / (d * d);
    set(o, v, EPS * v, +1);
}

const ab_ref_activation ab_ref_softsign = {
    .forward = ref_forward,
    .derivative = ref_derivative,
    .fast_forward = fast_forward,
    .fast_derivative = fast_derivative,
};
