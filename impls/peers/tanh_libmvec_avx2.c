/* tanh, peer-libmvec: glibc libmvec (AVX2, _ZGVdN8v_*) used the obvious way:
 * tanh(x) from the library; derivative 1-t².
 * Measured error (all-float sample, tools in the peer report): forward ≤ 1.5 ULP (worst x=0x1.0dep+1 (2.10839844) y=0.970936894);
 * derivative ≤ 2e+07 ULP, classes FTZ (worst x=0x1.205968p+3 (9.01091385) y=0) */
#include "libmvec.h"

#include "peer_formulas_avx2.h"

static inline __m256 tanh_v8(__m256 x, const ab_peer_v8_params *k)
{
    (void)k;
    return _ZGVdN8v_tanhf(x);
}

static inline __m256 tanh_derivative_v8(__m256 x, const ab_peer_v8_params *k)
{
    (void)k;
    return ab_peer_tanh_derivative_v8(x, _ZGVdN8v_tanhf);
}

void ab_tanh_peer_libmvec_forward(const float *x, float *y, size_t n, const ab_params *p)
{
    ab_peer_map_v8(x, y, n, p, tanh_v8);
}

void ab_tanh_peer_libmvec_derivative(const float *x, float *y, size_t n, const ab_params *p)
{
    ab_peer_map_v8(x, y, n, p, tanh_derivative_v8);
}
