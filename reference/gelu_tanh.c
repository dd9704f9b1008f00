/*
 * gelu_tanh (x/2)(1 + tanh u), u = √(2/π)(x + 0.044715x³), and its
 * derivative: references.
 * MPFR: x·σ(2u) (1 + tanh u cancels for x << 0, σ does not), with 0.044715
 * and √(2/π) the exact real numbers; f' = σ(2u) + 2x·σ'(2u)·u', forced to -0
 * where it underflows left of its negative root. Fast: the same forms in
 * double with the argument's error carried (below).
 */
#include <math.h>

#include "fastref_internal.h"
#include "ref_internal.h"

/* ---- MPFR reference ------------------------------------------------------ */

/* gelu_tanh: (x/2)(1+tanh u) = x·σ(2u), u = √(2/π)(x + 0.044715 x³);
 * 0.044715 and √(2/π) are the exact real numbers. Sets z = 2u and
 * du = u'(x) = √(2/π)(1 + 3·0.044715 x²). */
static void gelu_tanh_args(mpfr_t z, mpfr_t du, const mpfr_t x, mpfr_prec_t w)
{
    mpfr_t k, c, x2;
    mpfr_inits2(w, k, c, x2, (mpfr_ptr)0);
    mpfr_const_pi(k, MPFR_RNDN);
    mpfr_ui_div(k, 2, k, MPFR_RNDN);
    mpfr_sqrt(k, k, MPFR_RNDN);
    mpfr_set_ui(c, 44715, MPFR_RNDN);
    mpfr_div_ui(c, c, 1000000, MPFR_RNDN);
    mpfr_sqr(x2, x, MPFR_RNDN); /* exact */
    mpfr_mul(z, c, x2, MPFR_RNDN);
    mpfr_add_ui(z, z, 1, MPFR_RNDN); /* 1 + c x² > 0: no cancellation */
    mpfr_mul(z, z, x, MPFR_RNDN);
    mpfr_mul(z, z, k, MPFR_RNDN);
    mpfr_mul_2ui(z, z, 1, MPFR_RNDN);
    mpfr_mul_ui(du, c, 3, MPFR_RNDN);
    mpfr_mul(du, du, x2, MPFR_RNDN);
    mpfr_add_ui(du, du, 1, MPFR_RNDN);
    mpfr_mul(du, du, k, MPFR_RNDN);
    mpfr_clears(k, c, x2, (mpfr_ptr)0);
}

static void ref_forward(mpfr_t r, const mpfr_t x, const ab_params *p, mpfr_prec_t w)
{
    (void)p;
    if (mpfr_inf_p(x)) {
        ab_ref_set_inf_or_zero(r, mpfr_sgn(x) > 0, mpfr_sgn(x));
        return;
    }
    mpfr_t z, du;
    mpfr_inits2(w, z, du, (mpfr_ptr)0);
    gelu_tanh_args(z, du, x, w);
    ab_ref_sigma(z, z, w);
    mpfr_mul(r, x, z, MPFR_RNDN);
    mpfr_clears(z, du, (mpfr_ptr)0);
}

/* f' = σ(2u) + 2x·σ'(2u)·u'  (= (1+tanh u)/2 + (x/2) sech²u · u') */
static void ref_derivative(mpfr_t r, const mpfr_t x, const ab_params *p, mpfr_prec_t w)
{
    (void)p;
    if (ab_ref_derivative_at_inf(r, x))
        return;
    mpfr_t z, du, s, ds;
    mpfr_inits2(w, z, du, s, ds, (mpfr_ptr)0);
    gelu_tanh_args(z, du, x, w);
    ab_ref_sigma(s, z, w);
    ab_ref_sigma_prime(ds, z, w);
    mpfr_mul(ds, ds, du, MPFR_RNDN);
    mpfr_mul(ds, ds, x, MPFR_RNDN);
    mpfr_mul_2ui(ds, ds, 1, MPFR_RNDN);
    mpfr_add(r, s, ds, MPFR_RNDN);
    if (mpfr_cmp_si(x, -1) < 0) /* 1 + 2x u'(1-σ(2u)) < 0 there */
        ab_ref_force_negative_zero(r);
    mpfr_clears(z, du, s, ds, (mpfr_ptr)0);
}

/* ---- fast reference ------------------------------------------------------ */

/* ---- gelu_tanh (x/2)(1 + tanh u) = x*sigma(z), z = 2u =
 * 2 sqrt(2/pi)(x + 0.044715 x^3) (1 + tanh u cancels for x << 0; sigma does
 * not). z has relative error <= 6u (two constants, x^3, the product by the
 * constant, a sum of same-sign terms), so ez = 6u|z|. Forward:
 * R = 3 EPS + u + c*ez. Derivative sigma(z)*(1 + w), w = 2 sqrt(2/pi) x
 * (1 + 3*0.044715 x^2) sigma(-z) (from 1 - tanh^2 u = 4 sigma(z) sigma(-z));
 * 1 + w vanishes near x = -0.75: bound on the magnitudes
 * |s w|(3 EPS + 9u + s ez) + |s (1+w)|(3 EPS + c ez) + u|v|. */
static const double gelu_tanh_k = 0.797884560802865355879892119869; /* sqrt(2/pi) */
static const double gelu_tanh_c = 0.044715;

static double gelu_tanh_z(double x, double *ez)
{
    double x2 = x * x;
    double z = 2.0 * gelu_tanh_k * (x + gelu_tanh_c * (x2 * x));
    *ez = 6 * U * fabs(z);
    return z;
}

static void fast_forward(double x, const ab_params *p, ab_fastref_value *o)
{
    (void)p;
    double ez, z = gelu_tanh_z(x, &ez);
    double s, c;
    if (fabs(z) < 0x1p-12) {
        /* x/2 + x (sigma(z) - 1/2): the anchor is exact. */
        double terr, t = logistic_small_tail(z, ez, &terr);
        double xt = x * t;
        set_anchored_signed(o, 0.5 * x, xt, fabs(x) * terr + U * fabs(xt), sign_of(x),
                            x != 0 ? +1 : 0);
        return;
    }
    logistic_pair(z, &s, &c);
    if (x > 1) {
        /* x - x sigma(-z): R(tail) = 3 EPS + u + s ez. From x = 1 on
         * (sigma(-z) < 0.16) the bound is relative to the small tail,
         * not to f: a sweep then tells f's distance to the floats near x
         * without MPFR. */
        double t = -x * c;
        set_anchored_signed(o, x, t, fabs(t) * (4 * EPS + ez), +1, -1);
        return;
    }
    double v = x * s;
    set(o, v, fabs(v) * (4 * EPS + c * ez), sign_of(x));
}

static void fast_derivative(double x, const ab_params *p, ab_fastref_value *o)
{
    (void)p;
    double ez, z = gelu_tanh_z(x, &ez);
    double s, c;
    logistic_pair(z, &s, &c);
    double w = 2.0 * gelu_tanh_k * x * (1.0 + 3.0 * gelu_tanh_c * (x * x)) * c;
    if (fabs(z) < 0x1p-12 || x > 1) {
        /* 1/2 + (sigma(z) - 1/2) + s w, or 1 + (s w - c) where s w > 1.5 c
         * for x > 1 (s w / c grows with x; the tail's sign is +, f' > 1
         * from x = 0.75 on): the bound below is on the terms' magnitudes,
         * so it holds through the cancellation. */
        double terr, t, anchor;
        if (x > 1) {
            anchor = 1.0;
            t = -c;
            terr = 1.01 * c * (3 * EPS + ez);
        } else {
            anchor = 0.5;
            t = logistic_small_tail(z, ez, &terr);
        }
        double sw = s * w;
        double tl = t + sw;
        double err = terr + 1.01 * fabs(sw) * (3 * EPS + 9 * U + ez) + U * fabs(tl);
        set_anchored_signed(o, anchor, tl, err, +1, sign_of(x));
        return;
    }
    double v = s * (1.0 + w);
    double err = fabs(s * w) * (3 * EPS + 9 * U + s * ez) +
                 fabs(s * (1.0 + w)) * (3 * EPS + c * ez) + U * fabs(v);
    set(o, v, err, x >= 0 ? +1 : (x < -2 ? -1 : 0));
}

const ab_ref_activation ab_ref_gelu_tanh = {
    .forward = ref_forward,
    .derivative = ref_derivative,
    .fast_forward = fast_forward,
    .fast_derivative = fast_derivative,
};
