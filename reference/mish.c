/*
 * mish x·tanh(softplus(x)) and its derivative: references.
 * MPFR and fast: tanh(softplus x) and sech²(softplus x) as rational
 * functions of e^x (or e^-x for x > 0) with positive terms only (below);
 * f' is forced to -0 where it underflows left of its negative root.
 */
#include <math.h>

#include "fastref_internal.h"
#include "ref_internal.h"

/* ---- MPFR reference ------------------------------------------------------ */

/* mish = x·g, g = tanh(log(1+e^x)). With t = e^x:
 *   g = t(t+2) / (t(t+2)+2),  x·σ(x)·(1-g²) = 4x·t(1+t) / (t(t+2)+2)²,
 * and with s = e^-x for x > 0 (no overflow):
 *   g = (1+2s) / E,  E = 1+2s+2s²,  x·σ(x)·(1-g²) = 4x·s²(1+s) / E².
 * All terms positive: no cancellation but the final g + (term) for x < 0. */
static void ref_mish_parts(mpfr_t g, mpfr_t term, const mpfr_t x, mpfr_prec_t w)
{
    mpfr_t t, d, n;
    mpfr_inits2(w, t, d, n, (mpfr_ptr)0);
    if (mpfr_sgn(x) > 0) {
        mpfr_neg(t, x, MPFR_RNDN);
        mpfr_exp(t, t, MPFR_RNDN);           /* s */
        mpfr_add_ui(d, t, 1, MPFR_RNDN);     /* 1+s */
        mpfr_mul(d, d, t, MPFR_RNDN);
        mpfr_mul_2ui(d, d, 1, MPFR_RNDN);
        mpfr_add_ui(d, d, 1, MPFR_RNDN);     /* E = 1 + 2s(1+s) */
        mpfr_mul_2ui(n, t, 1, MPFR_RNDN);
        mpfr_add_ui(n, n, 1, MPFR_RNDN);
        mpfr_div(g, n, d, MPFR_RNDN);
        mpfr_add_ui(n, t, 1, MPFR_RNDN);
        mpfr_mul(n, n, t, MPFR_RNDN);
        mpfr_mul(n, n, t, MPFR_RNDN);        /* s²(1+s) */
    } else {
        mpfr_exp(t, x, MPFR_RNDN);           /* t */
        mpfr_add_ui(n, t, 2, MPFR_RNDN);
        mpfr_mul(n, n, t, MPFR_RNDN);        /* N = t(t+2) */
        mpfr_add_ui(d, n, 2, MPFR_RNDN);     /* D */
        mpfr_div(g, n, d, MPFR_RNDN);
        mpfr_add_ui(n, t, 1, MPFR_RNDN);
        mpfr_mul(n, n, t, MPFR_RNDN);        /* t(1+t) */
    }
    if (term != NULL) {
        mpfr_sqr(d, d, MPFR_RNDN);
        mpfr_div(n, n, d, MPFR_RNDN);
        mpfr_mul(n, n, x, MPFR_RNDN);
        mpfr_mul_2ui(term, n, 2, MPFR_RNDN);
    }
    mpfr_clears(t, d, n, (mpfr_ptr)0);
}

static void ref_forward(mpfr_t r, const mpfr_t x, const ab_params *p, mpfr_prec_t w)
{
    (void)p;
    if (mpfr_inf_p(x)) {
        ab_ref_set_inf_or_zero(r, mpfr_sgn(x) > 0, mpfr_sgn(x));
        return;
    }
    mpfr_t g;
    mpfr_init2(g, w);
    ref_mish_parts(g, NULL, x, w);
    mpfr_mul(r, x, g, MPFR_RNDN);
    mpfr_clear(g);
}

static void ref_derivative(mpfr_t r, const mpfr_t x, const ab_params *p, mpfr_prec_t w)
{
    (void)p;
    if (ab_ref_derivative_at_inf(r, x))
        return;
    mpfr_t g, term;
    mpfr_inits2(w, g, term, (mpfr_ptr)0);
    ref_mish_parts(g, term, x, w);
    mpfr_add(r, g, term, MPFR_RNDN);
    if (mpfr_cmp_si(x, -2) < 0) /* f' = t·((t+2)/D + 4x(1+t)/D²) < 0 there */
        ab_ref_force_negative_zero(r);
    mpfr_clears(g, term, (mpfr_ptr)0);
}

/* ---- fast reference ------------------------------------------------------ */

/* ---- mish x*T, T = tanh(softplus x) = n/(n+2), n = e(e+2), e = exp(x), for
 * x <= 0 (R(T) <= 5 EPS); for x > 0 with q = exp(-x):
 * T = (1+2q)/(1+2q+2q^2), all terms positive (R(T) <= 4 EPS). Forward
 * R = 6 EPS. Derivative T + x*sigma(x)*S, S = sech^2(softplus x) =
 * 4(1+e)^2/(n+2)^2 = 4(1+q)^2 q^2/(1+2q+2q^2)^2 (R(S) <= 9 EPS): the terms
 * cancel near x = -1.19, bound |T|*5 EPS + |x sigma S|*13 EPS + u|v|. */
static void fast_mish_parts(double x, double *tanh_sp, double *sech2_sp, double *sig)
{
    if (x <= 0) {
        double e = exp(x);
        double n = e * (e + 2.0);
        double d = n + 2.0;
        double ope = 1.0 + e;
        *tanh_sp = n / d;
        *sech2_sp = 4.0 * (ope * ope) / (d * d);
        *sig = e / ope;
    } else {
        double q = exp(-x);
        double num = 1.0 + 2.0 * q;
        double den = num + 2.0 * (q * q);
        double opq = 1.0 + q;
        *tanh_sp = num / den;
        *sech2_sp = 4.0 * (opq * opq) * (q * q) / (den * den);
        *sig = 1.0 / opq;
    }
}

/* 3/5 = tanh(ln 2) as a pair of doubles (mish at 0). */
static void three_fifths(double *hi, double *lo)
{
    *hi = 0.6;
    *lo = fma(-5.0, *hi, 3.0) / 5.0; /* the fma is exact */
}

static void fast_forward(double x, const ab_params *p, ab_fastref_value *o)
{
    (void)p;
    double t, s2, sg;
    if (fabs(x) < 0x1p-12) {
        /* 3x/5 + 8x^2/25 - 2x^3/125 - 86x^4/1875 ...: truncation below
         * 0.05 x^4. 3x/5 = q + (r + e3)/5 with 3x = h3 + e3 and the division's
         * remainder r = h3 - 5q, both exact (fma). For a float x whose
         * mantissa 5 divides, 3x/5 is itself a float and r + e3 = 0: f is
         * that float plus 8x^2/25, and an implementation 1 ULP away has an
         * error of 1 - O(x): the tail must be resolved far below x^2, which a
         * 3/5 split into two doubles (relative 2^-106) was not. */
        double h3 = 3.0 * x;
        double e3 = fma(3.0, x, -h3);
        double q = h3 / 5.0;
        double a5 = (fma(-5.0, q, h3) + e3) / 5.0;
        double x2 = x * x;
        double tl = a5 + (0.32 * x2 - 0.016 * (x2 * x));
        double err = 3 * U * fabs(a5) + 4 * U * (0.32 * x2 + 0.016 * fabs(x2 * x) + fabs(tl)) +
                     0.05 * (x2 * x2);
        set_anchored_signed(o, q, tl, err, sign_of(x), 0);
        return;
    }
    if (x > 8) {
        /* x - x 2q^2/(1+2q+2q^2), q = exp(-x): R(tail) <= 2 EPS + 4u <= 3 EPS. */
        double q = exp(-x);
        double tl = -x * (2.0 * (q * q)) / (1.0 + 2.0 * q + 2.0 * (q * q));
        set_anchored_signed(o, x, tl, 3 * EPS * fabs(tl), +1, -1);
        return;
    }
    fast_mish_parts(x, &t, &s2, &sg);
    double v = x * t;
    set(o, v, 6 * EPS * fabs(v), sign_of(x));
}

static void fast_derivative(double x, const ab_params *p, ab_fastref_value *o)
{
    (void)p;
    double t, s2, sg;
    if (fabs(x) < 0x1p-12) {
        /* 3/5 + 16x/25 - 6x^2/125 - 344x^3/1875 ...: truncation below 0.2|x|^3. */
        double c_hi, c_lo;
        three_fifths(&c_hi, &c_lo);
        double tl = c_lo + (0.64 * x - 0.048 * (x * x));
        double err = 4 * U * (0.64 * fabs(x) + 0.048 * (x * x) + fabs(tl)) + 0x1p-105 +
                     0.2 * fabs(x * x * x);
        set_anchored_signed(o, c_hi, tl, err, +1, 0);
        return;
    }
    fast_mish_parts(x, &t, &s2, &sg);
    double second = x * sg * s2;
    if (x > 8) {
        /* 1 + (x sigma S - 2q^2/den): the first term is > 4x/2.1 times the
         * second, so the difference is positive, bounded on magnitudes. */
        double q = exp(-x);
        double one_minus_t = 2.0 * (q * q) / (1.0 + 2.0 * q + 2.0 * (q * q));
        double tl = second - one_minus_t;
        double err = 13 * EPS * second + 3 * EPS * one_minus_t + U * tl;
        set_anchored_signed(o, 1.0, tl, err, +1, +1);
        return;
    }
    double v = t + second;
    double err = 5 * EPS * t + 13 * EPS * fabs(second) + U * fabs(v);
    set(o, v, err, x >= 0 ? +1 : (x < -2 ? -1 : 0));
}

const ab_ref_activation ab_ref_mish = {
    .forward = ref_forward,
    .derivative = ref_derivative,
    .fast_forward = fast_forward,
    .fast_derivative = fast_derivative,
};
