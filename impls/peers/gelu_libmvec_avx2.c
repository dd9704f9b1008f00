/* gelu, peer-libmvec: glibc libmvec (AVX2, _ZGVdN8v_*) used the obvious way:
 * (x/2)·erfc(-x/√2); derivative erfc(-x/√2)/2 + x·exp(-x²/2)/√(2π).
 * Measured error (all-float sample, tools in the peer report): forward ≤ 200 ULP, classes NANU | FTZ (worst x=-0x1.98cp+3 (-12.7734375) y=-1.47365506e-36);
 * derivative ≤ 20000 ULP, classes NANU | FTZ | SZ (worst x=-0x1.80fp-1 (-0.751831055) y=-1.70916319e-05) */
#include "libmvec.h"

#include "peer_formulas_avx2.h"

static inline __m256 gelu_v8(__m256 x, const ab_peer_v8_params *k)
{
    (void)k;
    return ab_peer_gelu_v8(x, _ZGVdN8v_erfcf);
}

static inline __m256 gelu_derivative_v8(__m256 x, const ab_peer_v8_params *k)
{
    (void)k;
    return ab_peer_gelu_derivative_v8(x, _ZGVdN8v_erfcf, _ZGVdN8v_expf);
}

void ab_gelu_peer_libmvec_forward(const float *x, float *y, size_t n, const ab_params *p)
{
    ab_peer_map_v8(x, y, n, p, gelu_v8);
}

void ab_gelu_peer_libmvec_derivative(const float *x, float *y, size_t n, const ab_params *p)
{
    ab_peer_map_v8(x, y, n, p, gelu_derivative_v8);
}
