/* silu, avx512-rr2-p6-div: the math of silu/vec_rr2_p6_div.h (forward) and
 * silu/vec_two_part.h (derivative) on 16 lanes (AVX-512F/BW/DQ/VL + FMA),
 * tails by opmask loads and stores; no estimate instruction (the
 * corrections' 1/d is a division).
 * Forward: y = select(z < 0, x eb, x 2^32) / (2^32 + eb), z = beta x,
 * eb = e^-|z| 2^32 in two parts (rr2 Cody-Waite, degree-5 q), one vdivps
 * plus a remainder correction; subnormal results rounded once.
 * Derivative: for z >= 0 (1 + e + z e)/(1 + e)^2, for z < 0
 * e((1 + z) + e)/(1 + e)^2, every term two-part, corrected division; a
 * Sollya polynomial around silu's stationary point x0 ~ -1.2785.
 * Bound: its outputs equal those of the avx2-rr2-p6-div variant bit for
 * bit (the same operations on wider vectors; compared on all 2^32
 * binary32 inputs). Forward and derivative: the declared bound is the
 * avx2-rr2-p6-div variant's; its corrected division (1/d by a division,
 * no estimate) has not been swept exhaustively yet.
 * Declared bound (the registry's): forward 2 ULP, derivative 2 ULP. Measured: row
 * avx512-rr2-p6-div of results/exhaustive/silu.csv (every binary32 input) or, before a sweep,
 * of results/<machine_id>/accuracy.csv (sampled).
 */
#include "vec/vec_avx512.h"
#include "silu/vec_rr2_p6_div.h"
#include "silu/vec_two_part.h"

void AB_KERNEL(ab_silu_avx512_rr2_p6_div_forward)(const float *x, float *y, size_t n,
                                                  const ab_params *p)
{
    silu_rr2_p6_div_apply(x, y, n, p);
}

void AB_KERNEL(ab_silu_avx512_rr2_p6_div_derivative)(const float *x, float *y, size_t n,
                                                     const ab_params *p)
{
    abv_apply(x, y, n, p, silu_two_part_derivative);
}
