/*
 * SiLU x·σ(βx) and its derivative σ(z) + z·σ'(z), z = βx: references.
 * MPFR: σ and σ' without cancellation (ref_mpfr_helpers.c); β = 0 is x/2;
 * f' is forced to -0 where it underflows left of its negative root.
 * Fast: below; the error of z = βx is carried.
 */
#include <math.h>

#include "fastref_internal.h"
#include "ref_internal.h"

/* ---- MPFR reference ------------------------------------------------------ */

static void ref_forward(mpfr_t r, const mpfr_t x, const ab_params *p, mpfr_prec_t w)
{
    if (p->beta == 0.0) {
        mpfr_div_2ui(r, x, 1, MPFR_RNDN);
        return;
    }
    mpfr_t z;
    mpfr_init2(z, w);
    mpfr_mul_d(z, x, p->beta, MPFR_RNDN); /* exact: 24 + 53 bits < w */
    if (mpfr_inf_p(x)) {
        /* z -> +inf: f -> x; z -> -inf: x·σ(z) -> 0 with x's sign */
        ab_ref_set_inf_or_zero(r, mpfr_sgn(z) > 0, mpfr_sgn(x));
    } else {
        ab_ref_sigma(z, z, w);
        mpfr_mul(r, x, z, MPFR_RNDN);
    }
    mpfr_clear(z);
}

/* f' = σ(z) + z·σ'(z), z = βx */
static void ref_derivative(mpfr_t r, const mpfr_t x, const ab_params *p, mpfr_prec_t w)
{
    if (p->beta == 0.0) {
        mpfr_set_d(r, 0.5, MPFR_RNDN);
        return;
    }
    mpfr_t z, s, ds;
    mpfr_inits2(w, z, s, ds, (mpfr_ptr)0);
    mpfr_mul_d(z, x, p->beta, MPFR_RNDN);
    if (mpfr_inf_p(z)) {
        if (mpfr_sgn(z) > 0)
            mpfr_set_ui(r, 1, MPFR_RNDN);
        else
            mpfr_set_zero(r, -1);
    } else {
        ab_ref_sigma(s, z, w);
        ab_ref_sigma_prime(ds, z, w);
        mpfr_mul(ds, ds, z, MPFR_RNDN);
        mpfr_add(r, s, ds, MPFR_RNDN);
        if (mpfr_cmp_si(z, -2) < 0) /* 1 + z·σ(-z) < 0 there */
            ab_ref_force_negative_zero(r);
    }
    mpfr_clears(z, s, ds, (mpfr_ptr)0);
}

/* ---- fast reference ------------------------------------------------------ */

/* ---- SiLU x*sigma(z), z = beta*x: R = 3 EPS + u + (1 - sigma)*ez.
 * Derivative s*(1 + z*c) (s = sigma(z), c = sigma(-z)): 1 + z*c vanishes
 * near z = -1.278, so the bound is built on the magnitudes of the terms:
 * |s|*(|t| + |g|)*4 EPS with t = z*c, g = 1 + t, plus the propagation of ez
 * through s, c and t: s*c*ez*(1 + |g| + |z|*s). */
static void fast_forward(double x, const ab_params *p, ab_fastref_value *o)
{
    double ez, z = scaled_arg(p->beta, x, &ez);
    double s, c;
    if (p->beta == 1.0 && fabs(z) < 0x1p-12) {
        /* x/2 + x (sigma(x) - 1/2): the anchor is exact. */
        double terr, t = logistic_small_tail(z, 0.0, &terr);
        double xt = x * t;
        set_anchored_signed(o, 0.5 * x, xt, fabs(x) * terr + U * fabs(xt), sign_of(x),
                            x != 0 ? +1 : 0);
        return;
    }
    logistic_pair(z, &s, &c);
    if (p->beta == 1.0 && z > 8) {
        /* x - x sigma(-x): R(tail) = 3 EPS + u. */
        double t = -x * c;
        set_anchored_signed(o, x, t, 4 * EPS * fabs(t), +1, -1);
        return;
    }
    double v = x * s;
    set(o, v, fabs(v) * (4 * EPS + c * ez), sign_of(x));
}

static void fast_derivative(double x, const ab_params *p, ab_fastref_value *o)
{
    double ez, z = scaled_arg(p->beta, x, &ez);
    double s, c;
    if (p->beta == 1.0 && fabs(z) < 0x1p-12) {
        /* 1/2 + z/2 - z^3/12 + z^5/80 - ...: truncation below |z|^5/40. */
        double t = 0.5 * z - z * z * z / 12.0;
        set_anchored_signed(o, 0.5, t, EPS * fabs(t) + fabs(z * z * z * z * z) / 40.0, +1,
                            sign_of(z));
        return;
    }
    logistic_pair(z, &s, &c);
    if (p->beta == 1.0 && z > 8) {
        /* 1 + sigma(-z) (z sigma(z) - 1), z sigma(z) - 1 > 6 (no cancellation):
         * R(tail) <= 1.15 (3 EPS + u) + u + 3 EPS + u <= 8 EPS. */
        double t = c * (s * z - 1.0);
        set_anchored_signed(o, 1.0, t, 8 * EPS * t, +1, +1);
        return;
    }
    double t = z * c;
    double g = 1.0 + t;
    double v = s * g;
    double err = s * (fabs(t) + fabs(g)) * 4 * EPS + U * fabs(v) +
                 s * c * ez * (1.0 + fabs(g) + fabs(z) * s);
    set(o, v, err, z >= 0 ? +1 : (z < -2 ? -1 : 0));
}

const ab_ref_activation ab_ref_silu = {
    .forward = ref_forward,
    .derivative = ref_derivative,
    .fast_forward = fast_forward,
    .fast_derivative = fast_derivative,
    .uses_beta = true,
};
