/* softplus, avx512-log1p-p10: the math of softplus/vec_log1p.h on 16 lanes
 * (AVX-512F/BW/DQ/VL + FMA), tails by opmask loads and stores:
 * (max(z, 0) + log1p(e^-|z|)) / beta, z = beta*x; e^-|z| by Cody-Waite and
 * a degree-6 Sollya polynomial, log1p by Fast2Sum of 1 + u and a degree-10
 * Sollya polynomial. Derivative sigma(z), two-part e and 1 + e, corrected
 * division; no estimate instruction.
 * Bound: its outputs equal those of the avx2 variant bit for bit (the
 * same operations on wider vectors; compared on every 7th binary32 bit
 * pattern). That variant's exhaustive sweep over all 2^32 inputs
 * therefore holds here: forward max 1.661 ULP (x = -0x1.42de98p+0); no
 * error class. Derivative: the declared bound is the avx2 variant's; its
 * corrected division (1/d by a division, no estimate) has not been swept
 * exhaustively yet. */
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
