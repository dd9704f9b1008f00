/* mish, avx2-fast-p6-div: the math of mish/vec_fast_p6_div.h on 8 lanes (AVX2 + FMA).
 * Method (mish/vec_fast_p6_div.h): fast path when every lane has |x| <= 100:
 * x n / (n + 2), n = e^x (e^x + 2), e^x at min(x, 12) scaled by 2^32 (rr2
 * Cody-Waite, degree-5 q from scripts/sollya/lean_exp_rr_p6.sollya), every
 * term in two parts, one vdivps, the low parts added back over a rough
 * integer-arithmetic 1/d (vec/fast_math.h). Derivative, when every lane has
 * |x| <= 64: (n (n + 2) + 4x e^x (1 + e^x)) / (n + 2)^2 in two parts, one
 * vdivps and the same repair, a Sollya polynomial around its zero on
 * [-1.25, -1] (scripts/sollya/mish_fast_deriv_root.sollya). A vector with
 * any other lane also runs the rr-p6-div math (mish/vec_two_part.h), whose
 * results replace those lanes only.
 * Port bound: scripts/portbound.py cuts out the whole loop, slow path included (174
 * instructions forward, 297 derivative), so its bound is not the fast path's. The fast path
 * alone is 50 instructions forward and 96 derivative; llvm-mca 14 (znver3) puts them at 21
 * and 40 cycles per 8 elements (2.6 and 5.0 cycles/element), llvm-mca 19 (znver4) at 12.5
 * and 24: bound by the two FMA pipes, which take the exp core (10 FMA-class operations) and
 * the exact low parts of 2 + e^x, n, x n and the derivative's products, plus the divider.
 * Speed (one session run on a loaded AMD EPYC Zen 4 under KVM, L1, median ticks/element, both
 * distributions alike): forward 2.37 against peer-onednn 1.28-1.32 (1.8x, the target 1.0x
 * missed) and avx2-rr-p6-div 4.92; derivative 4.86 against 2.09-2.17 (2.3x) and 7.22. Tried:
 * per-sign terms e^-|x| (73 instructions, 2.92 ticks), then the single n/(n + 2) form with
 * e^x clamped at 12 (this one). The low parts are what a peer skips; where x < 0 each of
 * their roundings reaches the result with a factor near 1 (tanh(softplus) ~ n/2), beside the
 * quotient's half ULP and e^x's ~0.4 ULP (dropping them one by one was not measured).
 * Declared bound (the registry's): forward 2 ULP, derivative 2 ULP. Measured over every
 * binary32 input: forward 1.49 ULP (x = -0x1.4cbafcp+2), derivative 1.51 ULP
 * (x = -0x1.7730ecp+2), no error class. Measured: row avx2-fast-p6-div of
 * results/exhaustive/mish.csv.
 */
#include "vec/vec_avx2.h"
#include "mish/vec_fast_p6_div.h"

void AB_KERNEL(ab_mish_avx2_fast_p6_div_forward)(const float *x, float *y, size_t n,
                                                 const ab_params *p)
{
    abv_apply(x, y, n, p, mish_fast_p6_div);
}

void AB_KERNEL(ab_mish_avx2_fast_p6_div_derivative)(const float *x, float *y, size_t n,
                                                    const ab_params *p)
{
    abv_apply(x, y, n, p, mish_fast_p6_div_derivative);
}
