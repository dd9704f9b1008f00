/*
 * MPFR building blocks shared by several activations' references
 * (reference/<activation>.c): the logistic function and its derivative
 * without overflow or 1-σ cancellation, ELU scaled (ELU, SELU), and the
 * signed zeros and infinities of the convention table (reference.c). All at
 * working precision w, round to nearest; the caller rounds once more.
 */
#include "ref_internal.h"

void ab_ref_sigma(mpfr_t r, const mpfr_t z, mpfr_prec_t w)
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

void ab_ref_sigma_prime(mpfr_t r, const mpfr_t z, mpfr_prec_t w)
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

void ab_ref_force_negative_zero(mpfr_t r)
{
    if (mpfr_zero_p(r))
        mpfr_set_zero(r, -1);
}

void ab_ref_set_inf_or_zero(mpfr_t r, bool inf, int sign)
{
    if (inf)
        mpfr_set_inf(r, sign);
    else
        mpfr_set_zero(r, sign);
}

bool ab_ref_derivative_at_inf(mpfr_t r, const mpfr_t x)
{
    if (!mpfr_inf_p(x))
        return false;
    if (mpfr_sgn(x) > 0)
        mpfr_set_ui(r, 1, MPFR_RNDN);
    else
        mpfr_set_zero(r, -1);
    return true;
}

void ab_ref_elu_scaled(mpfr_t r, const mpfr_t x, double alpha, double scale, mpfr_prec_t w)
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

void ab_ref_elu_scaled_prime(mpfr_t r, const mpfr_t x, double alpha, double scale,
                             mpfr_prec_t w)
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
