/*
 * The sweep's input formats (format.h). The 16-bit formats are converted by
 * their field layout and rounded in double, which is exact: the scaled
 * value's integer part fits easily and every scaling is by a power of 2.
 */
#include <math.h>
#include <string.h>

#include "sweep/bits.h"
#include "sweep/format.h"

const char *ab_exh_format_name(ab_exh_format f)
{
    return f == AB_FMT_BF16 ? "bf16" : f == AB_FMT_FP16 ? "fp16" : "binary32";
}

bool ab_exh_format_parse(const char *name, ab_exh_format *f)
{
    if (strcmp(name, "binary32") == 0)
        *f = AB_FMT_BINARY32;
    else if (strcmp(name, "bf16") == 0)
        *f = AB_FMT_BF16;
    else if (strcmp(name, "fp16") == 0)
        *f = AB_FMT_FP16;
    else
        return false;
    return true;
}

uint64_t ab_exh_format_top(ab_exh_format f)
{
    return f == AB_FMT_BINARY32 ? 0xFFFFFFFFu : 0xFFFFu;
}

void ab_exh_format_params(ab_exh_format f, int *precision, int *emin_unit, int *emax)
{
    switch (f) {
    case AB_FMT_BF16: *precision = 8; *emin_unit = -133; *emax = 128; break;
    case AB_FMT_FP16: *precision = 11; *emin_unit = -24; *emax = 16; break;
    default: *precision = 24; *emin_unit = -149; *emax = 128; break;
    }
}

float ab_exh_input(ab_exh_format f, uint64_t pattern)
{
    if (f == AB_FMT_BINARY32)
        return ffrom((uint32_t)pattern);
    if (f == AB_FMT_BF16)
        return ffrom((uint32_t)pattern << 16);
    /* fp16: sign, 5-bit exponent (bias 15), 10-bit fraction. */
    uint32_t h = (uint32_t)pattern & 0xFFFF;
    uint32_t sign = (h >> 15) << 31, e = (h >> 10) & 0x1F, m = h & 0x3FF;
    if (e == 0x1F)
        return ffrom(sign | 0x7F800000u | (m << 13));
    float mag = e == 0 ? ldexpf((float)m, -24) : ldexpf((float)(m | 0x400), (int)e - 25);
    return ffrom(sign | fbits(mag));
}

/* Results whose rounded magnitude reaches 2^emax overflow to inf. */
double ab_exh_round_result(ab_exh_format f, float y)
{
    if (f == AB_FMT_BINARY32 || isnan(y) || isinf(y) || y == 0.0f)
        return y;
    int prec, emin_unit, emax;
    ab_exh_format_params(f, &prec, &emin_unit, &emax);
    double a = y;
    int e = ilogb(a);
    int q = e - (prec - 1);
    if (q < emin_unit)
        q = emin_unit;
    double r = ldexp(nearbyint(ldexp(a, -q)), q);
    if (fabs(r) >= ldexp(1.0, emax))
        r = copysign(INFINITY, r);
    return r == 0.0 ? copysign(0.0, a) : r;
}

double ab_exh_round_mpfr(const mpfr_t f, ab_exh_format fmt)
{
    int prec, emin_unit, emax;
    ab_exh_format_params(fmt, &prec, &emin_unit, &emax);
    return ab_ref_round_to_format(f, prec, emin_unit, emax);
}

uint32_t ab_exh_format_bits(ab_exh_format f, uint32_t float_bits)
{
    if (f == AB_FMT_BINARY32)
        return float_bits;
    if (f == AB_FMT_BF16)
        return float_bits >> 16;
    float v = ffrom(float_bits);
    uint32_t sign = (float_bits >> 31) << 15;
    if (isnan(v))
        return sign | 0x7E00u;
    if (isinf(v))
        return sign | 0x7C00u;
    double a = fabs((double)v);
    if (a < 0x1p-14)
        return sign | (uint32_t)ldexp(a, 24);
    int e = ilogb(a);
    return sign | (uint32_t)((e + 15) << 10) | ((uint32_t)ldexp(a, 10 - e) & 0x3FF);
}
