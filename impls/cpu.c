/* Run-time ISA detection: AVX2 kernels are compiled into every x86-64 build
 * but registered as runnable only when the CPU (and OS) support AVX2 + FMA. */
#include "actbench/actbench.h"

bool ab_cpu_has(ab_isa isa)
{
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
    }
    return "unknown";
}
