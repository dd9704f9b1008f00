/*
 * The fast references (reference/fastref.c) against MPFR (ab_ref_eval at 128
 * bits), per activation with a fast reference and per direction:
 *   - the stated bound holds: |f - (value + tail)| <= err for every input;
 *   - the sign of f - value, where the fast reference states it, is MPFR's;
 *   - zero disagreement on the correctly rounded binary32 value wherever the
 *     interval [value + tail - err, value + tail + err] rounds to one float
 *     (what the exhaustive sweep uses without MPFR);
 *   - the width of the bound in binary32 ULP of f is reported (max, and the
 *     fraction of inputs where it exceeds 2^-20 ULP, where the sweep's
 *     quantized error may need MPFR).
 * Inputs: 2^18 per activation and direction in CI (2^20 takes ~55 s on two
 * idle cores, too close to the 60 s budget; ACTBENCH_FASTREF_FULL=1: 2^23),
 * half random binary32 bit patterns (finite, nonzero), half random patterns
 * inside hard regions: tiny |x|, subnormals, around ±1, the exp underflow
 * and overflow edges, the activation's dense range, large |x|.
 * Cases where the 128-bit reference cannot resolve the bound (err below
 * 2^-118 |f|) are counted and skipped for the bound check only.
 */
#include <math.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "actbench/fastref.h"
#include "actbench/reference.h"

typedef struct job {
    const ab_activation *act;
    ab_direction dir;
    uint64_t first, count, seed;
    /* results */
    uint64_t bound_fail, cr_fail, sign_fail, cr_undecided, skipped, wide, n;
    double max_ratio, max_width_ulp;
    float bound_fail_x, cr_fail_x, sign_fail_x;
} job;

static uint64_t next_rand(uint64_t *s)
{
    uint64_t z = (*s += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

static float pick_input(const ab_activation *act, uint64_t *s)
{
    uint64_t r = next_rand(s);
    uint32_t sign = (uint32_t)(r >> 63) << 31;
    uint32_t frac = (uint32_t)(r >> 8) & 0x7FFFFF;
    float x;
    uint32_t b;
    switch ((r >> 32) % 10) {
    case 0: case 1: case 2: case 3: case 4: /* any finite nonzero pattern */
        do {
            b = (uint32_t)next_rand(s);
        } while ((b & 0x7F800000u) == 0x7F800000u || (b & 0x7FFFFFFFu) == 0);
        memcpy(&x, &b, sizeof x);
        return x;
    case 5: /* tiny |x|: exponents 2^-60 .. 2^-10, and subnormals */
        b = sign | ((r >> 50) % 8 == 0 ? 0u : (uint32_t)(67 + (r >> 40) % 51) << 23) | frac;
        if ((b & 0x7FFFFFFFu) == 0)
            b |= 1;
        memcpy(&x, &b, sizeof x);
        return x;
    case 6: /* around ±1 */
        b = sign | (((r >> 40) & 1) ? 0x3F800000u : 0x3F000000u) | frac;
        memcpy(&x, &b, sizeof x);
        return x;
    case 7: { /* exp edges: |x| in [80, 110] */
        double u = (double)(r >> 11) * 0x1p-53;
        return (float)(sign ? -(80 + 30 * u) : (80 + 30 * u));
    }
    case 8: { /* the activation's dense range */
        double u = (double)(r >> 11) * 0x1p-53;
        return (float)(act->range_lo + (act->range_hi - act->range_lo) * u);
    }
    default: /* large |x|: 2^7 .. 2^127 */
        b = sign | ((uint32_t)(134 + (r >> 40) % 120) << 23) | frac;
        memcpy(&x, &b, sizeof x);
        return x;
    }
}

static void *run_job(void *arg)
{
    job *j = arg;
    mpfr_t f, s, lo, hi, d;
    mpfr_inits2(AB_REF_DEFAULT_PREC, f, (mpfr_ptr)0);
    mpfr_inits2(2200, s, lo, hi, d, (mpfr_ptr)0); /* sums of doubles: exact */
    ab_fastref_fn fn = ab_fastref_lookup(j->act, j->dir);
    ab_params params = j->act->default_params;
    uint64_t seed = j->seed;
    for (uint64_t i = 0; i < j->count; i++) {
        float x = pick_input(j->act, &seed);
        ab_fastref_value v;
        fn((double)x, &params, &v);
        if (!(v.err < INFINITY))
            continue;
        j->n++;
        ab_ref_eval(j->act, j->dir, &params, x, f);
        if (mpfr_nan_p(f))
            continue;
        mpfr_set_d(s, v.value, MPFR_RNDN);
        mpfr_add_d(s, s, v.tail, MPFR_RNDN); /* exact at 2200 bits */
        mpfr_sub(d, f, s, MPFR_RNDN);
        mpfr_abs(d, d, MPFR_RNDN);
        double diff = mpfr_get_d(d, MPFR_RNDU);
        double af = fabs(mpfr_get_d(f, MPFR_RNDN));
        /* U(f) in binary32 */
        double unit = af == 0 ? 0x1p-149 : fmax(ldexp(1.0, ilogb(af) - 23), 0x1p-149);
        if (isinf(af))
            unit = INFINITY;
        double width = v.err / unit;
        if (width > j->max_width_ulp)
            j->max_width_ulp = width;
        if (width > 0x1p-20)
            j->wide++;
        if (v.err < af * 0x1p-118 && diff > 0) {
            j->skipped++; /* below the 128-bit reference's own resolution */
        } else {
            double ratio = v.err > 0 ? diff / v.err : (diff > 0 ? INFINITY : 0);
            if (ratio > j->max_ratio)
                j->max_ratio = ratio;
            if (ratio > 1) {
                if (j->bound_fail++ == 0)
                    j->bound_fail_x = x;
            }
        }
        /* The known sign of f - value (where MPFR resolves it). */
        if (v.tail_sign != 0) {
            mpfr_set_d(d, v.value, MPFR_RNDN);
            int c = mpfr_cmp(f, d);
            if (c != 0 && (c > 0 ? 1 : -1) != v.tail_sign) {
                if (j->sign_fail++ == 0)
                    j->sign_fail_x = x;
            }
        }
        /* CR value decided by the bound == CR(f) */
        mpfr_sub_d(lo, s, v.err, MPFR_RNDD);
        mpfr_add_d(hi, s, v.err, MPFR_RNDU);
        float rlo = ab_ref_round_to_float(lo), rhi = ab_ref_round_to_float(hi);
        if (memcmp(&rlo, &rhi, sizeof rlo) != 0) {
            j->cr_undecided++;
            continue;
        }
        float cr = ab_ref_round_to_float(f);
        if (memcmp(&cr, &rlo, sizeof cr) != 0 && !(cr == 0 && rlo == 0 && v.sign == 0)) {
            if (j->cr_fail++ == 0)
                j->cr_fail_x = x;
        }
    }
    mpfr_clears(f, s, lo, hi, d, (mpfr_ptr)0);
    mpfr_free_cache();
    return NULL;
}

int main(void)
{
    const char *full = getenv("ACTBENCH_FASTREF_FULL");
    uint64_t per = full && atoi(full) ? (1ull << 23) : (1ull << 18);
    unsigned failures = 0;
    printf("fast reference vs MPFR, %llu inputs per activation and direction\n",
           (unsigned long long)per);
    printf("%-12s %-10s %9s %9s %11s %9s %8s %10s %10s\n", "activation", "direction",
           "bound_bad", "cr_bad", "undecided", "skipped", "max|d|/e", "maxwidth", ">2^-20ULP");
    for (size_t a = 0; a < ab_activation_count(); a++) {
        const ab_activation *act = ab_activation_at(a);
        for (int dd = 0; dd < 2; dd++) {
            ab_direction dir = (ab_direction)dd;
            if (ab_fastref_lookup(act, dir) == NULL)
                continue;
            job jobs[2];
            pthread_t tid[2];
            for (int t = 0; t < 2; t++) {
                memset(&jobs[t], 0, sizeof jobs[t]);
                jobs[t].act = act;
                jobs[t].dir = dir;
                jobs[t].count = per / 2;
                jobs[t].seed = 0x5EED0000ull + a * 16 + (uint64_t)dd * 4 + (uint64_t)t;
                pthread_create(&tid[t], NULL, run_job, &jobs[t]);
            }
            for (int t = 0; t < 2; t++)
                pthread_join(tid[t], NULL);
            job *j = &jobs[0], *k = &jobs[1];
            uint64_t bf = j->bound_fail + k->bound_fail, cf = j->cr_fail + k->cr_fail;
            printf("%-12s %-10s %9llu %9llu %10.4f%% %9llu %8.3f %10.3g %9.4f%%\n", act->name,
                   ab_direction_name(dir), (unsigned long long)bf, (unsigned long long)cf,
                   100.0 * (double)(j->cr_undecided + k->cr_undecided) / (double)(j->n + k->n),
                   (unsigned long long)(j->skipped + k->skipped), fmax(j->max_ratio, k->max_ratio),
                   fmax(j->max_width_ulp, k->max_width_ulp),
                   100.0 * (double)(j->wide + k->wide) / (double)(j->n + k->n));
            if (bf) {
                failures++;
                printf("  FAIL bound exceeded, e.g. x = %a\n",
                       j->bound_fail ? (double)j->bound_fail_x : (double)k->bound_fail_x);
            }
            if (j->sign_fail + k->sign_fail) {
                failures++;
                printf("  FAIL known tail sign contradicted, e.g. x = %a\n",
                       j->sign_fail ? (double)j->sign_fail_x : (double)k->sign_fail_x);
            }
            if (cf) {
                failures++;
                printf("  FAIL CR disagreement, e.g. x = %a\n",
                       j->cr_fail ? (double)j->cr_fail_x : (double)k->cr_fail_x);
            }
        }
    }
    printf("%s\n", failures ? "FAILED" : "ok");
    return failures ? 1 : 0;
}
