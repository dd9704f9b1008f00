/* AVX-512F memory floors (memory.h): the loops of memory_loops.h at 64
 * bytes, so that a kernel with 512-bit stores is still judged against a
 * floor it cannot beat. */
#if defined(__x86_64__)
#include <immintrin.h>
#include <stdbool.h>
#include <stdint.h>

#include "bench/memory.h"

#define MEM_TARGET __attribute__((target("avx512f")))
#define MEM_VEC __m512
#define MEM_LANES 16
#define MEM_LOADU(p) _mm512_loadu_ps(p)
#define MEM_STOREU(p, v) _mm512_storeu_ps(p, v)
#define MEM_STREAM(p, v) _mm512_stream_ps(p, v)
#define MEM_SET1(f) _mm512_set1_ps(f)
#include "bench/memory_loops.h"

ab_memory_kernel ab_memory_floor_avx512(ab_floor_kind kind)
{
    static const ab_memory_kernel kernels[AB_FLOOR_KINDS] = {
        [AB_FLOOR_STORE] = {mem_store, "floor-store-avx512"},
        [AB_FLOOR_STORE_NT] = {mem_store_nt, "floor-store-avx512-nt"},
        [AB_FLOOR_COPY] = {mem_copy, "floor-copy-avx512"},
        [AB_FLOOR_COPY_NT] = {mem_copy_nt, "floor-copy-avx512-nt"},
    };
    return kernels[kind];
}
#endif
