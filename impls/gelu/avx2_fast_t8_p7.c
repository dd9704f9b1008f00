/* gelu, avx2-fast-t8-p7: the math of gelu/vec_fast_t8_p7.h on 8 lanes
 * (AVX2 + FMA).
 * Method (gelu/vec_fast_t8_p7.h): x >= 0: x - h, x < 0: -h, h = a Phi(-a)
 * = e^(-a^2/2) S(a), a = |x|, in binary32 for |x| <= 12: a^2 in two parts,
 * e^(-a^2/2) 2^32 in two parts (vec/lean_math.h's rr2 core, degree-5 q),
 * S from an 8-piece table of degree-7 polynomials indexed by the bits of
 * a + 1 (scripts/sollya/gelu_fast_table.sollya; one vpermps a coefficient),
 * low parts carried into the final FMA. Other lanes (|x| > 12, inf, NaN):
 * the binary64 method of gelu/vec_erfcx.h, taken only by a vector that
 * holds one. Derivative: the binary64 method (gelu/vec_erfcx.h) unchanged.
 * Measured over all 2^32 binary32 inputs (results/exhaustive/gelu.csv, row
 * avx2-fast-t8-p7): forward 1.407 ULP (x = -0x1.556fd6p-2), derivative
 * 0.5005 ULP, no error class (no flush, NaN, inf or signed-zero error).
 * Declared bound (the registry's): forward 2 ULP, derivative 1 ULP. Measured: row
 * avx2-fast-t8-p7 of results/exhaustive/gelu.csv (every binary32 input) or, before a sweep,
 * of results/<machine_id>/accuracy.csv (sampled).
 */
#include "vec/vec_avx2.h"
#include "gelu/vec_fast_t8_p7.h"

void AB_KERNEL(ab_gelu_avx2_fast_t8_p7_forward)(const float *x, float *y, size_t n,
                                                const ab_params *p)
{
    abv_apply(x, y, n, p, gelu_fast_t8_p7);
}

void AB_KERNEL(ab_gelu_avx2_fast_t8_p7_derivative)(const float *x, float *y, size_t n,
                                                   const ab_params *p)
{
    abv_apply(x, y, n, p, gelu_erfcx_derivative);
}
