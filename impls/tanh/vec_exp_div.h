/*
 * tanh, the method of the avx2-rr-p6-div variant, written once for every ISA of
 * vec_*.h (each kernel file states its measured bound).
 * a = |x|; for a < 0.625 the odd polynomial a + a^3 P(a^2) (degree 11,
 * binary32 minimax from scripts/sollya/tanh_odd.sollya, certified 2^-27.7
 * relative); otherwise 1 - 2 e/(1 + e) with e = e^-2a from vec/exp_math.h
 * (Cody-Waite reduction, degree-6 Sollya polynomial) and one division:
 * there tanh > 0.55, so the subtraction loses nothing. The sign of x is put
 * back last (tanh(-0) = -0).
 * Derivative sech^2 = 4e/(1 + e)^2 with e^-2a = (m + m_lo) * s2 (so the
 * subnormal results, a > 44, are rounded once), (1 + e)^2 in two parts and
 * the corrected division abv_div_hilo; no 1 - tanh^2 cancellation.
 */
#ifndef ACTBENCH_TANH_VEC_EXP_DIV_H
#define ACTBENCH_TANH_VEC_EXP_DIV_H

#include "vec/exp_math.h"

/* scripts/sollya/tanh_odd.sollya */
#define TANH_C3 -0x1.555532p-2f
#define TANH_C5 0x1.110704p-3f
#define TANH_C7 -0x1.b838ap-5f
#define TANH_C9 0x1.5211c4p-6f
#define TANH_C11 -0x1.758facp-8f

/* tanh a for 0 <= a < 0.625: a + a^3 P(a^2) (also the fast-p6-div
 * variant's small branch). */
ABV_INLINE abv_f tanh_odd_p11(abv_f a)
{
    abv_f a2 = abv_mul(a, a);
    abv_f q = abv_fma(abv_set(TANH_C11), a2, abv_set(TANH_C9));
    q = abv_fma(q, a2, abv_set(TANH_C7));
    q = abv_fma(q, a2, abv_set(TANH_C5));
    q = abv_fma(q, a2, abv_set(TANH_C3));
    return abv_fma(abv_mul(a, a2), q, a);
}

ABV_INLINE abv_f tanh_exp_div(abv_f x, const ab_params *p)
{
    (void)p;
    abv_f sign = abv_and(x, abv_sign_bit());
    abv_f a = abv_andnot(abv_sign_bit(), x);

    abv_f small = tanh_odd_p11(a);

    abv_f e = abv_exp(abv_mul(a, abv_set(-2.0f)));
    abv_f one = abv_set(1.0f);
    abv_f ratio = abv_div(e, abv_add(one, e));
    abv_f large = abv_fnma(abv_set(2.0f), ratio, one);

    abv_mask is_small = abv_lt(a, abv_set(0.625f));
    return abv_or(abv_select(is_small, small, large), sign);
}

ABV_INLINE abv_f tanh_exp_div_derivative(abv_f x, const ab_params *p)
{
    (void)p;
    abv_f a = abv_andnot(abv_sign_bit(), x);
    abv_f s2, m_lo;
    abv_f m = abv_exp_split_hilo(abv_mul(a, abv_set(-2.0f)), &s2, &m_lo);
    abv_f one = abv_set(1.0f);
    abv_f e = abv_mul(m, s2);
    abv_f d_hi = abv_add(one, e);
    abv_f d_lo = abv_add(abv_sub(e, abv_sub(d_hi, one)), abv_mul(m_lo, s2));
    abv_f d2_hi = abv_mul(d_hi, d_hi);
    abv_f d2_lo = abv_fms(d_hi, d_hi, d2_hi);
    d2_lo = abv_fma(abv_add(d_hi, d_hi), d_lo, d2_lo);
    abv_f four = abv_set(4.0f);
    abv_f y = abv_div_hilo(abv_mul(four, m), abv_mul(four, m_lo), d2_hi, d2_lo);
    return abv_mul(y, s2);
}

#endif
