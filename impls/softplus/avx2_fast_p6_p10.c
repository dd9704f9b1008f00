/* softplus, avx2-fast-p6-p10: the math of softplus/vec_fast_p6_p10.h
 * on 8 lanes (AVX2 + FMA).
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
 * ticks/element, uniform[-10,10] and normal(0,1)): forward 2.04 and 2.03 against the
 * fastest AVX2 peer, oneDNN, at 2.37 and 2.40 (0.86x, 0.85x; the log1p-p10 kernel 3.13).
 * The derivative misses: 1.43 against libmvec's 1.05 (1.37x on both distributions;
 * libmvec's sigmoid is off by up to 2.5e6 ULP and flushes). It is the sigmoid kernel's
 * loop, shared by design, so it closes with that kernel (its header names the ways).
 * Port bound: 0.97x forward, 1.21x derivative (the same run; dependent-add estimate of core
 * cycles): 2.90 and 2.04 cycles/element against the znver3 bounds 3.0 and 1.69.
 * Swept over all 2^32 binary32 inputs: max 1.748 ULP forward (at
 * x = 0x1.357512p-6), 1.351 ULP derivative, no error class.
 * Declared bound (the registry's): forward 2 ULP, derivative 2 ULP. Measured: row
 * avx2-fast-p6-p10 of results/exhaustive/softplus.csv (every binary32 input) or, before a sweep,
 * of results/<machine_id>/accuracy.csv (sampled).
 */
#include "vec/vec_avx2.h"
#include "softplus/vec_fast_p6_p10.h"

void AB_KERNEL(ab_softplus_avx2_fast_p6_p10_forward)(const float *x, float *y, size_t n,
                                                     const ab_params *p)
{
    softplus_fast_p6_p10_apply(x, y, n, p);
}

void AB_KERNEL(ab_softplus_avx2_fast_p6_p10_derivative)(const float *x, float *y, size_t n,
                                                        const ab_params *p)
{
    softplus_fast_p6_p10_derivative_apply(x, y, n, p);
}
