/* silu, avx512-fast-p6-div: the math of silu/vec_fast_p6_div.h on 16
 * lanes (AVX-512F/BW/DQ/VL + FMA), tails by opmask.
 * Method: fast path (every lane 2^-126 <= |x| <= 100): x e^-|x| 2^32 or
 * x 2^32 over 2^32 + e^-|x| 2^32 (rr2 Cody-Waite, degree-5 q), one vdivps,
 * the low parts of numerator and denominator added back over a rough 1/d;
 * any other lane sends the vector to the rr2-p6-div math. Derivative: the
 * rr2-p6-div variant's (silu/vec_two_part.h).
 * Bound: PENDING
 */
#include "vec/vec_avx512.h"
#include "silu/vec_fast_p6_div.h"
#include "silu/vec_two_part.h"

void AB_KERNEL(ab_silu_avx512_fast_p6_div_forward)(const float *x, float *y, size_t n,
                                                 const ab_params *p)
{
    silu_fast_p6_div_apply(x, y, n, p);
}

void AB_KERNEL(ab_silu_avx512_fast_p6_div_derivative)(const float *x, float *y, size_t n,
                                                    const ab_params *p)
{
    abv_apply(x, y, n, p, silu_two_part_derivative);
}
