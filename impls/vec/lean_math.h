/*
 * The lean core of the fast exp-family kernels (variants *-rr2-p6-div),
 * written once for every ISA of vec_*.h: e^z for z <= 0, returned scaled by
 * 2^32 so that it is a normal float for every z down to the clamp, with the
 * fewest constants and operations that keep the kernels within 2 ULP over
 * all binary32 inputs. Include after vec/vec_avx2.h or vec/vec_avx512.h.
 *
 * Method: n = round(z log2e) by adding a magic constant that also carries
 * the exponent bias + 32, so 2^(n+32) is the magic sum's bits shifted left
 * by 23 (one integer shift, no separate n -> int conversion); Cody-Waite
 * r = z - n ln2_hi - n ln2_lo (two FMAs, "rr2"); e^r = 1 + r q(r), q of degree 5
 * (scripts/sollya/lean_exp_rr_p6.sollya, certified 2^-27.98 relative on
 * |r| <= ln2/2); e^z 2^32 = s + (s r) q with s = 2^(n+32), one FMA and no
 * rounding of 1 + r q. A degree-4 q (lean_exp_rr_p5.sollya, 2^-23.4) saves
 * one FMA but leaves too little margin for the 2-ULP budget of the
 * compositions.
 * Why 2^32: the kernels' results for z in [-104, -87.3] are subnormal; they
 * compute with e 2^32 (normal) and multiply by 2^-32 last, so a subnormal
 * result is rounded once instead of being built from a flushed or already
 * rounded subnormal e^z. FTZ/DAZ must be off (abv_apply does that).
 * NaN: the clamp is max(-104, z), which returns z when z is NaN.
 */
#ifndef ACTBENCH_VEC_LEAN_MATH_H
#define ACTBENCH_VEC_LEAN_MATH_H

#include "vec/exp_math.h"

/* scripts/sollya/lean_exp_rr_p6.sollya */
#define AB_LEAN_EXP_C1 0x1p0f
#define AB_LEAN_EXP_C2 0x1.fffff8p-2f
#define AB_LEAN_EXP_C3 0x1.55548cp-3f
#define AB_LEAN_EXP_C4 0x1.555b82p-5f
#define AB_LEAN_EXP_C5 0x1.123cf6p-7f
#define AB_LEAN_EXP_C6 0x1.686a4p-10f

/* 1.5 2^23 + 127 + 32: the low mantissa bits of z log2e + this are
 * n + 159, i.e. the biased exponent of 2^(n+32). */
#define AB_LEAN_MAGIC 0x1.80013ep23f
#define AB_LEAN_SCALE 0x1p32f
#define AB_LEAN_UNSCALE 0x1p-32f
/* e^-104 < 2^-150: every result built from e^z with z below rounds to 0
 * (or is z-independent); n >= -150 keeps 2^(n+32) >= 2^-118, normal. */
#define AB_LEAN_Z_MIN -104.0f

/* As abv_lean_exp_neg_big below, clamping z at z_min >= AB_LEAN_Z_MIN_FLOOR
 * instead of -104 (silu: x e^x is nonzero down to x ~ -108.4). */
#define AB_LEAN_Z_MIN_FLOOR -109.0f /* n >= -158: 2^(n+32) still normal */
ABV_INLINE abv_f abv_lean_exp_neg_big_from(abv_f z, float z_min, abv_f *eb_lo)
{
    z = abv_max(abv_set(z_min), z);
    abv_f t = abv_fma(z, abv_set(AB_LOG2E), abv_set(AB_LEAN_MAGIC));
    abv_f s = abv_from_bits(abv_shl_i(abv_bits(t), 23));
    abv_f n = abv_sub(t, abv_set(AB_LEAN_MAGIC));
    abv_f r = abv_fnma(n, abv_set(AB_LN2_HI), z);
    r = abv_fnma(n, abv_set(AB_LN2_LO), r);
    abv_f q = abv_fma(abv_set(AB_LEAN_EXP_C6), r, abv_set(AB_LEAN_EXP_C5));
    q = abv_fma(q, r, abv_set(AB_LEAN_EXP_C4));
    q = abv_fma(q, r, abv_set(AB_LEAN_EXP_C3));
    q = abv_fma(q, r, abv_set(AB_LEAN_EXP_C2));
    q = abv_fma(q, r, abv_set(AB_LEAN_EXP_C1));
    abv_f sr = abv_mul(s, r);
    abv_f eb = abv_fma(sr, q, s);
    *eb_lo = abv_fma(sr, q, abv_sub(s, eb));
    return eb;
}

/* e^z 2^32 = eb + *eb_lo for z <= 0 (NaN in, NaN out; z < -104 treated
 * as -104, whose e^z 2^32 ~ 2^-118 makes every caller's result round to
 * zero). s r is exact (s a power of 2), so eb = fl(s + (s r) q) has one
 * rounding, and *eb_lo = (s r) q + (s - eb) recovers it (s - eb is exact:
 * eb is within a factor 2 of s); what remains is the rounding of r and q,
 * ~0.4 ULP of e. */
ABV_INLINE abv_f abv_lean_exp_neg_big(abv_f z, abv_f *eb_lo)
{
    return abv_lean_exp_neg_big_from(z, AB_LEAN_Z_MIN, eb_lo);
}

/* (1 + e) 2^32 = 2^32 + eb as d + *d_lo: 2^32 - d is exact (d in
 * [2^32, 2^33], Sterbenz), so (2^32 - d) + eb is the rounding error of d;
 * eb_lo joins the low part. Adds only: they run on the FADD pipes, beside
 * the FMA pipes that bound these kernels. Working at scale 2^32 throughout
 * means a quotient eb / d is already the final, once-rounded (possibly
 * subnormal) result: no unscaling multiply. */
ABV_INLINE abv_f abv_lean_denominator(abv_f eb, abv_f eb_lo, abv_f *d_lo)
{
    const abv_f scale = abv_set(AB_LEAN_SCALE);
    abv_f d = abv_add(scale, eb);
    *d_lo = abv_add(abv_add(abv_sub(scale, d), eb), eb_lo);
    return d;
}

/* (num + num_lo) / (d + d_lo), rounded about once: r = 1/d correctly
 * rounded (the divider runs beside the FMA pipes, which bound these
 * kernels), q = num r (faithful), the exact remainder num - q d (FMA) plus
 * the low parts, and q + rem r (r's 2^-24 error acts on a 1-ULP
 * correction). No estimate instruction: the same bits on every x86-64 CPU.
 * Requires |num_lo| << |num|, |d_lo| << d, and 2^32 <= d (so 1/d is a
 * normal float). NaN propagates through the product. */
ABV_INLINE abv_f abv_lean_div_hilo(abv_f num, abv_f num_lo, abv_f d, abv_f d_lo)
{
    abv_f r = abv_div(abv_set(1.0f), d);
    abv_f q = abv_mul(num, r);
    abv_f rem = abv_fnma(q, d, num);
    rem = abv_fnma(q, d_lo, abv_add(rem, num_lo));
    return abv_fma(rem, r, q);
}

#endif
