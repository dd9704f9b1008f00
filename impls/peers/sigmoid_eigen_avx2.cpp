/* sigmoid, peer-eigen: Eigen 3.4's array logistic() (for float: a 9/10-degree
 * rational interpolant of s(x) - 1/2 up to 15.72 (1 above), e^x below -9), what
 * TensorFlow's CPU Sigmoid runs; derivative s*(1 - s) from that s,
 * TensorFlow's SigmoidGrad with grad = 1. AVX2 + FMA as compiled
 * (eigen_blocks_avx2.h); the measured bound is in
 * impls/registry/peers_ml.def. */
#include "eigen_blocks_avx2.h"

extern "C" void ab_sigmoid_peer_eigen_forward(const float *x, float *y, size_t n,
                                              const ab_params *)
{
    ab_eigen::by_blocks(x, y, n, [](const auto &v) { return ab_eigen::block(v.logistic()); });
}

extern "C" void ab_sigmoid_peer_eigen_derivative(const float *x, float *y, size_t n,
                                                 const ab_params *)
{
    ab_eigen::by_blocks(x, y, n, [](const auto &v) {
        ab_eigen::block s = v.logistic();
        return ab_eigen::block(s * (1.0f - s));
    });
}
