/* prelu, avx512: the math of prelu/vec_prelu.h on 16 lanes (AVX-512F/BW/
 * DQ/VL + FMA), tails by opmask loads and stores: select(x > 0, x, a*x),
 * a a per-channel float (one product) or the scalar double alpha split in
 * two floats (a*x = fma(x, a_hi, x*a_lo): 0.5 ULP + 2^-24 relative, at most
 * 1 ULP where a*x is subnormal); derivative select(x > 0, 1, a), NaN for
 * NaN. Per-channel alphas walk 16-element blocks.
 * Bound: its outputs equal those of the avx2 variant bit for bit (the same
 * operations on wider vectors; tests/test_avx2_tails.c compares them), and
 * its own exhaustive sweep over all 2^32 inputs (scalar alpha = 0.25) gives
 * the registry's figures. */
#include "vec/vec_avx512.h"
#include "prelu/vec_prelu.h"

void AB_KERNEL(ab_prelu_avx512_forward)(const float *x, float *y, size_t n, const ab_params *p)
{
    prelu_forward(x, y, n, p);
}

void AB_KERNEL(ab_prelu_avx512_derivative)(const float *x, float *y, size_t n, const ab_params *p)
{
    prelu_derivative(x, y, n, p);
}
