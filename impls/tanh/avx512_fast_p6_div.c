/* tanh, avx512-fast-p6-div: the math of tanh/vec_fast_p6_div.h
 * on 16 lanes (AVX-512F/BW/DQ/VL + FMA), tails by opmask loads and stores;
 * the same operations as the avx2 twin, so the same bits.
 * Method (tanh/vec_fast_p6_div.h): |x| < 0.625 odd p11 (Sollya,
 * scripts/sollya/tanh_odd.sollya); else 1 - 2 eb / (2^32 + eb),
 * eb = e^-2|x| 2^32 (rr2 Cody-Waite, degree-5 q from
 * scripts/sollya/lean_exp_rr_p6.sollya), one vdivps; both computed and
 * blended, sign put back. Derivative 4e/(1 + e)^2 as
 * eb 2^34 / (2^64 + eb (2^33 + eb)), one vdivps and the repair of
 * vec/fast_math.h (low parts over a rough integer-arithmetic 1/d).
 * Its port bound is set by the FMA pipes: both branches run on every vector.
 * Port bound: 1.78× forward, 1.80× derivative on AMD EPYC Zen 4 under KVM
 * (results/amd-epyc-f19m11-avx512, L1, uniform[-10,10]; core cycles): 1.50 and 1.75
 * cycles/element. Mostly the model: the bound uses llvm-mca 14's icelake-server model (two
 * 512-bit FMAs and one 64-byte store a cycle); Zen 4 runs 512-bit operations through its
 * 256-bit pipes, and llvm-mca 19's znver4 model (scripts/portbound.py --llvm-mca llvm-mca-19
 * --mcpu-avx512 znver4) puts this loop at 1.34 and 1.28 cycles/element (1.12× and 1.36×). The
 * rest of the derivative is latency: that model counts 74% of its cycles waiting on data
 * (vdivps and the repair chained) and simulates 1.59 cycles/element. A shorter chain with
 * fewer instructions (Estrin's scheme for the polynomial, fewer correction steps) should close
 * it.
 * Declared bound (the registry's): forward 2 ULP, derivative 2 ULP. Measured: row
 * avx512-fast-p6-div of results/exhaustive/tanh.csv (every binary32 input) or, before a sweep,
 * of results/<machine_id>/accuracy.csv (sampled).
 */
#include "vec/vec_avx512.h"
#include "tanh/vec_fast_p6_div.h"

void AB_KERNEL(ab_tanh_avx512_fast_p6_div_forward)(const float *x, float *y, size_t n,
                                                 const ab_params *p)
{
    abv_apply(x, y, n, p, tanh_fast_p6_div);
}

void AB_KERNEL(ab_tanh_avx512_fast_p6_div_derivative)(const float *x, float *y, size_t n,
                                                    const ab_params *p)
{
    abv_apply(x, y, n, p, tanh_fast_p6_div_derivative);
}
