/* sigmoid, peer-libmvec: glibc libmvec (AVX2, _ZGVdN8v_*) used the obvious way:
 * 1/(1+exp(-x)); derivative s(1-s).
 * Measured error (all-float sample, tools in the peer report): forward ≤ 2.5e+06 ULP, classes FTZ (worst x=-0x1.62e43p+6 (-88.7228394) y=0);
 * derivative ≤ 2e+07 ULP, classes FTZ (worst x=0x1.0a2b24p+4 (16.6355324) y=0) */
#include "libmvec.h"

#include "peer_formulas_avx2.h"

static inline __m256 sigmoid_v8(__m256 x, const ab_peer_v8_params *k)
{
    (void)k;
    return ab_peer_sigmoid_v8(x, _ZGVdN8v_expf);
}

static inline __m256 sigmoid_derivative_v8(__m256 x, const ab_peer_v8_params *k)
{
    (void)k;
    return ab_peer_sigmoid_derivative_v8(x, _ZGVdN8v_expf);
}

void ab_sigmoid_peer_libmvec_forward(const float *x, float *y, size_t n, const ab_params *p)
{
    ab_peer_map_v8(x, y, n, p, sigmoid_v8);
}

void ab_sigmoid_peer_libmvec_derivative(const float *x, float *y, size_t n, const ab_params *p)
{
    ab_peer_map_v8(x, y, n, p, sigmoid_derivative_v8);
}
