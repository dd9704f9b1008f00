/*
 * Binary64 helpers for the kernels that evaluate in double and round once
 * to binary32 (gelu, gelu_tanh, softsign, hardsigmoid, hardswish, softmax,
 * log_softmax), written once for every ISA of vec_*.h: e^x in binary64,
 * t/6 correctly rounded without a division, and the map of a binary64
 * function over a vector of floats.
 *
 * e^x: x = k*ln2 + r, k = round(x/ln2) by the 1.5*2^52 magic add, r by
 * Cody-Waite with ln2_hi holding 37 significant bits (k*ln2_hi exact for
 * |k| < 2^16), e^r = 1 + r + c2 r^2 + ... + c9 r^9 (binary64 minimax from
 * scripts/sollya/gelu_exp_f64.sollya, certified relative error 2^-45.79),
 * scaled by 2^k built in the exponent field. Valid for x in [-1000, 700]
 * (normal double results); callers clamp their arguments far inside it.
 * Relative error about 2^-45: more than enough below a binary32 rounding.
 */
#ifndef ACTBENCH_VEC_F64_MATH_H
#define ACTBENCH_VEC_F64_MATH_H

#include "vec/apply.h"

#define AB_F64_LOG2E 0x1.71547652b82fep0
#define AB_F64_LN2_HI 0x1.62e42fefap-1     /* 37 bits: k*hi exact */
#define AB_F64_LN2_LO 0x1.cf79abc9e3b3ap-40 /* ln2 - hi */
#define AB_F64_ROUND_MAGIC 0x1.8p52

/* e^x for x in [-1000, 700]. */
ABV_INLINE abv_d abv_exp_d(abv_d x)
{
    const abv_d magic = abv_set_d(AB_F64_ROUND_MAGIC);
    abv_d t = abv_fma_d(x, abv_set_d(AB_F64_LOG2E), magic);
    abv_d k = abv_sub_d(t, magic);
    abv_d r = abv_fnma_d(k, abv_set_d(AB_F64_LN2_HI), x);
    r = abv_fnma_d(k, abv_set_d(AB_F64_LN2_LO), r);
    /* scripts/sollya/gelu_exp_f64.sollya */
    abv_d p = abv_fma_d(abv_set_d(0x1.7101824800ed9p-19), r, abv_set_d(0x1.a16e3343e0b3cp-16));
    p = abv_fma_d(p, r, abv_set_d(0x1.a01b7384f8b45p-13));
    p = abv_fma_d(p, r, abv_set_d(0x1.6c163be8b2a71p-10));
    p = abv_fma_d(p, r, abv_set_d(0x1.1111108e2c2bep-7));
    p = abv_fma_d(p, r, abv_set_d(0x1.5555557def257p-5));
    p = abv_fma_d(p, r, abv_set_d(0x1.5555555589f05p-3));
    p = abv_fma_d(p, r, abv_set_d(0x1.fffffffff13f4p-2));
    p = abv_fma_d(p, abv_mul_d(r, r), r);
    p = abv_add_d(p, abv_set_d(1.0));
    /* k sits in the low bits of t: shift it into the exponent field. */
    abv_i64 k_bits = abv_sub_i64(abv_bits_d(t), abv_bits_d(magic));
    return abv_from_bits_d(abv_add_i64(abv_bits_d(p), abv_shl_i64(k_bits, 52)));
}

/* t/6 correctly rounded in binary64 without a division: q = t*RN(1/6) is
 * within an ulp, the remainder t - 6q is exact with an FMA, and one
 * correction q + r*RN(1/6) rounds to the correctly rounded quotient
 * (Markstein's theorem; the same value as a division, at FMA throughput).
 * The correction turns t = -0 into +0, so t's sign is put back (t/6 has
 * it); for t = ±inf the residual is NaN and the plain product is the
 * answer. */
ABV_INLINE abv_d abv_div6_d(abv_d t)
{
    const abv_d sixth = abv_set_d(1.0 / 6.0);
    abv_d q = abv_mul_d(t, sixth);
    abv_d r = abv_fnma_d(q, abv_set_d(6.0), t);
    abv_d quotient = abv_fma_d(r, sixth, q);
    quotient = abv_select_d(abv_is_nan_d(r), q, quotient);
    return abv_or_d(quotient, abv_and_d(t, abv_set_d(-0.0)));
}

typedef abv_d (*abv_fn_d)(abv_d x);

/* f in binary64 on every lane of x, each result rounded once to binary32. */
ABV_INLINE abv_f abv_in_double(abv_f x, abv_fn_d f)
{
    abv_d2 v = abv_widen(x);
    v.lo = f(v.lo);
    v.hi = f(v.hi);
    return abv_narrow(v);
}

/* The same, NaN inputs returned as they are (their payload kept). */
ABV_INLINE abv_f abv_in_double_keep_nan(abv_f x, abv_fn_d f)
{
    return abv_select(abv_is_nan(x), x, abv_in_double(x, f));
}

#endif
