/*
 * Estimate instructions, and the hook that lets a test replace them.
 *
 * rcpps (_mm256_rcp_ps) is an estimate: the architecture promises only a
 * relative error of at most 1.5 * 2^-12, and Intel and AMD return different
 * bits. A kernel whose result passes through it gives CPU-dependent output;
 * its registry line carries AB_FLAG_CPU_DEPENDENT and its declared bound is
 * the worst case over every conforming estimate.
 *
 * That worst case is found by compiling the same kernel source a second
 * time with AB_ESTIMATE_MODEL defined (tests/estimate_model/): AB_RCP_PS
 * then returns a chosen extreme of the architectural interval instead of
 * this CPU's bits, and AB_KERNEL renames the kernel so that both builds
 * link into one test program. In the library build both macros are the
 * plain instruction and the plain name: no cost.
 */
#ifndef AB_ESTIMATE_H
#define AB_ESTIMATE_H

#include <immintrin.h>

/* rcpps: |rcp(d) - 1/d| <= 1.5 * 2^-12 * |1/d| (Intel SDM, RCPPS). */
#define AB_RCP_REL_ERROR (1.5 / 4096.0)

#ifdef AB_ESTIMATE_MODEL
__m256 ab_estimate_model_rcp_ps(__m256 d);
#define AB_RCP_PS(d) ab_estimate_model_rcp_ps(d)
#define AB_KERNEL(name) name##_estimate_model
#else
#define AB_RCP_PS(d) _mm256_rcp_ps(d)
#define AB_KERNEL(name) name
#endif

#endif
