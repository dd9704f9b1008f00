/* silu, avx512-fast-p6-div: the math of silu/vec_fast_p6_div.h
 * on 16 lanes (AVX-512F/BW/DQ/VL + FMA), tails by opmask loads and stores;
 * the same operations as the avx2 twin, so the same bits.
 * Method (silu/vec_fast_p6_div.h): fast path when every lane has
 * 2^-126 <= |x| <= 100: select(x < 0, x eb, x 2^32) / (2^32 + eb),
 * eb = e^-|x| 2^32 (rr2 Cody-Waite, degree-5 q from
 * scripts/sollya/lean_exp_rr_p6.sollya), one vdivps, the low parts of
 * numerator and denominator added back over a rough integer-arithmetic
 * 1/d (vec/fast_math.h); a vector with any other lane also runs the
 * rr2-p6-div math (silu/vec_rr2_p6_div.h), whose results replace those
 * lanes only. Derivative: the rr2-p6-div
 * variant's two-part math (silu/vec_two_part.h), unchanged.
 * Port bound: 1.81× derivative (forward 1.16×) on AMD EPYC Zen 4 under KVM
 * (results/amd-epyc-f19m11-avx512, L1, uniform[-10,10]; core cycles): 4.24 cycles/element; the
 * derivative is the rr2-p6-div variant's two-part math. Mostly the model: the bound uses
 * llvm-mca 14's icelake-server model (two 512-bit FMAs and one 64-byte store a cycle); Zen 4
 * runs 512-bit operations through its 256-bit pipes, and llvm-mca 19's znver4 model
 * (scripts/portbound.py --llvm-mca llvm-mca-19 --mcpu-avx512 znver4) puts the derivative loop
 * at 3.16 cycles/element (1.34×). The rest is latency: that model counts 67% of its cycles
 * waiting on data (a chain of about 120 cycles, 15 constants read from the stack) and
 * simulates 3.86 cycles/element. A shorter chain with fewer instructions (Estrin's scheme for
 * the polynomial, fewer correction steps) should close it.
 * Declared bound (the registry's): forward 2 ULP, derivative 2 ULP. Measured: row
 * avx512-fast-p6-div of results/exhaustive/silu.csv (every binary32 input) or, before a sweep,
 * of results/<machine_id>/accuracy.csv (sampled).
 */
#include "vec/vec_avx512.h"
#include "silu/vec_fast_p6_div.h"
#include "silu/vec_two_part.h"

void AB_KERNEL(ab_silu_avx512_fast_p6_div_forward)(const float *x, float *y, size_t n,
                                                 const ab_params *p)
{
    silu_fast_p6_div_apply(x, y, n, p);
}

void AB_KERNEL(ab_silu_avx512_fast_p6_div_derivative)(const float *x, float *y, size_t n,
                                                    const ab_params *p)
{
    abv_apply(x, y, n, p, silu_two_part_derivative);
}
