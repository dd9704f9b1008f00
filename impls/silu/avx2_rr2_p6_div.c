/* silu, avx2-rr2-p6-div: the lean kernel, the math of silu/vec_rr2_p6_div.h
 * on 8 lanes (AVX2 + FMA): y = select(z < 0, x eb, x 2^32) / (2^32 + eb),
 * eb = e^-|z| 2^32 in two parts (rr2 Cody-Waite, degree-5 q), one vdivps
 * plus a remainder correction; subnormal results rounded once.
 * Derivative: not lean yet — the accurate avx2-rr-p6-div variant's math
 * (silu/vec_two_part.h), whose error and speed are its own.
 * Port bound: 1.21× forward, 1.22× derivative on AMD EPYC Zen 4 under KVM
 * (results/amd-epyc-f19m11-avx512, L1, uniform[-10,10]; core cycles): 3.47 and 6.18
 * cycles/element against the znver3 bounds 2.88 and 5.06. Latency, not ports: llvm-mca 14
 * counts 83% of its cycles waiting on data (chains of about 98 and 118 cycles per vector),
 * simulates 3.82 and 7.37 cycles/element, above the measured times, and 12 (forward, 55
 * instructions) and 33 (derivative, 108 instructions) constants are reloaded from the stack.
 * Fewer instructions on a shorter chain (Estrin's scheme for the polynomial, fewer correction
 * steps in the derivative) should close it.
 * Declared bound (the registry's): forward 2 ULP, derivative 2 ULP. Measured: row
 * avx2-rr2-p6-div of results/exhaustive/silu.csv (every binary32 input) or, before a sweep, of
 * results/<machine_id>/accuracy.csv (sampled).
 */
#include "vec/vec_avx2.h"
#include "silu/vec_rr2_p6_div.h"
#include "silu/vec_two_part.h"

void AB_KERNEL(ab_silu_avx2_rr2_p6_div_forward)(const float *x, float *y, size_t n,
                                                const ab_params *p)
{
    silu_rr2_p6_div_apply(x, y, n, p);
}

void AB_KERNEL(ab_silu_avx2_rr2_p6_div_derivative)(const float *x, float *y, size_t n,
                                                   const ab_params *p)
{
    abv_apply(x, y, n, p, silu_two_part_derivative);
}
