/*
 * actbench: benchmarks activation-function implementations and measures their
 * accuracy against MPFR. Every implementation comes from the registry
 * (impls/registry.def); this program knows no activation by name.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "accuracy.h"
#include "bench.h"
#include "exhaustive.h"
#include "machine.h"
#include "recommend.h"
#include "atomic_file.h"
#include "cli.h"
#include "curves.h"

static const char usage_text[] =
    "usage: actbench [--help] [--version] COMMAND [options]\n"
    "\n"
    "Commands:\n"
    "  list        every registered implementation (activation, variant, ISA, bounds)\n"
    "  accuracy    ULP error of each selected implementation against MPFR\n"
    "              (sampled; --exhaustive sweeps all 2^32 inputs, see 'actbench accuracy --exhaustive --help')\n"
    "  bench       timing: TSC ticks/element at L1, L2, L3 and DRAM sizes, pinned thread\n"
    "  run         machine.json + accuracy + bench, then the tables (the main job)\n"
    "  curves      reference values of each activation and derivative over its range (for graphs)\n"
    "  merge       combine exhaustive-sweep shards ('actbench merge --help')\n"
    "  recommend   the implementation to pick from a results directory ('actbench recommend --help')\n"
    "\n"
    "Options of list, accuracy, bench, run:\n"
    "  -a, --activation LIST   comma-separated activations (default: all)\n"
    "  -V, --variant LIST      comma-separated variants; 'avx2*' matches a prefix (default: all)\n"
    "  -o, --output DIR        results directory (default: results)\n"
    "  -q, --quick             small inputs and sizes, for tests (seconds, not minutes)\n"
    "      --seed N            seed of the random inputs (default 1)\n"
    "      --precision BITS    MPFR precision of the reference (default 128, >= 64)\n"
    "      --grid N            accuracy: points of the dense grid per activation\n"
    "      --random N          accuracy: random bit patterns per activation\n"
    "      --rounds N          bench: interleaved rounds (default: 15, quick 3)\n"
    "      --all               list: include implementations this CPU cannot run\n"
    "      --quiet             no progress on stderr\n";

typedef struct common_options {
    ab_selection sel;
    const char *output_dir;
    bool quick, quiet, exhaustive;
    uint64_t seed, precision, grid, random, rounds;
} common_options;

enum { OPT_SEED = 256, OPT_PRECISION, OPT_GRID, OPT_RANDOM, OPT_ROUNDS, OPT_ALL, OPT_QUIET,
       OPT_EXHAUSTIVE };

static int parse_common(int argc, char **argv, common_options *o)
{
    static const struct option longopts[] = {
        {"activation", required_argument, NULL, 'a'},
        {"variant", required_argument, NULL, 'V'},
        {"output", required_argument, NULL, 'o'},
        {"quick", no_argument, NULL, 'q'},
        {"seed", required_argument, NULL, OPT_SEED},
        {"precision", required_argument, NULL, OPT_PRECISION},
        {"grid", required_argument, NULL, OPT_GRID},
        {"random", required_argument, NULL, OPT_RANDOM},
        {"rounds", required_argument, NULL, OPT_ROUNDS},
        {"all", no_argument, NULL, OPT_ALL},
        {"quiet", no_argument, NULL, OPT_QUIET},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0}};
    memset(o, 0, sizeof *o);
    o->output_dir = "results";
    o->seed = 1;
    optind = 1;
    opterr = 0;
    int c;
    while ((c = getopt_long(argc, argv, ":a:V:o:qh", longopts, NULL)) != -1) {
        switch (c) {
        case 'a': o->sel.activations = optarg; break;
        case 'V': o->sel.variants = optarg; break;
        case 'o': o->output_dir = optarg; break;
        case 'q': o->quick = true; break;
        case OPT_SEED:
            if (!ab_parse_u64("--seed", optarg, 0, UINT64_MAX, &o->seed)) return 2;
            break;
        case OPT_PRECISION:
            if (!ab_parse_u64("--precision", optarg, 64, 100000, &o->precision)) return 2;
            break;
        case OPT_GRID:
            if (!ab_parse_u64("--grid", optarg, 1, 100000000, &o->grid)) return 2;
            break;
        case OPT_RANDOM:
            if (!ab_parse_u64("--random", optarg, 0, 1000000000, &o->random)) return 2;
            break;
        case OPT_ROUNDS:
            if (!ab_parse_u64("--rounds", optarg, 1, 100000, &o->rounds)) return 2;
            break;
        case OPT_ALL: o->sel.include_unsupported = true; break;
        case OPT_QUIET: o->quiet = true; break;
        case 'h': fputs(usage_text, stdout); return -1;
        case ':':
            fprintf(stderr, "actbench %s: option '%s' needs a value\n", argv[0], argv[optind - 1]);
            return 2;
        default:
            fprintf(stderr, "actbench %s: unknown option '%s' (see 'actbench --help')\n", argv[0],
                    argv[optind - 1]);
            return 2;
        }
    }
    if (optind < argc) {
        fprintf(stderr, "actbench %s: unexpected argument '%s'\n", argv[0], argv[optind]);
        return 2;
    }
    return 0;
}

static void print_bound(char *buf, size_t size, const ab_bound *b, bool offered)
{
    if (!offered) {
        snprintf(buf, size, "-");
        return;
    }
    int k = snprintf(buf, size, "%.3g", b->max_ulp);
    static const char *const tags[AB_CLASS_KINDS] = {"nan?", "nan-missing", "inf", "ftz", "+-0",
                                                     "fin-for-inf"};
    for (int c = 0; c < AB_CLASS_KINDS && k < (int)size; c++)
        if (b->allowed_classes & (1u << c))
            k += snprintf(buf + k, size - (size_t)k, " %s", tags[c]);
}

static int cmd_list(const common_options *o)
{
    const ab_impl **impls;
    size_t n;
    if (!ab_select_impls(&o->sel, &impls, &n))
        return 2;
    printf("%-12s %-26s %-9s %-4s %-34s %-34s %s\n", "activation", "variant", "isa", "cpu",
           "forward bound (ULP)", "derivative bound (ULP)", "method");
    /* grouped by activation, in the activation table's order */
    for (size_t a = 0; a < ab_activation_count(); a++)
    for (size_t i = 0; i < n; i++) {
        if (strcmp(impls[i]->activation, ab_activation_at(a)->name) != 0)
            continue;
        char fb[160], db[160];
        print_bound(fb, sizeof fb, &impls[i]->forward_bound, true);
        print_bound(db, sizeof db, &impls[i]->derivative_bound, impls[i]->derivative != NULL);
        printf("%-12s %-26s %-9s %-4s %-34s %-34s %s\n", impls[i]->activation, impls[i]->variant,
               ab_isa_name(impls[i]->isa), ab_impl_supported(impls[i]) ? "yes" : "no", fb, db,
               impls[i]->method);
    }
    free(impls);
    return 0;
}

static int run_accuracy(const common_options *o, const ab_impl **impls, size_t n)
{
    ab_accuracy_options ao = {
        .output_dir = o->output_dir, .quick = o->quick, .quiet = o->quiet, .seed = o->seed,
        .n_grid = o->grid, .n_random = o->random, .precision = (long)o->precision};
    return ab_accuracy_run(&ao, impls, n);
}

static int run_bench(const common_options *o, const ab_impl **impls, size_t n)
{
    ab_bench_options bo = {.output_dir = o->output_dir, .quick = o->quick,
                           .rounds = (unsigned)o->rounds, .quiet = o->quiet};
    return ab_bench_run(&bo, impls, n);
}

static int run_machine(const common_options *o, int argc, char **argv)
{
    return ab_machine_write_json(o->output_dir, argc, argv) == 0 ? 0 : 1;
}

static bool has_flag(int argc, char **argv, const char *flag)
{
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--") == 0)
            return false;
        if (strcmp(argv[i], flag) == 0)
            return true;
    }
    return false;
}


int main(int argc, char **argv)
{
    if (argc < 2) {
        fputs(usage_text, stderr);
        return 2;
    }
    const char *cmd = argv[1];
    if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0 || strcmp(cmd, "help") == 0) {
        fputs(usage_text, stdout);
        return 0;
    }
    if (strcmp(cmd, "--version") == 0 || strcmp(cmd, "version") == 0) {
        printf("actbench %s\n", ACTBENCH_VERSION);
        return 0;
    }
    int sub_argc = argc - 1;
    char **sub_argv = argv + 1;

    if (strcmp(cmd, "accuracy") == 0 && has_flag(sub_argc, sub_argv, "--exhaustive"))
        return ab_cmd_exhaustive(sub_argc, sub_argv);
    if (strcmp(cmd, "merge") == 0)
        return ab_cmd_merge(sub_argc, sub_argv);
    if (strcmp(cmd, "recommend") == 0)
        return ab_cmd_recommend(sub_argc, sub_argv);

    bool is_curves = strcmp(cmd, "curves") == 0;
    bool is_list = strcmp(cmd, "list") == 0, is_acc = strcmp(cmd, "accuracy") == 0,
         is_bench = strcmp(cmd, "bench") == 0, is_run = strcmp(cmd, "run") == 0;
    if (!is_list && !is_acc && !is_bench && !is_run && !is_curves) {
        fprintf(stderr, "actbench: unknown command '%s' (see 'actbench --help')\n", cmd);
        return 2;
    }
    common_options o;
    int rc = parse_common(sub_argc, sub_argv, &o);
    if (rc != 0)
        return rc < 0 ? 0 : rc;
    if (is_list)
        return cmd_list(&o);
    if (is_curves)
        return ab_ensure_output_dir(o.output_dir) ? ab_curves_write(o.output_dir, o.grid ? o.grid : 801)
                                                  : 1;

    const ab_impl **impls;
    size_t n;
    if (!ab_select_impls(&o.sel, &impls, &n))
        return 2;
    if (!ab_ensure_output_dir(o.output_dir)) {
        free(impls);
        return 1;
    }
    if (is_acc)
        rc = run_accuracy(&o, impls, n);
    else if (is_bench)
        rc = run_bench(&o, impls, n);
    else {
        rc = run_machine(&o, argc, argv);
        if (rc == 0)
            rc = run_accuracy(&o, impls, n);
        if (rc == 0)
            rc = run_bench(&o, impls, n);
    }
    free(impls);
    return rc;
}
