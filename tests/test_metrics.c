/*
 * The error metrics a user chooses by (accuracy_stats.h), sampled and
 * exhaustive, against figures known independently:
 *   (a) sampled, on kernels written here: a copy y = x * 1.0f changes
 *       exactly on the subnormal inputs once DAZ is set (counted), and is
 *       exact otherwise; y = x * (1 - 2^-10) has a relative error of 2^-10
 *       within rounding and a ULP error in [2^13, 2^14] on normal outputs;
 *   (b) the exhaustive sweep on small ranges (fast reference) equals a
 *       brute-force MPFR computation of every case of every implementation,
 *       FTZ/DAZ run included: counts, maxima, where they are reached;
 *   (c) two shards merged equal one run;
 *   (d) a state file of the format before the metrics (version 2) loads
 *       with them marked not measured.
 * Every comparison is of figures that do not depend on the CPU model.
 */
#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "accuracy.h"
#include "actbench/bits.h"
#include "mxcsr.h"
#include "sweep/metrics.h"
#include "sweep/sweep.h"

#include "check.h"
#include "sweep_check.h"

static char tmp_root[256];

/* volatile: the multiply happens at run time, under the MXCSR mode */
static volatile float one = 1.0f, scale = 1.0f - 0x1p-10f;

static void copy_kernel(const float *x, float *y, size_t n, const ab_params *p)
{
    (void)p;
    for (size_t i = 0; i < n; i++)
        y[i] = x[i] * one;
}

static void scaled_kernel(const float *x, float *y, size_t n, const ab_params *p)
{
    (void)p;
    for (size_t i = 0; i < n; i++)
        y[i] = x[i] * scale;
}

static void test_sampled(void)
{
    const ab_activation *act = ab_activation_find("identity");
    CHECK(act != NULL, "no identity activation");
    if (act == NULL)
        return;
    ab_impl copy = {"identity", "test-copy", AB_ISA_SCALAR, copy_kernel, NULL,
                    {1, 0}, {1, 0}, 0, "y = x * 1"};
    ab_impl scaled = {"identity", "test-scaled", AB_ISA_SCALAR, scaled_kernel, NULL,
                      {1e9, 0}, {1e9, 0}, 0, "y = x * (1 - 2^-10)"};
    const ab_impl *impls[2] = {&copy, &scaled};
    ab_input_set in;
    CHECK(ab_inputs_build(&in, act, 2000, 4000, 1) == 0, "inputs");
    ab_accuracy_row rows[2];
    CHECK(ab_accuracy_measure_elementwise(act, AB_FORWARD, impls, 2, &in, 0, rows) == 0,
          "measure");
    uint64_t subnormal = 0, normal = 0;
    for (size_t i = 0; i < in.n; i++) {
        subnormal += in.x[i] != 0 && fabsf(in.x[i]) < 0x1p-126f;
        normal += isfinite(in.x[i]) && fabsf(in.x[i]) >= 0x1p-126f;
    }
    const ab_acc_stats *c = &rows[0].stats, *s = &rows[1].stats;
    CHECK(subnormal > 0, "the inputs hold subnormals");
    CHECK(c->metrics_measured && s->metrics_measured, "measured");
#if defined(__x86_64__) || defined(__i386__)
    CHECK(c->ftz_changed == subnormal, "copy: %" PRIu64 " results changed under DAZ, %" PRIu64
          " subnormal inputs", c->ftz_changed, subnormal);
#endif
    CHECK(c->normal_counted == normal, "copy: %" PRIu64 " normal outputs, want %" PRIu64,
          c->normal_counted, normal);
    CHECK(c->ulp_normal.value == 0 && c->rel_normal.value == 0 && c->abs_err.value == 0,
          "copy is exact: ulp %g rel %g abs %g", c->ulp_normal.value, c->rel_normal.value,
          c->abs_err.value);
    CHECK(c->ftz_ulp_normal.value == 0 && c->ftz_special == 0, "copy under FTZ/DAZ: normal "
          "outputs exact (%g), no NaN/inf (%" PRIu64 ")", c->ftz_ulp_normal.value, c->ftz_special);
    double rel = s->rel_normal.value;
    CHECK(fabs(rel - 0x1p-10) <= 0x1p-23, "scaled: max relative error %a, want 2^-10", rel);
    CHECK(s->ulp_normal.value >= 0x1p13 && s->ulp_normal.value <= 0x1p14,
          "scaled: max ULP on normal outputs %g, want [2^13, 2^14]", s->ulp_normal.value);
    /* where: the result at the reported input is the kernel's */
    float wx = ab_bits_float(s->rel_normal.x);
    CHECK(ab_bits_float(s->rel_normal.y) == wx * scale,
          "scaled: worst y is the kernel's result at worst x");
    CHECK(ab_bits_float(s->rel_normal.ref) == wx, "scaled: reference at worst x is x itself");
    ab_inputs_free(&in);
}

/* ---- exhaustive ----------------------------------------------------------------- */

static bool same_max(const ab_err_max *a, const ab_err_max *b)
{
    return a->value == b->value && (a->value < 0 || (a->x == b->x && a->y == b->y &&
                                                     a->ref == b->ref));
}

/* The metrics of two statistics agree exactly; what names the case. */
static void compare_metrics(const ab_acc_stats *a, const ab_acc_stats *b, const char *what)
{
    const ab_err_max *ma[4] = {&a->ulp_normal, &a->rel_normal, &a->abs_err, &a->ftz_ulp_normal};
    const ab_err_max *mb[4] = {&b->ulp_normal, &b->rel_normal, &b->abs_err, &b->ftz_ulp_normal};
    static const char *const names[4] = {"max ULP normal", "max rel", "max abs", "FTZ max ULP"};
    CHECK(a->metrics_measured == b->metrics_measured, "%s: measured flag", what);
    CHECK(a->normal_counted == b->normal_counted, "%s: normal outputs %" PRIu64 " vs %" PRIu64,
          what, a->normal_counted, b->normal_counted);
    CHECK(a->ftz_changed == b->ftz_changed, "%s: FTZ changed %" PRIu64 " vs %" PRIu64, what,
          a->ftz_changed, b->ftz_changed);
    CHECK(a->ftz_special == b->ftz_special, "%s: FTZ NaN/inf %" PRIu64 " vs %" PRIu64, what,
          a->ftz_special, b->ftz_special);
    for (int k = 0; k < 4; k++)
        CHECK(same_max(ma[k], mb[k]), "%s: %s %a at %a vs %a at %a", what, names[k],
              ma[k]->value, (double)ab_bits_float(ma[k]->x), mb[k]->value, (double)ab_bits_float(mb[k]->x));
}

/* Every case of [lo, hi] in MPFR, for one implementation and direction. */
static void brute_force(const ab_activation *act, const ab_impl *impl, ab_direction dir,
                        uint32_t lo, uint32_t hi, ab_acc_stats *s)
{
    size_t n = (size_t)(hi - lo) + 1;
    float *x = malloc(n * sizeof *x), *y = malloc(n * sizeof *y), *z = malloc(n * sizeof *z);
    for (size_t i = 0; i < n; i++)
        x[i] = ab_bits_float(lo + (uint32_t)i);
    ab_params params = act->default_params;
    ab_kernel_fn fn = ab_impl_kernel(impl, dir);
    ab_mxcsr_state saved = ab_mxcsr_save();
    fn(x, y, n, &params);
    ab_mxcsr_restore(saved);
    saved = ab_mxcsr_enter_ftz_daz();
    fn(x, z, n, &params);
    ab_mxcsr_leave(saved);
    ab_acc_stats_init(s);
    mpfr_t f;
    mpfr_init2(f, AB_REF_DEFAULT_PREC);
    for (size_t i = 0; i < n; i++) {
        mpfr_clear_inexflag();
        ab_ref_eval(act, dir, &params, x[i], f);
        bool inexact = mpfr_inexflag_p() != 0;
        ab_exh_metrics_exact_case(s, AB_FMT_BINARY32, x[i], y[i], f, inexact, false);
        ab_exh_metrics_exact_case(s, AB_FMT_BINARY32, x[i], z[i], f, inexact, true);
        bool same = memcmp(&y[i], &z[i], sizeof y[i]) == 0 || (isnan(y[i]) && isnan(z[i]));
        s->ftz_changed += !same;
        s->ftz_special += (ab_ulp_error_of(z[i], f).classes & AB_CLASS_NAN_INF) != 0;
    }
    mpfr_clear(f);
    free(x), free(y), free(z);
}

static void test_brute_force(const char *act_name, uint32_t lo, uint32_t hi)
{
    char dir[400], range[40], name[300];
    snprintf(dir, sizeof dir, "%s/bf-%s-%08x", tmp_root, act_name, lo);
    snprintf(range, sizeof range, "%08x:%08x", lo, hi);
    const char *args[] = {"accuracy", "--exhaustive", "--activation", act_name, "--range", range,
                          "--output", dir, "--quiet", "--threads", "2", NULL};
    CHECK(run_cmd(ab_cmd_exhaustive, args) == 0, "sweep %s %s", act_name, range);
    snprintf(name, sizeof name, "%s.range-%08x-%08x.state", act_name, lo, hi);
    ab_exh_state st;
    if (!load(dir, name, &st))
        return;
    const ab_activation *act = ab_activation_find(act_name);
    for (size_t i = 0; i < st.pair_count; i++) {
        const ab_exh_pair *p = &st.pairs[i];
        if (p->impl == NULL)
            continue;
        ab_acc_stats bf;
        brute_force(act, p->impl, p->dir, lo, hi, &bf);
        char what[200];
        snprintf(what, sizeof what, "%s %s %s %s", act_name, p->variant,
                 ab_direction_name(p->dir), range);
        compare_metrics(&p->stats, &bf, what);
    }
    ab_exh_state_free(&st);
}

static void test_shards(void)
{
    const char *range = "bf000000:bf01ffff";
    char one[400], sh[2][400], merged[400], spec[2][8];
    snprintf(one, sizeof one, "%s/sh-one", tmp_root);
    snprintf(merged, sizeof merged, "%s/sh-merged", tmp_root);
    const char *oa[] = {"accuracy", "--exhaustive", "--activation", "gelu", "--range", range,
                        "--output", one, "--quiet", NULL};
    CHECK(run_cmd(ab_cmd_exhaustive, oa) == 0, "one run");
    for (int k = 0; k < 2; k++) {
        snprintf(sh[k], sizeof sh[k], "%s/sh-%d", tmp_root, k + 1);
        snprintf(spec[k], sizeof spec[k], "%d/2", k + 1);
        const char *sa[] = {"accuracy", "--exhaustive", "--activation", "gelu", "--range",
                            range, "--shard", spec[k], "--output", sh[k], "--quiet", NULL};
        CHECK(run_cmd(ab_cmd_exhaustive, sa) == 0, "shard %s", spec[k]);
    }
    const char *mg[] = {"merge", "--output", merged, "--quiet", sh[0], sh[1], NULL};
    CHECK(run_cmd(ab_cmd_merge, mg) == 0, "merge");
    ab_exh_state a, b;
    const char *name = "gelu.range-bf000000-bf01ffff.state";
    if (!load(one, name, &a))
        return;
    if (load(merged, name, &b)) {
        CHECK(a.pair_count == b.pair_count, "pairs");
        for (size_t i = 0; i < a.pair_count && i < b.pair_count; i++)
            compare_metrics(&a.pairs[i].stats, &b.pairs[i].stats, a.pairs[i].variant);
        ab_exh_state_free(&b);
    }
    ab_exh_state_free(&a);
}

/* A version-3 state rewritten as version 2 (no metrics lines, checksum
 * recomputed) loads with the metrics not measured. */
static void test_old_state(void)
{
    char src[700], dst[700];
    snprintf(src, sizeof src, "%s/sh-one/exhaustive/gelu.range-bf000000-bf01ffff.state", tmp_root);
    snprintf(dst, sizeof dst, "%s/old.state", tmp_root);
    FILE *in = fopen(src, "r");
    CHECK(in != NULL, "read %s", src);
    if (in == NULL)
        return;
    char *text = NULL;
    size_t len = 0;
    FILE *mem = open_memstream(&text, &len);
    char line[1 << 16];
    while (fgets(line, sizeof line, in)) {
        if (strncmp(line, "metrics ", 8) == 0 || strncmp(line, "checksum ", 9) == 0)
            continue;
        if (strcmp(line, "actbench-exhaustive-state 3\n") == 0)
            strcpy(line, "actbench-exhaustive-state 2\n");
        fputs(line, mem);
    }
    fclose(in);
    fclose(mem);
    uint64_t h = 0xcbf29ce484222325ull;
    for (size_t i = 0; i < len; i++) {
        h ^= (unsigned char)text[i];
        h *= 0x100000001b3ull;
    }
    FILE *out = fopen(dst, "w");
    fwrite(text, 1, len, out);
    fprintf(out, "checksum fnv1a-64 %016" PRIx64 "\n", h);
    fclose(out);
    free(text);
    ab_exh_state st;
    bool ok = ab_exh_state_load(dst, &st);
    CHECK(ok, "a version-2 state loads");
    if (ok) {
        for (size_t i = 0; i < st.pair_count; i++)
            CHECK(!st.pairs[i].stats.metrics_measured, "%s: metrics marked not measured",
                  st.pairs[i].variant);
        ab_exh_state_free(&st);
    }
}

int main(void)
{
    snprintf(tmp_root, sizeof tmp_root, "/tmp/actbench_test_metrics.XXXXXX");
    if (mkdtemp(tmp_root) == NULL) {
        perror("mkdtemp");
        return 1;
    }
    test_sampled();
    /* sigmoid near 0.5 and in its subnormal tail; gelu around -3 (small outputs) */
    test_brute_force("sigmoid", 0x3f000000, 0x3f000fff);
    test_brute_force("sigmoid", 0xc2b00000, 0xc2b00fff);
    test_brute_force("gelu", 0xc0400000, 0xc0400fff);
    test_brute_force("tanh", 0x00000000, 0x00000fff);
    /* tiny x: constant results against f = 1/2 + x/4 (forward) and
     * 1/4 - x^2/16 (derivative), whose figures sit just beside one grid
     * point (decided by exact signs, metrics_straddle.c) */
    test_brute_force("sigmoid", 0x00810000, 0x008107ff);
    test_brute_force("sigmoid", 0x84000000, 0x840007ff);
    test_shards();
    test_old_state();
    char cmd[400];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmp_root);
    if (system(cmd) != 0)
        fprintf(stderr, "could not remove %s\n", tmp_root);
    if (failures) {
        fprintf(stderr, "%d failures\n", failures);
        return 1;
    }
    printf("ok\n");
    return 0;
}
