/*
 * gelu forward, the fast-t8-p7 method, written once for every ISA of
 * vec_*.h (the kernel files avx2_fast_t8_p7.c and avx512_fast_t8_p7.c state
 * each one's declared bound).
 * gelu(x) = x Phi(x): x >= 0: x - h, x < 0: -h, with h = a Phi(-a),
 * a = |x| (so the negative side is a product, no 1 + erf cancellation, and
 * h <= x/2 on the positive side). h = e^(-a^2/2) S(a), S(a) = a Phi(-a)
 * e^(a^2/2), which is entire and flat (0 at a = 0, -> 1/sqrt(2 pi)).
 * Fast path, taken when every lane has |x| <= 12 (all of normal(0,1) and
 * uniform[-10,10]), in binary32 only:
 * - a^2 = s + s_lo exactly (one FMS); e^(-s/2) 2^32 = eb + eb_lo from
 *   vec/lean_math.h's core (rr2 Cody-Waite, degree-5 q), with s_lo's
 *   effect e^(-s_lo/2) ~ 1 - s_lo/2 folded into eb_lo (without it the
 *   rounding of a^2 alone costs up to 72 2^-24 near a = 12).
 * - S from an 8-piece table (scripts/sollya/gelu_fast_table.sollya): the
 *   piece is the top mantissa bit and exponent of a + 1 ([0,1/2), [1/2,1),
 *   [1,2), [2,3), [3,5), [5,7), [7,11), [11,12]; one add, one shift, one
 *   subtract), each coefficient one vpermps from its 8 entries. Degree 7 in
 *   v = a - cen (exact, Sterbenz), the constant term as a binary32 pair,
 *   the rounding of the last Horner step recovered (one FMA): S = s + s_lo
 *   to the fit's 2^-26.8 plus the lower Horner terms' roundings, scaled
 *   down by v p1/S.
 * - h = (eb S + (eb_lo S + eb S_lo)) 2^-32, one rounding for normal h.
 * What is left is the exp core (~2^-25), S's fit and the final rounding(s).
 * Slow path: a vector with any lane outside (|x| > 12, +-inf, NaN) runs the
 * binary64 method of gelu/vec_erfcx.h on the whole vector, and its lanes
 * replace those outside (a lane's bits never depend on its neighbours): one
 * compare + movemask + a branch these inputs make predictable.
 * Zeros and subnormal x stay on the fast path: h = x/2 rounded about once
 * (S = a (1/2 + ...), the piece-0 polynomial keeps its relative accuracy
 * down to a = 0), +0 -> +0, -0 -> -0.
 * Speed (one run on a shared, noisy AMD EPYC Zen 4 under KVM, L1, forward,
 * ticks/element, uniform[-10,10] and normal(0,1) alike): avx2 2.41, the
 * binary64 kernel 6.44, oneDNN capped at AVX2 1.71, Eigen 1.75, libmvec
 * 1.95: 2.7x faster than before, still about 1.4x the fastest AVX2 peer.
 * What costs: ten vpermps (one per coefficient) and the two-part products
 * that keep the bound; an Estrin evaluation and fewer low parts (a degree-8
 * table with c0 in one float) are the next things to try.
 * scripts/portbound.py finds no storing loop in the forward function (the
 * slow-path branch splits it), so it gives no bound for it.
 * Derivative: not rewritten yet; the kernel files run the binary64 method
 * (gelu/vec_erfcx.h) for it.
 */
#ifndef ACTBENCH_GELU_VEC_FAST_T8_P7_H
#define ACTBENCH_GELU_VEC_FAST_T8_P7_H

#include "vec/lean_math.h"
#include "gelu/vec_erfcx.h"

#define GELU_FAST_ABS_MAX 12.0f
/* bits(1.0f) >> 22: a + 1 in [1, 1.5) is piece 0 */
#define GELU_FAST_PIECE_BASE 254

/* scripts/sollya/gelu_fast_table.sollya: per piece, its centre and the
 * coefficients of S(cen + v) (piece 0: v R(v), C0 = 0); gelu_fast_c[j - 1]
 * is the script's row Cj. */
static const float gelu_fast_cen[8] = {0.0f, 0x1.8p-1f, 0x1.8p0f, 0x1.4p1f, 0x1p2f, 0x1.8p2f,
                                       0x1.2p3f, 0x1.7p3f};
static const float gelu_fast_c0_hi[8] = {0.0f, 0x1.cd2836p-3f, 0x1.3c144p-2f, 0x1.69cee6p-2f,
                                         0x1.82b4bcp-2f, 0x1.8e010ep-2f, 0x1.93a64ep-2f,
                                         0x1.957ed8p-2f};
static const float gelu_fast_c0_lo[8] = {0.0f, -0x1.892aa4p-28f, 0x1.46f5ep-28f, 0x1.8245d4p-27f,
                                         -0x1.ee65fp-29f, -0x1.a3ee88p-27f, 0x1.8d33a4p-27f,
                                         -0x1.3c981p-27f};
static const float gelu_fast_c[7][8] = {
    {0x1p-1f, 0x1.5bf7f2p-3f, 0x1.204036p-4f, 0x1.bf399ep-6f, 0x1.2dd9f8p-7f, 0x1.a0eee2p-9f,
     0x1.0b6df4p-10f, 0x1.073c62p-11f},
    {-0x1.98843ep-2f, -0x1.c2c6f4p-4f, -0x1.3320c8p-5f, -0x1.789dbcp-7f, -0x1.78ff0ep-9f,
     -0x1.7b5a16p-11f, -0x1.54b08cp-13f, -0x1.0ae414p-14f},
    {0x1.fff9c4p-3f, 0x1.d68c82p-5f, 0x1.0d61bcp-6f, 0x1.0ac208p-8f, 0x1.944428p-11f,
     0x1.2cac94p-13f, 0x1.7dc29ep-16f, 0x1.ddcbe2p-18f},
    {-0x1.100852p-3f, -0x1.a88bc2p-6f, -0x1.9e9d56p-8f, -0x1.5147aep-10f, -0x1.8899eap-13f,
     -0x1.b5f806p-16f, -0x1.8b3842p-19f, -0x1.8e3df4p-21f},
    {0x1.f87b58p-5f, 0x1.571e76p-7f, 0x1.214e38p-9f, 0x1.881acp-12f, 0x1.63dc94p-15f,
     0x1.2cd092p-18f, 0x1.85a72p-22f, 0x1.382ee2p-24f},
    {-0x1.84874p-6f, -0x1.0166bcp-8f, -0x1.86a0ecp-11f, -0x1.b79bfep-14f, -0x1.4cda1cp-17f,
     -0x1.9f5b56p-21f, -0x1.9ecf2ep-25f, -0x1.ed221p-28f},
    {0x1.73381ap-8f, 0x1.63b4f6p-10f, 0x1.e0fafp-13f, 0x1.c19cdp-16f, 0x1.1559bp-19f,
     0x1.097edep-23f, 0x1.877822p-28f, 0x1.80afdcp-29f},
};

/* S(a) = s + *s_lo (see the method above). */
ABV_INLINE abv_f gelu_fast_s_of_a(abv_f a, abv_f *s_lo)
{
    abv_i piece = abv_sub_i(abv_sra_i(abv_bits(abv_add(a, abv_set(1.0f))), 22),
                            abv_set_i(GELU_FAST_PIECE_BASE));
    abv_f v = abv_sub(a, abv_lookup8(abv_table8(gelu_fast_cen), piece));
    abv_f p1 = abv_lookup8(abv_table8(gelu_fast_c[6]), piece);
    for (int j = 5; j >= 0; j--)
        p1 = abv_fma(p1, v, abv_lookup8(abv_table8(gelu_fast_c[j]), piece));
    abv_f c0 = abv_lookup8(abv_table8(gelu_fast_c0_hi), piece);
    abv_f s = abv_fma(v, p1, c0);
    /* c0 - s is exact: s is within a factor 2 of c0, or c0 = 0 */
    *s_lo = abv_add(abv_fma(v, p1, abv_sub(c0, s)),
                    abv_lookup8(abv_table8(gelu_fast_c0_lo), piece));
    return s;
}

ABV_INLINE abv_f gelu_fast_t8_p7(abv_f x, const ab_params *p)
{
    abv_f a = abv_andnot(abv_sign_bit(), x);
    abv_f sq = abv_mul(a, a);
    abv_f sq_lo = abv_fms(a, a, sq);
    abv_f eb_lo;
    abv_f eb = abv_lean_exp_neg_big(abv_mul(sq, abv_set(-0.5f)), &eb_lo);
    eb_lo = abv_fma(eb, abv_mul(sq_lo, abv_set(-0.5f)), eb_lo);
    abv_f s_lo;
    abv_f s = gelu_fast_s_of_a(a, &s_lo);
    abv_f h = abv_fma(eb, s, abv_fma(eb_lo, s, abv_mul(eb, s_lo)));
    h = abv_mul(h, abv_set(AB_LEAN_UNSCALE));
    abv_f y = abv_select(abv_sign_set(x), abv_xor(h, abv_sign_bit()), abv_sub(x, h));
    abv_mask outside = abv_gt_or_nan(a, abv_set(GELU_FAST_ABS_MAX));
    /* Per lane, so that an element's bits never depend on its neighbours. */
    if (__builtin_expect(abv_any(outside), 0))
        y = abv_select(outside, gelu_erfcx(x, p), y);
    return y;
}

#endif
