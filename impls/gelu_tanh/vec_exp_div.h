/*
 * gelu_tanh, the binary64 method of the avx2-f64-exp-div variant, written once for
 * every ISA of vec_*.h (each kernel file states its measured bound).
 * (x/2)(1 + tanh u) = x*s(2u), u = sqrt(2/pi)(x + 0.044715x^3), s the
 * logistic function, evaluated in binary64 and rounded once to binary32.
 *
 * Method. xc = x clamped to [-12, 12] (below -10.7 the result has underflowed
 * below 2^-150; above 12 s(2u) = 1 to far below binary64's precision, and the
 * clamp keeps -inf finite). E = e^(-2|u|) <= 1 by the binary64 exp of
 * vec/f64_math.h (scripts/sollya/gelu_exp_f64.sollya), never overflowing:
 * s(2u) = 1/(1+E) for x >= 0 and E/(1+E) for x < 0 (a product, so the
 * negative tail keeps full relative accuracy down to the subnormal results,
 * no flush). Forward: x/(1+E) for x >= +0 (x itself, so +inf gives +inf),
 * xc*E/(1+E) for x <= -0 (-0 for -0 and for -inf). One binary64 division.
 * For |x| < 2^-40 the value is x*(1/2 +- 2^-52), which sits on the same side
 * of x/2 as the exact x/2 + x^2*sqrt(2/pi)/2, so subnormal x whose half is a
 * binary32 rounding midpoint still round correctly.
 * Derivative: s(2u)*(1 + 2x*u'*s(-2u)), u' = sqrt(2/pi)(1 + 3*0.044715x^2),
 * from the same E (no 1 - tanh^2 cancellation in the tails); on [-1, -1/2]
 * the bracket cancels around the root x0 = -0.7524, so there the derivative
 * is v*R(v), v = (x - x0_hi) - x0_lo, R of degree 9
 * (scripts/sollya/gelu_tanh_derivative_root.sollya, relative error 2^-40.8).
 * NaN propagated by a final blend. FTZ/DAZ cleared by abv_apply.
 */
#ifndef ACTBENCH_GELU_TANH_VEC_EXP_DIV_H
#define ACTBENCH_GELU_TANH_VEC_EXP_DIV_H

#include "vec/f64_math.h"

#define GT_CLAMP 12.0
#define GT_C 0x1.9884533d43651p-1 /* sqrt(2/pi) */
#define GT_A 0.044715
#define ROOT_HI -0x1.81429f9e97e4dp-1
#define ROOT_LO 0x1.4f523ed77dbdcp-55

/* gelu_tanh'(x0 + v) = v*R(v) on [-1, -1/2]: scripts/sollya/gelu_tanh_derivative_root.sollya */
ABV_INLINE abv_d derivative_near_root(abv_d x)
{
    abv_d v = abv_sub_d(abv_sub_d(x, abv_set_d(ROOT_HI)),
                              abv_set_d(ROOT_LO));
    abv_d p = abv_fma_d(abv_set_d(0x1.0d8ee7a2327b8p-12), v,
                                abv_set_d(-0x1.dc33d13a34c0bp-11));
    p = abv_fma_d(p, v, abv_set_d(-0x1.3d7b01480a97ap-9));
    p = abv_fma_d(p, v, abv_set_d(0x1.58b86f1a56073p-8));
    p = abv_fma_d(p, v, abv_set_d(0x1.427980a42d389p-6));
    p = abv_fma_d(p, v, abv_set_d(-0x1.104a6b0464a4ep-6));
    p = abv_fma_d(p, v, abv_set_d(-0x1.d2b7732f3cb0fp-4));
    p = abv_fma_d(p, v, abv_set_d(-0x1.0296161f571f9p-6));
    p = abv_fma_d(p, v, abv_set_d(0x1.8cd1a2b2f904p-2));
    p = abv_fma_d(p, v, abv_set_d(0x1.b8bacd2c97b5fp-2));
    return abv_mul_d(p, v);
}

typedef struct gelu_tanh_parts {
    abv_d xc;    /* x clamped to [-12, 12] */
    abv_d e;     /* e^(-2|u|) */
    abv_d inv;   /* 1/(1 + e) */
} gelu_tanh_parts;

ABV_INLINE gelu_tanh_parts gelu_tanh_core(abv_d x)
{
    gelu_tanh_parts r;
    r.xc = abv_max_d(abv_set_d(-GT_CLAMP), abv_min_d(abv_set_d(GT_CLAMP), x));
    abv_d a = abv_andnot_d(abv_set_d(-0.0), r.xc);
    abv_d a2 = abv_mul_d(a, a);
    abv_d u = abv_mul_d(abv_set_d(GT_C), abv_fma_d(abv_mul_d(a2, a),
                                                                    abv_set_d(GT_A), a));
    r.e = abv_exp_d(abv_mul_d(u, abv_set_d(-2.0)));
    r.inv = abv_div_d(abv_set_d(1.0), abv_add_d(abv_set_d(1.0), r.e));
    return r;
}

ABV_INLINE abv_d gelu_tanh_value_f64(abv_d x)
{
    gelu_tanh_parts c = gelu_tanh_core(x);
    abv_d right = abv_mul_d(x, c.inv);
    abv_d left = abv_mul_d(abv_mul_d(c.xc, c.e), c.inv);
    /* Chosen by x's sign bit: -0 takes the left form, -0*E/(1+E) = -0. */
    abv_d y = abv_select_d(abv_sign_set_d(x), left, right);
    /* |x| < 2^-40: x*(1/2 +- 2^-52), on the exact value's side of x/2. */
    abv_d nudge = abv_or_d(abv_set_d(0x1p-52), abv_and_d(x, abv_set_d(-0.0)));
    abv_d tiny_value = abv_mul_d(x, abv_add_d(abv_set_d(0.5), nudge));
    abv_dmask tiny = abv_lt_d(abv_andnot_d(abv_set_d(-0.0), x), abv_set_d(0x1p-40));
    return abv_select_d(tiny, tiny_value, y);
}

ABV_INLINE abv_d gelu_tanh_slope_f64(abv_d x)
{
    gelu_tanh_parts c = gelu_tanh_core(x);
    abv_d s_minus = abv_mul_d(c.e, c.inv); /* s(-2|u|) */
    abv_dmask negative = abv_lt_d(x, abv_zero_d());
    abv_d s_of_2u = abv_select_d(negative, s_minus, c.inv);
    abv_d s_of_minus_2u = abv_select_d(negative, c.inv, s_minus);
    abv_d du = abv_mul_d(abv_set_d(GT_C),
                               abv_fma_d(abv_mul_d(c.xc, c.xc),
                                               abv_set_d(3.0 * GT_A), abv_set_d(1.0)));
    abv_d bracket = abv_fma_d(abv_mul_d(abv_add_d(c.xc, c.xc), du),
                                      s_of_minus_2u, abv_set_d(1.0));
    abv_d slope = abv_mul_d(s_of_2u, bracket);
    abv_dmask near_root = abv_mask_and_d(abv_ge_d(x, abv_set_d(-1.0)),
                                      abv_le_d(x, abv_set_d(-0.5)));
    return abv_select_d(near_root, derivative_near_root(x), slope);
}

ABV_INLINE abv_f gelu_tanh_exp_div(abv_f x, const ab_params *p)
{
    (void)p;
    return abv_in_double_keep_nan(x, gelu_tanh_value_f64);
}

ABV_INLINE abv_f gelu_tanh_exp_div_derivative(abv_f x, const ab_params *p)
{
    (void)p;
    return abv_in_double_keep_nan(x, gelu_tanh_slope_f64);
}

#endif
