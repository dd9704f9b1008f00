/* elu, peer-libmvec: glibc libmvec (AVX2, _ZGVdN8v_*) used the obvious way:
 * x > 0 ? x : α·expm1(x); derivative x > 0 ? 1 : α·exp(x).
 * Measured error (all-float sample, tools in the peer report): forward ≤ 1.5 ULP (worst x=-0x1.6b6p-8 (-0.00554466248) y=-0.00552931987);
 * derivative ≤ 2.5 ULP (worst x=-0x1.04ap+4 (-16.2890625) y=8.42849346e-08) */
#include "libmvec.h"

#include "peer_formulas_avx2.h"

static inline __m256 elu_v8(__m256 x, const ab_peer_v8_params *k)
{
    return ab_peer_elu_v8(x, k->alpha, _ZGVdN8v_expm1f);
}

static inline __m256 elu_derivative_v8(__m256 x, const ab_peer_v8_params *k)
{
    return ab_peer_elu_derivative_v8(x, k->alpha, _ZGVdN8v_expf);
}

void ab_elu_peer_libmvec_forward(const float *x, float *y, size_t n, const ab_params *p)
{
    ab_peer_map_v8(x, y, n, p, elu_v8);
}

void ab_elu_peer_libmvec_derivative(const float *x, float *y, size_t n, const ab_params *p)
{
    ab_peer_map_v8(x, y, n, p, elu_derivative_v8);
}
