/*
 * mish, the fast-p6-div method, written once for every ISA of vec_*.h (the
 * kernel files avx2_fast_p6_div.c and avx512_fast_p6_div.c state each one's
 * declared bound).
 * tanh(softplus(x)) = n / (n + 2), n = e^x (e^x + 2), so mish = x n / (n + 2):
 * only positive terms, no cancellation, no per-sign cases. e^x comes from
 * vec/lean_math.h's core (rr2 Cody-Waite, degree-5 q from
 * scripts/sollya/lean_exp_rr_p6.sollya) at min(x, 12), scaled by 2^32 and
 * with its rounding as a low part; 2 + e^x, n, n + 2 and x n are carried in
 * two parts (Fast2Sum, FMA product errors), then one vdivps and
 * vec/fast_math.h's repair: the low parts over a rough integer-arithmetic
 * 1/d. The scale 2^32 (n at 2^64) keeps e^x normal down to x = -100, so a
 * subnormal result (x < -87.3) comes out of the division rounded once.
 * Fast path, taken when every lane has |x| <= 100 (all of normal(0,1) and
 * uniform[-10,10]); zeros and subnormal x stay on it (x n is normal), and
 * the sign of x is copied onto the result (the repair would turn -0 to +0).
 * Slow path: a vector with a lane of |x| > 100 (where x n may overflow),
 * +-inf or NaN runs the rr-p6-div kernel's math (mish/vec_two_part.h) on
 * the whole vector, and its lanes replace those outside the region (a
 * lane's bits never depend on its neighbours): one compare + movemask + a
 * branch that these inputs make predictable.
 * Derivative: tanh(sp) + x sigma(x) sech^2(sp) over one denominator,
 * (n (n + 2) + 4x e^x (1 + e^x)) / (n + 2)^2 (sech^2 = 4(1 + e^x)^2/(n + 2)^2,
 * sigma = e^x / (1 + e^x)), at scale 1, for |x| <= 64 (e^x and its low part
 * stay normal); the sum cancels for x < 0, so it is a TwoSum of two-part
 * products, renormalised before the repair. On [-1.25, -1], around the zero
 * x0 ~ -1.1924 where that cancellation amplifies the error of e^x up to
 * ~3.6 times, a Sollya polynomial in x - x0
 * (scripts/sollya/mish_fast_deriv_root.sollya) replaces it by a blend.
 * Other lanes: the rr-p6-div derivative, as for the forward.
 */
#ifndef ACTBENCH_MISH_VEC_FAST_P6_DIV_H
#define ACTBENCH_MISH_VEC_FAST_P6_DIV_H

#include "vec/fast_math.h"
#include "mish/vec_two_part.h"

#define MISH_FAST_ABS_MAX 100.0f
/* e^x is taken at min(x, 12): from x ~ 9.1 up mish(x) rounds to x and
 * mish'(x) to 1, and e^12 keeps n (n + 2) below 2^71. */
#define MISH_FAST_EXP_X_MAX 12.0f

/* n = e^x (e^x + 2) and n + 2 in two parts, e^x at the scale `one` (2^32
 * for the forward, where subnormal results need it, 1 for the derivative),
 * n at one^2. The rounding error of a sum is exact by two adds (Fast2Sum)
 * when the first operand is the larger, or a power of 2 that is a multiple
 * of the sum's ULP: 2 + e^x is (e^x <= e^12 << 2^24 2), n + 2 is not for
 * n > 2^24 (x > 8.6), hence max and min there. */
typedef struct {
    abv_f e, e_lo;     /* e^x one */
    abv_f n, n_lo;     /* e^x (e^x + 2) one^2 */
    abv_f den, den_lo; /* n + 2 one^2 */
} mish_fast_terms;

/* (a + a_lo)(b + b_lo) as a product and *lo: its exact rounding error (FMA)
 * plus the cross terms; a_lo b_lo is left. */
ABV_INLINE abv_f mish_fast_mul2(abv_f a, abv_f a_lo, abv_f b, abv_f b_lo, abv_f *lo)
{
    abv_f prod = abv_mul(a, b);
    *lo = abv_fma(a, b_lo, abv_fma(a_lo, b, abv_fms(a, b, prod)));
    return prod;
}

/* (a + a_lo) + (b + b_lo) for sums that may cancel: TwoSum, then
 * renormalised so that *lo is below half an ULP of the result (the repair
 * of vec/fast_math.h needs a small low part). */
ABV_INLINE abv_f mish_fast_add2(abv_f a, abv_f a_lo, abv_f b, abv_f b_lo, abv_f *lo)
{
    abv_f sum = abv_add(a, b);
    abv_f sum_lo = abv_add(two_sum_lo(a, b, sum), abv_add(a_lo, b_lo));
    abv_f hi = abv_add(sum, sum_lo);
    *lo = abv_sub(sum_lo, abv_sub(hi, sum));
    return hi;
}

ABV_INLINE mish_fast_terms mish_fast_terms_of(abv_f x, float one)
{
    mish_fast_terms t;
    t.e = abv_lean_exp_neg_big(abv_min(x, abv_set(MISH_FAST_EXP_X_MAX)), &t.e_lo);
    if (one != AB_LEAN_SCALE) {
        const abv_f unscale = abv_set(one * AB_LEAN_UNSCALE);
        t.e = abv_mul(t.e, unscale);
        t.e_lo = abv_mul(t.e_lo, unscale);
    }
    const abv_f two = abv_set(2.0f * one);
    abv_f a = abv_add(two, t.e);
    abv_f a_lo = abv_add(abv_add(abv_sub(two, a), t.e), t.e_lo);
    t.n = mish_fast_mul2(t.e, t.e_lo, a, a_lo, &t.n_lo);
    const abv_f two_sq = abv_set(2.0f * one * one);
    t.den = abv_add(two_sq, t.n);
    t.den_lo = abv_add(abv_add(abv_sub(abv_max(two_sq, t.n), t.den), abv_min(two_sq, t.n)),
                       t.n_lo);
    return t;
}

ABV_INLINE abv_f mish_fast_p6_div(abv_f x, const ab_params *prm)
{
    mish_fast_terms t = mish_fast_terms_of(x, AB_LEAN_SCALE);
    abv_f num = abv_mul(x, t.n);
    abv_f num_lo = abv_fma(x, t.n_lo, abv_fms(x, t.n, num));
    abv_f y = abv_fast_div_fix(abv_div(num, t.den), num_lo, t.den, t.den_lo);
    /* mish has the sign of x: the repair would turn -0 to +0 */
    y = abv_or(y, abv_and(x, abv_sign_bit()));
    abv_f ax = abv_andnot(abv_sign_bit(), x);
    /* NaN: the unordered compare is true */
    abv_mask outside = abv_gt_or_nan(ax, abv_set(MISH_FAST_ABS_MAX));
    /* Per lane, so that an element's bits never depend on its neighbours. */
    if (__builtin_expect(abv_any(outside), 0))
        y = abv_select(outside, mish_two_part(x, prm), y);
    return y;
}

/* scripts/sollya/mish_fast_deriv_root.sollya: mish'(x0 + t) = t G(t) on
 * [-1.25, -1] (the rr-p6-div kernels' x0 = MISH_D_X0_HI + MISH_D_X0_LO),
 * G(0) a float pair; estimated 2^-31.3 relative. */
#define MISH_FAST_ROOT_LO -1.25f
#define MISH_FAST_ROOT_HI -1.0f
#define MISH_FAST_G0_HI 0x1.115accp-2f
#define MISH_FAST_G0_LO -0x1.7b531cp-27f
#define MISH_FAST_G_DEGREE 8
static const float mish_fast_g[MISH_FAST_G_DEGREE + 1] = {
    0.0f, 0x1.a34a26p-3f, 0x1.574f08p-5f, -0x1.4c355ap-6f, -0x1.0288c4p-6f,
    -0x1.66fe9ap-9f, -0x1.428db2p-7f, 0x1.d6a848p-5f, -0x1.92c914p-4f};

/* t = x - x0_hi is exact on the interval (Sterbenz); (t - x0_lo) G(t) with
 * G(0) = g0_hi + g0_lo and one final FMA rounding. */
ABV_INLINE abv_f mish_fast_derivative_near_root(abv_f x)
{
    abv_f t = abv_sub(x, abv_set(MISH_D_X0_HI));
    abv_f g = abv_set(mish_fast_g[MISH_FAST_G_DEGREE]);
    for (int k = MISH_FAST_G_DEGREE - 1; k >= 1; k--)
        g = abv_fma(g, t, abv_set(mish_fast_g[k]));
    g = abv_fma(g, t, abv_set(MISH_FAST_G0_LO));
    abv_f g0_hi = abv_set(MISH_FAST_G0_HI);
    return abv_fma(t, g0_hi, abv_fms(t, g, abv_mul(abv_set(MISH_D_X0_LO), g0_hi)));
}

/* Below e^-64 the low parts of e at scale 1 would lose bits (subnormal). */
#define MISH_FAST_D_ABS_MAX 64.0f

ABV_INLINE abv_f mish_fast_p6_div_derivative(abv_f x, const ab_params *prm)
{
    mish_fast_terms t = mish_fast_terms_of(x, 1.0f);
    /* mish' = tanh(sp) + x sigma sech^2(sp) = (n (n + 2) + 4x e^x (1 + e^x)) / (n + 2)^2 */
    abv_f t1_lo, t2_lo, n_lo, dd_lo;
    abv_f t1 = mish_fast_mul2(t.n, t.n_lo, t.den, t.den_lo, &t1_lo);
    /* e^x (1 + e^x) = n - e^x, n >= 2 e^x: Fast2Sum */
    abv_f ew = abv_sub(t.n, t.e);
    abv_f ew_lo = abv_add(abv_sub(abv_sub(t.n, ew), t.e), abv_sub(t.n_lo, t.e_lo));
    abv_f x4 = abv_mul(x, abv_set(4.0f));
    abv_f t2 = abv_mul(x4, ew);
    t2_lo = abv_fma(x4, ew_lo, abv_fms(x4, ew, t2));
    /* the sum cancels for x < 0 */
    abv_f n_hi = mish_fast_add2(t1, t1_lo, t2, t2_lo, &n_lo);
    abv_f dd = abv_mul(t.den, t.den);
    dd_lo = abv_fma(abv_add(t.den, t.den), t.den_lo, abv_fms(t.den, t.den, dd));
    abv_f y = abv_fast_div_fix(abv_div(n_hi, dd), n_lo, dd, dd_lo);
    abv_mask near_root = abv_mask_and(abv_ge(x, abv_set(MISH_FAST_ROOT_LO)),
                                      abv_le(x, abv_set(MISH_FAST_ROOT_HI)));
    y = abv_select(near_root, mish_fast_derivative_near_root(x), y);
    abv_f ax = abv_andnot(abv_sign_bit(), x);
    abv_mask outside = abv_gt_or_nan(ax, abv_set(MISH_FAST_D_ABS_MAX));
    if (__builtin_expect(abv_any(outside), 0))
        y = abv_select(outside, mish_two_part_derivative(x, prm), y);
    return y;
}

#endif
