/* silu, avx2-fast-p6-div: the math of silu/vec_fast_p6_div.h
 * on 8 lanes (AVX2 + FMA).
 * Method (silu/vec_fast_p6_div.h): fast path when every lane has
 * 2^-126 <= |x| <= 100: select(x < 0, x eb, x 2^32) / (2^32 + eb),
 * eb = e^-|x| 2^32 (rr2 Cody-Waite, degree-5 q from
 * scripts/sollya/lean_exp_rr_p6.sollya), one vdivps, the low parts of
 * numerator and denominator added back over a rough integer-arithmetic
 * 1/d (vec/fast_math.h); a vector with any other lane also runs the
 * rr2-p6-div math (silu/vec_rr2_p6_div.h), whose results replace those
 * lanes only. Derivative: the rr2-p6-div
 * variant's two-part math (silu/vec_two_part.h), unchanged.
 * Port bound: 1.22× derivative (forward 0.75×) on AMD EPYC Zen 4 under KVM
 * (results/amd-epyc-f19m11-avx512, L1, uniform[-10,10]; core cycles): 6.19 cycles/element
 * against the znver3 bound 5.06. Latency and reloads, not ports: the derivative loop is 108
 * instructions, 33 of them reload constants from the stack; llvm-mca 14 counts 83% of its
 * cycles waiting on data (a chain of about 118 cycles per vector) and simulates 7.37
 * cycles/element, above the measured time. Fewer instructions on a shorter chain (a one-part
 * fast path as the forward has, fewer correction steps) should close it.
 * Declared bound (the registry's): forward 2 ULP, derivative 2 ULP. Measured: row
 * avx2-fast-p6-div of results/exhaustive/silu.csv (every binary32 input) or, before a sweep,
 * of results/<machine_id>/accuracy.csv (sampled).
 */
#include "vec/vec_avx2.h"
#include "silu/vec_fast_p6_div.h"
#include "silu/vec_two_part.h"

void AB_KERNEL(ab_silu_avx2_fast_p6_div_forward)(const float *x, float *y, size_t n,
                                                 const ab_params *p)
{
    silu_fast_p6_div_apply(x, y, n, p);
}

void AB_KERNEL(ab_silu_avx2_fast_p6_div_derivative)(const float *x, float *y, size_t n,
                                                    const ab_params *p)
{
    abv_apply(x, y, n, p, silu_two_part_derivative);
}
