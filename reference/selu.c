/*
 * SELU lambda*(x if x > 0 else alpha*(e^x-1)) and its derivative
 * (lambda*alpha at 0): references.
 * MPFR: ELU scaled by lambda (ref_mpfr_helpers.c). Fast: lambda*x exact as
 * value + fma residual for x > 0; (lambda*alpha)*expm1(x): R = EPS + 2u <=
 * 2 EPS, with lambda*alpha carried as a rounded product + exact residual where
 * every input has nearly the same value (x << -1 forward, x near 0
 * derivative); derivative likewise.
 */
#include <math.h>
#include <stdbool.h>

#include "fastref_internal.h"
#include "ref_internal.h"

/* ---- MPFR reference ------------------------------------------------------ */

static void ref_forward(mpfr_t r, const mpfr_t x, const ab_params *p, mpfr_prec_t w)
{
    ab_ref_elu_scaled(r, x, p->alpha, p->lambda, w);
}

static void ref_derivative(mpfr_t r, const mpfr_t x, const ab_params *p, mpfr_prec_t w)
{
    ab_ref_elu_scaled_prime(r, x, p->alpha, p->lambda, w);
}

/* ---- fast reference ------------------------------------------------------ */

static void fast_forward(double x, const ab_params *p, ab_fastref_value *o)
{
    if (x > 0) {
        exact_product(o, p->lambda, x);
        return;
    }
    double la = p->lambda * p->alpha;
    bool la_exact = fma(p->lambda, p->alpha, -la) == 0.0; /* float parameters: yes */
    if (x < 0 && x > -0x1p-12 && la_exact) {
        scaled_expm1_tiny(o, la, x);
        return;
    }
    if (x < -1) {
        /* -(la + r) + (la + r) e^x, la = lambda*alpha rounded, r its exact
         * fma residual: as for selu' below, every input with x << -1 has
         * nearly the same value, which the sweep must place against the ULP
         * grid; 2 EPS |la| (1 - e^x) was one grid step wide. Tail -r +
         * (la e^x + r e^x): EPS + u on la e^x, EPS on r e^x, two roundings. */
        double r = fma(p->lambda, p->alpha, -la);
        double e = exp(x);
        double t = -r + (la * e + r * e);
        set_anchored(o, -la, t, 2 * EPS * fabs(la * e) + EPS * fabs(r * e) + 2 * U * fabs(t),
                     -sign_of(la));
        return;
    }
    double v = la * expm1(x);
    set(o, v, 2 * EPS * fabs(v), -1);
}

static void fast_derivative(double x, const ab_params *p, ab_fastref_value *o)
{
    if (x > 0) {
        exact(o, p->lambda);
        return;
    }
    if (x > -1) {
        /* lambda*alpha + lambda*alpha*expm1(x), the product lambda*alpha as
         * its rounded value (anchor) + exact fma residual r: near 0 every
         * input has nearly the same value, which the sweep must place
         * exactly against the ULP grid: EPS + u on the expm1 product, EPS on
         * r*em, and the two roundings of the sum. */
        double la = p->lambda * p->alpha, r = fma(p->lambda, p->alpha, -la);
        double em = expm1(x);
        double t = r + (la * em + r * em);
        set_anchored(o, la, t, 2 * EPS * fabs(la * em) + EPS * fabs(r * em) + 2 * U * fabs(t),
                     sign_of(la));
        return;
    }
    double v = (p->lambda * p->alpha) * exp(x);
    set(o, v, 2 * EPS * fabs(v), +1);
}

const ab_ref_activation ab_ref_selu = {
    .forward = ref_forward,
    .derivative = ref_derivative,
    .fast_forward = fast_forward,
    .fast_derivative = fast_derivative,
};
