/* prelu, avx512-select: the math of prelu/vec_prelu.h on 16 lanes (AVX-512F/BW/
 * DQ/VL + FMA), tails by opmask loads and stores: select(x > 0, x, a*x),
 * a a per-channel float (one product) or the scalar double alpha split in
 * two floats (a*x = fma(x, a_hi, x*a_lo): 0.5 ULP + 2^-24 relative, at most
 * 1 ULP where a*x is subnormal); derivative select(x > 0, 1, a), NaN for
 * NaN. Per-channel alphas walk 16-element blocks.
 * Its outputs equal those of the avx2-select variant bit for bit (the same
 * operations on wider vectors; tests/test_avx512_twins.c compares them,
 * per-channel alphas included), so it declares that variant's bound; its
 * own sweep of all 2^32 inputs uses the scalar alpha = 0.25.
 * Port bound: 1.48× forward, 1.70× derivative on AMD EPYC Zen 4 under KVM
 * (results/amd-epyc-f19m11-avx512, L1, uniform[-10,10]; core cycles): 0.232 and 0.233
 * cycles/element. The bound is of the wrong loop: the benchmark passes 64 per-channel alphas,
 * so the timed loop is the channel walk (an alpha load per vector, the channel index advanced
 * and wrapped by a nested loop every block), while portbound.py takes the largest innermost
 * storing loop, the scalar-alpha one (the walk is not innermost). Also the model: the bound
 * uses llvm-mca 14's icelake-server model (two 512-bit FMAs and one 64-byte store a cycle);
 * Zen 4 runs 512-bit operations through its 256-bit pipes, and llvm-mca 19's znver4 model
 * (scripts/portbound.py --llvm-mca llvm-mca-19 --mcpu-avx512 znver4) puts even the
 * scalar-alpha loop at 0.312 and 0.250 cycles/element, above the measured times. Nothing clear
 * to close in the kernel.
 * Declared bound (the registry's): forward 1 ULP, derivative 0.5 ULP. Measured: row
 * avx512-select of results/exhaustive/prelu.csv (every binary32 input) or, before a sweep, of
 * results/<machine_id>/accuracy.csv (sampled).
 */
#include "vec/vec_avx512.h"
#include "prelu/vec_prelu.h"

void AB_KERNEL(ab_prelu_avx512_select_forward)(const float *x, float *y, size_t n, const ab_params *p)
{
    prelu_forward(x, y, n, p);
}

void AB_KERNEL(ab_prelu_avx512_select_derivative)(const float *x, float *y, size_t n, const ab_params *p)
{
    prelu_derivative(x, y, n, p);
}
