/*
 * leaky_relu (x if x > 0 else alpha*x) and its derivative (alpha at 0):
 * references, and the slope helpers prelu (reference/prelu.c) shares.
 *
 * Which slope: leaky_relu's alpha is a hyper-parameter written in decimal
 * (0.01), and the double the program holds is only the nearest binary value
 * to it. The reference takes the shortest decimal that reads back as that
 * double, N * 10^E, as the exact slope. It matters at exact ties: for
 * x = -50 * 2^-149, x/100 = -2^-150 lies halfway between -0 and -2^-149 and
 * rounds to -0 (ties to even), whereas x times the double 0.01 (about
 * 2^-62 relatively above 1/100) is past the tie and would round to -2^-149,
 * so a kernel returning the correct -0 would be blamed for a flush. prelu's
 * slopes are floats (learned per channel), exact in binary, and are taken
 * as they are.
 *
 * MPFR: x*N exactly (24 + 64 bits), then one correctly rounded division by
 * 10^-E at working precision (exact whenever the quotient fits: every tie
 * of the float grid does). Fast: exact, the product alpha*x as its rounded
 * double plus the exact fma residual, when the decimal equals the double;
 * otherwise that product with the bound |x*alpha| * 2^-52 added, which
 * covers |alpha - N*10^E| <= |alpha| * 2^-53: the fast verdict is then
 * decided everywhere except at the exact ties, which go to MPFR.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "fastref_internal.h"
#include "ref_internal.h"

/* alpha = num * 10^exp10 exactly as decimals go; exact: the double equals it */
typedef struct {
    double alpha;
    long long num;
    int exp10;
    bool exact;
    bool valid;
} decimal_slope;

static void find_decimal(double alpha, decimal_slope *d)
{
    char buf[40];
    d->alpha = alpha;
    d->num = 0;
    d->exp10 = 0;
    d->exact = true;
    d->valid = true;
    if (alpha == 0.0 || !isfinite(alpha))
        return;
    int digits = 1;
    for (; digits <= 17; digits++) {
        snprintf(buf, sizeof buf, "%.*e", digits - 1, alpha);
        if (strtod(buf, NULL) == alpha)
            break;
    }
    /* buf = [-]d.ddd...e±XX: the significand digits make num */
    long long num = 0;
    const char *c = buf;
    bool negative = *c == '-';
    if (negative)
        c++;
    int after_point = 0;
    bool in_fraction = false;
    for (; *c != 'e'; c++) {
        if (*c == '.') {
            in_fraction = true;
            continue;
        }
        num = num * 10 + (*c - '0');
        after_point += in_fraction;
    }
    d->num = negative ? -num : num;
    d->exp10 = atoi(c + 1) - after_point;
    long long rest = llabs(d->num);
    if (d->exp10 < 0) {
        /* num * 10^E is a binary number iff 5^-E divides num */
        for (int k = 0; k < -d->exp10; k++) {
            if (rest % 5 != 0) {
                d->exact = false;
                return;
            }
            rest /= 5;
        }
        return;
    }
    /* num * 5^E * 2^E is a double iff its odd part fits in 53 bits (1e30
     * reads back as a double that is not 10^30) */
    while (rest % 2 == 0)
        rest /= 2;
    d->exact = rest < (1LL << 53);
    for (int k = 0; k < d->exp10 && d->exact; k++) {
        rest *= 5;
        d->exact = rest < (1LL << 53);
    }
}

/* The decimal slope of alpha, memoised per thread (alpha rarely changes). */
static const decimal_slope *decimal_of(double alpha)
{
    static _Thread_local decimal_slope memo;
    if (!memo.valid || memo.alpha != alpha)
        find_decimal(alpha, &memo);
    return &memo;
}

/* r := r * 10^exp10 for exact r, rounded once at r's precision. */
static void scale_by_power_of_ten(mpfr_t r, int exp10)
{
    if (exp10 == 0)
        return;
    unsigned k = (unsigned)abs(exp10);
    mpfr_t p;
    mpfr_init2(p, 64 + 3 * (mpfr_prec_t)k); /* 5^k needs 2.33k bits: exact */
    mpfr_ui_pow_ui(p, 5, k, MPFR_RNDN);
    if (exp10 > 0) {
        mpfr_mul(r, r, p, MPFR_RNDN);
        mpfr_mul_2ui(r, r, k, MPFR_RNDN);
    } else {
        mpfr_div(r, r, p, MPFR_RNDN);
        mpfr_div_2ui(r, r, k, MPFR_RNDN);
    }
    mpfr_clear(p);
}

/* r := the slope times x (x = 1 for the slope itself), decimal or binary. */
static void slope_times(mpfr_t r, const mpfr_t x, double alpha, bool decimal)
{
    const decimal_slope *d = decimal ? decimal_of(alpha) : NULL;
    if (d == NULL || d->exact) {
        mpfr_mul_d(r, x, alpha, MPFR_RNDN); /* exact: 24 + 53 bits <= w */
        return;
    }
    mpfr_mul_si(r, x, (long)d->num, MPFR_RNDN); /* exact: 24 + 57 bits <= w */
    scale_by_power_of_ten(r, d->exp10);
}

void ab_ref_slope_forward(mpfr_t r, const mpfr_t x, double alpha, bool decimal)
{
    if (mpfr_sgn(x) > 0) {
        mpfr_set(r, x, MPFR_RNDN);
    } else if (mpfr_inf_p(x) && alpha == 0.0) {
        /* alpha·x for every finite x < 0 is a zero of sign -sign(alpha) */
        mpfr_set_zero(r, signbit(alpha) ? +1 : -1);
    } else {
        slope_times(r, x, alpha, decimal);
    }
}

void ab_ref_slope_derivative(mpfr_t r, const mpfr_t x, double alpha, bool decimal)
{
    if (mpfr_sgn(x) > 0) {
        mpfr_set_ui(r, 1, MPFR_RNDN);
        return;
    }
    mpfr_t one;
    mpfr_init2(one, 2);
    mpfr_set_ui(one, 1, MPFR_RNDN);
    slope_times(r, one, alpha, decimal);
    mpfr_clear(one);
}

void ab_ref_slope_fast_forward(double x, double alpha, bool decimal, ab_fastref_value *o)
{
    if (x > 0) {
        exact(o, x);
        return;
    }
    exact_product(o, alpha, x);
    if (decimal && !decimal_of(alpha)->exact)
        o->err += fabs(o->value) * 0x1p-52 + TINY;
}

void ab_ref_slope_fast_derivative(double x, double alpha, bool decimal, ab_fastref_value *o)
{
    exact(o, x > 0 ? 1.0 : alpha);
    if (x <= 0 && decimal && !decimal_of(alpha)->exact) {
        o->err = fabs(alpha) * 0x1p-52 + TINY;
        o->sign = sign_of(alpha);
        o->const_id = 1; /* one constant on x <= 0: settled once (fastref.h) */
    }
}

/* ---- leaky_relu: the decimal slope ------------------------------------ */

static void ref_forward(mpfr_t r, const mpfr_t x, const ab_params *p, mpfr_prec_t w)
{
    (void)w;
    ab_ref_slope_forward(r, x, p->alpha, true);
}

static void ref_derivative(mpfr_t r, const mpfr_t x, const ab_params *p, mpfr_prec_t w)
{
    (void)w;
    ab_ref_slope_derivative(r, x, p->alpha, true);
}

static void fast_forward(double x, const ab_params *p, ab_fastref_value *o)
{
    ab_ref_slope_fast_forward(x, p->alpha, true, o);
}

static void fast_derivative(double x, const ab_params *p, ab_fastref_value *o)
{
    ab_ref_slope_fast_derivative(x, p->alpha, true, o);
}

const ab_ref_activation ab_ref_leaky_relu = {
    .forward = ref_forward,
    .derivative = ref_derivative,
    .fast_forward = fast_forward,
    .fast_derivative = fast_derivative,
};
