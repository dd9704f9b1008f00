/* mish, avx2-rr-p6-div: the math of mish/vec_two_part.h on 8 lanes (AVX2 + FMA):
 * tanh(softplus(x)) as u/(u + 2), u = e(e + 2), e = e^-|x| (Cody-Waite,
 * degree-6 Sollya polynomial) for x <= 0, n/(n + 2e^2), n = 1 + 2e, for
 * x > 0; numerator and denominator in two parts, corrected division;
 * derivative over one denominator, two-part, a Sollya polynomial around its
 * zero x0 ~ -1.1924.
 * Port bound: 1.60× forward, 1.49× derivative on AMD EPYC Zen 4 under KVM
 * (results/amd-epyc-f19m11-avx512, L1, uniform[-10,10]; core cycles): 6.99 and 10.32
 * cycles/element against the znver3 bounds 4.38 and 6.94. Latency, not ports: llvm-mca counts
 * 85% and 74% of its cycles waiting on data (exp core, two-part numerator and denominator,
 * corrected division: a chain of about 115-125 cycles per vector) and simulates 7.99 and 8.82
 * cycles/element; the derivative loop (168 instructions) has 43 stack operands, three of them
 * spill stores. A float fast path for the common range and a shorter chain should close it.
 * Declared bound (the registry's): forward 1 ULP, derivative 1.05 ULP. Measured: row
 * avx2-rr-p6-div of results/exhaustive/mish.csv (every binary32 input) or, before a sweep, of
 * results/<machine_id>/accuracy.csv (sampled).
 */
#include "vec/vec_avx2.h"
#include "mish/vec_two_part.h"

void AB_KERNEL(ab_mish_avx2_rr_p6_div_forward)(const float *x, float *y, size_t n, const ab_params *p)
{
    abv_apply(x, y, n, p, mish_two_part);
}

void AB_KERNEL(ab_mish_avx2_rr_p6_div_derivative)(const float *x, float *y, size_t n, const ab_params *p)
{
    abv_apply(x, y, n, p, mish_two_part_derivative);
}
