/*
 * tanh and tanh' = sech^2: references.
 * MPFR: mpfr_tanh; sech^2 from mpfr_sech (sech(±inf) = +0).
 * Fast: glibc tanh, anchored at x (tiny |x|) and ±1 (|x| > 1); the
 * derivative as 4e/(1+e)^2, e = exp(-2|x|), anchored at 1 near 0.
 */
#include <math.h>

#include "fastref_internal.h"
#include "ref_internal.h"

/* ---- MPFR reference ------------------------------------------------------ */

static void ref_forward(mpfr_t r, const mpfr_t x, const ab_params *p, mpfr_prec_t w)
{
    (void)p;
    (void)w;
    mpfr_tanh(r, x, MPFR_RNDN);
}

static void ref_derivative(mpfr_t r, const mpfr_t x, const ab_params *p, mpfr_prec_t w)
{
    (void)p;
    mpfr_t s;
    mpfr_init2(s, w);
    mpfr_sech(s, x, MPFR_RNDN); /* sech(±inf) = +0 */
    mpfr_sqr(r, s, MPFR_RNDN);
    mpfr_clear(s);
}

/* ---- fast reference ------------------------------------------------------ */

/* ---- tanh: glibc tanh, R = EPS. Derivative sech^2 = 4e/(1+e)^2 with
 * e = exp(-2|x|) (2|x| exact): R = EPS + 2(EPS + u) + 2u <= 4 EPS; no
 * cancellation in either tail (1 - tanh^2 would lose everything). */
static void fast_forward(double x, const ab_params *p, ab_fastref_value *o)
{
    (void)p;
    double ax = fabs(x);
    if (ax < 0x1p-12) {
        /* x - x^3/3 + 2x^5/15 - ...: alternating, truncation < 0.14|x|^5;
         * the tail's rounding 3u <= EPS. */
        double t = -x * x * x / 3.0;
        set_anchored_signed(o, x, t, EPS * fabs(t) + 0.14 * fabs(x * x * x * x * x),
                            sign_of(x), -sign_of(x));
        return;
    }
    if (ax > 1) {
        /* sign(x) (1 - 2e/(1+e)), e = exp(-2|x|) (2|x| exact):
         * R(tail) = EPS + (EPS + u) + 2u <= 3 EPS. */
        double e = exp(-2.0 * ax);
        double t = (x < 0 ? 2.0 : -2.0) * e / (1.0 + e);
        set_anchored_signed(o, x < 0 ? -1.0 : 1.0, t, 3 * EPS * fabs(t), sign_of(x), -sign_of(x));
        return;
    }
    double v = tanh(x);
    set(o, v, EPS * fabs(v), sign_of(x));
}

static void fast_derivative(double x, const ab_params *p, ab_fastref_value *o)
{
    (void)p;
    if (fabs(x) < 0x1p-12) {
        /* 1 - x^2 + 2x^4/3 - 17x^6/45 ...: alternating, truncation < 0.4 x^6. */
        double x2 = x * x;
        double t = -x2 + (2.0 / 3.0) * (x2 * x2);
        set_anchored_signed(o, 1.0, t, EPS * fabs(t) + 0.4 * (x2 * x2 * x2), +1, -1);
        return;
    }
    double e = exp(-2.0 * fabs(x));
    double d = 1.0 + e;
    double v = 4.0 * e / (d * d);
    set(o, v, 4 * EPS * v, +1);
}

const ab_ref_activation ab_ref_tanh = {
    .forward = ref_forward,
    .derivative = ref_derivative,
    .fast_forward = fast_forward,
    .fast_derivative = fast_derivative,
};
