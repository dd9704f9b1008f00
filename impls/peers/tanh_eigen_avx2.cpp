/* tanh, peer-eigen: Eigen 3.4's array tanh() (for float, with Eigen's
 * default EIGEN_FAST_MATH: a rational approximation on x clamped to
 * ±7.905 in an FMA build), what TensorFlow's CPU Tanh runs; derivative 1 - t*t
 * from that t, TensorFlow's TanhGrad with grad = 1. AVX2 + FMA as compiled
 * (eigen_blocks_avx2.h); the measured bound is in
 * impls/registry/peers_ml.def. */
#include "eigen_blocks_avx2.h"

extern "C" void ab_tanh_peer_eigen_forward(const float *x, float *y, size_t n, const ab_params *)
{
    ab_eigen::by_blocks(x, y, n, [](const auto &v) { return ab_eigen::block(v.tanh()); });
}

extern "C" void ab_tanh_peer_eigen_derivative(const float *x, float *y, size_t n,
                                              const ab_params *)
{
    ab_eigen::by_blocks(x, y, n, [](const auto &v) {
        ab_eigen::block t = v.tanh();
        return ab_eigen::block(1.0f - t * t);
    });
}
