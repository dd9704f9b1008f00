/*
 * MPFR references of the elementwise activations and their derivatives.
 *
 * Every function is built inside MPFR at a working precision
 *     w = prec(out) + 64 + 3 * max(0, log2|x|)      (|β·x| for silu/softplus)
 * from a formulation without cancellation, then rounded once into `out`, to
 * odd (see ab_ref_set_round_to_odd: no double rounding when out is rounded again to
 * binary32). The
 * 3·log2|x| term pays for the amplification of the argument's rounding error
 * by exp/erfc of x, x² or x³ (gelu_tanh). Cancellation remains only near the
 * negative zero of gelu', gelu_tanh', silu' and mish', where a float input is
 * never closer to the root than its own spacing; the p/2p self-check
 * (tests/test_reference_selfcheck.c) is what vouches for those.
 *
 * The exponent range is widened to MPFR's maximum during the evaluation so
 * that e^(-1e38)-like intermediates do not flush early; the result is then
 * brought back into the caller's range with mpfr_check_range (values below it
 * become a zero of the right sign).
 *
 * Conventions (the kernels follow the same table; "±" = the input's sign):
 *
 *   activation   f(+0)  f(-0)  f(-inf)   f(+inf)  f'(±0)  f'(-inf) f'(+inf)
 *   sigmoid      1/2    1/2    +0        1        1/4     +0       +0
 *   tanh         +0     -0     -1        1        1       +0       +0
 *   relu         +0     +0     +0        +inf     +0      +0       1
 *   leaky_relu   +0     -0     -inf (1)  +inf     alpha   alpha    1
 *   prelu        +0     -0     -inf (1)  +inf     alpha   alpha    1
 *   elu          +0     -0     -alpha    +inf     alpha   +0       1
 *   selu         +0     -0     -l*alpha  +inf     l*alpha +0       lambda
 *   gelu         +0     -0     -0        +inf     1/2     -0       1
 *   gelu_tanh    +0     -0     -0        +inf     1/2     -0       1
 *   silu (b>0)   +0     -0     -0        +inf     1/2     -0       1
 *   mish         +0     -0     -0        +inf     3/5     -0       1
 *   softplus     ln2/b  ln2/b  +0        +inf     1/2     +0       1
 *   softsign     +0     -0     -1        1        1       +0       +0
 *   hardsigmoid  1/2    1/2    +0        1        1/6     +0       +0
 *   hardswish    +0     -0     -0        +inf     1/2     +0       1
 *   binary_step  1      1      +0        1        +0      +0       +0
 *   identity     +0     -0     -inf      +inf     1       1        1
 *   (1) alpha*x: -inf for alpha > 0, +inf for alpha < 0, -0 for alpha = +0.
 *
 * Rules behind the table:
 * - NaN in gives NaN out, for f and f'.
 * - A zero result takes the sign the defining formula gives in IEEE
 *   arithmetic on the exact values: relu = max(0,x) is +0 for every x <= 0;
 *   x·(positive) keeps x's sign (gelu, gelu_tanh, silu, mish, leaky, tanh,
 *   softsign, elu/selu via alpha·expm1(x)); hardswish(x) = x·relu6(x+3)/6 is
 *   -0 for every x <= -3 (x times +0) and for x = -0.
 * - At ±inf the value is the limit, and a limit of 0 takes the sign of the
 *   side it is approached from: gelu, gelu_tanh, silu, mish -> -0 at -inf,
 *   and so do their derivatives (negative left of their negative root).
 * - Kinks take the one-sided value documented in impls/activations.c:
 *   relu'(0) = 0, leaky'(0) = alpha, elu'(0) = alpha, selu'(0) = lambda*alpha,
 *   hardsigmoid'(±3) = 0, hardswish'(-3) = -1/2, hardswish'(3) = 3/2,
 *   binary_step' = +0 everywhere, binary_step(-0) = 1 (-0 >= 0).
 * - silu with beta = 0 is x/2 (derivative 1/2); silu with beta < 0 swaps
 *   the ±inf columns. softplus with beta = 0 is undefined: NaN.
 * - Exact values that underflow even MPFR's range (e.g. gelu'(-1e38)) keep
 *   the sign of the exact value: the derivative zeros left of the negative
 *   roots are forced to -0 (the exact value is negative there).
 */
#include <math.h>
#include <string.h>

#include "actbench/fastref.h"
#include "actbench/reference.h"
#include "ref_internal.h"

typedef void (*ref_fn)(mpfr_t r, const mpfr_t x, const ab_params *p, mpfr_prec_t w);

/* σ(z) with no overflow: 1/(1+e^-z) for z >= 0, e^z/(1+e^z) below. */
static void sigma(mpfr_t r, const mpfr_t z, mpfr_prec_t w)
{
    mpfr_t e;
    mpfr_init2(e, w);
    if (mpfr_sgn(z) >= 0) {
        mpfr_neg(e, z, MPFR_RNDN);
        mpfr_exp(e, e, MPFR_RNDN);
        mpfr_add_ui(e, e, 1, MPFR_RNDN);
        mpfr_ui_div(r, 1, e, MPFR_RNDN);
    } else {
        mpfr_exp(e, z, MPFR_RNDN);
        mpfr_add_ui(r, e, 1, MPFR_RNDN);
        mpfr_div(r, e, r, MPFR_RNDN);
    }
    mpfr_clear(e);
}

/* σ'(z) = σ(z)(1-σ(z)) = e^-|z| / (1+e^-|z|)^2: no 1-σ cancellation. */
static void sigma_prime(mpfr_t r, const mpfr_t z, mpfr_prec_t w)
{
    mpfr_t e, d;
    mpfr_inits2(w, e, d, (mpfr_ptr)0);
    mpfr_abs(e, z, MPFR_RNDN);
    mpfr_neg(e, e, MPFR_RNDN);
    mpfr_exp(e, e, MPFR_RNDN);
    mpfr_add_ui(d, e, 1, MPFR_RNDN);
    mpfr_sqr(d, d, MPFR_RNDN);
    mpfr_div(r, e, d, MPFR_RNDN);
    mpfr_clears(e, d, (mpfr_ptr)0);
}

/* The exact value is negative here although an intermediate underflowed. */
static void force_negative_zero(mpfr_t r)
{
    if (mpfr_zero_p(r))
        mpfr_set_zero(r, -1);
}

static void set_inf_or_zero(mpfr_t r, bool inf, int sign)
{
    if (inf)
        mpfr_set_inf(r, sign);
    else
        mpfr_set_zero(r, sign);
}

/* ---- sigmoid, tanh ------------------------------------------------------ */

static void sigmoid_f(mpfr_t r, const mpfr_t x, const ab_params *p, mpfr_prec_t w)
{
    (void)p;
    sigma(r, x, w); /* σ(+inf) = 1, σ(-inf) = +0 fall out of exp(-inf) = +0 */
}

static void sigmoid_d(mpfr_t r, const mpfr_t x, const ab_params *p, mpfr_prec_t w)
{
    (void)p;
    sigma_prime(r, x, w);
}

static void tanh_f(mpfr_t r, const mpfr_t x, const ab_params *p, mpfr_prec_t w)
{
    (void)p;
    (void)w;
    mpfr_tanh(r, x, MPFR_RNDN);
}

static void tanh_d(mpfr_t r, const mpfr_t x, const ab_params *p, mpfr_prec_t w)
{
    (void)p;
    mpfr_t s;
    mpfr_init2(s, w);
    mpfr_sech(s, x, MPFR_RNDN); /* sech(±inf) = +0 */
    mpfr_sqr(r, s, MPFR_RNDN);
    mpfr_clear(s);
}

/* ---- ReLU family -------------------------------------------------------- */

static void relu_f(mpfr_t r, const mpfr_t x, const ab_params *p, mpfr_prec_t w)
{
    (void)p;
    (void)w;
    if (mpfr_sgn(x) > 0)
        mpfr_set(r, x, MPFR_RNDN);
    else
        mpfr_set_zero(r, +1);
}

static void relu_d(mpfr_t r, const mpfr_t x, const ab_params *p, mpfr_prec_t w)
{
    (void)p;
    (void)w;
    if (mpfr_sgn(x) > 0)
        mpfr_set_ui(r, 1, MPFR_RNDN);
    else
        mpfr_set_zero(r, +1);
}

static void leaky_f(mpfr_t r, const mpfr_t x, const ab_params *p, mpfr_prec_t w)
{
    (void)w;
    if (mpfr_sgn(x) > 0) {
        mpfr_set(r, x, MPFR_RNDN);
    } else if (mpfr_inf_p(x) && p->alpha == 0.0) {
        /* alpha·x for every finite x < 0 is a zero of sign -sign(alpha) */
        mpfr_set_zero(r, signbit(p->alpha) ? +1 : -1);
    } else {
        mpfr_mul_d(r, x, p->alpha, MPFR_RNDN);
    }
}

static void leaky_d(mpfr_t r, const mpfr_t x, const ab_params *p, mpfr_prec_t w)
{
    (void)w;
    if (mpfr_sgn(x) > 0)
        mpfr_set_ui(r, 1, MPFR_RNDN);
    else
        mpfr_set_d(r, p->alpha, MPFR_RNDN);
}

/* elu_alpha scaled by `scale` (1 for ELU, lambda for SELU). */
static void elu_scaled_f(mpfr_t r, const mpfr_t x, double alpha, double scale, mpfr_prec_t w)
{
    if (mpfr_sgn(x) > 0) {
        mpfr_mul_d(r, x, scale, MPFR_RNDN);
        return;
    }
    mpfr_t t;
    mpfr_init2(t, w);
    mpfr_expm1(t, x, MPFR_RNDN); /* expm1(-0) = -0, expm1(-inf) = -1 */
    mpfr_mul_d(t, t, alpha, MPFR_RNDN);
    mpfr_mul_d(r, t, scale, MPFR_RNDN);
    mpfr_clear(t);
}

static void elu_scaled_d(mpfr_t r, const mpfr_t x, double alpha, double scale, mpfr_prec_t w)
{
    if (mpfr_sgn(x) > 0) {
        mpfr_set_d(r, scale, MPFR_RNDN);
        return;
    }
    mpfr_t t;
    mpfr_init2(t, w);
    mpfr_exp(t, x, MPFR_RNDN);
    mpfr_mul_d(t, t, alpha, MPFR_RNDN);
    mpfr_mul_d(r, t, scale, MPFR_RNDN);
    mpfr_clear(t);
}

static void elu_f(mpfr_t r, const mpfr_t x, const ab_params *p, mpfr_prec_t w)
{
    elu_scaled_f(r, x, p->alpha, 1.0, w);
}

static void elu_d(mpfr_t r, const mpfr_t x, const ab_params *p, mpfr_prec_t w)
{
    elu_scaled_d(r, x, p->alpha, 1.0, w);
}

static void selu_f(mpfr_t r, const mpfr_t x, const ab_params *p, mpfr_prec_t w)
{
    elu_scaled_f(r, x, p->alpha, p->lambda, w);
}

static void selu_d(mpfr_t r, const mpfr_t x, const ab_params *p, mpfr_prec_t w)
{
    elu_scaled_d(r, x, p->alpha, p->lambda, w);
}

/* ---- GELU --------------------------------------------------------------- */

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

static void gelu_f(mpfr_t r, const mpfr_t x, const ab_params *p, mpfr_prec_t w)
{
    (void)p;
    if (mpfr_inf_p(x)) {
        set_inf_or_zero(r, mpfr_sgn(x) > 0, mpfr_sgn(x));
        return;
    }
    mpfr_t c;
    mpfr_init2(c, w);
    normal_cdf(c, x, w);
    mpfr_mul(r, x, c, MPFR_RNDN);
    mpfr_clear(c);
}

static void gelu_d(mpfr_t r, const mpfr_t x, const ab_params *p, mpfr_prec_t w)
{
    (void)p;
    if (mpfr_inf_p(x)) {
        if (mpfr_sgn(x) > 0)
            mpfr_set_ui(r, 1, MPFR_RNDN);
        else
            mpfr_set_zero(r, -1);
        return;
    }
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
        force_negative_zero(r);
    mpfr_clears(cdf, pdf, t, (mpfr_ptr)0);
}

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

static void gelu_tanh_f(mpfr_t r, const mpfr_t x, const ab_params *p, mpfr_prec_t w)
{
    (void)p;
    if (mpfr_inf_p(x)) {
        set_inf_or_zero(r, mpfr_sgn(x) > 0, mpfr_sgn(x));
        return;
    }
    mpfr_t z, du;
    mpfr_inits2(w, z, du, (mpfr_ptr)0);
    gelu_tanh_args(z, du, x, w);
    sigma(z, z, w);
    mpfr_mul(r, x, z, MPFR_RNDN);
    mpfr_clears(z, du, (mpfr_ptr)0);
}

/* f' = σ(2u) + 2x·σ'(2u)·u'  (= (1+tanh u)/2 + (x/2) sech²u · u') */
static void gelu_tanh_d(mpfr_t r, const mpfr_t x, const ab_params *p, mpfr_prec_t w)
{
    (void)p;
    if (mpfr_inf_p(x)) {
        if (mpfr_sgn(x) > 0)
            mpfr_set_ui(r, 1, MPFR_RNDN);
        else
            mpfr_set_zero(r, -1);
        return;
    }
    mpfr_t z, du, s, ds;
    mpfr_inits2(w, z, du, s, ds, (mpfr_ptr)0);
    gelu_tanh_args(z, du, x, w);
    sigma(s, z, w);
    sigma_prime(ds, z, w);
    mpfr_mul(ds, ds, du, MPFR_RNDN);
    mpfr_mul(ds, ds, x, MPFR_RNDN);
    mpfr_mul_2ui(ds, ds, 1, MPFR_RNDN);
    mpfr_add(r, s, ds, MPFR_RNDN);
    if (mpfr_cmp_si(x, -1) < 0) /* 1 + 2x u'(1-σ(2u)) < 0 there */
        force_negative_zero(r);
    mpfr_clears(z, du, s, ds, (mpfr_ptr)0);
}

/* ---- SiLU, mish, softplus ------------------------------------------------ */

static void silu_f(mpfr_t r, const mpfr_t x, const ab_params *p, mpfr_prec_t w)
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
        set_inf_or_zero(r, mpfr_sgn(z) > 0, mpfr_sgn(x));
    } else {
        sigma(z, z, w);
        mpfr_mul(r, x, z, MPFR_RNDN);
    }
    mpfr_clear(z);
}

/* f' = σ(z) + z·σ'(z), z = βx */
static void silu_d(mpfr_t r, const mpfr_t x, const ab_params *p, mpfr_prec_t w)
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
        sigma(s, z, w);
        sigma_prime(ds, z, w);
        mpfr_mul(ds, ds, z, MPFR_RNDN);
        mpfr_add(r, s, ds, MPFR_RNDN);
        if (mpfr_cmp_si(z, -2) < 0) /* 1 + z·σ(-z) < 0 there */
            force_negative_zero(r);
    }
    mpfr_clears(z, s, ds, (mpfr_ptr)0);
}

/* mish = x·g, g = tanh(log(1+e^x)). With t = e^x:
 *   g = t(t+2) / (t(t+2)+2),  x·σ(x)·(1-g²) = 4x·t(1+t) / (t(t+2)+2)²,
 * and with s = e^-x for x > 0 (no overflow):
 *   g = (1+2s) / E,  E = 1+2s+2s²,  x·σ(x)·(1-g²) = 4x·s²(1+s) / E².
 * All terms positive: no cancellation but the final g + (term) for x < 0. */
static void mish_parts(mpfr_t g, mpfr_t term, const mpfr_t x, mpfr_prec_t w)
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

static void mish_f(mpfr_t r, const mpfr_t x, const ab_params *p, mpfr_prec_t w)
{
    (void)p;
    if (mpfr_inf_p(x)) {
        set_inf_or_zero(r, mpfr_sgn(x) > 0, mpfr_sgn(x));
        return;
    }
    mpfr_t g;
    mpfr_init2(g, w);
    mish_parts(g, NULL, x, w);
    mpfr_mul(r, x, g, MPFR_RNDN);
    mpfr_clear(g);
}

static void mish_d(mpfr_t r, const mpfr_t x, const ab_params *p, mpfr_prec_t w)
{
    (void)p;
    if (mpfr_inf_p(x)) {
        if (mpfr_sgn(x) > 0)
            mpfr_set_ui(r, 1, MPFR_RNDN);
        else
            mpfr_set_zero(r, -1);
        return;
    }
    mpfr_t g, term;
    mpfr_inits2(w, g, term, (mpfr_ptr)0);
    mish_parts(g, term, x, w);
    mpfr_add(r, g, term, MPFR_RNDN);
    if (mpfr_cmp_si(x, -2) < 0) /* f' = t·((t+2)/D + 4x(1+t)/D²) < 0 there */
        force_negative_zero(r);
    mpfr_clears(g, term, (mpfr_ptr)0);
}

/* softplus = (1/β)·sp(βx), sp(z) = z + log1p(e^-z) for z > 0, log1p(e^z)
 * otherwise: both sums of positive terms, no overflow. */
static void softplus_f(mpfr_t r, const mpfr_t x, const ab_params *p, mpfr_prec_t w)
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

static void softplus_d(mpfr_t r, const mpfr_t x, const ab_params *p, mpfr_prec_t w)
{
    if (p->beta == 0.0) {
        mpfr_set_nan(r);
        return;
    }
    mpfr_t z;
    mpfr_init2(z, w);
    mpfr_mul_d(z, x, p->beta, MPFR_RNDN);
    sigma(r, z, w);
    mpfr_clear(z);
}

/* ---- softsign, hard*, step, identity --------------------------------------- */

static void softsign_f(mpfr_t r, const mpfr_t x, const ab_params *p, mpfr_prec_t w)
{
    (void)p;
    if (mpfr_inf_p(x)) {
        mpfr_set_si(r, mpfr_sgn(x), MPFR_RNDN);
        return;
    }
    mpfr_t d;
    mpfr_init2(d, w);
    mpfr_abs(d, x, MPFR_RNDN);
    mpfr_add_ui(d, d, 1, MPFR_RNDN); /* exact: w > 24 + 128 */
    mpfr_div(r, x, d, MPFR_RNDN);
    mpfr_clear(d);
}

static void softsign_d(mpfr_t r, const mpfr_t x, const ab_params *p, mpfr_prec_t w)
{
    (void)p;
    mpfr_t d;
    mpfr_init2(d, w);
    mpfr_abs(d, x, MPFR_RNDN);
    mpfr_add_ui(d, d, 1, MPFR_RNDN);
    mpfr_sqr(d, d, MPFR_RNDN);
    mpfr_ui_div(r, 1, d, MPFR_RNDN); /* 1/inf = +0 */
    mpfr_clear(d);
}

static void hardsigmoid_f(mpfr_t r, const mpfr_t x, const ab_params *p, mpfr_prec_t w)
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

static void hardsigmoid_d(mpfr_t r, const mpfr_t x, const ab_params *p, mpfr_prec_t w)
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

static void hardswish_f(mpfr_t r, const mpfr_t x, const ab_params *p, mpfr_prec_t w)
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

static void hardswish_d(mpfr_t r, const mpfr_t x, const ab_params *p, mpfr_prec_t w)
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

static void step_f(mpfr_t r, const mpfr_t x, const ab_params *p, mpfr_prec_t w)
{
    (void)p;
    (void)w;
    if (mpfr_sgn(x) >= 0) /* -0 >= 0 */
        mpfr_set_ui(r, 1, MPFR_RNDN);
    else
        mpfr_set_zero(r, +1);
}

static void step_d(mpfr_t r, const mpfr_t x, const ab_params *p, mpfr_prec_t w)
{
    (void)x;
    (void)p;
    (void)w;
    mpfr_set_zero(r, +1);
}

static void identity_f(mpfr_t r, const mpfr_t x, const ab_params *p, mpfr_prec_t w)
{
    (void)p;
    (void)w;
    mpfr_set(r, x, MPFR_RNDN);
}

static void identity_d(mpfr_t r, const mpfr_t x, const ab_params *p, mpfr_prec_t w)
{
    (void)x;
    (void)p;
    (void)w;
    mpfr_set_ui(r, 1, MPFR_RNDN);
}

/* ---- dispatch ------------------------------------------------------------ */

typedef struct ref_entry {
    const char *name;
    ref_fn forward, derivative;
    bool uses_beta; /* the exp argument is βx, not x */
} ref_entry;

static const ref_entry references[] = {
    {"sigmoid", sigmoid_f, sigmoid_d, false},
    {"tanh", tanh_f, tanh_d, false},
    {"relu", relu_f, relu_d, false},
    {"leaky_relu", leaky_f, leaky_d, false},
    {"prelu", leaky_f, leaky_d, false},
    {"elu", elu_f, elu_d, false},
    {"selu", selu_f, selu_d, false},
    {"gelu", gelu_f, gelu_d, false},
    {"gelu_tanh", gelu_tanh_f, gelu_tanh_d, false},
    {"silu", silu_f, silu_d, true},
    {"mish", mish_f, mish_d, false},
    {"softplus", softplus_f, softplus_d, true},
    {"softsign", softsign_f, softsign_d, false},
    {"hardsigmoid", hardsigmoid_f, hardsigmoid_d, false},
    {"hardswish", hardswish_f, hardswish_d, false},
    {"binary_step", step_f, step_d, false},
    {"identity", identity_f, identity_d, false},
};

static const ref_entry *find_reference(const char *name)
{
    for (size_t i = 0; i < sizeof references / sizeof references[0]; i++)
        if (strcmp(references[i].name, name) == 0)
            return &references[i];
    return NULL;
}

/* Guard bits for an argument of magnitude about 2^e: exp/erfc of an x, x²
 * or x³ argument amplify its relative rounding error by up to ~2^(3e). For
 * tiny x, f(x) = f(0) + f'(0)x + O(x²) sits within |x| (relative) of a
 * binary32 rounding midpoint when f(0) = 0 and f'(0) = 1/2 (gelu, silu,
 * hardswish at subnormal x): -e more bits keep that term visible. */
static mpfr_prec_t working_precision(mpfr_prec_t out_prec, float x, double beta, bool uses_beta)
{
    long e = 0;
    if (isfinite(x) && x != 0.0f)
        e = ilogbf(x);
    if (uses_beta && isfinite(beta) && beta != 0.0 && ilogb(beta) > 0)
        e += ilogb(beta);
    return out_prec + 64 + (e > 0 ? 3 * e : -e);
}

int ab_ref_set_round_to_odd(mpfr_t out, const mpfr_t r)
{
    int inexact = mpfr_set(out, r, MPFR_RNDZ);
    if (inexact != 0 && mpfr_min_prec(out) < mpfr_get_prec(out)) {
        if (mpfr_sgn(out) > 0)
            mpfr_nextabove(out);
        else
            mpfr_nextbelow(out);
        inexact = -inexact; /* now rounded away from zero */
    }
    return inexact;
}

/* Where the function saturates (sigma(x) = 1 - e^-x for x = 2048, tanh,
 * softsign, x + log1p(e^-x), ...), the tail lies below 2^-w and the value
 * at w bits is the anchor itself (1, x, -alpha) although an operation was
 * inexact: round to odd cannot see the side of the exact value, and the
 * binade (hence U(f)) of a value just below a power of 2 would be wrong.
 * The fast reference knows that side analytically (its tail_sign, checked
 * against MPFR by tests/test_fastref where MPFR resolves it): the result is
 * then what round to odd of the exact value gives, the anchor's odd
 * neighbour on that side. */
static int saturated_side(const ab_activation *act, ab_direction dir, const ab_params *params,
                          float x, mpfr_t out)
{
    ab_fastref_fn fn = ab_fastref_lookup(act, dir);
    if (fn == NULL || !isfinite(x) || x == 0.0f || mpfr_zero_p(out))
        return 0; /* f(±0) is exact; zeros follow the convention table */
    ab_fastref_value fv;
    fn((double)x, params, &fv);
    if (fv.tail_sign == 0 || mpfr_cmp_d(out, fv.value) != 0)
        return 0;
    if (fv.tail_sign > 0)
        mpfr_nextabove(out);
    else
        mpfr_nextbelow(out);
    return fv.tail_sign;
}

bool ab_ref_eval(const ab_activation *act, ab_direction dir,
                 const ab_params *params, float x, mpfr_t out)
{
    if (act == NULL || act->is_vector)
        return false;
    const ref_entry *ref = find_reference(act->name);
    if (ref == NULL)
        return false;
    if (params == NULL)
        params = &act->default_params;
    if (isnan(x)) {
        mpfr_set_nan(out);
        return true;
    }

    mpfr_exp_t saved_emin = mpfr_get_emin(), saved_emax = mpfr_get_emax();
    mpfr_set_emin(mpfr_get_emin_min());
    mpfr_set_emax(mpfr_get_emax_max());

    mpfr_prec_t w = working_precision(mpfr_get_prec(out), x, params->beta, ref->uses_beta);
    mpfr_t xv, r;
    mpfr_init2(xv, 32);
    mpfr_init2(r, w);
    mpfr_set_flt(xv, x, MPFR_RNDN); /* exact, keeps -0 */
    mpfr_clear_inexflag();
    (dir == AB_FORWARD ? ref->forward : ref->derivative)(r, xv, params, w);
    bool rounded = mpfr_inexflag_p() != 0;
    int inexact = ab_ref_set_round_to_odd(out, r);
    if (rounded && inexact == 0 && !mpfr_nan_p(out) && !mpfr_inf_p(out))
        inexact = saturated_side(act, dir, params, x, out);
    mpfr_clears(xv, r, (mpfr_ptr)0);

    mpfr_set_emin(saved_emin);
    mpfr_set_emax(saved_emax);
    mpfr_check_range(out, inexact, MPFR_RNDN);
    return true;
}

float ab_ref_float(const ab_activation *act, ab_direction dir,
                   const ab_params *params, float x, mpfr_prec_t prec)
{
    mpfr_t v;
    mpfr_init2(v, prec > 0 ? prec : AB_REF_DEFAULT_PREC);
    float y = NAN;
    if (ab_ref_eval(act, dir, params, x, v))
        y = ab_ref_round_to_float(v);
    mpfr_clear(v);
    return y;
}
