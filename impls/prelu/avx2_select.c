/* prelu, avx2-select: the math of prelu/vec_prelu.h on 8 lanes
 * (AVX2 + FMA): select(x > 0, x, a*x), a = channel_alpha[i % channels] (a
 * float: one multiply, correctly rounded) or the scalar double alpha, split
 * as a_hi + a_lo with a*x = fma(x, a_hi, x*a_lo) (0.5 ULP + 2^-24 relative;
 * at most 1 ULP where a*x is subnormal). NaN fails x > 0 and gives a*NaN =
 * NaN; -0 gives -0 for a >= 0. Derivative select(x > 0, 1, a), a at 0, NaN
 * for NaN.
 * Per-channel alphas: with channels >= 8 the eight alphas of a block are one
 * unaligned load unless the block wraps past the last channel (then they are
 * gathered by a scalar loop); with channels < 8 a pattern of 8*channels
 * alphas is built once and the block at offset i mod 8*channels is loaded.
 * The channel path is exercised by the project's tests only.
 * Port bound: 1.53× derivative (forward 0.67×) on AMD EPYC Zen 4 under KVM
 * (results/amd-epyc-f19m11-avx512, L1, uniform[-10,10]; core cycles): 0.384 cycles/element
 * against the znver3 bound 0.250. The bound is of the wrong loop: the benchmark passes 64
 * per-channel alphas, so the timed loop is the channel walk (an alpha load per vector, the
 * channel index advanced and wrapped by a nested loop every block), while portbound.py takes
 * the largest innermost storing loop, the scalar-alpha one (the walk is not innermost). The
 * walk's bookkeeping is the gap; a walk without the nested wrap loop (one compare and subtract
 * per block) should close most of it.
 * Declared bound (the registry's): forward 1 ULP, derivative 0.5 ULP. Measured: row
 * avx2-select of results/exhaustive/prelu.csv (every binary32 input) or, before a sweep, of
 * results/<machine_id>/accuracy.csv (sampled).
 */
#include "vec/vec_avx2.h"
#include "prelu/vec_prelu.h"

void AB_KERNEL(ab_prelu_avx2_select_forward)(const float *x, float *y, size_t n, const ab_params *p)
{
    prelu_forward(x, y, n, p);
}

void AB_KERNEL(ab_prelu_avx2_select_derivative)(const float *x, float *y, size_t n, const ab_params *p)
{
    prelu_derivative(x, y, n, p);
}
