/*
 * Fast references in double with a rigorous per-input absolute error bound.
 *
 * Model of the error (u = 2^-53, the unit roundoff of double):
 *   - each +, -, *, / of doubles: relative error <= u (round to nearest);
 *     products of a float by a float and scalings by powers of 2 are exact;
 *   - each glibc double exp, expm1, log1p, tanh, erfc: relative error
 *     <= EPS = 2^-49 (glibc documents <= 1 ulp for exp/expm1/log1p/tanh and
 *     a few ulps for erfc; 1 ulp <= 2^-52 relative, so 2^-49 leaves 8 ulps);
 *   - an error in an argument z propagates with the condition number
 *     |z f'(z) / f(z)|; where the argument itself is computed (z = beta*x,
 *     t = -x/sqrt 2, the gelu_tanh polynomial), its absolute error is carried
 *     and multiplied by |f'(z)|.
 * Each function below states its first-order relative bound R (or a bound
 * built from the magnitudes of its terms where they cancel, e.g. near the
 * zero of gelu'). The returned err is 2 * (first-order bound) + TINY: the
 * factor 2 covers the second-order terms (all first-order terms are below
 * 2^-35, so their products are below 2^-70), and TINY = 2^-900 covers double
 * underflow (a subnormal or flushed exp() contributes an absolute error
 * below 2^-1074 * 2^128 = 2^-946, far below any binary32 rounding
 * boundary). Exactly computed cases (relu, identity, ...) return err = 0.
 * tests/test_fastref.c measures |value - MPFR| / err over millions of inputs
 * and requires it to be <= 1 (and reports the observed maximum).
 *
 * Non-finite x (and nothing else) is left to MPFR: err = +inf.
 */
#include <math.h>
#include <string.h>

#include "actbench/fastref.h"

#define U 0x1p-53
#define EPS 0x1p-49
#define TINY 0x1p-900

static void set(ab_fastref_value *o, double v, double first_order_err, int sign)
{
    o->value = v;
    o->tail = 0.0;
    o->err = 2.0 * first_order_err + TINY;
    o->sign = sign;
    o->tail_sign = 0;
}

/* f = anchor + tail, the error bound being on the tail alone. */
static void set_anchored(ab_fastref_value *o, double anchor, double tail,
                         double first_order_err, int sign)
{
    o->value = anchor;
    o->tail = tail;
    o->err = 2.0 * first_order_err + TINY;
    o->sign = sign;
    o->tail_sign = 0;
}

/* The same, when f - anchor is known to be nonzero with the sign tail_sign
 * (f < 1 for sigmoid, f > x for softplus...): that knowledge survives where
 * the tail underflows in double or is smaller than err, and tells the sweep
 * that y == anchor is not exact and on which side of a power of 2 f lies. */
static void set_anchored_signed(ab_fastref_value *o, double anchor, double tail,
                                double first_order_err, int sign, int tail_sign)
{
    set_anchored(o, anchor, tail, first_order_err, sign);
    o->tail_sign = tail_sign;
}

/* sigma(z) - 1/2 for |z| < 2^-12: z/4 - z^3/48, truncation below
 * |z|^5/480 (alternating series with decreasing terms), rounding 2u
 * relative; an error ez in z adds ez/4 (sigma' <= 1/4). */
static double logistic_small_tail(double z, double ez, double *err)
{
    double t = z * 0.25 - z * z * z / 48.0;
    *err = EPS * fabs(t) + fabs(z * z * z * z * z) / 480.0 + 0.25 * ez;
    return t;
}

static void exact(ab_fastref_value *o, double v)
{
    o->value = v;
    o->tail = 0.0;
    o->err = 0.0;
    o->sign = 0;
    o->tail_sign = 0;
}

static int sign_of(double v)
{
    return (v > 0) - (v < 0);
}

/* The exact product a*x as value + error (fma gives the rounding error of a
 * double product exactly), for the linear pieces with a double slope. */
static void exact_product(ab_fastref_value *o, double a, double x)
{
    double p = a * x;
    o->value = p;
    o->tail = 0.0;
    o->err = fabs(fma(a, x, -p));
    o->sign = sign_of(p);
    o->tail_sign = 0;
}

/* s = sigma(z) and c = sigma(-z) = 1 - s without cancellation, each with
 * relative error <= 3 EPS for an exact z: e = exp(-|z|) (EPS), 1 + e
 * (<= EPS + u since e <= 1), one division (u). */
static void logistic_pair(double z, double *s, double *c)
{
    double e = exp(-fabs(z));
    double d = 1.0 + e;
    if (z >= 0) {
        *s = 1.0 / d;
        *c = e / d;
    } else {
        *s = e / d;
        *c = 1.0 / d;
    }
}

/* ---- sigmoid: R = 3 EPS (logistic_pair); derivative s*c: R = 7 EPS. */
/* Anchors, so that the binade and the rounding of values next to a power
 * of 2 are decided: for |z| < 2^-12, sigma(z) = 1/2 + z/4 - z^3/48 with a
 * truncation error below |z|^5/480 (alternating series with decreasing
 * terms) and the tail's own rounding (2u relative); for z > 0,
 * sigma(z) = 1 - sigma(-z) with the 3 EPS bound on the tail. */
static void logistic_anchored(double z, ab_fastref_value *o)
{
    double s, c;
    if (fabs(z) < 0x1p-12) {
        double err, t = logistic_small_tail(z, 0.0, &err);
        set_anchored_signed(o, 0.5, t, err, +1, sign_of(z));
        return;
    }
    logistic_pair(z, &s, &c);
    if (z > 0)
        set_anchored_signed(o, 1.0, -c, 3 * EPS * c, +1, -1);
    else
        set(o, s, 3 * EPS * s, +1);
}
static void sigmoid_f(double x, const ab_params *p, ab_fastref_value *o)
{
    (void)p;
    logistic_anchored(x, o);
}
/* Near 0, sigma' = 1/4 - z^2/16 + z^4/96 - 17 z^6/2880 ...: truncation
 * below z^6/100. */
static void sigmoid_d(double x, const ab_params *p, ab_fastref_value *o)
{
    (void)p;
    if (fabs(x) < 0x1p-12) {
        double x2 = x * x;
        double t = -x2 / 16.0 + x2 * x2 / 96.0;
        set_anchored_signed(o, 0.25, t, EPS * fabs(t) + x2 * x2 * x2 / 100.0, +1, -1);
        return;
    }
    double s, c;
    logistic_pair(x, &s, &c);
    double v = s * c;
    set(o, v, 7 * EPS * v, +1);
}

/* ---- tanh: glibc tanh, R = EPS. Derivative sech^2 = 4e/(1+e)^2 with
 * e = exp(-2|x|) (2|x| exact): R = EPS + 2(EPS + u) + 2u <= 4 EPS; no
 * cancellation in either tail (1 - tanh^2 would lose everything). */
static void tanh_f(double x, const ab_params *p, ab_fastref_value *o)
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
static void tanh_d(double x, const ab_params *p, ab_fastref_value *o)
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

/* ---- ReLU family, binary step, identity: exact (slopes are the doubles
 * of ab_params, taken as exact like the MPFR reference does; a slope times
 * x is exact as value + fma residual). */
static void relu_f(double x, const ab_params *p, ab_fastref_value *o)
{
    (void)p;
    exact(o, x > 0 ? x : 0.0);
}
static void relu_d(double x, const ab_params *p, ab_fastref_value *o)
{
    (void)p;
    exact(o, x > 0 ? 1.0 : 0.0);
}
static void leaky_f(double x, const ab_params *p, ab_fastref_value *o)
{
    if (x > 0)
        exact(o, x);
    else
        exact_product(o, p->alpha, x);
}
static void leaky_d(double x, const ab_params *p, ab_fastref_value *o)
{
    exact(o, x > 0 ? 1.0 : p->alpha);
}
static void step_f(double x, const ab_params *p, ab_fastref_value *o)
{
    (void)p;
    exact(o, x >= 0 ? 1.0 : 0.0);
}
static void step_d(double x, const ab_params *p, ab_fastref_value *o)
{
    (void)p;
    (void)x;
    exact(o, 0.0);
}
static void identity_f(double x, const ab_params *p, ab_fastref_value *o)
{
    (void)p;
    exact(o, x);
}
static void identity_d(double x, const ab_params *p, ab_fastref_value *o)
{
    (void)p;
    (void)x;
    exact(o, 1.0);
}

/* a*expm1(x) for tiny x < 0 (|x| < 2^-12): a*x as its rounded product
 * (value) + the exact fma residual + a(x^2/2 + x^3/6) (truncation below
 * |a| x^4/23; x^2 exact, 4u on the rest). */
static void scaled_expm1_tiny(ab_fastref_value *o, double a, double x)
{
    double v = a * x, x2 = x * x;
    double poly = a * (0.5 * x2 + x2 * x / 6.0);
    double tl = fma(a, x, -v) + poly;
    set_anchored_signed(o, v, tl, 4 * U * (fabs(poly) + fabs(tl)) + fabs(a) * (x2 * x2) / 23.0,
                        -sign_of(a), 0);
}

/* ---- ELU: alpha*expm1(x) for x <= 0: R = EPS + u <= 2 EPS; derivative
 * alpha*exp(x): same. SELU: lambda*x exact as value + residual for x > 0;
 * (lambda*alpha)*expm1(x): R = EPS + 2u <= 2 EPS; derivative likewise. */
static void elu_f(double x, const ab_params *p, ab_fastref_value *o)
{
    if (x > 0) {
        exact(o, x);
        return;
    }
    if (x < 0 && x > -0x1p-12) {
        scaled_expm1_tiny(o, p->alpha, x);
        return;
    }
    if (x < -1) {
        /* -alpha + alpha e^x: the anchor is exact; R(tail) = EPS + u. */
        double t = p->alpha * exp(x);
        set_anchored_signed(o, -p->alpha, t, 2 * EPS * fabs(t), -sign_of(p->alpha),
                            sign_of(p->alpha));
        return;
    }
    double v = p->alpha * expm1(x);
    set(o, v, 2 * EPS * fabs(v), -1);
}
static void elu_d(double x, const ab_params *p, ab_fastref_value *o)
{
    if (x > 0) {
        exact(o, 1.0);
        return;
    }
    if (x > -1) {
        /* alpha + alpha expm1(x), x < 0: R(tail) = EPS + u. */
        double t = p->alpha * expm1(x);
        set_anchored_signed(o, p->alpha, t, 2 * EPS * fabs(t), sign_of(p->alpha),
                            x < 0 ? -sign_of(p->alpha) : 0);
        return;
    }
    double v = p->alpha * exp(x);
    set(o, v, 2 * EPS * fabs(v), +1);
}
static void selu_f(double x, const ab_params *p, ab_fastref_value *o)
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
static void selu_d(double x, const ab_params *p, ab_fastref_value *o)
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

/* z = beta*x and the absolute error of that product (0 when beta = 1). */
static double scaled_arg(double beta, double x, double *z_err)
{
    double z = beta * x;
    *z_err = fabs(fma(beta, x, -z));
    return z;
}

/* ---- softplus (1/beta)*log1p(exp(z)), z = beta*x, computed as
 * z + log1p(exp(-z)) for z > 0 (two positive terms). exp: EPS; log1p has
 * condition t/((1+t)log1p t) <= 1 in t, so log1p(exp(.)) <= 2 EPS + u; the
 * sum of positive terms and the division add u each: R = 3 EPS. The error
 * ez of z propagates as sigma(z)*ez/beta. Derivative sigma(z): R = 3 EPS,
 * plus (1 - sigma(z))*ez relative. */
static void softplus_f(double x, const ab_params *p, ab_fastref_value *o)
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
static void softplus_d(double x, const ab_params *p, ab_fastref_value *o)
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

/* ---- SiLU x*sigma(z), z = beta*x: R = 3 EPS + u + (1 - sigma)*ez.
 * Derivative s*(1 + z*c) (s = sigma(z), c = sigma(-z)): 1 + z*c vanishes
 * near z = -1.278, so the bound is built on the magnitudes of the terms:
 * |s|*(|t| + |g|)*4 EPS with t = z*c, g = 1 + t, plus the propagation of ez
 * through s, c and t: s*c*ez*(1 + |g| + |z|*s). */
static void silu_f(double x, const ab_params *p, ab_fastref_value *o)
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
static void silu_d(double x, const ab_params *p, ab_fastref_value *o)
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

/* ---- softsign x/(1+|x|): two roundings, R = 2u <= EPS. Derivative
 * 1/(1+|x|)^2: R = 4u <= EPS. */
static void softsign_f(double x, const ab_params *p, ab_fastref_value *o)
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
static void softsign_d(double x, const ab_params *p, ab_fastref_value *o)
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

/* ---- hardsigmoid (x+3)/6 inside (-3, 3): R = 2u; 0 and 1 outside, exact.
 * Derivative 1/6 inside (R = u), 0 outside and at +-3. */
static void hardsigmoid_f(double x, const ab_params *p, ab_fastref_value *o)
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
}
static void hardsigmoid_d(double x, const ab_params *p, ab_fastref_value *o)
{
    (void)p;
    if (x > -3 && x < 3) {
        /* 1/6 as a pair of doubles (the fma residual is exact). */
        double hi = 1.0 / 6.0;
        set_anchored(o, hi, fma(-6.0, hi, 1.0) / 6.0, 0x1p-108, +1);
    } else
        exact(o, 0.0);
}

/* ---- hardswish x*(x+3)/6 inside (-3, 3): R = 3u; x for x >= 3; zero for
 * x <= -3 (x*relu6(x+3)/6 = x*0: the sign of that zero is the one of the
 * product, -0). Derivative (2x+3)/6 on [-3, 3] (2x exact, the sum is exact
 * near its zero x = -1.5 by Sterbenz): R = 2u; 0 below, 1 above. */
static void hardswish_f(double x, const ab_params *p, ab_fastref_value *o)
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
}
static void hardswish_d(double x, const ab_params *p, ab_fastref_value *o)
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
}

/* ---- GELU (x/2)*erfc(t), t = -x/sqrt(2): t carries relative error 2u
 * (constant and product). erfc's condition number 2|t|e^(-t^2)/(sqrt(pi)
 * erfc t) is <= 2t^2 + 2 (from erfc t >= 2e^(-t^2)/(sqrt(pi)(t + sqrt(t^2+2)))
 * for t > 0; <= 1 for t <= 0), so R = EPS + (2t^2 + 2)*2u + u. Derivative
 * Phi + x*phi, Phi = erfc(t)/2, phi = exp(-x^2/2)/sqrt(2 pi) (x^2 exact):
 * the terms cancel near x = -0.7518, so the bound is
 * |Phi|*(EPS + (2t^2+2)*2u) + |x phi|*(EPS + 3u) + u|v|. */
static void gelu_f(double x, const ab_params *p, ab_fastref_value *o)
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
static void gelu_d(double x, const ab_params *p, ab_fastref_value *o)
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
static void gelu_tanh_f(double x, const ab_params *p, ab_fastref_value *o)
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
    if (x > 8) {
        /* x - x sigma(-z): R(tail) = 3 EPS + u + s ez. */
        double t = -x * c;
        set_anchored_signed(o, x, t, fabs(t) * (4 * EPS + ez), +1, -1);
        return;
    }
    double v = x * s;
    set(o, v, fabs(v) * (4 * EPS + c * ez), sign_of(x));
}
static void gelu_tanh_d(double x, const ab_params *p, ab_fastref_value *o)
{
    (void)p;
    double ez, z = gelu_tanh_z(x, &ez);
    double s, c;
    logistic_pair(z, &s, &c);
    double w = 2.0 * gelu_tanh_k * x * (1.0 + 3.0 * gelu_tanh_c * (x * x)) * c;
    if (fabs(z) < 0x1p-12 || x > 8) {
        /* 1/2 + (sigma(z) - 1/2) + s w, or 1 + (s w - c) where s w > 100 c:
         * same-sign terms (or a negligible cancellation), bounded as below. */
        double terr, t, anchor;
        if (x > 8) {
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

/* ---- mish x*T, T = tanh(softplus x) = n/(n+2), n = e(e+2), e = exp(x), for
 * x <= 0 (R(T) <= 5 EPS); for x > 0 with q = exp(-x):
 * T = (1+2q)/(1+2q+2q^2), all terms positive (R(T) <= 4 EPS). Forward
 * R = 6 EPS. Derivative T + x*sigma(x)*S, S = sech^2(softplus x) =
 * 4(1+e)^2/(n+2)^2 = 4(1+q)^2 q^2/(1+2q+2q^2)^2 (R(S) <= 9 EPS): the terms
 * cancel near x = -1.19, bound |T|*5 EPS + |x sigma S|*13 EPS + u|v|. */
static void mish_parts(double x, double *tanh_sp, double *sech2_sp, double *sig)
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

static void mish_f(double x, const ab_params *p, ab_fastref_value *o)
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
    mish_parts(x, &t, &s2, &sg);
    double v = x * t;
    set(o, v, 6 * EPS * fabs(v), sign_of(x));
}
static void mish_d(double x, const ab_params *p, ab_fastref_value *o)
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
    mish_parts(x, &t, &s2, &sg);
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

typedef struct fastref_entry {
    const char *activation;
    ab_fastref_fn forward, derivative;
} fastref_entry;

static const fastref_entry table[] = {
    {"sigmoid", sigmoid_f, sigmoid_d},
    {"tanh", tanh_f, tanh_d},
    {"relu", relu_f, relu_d},
    {"leaky_relu", leaky_f, leaky_d},
    {"prelu", leaky_f, leaky_d},
    {"elu", elu_f, elu_d},
    {"selu", selu_f, selu_d},
    {"gelu", gelu_f, gelu_d},
    {"gelu_tanh", gelu_tanh_f, gelu_tanh_d},
    {"silu", silu_f, silu_d},
    {"mish", mish_f, mish_d},
    {"softplus", softplus_f, softplus_d},
    {"softsign", softsign_f, softsign_d},
    {"hardsigmoid", hardsigmoid_f, hardsigmoid_d},
    {"hardswish", hardswish_f, hardswish_d},
    {"binary_step", step_f, step_d},
    {"identity", identity_f, identity_d},
};

ab_fastref_fn ab_fastref_lookup(const ab_activation *act, ab_direction dir)
{
    if (act == NULL || act->is_vector)
        return NULL;
    for (size_t i = 0; i < sizeof table / sizeof table[0]; i++)
        if (strcmp(table[i].activation, act->name) == 0)
            return dir == AB_FORWARD ? table[i].forward : table[i].derivative;
    return NULL;
}

bool ab_fastref_eval(const ab_activation *act, ab_direction dir, const ab_params *params,
                     const float *x, ab_fastref_value *out, size_t n)
{
    ab_fastref_fn fn = ab_fastref_lookup(act, dir);
    if (fn == NULL)
        return false;
    for (size_t i = 0; i < n; i++) {
        if (!isfinite(x[i])) {
            out[i].value = NAN;
            out[i].tail = 0.0;
            out[i].err = INFINITY;
            out[i].sign = 0;
            out[i].tail_sign = 0;
            continue;
        }
        fn((double)x[i], params, &out[i]);
    }
    return true;
}
