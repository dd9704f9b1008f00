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
 * Port bound: 1.71× forward, 1.82× derivative on AMD EPYC Zen 4 under KVM
 * (results/amd-epyc-f19m11-avx512, L1, uniform[-10,10]; core cycles): 2.30 and 4.26
 * cycles/element. Mostly the model: the bound uses llvm-mca 14's icelake-server model (two
 * 512-bit FMAs and one 64-byte store a cycle); Zen 4 runs 512-bit operations through its
 * 256-bit pipes, and llvm-mca 19's znver4 model (scripts/portbound.py --llvm-mca llvm-mca-19
 * --mcpu-avx512 znver4) puts this loop at 1.72 and 3.16 cycles/element (1.34× and 1.35×). The
 * rest is latency: that model counts 67-86% of its cycles waiting on data (the derivative's
 * two-part terms and corrected division are a chain of about 120 cycles, with 15 constants
 * read from the stack) and simulates 1.97 and 3.86 cycles/element. A shorter chain with fewer
 * instructions (Estrin's scheme for the polynomial, fewer correction steps) should close it.
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
