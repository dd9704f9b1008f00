/*
 * GELU x·Φ(x) and its derivative Φ(x) + x·φ(x): references.
 * MPFR: Φ(x) = erfc(-x/√2)/2 (no 1+erf cancellation for x << 0); f' is
 * forced to -0 where it underflows left of its negative root. Fast: glibc
 * erfc with erfc's condition number in the bound, anchored at x/2 (tiny |x|)
 * and x (x > 1); the derivative's bound is on the magnitudes of its two
 * terms, which cancel near x = -0.7518.
 */
#include <math.h>

#include "fastref_internal.h"
#include "ref_internal.h"

/* ---- MPFR reference ------------------------------------------------------ */

/* Φ(x) = erfc(-x/√2)/2: no 1+erf cancellation for x << 0. */
static void normal_cdf(mpfr_t r, const mpfr_t x, mpfr_prec_t w)
{
    mpfr_t s;
    mpfr_init2(s, w);
    mpfr_sqrt_ui(s, 2, MPFR_RNDN);
    mpfr_div(s, x, s, MPFR_RNDN);
    mpfr_neg(s, s, MPFR_RNDN);
    mpfr_erfc(r, s, MPFR_RNDN);
    mpfr_div_2ui(r, r, 1, MPFR_RNDN);
    mpfr_clear(s);
}

static void ref_forward(mpfr_t r, const mpfr_t x, const ab_params *p, mpfr_prec_t w)
{
    (void)p;
    if (mpfr_inf_p(x)) {
        ab_ref_set_inf_or_zero(r, mpfr_sgn(x) > 0, mpfr_sgn(x));
        return;
    }
    mpfr_t c;
    mpfr_init2(c, w);
    normal_cdf(c, x, w);
    mpfr_mul(r, x, c, MPFR_RNDN);
    mpfr_clear(c);
}

static void ref_derivative(mpfr_t r, const mpfr_t x, const ab_params *p, mpfr_prec_t w)
{
    (void)p;
    if (ab_ref_derivative_at_inf(r, x))
        return;
    mpfr_t cdf, pdf, t;
    mpfr_inits2(w, cdf, pdf, t, (mpfr_ptr)0);
    normal_cdf(cdf, x, w);
    mpfr_sqr(pdf, x, MPFR_RNDN); /* exact: 48 bits */
    mpfr_div_2ui(pdf, pdf, 1, MPFR_RNDN);
    mpfr_neg(pdf, pdf, MPFR_RNDN);
    mpfr_exp(pdf, pdf, MPFR_RNDN);
    mpfr_const_pi(t, MPFR_RNDN);
    mpfr_mul_2ui(t, t, 1, MPFR_RNDN);
    mpfr_sqrt(t, t, MPFR_RNDN);
    mpfr_div(pdf, pdf, t, MPFR_RNDN); /* φ(x) */
    mpfr_mul(pdf, pdf, x, MPFR_RNDN);
    mpfr_add(r, cdf, pdf, MPFR_RNDN);
    if (mpfr_cmp_si(x, -1) < 0) /* Φ(x) < φ(x)/|x| there: f' < 0 */
        ab_ref_force_negative_zero(r);
    mpfr_clears(cdf, pdf, t, (mpfr_ptr)0);
}

/* ---- fast reference ------------------------------------------------------ */

/* ---- GELU (x/2)*erfc(t), t = -x/sqrt(2): t carries relative error 2u
 * (constant and product). erfc's condition number 2|t|e^(-t^2)/(sqrt(pi)
 * erfc t) is <= 2t^2 + 2 (from erfc t >= 2e^(-t^2)/(sqrt(pi)(t + sqrt(t^2+2)))
 * for t > 0; <= 1 for t <= 0), so R = EPS + (2t^2 + 2)*2u + u. Derivative
 * Phi + x*phi, Phi = erfc(t)/2, phi = exp(-x^2/2)/sqrt(2 pi) (x^2 exact):
 * the terms cancel near x = -0.7518, so the bound is
 * |Phi|*(EPS + (2t^2+2)*2u) + |x phi|*(EPS + 3u) + u|v|. */
static void fast_forward(double x, const ab_params *p, ab_fastref_value *o)
{
    (void)p;
    static const double inv_sqrt_2pi = 0.398942280401432677939946059934;
    if (fabs(x) < 0x1p-12) {
        /* x/2 + phi(0) (x^2 - x^4/6 + x^6/40 - ...): truncation below
         * phi(0) x^6/39; rounding 4u <= EPS. */
        double x2 = x * x;
        double tl = inv_sqrt_2pi * x2 * (1.0 - x2 / 6.0);
        set_anchored_signed(o, 0.5 * x, tl, EPS * tl + inv_sqrt_2pi * (x2 * x2 * x2) / 39.0,
                            sign_of(x), x != 0 ? +1 : 0);
        return;
    }
    if (x > 1) {
        /* x - (x/2) erfc(x/sqrt 2): R(tail) as below with t = x/sqrt 2. */
        double tp = x * M_SQRT1_2;
        double tl = -0.5 * x * erfc(tp);
        set_anchored_signed(o, x, tl, fabs(tl) * (EPS + (2 * tp * tp + 3) * 2 * U), +1, -1);
        return;
    }
    double t = -x * M_SQRT1_2;
    double v = 0.5 * x * erfc(t);
    set(o, v, fabs(v) * (EPS + (2 * t * t + 3) * 2 * U), sign_of(x));
}

static void fast_derivative(double x, const ab_params *p, ab_fastref_value *o)
{
    (void)p;
    static const double inv_sqrt_2pi = 0.398942280401432677939946059934;
    if (fabs(x) < 0x1p-12) {
        /* 1/2 + phi(0) (2x - 2x^3/3 + 3x^5/20 - ...): truncation below
         * 0.16 phi(0) |x|^5; rounding 4u <= EPS. */
        double tl = inv_sqrt_2pi * (2.0 * x - (2.0 / 3.0) * (x * x * x));
        set_anchored_signed(o, 0.5, tl,
                            EPS * fabs(tl) + 0.16 * inv_sqrt_2pi * fabs(x * x * x * x * x), +1,
                            sign_of(x));
        return;
    }
    double t = -x * M_SQRT1_2;
    double x_pdf = x * (exp(-0.5 * (x * x)) * inv_sqrt_2pi);
    if (x > 2) {
        /* 1 + (x phi(x) - Q(x)), Q = erfc(x/sqrt 2)/2 < phi(x)/x: the tail
         * is positive; bound on the magnitudes of its terms as below. */
        double q = 0.5 * erfc(-t);
        double tl = x_pdf - q;
        double err = q * (EPS + (2 * t * t + 2) * 2 * U) + x_pdf * (EPS + 3 * U) + U * tl;
        set_anchored_signed(o, 1.0, tl, err, +1, +1);
        return;
    }
    double phi_cdf = 0.5 * erfc(t);
    double v = phi_cdf + x_pdf;
    double err = phi_cdf * (EPS + (2 * t * t + 2) * 2 * U) + fabs(x_pdf) * (EPS + 3 * U) +
                 U * fabs(v);
    set(o, v, err, x >= 0 ? +1 : (x < -1 ? -1 : 0));
}

const ab_ref_activation ab_ref_gelu = {
    .forward = ref_forward,
    .derivative = ref_derivative,
    .fast_forward = fast_forward,
    .fast_derivative = fast_derivative,
};
