/*
 * softplus (1/β)·log(1 + e^(βx)) and its derivative σ(βx): references.
 * MPFR: sp(z) = z + log1p(e^-z) for z > 0, log1p(e^z) otherwise (sums of
 * positive terms, no overflow); β = 0 is undefined: NaN. Fast: the same form
 * in double, anchored at ln 2 near 0 and at x for x > 16 (β = 1).
 */
#include <math.h>

#include "fastref_internal.h"
#include "ref_internal.h"

/* ---- MPFR reference ------------------------------------------------------ */

/* softplus = (1/β)·sp(βx), sp(z) = z + log1p(e^-z) for z > 0, log1p(e^z)
 * otherwise: both sums of positive terms, no overflow. */
static void ref_forward(mpfr_t r, const mpfr_t x, const ab_params *p, mpfr_prec_t w)
{
    if (p->beta == 0.0) {
        mpfr_set_nan(r);
        return;
    }
    mpfr_t z, e;
    mpfr_inits2(w, z, e, (mpfr_ptr)0);
    mpfr_mul_d(z, x, p->beta, MPFR_RNDN);
    if (mpfr_sgn(z) > 0) {
        mpfr_neg(e, z, MPFR_RNDN);
        mpfr_exp(e, e, MPFR_RNDN);
        mpfr_log1p(e, e, MPFR_RNDN);
        mpfr_add(z, z, e, MPFR_RNDN);  /* +inf + 0 = +inf */
    } else {
        mpfr_exp(e, z, MPFR_RNDN);
        mpfr_log1p(z, e, MPFR_RNDN);   /* z = -inf: log1p(+0) = +0 */
    }
    mpfr_div_d(r, z, p->beta, MPFR_RNDN);
    mpfr_clears(z, e, (mpfr_ptr)0);
}

static void ref_derivative(mpfr_t r, const mpfr_t x, const ab_params *p, mpfr_prec_t w)
{
    if (p->beta == 0.0) {
        mpfr_set_nan(r);
        return;
    }
    mpfr_t z;
    mpfr_init2(z, w);
    mpfr_mul_d(z, x, p->beta, MPFR_RNDN);
    ab_ref_sigma(r, z, w);
    mpfr_clear(z);
}

/* ---- fast reference ------------------------------------------------------ */

/* ---- softplus (1/beta)*log1p(exp(z)), z = beta*x, computed as
 * z + log1p(exp(-z)) for z > 0 (two positive terms). exp: EPS; log1p has
 * condition t/((1+t)log1p t) <= 1 in t, so log1p(exp(.)) <= 2 EPS + u; the
 * sum of positive terms and the division add u each: R = 3 EPS. The error
 * ez of z propagates as sigma(z)*ez/beta. Derivative sigma(z): R = 3 EPS,
 * plus (1 - sigma(z))*ez relative. */
static void fast_forward(double x, const ab_params *p, ab_fastref_value *o)
{
    double ez, z = scaled_arg(p->beta, x, &ez);
    if (p->beta == 1.0 && fabs(z) < 0x1p-12) {
        /* ln 2 + x/2 + x^2/8 - x^4/192 + x^6/2880 - ...: ln 2 as a pair of
         * doubles, truncation below x^6/2000; x/2 and x^2 are exact. */
        static const double ln2_hi = 0x1.62e42fefa39efp-1, ln2_lo = 0x1.abc9e3b39803fp-56;
        double x2 = z * z;
        double t = ln2_lo + (0.5 * z + (x2 * 0.125 - x2 * x2 / 192.0));
        double err = 0x1p-105 + 4 * U * (fabs(t) + fabs(0.5 * z)) + x2 * x2 * x2 / 2000.0;
        set_anchored_signed(o, ln2_hi, t, err, +1, 0);
        return;
    }
    if (p->beta == 1.0 && z > 16) {
        /* z + log1p(exp(-z)): the anchor x is exact, R(tail) = 2 EPS + u. */
        double t = log1p(exp(-z));
        set_anchored_signed(o, z, t, 3 * EPS * t, +1, +1);
        return;
    }
    double sp = z > 0 ? z + log1p(exp(-z)) : log1p(exp(z));
    double v = sp / p->beta;
    double s, c;
    logistic_pair(z, &s, &c);
    set(o, v, 3 * EPS * v + 1.01 * s * ez / p->beta, +1);
}

static void fast_derivative(double x, const ab_params *p, ab_fastref_value *o)
{
    double ez, z = scaled_arg(p->beta, x, &ez);
    if (ez == 0.0) {
        logistic_anchored(z, o);
        return;
    }
    double s, c;
    logistic_pair(z, &s, &c);
    set(o, s, 3 * EPS * s + 1.01 * s * c * ez, +1);
}

const ab_ref_activation ab_ref_softplus = {
    .forward = ref_forward,
    .derivative = ref_derivative,
    .fast_forward = fast_forward,
    .fast_derivative = fast_derivative,
    .uses_beta = true,
};
