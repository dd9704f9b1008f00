/* Run-time ISA detection: SIMD kernels are compiled into every x86-64 build
 * but registered as runnable only when the CPU and the OS support their ISA.
 * AVX2 + FMA by the compiler's CPU model; AVX-512 from CPUID and XGETBV
 * directly, so the answer also covers the OS: XCR0 must enable the opmask,
 * upper-ZMM and high-16-ZMM state (bits 5-7) besides SSE and AVX (1-2).
 * ACTBENCH_MAX_ISA=scalar|avx2|avx512 caps the answer (a CPU with AVX-512
 * can be made to look like one without it, to test that such a CPU skips
 * the avx512 variants cleanly); an unknown value is reported on stderr once
 * and ignored. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "actbench/actbench.h"

static ab_isa max_isa = AB_ISA_AVX512;
static pthread_once_t max_isa_once = PTHREAD_ONCE_INIT;

static void max_isa_read(void)
{
    const char *v = getenv("ACTBENCH_MAX_ISA");
    if (v == NULL || v[0] == '\0')
        return;
    if (strcmp(v, "scalar") == 0)
        max_isa = AB_ISA_SCALAR;
    else if (strcmp(v, "avx2") == 0)
        max_isa = AB_ISA_AVX2_FMA;
    else if (strcmp(v, "avx512") == 0)
        max_isa = AB_ISA_AVX512;
    else
        fprintf(stderr, "actbench: ACTBENCH_MAX_ISA=%s ignored (expected scalar, avx2 or avx512)\n",
                v);
}

#if defined(__x86_64__) || defined(__i386__)
#include <cpuid.h>
#include <stdint.h>

static uint64_t xcr0(void)
{
    uint32_t lo, hi;
    __asm__ volatile("xgetbv" : "=a"(lo), "=d"(hi) : "c"(0));
    return ((uint64_t)hi << 32) | lo;
}

/* AVX-512 F + BW + DQ + VL, FMA, and the OS saving the ZMM and opmask state. */
static bool has_avx512(void)
{
    unsigned eax, ebx, ecx, edx;
    if (!__get_cpuid(1, &eax, &ebx, &ecx, &edx))
        return false;
    const unsigned fma = 1u << 12, osxsave = 1u << 27;
    if ((ecx & (fma | osxsave)) != (fma | osxsave))
        return false;
    const uint64_t state = (1u << 1) | (1u << 2) | (1u << 5) | (1u << 6) | (1u << 7);
    if ((xcr0() & state) != state)
        return false;
    if (!__get_cpuid_count(7, 0, &eax, &ebx, &ecx, &edx))
        return false;
    const unsigned f = 1u << 16, dq = 1u << 17, bw = 1u << 30, vl = 1u << 31;
    return (ebx & (f | dq | bw | vl)) == (f | dq | bw | vl);
}
#endif

bool ab_cpu_has(ab_isa isa)
{
    pthread_once(&max_isa_once, max_isa_read);
    if (isa > max_isa)
        return false;
    switch (isa) {
    case AB_ISA_SCALAR:
        return true;
    case AB_ISA_AVX2_FMA:
#if defined(__x86_64__) || defined(__i386__)
        __builtin_cpu_init();
        return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
#else
        return false;
#endif
    case AB_ISA_AVX512:
#if defined(__x86_64__) || defined(__i386__)
        return has_avx512();
#else
        return false;
#endif
    }
    return false;
}

const char *ab_isa_name(ab_isa isa)
{
    switch (isa) {
    case AB_ISA_SCALAR:
        return "scalar";
    case AB_ISA_AVX2_FMA:
        return "avx2+fma";
    case AB_ISA_AVX512:
        return "avx512";
    }
    return "unknown";
}
