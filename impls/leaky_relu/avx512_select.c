/* leaky_relu, avx512-select: the math of leaky_relu/vec_leaky.h on 16 lanes
 * (AVX-512F/BW/DQ/VL + FMA), tails by opmask loads and stores:
 * select(x > 0, x, alpha*x) with alpha split in two floats,
 * alpha*x = fma(x, a_hi, x*a_lo) (0.5 ULP + 2^-24 relative for normal
 * results, at most 1 ULP where alpha*x is subnormal); derivative
 * select(x > 0, 1, (float)alpha), NaN for NaN.
 * Its outputs equal those of the avx2-select variant bit for bit (the same
 * operations on wider vectors; tests/test_avx512_twins.c compares them), so
 * it declares that variant's bound, which its own sweep of all 2^32 inputs
 * (alpha = 0.01) confirms, with the twin's one flush to zero.
 * Declared bound (the registry's): forward 1 ULP (flush_to_zero), derivative 0.5 ULP.
 * Measured: row avx512-select of results/exhaustive/leaky_relu.csv (every binary32 input) or,
 * before a sweep, of results/<machine_id>/accuracy.csv (sampled).
 */
#include "vec/vec_avx512.h"
#include "leaky_relu/vec_leaky.h"

void AB_KERNEL(ab_leaky_relu_avx512_select_forward)(const float *x, float *y, size_t n,
                                             const ab_params *p)
{
    leaky_forward(x, y, n, p);
}

void AB_KERNEL(ab_leaky_relu_avx512_select_derivative)(const float *x, float *y, size_t n,
                                                const ab_params *p)
{
    leaky_derivative(x, y, n, p);
}
