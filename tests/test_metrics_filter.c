/*
 * The error metrics' per-pass filter (harness/sweep/metrics_filter.h), per
 * activation with a fast reference and per direction, on chunks of random
 * inputs (half any finite pattern, half |x| < 16) prepared as the sweep
 * prepares them (ab_exh_metrics_prepare):
 *   - the AVX2 filter (where the CPU has it) marks the same cases slow as
 *     the scalar one and counts the same normal outputs;
 *   - every case that ab_exh_filter_loses drops can win no figure: its
 *     figures, measured in MPFR as the sweep defines them
 *     (ab_exh_metrics_exact_case), lie at or below the bars;
 *   - the drop happens (a test that drops nothing would pass the rest).
 * Results y: the correct rounding, its neighbours and steps of up to 2^20
 * floats, and y = 0; the bars are the quantized figures of one of the
 * chunk's cases, so that many cases tie them (an implementation one float
 * step off everywhere ties its own maximum of 1 ULP at every input).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "actbench/fastref.h"
#include "actbench/reference.h"
#include "accuracy_stats.h"
#include "sweep/block.h"
#include "sweep/metrics_internal.h"

#include "random_inputs.h"

#define N 512

/* A result near the correct rounding cr, one drawn per chunk: every input
 * of the chunk gets the same kind of error. */
static float pick_result(float cr, int kind, uint64_t *s)
{
    uint64_t r = ab_rng_next(s);
    if (!isfinite(cr))
        return cr;
    switch (kind) {
    case 0:
        return cr;
    case 1: /* one step toward 0 */
        return cr == 0 ? cr : ffrom(fbits(cr) - 1);
    case 2: /* one step away from 0 */
        return ffrom(fbits(cr) + 1);
    case 3:
        return 0.0f;
    default:
        return ffrom(fbits(cr) + (uint32_t)((r >> 8) % (1u << 20)) * ((r & 1) ? 1u : -1u));
    }
}

int main(void)
{
    int failures = 0;
    size_t dropped_total = 0;
    bool avx2 = ab_cpu_has(AB_ISA_AVX2_FMA);
    static float xs[N], ys[N], zs[N];
    static prepared prep[N];
    mpfr_t scratch, f;
    mpfr_init2(scratch, AB_REF_DEFAULT_PREC);
    mpfr_init2(f, AB_REF_DEFAULT_PREC);
    ab_exh_metrics *m = ab_exh_metrics_new(N);
    uint64_t *slow_scalar = malloc((N + 63) / 64 * sizeof *slow_scalar);
    uint64_t *slow_vector = malloc((N + 63) / 64 * sizeof *slow_vector);
    if (m == NULL || slow_scalar == NULL || slow_vector == NULL)
        return 1;
    for (size_t a = 0; a < ab_activation_count(); a++) {
        const ab_activation *act = ab_activation_at(a);
        ab_exh_ctx ctx;
        ab_exh_ctx_init(&ctx, act, AB_FMT_BINARY32, false);
        for (int d = 0; d < 2; d++) {
            ab_fastref_fn fn = ctx.fast[d];
            if (fn == NULL)
                continue;
            eval_env env = {&ctx, (ab_direction)d, &scratch};
            uint64_t seed = 0xF11E0000ull + a * 2 + (uint64_t)d;
            size_t dropped = 0, checked = 0, bad = 0;
            for (int round = 0; round < 40; round++) {
                int kind = round % 5;
                for (size_t i = 0; i < N; i++) {
                    float x = pick_input(&seed);
                    xs[i] = x;
                    prepared *p = &prep[i];
                    memset(p, 0, sizeof *p);
                    p->kind = KIND_MPFR;
                    float cr = NAN;
                    if (x != 0.0f) {
                        ab_fastref_value fv = {0, 0, 0, 0, 0, 0};
                        fn((double)x, &ctx.params, &fv);
                        ab_exh_prepare_fast(p, &fv);
                    }
                    if (p->kind == KIND_FAST && p->cr_ok) {
                        cr = ffrom(p->cr_bits);
                    } else {
                        ab_ref_eval(act, (ab_direction)d, &ctx.params, x, f);
                        cr = (float)ab_exh_round_mpfr(f, AB_FMT_BINARY32);
                    }
                    ys[i] = pick_result(cr, kind, &seed);
                    /* a few FTZ/DAZ results of their own */
                    zs[i] = ab_rng_next(&seed) % 16 == 0 ? 0.0f : ys[i];
                }
                ab_exh_metrics_prepare(m, &env, prep, NULL, NULL, xs, N);
                /* bars: one case's figures, quantized as the sweep keeps them */
                size_t k = (size_t)(ab_rng_next(&seed) % N);
                double bar_source = fabs((double)ys[k] - m->ref[k].v);
                filter_bars bars = {ab_exh_quantize_rel(bar_source),
                                    ab_exh_quantize(bar_source * m->ref[k].inv_unit),
                                    m->ref[k].v != 0
                                        ? ab_exh_quantize_rel(bar_source / fabs(m->ref[k].v))
                                        : 1.0,
                                    ab_exh_quantize(bar_source * m->ref[k].inv_unit), false,
                                    false};
                if (!isfinite(bars.abs) || !isfinite(bars.ulp) || !isfinite(bars.rel))
                    continue;
                uint64_t counted = ab_exh_filter_scalar(&m->fr, ys, zs, N, &bars, slow_scalar);
                if (avx2) {
                    uint64_t counted_v =
                        ab_exh_filter_avx2(&m->fr, ys, zs, N, &bars, slow_vector);
                    if (counted_v != counted ||
                        memcmp(slow_vector, slow_scalar, (N + 63) / 64 * sizeof *slow_vector)) {
                        if (bad++ < 3)
                            fprintf(stderr, "FAIL %s %s: AVX2 filter differs from scalar\n",
                                    act->name, d ? "derivative" : "forward");
                    }
                }
                for (size_t i = 0; i < N; i++) {
                    const filter_refs *fr = &m->fr;
                    double y = ys[i];
                    if (fbits(ys[i]) != fbits(zs[i]) || !isfinite(y) || y == fr->zero_v[i] ||
                        !ab_exh_filter_loses(
                            y, ab_exh_abs_interval(y, fr->v[i], fr->tlo[i], fr->thi[i]),
                            fr->v[i], fr->res_lo[i], fr->uinv[i], fr->fabs_lo[i],
                            fr->normal[i] != 0, &bars, true))
                        continue;
                    dropped++;
                    if (dropped % 7 != 0 && checked > 200)
                        continue; /* MPFR on a sample once enough are checked */
                    checked++;
                    ab_acc_stats s;
                    ab_acc_stats_init(&s);
                    mpfr_clear_inexflag();
                    ab_ref_eval(act, (ab_direction)d, &ctx.params, xs[i], f);
                    ab_exh_metrics_exact_case(&s, AB_FMT_BINARY32, xs[i], y, f,
                                              mpfr_inexflag_p() != 0, false);
                    if (s.abs_err.value > bars.abs || s.ulp_normal.value > bars.ulp ||
                        s.rel_normal.value > bars.rel) {
                        if (bad++ < 3)
                            fprintf(stderr,
                                    "FAIL %s %s x=%a y=%a: dropped, but figures %a %a %a "
                                    "exceed bars %a %a %a\n",
                                    act->name, d ? "derivative" : "forward", (double)xs[i], y,
                                    s.abs_err.value, s.ulp_normal.value, s.rel_normal.value,
                                    bars.abs, bars.ulp, bars.rel);
                    }
                }
            }
            printf("%-12s %-10s dropped %zu, %zu checked in MPFR%s\n", act->name,
                   d ? "derivative" : "forward", dropped, checked, bad ? " FAIL" : "");
            failures += bad != 0;
            dropped_total += dropped;
        }
    }
    if (dropped_total == 0) {
        fprintf(stderr, "FAIL: the filter dropped no case by its directed bounds\n");
        failures++;
    }
    printf(avx2 ? "AVX2 filter compared with the scalar one\n" : "no AVX2 here: scalar only\n");
    ab_exh_metrics_free(m);
    free(slow_scalar);
    free(slow_vector);
    mpfr_clear(scratch);
    mpfr_clear(f);
    mpfr_free_cache();
    return failures != 0;
}
