/* mish, avx512-fast-p6-div: the math of mish/vec_fast_p6_div.h on 16 lanes (AVX-512F/BW/DQ/VL + FMA), tails by opmask loads and stores;
 * the same operations as the avx2 twin, so the same bits.
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
 * Port bound: scripts/portbound.py cuts out the whole loop, slow path included (159
 * instructions forward, 262 derivative), so its bound is not the fast path's. The fast path
 * alone is 45 instructions forward and 91 derivative; llvm-mca 14 (icelake-server) puts them
 * at 20 and 40.5 cycles per 16 elements, llvm-mca 19 (znver4, which splits 512-bit
 * operations) at 25.5 and 47.5: bound by the FMA pipes, which take the exp core and the
 * exact low parts, plus the divider.
 * Speed (one session run on a loaded AMD EPYC Zen 4 under KVM, L1, median ticks/element, both
 * distributions alike): forward 1.55 against peer-onednn-native 0.98-1.03 and the AVX2
 * peer-onednn 1.28-1.32; derivative 3.07-3.10 against 1.64-1.66 and 2.09-2.17.
 * Declared bound (the registry's): forward 2 ULP, derivative 2 ULP. Measured over every
 * binary32 input: forward 1.49 ULP (x = -0x1.4cbafcp+2), derivative 1.51 ULP
 * (x = -0x1.7730ecp+2), no error class. Measured: row avx512-fast-p6-div of
 * results/exhaustive/mish.csv.
 */
#include "vec/vec_avx512.h"
#include "mish/vec_fast_p6_div.h"

void AB_KERNEL(ab_mish_avx512_fast_p6_div_forward)(const float *x, float *y, size_t n,
                                                 const ab_params *p)
{
    abv_apply(x, y, n, p, mish_fast_p6_div);
}

void AB_KERNEL(ab_mish_avx512_fast_p6_div_derivative)(const float *x, float *y, size_t n,
                                                    const ab_params *p)
{
    abv_apply(x, y, n, p, mish_fast_p6_div_derivative);
}
