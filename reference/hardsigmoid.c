/*
 * hardsigmoid min(max(x+3, 0), 6)/6 and its derivative (0 at ±3):
 * references. MPFR: (x+3)/6 inside (-3, 3), x+3 exact. Fast: 1/2 + x/6,
 * one rounding.
 */
#include <math.h>

#include "fastref_internal.h"
#include "ref_internal.h"

/* ---- MPFR reference ------------------------------------------------------ */

static void ref_forward(mpfr_t r, const mpfr_t x, const ab_params *p, mpfr_prec_t w)
{
    (void)p;
    (void)w;
    if (mpfr_cmp_si(x, -3) <= 0) {
        mpfr_set_zero(r, +1);
    } else if (mpfr_cmp_si(x, 3) >= 0) {
        mpfr_set_ui(r, 1, MPFR_RNDN);
    } else {
        mpfr_add_ui(r, x, 3, MPFR_RNDN); /* exact: |x| < 3 */
        mpfr_div_ui(r, r, 6, MPFR_RNDN);
    }
}

static void ref_derivative(mpfr_t r, const mpfr_t x, const ab_params *p, mpfr_prec_t w)
{
    (void)p;
    (void)w;
    if (mpfr_cmp_si(x, -3) > 0 && mpfr_cmp_si(x, 3) < 0) {
        mpfr_set_ui(r, 1, MPFR_RNDN);
        mpfr_div_ui(r, r, 6, MPFR_RNDN);
    } else {
        mpfr_set_zero(r, +1);
    }
}

/* ---- fast reference ------------------------------------------------------ */

/* ---- hardsigmoid (x+3)/6 inside (-3, 3): R = 2u; 0 and 1 outside, exact.
 * Derivative 1/6 inside (R = u), 0 outside and at +-3. */
static void fast_forward(double x, const ab_params *p, ab_fastref_value *o)
{
    (void)p;
    if (x <= -3) {
        exact(o, 0.0);
        return;
    }
    if (x >= 3) {
        exact(o, 1.0);
        return;
    }
    /* 1/2 + x/6: the anchor is exact, the tail rounded once. */
    double t = x / 6.0;
    set_anchored_signed(o, 0.5, t, U * fabs(t), +1, sign_of(x));
    /* x/6 is exact when x's significand is a multiple of 3: then so is f,
     * and a sweep decides its midpoints and y == f without MPFR */
    if (fma(t, 6.0, -x) == 0)
        o->err = 0.0;
}

static void fast_derivative(double x, const ab_params *p, ab_fastref_value *o)
{
    (void)p;
    if (x > -3 && x < 3) {
        /* 1/6 as a pair of doubles (the fma residual is exact); the same
         * constant on the whole piece (const_id, fastref.h). */
        double hi = 1.0 / 6.0;
        set_anchored(o, hi, fma(-6.0, hi, 1.0) / 6.0, 0x1p-108, +1);
        o->const_id = 1;
    } else
        exact(o, 0.0);
}

const ab_ref_activation ab_ref_hardsigmoid = {
    .forward = ref_forward,
    .derivative = ref_derivative,
    .fast_forward = fast_forward,
    .fast_derivative = fast_derivative,
};
