/* elu, avx512-rr2-p6: on 16 lanes (AVX-512F/BW/DQ/VL + FMA), tails by opmask loads and stores.
 * Forward: the expm1 method of the avx512-expm1-p6 variant (elu/vec_expm1.h).
 * Derivative: the lean method of elu/vec_exp_lean.h: 1 for x > 0,
 * (alpha 2^-32, two floats) * e^x 2^32 from the lean e^x core (two-step
 * Cody-Waite, degree-6 polynomial) otherwise; lanes below -80 and NaN take
 * the accurate split-e^x method of the avx512-expm1-p6 variant.
 * No estimate instruction and a per-lane slow path, so its outputs equal
 * those of avx2-rr2-p6 bit for bit (compared on every 61st binary32 bit
 * pattern, both directions), so it declares that variant's bound.
 * Forward with the default alpha = 1: select(x >= 0, x, e^x - 1), no
 * product and no sign restore (x >= 0 takes x itself at +-0); the same
 * bits as the alpha-split form on every binary32 input (compared over all
 * 2^32 inputs against the previous build), in about two thirds of its time;
 * the port-bound figures below were measured with the earlier form.
 * Port bound: 1.67× forward (derivative 0.70×) on AMD EPYC Zen 4 under KVM
 * (results/amd-epyc-f19m11-avx512, L1, uniform[-10,10]; core cycles): 0.99 cycles/element. The
 * model: the bound uses llvm-mca 14's icelake-server model (two 512-bit FMAs and one 64-byte
 * store a cycle); Zen 4 runs 512-bit operations through its 256-bit pipes, and llvm-mca 19's
 * znver4 model (scripts/portbound.py --llvm-mca llvm-mca-19 --mcpu-avx512 znver4) puts the
 * forward loop at 0.97 cycles/element (1.02×). Nothing in the kernel to close.
 * Declared bound (the registry's): forward 1 ULP, derivative 1 ULP. Measured: row
 * avx512-rr2-p6 of results/exhaustive/elu.csv (every binary32 input) or, before a sweep, of
 * results/<machine_id>/accuracy.csv (sampled).
 */
#include "vec/vec_avx512.h"
#include "elu/vec_exp_lean.h"

void AB_KERNEL(ab_elu_avx512_rr2_p6_forward)(const float *x, float *y, size_t n, const ab_params *p)
{
    elu_expm1_forward(x, y, n, p);
}

void AB_KERNEL(ab_elu_avx512_rr2_p6_derivative)(const float *x, float *y, size_t n,
                                                 const ab_params *p)
{
    elu_lean_derivative_kernel(x, y, n, p);
}
