/*
 * The batched common-case verdicts of the exhaustive sweep
 * (harness/sweep/verdict_batch.h) against the per-case decision they stand
 * for (ab_exh_fast_case), per activation with a fast reference and per
 * direction, on random inputs (half any finite pattern, half |x| < 16):
 *   - every lane the batch decides has ab_exh_fast_case's verdict, field
 *     for field (raw, q_lo, q_hi, as, r, bin, side, classes, is_cr,
 *     narrowed), and ab_exh_fast_case decides it too;
 *   - the AVX2 batch (where the CPU has AVX2) gives bit for bit the scalar
 *     batch's outputs and decided lanes;
 *   - at least 90 % of the lanes are decided (a batch that decides nothing
 *     would pass the first two checks while the sweep lost its speed). On
 *     these inputs 94 % to 100 % are, per activation and direction; the
 *     lanes where f's tail lies far below y - v (tails: |x| tiny or
 *     saturated) are decided too, by the directed sums fast_case narrows
 *     their cells with.
 * Results y: the correct rounding moved by 1 to 2^20 float steps, random
 * finite patterns, and the two neighbours of the correct rounding.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "actbench/fastref.h"
#include "actbench/reference.h"
#include "sweep/decide.h"
#include "sweep/verdict_batch.h"

#include "random_inputs.h"

static float pick_result(const prepared *p, uint64_t *s)
{
    uint64_t r = ab_rng_next(s);
    int32_t step;
    switch (r % 4) {
    case 0:
        return ffrom((uint32_t)(r >> 32));
    case 1:
        step = (r >> 8) & 1 ? 1 : -1;
        break;
    default:
        step = (int32_t)((r >> 8) % (1u << 20)) + 1;
        if ((r >> 40) & 1)
            step = -step;
    }
    return ffrom(p->cr_bits + (uint32_t)step);
}

static bool same_bits(double a, double b)
{
    return memcmp(&a, &b, sizeof a) == 0;
}

static bool same_verdict(const fast_verdict *a, const fast_verdict *b)
{
    return same_bits(a->raw, b->raw) && same_bits(a->q_lo, b->q_lo) &&
           same_bits(a->q_hi, b->q_hi) && same_bits(a->as, b->as) && same_bits(a->r, b->r) &&
           a->classes == b->classes && a->bin == b->bin && a->is_cr == b->is_cr &&
           a->narrowed == b->narrowed && a->side == b->side;
}

int main(void)
{
    int failures = 0;
    bool avx2 = ab_cpu_has(AB_ISA_AVX2_FMA);
    for (size_t a = 0; a < ab_activation_count(); a++) {
        const ab_activation *act = ab_activation_at(a);
        for (int d = 0; d < 2; d++) {
            ab_fastref_fn fn = ab_fastref_lookup(act, (ab_direction)d);
            if (fn == NULL)
                continue;
            uint64_t seed = 0x5EED0000ull + a * 2 + (uint64_t)d;
            static prepared preps[AB_EXH_VERDICT_BATCH];
            static float ys[AB_EXH_VERDICT_BATCH];
            verdict_batch scalar, vector;
            size_t lanes_total = 0, decided_total = 0, bad = 0;
            for (int round = 0; round < 2000; round++) {
                size_t n = 0;
                while (n < AB_EXH_VERDICT_BATCH) {
                    float x = pick_input(&seed);
                    if (x == 0.0f)
                        continue;
                    ab_fastref_value fv = {0, 0, 0, 0, 0, 0};
                    fn((double)x, &act->default_params, &fv);
                    prepared *p = &preps[n];
                    memset(p, 0, sizeof *p);
                    ab_exh_prepare_fast(p, &fv);
                    if (p->kind != KIND_FAST)
                        continue;
                    float y = pick_result(p, &seed);
                    if (!ab_exh_verdict_batch_fits(p, y))
                        continue;
                    scalar.v[n] = p->v, scalar.t[n] = p->tail, scalar.d[n] = p->d;
                    scalar.inv[n] = p->inv_unit, scalar.y[n] = (double)y;
                    scalar.tlo[n] = p->tlo, scalar.thi[n] = p->thi;
                    ys[n++] = y;
                }
                /* a short batch too, for the AVX2 remainder lanes */
                size_t lanes = round % 7 == 3 ? 37 : n;
                memcpy(&vector, &scalar, sizeof vector);
                ab_exh_verdict_batch_scalar(&scalar, lanes);
                if (avx2) {
                    ab_exh_verdict_batch_avx2(&vector, lanes);
                    if (vector.decided != scalar.decided ||
                        memcmp(vector.s2, scalar.s2, lanes * sizeof(double)) ||
                        memcmp(vector.r, scalar.r, lanes * sizeof(double)) ||
                        memcmp(vector.raw, scalar.raw, lanes * sizeof(double)) ||
                        memcmp(vector.q_lo, scalar.q_lo, lanes * sizeof(double)) ||
                        memcmp(vector.q_hi, scalar.q_hi, lanes * sizeof(double)) ||
                        memcmp(vector.exact, scalar.exact, lanes)) {
                        if (bad++ < 3)
                            fprintf(stderr, "FAIL %s %s: AVX2 batch differs from scalar\n",
                                    act->name, d ? "derivative" : "forward");
                    }
                }
                for (size_t k = 0; k < lanes; k++) {
                    lanes_total++;
                    fast_verdict mine, theirs;
                    if (!((scalar.decided >> k) & 1) ||
                        !ab_exh_verdict_from_batch(&scalar, k, &mine))
                        continue;
                    decided_total++;
                    if (!ab_exh_fast_case(&preps[k], ys[k], &theirs) ||
                        !same_verdict(&mine, &theirs)) {
                        if (bad++ < 3)
                            fprintf(stderr, "FAIL %s %s y=%a: verdict differs from fast_case\n",
                                    act->name, d ? "derivative" : "forward", (double)ys[k]);
                    }
                }
            }
            double share = (double)decided_total / (double)lanes_total;
            if (share < 0.9) {
                fprintf(stderr, "FAIL %s %s: only %.3f of the lanes decided\n", act->name,
                        d ? "derivative" : "forward", share);
                bad++;
            }
            printf("%-12s %-10s lanes %zu decided %.4f%s\n", act->name,
                   d ? "derivative" : "forward", lanes_total, share, bad ? " FAIL" : "");
            failures += bad != 0;
        }
    }
    printf(avx2 ? "AVX2 batch compared with the scalar one\n" : "no AVX2 here: scalar only\n");
    return failures != 0;
}
