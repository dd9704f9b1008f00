/* softplus, avx512-fast-p6-p10: the math of softplus/vec_fast_p6_p10.h
 * on 16 lanes (AVX-512F/BW/DQ/VL + FMA), tails by opmask loads and stores;
 * the same operations as the avx2 twin, so the same bits.
 * Method (softplus/vec_fast_p6_p10.h): max(x, 0) + log1p(t), t = e^-|x|
 * from the lean exp core (rr2 Cody-Waite, degree-5 q from
 * scripts/sollya/lean_exp_rr_p6.sollya) at scale 2^32 with the rounding of
 * its last FMA, unscaled by exact multiplies; log1p(t) by one degree-10
 * polynomial over all of [0, 1] (scripts/sollya/softplus_log1p_unit_p10.sollya),
 * Horner, no range reduction and no division; the low part of t and the
 * order of the final sum keep it within 2 ULP. No slow path: every binary32
 * input, subnormal results and +-inf included, takes the same operations.
 * Derivative sigma(x): the sigmoid fast-p6-div math (sigmoid/vec_fast_p6_div.h).
 * Forward loop: 42 instructions per vector, 24 of them FMA-class (11 in the
 * exp core, 8 in the polynomial, 5 to unscale t and its low part and fold
 * them in), against the log1p-p10 kernel's 63 with as many FMA-class ones
 * and a division: the saving is the reduction's integer, add and convert
 * operations and its latency.
 * Speed (one session run on AMD EPYC Zen 4 under KVM, heavily loaded; L1, median TSC
 * ticks/element, uniform[-10,10] and normal(0,1)): forward 1.29 and 1.30 against
 * oneDNN's native AVX-512 kernel at 1.68 and 1.64; derivative 1.01 on both, libmvec's
 * AVX2 sigmoid 1.05.
 * Port bound: 1.59x forward, 1.78x derivative (the same run; dependent-add estimate of core
 * cycles): 1.84 and 1.44 cycles/element against the icelake-server bounds 1.16 and 0.81.
 * Mostly the model: the bound uses llvm-mca 14's icelake-server model (two 512-bit FMAs and
 * one 64-byte store a cycle); Zen 4 runs 512-bit operations through its 256-bit pipes, and
 * llvm-mca 19's znver4 model (scripts/portbound.py --llvm-mca llvm-mca-19 --mcpu-avx512
 * znver4) puts this loop at 1.78 and 0.97 cycles/element: 1.03x forward, 1.49x derivative.
 * The derivative's rest is the sigmoid kernel's loop (its header explains it: the exp core,
 * vdivps and the repair in one chain).
 * Swept over all 2^32 binary32 inputs: max 1.748 ULP forward (at
 * x = 0x1.357512p-6), 1.351 ULP derivative, no error class.
 * Declared bound (the registry's): forward 2 ULP, derivative 2 ULP. Measured: row
 * avx512-fast-p6-p10 of results/exhaustive/softplus.csv (every binary32 input) or, before a sweep,
 * of results/<machine_id>/accuracy.csv (sampled).
 */
#include "vec/vec_avx512.h"
#include "softplus/vec_fast_p6_p10.h"

void AB_KERNEL(ab_softplus_avx512_fast_p6_p10_forward)(const float *x, float *y, size_t n,
                                                     const ab_params *p)
{
    softplus_fast_p6_p10_apply(x, y, n, p);
}

void AB_KERNEL(ab_softplus_avx512_fast_p6_p10_derivative)(const float *x, float *y, size_t n,
                                                        const ab_params *p)
{
    softplus_fast_p6_p10_derivative_apply(x, y, n, p);
}
