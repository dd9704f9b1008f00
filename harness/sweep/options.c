/*
 * `actbench accuracy --exhaustive`: the command line (getopt_long), the
 * checks of every name before any work, then one sweep per activation
 * (driver.c). Usage errors exit 2 and touch nothing.
 */
#include <errno.h>
#include <getopt.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "sweep/driver.h"
#include "sweep/mpi.h"
#include "sweep/output.h"
#include "sweep/sweep.h"

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
        "  --variant LIST       comma list of variants or globs such as 'avx2*' (default: all\n"
        "                       the CPU supports)\n"
        "  --direction D        forward | derivative | both (default both)\n"
        "  --range LO:HI        inclusive hex bit patterns (default all: 0:ffffffff,\n"
        "                       or 0:ffff for bf16/fp16)\n"
        "  --shard K/N          only blocks b with b mod N = K-1 (K in 1..N); writes\n"
        "                       BASE.shard-K-of-N.state for `actbench merge`. Under\n"
        "                       `mpirun -np N` (a build with MPI) rank R is shard R+1/N\n"
        "                       and rank 0 merges\n"
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

/* -1: parsed; else the exit status (a usage error was printed, or --help). */
static int parse_range(const char *arg, exh_options *o)
{
    char lo[64], hi[64];
    const char *colon = strchr(arg, ':');
    if (colon == NULL || colon - arg >= 63 || strlen(colon + 1) >= 63) {
        fprintf(stderr, "actbench: --range: expected LO:HI in hex, got '%s'\n", arg);
        return 2;
    }
    snprintf(lo, sizeof lo, "%.*s", (int)(colon - arg), arg);
    snprintf(hi, sizeof hi, "%s", colon + 1);
    if (!parse_u64_hex(lo, &o->range_lo) || !parse_u64_hex(hi, &o->range_hi) ||
        o->range_lo > o->range_hi) {
        fprintf(stderr, "actbench: --range: expected LO:HI in hex with LO <= HI, got '%s'\n",
                arg);
        return 2;
    }
    o->range_given = true;
    return -1;
}

/* K/N, both whole decimal numbers (no sign, no junk, no wrap-around). */
static int parse_shard(const char *arg, exh_options *o)
{
    char k[32];
    const char *slash = strchr(arg, '/');
    uint64_t kv = 0, nv = 0;
    bool ok = slash != NULL && slash > arg && slash - arg < (long)sizeof k;
    if (ok) {
        snprintf(k, sizeof k, "%.*s", (int)(slash - arg), arg);
        ok = ab_parse_u64("--shard N", slash + 1, 1, AB_EXH_MAX_SHARDS, &nv) &&
             ab_parse_u64("--shard K", k, 1, nv, &kv);
    }
    if (!ok) {
        fprintf(stderr, "actbench: --shard: expected K/N with 1 <= K <= N <= %u, got '%s'\n",
                AB_EXH_MAX_SHARDS, arg);
        return 2;
    }
    o->shard_k = (unsigned)kv;
    o->shard_n = (unsigned)nv;
    return -1;
}

static int parse_direction(const char *arg, exh_options *o)
{
    if (strcmp(arg, "forward") == 0)
        o->dir_mask = 1;
    else if (strcmp(arg, "derivative") == 0)
        o->dir_mask = 2;
    else if (strcmp(arg, "both") == 0)
        o->dir_mask = 3;
    else {
        fprintf(stderr, "actbench: --direction: expected forward, derivative or both, got "
                        "'%s'\n", arg);
        return 2;
    }
    return -1;
}

static int parse_reference(const char *arg, exh_options *o)
{
    if (strcmp(arg, "fast") == 0)
        o->mpfr = false;
    else if (strcmp(arg, "mpfr") == 0)
        o->mpfr = true;
    else {
        fprintf(stderr, "actbench: --reference: expected fast or mpfr, got '%s'\n", arg);
        return 2;
    }
    return -1;
}

static int parse_option(int c, const char *arg, exh_options *o, const char **activations,
                        const char **variants)
{
    switch (c) {
    case 'E': return -1;
    case 'a': *activations = arg; return -1;
    case 'v':
    case 'V': *variants = arg; return -1;
    case 'd': return parse_direction(arg, o);
    case 'r': return parse_range(arg, o);
    case 's': return parse_shard(arg, o);
    case 't':
        if (!parse_unsigned(arg, &o->threads) || o->threads == 0 || o->threads > 1024) {
            fprintf(stderr, "actbench: --threads: expected a positive integer, got '%s'\n", arg);
            return 2;
        }
        return -1;
    case 'o': o->output = arg; return -1;
    case 'R': return parse_reference(arg, o);
    case 'c': o->checkpoint = arg; return -1;
    case 'u': o->resume = true; return -1;
    case 'q': o->quiet = true; return -1;
    case 'f':
        if (!ab_exh_format_parse(arg, &o->format)) {
            fprintf(stderr, "actbench: --format: expected binary32, bf16 or fp16, got '%s'\n",
                    arg);
            return 2;
        }
        return -1;
    case 'h': ab_exhaustive_usage(stdout); return 0;
    default: ab_exhaustive_usage(stderr); return 2;
    }
}

/* -1 when parsed; else the exit status. */
static int parse_options(int argc, char **argv, exh_options *o, const char **activations,
                         const char **variants)
{
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
        int rc = parse_option(c, optarg, o, activations, variants);
        if (rc >= 0)
            return rc;
    }
    if (optind < argc) {
        fprintf(stderr, "actbench: accuracy --exhaustive: unexpected argument '%s'\n",
                argv[optind]);
        return 2;
    }
    uint64_t top = ab_exh_format_top(o->format);
    if (o->range_given && o->range_hi > top) {
        fprintf(stderr, "actbench: --range: %s patterns end at 0x%" PRIx64 "\n",
                ab_exh_format_name(o->format), top);
        return 2;
    }
    return -1;
}

#define MAX_ACTIVATIONS 64

/* The activations named, each once in the order given (all elementwise
 * ones when NULL; ab_select_impls has already rejected an empty list or
 * entry and a name given twice). false with a message for an unknown or
 * vector activation. */
static bool select_activations(const char *list, const ab_activation **acts, size_t *nacts)
{
    *nacts = 0;
    if (list == NULL) {
        for (size_t i = 0; i < ab_activation_count() && *nacts < MAX_ACTIVATIONS; i++)
            if (!ab_activation_at(i)->is_vector)
                acts[(*nacts)++] = ab_activation_at(i);
        return true;
    }
    for (const char *p = list; *p;) {
        size_t len = strcspn(p, ",");
        char name[64];
        snprintf(name, sizeof name, "%.*s", (int)(len < 63 ? len : 63), p);
        const ab_activation *a = ab_activation_find(name);
        if (a == NULL) {
            fprintf(stderr, "actbench: unknown activation '%s'\n", name);
            return false;
        }
        if (a->is_vector) {
            fprintf(stderr, "actbench: %s is not elementwise: no exhaustive sweep "
                            "(use the vector accuracy tests)\n", a->name);
            return false;
        }
        bool listed = false;
        for (size_t k = 0; k < *nacts; k++)
            listed |= acts[k] == a;
        if (!listed && *nacts < MAX_ACTIVATIONS)
            acts[(*nacts)++] = a;
        p += len;
        if (*p == ',')
            p++;
    }
    return true;
}

int ab_cmd_exhaustive(int argc, char **argv)
{
    exh_options o = {0};
    o.dir_mask = 3;
    o.shard_k = o.shard_n = 1;
    o.output = "results";
    const char *activations = NULL, *variants = NULL;
    int rc = parse_options(argc, argv, &o, &activations, &variants);
    if (rc >= 0)
        return rc;
    /* The selection syntax of every command (cli.h: globs such as 'avx2*');
     * unsupported implementations are selected too, and skipped by the
     * driver, so a selection means the same on every CPU. */
    ab_selection sel = {activations, variants, true};
    const ab_activation *acts[MAX_ACTIVATIONS];
    size_t nacts;
    if (!ab_select_impls(&sel, &o.impls, &o.impl_count))
        return 2;
    char exh_dir[4200];
    if (!select_activations(activations, acts, &nacts)) {
        free(o.impls);
        return 2;
    }
    if (!ab_exh_dir_of(o.output, exh_dir, sizeof exh_dir)) {
        free(o.impls);
        return 1;
    }
    ab_exh_mpi mpi; /* under mpirun: this rank's shard, merged by rank 0 */
    rc = ab_exh_mpi_begin(&mpi, &o);
    if (rc >= 0) {
        ab_exh_mpi_end(&mpi);
        free(o.impls);
        return rc;
    }
    ab_exh_catch_signals(true);
    rc = 0;
    for (size_t k = 0; k < nacts && rc == 0; k++) {
        rc = ab_exh_run_sweep(&o, acts[k], exh_dir, nacts > 1);
        if (rc == 0 && ab_exh_stop_signal() != 0) /* after a finished activation */
            rc = 128 + ab_exh_stop_signal();
        if (mpi.size > 1) /* every rank takes part, whatever its status */
            rc = ab_exh_mpi_merge(&mpi, &o, acts[k], exh_dir, rc);
    }
    ab_exh_catch_signals(false);
    ab_exh_mpi_end(&mpi);
    free(o.impls);
    return rc;
}
