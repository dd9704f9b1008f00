/* gelu, avx512-fast-t8-p7: the math of gelu/vec_fast_t8_p7.h on 16
 * lanes (AVX-512F/BW/DQ/VL + FMA), tails by opmask loads and stores;
 * the same operations as the avx2 twin, so the same bits.
 * Method (gelu/vec_fast_t8_p7.h): x >= 0: x - h, x < 0: -h, h = a Phi(-a)
 * = e^(-a^2/2) S(a), a = |x|, in binary32 for |x| <= 12: a^2 in two parts,
 * e^(-a^2/2) 2^32 in two parts (vec/lean_math.h's rr2 core, degree-5 q),
 * S from an 8-piece table of degree-7 polynomials indexed by the bits of
 * a + 1 (scripts/sollya/gelu_fast_table.sollya; one vpermps a coefficient),
 * low parts carried into the final FMA. Other lanes (|x| > 12, inf, NaN):
 * the binary64 method of gelu/vec_erfcx.h, taken only by a vector that
 * holds one. Derivative: the binary64 method (gelu/vec_erfcx.h) unchanged.
 * Measured over all 2^32 binary32 inputs (results/exhaustive/gelu.csv, row
 * avx512-fast-t8-p7): forward 1.407 ULP (x = -0x1.556fd6p-2), derivative
 * 0.5005 ULP, no error class (no flush, NaN, inf or signed-zero error).
 * Port bound: 1.93x derivative on AMD EPYC Zen 4 under KVM (results/amd-epyc-f19m11-avx512,
 * L1, uniform[-10,10]): the derivative is avx512-f64-erfcx-p12-div's binary64 method, the
 * same loop at the same time (5.35 ticks/element in that run), so the reasons are that
 * file's: mostly the icelake-server model against Zen 4's 256-bit pipes, then the binary64
 * path's two 8-double halves and long chain. A binary32 fast path for the derivative
 * would close it. The forward's loop is split by the slow-path branch, so
 * scripts/portbound.py gives it no bound.
 * Declared bound (the registry's): forward 2 ULP, derivative 1 ULP. Measured: row
 * avx512-fast-t8-p7 of results/exhaustive/gelu.csv (every binary32 input) or, before a sweep,
 * of results/<machine_id>/accuracy.csv (sampled).
 */
#include "vec/vec_avx512.h"
#include "gelu/vec_fast_t8_p7.h"

void AB_KERNEL(ab_gelu_avx512_fast_t8_p7_forward)(const float *x, float *y, size_t n,
                                                const ab_params *p)
{
    abv_apply(x, y, n, p, gelu_fast_t8_p7);
}

void AB_KERNEL(ab_gelu_avx512_fast_t8_p7_derivative)(const float *x, float *y, size_t n,
                                                   const ab_params *p)
{
    abv_apply(x, y, n, p, gelu_erfcx_derivative);
}
