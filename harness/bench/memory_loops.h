/*
 * The floor loops of bench/memory.h, written once for any vector width.
 * An ISA file defines, then includes this header:
 *   MEM_TARGET         the target attribute (target("avx"), ...)
 *   MEM_VEC, MEM_LANES the vector type and its float count
 *   MEM_LOADU(p), MEM_STOREU(p, v), MEM_STREAM(p, v), MEM_SET1(f)
 * and gets the static kernels mem_store, mem_store_nt, mem_copy, mem_copy_nt.
 * Four vectors per iteration keep loop overhead out of the floor. The
 * non-temporal ones align the destination to the vector size first (the
 * streaming store needs it) and end with sfence, so the stores are done
 * when the timer stops.
 */
#define MEM_BLOCK (4 * MEM_LANES)

static inline __attribute__((always_inline)) MEM_TARGET void mem_put(float *y, MEM_VEC v,
                                                                    bool nt)
{
    if (nt)
        MEM_STREAM(y, v);
    else
        MEM_STOREU(y, v);
}

static inline __attribute__((always_inline)) MEM_TARGET size_t mem_head(const float *x, float *y,
                                                                     size_t n, bool nt)
{
    size_t i = 0;
    for (; nt && i < n && ((uintptr_t)(y + i) % (MEM_LANES * sizeof(float))) != 0; i++)
        y[i] = x ? x[i] : 1.0f;
    return i;
}

static inline __attribute__((always_inline)) MEM_TARGET void mem_fill(float *y, size_t n, bool nt)
{
    const MEM_VEC one = MEM_SET1(1.0f);
    size_t i = mem_head(NULL, y, n, nt);
    for (; i + MEM_BLOCK <= n; i += MEM_BLOCK)
        for (size_t k = 0; k < MEM_BLOCK; k += MEM_LANES)
            mem_put(y + i + k, one, nt);
    for (; i < n; i++)
        y[i] = 1.0f;
}

static inline __attribute__((always_inline)) MEM_TARGET void mem_move(const float *x, float *y,
                                                                   size_t n, bool nt)
{
    size_t i = mem_head(x, y, n, nt);
    for (; i + MEM_BLOCK <= n; i += MEM_BLOCK) {
        MEM_VEC a = MEM_LOADU(x + i), b = MEM_LOADU(x + i + MEM_LANES);
        MEM_VEC c = MEM_LOADU(x + i + 2 * MEM_LANES), d = MEM_LOADU(x + i + 3 * MEM_LANES);
        mem_put(y + i, a, nt);
        mem_put(y + i + MEM_LANES, b, nt);
        mem_put(y + i + 2 * MEM_LANES, c, nt);
        mem_put(y + i + 3 * MEM_LANES, d, nt);
    }
    for (; i < n; i++)
        y[i] = x[i];
}

__attribute__((noinline)) MEM_TARGET static void mem_store(const float *x, float *y, size_t n, const ab_params *p)
{
    (void)x;
    (void)p;
    mem_fill(y, n, false);
}

__attribute__((noinline)) MEM_TARGET static void mem_store_nt(const float *x, float *y, size_t n, const ab_params *p)
{
    (void)x;
    (void)p;
    mem_fill(y, n, true);
    _mm_sfence();
}

__attribute__((noinline)) MEM_TARGET static void mem_copy(const float *x, float *y, size_t n, const ab_params *p)
{
    (void)p;
    mem_move(x, y, n, false);
}

__attribute__((noinline)) MEM_TARGET static void mem_copy_nt(const float *x, float *y, size_t n, const ab_params *p)
{
    (void)p;
    mem_move(x, y, n, true);
    _mm_sfence();
}
