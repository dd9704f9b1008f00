/* silu, peer-libmvec: glibc libmvec (AVX2, _ZGVdN8v_*) used the obvious way:
 * x/(1+exp(-βx)); derivative s + βx·s(1-s).
 * Measured error (all-float sample, tools in the peer report): forward ≤ 2e+07 ULP, classes NANU | FTZ (worst x=-0x1.6cap+6 (-91.15625) y=-0);
 * derivative ≤ 2e+07 ULP, classes NANU | FTZ | SZ (worst x=-0x1.69c8p+6 (-90.4453125) y=0) */
#include "libmvec.h"

#include "peer_formulas_avx2.h"

static inline __m256 silu_v8(__m256 x, const ab_peer_v8_params *k)
{
    return ab_peer_silu_v8(x, k->beta, _ZGVdN8v_expf);
}

static inline __m256 silu_derivative_v8(__m256 x, const ab_peer_v8_params *k)
{
    return ab_peer_silu_derivative_v8(x, k->beta, _ZGVdN8v_expf);
}

void ab_silu_peer_libmvec_forward(const float *x, float *y, size_t n, const ab_params *p)
{
    ab_peer_map_v8(x, y, n, p, silu_v8);
}

void ab_silu_peer_libmvec_derivative(const float *x, float *y, size_t n, const ab_params *p)
{
    ab_peer_map_v8(x, y, n, p, silu_derivative_v8);
}
