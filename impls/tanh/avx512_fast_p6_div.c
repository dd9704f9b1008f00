/* tanh, avx512-fast-p6-div: the math of tanh/vec_fast_p6_div.h on 16
 * lanes (AVX-512F/BW/DQ/VL + FMA), tails by opmask.
 * Method: |x| < 0.625 odd p11; else 1 - 2 eb / (2^32 + eb), eb = e^-2|x| 2^32
 * (rr2 Cody-Waite, degree-5 q, one part), one vdivps; both blended, sign
 * put back. Derivative eb 2^34 / (2^64 + eb (2^33 + eb)), one vdivps.
 * Bound: PENDING
 */
#include "vec/vec_avx512.h"
#include "tanh/vec_fast_p6_div.h"

void AB_KERNEL(ab_tanh_avx512_fast_p6_div_forward)(const float *x, float *y, size_t n,
                                                 const ab_params *p)
{
    abv_apply(x, y, n, p, tanh_fast_p6_div);
}

void AB_KERNEL(ab_tanh_avx512_fast_p6_div_derivative)(const float *x, float *y, size_t n,
                                                    const ab_params *p)
{
    abv_apply(x, y, n, p, tanh_fast_p6_div_derivative);
}
