/* silu, avx512-fast2-p6-div: the math of silu/vec_fast2_p6_div.h on
 * 16 lanes (AVX-512F/BW/DQ/VL + FMA), tails by opmask loads and stores;
 * the same operations as the avx2 twin, so the same bits.
 * Method: forward, the fast-p6-div variant's (silu/vec_fast_p6_div.h).
 * Derivative (silu/vec_fast2_p6_div.h): (eb C + K) / (2^64 + eb (2^33 +
 * eb)), eb = e^-|z| 2^32 (rr2 Cody-Waite, degree-5 q from
 * scripts/sollya/lean_exp_rr_p6.sollya), C = (1 + z) 2^32 (+ eb for z < 0),
 * K = 2^64 (z >= 0) or 0, one vdivps, the low parts added back over a rough
 * integer-arithmetic 1/d (vec/fast_math.h); on [-1.375, -1.1875] around the
 * zero of silu' t G(t), G of degree 4 from
 * scripts/sollya/silu_deriv_root_fast2.sollya, blended; a vector with a lane of |z| > 100 or NaN also runs the two-part
 * derivative (silu/vec_two_part.h), whose results replace those lanes only.
 * Measured over every binary32 input (2^32 sweep, row avx512-fast2-p6-div of
 * results/exhaustive/silu.csv): forward 1.448 ULP, derivative 1.508 ULP (at
 * x = -0x1.269bdcp+0, just right of the polynomial's window), no error class.
 * Declared bound (the registry's): forward 2 ULP, derivative 2 ULP. Measured: row
 * avx512-fast2-p6-div of results/exhaustive/silu.csv (every binary32 input) or, before a sweep,
 * of results/<machine_id>/accuracy.csv (sampled).
 */
#include "vec/vec_avx512.h"
#include "silu/vec_fast_p6_div.h"
#include "silu/vec_fast2_p6_div.h"

void AB_KERNEL(ab_silu_avx512_fast2_p6_div_forward)(const float *x, float *y, size_t n,
                                                 const ab_params *p)
{
    silu_fast_p6_div_apply(x, y, n, p);
}

void AB_KERNEL(ab_silu_avx512_fast2_p6_div_derivative)(const float *x, float *y, size_t n,
                                                    const ab_params *p)
{
    abv_apply(x, y, n, p, silu_fast2_p6_div_derivative);
}
