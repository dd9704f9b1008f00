/* leaky_relu, avx512-select: the math of leaky_relu/vec_leaky.h on 16 lanes
 * (AVX-512F/BW/DQ/VL + FMA), tails by opmask loads and stores:
 * select(x > 0, x, alpha*x) with alpha split in two floats,
 * alpha*x = fma(x, a_hi, x*a_lo) (0.5 ULP + 2^-24 relative for normal
 * results, at most 1 ULP where alpha*x is subnormal); derivative
 * select(x > 0, 1, (float)alpha), NaN for NaN.
 * Its outputs equal those of the avx2-select variant bit for bit (the same
 * operations on wider vectors; tests/test_avx512_twins.c compares them), so
 * it declares that variant's bound, which its own sweep of all 2^32 inputs
 * (alpha = 0.01) confirms, with no error class.
 * For 0 < alpha < 1 with alpha - a_hi of a_hi's sign (0.01 is one) the
 * select is max(x, fma(x, a_hi, x*a_lo)): three operations per vector
 * instead of six, and the same bits on every binary32 input (compared
 * over all 2^32 inputs, both directions, against the select form). The
 * port-bound figures below were measured with the six-operation form.
 * Port bound: 1.26× forward, 1.28× derivative on AMD EPYC Zen 4 under KVM
 * (results/amd-epyc-f19m11-avx512, L1, uniform[-10,10]; core cycles): 0.196 and 0.176
 * cycles/element, 3.1 and 2.8 cycles per 16 floats. Partly the model: the bound uses llvm-mca
 * 14's icelake-server model (two 512-bit vector ports); Zen 4 runs each 512-bit operation as
 * two 256-bit halves, and llvm-mca 19's znver4 model (scripts/portbound.py --llvm-mca
 * llvm-mca-19 --mcpu-avx512 znver4), which keeps max, min and the compares on two pipes, puts
 * the loops at 0.312 and 0.250 cycles/element, above the measured times. The forward's six
 * 512-bit operations (the max/min clamp of the low part's input, multiply, FMA, compare, masked
 * move) are twelve halves, 3 cycles on four pipes, near the measured 3.1; the run's copy floor
 * is 2 cycles per 64 bytes (0.126 cycles/element). Both one-vector loops straddle a 64-byte
 * line in the build (objdump of build/actbench), which costs at most 2 cycles per iteration,
 * not the excess. Fewer 512-bit operations per vector (the clamp, or the derivative's second
 * compare and blend for NaN) should close it.
 * Declared bound (the registry's): forward 1 ULP, derivative 0.5 ULP.
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
