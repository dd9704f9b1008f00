/* gelu, avx512-f64-erfcx-p12-div: the math of gelu/vec_erfcx.h on 16
 * lanes (AVX-512F/BW/DQ/VL + FMA), in binary64 eight lanes at a time,
 * rounded once to binary32; tails by opmask loads and stores:
 * erfc(t) = e^(-s) G(u) / (1 + 2t), G a degree-12 Sollya polynomial in
 * u = (t - 7/2)/(t + 7/2), one division; x >= 0: x - a Q, x < 0: -(a Q),
 * Q = Phi(-|x|); derivative Phi(x) + x phi(x) by the same parts, v R(v)
 * around its root x0 = -0.7518. No estimate instruction.
 * Its outputs equal those of the avx2-f64-erfcx-p12-div variant bit for bit
 * (the same operations on wider vectors; compared on every 7th binary32 bit
 * pattern), so it declares that variant's bound.
 * Declared bound (the registry's): forward 1 ULP, derivative 1 ULP. Measured: row
 * avx512-f64-erfcx-p12-div of results/exhaustive/gelu.csv (every binary32 input) or, before a
 * sweep, of results/<machine_id>/accuracy.csv (sampled).
 */
#include "vec/vec_avx512.h"
#include "gelu/vec_erfcx.h"

void AB_KERNEL(ab_gelu_avx512_f64_erfcx_p12_div_forward)(const float *x, float *y, size_t n, const ab_params *p)
{
    abv_apply(x, y, n, p, gelu_erfcx);
}

void AB_KERNEL(ab_gelu_avx512_f64_erfcx_p12_div_derivative)(const float *x, float *y, size_t n,
                                          const ab_params *p)
{
    abv_apply(x, y, n, p, gelu_erfcx_derivative);
}
