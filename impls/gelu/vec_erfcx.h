/*
 * gelu, the binary64 erfcx method of the avx2-f64-erfcx-p12-div variant, written once for
 * every ISA of vec_*.h (each kernel file states its measured bound).
 * x*Phi(x) = (x/2)*erfc(-x/sqrt(2)), evaluated in binary64 and rounded once
 * to binary32.
 *
 * Method. a = min(|x|, 15) (gelu and gelu' have underflowed below 2^-150
 * before |x| = 15 on the negative side; on the positive side the clamp only
 * keeps +inf finite), t = a/sqrt(2), s = a^2/2 (exact in binary64).
 * erfc(t) = e^(-s) * G(u) / (1 + 2t), u = (t - 7/2)/(t + 7/2): G is a
 * degree-12 binary64 polynomial (scripts/sollya/gelu_erfcx.sollya, certified
 * relative error 2^-35.25 over the whole range), e^(-s) the binary64 exp of
 * vec/f64_math.h; both quotients come from one division 1/((1+2t)(t+7/2)).
 * Q = erfc(t)/2 = Phi(-a). Forward: x >= +0: x - a*Q; x <= -0: -(a*Q), so the
 * negative tail is a product (no 1 + erf cancellation) and stays accurate
 * through the subnormal results (x down to about -14.2; no flush), and
 * gelu(-0) = -0. For |x| < 2^-40, Q is replaced by 1/2 - 2^-52 so that the
 * binary64 value sits on the correct side of x/2 when x/2 is a binary32
 * rounding midpoint (subnormal x); the exact value is x/2 + x^2/sqrt(2pi).
 * Derivative: Phi(x) + x*phi(x) with P = a*e^(-s)/sqrt(2pi): x > 0: (1 - Q) +
 * P; x < -1 and -1/2 < x <= 0: Q - P (the terms differ by a factor of 2 or
 * more there); on [-1, -1/2] around the root x0 = -0.7518 the two terms
 * cancel, so there gelu'(x) = v*R(v), v = (x - x0_hi) - x0_lo, R of degree 8
 * (scripts/sollya/gelu_derivative_root.sollya, relative error 2^-37.2).
 * NaN: propagated by a final blend. +inf: x - 15*Q = +inf, gelu' = 1.
 * -inf: -0 and -0 (the clamped value rounds to -0). Results do not depend
 * on FTZ/DAZ: abv_apply clears them for the call.
 */
#ifndef ACTBENCH_GELU_VEC_ERFCX_H
#define ACTBENCH_GELU_VEC_ERFCX_H

#include "vec/f64_math.h"

#define GELU_K 3.5
#define GELU_ABS_CLAMP 15.0
#define GELU_TINY 0x1p-40
#define INV_SQRT2 0x1.6a09e667f3bcdp-1
#define INV_SQRT_2PI 0x1.9884533d43651p-2
#define ROOT_HI -0x1.80ead197f00b4p-1
#define ROOT_LO 0x1.13e74c58cada8p-56

/* G(u) = erfcx(t)*(1 + 2t): scripts/sollya/gelu_erfcx.sollya */
ABV_INLINE abv_d erfcx_scaled(abv_d u)
{
    abv_d p = abv_fma_d(abv_set_d(-0x1.145e13ed0a901p-14), u,
                                abv_set_d(-0x1.cd97323ad07adp-14));
    p = abv_fma_d(p, u, abv_set_d(0x1.3410284e2b75p-11));
    p = abv_fma_d(p, u, abv_set_d(-0x1.3afba4fa7a4e3p-12));
    p = abv_fma_d(p, u, abv_set_d(-0x1.14c7c286de384p-8));
    p = abv_fma_d(p, u, abv_set_d(0x1.38e432e88d836p-6));
    p = abv_fma_d(p, u, abv_set_d(-0x1.8ff30d861d517p-5));
    p = abv_fma_d(p, u, abv_set_d(0x1.68616bfaa6b8fp-4));
    p = abv_fma_d(p, u, abv_set_d(-0x1.d7684d657c2b7p-4));
    p = abv_fma_d(p, u, abv_set_d(0x1.8f7027d53468fp-4));
    p = abv_fma_d(p, u, abv_set_d(-0x1.59e2bb79e9123p-7));
    p = abv_fma_d(p, u, abv_set_d(-0x1.1ebd21fed9dddp-3));
    return abv_fma_d(p, u, abv_set_d(0x1.3e0a99a0da792p0));
}

/* gelu'(x0 + v) = v*R(v) on [-1, -1/2]: scripts/sollya/gelu_derivative_root.sollya */
ABV_INLINE abv_d derivative_near_root(abv_d x)
{
    abv_d v = abv_sub_d(abv_sub_d(x, abv_set_d(ROOT_HI)),
                              abv_set_d(ROOT_LO));
    abv_d p = abv_fma_d(abv_set_d(-0x1.7ff7adf79d416p-11), v,
                                abv_set_d(-0x1.221e85ad5e11ep-9));
    p = abv_fma_d(p, v, abv_set_d(0x1.29720683bfffbp-8));
    p = abv_fma_d(p, v, abv_set_d(0x1.3e2f4bec12dafp-6));
    p = abv_fma_d(p, v, abv_set_d(-0x1.e4087074c69ddp-7));
    p = abv_fma_d(p, v, abv_set_d(-0x1.d2fa46621e367p-4));
    p = abv_fma_d(p, v, abv_set_d(-0x1.2a2ef9bcc2996p-6));
    p = abv_fma_d(p, v, abv_set_d(0x1.8d9a941c2c8a2p-2));
    p = abv_fma_d(p, v, abv_set_d(0x1.b9d98fa5a2937p-2));
    return abv_mul_d(p, v);
}

typedef struct gelu_parts {
    abv_d a;  /* min(|x|, 15) */
    abv_d q;  /* Phi(-a) = erfc(a/sqrt2)/2 */
    abv_d e;  /* e^(-a^2/2) */
} gelu_parts;

ABV_INLINE gelu_parts gelu_core(abv_d x)
{
    gelu_parts r;
    abv_d abs_x = abv_andnot_d(abv_set_d(-0.0), x);
    r.a = abv_min_d(abs_x, abv_set_d(GELU_ABS_CLAMP));
    abv_d s = abv_mul_d(abv_mul_d(r.a, r.a), abv_set_d(0.5));
    abv_d t = abv_mul_d(r.a, abv_set_d(INV_SQRT2));
    abv_d t_plus_k = abv_add_d(t, abv_set_d(GELU_K));
    abv_d one_plus_2t = abv_fma_d(t, abv_set_d(2.0), abv_set_d(1.0));
    abv_d d = abv_div_d(abv_set_d(1.0), abv_mul_d(one_plus_2t, t_plus_k));
    abv_d u = abv_mul_d(abv_mul_d(abv_sub_d(t, abv_set_d(GELU_K)), one_plus_2t), d);
    abv_d w = abv_mul_d(t_plus_k, d); /* 1/(1+2t) */
    r.e = abv_exp_d(abv_sub_d(abv_zero_d(), s));
    abv_d half_erfc = abv_mul_d(abv_mul_d(r.e, abv_mul_d(erfcx_scaled(u), w)),
                                      abv_set_d(0.5));
    abv_dmask tiny = abv_lt_d(abs_x, abv_set_d(GELU_TINY));
    r.q = abv_select_d(tiny, abv_set_d(0.5 - 0x1p-52), half_erfc);
    return r;
}

ABV_INLINE abv_d gelu_value_f64(abv_d x)
{
    gelu_parts c = gelu_core(x);
    abv_d h = abv_mul_d(c.a, c.q);
    /* Chosen by x's sign bit: +0 gives 0 - 0 = +0, -0 gives -(+0) = -0. */
    abv_d minus_h = abv_xor_d(h, abv_set_d(-0.0));
    return abv_select_d(abv_sign_set_d(x), minus_h, abv_sub_d(x, h));
}

ABV_INLINE abv_d gelu_slope_f64(abv_d x)
{
    gelu_parts c = gelu_core(x);
    abv_d p = abv_mul_d(abv_mul_d(c.a, c.e), abv_set_d(INV_SQRT_2PI));
    abv_d right = abv_add_d(abv_sub_d(abv_set_d(1.0), c.q), p);
    abv_d left = abv_sub_d(c.q, p);
    abv_dmask positive = abv_gt_d(x, abv_zero_d());
    abv_d slope = abv_select_d(positive, right, left);
    abv_dmask near_root = abv_mask_and_d(abv_ge_d(x, abv_set_d(-1.0)),
                                      abv_le_d(x, abv_set_d(-0.5)));
    return abv_select_d(near_root, derivative_near_root(x), slope);
}

ABV_INLINE abv_f gelu_erfcx(abv_f x, const ab_params *p)
{
    (void)p;
    return abv_in_double_keep_nan(x, gelu_value_f64);
}

ABV_INLINE abv_f gelu_erfcx_derivative(abv_f x, const ab_params *p)
{
    (void)p;
    return abv_in_double_keep_nan(x, gelu_slope_f64);
}

#endif
