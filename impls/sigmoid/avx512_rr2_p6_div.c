/* sigmoid, avx512-rr2-p6-div: the math of sigmoid/vec_rr2_p6_div.h on 16
 * lanes (AVX-512F/BW/DQ/VL + FMA), tails by opmask loads and stores; no
 * estimate instruction (the correction's 1/d is a division).
 * Method: eb = e^-|x| 2^32 in two parts (rr2 Cody-Waite, degree-5 q);
 * select(x < 0, eb, 2^32) / (2^32 + eb) by one vdivps plus a remainder
 * correction; derivative eb 2^32 / (2^32 + eb)^2, the square in two parts,
 * same division.
 * Its outputs equal those of the avx2-rr2-p6-div variant bit for bit (the
 * same operations on wider vectors; compared on all 2^32 inputs), so it
 * declares that variant's bound.
 * Declared bound (the registry's): forward 1 ULP, derivative 1 ULP. Measured: row
 * avx512-rr2-p6-div of results/exhaustive/sigmoid.csv (every binary32 input) or, before a
 * sweep, of results/<machine_id>/accuracy.csv (sampled).
 */
#include "vec/vec_avx512.h"
#include "sigmoid/vec_rr2_p6_div.h"

void AB_KERNEL(ab_sigmoid_avx512_rr2_p6_div_forward)(const float *x, float *y, size_t n,
                                                     const ab_params *p)
{
    abv_apply(x, y, n, p, sigmoid_rr2_p6_div);
}

void AB_KERNEL(ab_sigmoid_avx512_rr2_p6_div_derivative)(const float *x, float *y, size_t n,
                                                        const ab_params *p)
{
    abv_apply(x, y, n, p, sigmoid_rr2_p6_div_derivative);
}
