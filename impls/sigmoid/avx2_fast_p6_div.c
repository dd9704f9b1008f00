/* sigmoid, avx2-fast-p6-div: the math of sigmoid/vec_fast_p6_div.h on 8
 * lanes (AVX2 + FMA).
 * Method: eb = e^-|x| 2^32 (rr2 Cody-Waite, degree-5 q, one part);
 * select(x < 0, eb, 2^32) / (2^32 + eb), one vdivps; derivative
 * eb 2^32 / (2^64 + eb (2^33 + eb)), one FMA and one vdivps.
 * Bound: PENDING
 */
#include "vec/vec_avx2.h"
#include "sigmoid/vec_fast_p6_div.h"

void AB_KERNEL(ab_sigmoid_avx2_fast_p6_div_forward)(const float *x, float *y, size_t n,
                                                    const ab_params *p)
{
    abv_apply(x, y, n, p, sigmoid_fast_p6_div);
}

void AB_KERNEL(ab_sigmoid_avx2_fast_p6_div_derivative)(const float *x, float *y, size_t n,
                                                       const ab_params *p)
{
    abv_apply(x, y, n, p, sigmoid_fast_p6_div_derivative);
}
