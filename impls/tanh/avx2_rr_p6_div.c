/* tanh, avx2-rr-p6-div: the math of tanh/vec_exp_div.h on 8 lanes (AVX2 + FMA).
 * a = |x|; for a < 0.625 the odd polynomial a + a^3 P(a^2) (degree 11,
 * Sollya); otherwise 1 - 2 e/(1 + e), e = e^-2a (Cody-Waite, degree-6
 * Sollya polynomial), one division; sign put back last. Derivative
 * 4e/(1 + e)^2, e and (1 + e)^2 in two parts, corrected division.
 * Port bound: 1.19× forward, 1.46× derivative on AMD EPYC Zen 4 under KVM
 * (results/amd-epyc-f19m11-avx512, L1, uniform[-10,10]; core cycles): the derivative takes
 * 3.84 cycles/element against llvm-mca's znver3 bound 2.63. Latency, not ports: llvm-mca
 * counts 87% of its cycles waiting on data (the exp core, the two-part square and the
 * corrected division are one chain of about 110 cycles per vector) and simulates 4.29
 * cycles/element, above the measured time; eleven constants are reloaded from the stack. A
 * shorter chain with fewer instructions (Estrin's scheme for the polynomial, fewer correction
 * steps) should close it.
 * Declared bound (the registry's): forward 2 ULP, derivative 1 ULP. Measured: row
 * avx2-rr-p6-div of results/exhaustive/tanh.csv (every binary32 input) or, before a sweep, of
 * results/<machine_id>/accuracy.csv (sampled).
 */
#include "vec/vec_avx2.h"
#include "tanh/vec_exp_div.h"

void AB_KERNEL(ab_tanh_avx2_rr_p6_div_forward)(const float *x, float *y, size_t n, const ab_params *p)
{
    abv_apply(x, y, n, p, tanh_exp_div);
}

void AB_KERNEL(ab_tanh_avx2_rr_p6_div_derivative)(const float *x, float *y, size_t n, const ab_params *p)
{
    abv_apply(x, y, n, p, tanh_exp_div_derivative);
}
