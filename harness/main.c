/*
 * actbench: benchmarks activation-function implementations and measures their
 * accuracy against MPFR. Every implementation comes from the registry
 * (impls/registry.def); this program knows no activation by name.
 *
 * Method: main dispatches on the command; list, accuracy, bench, run and
 * curves share one option parser (cli/options.h), whose verdict also hands
 * `accuracy --exhaustive` to the sweep. A command that writes results does so
 * inside one output set (output/output_set.h): the results directory is
 * locked, and its files are replaced together when the command succeeds, or
 * not at all.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "accuracy.h"
#include "bench.h"
#include "cli/list.h"
#include "cli/options.h"
#include "curves.h"
#include "exhaustive.h"
#include "machine.h"
#include "output/output_set.h"
#include "recommend.h"
#include "actbench/plugin.h"
#include "actbench/version.h"

static const char usage_text[] =
    "usage: actbench [--help] [--version] [--plugin PATH]... COMMAND [options]\n"
    "\n"
    "Commands:\n"
    "  list        every registered implementation (activation, variant, ISA, bounds)\n"
    "  accuracy    ULP error of each selected implementation against MPFR\n"
    "              (--exhaustive sweeps all 2^32 inputs)\n"
    "  bench       timing: TSC ticks/element at L1, L2, L3 and DRAM sizes, pinned thread\n"
    "  run         machine.json + accuracy + bench, then the tables (the main job)\n"
    "  curves      reference values of each activation and derivative (for graphs)\n"
    "  merge       combine exhaustive-sweep shards\n"
    "  recommend   the implementation to pick from a results directory\n"
    "\n"
    "'actbench COMMAND --help' (or 'actbench help COMMAND') lists a command's options,\n"
    "with examples. Selections (-a, -V) are comma lists of names or globs ('avx2*').\n"
    "--plugin PATH, before or after the command and repeatable, loads the kernels a shared\n"
    "object exports (actbench/plugin.h): every command then treats them like ours.\n";

static int run_accuracy(const ab_cli_options *o, const ab_impl **impls, size_t n)
{
    ab_accuracy_options ao = {
        .output_dir = o->output_dir, .quick = o->quick, .quiet = o->quiet, .seed = o->seed,
        .n_grid = o->grid, .n_random = o->random, .n_random_given = o->random_given,
        .precision = (long)o->precision};
    return ab_accuracy_run(&ao, impls, n);
}

/* The benchmark's tables and the columns that identify a measurement in
 * each: a partial bench run replaces the rows (or, for the raw samples, the
 * groups of rows) it measured and keeps the others. */
static const char *const bench_keys[] = {"activation", "variant", "direction", "distribution",
                                         "size_label", "threads"};
static const char *const bench_by_n_keys[] = {"activation", "variant", "direction",
                                              "distribution", "n"};
static const char *const bench_rows_keys[] = {"activation", "variant", "direction",
                                              "distribution", "row_length", "rows"};
static const struct {
    const char *file;
    const char *const *keys;
    size_t n_keys;
} bench_tables[] = {
    {"performance.csv", bench_keys, 5},
    {"raw/bench_samples.csv", bench_keys, 5},
    {"performance_threads.csv", bench_keys, 6},
    {"performance_fit.csv", bench_keys, 4},
    {"performance_by_n.csv", bench_by_n_keys, 5},
    {"performance_rows.csv", bench_rows_keys, 6},
};

static int run_bench(const ab_cli_options *o, const ab_impl **impls, size_t n)
{
    for (size_t i = 0; i < sizeof bench_tables / sizeof bench_tables[0]; i++)
        if (!ab_output_merge_rule(bench_tables[i].file, bench_tables[i].keys,
                                  bench_tables[i].n_keys))
            return 1;
    ab_bench_options bo = o->bench;
    bo.output_dir = o->output_dir;
    bo.quick = o->quick;
    bo.rounds = (unsigned)o->rounds;
    bo.quiet = o->quiet;
    return ab_bench_run(&bo, impls, n);
}

/* accuracy, bench, run, curves: the command's work inside one output set. */
static int run_writing_command(const ab_cli_options *o, int argc, char **argv)
{
    const ab_impl **impls = NULL;
    size_t n = 0;
    if (o->command != AB_CMD_CURVES && !ab_select_impls(&o->sel, &impls, &n))
        return 2;
    if (!ab_output_begin(o->output_dir, argc, argv)) {
        free(impls);
        return 1;
    }
    int rc = 0;
    switch (o->command) {
    case AB_CMD_ACCURACY: rc = run_accuracy(o, impls, n); break;
    case AB_CMD_BENCH: rc = run_bench(o, impls, n); break;
    case AB_CMD_CURVES: rc = ab_curves_write(o->output_dir, o->grid ? o->grid : 801); break;
    case AB_CMD_RUN:
        rc = ab_machine_write_json(o->output_dir, argc, argv) == 0 ? 0 : 1;
        if (rc == 0)
            rc = run_accuracy(o, impls, n);
        if (rc == 0)
            rc = run_bench(o, impls, n);
        break;
    default: break;
    }
    free(impls);
    if (rc != 0) {
        ab_output_abort();
        if (!o->quiet)
            fprintf(stderr, "actbench: nothing in %s was replaced\n", o->output_dir);
        return rc;
    }
    if (ab_output_commit())
        return 0;
    fprintf(stderr, "actbench: the results in %s were not replaced\n", o->output_dir);
    return 1;
}

static int print_help(const char *topic)
{
    ab_command cmd;
    if (topic == NULL) {
        fputs(usage_text, stdout);
        return 0;
    }
    if (ab_cli_command(topic, &cmd)) {
        ab_cli_print_help(cmd, stdout);
        return 0;
    }
    if (strcmp(topic, "merge") == 0 || strcmp(topic, "recommend") == 0) {
        char *argv[] = {(char *)topic, "--help", NULL};
        return strcmp(topic, "merge") == 0 ? ab_cmd_merge(2, argv) : ab_cmd_recommend(2, argv);
    }
    fprintf(stderr, "actbench: unknown command '%s' (see 'actbench --help')\n", topic);
    return 2;
}

/* --plugin PATH / --plugin=PATH, wherever it stands before "--": the plugin
 * is loaded before any command runs, so its kernels are listed, measured,
 * swept and ranked like ours. Taken out of argv; 2 after a message. */
static int load_plugins(int *argc, char **argv)
{
    int kept = 1, i = 1;
    for (; i < *argc && strcmp(argv[i], "--") != 0; i++) {
        const char *path;
        if (strcmp(argv[i], "--plugin") == 0 && i + 1 < *argc)
            path = argv[++i];
        else if (strncmp(argv[i], "--plugin=", 9) == 0)
            path = argv[i] + 9;
        else if (strcmp(argv[i], "--plugin") == 0) {
            fputs("actbench: option '--plugin' needs a value\n", stderr);
            return 2;
        } else {
            argv[kept++] = argv[i];
            continue;
        }
        char err[512];
        if (!ab_plugin_load(path, err, sizeof err)) {
            fprintf(stderr, "actbench: %s\n", err);
            return 2;
        }
    }
    while (i < *argc)
        argv[kept++] = argv[i++];
    argv[kept] = NULL;
    *argc = kept;
    return 0;
}

int main(int argc, char **argv)
{
    if (load_plugins(&argc, argv) != 0)
        return 2;
    if (argc < 2) {
        fputs(usage_text, stderr);
        return 2;
    }
    const char *name = argv[1];
    if (strcmp(name, "--help") == 0 || strcmp(name, "-h") == 0 || strcmp(name, "help") == 0) {
        if (argc > 3) {
            fprintf(stderr, "actbench help: unexpected argument '%s'\n", argv[3]);
            return 2;
        }
        return print_help(argc == 3 ? argv[2] : NULL);
    }
    if (strcmp(name, "--version") == 0 || strcmp(name, "version") == 0) {
        if (argc > 2) {
            fprintf(stderr, "actbench %s: unexpected argument '%s'\n", name, argv[2]);
            return 2;
        }
        printf("actbench %s\n", ACTBENCH_VERSION);
        return 0;
    }
    int sub_argc = argc - 1;
    char **sub_argv = argv + 1;
    if (strcmp(name, "merge") == 0)
        return ab_cmd_merge(sub_argc, sub_argv);
    if (strcmp(name, "recommend") == 0)
        return ab_cmd_recommend(sub_argc, sub_argv);

    ab_command cmd;
    if (!ab_cli_command(name, &cmd)) {
        fprintf(stderr, "actbench: unknown command '%s' (see 'actbench --help')\n", name);
        return 2;
    }
    ab_cli_options o;
    switch (ab_cli_parse(cmd, sub_argc, sub_argv, &o)) {
    case AB_CLI_HELP: return 0;
    case AB_CLI_USAGE_ERROR: return 2;
    case AB_CLI_EXHAUSTIVE: return ab_cmd_exhaustive(sub_argc, sub_argv);
    case AB_CLI_RUN: break;
    }
    if (cmd == AB_CMD_LIST)
        return ab_cmd_list(&o);
    return run_writing_command(&o, argc, argv);
}
