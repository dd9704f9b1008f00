/* softplus, avx512-log1p-p10: the math of softplus/vec_log1p.h on 16 lanes
 * (AVX-512F/BW/DQ/VL + FMA), tails by opmask loads and stores:
 * (max(z, 0) + log1p(e^-|z|)) / beta, z = beta*x; e^-|z| by Cody-Waite and
 * a degree-6 Sollya polynomial, log1p by Fast2Sum of 1 + u and a degree-10
 * Sollya polynomial. Derivative sigma(z), two-part e and 1 + e, corrected
 * division; no estimate instruction.
 * Its outputs equal those of the avx2-log1p-p10 variant bit for bit (the
 * same operations on wider vectors; compared on every 7th binary32 bit
 * pattern), so it declares that variant's bound.
 * Declared bound (the registry's): forward 2 ULP, derivative 1 ULP. Measured: row
 * avx512-log1p-p10 of results/exhaustive/softplus.csv (every binary32 input) or, before a
 * sweep, of results/<machine_id>/accuracy.csv (sampled).
 */
#include "vec/vec_avx512.h"
#include "softplus/vec_log1p.h"

void AB_KERNEL(ab_softplus_avx512_log1p_p10_forward)(const float *x, float *y, size_t n, const ab_params *p)
{
    softplus_log1p_apply(x, y, n, p);
}

void AB_KERNEL(ab_softplus_avx512_log1p_p10_derivative)(const float *x, float *y, size_t n, const ab_params *p)
{
    abv_apply(x, y, n, p, softplus_log1p_derivative);
}
