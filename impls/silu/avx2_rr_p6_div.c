/* silu, avx2-rr-p6-div: y = x sigma(z), z = beta*x (rounded once to binary32; exact for
 * the default beta = 1). e = e^-|z| from the shared core of vec/exp_math.h
 * (Cody-Waite reduction, degree-6 Sollya polynomial) kept as
 * (m + m_lo) * s2: for z < 0, y = (x (m + m_lo) / (1 + e)) * s2, so the
 * subnormal results of x < -87.3 are rounded once, not built from an
 * already subnormal e^x; for z >= 0, y = x / (1 + e); 1 + e and x m in two
 * parts, corrected division; derivative over (1 + e)^2 in two parts, a
 * Sollya polynomial around its zero. The math is silu/vec_two_part.h, on 8
 * lanes here.
 * beta != 1: beta*x is rounded first, and z < -112 returns -0, which is only
 * right when |x e^z| < 2^-150 (true for beta = 1).
 * Port bound: 1.41× forward (derivative 1.23×) on AMD EPYC Zen 4 under KVM
 * (results/amd-epyc-f19m11-avx512, L1, uniform[-10,10]; core cycles): 4.42 cycles/element
 * against the znver3 bound 3.13. Latency, not ports: llvm-mca counts 90% of its cycles waiting
 * on data (exp core, two-part products, corrected division: a chain of about 110 cycles per
 * vector) and simulates 4.83 cycles/element; 16 constants are reloaded from the stack and four
 * vblendvps pick the branch. The rr2 form (avx2-rr2-p6-div, 55 instructions on a 98-cycle
 * chain) runs at 1.21×; a shorter chain with fewer instructions (Estrin's scheme for the
 * polynomial, fewer correction steps) should close the rest.
 * Declared bound (the registry's): forward 1 ULP, derivative 2 ULP. Measured: row
 * avx2-rr-p6-div of results/exhaustive/silu.csv (every binary32 input) or, before a sweep, of
 * results/<machine_id>/accuracy.csv (sampled).
 */
#include "vec/vec_avx2.h"
#include "silu/vec_two_part.h"

void AB_KERNEL(ab_silu_avx2_rr_p6_div_forward)(const float *x, float *y, size_t n, const ab_params *p)
{
    abv_apply(x, y, n, p, silu_two_part);
}

void AB_KERNEL(ab_silu_avx2_rr_p6_div_derivative)(const float *x, float *y, size_t n, const ab_params *p)
{
    abv_apply(x, y, n, p, silu_two_part_derivative);
}
