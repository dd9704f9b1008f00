/*
 * The writers of a finished sweep's files (output.h). The four files of
 * BASE are replaced together (commit.h), after the state passed its
 * invariants; summary.csv is shared by every sweep into the directory, so
 * its rows are replaced under an flock. The worst case of each row is re-evaluated in MPFR before the
 * run is called a success.
 */
#include <errno.h>
#include <inttypes.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <time.h>

#include "atomic_file.h"
#include "common/csv_write.h"
#include "sweep/bits.h"
#include "sweep/commit.h"
#include "sweep/exact.h"
#include "sweep/output.h"
#include "sweep/quantize.h"

static bool is_full_range(const ab_exh_state *st)
{
    return st->range_lo == 0 && st->range_hi == ab_exh_format_top(st->format);
}

void ab_exh_base_name(const ab_exh_state *st, char *buf, size_t size)
{
    int n = snprintf(buf, size, "%s", st->activation);
    if (st->format != AB_FMT_BINARY32)
        n += snprintf(buf + n, size - (size_t)n, ".%s", ab_exh_format_name(st->format));
    if (!is_full_range(st))
        snprintf(buf + n, size - (size_t)n, ".range-%08" PRIx64 "-%08" PRIx64, st->range_lo,
                 st->range_hi);
}

bool ab_exh_dir_of(const char *output, char *buf, size_t size)
{
    if (snprintf(buf, size, "%s/exhaustive", output) >= (int)size) {
        fprintf(stderr, "actbench: output path too long\n");
        return false;
    }
    return ab_ensure_output_dir(buf);
}

static void fmt_value(char *buf, size_t size, uint32_t float_bits)
{
    snprintf(buf, size, "%a", (double)ffrom(float_bits));
}

/* The CPU columns, appended to BASE.csv and summary.csv rows so that
 * readers of the older files (without them) keep working; the error metrics
 * (AB_METRICS_CSV_COLUMNS) follow them, last, for the same reason. */
#define CPU_HEADER ",cpu_vendor,cpu_model,cpu_family,cpu_model_number,cpu_stepping,isa_path"

/* One CSV field after a comma (quoted when it must be). */
static void csv_text(FILE *fp, const char *s)
{
    fputc(',', fp);
    ab_csv_put_text(fp, s);
}

static void cpu_columns(FILE *fp, const ab_exh_cpu *c)
{
    csv_text(fp, c->vendor);
    csv_text(fp, c->model);
    csv_text(fp, c->family);
    csv_text(fp, c->model_number);
    csv_text(fp, c->stepping);
    csv_text(fp, c->isa_path);
}

static const char *reference_name(const ab_exh_state *st)
{
    return st->mpfr_reference || st->format != AB_FMT_BINARY32 ? "mpfr" : "fast+mpfr";
}

/* Re-evaluates a worst case in MPFR before it is written: the block
 * statistics already hold MPFR values; this guards the file itself. A
 * disagreement is an engine bug: the run fails (the files are still written,
 * for the inspection). */
static bool check_worst(const ab_exh_state *st, const ab_exh_pair *p)
{
    const ab_activation *act = ab_activation_find(st->activation);
    if (act == NULL || p->stats.ulp_counted == 0)
        return true;
    mpfr_t f;
    mpfr_init2(f, AB_REF_DEFAULT_PREC);
    ab_params params = act->default_params;
    double cr;
    ab_ulp_error e = ab_exh_exact_error(act, p->dir, &params, st->format,
                                        ffrom(p->stats.worst_x),
                                        (double)ffrom(p->stats.worst_y), f, &cr);
    bool agree = ab_exh_quantize(e.ulp) == p->stats.max_ulp;
    if (!agree)
        fprintf(stderr,
                "actbench: error: %s %s %s: worst case re-evaluates to %a ULP in MPFR, the "
                "sweep says %a (an inconsistency in the sweep; please report it)\n",
                st->activation, p->variant, ab_direction_name(p->dir), ab_exh_quantize(e.ulp),
                p->stats.max_ulp);
    mpfr_clear(f);
    return agree;
}

/* ---- BASE.csv ------------------------------------------------------------- */

static void stats_header(FILE *fp)
{
    fprintf(fp, "activation,variant,isa,direction,format,reference,range_lo,range_hi,inputs,"
                "ulp_counted,max_ulp,worst_x,worst_y,worst_cr,worst_x_bits,worst_y_bits,"
                "worst_cr_bits,mean_ulp,pct_cr,not_cr,over_1ulp,declared_max_ulp,"
                "within_declared,ulp_quantum,nan_expected");
    for (int k = 0; k < AB_CLASS_KINDS; k++)
        fprintf(fp, ",%s", ab_class_name(k));
    /* CSV-safe bin names, as accuracy.csv writes them */
    fprintf(fp, ",hist_le_0.5,hist_0.5_1");
    for (int b = 2; b < AB_HIST_BINS - 1; b++)
        fprintf(fp, ",hist_%.0f_%.0f", ldexp(1.0, b - 2), ldexp(1.0, b - 1));
    fprintf(fp, ",hist_gt_%.0f", ldexp(1.0, AB_HIST_BINS - 3));
    fprintf(fp, ",fallbacks,worst_reevals,wall_seconds,inputs_per_second,threads,shards" CPU_HEADER
                AB_METRICS_CSV_COLUMNS "\n");
}

/* max_ulp, the worst input, result and CR value (values and patterns). */
static void stats_worst(FILE *fp, const ab_exh_state *st, const ab_acc_stats *s)
{
    if (s->ulp_counted == 0) {
        fprintf(fp, ",,,,,,,");
        return;
    }
    char wx[64], wy[64], wc[64];
    fmt_value(wx, sizeof wx, s->worst_x);
    fmt_value(wy, sizeof wy, s->worst_y);
    fmt_value(wc, sizeof wc, s->worst_cr);
    int digits = st->format == AB_FMT_BINARY32 ? 8 : 4;
    fprintf(fp, ",%.17g,%s,%s,%s,0x%0*" PRIx32 ",0x%0*" PRIx32 ",0x%0*" PRIx32, s->max_ulp, wx,
            wy, wc, digits, ab_exh_format_bits(st->format, s->worst_x), digits,
            ab_exh_format_bits(st->format, s->worst_y), digits,
            ab_exh_format_bits(st->format, s->worst_cr));
}

/* declared_max_ulp and within_declared (binary32 only: the bound is the
 * kernel's in binary32). */
static void stats_declared(FILE *fp, const ab_exh_state *st, const ab_exh_pair *p)
{
    const ab_acc_stats *s = &p->stats;
    const ab_bound *bound = p->impl ? ab_impl_bound(p->impl, p->dir) : NULL;
    if (bound == NULL || st->format != AB_FMT_BINARY32) {
        fprintf(fp, ",,");
        return;
    }
    unsigned seen = 0;
    for (int k = 0; k < AB_CLASS_KINDS; k++)
        if (s->classes[k])
            seen |= 1u << k;
    bool within = (s->ulp_counted == 0 || s->max_ulp <= bound->max_ulp) &&
                  (seen & ~bound->allowed_classes) == 0;
    fprintf(fp, ",%.17g,%s", bound->max_ulp, within ? "yes" : "no");
}

static void stats_row(FILE *fp, const ab_exh_state *st, const ab_exh_pair *p)
{
    const ab_acc_stats *s = &p->stats;
    uint64_t range_inputs = st->range_hi - st->range_lo + 1;
    fprintf(fp, "%s,%s,%s,%s,%s,%s,0x%08" PRIx64 ",0x%08" PRIx64 ",%" PRIu64 ",%" PRIu64,
            st->activation, p->variant, p->impl ? ab_isa_name(p->impl->isa) : "",
            ab_direction_name(p->dir), ab_exh_format_name(st->format), reference_name(st),
            st->range_lo, st->range_hi, s->inputs, s->ulp_counted);
    stats_worst(fp, st, s);
    fprintf(fp, ",%.6g,%.6f,%" PRIu64 ",%" PRIu64, ab_acc_stats_mean(s), ab_acc_stats_pct_cr(s),
            s->inputs - s->correctly_rounded, s->over_one_ulp);
    stats_declared(fp, st, p);
    fprintf(fp, ",rel2^-%d_floor2^-30", AB_EXH_ULP_REL_BITS);
    fprintf(fp, ",%" PRIu64, s->nan_expected);
    for (int k = 0; k < AB_CLASS_KINDS; k++)
        fprintf(fp, ",%" PRIu64, s->classes[k]);
    for (int k = 0; k < AB_HIST_BINS; k++)
        fprintf(fp, ",%" PRIu64, s->hist[k]);
    fprintf(fp, ",%" PRIu64 ",%" PRIu64 ",%.3f,%.0f,%u,%u", p->fallbacks, p->reevals,
            st->wall_seconds,
            st->wall_seconds > 0 ? (double)range_inputs / st->wall_seconds : 0.0, st->threads,
            st->shards_merged);
    cpu_columns(fp, &st->cpu);
    ab_metrics_write_csv_values(fp, s);
    fputc('\n', fp);
}

static bool write_stats_csv(const ab_exh_state *st, const char *dir, const char *base)
{
    char name[600];
    snprintf(name, sizeof name, "%s.csv", base);
    ab_atomic_file af;
    if (!ab_atomic_open(&af, dir, name))
        return false;
    stats_header(af.fp);
    for (size_t i = 0; i < st->pair_count; i++)
        stats_row(af.fp, st, &st->pairs[i]);
    return ab_atomic_commit(&af);
}

/* ---- BASE.binade.csv and BASE.grid.csv ----------------------------------------- */

/* The count, max and mean columns of a map row. */
static void map_cell(FILE *fp, const ab_exh_cell *c)
{
    fprintf(fp, ",%" PRIu64 ",%.9g,%.9g\n", c->count, c->max_ulp, c->sum_ulp / (double)c->count);
}

static bool write_binade_csv(const ab_exh_state *st, const char *dir, const char *base)
{
    char name[600];
    ab_atomic_file af;
    snprintf(name, sizeof name, "%s.binade.csv", base);
    if (!ab_atomic_open(&af, dir, name))
        return false;
    fprintf(af.fp, "activation,variant,direction,format,sign,exponent_field,abs_x_lo,abs_x_hi,"
                   "count,max_ulp,mean_ulp\n");
    for (size_t i = 0; i < st->pair_count; i++) {
        const ab_exh_pair *p = &st->pairs[i];
        for (int sg = 0; sg < 2; sg++)
            for (int e = 0; e < 255; e++) {
                const ab_exh_cell *c = &p->binade[sg][e];
                if (c->count == 0)
                    continue;
                double lo = e == 0 ? 0.0 : ldexp(1.0, e - 127);
                double hi = e == 0 ? 0x1p-126 : ldexp(1.0, e - 126);
                fprintf(af.fp, "%s,%s,%s,%s,%c,%d,%a,%a", st->activation, p->variant,
                        ab_direction_name(p->dir), ab_exh_format_name(st->format),
                        sg ? '-' : '+', e, lo, hi);
                map_cell(af.fp, c);
            }
    }
    return ab_atomic_commit(&af);
}

static bool write_grid_csv(const ab_exh_state *st, const char *dir, const char *base)
{
    char name[600];
    ab_atomic_file af;
    snprintf(name, sizeof name, "%s.grid.csv", base);
    if (!ab_atomic_open(&af, dir, name))
        return false;
    fprintf(af.fp, "activation,variant,direction,format,bin,x_lo,x_hi,count,max_ulp,mean_ulp\n");
    double width = (st->grid_hi - st->grid_lo) / AB_EXH_GRID_BINS;
    for (size_t i = 0; i < st->pair_count; i++) {
        const ab_exh_pair *p = &st->pairs[i];
        for (int g = 0; g < AB_EXH_GRID_BINS; g++) {
            const ab_exh_cell *c = &p->grid[g];
            if (c->count == 0)
                continue;
            fprintf(af.fp, "%s,%s,%s,%s,%d,%.9g,%.9g", st->activation, p->variant,
                    ab_direction_name(p->dir), ab_exh_format_name(st->format), g,
                    st->grid_lo + g * width, st->grid_lo + (g + 1) * width);
            map_cell(af.fp, c);
        }
    }
    return ab_atomic_commit(&af);
}

/* ---- summary.csv ------------------------------------------------------------------ */

#define SUMMARY_HEADER                                                                     \
    "activation,variant,direction,format,range_lo,range_hi,reference,inputs,max_ulp,"      \
    "worst_x,worst_y,worst_cr,pct_cr,over_1ulp,nan_unexpected,nan_missing,"                \
    "inf_where_finite,flush_to_zero,signed_zero_mismatch,finite_where_inf,ulp_quantum,"    \
    "fallbacks,worst_reevals,wall_seconds,inputs_per_second,threads,pairs_in_sweep,shards," \
    "date" CPU_HEADER AB_METRICS_CSV_COLUMNS "\n"

#define SUMMARY_KEYS 64

/* The key of a summary row: its first six columns (and the comma after). */
static void summary_key(const ab_exh_state *st, const ab_exh_pair *p, char *key, size_t size)
{
    snprintf(key, size, "%s,%s,%s,%s,0x%08" PRIx64 ",0x%08" PRIx64 ",", st->activation,
             p->variant, ab_direction_name(p->dir), ab_exh_format_name(st->format), st->range_lo,
             st->range_hi);
}

/* The fields of a CSV line (commas outside quotes, plus one). */
static size_t csv_fields(const char *line)
{
    size_t n = 1;
    bool quoted = false;
    for (; *line && *line != '\n'; line++) {
        if (*line == '"')
            quoted = !quoted;
        n += *line == ',' && !quoted;
    }
    return n;
}

/* Copies the rows of the old summary.csv at path whose key is not one of
 * keys (its header is dropped); rows of an older header with fewer columns
 * (before the CPU columns or the metrics) get empty fields, so the table stays
 * rectangular for strict readers. */
static void summary_keep_others(FILE *out, const char *path, char keys[][200], size_t nkeys)
{
    FILE *old = fopen(path, "r");
    if (old == NULL)
        return;
    char *line = NULL;
    size_t cap = 0;
    bool first = true;
    size_t fields = csv_fields(SUMMARY_HEADER);
    while (getline(&line, &cap, old) > 0) {
        if (first) {
            first = false;
            continue;
        }
        bool replaced = false;
        for (size_t k = 0; k < nkeys; k++)
            if (strncmp(line, keys[k], strlen(keys[k])) == 0)
                replaced = true;
        if (replaced)
            continue;
        line[strcspn(line, "\n")] = '\0';
        fputs(line, out);
        for (size_t n = csv_fields(line); n < fields; n++)
            fputc(',', out);
        fputc('\n', out);
    }
    free(line);
    fclose(old);
}

static void summary_row(FILE *fp, const ab_exh_state *st, const ab_exh_pair *p,
                        const char *key, const char *date)
{
    uint64_t range_inputs = st->range_hi - st->range_lo + 1;
    char wx[64] = "", wy[64] = "", wc[64] = "";
    if (p->stats.ulp_counted) {
        fmt_value(wx, sizeof wx, p->stats.worst_x);
        fmt_value(wy, sizeof wy, p->stats.worst_y);
        fmt_value(wc, sizeof wc, p->stats.worst_cr);
    }
    fprintf(fp, "%s%s,%" PRIu64 ",%.17g,%s,%s,%s,%.6f,%" PRIu64, key, reference_name(st),
            p->stats.inputs, p->stats.ulp_counted ? p->stats.max_ulp : 0.0, wx, wy, wc,
            ab_acc_stats_pct_cr(&p->stats), p->stats.over_one_ulp);
    for (int k = 0; k < AB_CLASS_KINDS; k++) /* the header's order */
        fprintf(fp, ",%" PRIu64, p->stats.classes[k]);
    fprintf(fp, ",rel2^-%d_floor2^-30", AB_EXH_ULP_REL_BITS);
    fprintf(fp, ",%" PRIu64 ",%" PRIu64 ",%.3f,%.0f,%u,%zu,%u,%s", p->fallbacks, p->reevals,
            st->wall_seconds,
            st->wall_seconds > 0 ? (double)range_inputs / st->wall_seconds : 0.0, st->threads,
            st->pair_count, st->shards_merged, date);
    cpu_columns(fp, &st->cpu);
    ab_metrics_write_csv_values(fp, &p->stats);
    fputc('\n', fp);
}

/* Replaces this sweep's rows of summary.csv (key: the first six columns),
 * under an flock so that concurrent sweeps do not lose each other's rows. */
static bool update_summary(const ab_exh_state *st, const char *dir)
{
    char path[4200], lockpath[4200];
    snprintf(path, sizeof path, "%s/summary.csv", dir);
    snprintf(lockpath, sizeof lockpath, "%s/.summary.lock", dir);
    FILE *lockf = fopen(lockpath, "a");
    if (lockf == NULL) {
        fprintf(stderr, "actbench: cannot write %s: %s\n", lockpath, strerror(errno));
        return false;
    }
    flock(fileno(lockf), LOCK_EX);
    ab_exh_remove_temps(dir, "summary.csv"); /* a killed writer's: every writer locks */
    ab_atomic_file af;
    bool ok = ab_atomic_open(&af, dir, "summary.csv");
    if (ok) {
        fputs(SUMMARY_HEADER, af.fp);
        char keys[SUMMARY_KEYS][200];
        size_t nkeys = 0;
        for (size_t i = 0; i < st->pair_count && nkeys < SUMMARY_KEYS; i++)
            summary_key(st, &st->pairs[i], keys[nkeys++], sizeof keys[0]);
        summary_keep_others(af.fp, path, keys, nkeys);
        char date[32];
        time_t t = time(NULL);
        strftime(date, sizeof date, "%Y-%m-%dT%H:%M:%SZ", gmtime(&t));
        for (size_t i = 0; i < st->pair_count; i++)
            summary_row(af.fp, st, &st->pairs[i], keys[i < SUMMARY_KEYS ? i : SUMMARY_KEYS - 1],
                        date);
        ok = ab_atomic_commit(&af);
    }
    flock(fileno(lockf), LOCK_UN);
    fclose(lockf);
    return ok;
}

bool ab_exh_write_outputs(const ab_exh_state *st, const char *dir)
{
    char why[200];
    if (!ab_exh_state_check(st, why, sizeof why) || ab_exh_blocks_done(st) != st->block_count) {
        fprintf(stderr, "actbench: error: %s: the sweep's state is inconsistent (%s); nothing "
                        "written (please report it)\n", st->activation,
                ab_exh_blocks_done(st) != st->block_count ? "blocks missing" : why);
        return false;
    }
    char base[512];
    ab_exh_base_name(st, base, sizeof base);
    char state_name[600];
    snprintf(state_name, sizeof state_name, "%s.state", base);
    ab_exh_commit set;
    if (!ab_exh_commit_begin(&set, dir, base))
        return false;
    if (!(write_stats_csv(st, set.staging, base) && write_binade_csv(st, set.staging, base) &&
          write_grid_csv(st, set.staging, base) &&
          ab_exh_state_save(st, set.staging, state_name))) {
        ab_exh_commit_abort(&set);
        return false;
    }
    if (!ab_exh_commit_finish(&set) || !update_summary(st, dir))
        return false;
    bool consistent = true;
    for (size_t i = 0; i < st->pair_count; i++)
        consistent &= check_worst(st, &st->pairs[i]);
    return consistent;
}
