/* glibc libmvec's AVX2 entry points (x86_64 vector ABI, variant 'd', 8
 * lanes). glibc ships no header with these names; their prototypes follow
 * from the vector function ABI: one __m256 in, one __m256 out. */
#ifndef ACTBENCH_PEER_LIBMVEC_H
#define ACTBENCH_PEER_LIBMVEC_H

#include <immintrin.h>

__m256 _ZGVdN8v_expf(__m256 x);
__m256 _ZGVdN8v_expm1f(__m256 x);
__m256 _ZGVdN8v_log1pf(__m256 x);
__m256 _ZGVdN8v_tanhf(__m256 x);
__m256 _ZGVdN8v_erfcf(__m256 x);

#endif
