/* leaky_relu, avx512: the math of leaky_relu/vec_leaky.h on 16 lanes
 * (AVX-512F/BW/DQ/VL + FMA), tails by opmask loads and stores:
 * select(x > 0, x, alpha*x) with alpha split in two floats,
 * alpha*x = fma(x, a_hi, x*a_lo) (0.5 ULP + 2^-24 relative for normal
 * results, at most 1 ULP where alpha*x is subnormal); derivative
 * select(x > 0, 1, (float)alpha), NaN for NaN.
 * Declared bound (registry): forward 1 ULP with the flush-to-zero class,
 * derivative 0.5 ULP. Its outputs equal the avx2 variant's bit for bit (the
 * same operations on wider vectors; tests/test_avx512_twins.c compares
 * them); its own sweep of all 2^32 inputs (alpha = 0.01) is the row avx512
 * of results/exhaustive/leaky_relu.csv: forward max 0.84 ULP with the avx2
 * twin's one flush, derivative 0.24 ULP. */
#include "vec/vec_avx512.h"
#include "leaky_relu/vec_leaky.h"

void AB_KERNEL(ab_leaky_relu_avx512_forward)(const float *x, float *y, size_t n,
                                             const ab_params *p)
{
    leaky_forward(x, y, n, p);
}

void AB_KERNEL(ab_leaky_relu_avx512_derivative)(const float *x, float *y, size_t n,
                                                const ab_params *p)
{
    leaky_derivative(x, y, n, p);
}
