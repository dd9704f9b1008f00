/* mish, avx512-rr-p6-div: the math of mish/vec_two_part.h on 16 lanes (AVX-512F/BW/
 * DQ/VL + FMA), tails by opmask loads and stores, no estimate instruction: tanh(softplus(x)) as u/(u + 2), u = e(e + 2), e = e^-|x|
 * (Cody-Waite, degree-6 Sollya polynomial) for x <= 0, n/(n + 2e^2),
 * n = 1 + 2e, for x > 0; numerator and denominator in two parts, corrected
 * division; derivative over one denominator, two-part, a Sollya polynomial
 * around its zero x0 ~ -1.1924.
 * Its outputs equal those of the avx2-rr-p6-div variant bit for bit (the
 * same operations on wider vectors; compared on every 7th binary32 bit
 * pattern), so it declares that variant's bound.
 * Declared bound (the registry's): forward 1 ULP, derivative 1.05 ULP. Measured: row
 * avx512-rr-p6-div of results/exhaustive/mish.csv (every binary32 input) or, before a sweep,
 * of results/<machine_id>/accuracy.csv (sampled).
 */
#include "vec/vec_avx512.h"
#include "mish/vec_two_part.h"

void AB_KERNEL(ab_mish_avx512_rr_p6_div_forward)(const float *x, float *y, size_t n, const ab_params *p)
{
    abv_apply(x, y, n, p, mish_two_part);
}

void AB_KERNEL(ab_mish_avx512_rr_p6_div_derivative)(const float *x, float *y, size_t n,
                                          const ab_params *p)
{
    abv_apply(x, y, n, p, mish_two_part_derivative);
}
