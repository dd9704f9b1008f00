/*
 * hardswish x·min(max(x+3, 0), 6)/6 and its derivative (the one-sided
 * interior limits -1/2 and 3/2 at -3 and 3): references. MPFR: x(x+3)/6
 * inside (-3, 3), the product exact; -0 for x <= -3 (x times +0). Fast:
 * x/2 + x²/6, one rounding.
 */
#include <math.h>

#include "fastref_internal.h"
#include "ref_internal.h"

/* ---- MPFR reference ------------------------------------------------------ */

static void ref_forward(mpfr_t r, const mpfr_t x, const ab_params *p, mpfr_prec_t w)
{
    (void)p;
    if (mpfr_cmp_si(x, -3) <= 0) {
        mpfr_set_zero(r, -1); /* x · (+0) with x < 0 */
    } else if (mpfr_cmp_si(x, 3) >= 0) {
        mpfr_set(r, x, MPFR_RNDN);
    } else {
        mpfr_t t;
        mpfr_init2(t, w);
        mpfr_add_ui(t, x, 3, MPFR_RNDN); /* exact */
        mpfr_mul(t, t, x, MPFR_RNDN);    /* exact; keeps -0 for x = -0 */
        mpfr_div_ui(r, t, 6, MPFR_RNDN);
        mpfr_clear(t);
    }
}

static void ref_derivative(mpfr_t r, const mpfr_t x, const ab_params *p, mpfr_prec_t w)
{
    (void)p;
    if (mpfr_cmp_si(x, -3) < 0) {
        mpfr_set_zero(r, +1);
    } else if (mpfr_cmp_si(x, 3) > 0) {
        mpfr_set_ui(r, 1, MPFR_RNDN);
    } else {
        mpfr_t t;
        mpfr_init2(t, w);
        mpfr_mul_2ui(t, x, 1, MPFR_RNDN);
        mpfr_add_ui(t, t, 3, MPFR_RNDN); /* exact */
        mpfr_div_ui(r, t, 6, MPFR_RNDN);
        mpfr_clear(t);
    }
}

/* ---- fast reference ------------------------------------------------------ */

/* ---- hardswish x*(x+3)/6 inside (-3, 3): R = 3u; x for x >= 3; zero for
 * x <= -3 (x*relu6(x+3)/6 = x*0: the sign of that zero is the one of the
 * product, -0). Derivative (2x+3)/6 on [-3, 3] (2x exact, the sum is exact
 * near its zero x = -1.5 by Sterbenz): R = 2u; 0 below, 1 above. */
static void fast_forward(double x, const ab_params *p, ab_fastref_value *o)
{
    (void)p;
    if (x <= -3) {
        exact(o, -0.0);
        return;
    }
    if (x >= 3) {
        exact(o, x);
        return;
    }
    /* x/2 + x^2/6: x/2 and x^2 exact, one rounding. */
    double t = (x * x) / 6.0;
    set_anchored_signed(o, 0.5 * x, t, U * t, sign_of(x), x != 0 ? +1 : 0);
    if (fma(t, 6.0, -(x * x)) == 0)
        o->err = 0.0; /* the division was exact, so is f (see the derivative) */
}

static void fast_derivative(double x, const ab_params *p, ab_fastref_value *o)
{
    (void)p;
    if (x < -3) {
        exact(o, 0.0);
        return;
    }
    if (x > 3) {
        exact(o, 1.0);
        return;
    }
    if (x == -1.5) {
        exact(o, 0.0);
        return;
    }
    /* 1/2 + x/3: one rounding. */
    double t = x / 3.0;
    set_anchored_signed(o, 0.5, t, U * fabs(t), sign_of(0.5 + t), sign_of(x));
    /* x/3 is exact when x's significand is a multiple of 3: then so is f,
     * and a sweep decides its float midpoints (a twelfth of the inputs)
     * and y == f without MPFR */
    if (fma(t, 3.0, -x) == 0)
        o->err = 0.0;
}

const ab_ref_activation ab_ref_hardswish = {
    .forward = ref_forward,
    .derivative = ref_derivative,
    .fast_forward = fast_forward,
    .fast_derivative = fast_derivative,
};
