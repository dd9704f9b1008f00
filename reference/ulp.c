/*
 * ULP error, exactly as docs/accuracy.md defines it, computed in
 * MPFR: err = |y - f| / U(f) with U(f) = 2^max(floor(log2|f|) - (P-1), emin_unit)
 * and U(0) = 2^emin_unit, rounded up. Special classes are reported in
 * `classes` and NaN cases are kept out of the ULP figure.
 */
#include <math.h>

#include "actbench/reference.h"

double ab_ref_round_to_format(const mpfr_t f, int precision, int emin_unit, int emax)
{
    if (mpfr_nan_p(f))
        return NAN;
    if (mpfr_inf_p(f))
        return mpfr_sgn(f) > 0 ? INFINITY : -INFINITY;
    if (mpfr_zero_p(f))
        return mpfr_signbit(f) ? -0.0 : 0.0;
    mpfr_exp_t saved_emin = mpfr_get_emin(), saved_emax = mpfr_get_emax();
    mpfr_t r;
    mpfr_init2(r, precision);
    int inex = mpfr_set(r, f, MPFR_RNDN);
    mpfr_set_emin(emin_unit + 1);
    mpfr_set_emax(emax);
    inex = mpfr_check_range(r, inex, MPFR_RNDN);
    mpfr_subnormalize(r, inex, MPFR_RNDN);
    double out = mpfr_get_d(r, MPFR_RNDN); /* exact: the value fits a double */
    mpfr_set_emin(saved_emin);
    mpfr_set_emax(saved_emax);
    mpfr_clear(r);
    return out;
}

float ab_ref_round_to_float(const mpfr_t v)
{
    return (float)ab_ref_round_to_format(v, 24, -149, 128);
}

static bool same_bits(double a, double b)
{
    if (isnan(a) || isnan(b))
        return isnan(a) && isnan(b);
    return a == b && signbit(a) == signbit(b);
}

ab_ulp_error ab_ulp_error_fmt(double y, const mpfr_t f, int precision, int emin_unit, int emax)
{
    ab_ulp_error e = {0.0, 0u, false, false};
    double cr = ab_ref_round_to_format(f, precision, emin_unit, emax);
    e.correctly_rounded = same_bits(y, cr);

    if (mpfr_nan_p(f) || isnan(y)) {
        e.is_nan_case = true;
        if (mpfr_nan_p(f) && !isnan(y))
            e.classes |= AB_CLASS_NAN_MISSING;
        if (!mpfr_nan_p(f) && isnan(y))
            e.classes |= AB_CLASS_NAN_UNEXPECTED;
        return e;
    }
    if (y == 0.0 && cr != 0.0)
        e.classes |= AB_CLASS_FLUSH_TO_ZERO;
    if (y == 0.0 && cr == 0.0 && signbit(y) != signbit(cr))
        e.classes |= AB_CLASS_SIGNED_ZERO;
    if (isinf(y) && !isinf(cr))
        e.classes |= AB_CLASS_INF_WHERE_FINITE;
    if (!isinf(y) && mpfr_inf_p(f))
        e.classes |= AB_CLASS_FINITE_WHERE_INF;

    mpfr_t exact, yv, diff;
    mpfr_init2(exact, mpfr_get_prec(f) > 64 ? mpfr_get_prec(f) : 64);
    mpfr_init2(yv, 64);
    mpfr_init2(diff, mpfr_get_prec(exact) + 64);

    /* An exact infinity is measured as ±2^emax, the first value that
     * rounds to it; so is a returned infinity. */
    if (mpfr_inf_p(f))
        mpfr_set_si_2exp(exact, mpfr_sgn(f), emax, MPFR_RNDN);
    else
        mpfr_set(exact, f, MPFR_RNDN);
    if (isinf(y))
        mpfr_set_si_2exp(yv, y > 0 ? 1 : -1, emax, MPFR_RNDN);
    else
        mpfr_set_d(yv, y, MPFR_RNDN);

    if (isinf(y) && mpfr_cmpabs(exact, yv) >= 0 && mpfr_sgn(exact) == mpfr_sgn(yv)) {
        e.ulp = 0.0; /* true value beyond the overflow threshold, same sign */
    } else {
        mpfr_exp_t unit_exp = emin_unit;
        if (!mpfr_zero_p(exact)) {
            /* MPFR: |v| in [2^(E-1), 2^E), so floor(log2|v|) = E - 1. */
            mpfr_exp_t scaled = mpfr_get_exp(exact) - 1 - (precision - 1);
            if (scaled > unit_exp)
                unit_exp = scaled;
        }
        mpfr_sub(diff, yv, exact, MPFR_RNDA);
        mpfr_abs(diff, diff, MPFR_RNDN);
        mpfr_div_2si(diff, diff, unit_exp, MPFR_RNDU);
        e.ulp = mpfr_get_d(diff, MPFR_RNDU);
    }
    mpfr_clears(exact, yv, diff, (mpfr_ptr)0);
    return e;
}

ab_ulp_error ab_ulp_error_of(float y, const mpfr_t f)
{
    return ab_ulp_error_fmt((double)y, f, 24, -149, 128);
}
