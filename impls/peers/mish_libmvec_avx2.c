/* mish, peer-libmvec: glibc libmvec (AVX2, _ZGVdN8v_*) used the obvious way:
 * x·tanh(softplus(x)); derivative t + x·σ(x)(1-t²).
 * Measured error (all-float sample, tools in the peer report): forward ≤ 60 ULP, classes NANU | FTZ (worst x=-0x1.9fe368p+6 (-103.972076) y=-1.4573504e-43);
 * derivative ≤ 1.5e+09 ULP, classes NANU | FTZ | SZ (worst x=-0x1.31432cp+0 (-1.19243121) y=-5.96046448e-08) */
#include "libmvec.h"

#include "peer_formulas_avx2.h"

static inline __m256 mish_v8(__m256 x, const ab_peer_v8_params *k)
{
    (void)k;
    return ab_peer_mish_v8(x, _ZGVdN8v_expf, _ZGVdN8v_log1pf, _ZGVdN8v_tanhf);
}

static inline __m256 mish_derivative_v8(__m256 x, const ab_peer_v8_params *k)
{
    (void)k;
    return ab_peer_mish_derivative_v8(x, _ZGVdN8v_expf, _ZGVdN8v_log1pf, _ZGVdN8v_tanhf);
}

void ab_mish_peer_libmvec_forward(const float *x, float *y, size_t n, const ab_params *p)
{
    ab_peer_map_v8(x, y, n, p, mish_v8);
}

void ab_mish_peer_libmvec_derivative(const float *x, float *y, size_t n, const ab_params *p)
{
    ab_peer_map_v8(x, y, n, p, mish_derivative_v8);
}
