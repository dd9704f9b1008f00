/* mish, avx512-fast-p6-div: the math of mish/vec_fast_p6_div.h on 16 lanes (AVX-512F/BW/DQ/VL + FMA), tails by opmask loads and stores;
 * the same operations as the avx2 twin, so the same bits.
 * Method (mish/vec_fast_p6_div.h): fast path when every lane has |x| <= 100:
 * x P / (P + K), P and K the two-part terms of tanh(softplus(x)) from
 * eb = e^-|x| 2^32 (rr2 Cody-Waite, degree-5 q from
 * scripts/sollya/lean_exp_rr_p6.sollya), one vdivps, the low parts added back
 * over a rough integer-arithmetic 1/d (vec/fast_math.h); a vector with any
 * other lane also runs the rr-p6-div math (mish/vec_two_part.h), whose
 * results replace those lanes only.
 * Declared bound (the registry's): forward 2 ULP, derivative 2 ULP. Measured: row
 * avx512-fast-p6-div of results/exhaustive/mish.csv (every binary32 input) or, before a sweep,
 * of results/<machine_id>/accuracy.csv (sampled).
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
