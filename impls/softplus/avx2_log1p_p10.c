/* softplus, avx2-log1p-p10: the math of softplus/vec_log1p.h on 8 lanes (AVX2 +
 * FMA): (max(z, 0) + log1p(e^-|z|)) / beta, z = beta*x; e^-|z| by
 * Cody-Waite and a degree-6 Sollya polynomial, log1p by Fast2Sum of 1 + u
 * and a degree-10 Sollya polynomial. Derivative sigma(z), two-part e and
 * 1 + e, corrected division.
 * beta != 1: beta*x rounded first, one more division.
 * Port bound: 1.54× forward, 1.71× derivative on AMD EPYC Zen 4 under KVM
 * (results/amd-epyc-f19m11-avx512, L1, uniform[-10,10]; core cycles): 4.42 and 3.74
 * cycles/element against the znver3 bounds 2.88 and 2.19. Latency, not ports: llvm-mca counts
 * 69% and 95% of its cycles waiting on data (the exp core feeds the Fast2Sum and the degree-10
 * Horner polynomial of log1p: a chain of about 165 cycles in the forward, 110 in the
 * derivative with its corrected division) and simulates 5.76 and 4.68 cycles/element; 23
 * constants are reloaded from the stack in the forward. Estrin's scheme for the degree-10
 * polynomial (a shorter chain) should close it.
 * Declared bound (the registry's): forward 2 ULP, derivative 1 ULP. Measured: row
 * avx2-log1p-p10 of results/exhaustive/softplus.csv (every binary32 input) or, before a sweep,
 * of results/<machine_id>/accuracy.csv (sampled).
 */
#include "vec/vec_avx2.h"
#include "softplus/vec_log1p.h"

void AB_KERNEL(ab_softplus_avx2_log1p_p10_forward)(const float *x, float *y, size_t n, const ab_params *p)
{
    softplus_log1p_apply(x, y, n, p);
}

void AB_KERNEL(ab_softplus_avx2_log1p_p10_derivative)(const float *x, float *y, size_t n, const ab_params *p)
{
    abv_apply(x, y, n, p, softplus_log1p_derivative);
}
