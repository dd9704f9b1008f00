/*
 * `actbench accuracy --exhaustive` and `actbench merge`: the driver of the
 * exhaustive sweep (exhaustive_block.c evaluates, exhaustive_state.c stores).
 *
 * Work is cut in blocks of 2^16 bit patterns (2^10 for the 16-bit formats),
 * taken by pinned worker threads from an atomic counter. A finished block's
 * statistics are merged into the run's state under a lock and its bit set in
 * the done bitmap, so the state always describes exactly the completed
 * blocks: a checkpoint is that state written atomically, and a resumed or
 * sharded sweep merges into exactly the result of one run.
 *
 * Outputs, under DIR/exhaustive/ (BASE = activation, plus ".bf16"/".fp16",
 * plus ".range-LO-HI" for a partial range):
 *   BASE.csv         one row per variant x direction: the statistics;
 *   BASE.binade.csv  max and mean ULP per binade of |x| for each sign;
 *   BASE.grid.csv    max and mean ULP on 2000 bins over [range_lo, range_hi];
 *   BASE.state       the machine-readable state (input of merge);
 *   summary.csv      one row per activation x variant x direction x format x
 *                    range, replaced on each run: time, rate, threads,
 *                    fallbacks;
 *   BASE.shard-K-of-N.state  a shard's result (shards write only this);
 *   BASE[.shard-K-of-N].ckpt the checkpoint while a sweep runs.
 */
#include <errno.h>
#include <getopt.h>
#include <inttypes.h>
#include <math.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <time.h>
#include <unistd.h>
#include <dirent.h>

#include "atomic_file.h"
#include "exhaustive.h"
#include "exhaustive_block.h"
#include "topology.h"

static volatile sig_atomic_t g_stop;
static void on_signal(int sig)
{
    (void)sig;
    g_stop = 1;
}

static double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

void ab_exhaustive_usage(FILE *out)
{
    fputs(
        "usage: actbench accuracy --exhaustive [options]\n"
        "  Every input of a bit-pattern range through every selected implementation;\n"
        "  exact ULP statistics (MPFR wherever the fast reference's bound cannot decide).\n"
        "  The ULP error is reported rounded up to a grid (relative step 2^-20, floor 2^-30,\n"
        "  0 only when y == f exactly; column ulp_quantum); max, argmax, histogram, counts\n"
        "  and CR equal --reference mpfr; mean and error maps are not quantized.\n"
        "  --activation LIST    comma list of activations (default: all elementwise)\n"
        "  --variant LIST       comma list of variants (default: all the CPU supports)\n"
        "  --direction D        forward | derivative | both (default both)\n"
        "  --range LO:HI        inclusive hex bit patterns (default all: 0:ffffffff,\n"
        "                       or 0:ffff for bf16/fp16)\n"
        "  --shard K/N          only blocks b with b mod N = K-1 (K in 1..N); writes\n"
        "                       BASE.shard-K-of-N.state for `actbench merge`\n"
        "  --threads T          worker threads, pinned (default: all PUs)\n"
        "  --output DIR         results directory (default results); files go to DIR/exhaustive/\n"
        "  --reference R        fast (default) | mpfr (every case in MPFR: slow, for audits)\n"
        "  --format F           binary32 (default) | bf16 | fp16 (16-bit: all in MPFR)\n"
        "  --checkpoint FILE    checkpoint path (default DIR/exhaustive/BASE.ckpt; with several\n"
        "                       activations, .ACTIVATION is appended)\n"
        "  --resume             require an existing checkpoint and continue it (an existing\n"
        "                       matching checkpoint is always continued)\n"
        "  --quiet              no progress on stderr\n"
        "usage: actbench merge [--output DIR] [--quiet] SHARD_DIR...\n"
        "  Combines the *.shard-K-of-N.state files found in each SHARD_DIR (or its\n"
        "  exhaustive/ subdirectory) into the outputs one run would give.\n"
        "Environment: ACTBENCH_CHECKPOINT_SECONDS (default 10).\n",
        out);
}

/* ---- options ------------------------------------------------------------------ */

typedef struct exh_options {
    char *activations, *variants;
    unsigned dir_mask; /* 1 forward, 2 derivative */
    bool range_given;
    uint64_t range_lo, range_hi;
    unsigned shard_k, shard_n, threads;
    const char *output, *checkpoint;
    bool mpfr, resume, quiet;
    ab_exh_format format;
} exh_options;

static bool parse_u64_hex(const char *s, uint64_t *v)
{
    if (*s == '\0')
        return false;
    char *end;
    errno = 0;
    unsigned long long r = strtoull(s, &end, 16);
    if (errno != 0 || *end != '\0' || s[0] == '-')
        return false;
    *v = r;
    return true;
}

static bool parse_unsigned(const char *s, unsigned *v)
{
    char *end;
    errno = 0;
    unsigned long r = strtoul(s, &end, 10);
    if (errno != 0 || *end != '\0' || *s == '\0' || *s == '-' || r > 1000000)
        return false;
    *v = (unsigned)r;
    return true;
}

static bool in_list(const char *list, const char *name)
{
    if (list == NULL)
        return true;
    size_t n = strlen(name);
    for (const char *p = list; *p;) {
        size_t len = strcspn(p, ",");
        if (len == n && strncmp(p, name, n) == 0)
            return true;
        p += len;
        if (*p == ',')
            p++;
    }
    return false;
}

/* ---- the run -------------------------------------------------------------------- */

typedef struct driver {
    ab_exh_state *st;
    ab_exh_ctx ctx;
    uint64_t *todo;
    size_t todo_count;
    atomic_size_t next;
    atomic_uint finished;
    pthread_mutex_t lock;
    uint64_t blocks_this_session;
    unsigned threads;
    ab_topology topo;
    bool topo_ok;
    char ckpt_dir[4200], ckpt_name[4200];
    long kill_after; /* test hook: checkpoint after this many blocks, then die */
    double started, wall_before;
    bool failed;
} driver;

static uint64_t block_size_of(const ab_exh_state *st)
{
    return (uint64_t)1 << st->block_bits;
}

static void block_span(const ab_exh_state *st, uint64_t b, uint64_t *first, uint64_t *count)
{
    uint64_t bs = block_size_of(st);
    *first = st->range_lo + b * bs;
    uint64_t last = *first + bs - 1;
    if (last > st->range_hi)
        last = st->range_hi;
    *count = last - *first + 1;
}

static bool save_checkpoint_locked(driver *d)
{
    d->st->wall_seconds = d->wall_before + (now_seconds() - d->started);
    return ab_exh_state_save(d->st, d->ckpt_dir, d->ckpt_name);
}

typedef struct worker_arg {
    driver *d;
    unsigned index;
} worker_arg;

static void *worker_main(void *arg)
{
    worker_arg *wa = arg;
    driver *d = wa->d;
    ab_exh_state *st = d->st;
    if (d->topo_ok)
        ab_topology_pin_worker(&d->topo, wa->index);
    ab_exh_worker *w = ab_exh_worker_new(block_size_of(st));
    ab_exh_pair *out = calloc(st->pair_count, sizeof *out);
    if (w == NULL || out == NULL) {
        fprintf(stderr, "actbench: out of memory\n");
        d->failed = true;
        g_stop = 1;
    }
    while (w != NULL && out != NULL && !g_stop) {
        size_t i = atomic_fetch_add(&d->next, 1);
        if (i >= d->todo_count)
            break;
        uint64_t b = d->todo[i], first, count;
        block_span(st, b, &first, &count);
        ab_exh_eval_block(w, &d->ctx, st->pairs, st->pair_count, first, count, out);
        pthread_mutex_lock(&d->lock);
        for (size_t k = 0; k < st->pair_count; k++)
            ab_exh_pair_merge(&st->pairs[k], &out[k]);
        st->done[b >> 3] |= (uint8_t)(1u << (b & 7));
        d->blocks_this_session++;
        if (d->kill_after > 0 && d->blocks_this_session == (uint64_t)d->kill_after)
            save_checkpoint_locked(d);
        if (d->kill_after > 0 && d->blocks_this_session == (uint64_t)d->kill_after + 2)
            raise(SIGKILL);
        pthread_mutex_unlock(&d->lock);
    }
    free(out);
    ab_exh_worker_free(w);
    atomic_fetch_add(&d->finished, 1);
    return NULL;
}

static bool same_config(const ab_exh_state *a, const ab_exh_state *b, bool ignore_shard)
{
    if (strcmp(a->activation, b->activation) != 0 || a->format != b->format ||
        a->mpfr_reference != b->mpfr_reference || a->range_lo != b->range_lo ||
        a->range_hi != b->range_hi || a->block_bits != b->block_bits ||
        a->block_count != b->block_count || a->pair_count != b->pair_count)
        return false;
    if (!ignore_shard && (a->shard_k != b->shard_k || a->shard_n != b->shard_n))
        return false;
    for (size_t i = 0; i < a->pair_count; i++)
        if (strcmp(a->pairs[i].variant, b->pairs[i].variant) != 0 ||
            a->pairs[i].dir != b->pairs[i].dir)
            return false;
    return true;
}

static void base_name(const ab_exh_state *st, bool full_range, char *buf, size_t size)
{
    int n = snprintf(buf, size, "%s", st->activation);
    if (st->format != AB_FMT_BINARY32)
        n += snprintf(buf + n, size - (size_t)n, ".%s", ab_exh_format_name(st->format));
    if (!full_range)
        snprintf(buf + n, size - (size_t)n, ".range-%08" PRIx64 "-%08" PRIx64, st->range_lo,
                 st->range_hi);
}

static bool is_full_range(const ab_exh_state *st)
{
    uint64_t top = st->format == AB_FMT_BINARY32 ? 0xFFFFFFFFu : 0xFFFFu;
    return st->range_lo == 0 && st->range_hi == top;
}

static void fmt_value(char *buf, size_t size, ab_exh_format f, uint32_t float_bits)
{
    float v;
    memcpy(&v, &float_bits, sizeof v);
    (void)f;
    snprintf(buf, size, "%a", (double)v);
}

/* The 16-bit pattern of a value of the format (exact), for the CSV. */
static uint32_t format_bits(ab_exh_format f, uint32_t float_bits)
{
    if (f == AB_FMT_BINARY32)
        return float_bits;
    if (f == AB_FMT_BF16)
        return float_bits >> 16;
    float v;
    memcpy(&v, &float_bits, sizeof v);
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

/* Re-evaluates a worst case in MPFR before it is written: the block
 * statistics already hold MPFR values; this guards the file itself. A
 * disagreement is an engine bug: the run fails (the files are still written,
 * for the inspection). */
static bool check_worst(const ab_exh_state *st, const ab_exh_pair *p)
{
    const ab_activation *act = ab_activation_find(st->activation);
    if (act == NULL || p->stats.ulp_counted == 0)
        return true;
    float x, y;
    memcpy(&x, &p->stats.worst_x, sizeof x);
    memcpy(&y, &p->stats.worst_y, sizeof y);
    mpfr_t f;
    mpfr_init2(f, AB_REF_DEFAULT_PREC);
    ab_params params = act->default_params;
    mpfr_clear_inexflag();
    ab_ref_eval(act, p->dir, &params, x, f);
    bool inexact = mpfr_inexflag_p() != 0;
    int prec, emin_unit, emax;
    ab_exh_format_params(st->format, &prec, &emin_unit, &emax);
    ab_ulp_error e = ab_ulp_error_fmt((double)y, f, prec, emin_unit, emax);
    if (e.ulp == 0.0 && inexact && !e.is_nan_case)
        e.ulp = AB_EXH_ULP_FLOOR; /* y == f at 128 bits, f inexact: y != f, below the floor */
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

static bool write_stats_csv(const ab_exh_state *st, const char *dir, const char *base)
{
    char name[600];
    snprintf(name, sizeof name, "%s.csv", base);
    ab_atomic_file af;
    if (!ab_atomic_open(&af, dir, name))
        return false;
    FILE *fp = af.fp;
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
    fprintf(fp, ",fallbacks,worst_reevals,wall_seconds,inputs_per_second,threads,shards\n");
    uint64_t range_inputs = st->range_hi - st->range_lo + 1;
    for (size_t i = 0; i < st->pair_count; i++) {
        const ab_exh_pair *p = &st->pairs[i];
        const ab_acc_stats *s = &p->stats;
        char wx[64] = "", wy[64] = "", wc[64] = "";
        if (s->ulp_counted) {
            fmt_value(wx, sizeof wx, st->format, s->worst_x);
            fmt_value(wy, sizeof wy, st->format, s->worst_y);
            fmt_value(wc, sizeof wc, st->format, s->worst_cr);
        }
        const ab_bound *bound = p->impl ? ab_impl_bound(p->impl, p->dir) : NULL;
        fprintf(fp, "%s,%s,%s,%s,%s,%s,0x%08" PRIx64 ",0x%08" PRIx64 ",%" PRIu64 ",%" PRIu64,
                st->activation, p->variant, p->impl ? ab_isa_name(p->impl->isa) : "",
                ab_direction_name(p->dir), ab_exh_format_name(st->format),
                st->mpfr_reference || st->format != AB_FMT_BINARY32 ? "mpfr" : "fast+mpfr",
                st->range_lo, st->range_hi, s->inputs, s->ulp_counted);
        if (s->ulp_counted)
            fprintf(fp, ",%.17g,%s,%s,%s,0x%0*" PRIx32 ",0x%0*" PRIx32 ",0x%0*" PRIx32,
                    s->max_ulp, wx, wy, wc, st->format == AB_FMT_BINARY32 ? 8 : 4,
                    format_bits(st->format, s->worst_x), st->format == AB_FMT_BINARY32 ? 8 : 4,
                    format_bits(st->format, s->worst_y), st->format == AB_FMT_BINARY32 ? 8 : 4,
                    format_bits(st->format, s->worst_cr));
        else
            fprintf(fp, ",,,,,,,");
        fprintf(fp, ",%.6g,%.6f,%" PRIu64 ",%" PRIu64, ab_acc_stats_mean(s),
                ab_acc_stats_pct_cr(s), s->inputs - s->correctly_rounded, s->over_one_ulp);
        if (bound != NULL && st->format == AB_FMT_BINARY32) {
            unsigned seen = 0;
            for (int k = 0; k < AB_CLASS_KINDS; k++)
                if (s->classes[k])
                    seen |= 1u << k;
            bool within = (s->ulp_counted == 0 || s->max_ulp <= bound->max_ulp) &&
                          (seen & ~bound->allowed_classes) == 0;
            fprintf(fp, ",%.17g,%s", bound->max_ulp, within ? "yes" : "no");
        } else {
            fprintf(fp, ",,");
        }
        fprintf(fp, ",rel2^-%d_floor2^-30", AB_EXH_ULP_REL_BITS);
        fprintf(fp, ",%" PRIu64, s->nan_expected);
        for (int k = 0; k < AB_CLASS_KINDS; k++)
            fprintf(fp, ",%" PRIu64, s->classes[k]);
        for (int k = 0; k < AB_HIST_BINS; k++)
            fprintf(fp, ",%" PRIu64, s->hist[k]);
        fprintf(fp, ",%" PRIu64 ",%" PRIu64 ",%.3f,%.0f,%u,%u\n", p->fallbacks, p->reevals,
                st->wall_seconds,
                st->wall_seconds > 0 ? (double)range_inputs / st->wall_seconds : 0.0,
                st->threads, st->shards_merged);
    }
    return ab_atomic_commit(&af);
}

static bool write_maps(const ab_exh_state *st, const char *dir, const char *base)
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
                fprintf(af.fp, "%s,%s,%s,%s,%c,%d,%a,%a,%" PRIu64 ",%.9g,%.9g\n", st->activation,
                        p->variant, ab_direction_name(p->dir), ab_exh_format_name(st->format),
                        sg ? '-' : '+', e, lo, hi, c->count, c->max_ulp,
                        c->sum_ulp / (double)c->count);
            }
    }
    if (!ab_atomic_commit(&af))
        return false;
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
            fprintf(af.fp, "%s,%s,%s,%s,%d,%.9g,%.9g,%" PRIu64 ",%.9g,%.9g\n", st->activation,
                    p->variant, ab_direction_name(p->dir), ab_exh_format_name(st->format), g,
                    st->grid_lo + g * width, st->grid_lo + (g + 1) * width, c->count,
                    c->max_ulp, c->sum_ulp / (double)c->count);
        }
    }
    return ab_atomic_commit(&af);
}

#define SUMMARY_HEADER                                                                     \
    "activation,variant,direction,format,range_lo,range_hi,reference,inputs,max_ulp,"      \
    "worst_x,worst_y,worst_cr,pct_cr,over_1ulp,nan_unexpected,nan_missing,"                \
    "inf_where_finite,flush_to_zero,signed_zero_mismatch,finite_where_inf,ulp_quantum,"    \
    "fallbacks,worst_reevals,wall_seconds,inputs_per_second,threads,pairs_in_sweep,shards," \
    "date\n"

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
    ab_atomic_file af;
    bool ok = ab_atomic_open(&af, dir, "summary.csv");
    if (ok) {
        fputs(SUMMARY_HEADER, af.fp);
        char keys[64][200];
        size_t nkeys = 0;
        for (size_t i = 0; i < st->pair_count && nkeys < 64; i++)
            snprintf(keys[nkeys++], sizeof keys[0], "%s,%s,%s,%s,0x%08" PRIx64 ",0x%08" PRIx64 ",",
                     st->activation, st->pairs[i].variant, ab_direction_name(st->pairs[i].dir),
                     ab_exh_format_name(st->format), st->range_lo, st->range_hi);
        FILE *old = fopen(path, "r");
        if (old != NULL) {
            char *line = NULL;
            size_t cap = 0;
            bool first = true;
            while (getline(&line, &cap, old) > 0) {
                if (first) {
                    first = false;
                    continue;
                }
                bool replaced = false;
                for (size_t k = 0; k < nkeys; k++)
                    if (strncmp(line, keys[k], strlen(keys[k])) == 0)
                        replaced = true;
                if (!replaced)
                    fputs(line, af.fp);
            }
            free(line);
            fclose(old);
        }
        char date[32];
        time_t t = time(NULL);
        strftime(date, sizeof date, "%Y-%m-%dT%H:%M:%SZ", gmtime(&t));
        uint64_t range_inputs = st->range_hi - st->range_lo + 1;
        for (size_t i = 0; i < st->pair_count; i++) {
            const ab_exh_pair *p = &st->pairs[i];
            char wx[64] = "", wy[64] = "", wc[64] = "";
            if (p->stats.ulp_counted) {
                fmt_value(wx, sizeof wx, st->format, p->stats.worst_x);
                fmt_value(wy, sizeof wy, st->format, p->stats.worst_y);
                fmt_value(wc, sizeof wc, st->format, p->stats.worst_cr);
            }
            fprintf(af.fp, "%s%s,%" PRIu64 ",%.17g,%s,%s,%s,%.6f,%" PRIu64,
                    keys[i < 64 ? i : 63],
                    st->mpfr_reference || st->format != AB_FMT_BINARY32 ? "mpfr" : "fast+mpfr",
                    p->stats.inputs, p->stats.ulp_counted ? p->stats.max_ulp : 0.0, wx, wy, wc,
                    ab_acc_stats_pct_cr(&p->stats), p->stats.over_one_ulp);
            static const int class_order[] = {0, 1, 2, 3, 4, 5}; /* = the header's order */
            for (int k = 0; k < AB_CLASS_KINDS; k++)
                fprintf(af.fp, ",%" PRIu64, p->stats.classes[class_order[k]]);
            fprintf(af.fp, ",rel2^-%d_floor2^-30", AB_EXH_ULP_REL_BITS);
            fprintf(af.fp, ",%" PRIu64 ",%" PRIu64 ",%.3f,%.0f,%u,%zu,%u,%s\n",
                    p->fallbacks, p->reevals, st->wall_seconds,
                    st->wall_seconds > 0 ? (double)range_inputs / st->wall_seconds : 0.0,
                    st->threads, st->pair_count, st->shards_merged, date);
        }
        ok = ab_atomic_commit(&af);
    }
    flock(fileno(lockf), LOCK_UN);
    fclose(lockf);
    return ok;
}

static bool write_outputs(const ab_exh_state *st, const char *dir)
{
    char base[512];
    base_name(st, is_full_range(st), base, sizeof base);
    char state_name[600];
    snprintf(state_name, sizeof state_name, "%s.state", base);
    if (!(write_stats_csv(st, dir, base) && write_maps(st, dir, base) &&
          ab_exh_state_save(st, dir, state_name) && update_summary(st, dir)))
        return false;
    bool consistent = true;
    for (size_t i = 0; i < st->pair_count; i++)
        consistent &= check_worst(st, &st->pairs[i]);
    return consistent;
}

static void format_eta(char *buf, size_t size, double s)
{
    if (!(s < 1e7))
        snprintf(buf, size, "?");
    else if (s >= 3600)
        snprintf(buf, size, "%dh%02dm", (int)(s / 3600), (int)fmod(s / 60, 60));
    else
        snprintf(buf, size, "%dm%02ds", (int)(s / 60), (int)fmod(s, 60));
}

static int run_sweep(const exh_options *o, const ab_activation *act, const char *exh_dir,
                     bool several_activations)
{
    ab_exh_state st;
    memset(&st, 0, sizeof st);
    snprintf(st.activation, sizeof st.activation, "%s", act->name);
    st.format = o->format;
    st.mpfr_reference = o->mpfr || o->format != AB_FMT_BINARY32;
    uint64_t top = o->format == AB_FMT_BINARY32 ? 0xFFFFFFFFu : 0xFFFFu;
    st.range_lo = o->range_given ? o->range_lo : 0;
    st.range_hi = o->range_given ? o->range_hi : top;
    st.shard_k = o->shard_k;
    st.shard_n = o->shard_n;
    st.block_bits = o->format == AB_FMT_BINARY32 ? 16 : 10;
    const char *bb = getenv("ACTBENCH_EXH_BLOCK_BITS"); /* tests: more, smaller blocks */
    if (bb != NULL && atoi(bb) >= 4 && atoi(bb) <= 24)
        st.block_bits = (unsigned)atoi(bb);
    st.block_count = ((st.range_hi - st.range_lo) >> st.block_bits) + 1;
    st.shards_merged = 1;
    st.grid_lo = act->range_lo;
    st.grid_hi = act->range_hi;

    /* The pairs: every supported elementwise implementation of act. */
    size_t n = 0;
    bool thread_unsafe = false;
    st.pairs = calloc(2 * ab_impl_count() + 1, sizeof *st.pairs);
    st.done = calloc((st.block_count + 7) / 8, 1);
    if (st.pairs == NULL || st.done == NULL) {
        fprintf(stderr, "actbench: out of memory\n");
        ab_exh_state_free(&st);
        return 1;
    }
    for (int d = 0; d < 2; d++)
        for (size_t i = 0; i < ab_impl_count(); i++) {
            const ab_impl *im = ab_impl_at(i);
            if (strcmp(im->activation, act->name) != 0 || (im->flags & AB_FLAG_VECTOR) ||
                !ab_impl_supported(im) || !in_list(o->variants, im->variant) ||
                !(o->dir_mask & (1u << d)) || ab_impl_kernel(im, (ab_direction)d) == NULL)
                continue;
            ab_exh_pair *p = &st.pairs[n++];
            snprintf(p->variant, sizeof p->variant, "%s", im->variant);
            p->dir = (ab_direction)d;
            p->impl = im;
            ab_exh_pair_reset(p);
            thread_unsafe |= (im->flags & AB_FLAG_NOT_THREAD_SAFE) != 0;
        }
    st.pair_count = n;
    if (n == 0) {
        if (!o->quiet)
            fprintf(stderr, "actbench: %s: no implementation selected, skipped\n", act->name);
        ab_exh_state_free(&st);
        return 0;
    }

    char base[512];
    base_name(&st, is_full_range(&st) && !o->range_given ? true : is_full_range(&st), base,
              sizeof base);
    if (o->shard_n > 1) {
        size_t len = strlen(base);
        snprintf(base + len, sizeof base - len, ".shard-%u-of-%u", o->shard_k, o->shard_n);
    }
    driver *d = calloc(1, sizeof *d);
    if (d == NULL) {
        ab_exh_state_free(&st);
        return 1;
    }
    d->st = &st;
    if (o->checkpoint != NULL) {
        char path[4096];
        snprintf(path, sizeof path, "%s%s%s", o->checkpoint, several_activations ? "." : "",
                 several_activations ? act->name : "");
        const char *slash = strrchr(path, '/');
        if (slash == NULL) {
            snprintf(d->ckpt_dir, sizeof d->ckpt_dir, ".");
            snprintf(d->ckpt_name, sizeof d->ckpt_name, "%s", path);
        } else {
            snprintf(d->ckpt_dir, sizeof d->ckpt_dir, "%.*s", (int)(slash - path), path);
            snprintf(d->ckpt_name, sizeof d->ckpt_name, "%s", slash + 1);
            if (d->ckpt_dir[0] == '\0')
                snprintf(d->ckpt_dir, sizeof d->ckpt_dir, "/");
        }
        if (!ab_ensure_output_dir(d->ckpt_dir)) {
            free(d);
            ab_exh_state_free(&st);
            return 1;
        }
    } else {
        snprintf(d->ckpt_dir, sizeof d->ckpt_dir, "%s", exh_dir);
        snprintf(d->ckpt_name, sizeof d->ckpt_name, "%s.ckpt", base);
    }
    char ckpt_path[8500];
    snprintf(ckpt_path, sizeof ckpt_path, "%s/%s", d->ckpt_dir, d->ckpt_name);

    int rc = 1;
    if (access(ckpt_path, F_OK) == 0) {
        ab_exh_state old;
        if (!ab_exh_state_load(ckpt_path, &old))
            goto done;
        if (!same_config(&old, &st, false)) {
            fprintf(stderr,
                    "actbench: checkpoint %s is for a different sweep (activation, format, "
                    "range, shard, reference or implementations differ); remove it or give "
                    "another --checkpoint\n",
                    ckpt_path);
            ab_exh_state_free(&old);
            goto done;
        }
        for (size_t i = 0; i < n; i++)
            old.pairs[i].impl = st.pairs[i].impl;
        free(st.pairs);
        free(st.done);
        st.pairs = old.pairs;
        st.done = old.done;
        st.wall_seconds = old.wall_seconds;
        if (!o->quiet)
            fprintf(stderr, "actbench: %s: resuming from %s (%" PRIu64 " of %" PRIu64
                            " blocks done)\n",
                    act->name, ckpt_path, ab_exh_blocks_done(&st), st.block_count);
    } else if (o->resume) {
        fprintf(stderr, "actbench: --resume: no checkpoint %s\n", ckpt_path);
        goto done;
    }

    /* Blocks of this shard still to do. */
    d->todo = malloc(st.block_count * sizeof *d->todo);
    if (d->todo == NULL)
        goto done;
    uint64_t shard_blocks = 0;
    for (uint64_t b = 0; b < st.block_count; b++) {
        if (b % st.shard_n != st.shard_k - 1)
            continue;
        shard_blocks++;
        if (!((st.done[b >> 3] >> (b & 7)) & 1))
            d->todo[d->todo_count++] = b;
    }
    ab_exh_ctx_init(&d->ctx, act, st.format, st.mpfr_reference);
    d->threads = o->threads;
    d->topo_ok = ab_topology_init(&d->topo) == 0;
    if (d->threads == 0)
        d->threads = d->topo_ok && d->topo.pu_count > 0 ? d->topo.pu_count
                                                        : (unsigned)sysconf(_SC_NPROCESSORS_ONLN);
    if (thread_unsafe && d->threads > 1) {
        if (!o->quiet)
            fprintf(stderr, "actbench: %s: an implementation is not thread-safe: 1 thread\n",
                    act->name);
        d->threads = 1;
    }
    st.threads = d->threads;
    const char *ka = getenv("ACTBENCH_TEST_KILL_AFTER_BLOCKS");
    d->kill_after = ka ? atol(ka) : 0;
    double interval = 10.0;
    const char *ci = getenv("ACTBENCH_CHECKPOINT_SECONDS");
    if (ci != NULL && atof(ci) > 0)
        interval = atof(ci);
    pthread_mutex_init(&d->lock, NULL);
    d->started = now_seconds();
    d->wall_before = st.wall_seconds;

    struct sigaction sa, old_int, old_term;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    g_stop = 0;
    sigaction(SIGINT, &sa, &old_int);
    sigaction(SIGTERM, &sa, &old_term);

    pthread_t *tids = calloc(d->threads, sizeof *tids);
    worker_arg *args = calloc(d->threads, sizeof *args);
    unsigned started = 0;
    for (unsigned t = 0; tids && args && t < d->threads; t++) {
        args[t].d = d;
        args[t].index = t;
        if (pthread_create(&tids[t], NULL, worker_main, &args[t]) != 0)
            break;
        started++;
    }
    bool progress = !o->quiet && isatty(2);
    double last_ckpt = d->started, last_progress = 0;
    uint64_t done_before = shard_blocks - d->todo_count;
    while (started > 0 && atomic_load(&d->finished) < started) {
        struct timespec ts = {0, 100 * 1000 * 1000};
        nanosleep(&ts, NULL);
        double t = now_seconds();
        if (t - last_ckpt >= interval) {
            pthread_mutex_lock(&d->lock);
            save_checkpoint_locked(d);
            pthread_mutex_unlock(&d->lock);
            last_ckpt = t;
        }
        if (progress && t - last_progress >= 1.0) {
            pthread_mutex_lock(&d->lock);
            uint64_t now_done = d->blocks_this_session;
            pthread_mutex_unlock(&d->lock);
            double el = t - d->started;
            double rate = (double)now_done * (double)block_size_of(&st) / (el > 0 ? el : 1);
            char eta[32];
            format_eta(eta, sizeof eta,
                       now_done ? el * (double)(d->todo_count - now_done) / (double)now_done : 1e9);
            fprintf(stderr, "\r%s: %" PRIu64 "/%" PRIu64 " blocks %5.1f%%  %.1f M inputs/s  ETA %s   ",
                    act->name, done_before + now_done, shard_blocks,
                    100.0 * (double)(done_before + now_done) / (double)shard_blocks, rate / 1e6,
                    eta);
            last_progress = t;
        }
    }
    for (unsigned t = 0; t < started; t++)
        pthread_join(tids[t], NULL);
    free(tids);
    free(args);
    if (progress)
        fprintf(stderr, "\n");
    sigaction(SIGINT, &old_int, NULL);
    sigaction(SIGTERM, &old_term, NULL);
    st.wall_seconds = d->wall_before + (now_seconds() - d->started);

    uint64_t remaining = 0;
    for (uint64_t b = 0; b < st.block_count; b++)
        if (b % st.shard_n == st.shard_k - 1 && !((st.done[b >> 3] >> (b & 7)) & 1))
            remaining++;
    if (started == 0 || d->failed || remaining > 0) {
        if (ab_exh_state_save(&st, d->ckpt_dir, d->ckpt_name))
            fprintf(stderr,
                    "actbench: %s: %s after %" PRIu64 " of %" PRIu64 " blocks; checkpoint %s; "
                    "run the same command again (or add --resume) to continue\n",
                    act->name, g_stop ? "interrupted" : "stopped", shard_blocks - remaining,
                    shard_blocks, ckpt_path);
        rc = g_stop ? 130 : 1;
        goto done;
    }
    if (st.shard_n > 1) {
        char name[600];
        snprintf(name, sizeof name, "%s.state", base);
        if (!ab_exh_state_save(&st, exh_dir, name))
            goto done;
        if (!o->quiet)
            fprintf(stderr, "actbench: %s: shard %u/%u done in %.1f s: %s/%s (combine with "
                            "actbench merge)\n",
                    act->name, st.shard_k, st.shard_n, st.wall_seconds, exh_dir, name);
    } else {
        if (!write_outputs(&st, exh_dir))
            goto done;
        if (!o->quiet) {
            uint64_t fb = 0;
            for (size_t i = 0; i < st.pair_count; i++)
                fb += st.pairs[i].fallbacks;
            fprintf(stderr, "actbench: %s: %zu implementation-directions, %" PRIu64
                            " inputs in %.1f s (%.1f M inputs/s, %u threads, %" PRIu64
                            " MPFR fallbacks) -> %s\n",
                    act->name, st.pair_count, st.range_hi - st.range_lo + 1, st.wall_seconds,
                    (double)(st.range_hi - st.range_lo + 1) / st.wall_seconds / 1e6, st.threads,
                    fb, exh_dir);
        }
    }
    unlink(ckpt_path);
    rc = 0;
done:
    if (d->topo_ok)
        ab_topology_destroy(&d->topo);
    free(d->todo);
    free(d);
    ab_exh_state_free(&st);
    return rc;
}

static bool exh_dir_of(const char *output, char *buf, size_t size)
{
    if (snprintf(buf, size, "%s/exhaustive", output) >= (int)size) {
        fprintf(stderr, "actbench: output path too long\n");
        return false;
    }
    return ab_ensure_output_dir(buf);
}

int ab_cmd_exhaustive(int argc, char **argv)
{
    exh_options o = {0};
    o.dir_mask = 3;
    o.shard_k = o.shard_n = 1;
    o.output = "results";
    static const struct option longopts[] = {
        {"exhaustive", no_argument, NULL, 'E'},  {"activation", required_argument, NULL, 'a'},
        {"variant", required_argument, NULL, 'v'}, {"direction", required_argument, NULL, 'd'},
        {"range", required_argument, NULL, 'r'}, {"shard", required_argument, NULL, 's'},
        {"threads", required_argument, NULL, 't'}, {"output", required_argument, NULL, 'o'},
        {"reference", required_argument, NULL, 'R'},
        {"checkpoint", required_argument, NULL, 'c'}, {"resume", no_argument, NULL, 'u'},
        {"quiet", no_argument, NULL, 'q'},       {"format", required_argument, NULL, 'f'},
        {"help", no_argument, NULL, 'h'},        {NULL, 0, NULL, 0}};
    optind = 0;
    int c;
    while ((c = getopt_long(argc, argv, "ha:V:v:o:q", longopts, NULL)) != -1) {
        switch (c) {
        case 'E': break;
        case 'a': o.activations = optarg; break;
        case 'v':
        case 'V': o.variants = optarg; break;
        case 'd':
            if (strcmp(optarg, "forward") == 0)
                o.dir_mask = 1;
            else if (strcmp(optarg, "derivative") == 0)
                o.dir_mask = 2;
            else if (strcmp(optarg, "both") == 0)
                o.dir_mask = 3;
            else {
                fprintf(stderr, "actbench: --direction: expected forward, derivative or both, "
                                "got '%s'\n", optarg);
                return 2;
            }
            break;
        case 'r': {
            char lo[64], hi[64];
            const char *colon = strchr(optarg, ':');
            if (colon == NULL || colon - optarg >= 63 || strlen(colon + 1) >= 63) {
                fprintf(stderr, "actbench: --range: expected LO:HI in hex, got '%s'\n", optarg);
                return 2;
            }
            snprintf(lo, sizeof lo, "%.*s", (int)(colon - optarg), optarg);
            snprintf(hi, sizeof hi, "%s", colon + 1);
            if (!parse_u64_hex(lo, &o.range_lo) || !parse_u64_hex(hi, &o.range_hi) ||
                o.range_lo > o.range_hi) {
                fprintf(stderr, "actbench: --range: expected LO:HI in hex with LO <= HI, got "
                                "'%s'\n", optarg);
                return 2;
            }
            o.range_given = true;
            break;
        }
        case 's':
            if (sscanf(optarg, "%u/%u", &o.shard_k, &o.shard_n) != 2 || o.shard_n == 0 ||
                o.shard_k == 0 || o.shard_k > o.shard_n || strchr(optarg, '-')) {
                fprintf(stderr, "actbench: --shard: expected K/N with 1 <= K <= N, got '%s'\n",
                        optarg);
                return 2;
            }
            break;
        case 't':
            if (!parse_unsigned(optarg, &o.threads) || o.threads == 0 || o.threads > 1024) {
                fprintf(stderr, "actbench: --threads: expected a positive integer, got '%s'\n",
                        optarg);
                return 2;
            }
            break;
        case 'o': o.output = optarg; break;
        case 'R':
            if (strcmp(optarg, "fast") == 0)
                o.mpfr = false;
            else if (strcmp(optarg, "mpfr") == 0)
                o.mpfr = true;
            else {
                fprintf(stderr, "actbench: --reference: expected fast or mpfr, got '%s'\n",
                        optarg);
                return 2;
            }
            break;
        case 'c': o.checkpoint = optarg; break;
        case 'u': o.resume = true; break;
        case 'q': o.quiet = true; break;
        case 'f':
            if (strcmp(optarg, "binary32") == 0)
                o.format = AB_FMT_BINARY32;
            else if (strcmp(optarg, "bf16") == 0)
                o.format = AB_FMT_BF16;
            else if (strcmp(optarg, "fp16") == 0)
                o.format = AB_FMT_FP16;
            else {
                fprintf(stderr, "actbench: --format: expected binary32, bf16 or fp16, got '%s'\n",
                        optarg);
                return 2;
            }
            break;
        case 'h': ab_exhaustive_usage(stdout); return 0;
        default: ab_exhaustive_usage(stderr); return 2;
        }
    }
    if (optind < argc) {
        fprintf(stderr, "actbench: accuracy --exhaustive: unexpected argument '%s'\n",
                argv[optind]);
        return 2;
    }
    uint64_t top = o.format == AB_FMT_BINARY32 ? 0xFFFFFFFFu : 0xFFFFu;
    if (o.range_given && o.range_hi > top) {
        fprintf(stderr, "actbench: --range: %s patterns end at 0x%" PRIx64 "\n",
                ab_exh_format_name(o.format), top);
        return 2;
    }
    /* Validate every name before any work. */
    const ab_activation *acts[64];
    size_t nacts = 0;
    if (o.activations != NULL) {
        for (const char *p = o.activations; *p;) {
            size_t len = strcspn(p, ",");
            char name[64];
            snprintf(name, sizeof name, "%.*s", (int)(len < 63 ? len : 63), p);
            const ab_activation *a = ab_activation_find(name);
            if (a == NULL) {
                fprintf(stderr, "actbench: unknown activation '%s'\n", name);
                return 2;
            }
            if (a->is_vector) {
                fprintf(stderr, "actbench: %s is not elementwise: no exhaustive sweep "
                                "(use the vector accuracy tests)\n", a->name);
                return 2;
            }
            if (nacts < 64)
                acts[nacts++] = a;
            p += len;
            if (*p == ',')
                p++;
        }
    } else {
        for (size_t i = 0; i < ab_activation_count() && nacts < 64; i++)
            if (!ab_activation_at(i)->is_vector)
                acts[nacts++] = ab_activation_at(i);
    }
    if (o.variants != NULL) {
        for (const char *p = o.variants; *p;) {
            size_t len = strcspn(p, ",");
            char name[64];
            snprintf(name, sizeof name, "%.*s", (int)(len < 63 ? len : 63), p);
            bool found = false;
            for (size_t k = 0; k < nacts && !found; k++)
                found = ab_impl_find(acts[k]->name, name) != NULL;
            if (!found) {
                fprintf(stderr, "actbench: unknown variant '%s' for the selected activations\n",
                        name);
                return 2;
            }
            p += len;
            if (*p == ',')
                p++;
        }
    }
    char exh_dir[4200];
    if (!exh_dir_of(o.output, exh_dir, sizeof exh_dir))
        return 1;
    for (size_t k = 0; k < nacts; k++) {
        int rc = run_sweep(&o, acts[k], exh_dir, nacts > 1);
        if (rc != 0)
            return rc;
    }
    return 0;
}

/* ---- merge ------------------------------------------------------------------------- */

static int collect_states(const char *dir, ab_exh_state **list, size_t *count, size_t *cap)
{
    char sub[4200];
    snprintf(sub, sizeof sub, "%s/exhaustive", dir);
    DIR *dp = opendir(sub);
    const char *base = sub;
    if (dp == NULL) {
        dp = opendir(dir);
        base = dir;
    }
    if (dp == NULL) {
        fprintf(stderr, "actbench: merge: cannot open %s: %s\n", dir, strerror(errno));
        return -1;
    }
    struct dirent *de;
    int found = 0;
    while ((de = readdir(dp)) != NULL) {
        size_t len = strlen(de->d_name);
        if (len < 7 || strcmp(de->d_name + len - 6, ".state") != 0 ||
            strstr(de->d_name, ".shard-") == NULL || de->d_name[0] == '.')
            continue;
        if (*count == *cap) {
            *cap = *cap ? 2 * *cap : 8;
            *list = realloc(*list, *cap * sizeof **list);
            if (*list == NULL)
                return -1;
        }
        char path[4500];
        snprintf(path, sizeof path, "%s/%s", base, de->d_name);
        if (!ab_exh_state_load(path, &(*list)[*count])) {
            closedir(dp);
            return -1;
        }
        (*count)++;
        found++;
    }
    closedir(dp);
    if (found == 0)
        fprintf(stderr, "actbench: merge: no *.shard-K-of-N.state file in %s\n", dir);
    return found;
}

int ab_cmd_merge(int argc, char **argv)
{
    const char *output = "results";
    bool quiet = false;
    static const struct option longopts[] = {{"output", required_argument, NULL, 'o'},
                                             {"quiet", no_argument, NULL, 'q'},
                                             {"help", no_argument, NULL, 'h'},
                                             {NULL, 0, NULL, 0}};
    optind = 0;
    int c;
    while ((c = getopt_long(argc, argv, "ha:V:v:o:q", longopts, NULL)) != -1) {
        if (c == 'o')
            output = optarg;
        else if (c == 'q')
            quiet = true;
        else if (c == 'h') {
            ab_exhaustive_usage(stdout);
            return 0;
        } else {
            ab_exhaustive_usage(stderr);
            return 2;
        }
    }
    if (optind >= argc) {
        fprintf(stderr, "actbench: merge: give the shard directories\n");
        return 2;
    }
    ab_exh_state *states = NULL;
    size_t count = 0, cap = 0;
    int rc = 1;
    for (int i = optind; i < argc; i++)
        if (collect_states(argv[i], &states, &count, &cap) <= 0)
            goto out;
    char exh_dir[4200];
    if (!exh_dir_of(output, exh_dir, sizeof exh_dir))
        goto out;
    bool *used = calloc(count, sizeof *used);
    if (used == NULL)
        goto out;
    /* Group the states of one sweep (same configuration except the shard). */
    for (size_t g = 0; g < count; g++) {
        if (used[g])
            continue;
        ab_exh_state *m = &states[g];
        used[g] = true;
        unsigned n = m->shard_n, seen_mask_count = 1;
        double wall = m->wall_seconds;
        unsigned threads = m->threads;
        bool *have = calloc(n + 1, sizeof *have);
        if (have == NULL)
            break;
        have[m->shard_k] = true;
        for (size_t j = g + 1; j < count; j++) {
            ab_exh_state *s = &states[j];
            if (used[j] || !same_config(m, s, true))
                continue;
            used[j] = true;
            if (s->shard_n != n || have[s->shard_k]) {
                fprintf(stderr, "actbench: merge: %s: shard %u/%u given twice or with another "
                                "shard count\n", m->activation, s->shard_k, s->shard_n);
                free(have);
                goto out_used;
            }
            have[s->shard_k] = true;
            seen_mask_count++;
            for (uint64_t b = 0; b < m->block_count; b++) {
                uint8_t bit = (uint8_t)(1u << (b & 7));
                if (m->done[b >> 3] & s->done[b >> 3] & bit) {
                    fprintf(stderr, "actbench: merge: %s: block %" PRIu64 " in two shards\n",
                            m->activation, b);
                    free(have);
                    goto out_used;
                }
            }
            for (uint64_t i = 0; i < (m->block_count + 7) / 8; i++)
                m->done[i] |= s->done[i];
            for (size_t k = 0; k < m->pair_count; k++)
                ab_exh_pair_merge(&m->pairs[k], &s->pairs[k]);
            wall += s->wall_seconds;
            if (s->threads > threads)
                threads = s->threads;
        }
        free(have);
        uint64_t done = ab_exh_blocks_done(m);
        if (seen_mask_count != n || done != m->block_count) {
            fprintf(stderr, "actbench: merge: %s (%s): %u of %u shards, %" PRIu64 " of %" PRIu64
                            " blocks: incomplete, nothing written\n",
                    m->activation, ab_exh_format_name(m->format), seen_mask_count, n, done,
                    m->block_count);
            goto out_used;
        }
        m->shard_k = m->shard_n = 1;
        m->shards_merged = n;
        m->wall_seconds = wall; /* the sum of the shards' wall times */
        m->threads = threads;
        if (!write_outputs(m, exh_dir))
            goto out_used;
        if (!quiet)
            fprintf(stderr, "actbench: merge: %s (%s): %u shards -> %s\n", m->activation,
                    ab_exh_format_name(m->format), n, exh_dir);
    }
    rc = 0;
out_used:
    free(used);
out:
    for (size_t i = 0; i < count; i++)
        ab_exh_state_free(&states[i]);
    free(states);
    return rc;
}
