/* The option table of list, accuracy, bench, run and curves (see options.h).
 * getopt_long knows every option of every command, so an option of another
 * command is named as such ("does not apply to list") instead of "unknown".
 * accuracy --exhaustive switches to the sweep, which has options of its own:
 * options this table does not know are therefore only an error once the
 * whole command line has been read without --exhaustive. */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "actbench/reference.h"
#include "cli/options.h"
#include "output/machine_id.h"

#define LIST (1u << AB_CMD_LIST)
#define ACCURACY (1u << AB_CMD_ACCURACY)
#define BENCH (1u << AB_CMD_BENCH)
#define RUN (1u << AB_CMD_RUN)
#define CURVES (1u << AB_CMD_CURVES)

enum { OPT_SEED = 256, OPT_PRECISION, OPT_GRID, OPT_RANDOM, OPT_ROUNDS, OPT_ALL, OPT_QUIET,
       OPT_EXHAUSTIVE, OPT_FORMAT, OPT_DISTRIBUTION, OPT_PARTS, OPT_DISPATCH };

typedef struct option_spec {
    struct option opt;
    char short_name; /* 0: long only */
    unsigned commands;
    const char *arg_name, *help;
} option_spec;

static const option_spec specs[] = {
    {{"activation", required_argument, NULL, 'a'}, 'a', LIST | ACCURACY | BENCH | RUN, "LIST",
     "comma list of activations; 'gelu*' globs, aliases accepted (default: all)"},
    {{"variant", required_argument, NULL, 'V'}, 'V', LIST | ACCURACY | BENCH | RUN, "LIST",
     "comma list of variants; 'avx2*' globs (default: all)"},
    {{"all", no_argument, NULL, OPT_ALL}, 0, LIST, NULL,
     "include implementations this CPU cannot run"},
    {{"dispatch", no_argument, NULL, OPT_DISPATCH}, 0, LIST, NULL,
     "the kernel each dispatch function of the library (actbench/dispatch.h) runs here"},
    {{"format", required_argument, NULL, OPT_FORMAT}, 0, LIST, "FMT",
     "text (default), json (schema actbench-list/1, see README) or csv"},
    {{"output", required_argument, NULL, 'o'}, 'o', ACCURACY | BENCH | RUN | CURVES, "DIR",
     "results directory, created if missing (default: see below)"},
    {{"quick", no_argument, NULL, 'q'}, 'q', ACCURACY | BENCH | RUN, NULL,
     "small inputs and sizes, for tests (seconds, not minutes)"},
    {{"seed", required_argument, NULL, OPT_SEED}, 0, ACCURACY | RUN, "N",
     "seed of the random inputs (default 1)"},
    {{"precision", required_argument, NULL, OPT_PRECISION}, 0, ACCURACY | RUN, "BITS",
     "MPFR precision of the reference, 64..100000 (default 128)"},
    {{"grid", required_argument, NULL, OPT_GRID}, 0, ACCURACY | RUN | CURVES, "N",
     "points of the dense grid over each activation's range (accuracy: default 100000, "
     "quick 2000; curves: default 801)"},
    {{"random", required_argument, NULL, OPT_RANDOM}, 0, ACCURACY | RUN, "N",
     "random bit patterns per activation (default 200000, quick 4000)"},
    {{"rounds", required_argument, NULL, OPT_ROUNDS}, 0, BENCH | RUN, "N",
     "interleaved timing rounds, 1..100000 (default 15, quick 5)"},
    {{"distribution", required_argument, NULL, OPT_DISTRIBUTION}, 0, BENCH | RUN, "LIST",
     "input distributions: uniform, positive, normal1, normal4, tails, or all (default)"},
    {{"parts", required_argument, NULL, OPT_PARTS}, 0, BENCH | RUN, "LIST",
     "tables to measure: sizes, fit, rows, threads, or all (default)"},
    {{"exhaustive", no_argument, NULL, OPT_EXHAUSTIVE}, 0, ACCURACY, NULL,
     "sweep every binary32 input instead (options: 'actbench accuracy --exhaustive --help')"},
    {{"quiet", no_argument, NULL, OPT_QUIET}, 0, ACCURACY | BENCH | RUN | CURVES, NULL,
     "no progress on stderr"},
    {{"help", no_argument, NULL, 'h'}, 'h', LIST | ACCURACY | BENCH | RUN | CURVES, NULL,
     "this help"},
};
#define N_SPECS (sizeof specs / sizeof specs[0])

static const struct command_info {
    const char *name, *synopsis, *about, *examples;
} commands[AB_CMD_KINDS] = {
    [AB_CMD_LIST] = {"list", "actbench list [options]",
                     "Every registered implementation this CPU can run: activation, variant, ISA,\n"
                     "whether its output bits may depend on the CPU model (cpu-dep), its declared\n"
                     "error bounds and its method.",
                     "  actbench list -a sigmoid,tanh\n"
                     "  actbench list -V 'avx2*' --all\n"
                     "  actbench list --format json > impls.json\n"},
    [AB_CMD_ACCURACY] = {"accuracy", "actbench accuracy [options]",
                         "ULP error of each selected implementation against MPFR on named inputs,\n"
                         "a dense grid and random bit patterns. Writes DIR/accuracy.csv and\n"
                         "DIR/accuracy.md; rows of implementations not selected are kept.",
                         "  actbench accuracy -q -a relu -o /tmp/r\n"
                         "  actbench accuracy -a 'gelu*' -V 'avx2*' --random 1000000\n"
                         "  actbench accuracy --exhaustive -a sigmoid -V 'avx2*' --range 0:ffff\n"},
    [AB_CMD_BENCH] = {"bench", "actbench bench [options]",
                      "Timing on a pinned thread: TSC ticks/element at L1, L2, L3 and DRAM\n"
                      "working sets, per-call and per-element cost, row shapes and threads.\n"
                      "Writes DIR/performance.csv, performance.md, raw/bench_samples.csv and,\n"
                      "per --parts, performance_fit.csv, performance_by_n.csv,\n"
                      "performance_rows.csv, performance_threads.csv (docs/measurement.md).",
                      "  actbench bench -q -a sigmoid -o /tmp/r\n"
                      "  actbench bench -a softmax --rounds 30\n"
                      "  actbench bench -a gelu --parts sizes --distribution normal1,tails\n"},
    [AB_CMD_RUN] = {"run", "actbench run [options]",
                    "The main job: machine.json, then accuracy, then bench, into one results\n"
                    "directory. The files of a run replace the previous ones together.",
                    "  actbench run -o /tmp/myresults\n"
                    "  actbench run -q -a relu,sigmoid -o /tmp/r\n"},
    [AB_CMD_CURVES] = {"curves", "actbench curves [options]",
                       "Reference values of each elementwise activation and its derivative over\n"
                       "its range (MPFR, rounded to binary32), one CSV per activation under\n"
                       "DIR/curves/, for the report's graphs.",
                       "  actbench curves -o results\n"
                       "  actbench curves --grid 2001 -o /tmp/r\n"},
};

bool ab_cli_command(const char *name, ab_command *out)
{
    for (int c = 0; c < AB_CMD_KINDS; c++)
        if (strcmp(name, commands[c].name) == 0) {
            *out = (ab_command)c;
            return true;
        }
    return false;
}

void ab_cli_print_help(ab_command cmd, FILE *out)
{
    const struct command_info *ci = &commands[cmd];
    fprintf(out, "usage: %s\n\n%s\n\nOptions:\n", ci->synopsis, ci->about);
    for (size_t i = 0; i < N_SPECS; i++) {
        const option_spec *s = &specs[i];
        if (!(s->commands & (1u << cmd)))
            continue;
        char left[64];
        snprintf(left, sizeof left, "%c%c%c --%s%s%s", s->short_name ? '-' : ' ',
                 s->short_name ? s->short_name : ' ', s->short_name ? ',' : ' ', s->opt.name,
                 s->arg_name ? " " : "", s->arg_name ? s->arg_name : "");
        fprintf(out, "  %-24s %s\n", left, s->help);
    }
    if (cmd == AB_CMD_ACCURACY || cmd == AB_CMD_BENCH || cmd == AB_CMD_RUN)
        fprintf(out, "\nThe default results directory is results/MACHINE_ID, MACHINE_ID naming this "
                     "CPU\n(see README), so that the results of different machines sit side by "
                     "side;\nhere: results/%s.\n", ab_cpu_identity_get()->machine_id);
    else if (cmd == AB_CMD_CURVES)
        fprintf(out, "\nThe default results directory is results (the curves do not depend on "
                     "the machine).\n");
    fprintf(out, "\nExamples:\n%s", ci->examples);
}

static const option_spec *spec_of(int val)
{
    for (size_t i = 0; i < N_SPECS; i++)
        if (specs[i].opt.val == val)
            return &specs[i];
    return NULL;
}

static bool parse_format(const char *text, ab_list_format *out)
{
    static const char *const names[] = {"text", "json", "csv"};
    for (int f = 0; f < 3; f++)
        if (strcmp(text, names[f]) == 0) {
            *out = (ab_list_format)f;
            return true;
        }
    fprintf(stderr, "actbench list: --format must be text, json or csv, got '%s'\n", text);
    return false;
}

/* Stores one option's value; false (message printed) on a bad value. */
static bool apply(ab_cli_options *o, int val, const char *arg)
{
    switch (val) {
    case 'a': o->sel.activations = arg; return true;
    case 'V': o->sel.variants = arg; return true;
    case 'o':
        if (*arg == '\0') {
            fprintf(stderr, "actbench: --output needs a directory name, got ''\n");
            return false;
        }
        o->output_dir = arg;
        return true;
    case 'q': o->quick = true; return true;
    case OPT_QUIET: o->quiet = true; return true;
    case OPT_ALL: o->sel.include_unsupported = true; return true;
    case OPT_DISPATCH: o->dispatch = true; return true;
    case OPT_FORMAT: return parse_format(arg, &o->format);
    case OPT_SEED: return ab_parse_u64("--seed", arg, 0, UINT64_MAX, &o->seed);
    case OPT_PRECISION: return ab_parse_u64("--precision", arg, 64, 100000, &o->precision);
    case OPT_GRID: return ab_parse_u64("--grid", arg, 1, 100000000, &o->grid);
    case OPT_RANDOM:
        o->random_given = true;
        return ab_parse_u64("--random", arg, 0, 1000000000, &o->random);
    case OPT_ROUNDS: return ab_parse_u64("--rounds", arg, 1, 100000, &o->rounds);
    case OPT_DISTRIBUTION: return ab_bench_set_option(&o->bench, "distribution", arg) == 0;
    case OPT_PARTS: return ab_bench_set_option(&o->bench, "parts", arg) == 0;
    default: return true;
    }
}

ab_cli_outcome ab_cli_parse(ab_command cmd, int argc, char **argv, ab_cli_options *o)
{
    struct option longopts[N_SPECS + 1];
    char shortopts[64] = ":";
    for (size_t i = 0; i < N_SPECS; i++) {
        longopts[i] = specs[i].opt;
        if (specs[i].short_name) {
            size_t k = strlen(shortopts);
            shortopts[k++] = specs[i].short_name;
            if (specs[i].opt.has_arg == required_argument)
                shortopts[k++] = ':';
            shortopts[k] = '\0';
        }
    }
    memset(&longopts[N_SPECS], 0, sizeof longopts[N_SPECS]);
    memset(o, 0, sizeof *o);
    o->command = cmd;
    o->output_dir = NULL;
    o->seed = 1;

    const char *name = commands[cmd].name;
    /* getopt_long permutes the array it parses: parse copies, so the sweep
     * gets the command line as it was typed. */
    char **args = calloc((size_t)argc + 1, sizeof *args);
    if (args == NULL) {
        fprintf(stderr, "actbench: out of memory\n");
        return AB_CLI_USAGE_ERROR;
    }
    opterr = 0;
    int c;
    if (cmd == AB_CMD_ACCURACY) { /* first pass: only whether this is the sweep */
        memcpy(args, argv, (size_t)argc * sizeof *args);
        optind = 0; /* full re-initialisation of GNU getopt */
        while ((c = getopt_long(argc, args, shortopts, longopts, NULL)) != -1)
            if (c == OPT_EXHAUSTIVE) {
                free(args);
                return AB_CLI_EXHAUSTIVE;
            }
    }
    memcpy(args, argv, (size_t)argc * sizeof *args);
    optind = 0;
    bool help = false, bad = false;
    unsigned given = 0; /* bit i: specs[i] seen, to refuse a value option given twice */
    while (!bad && (c = getopt_long(argc, args, shortopts, longopts, NULL)) != -1) {
        if (c == '?' || c == ':') {
            fprintf(stderr, c == ':' ? "actbench %s: option '%s' needs a value"
                                     : "actbench %s: unknown option '%s'", name, args[optind - 1]);
            fprintf(stderr, " (see 'actbench %s --help')\n", name);
            bad = true;
            continue;
        }
        const option_spec *s = spec_of(c);
        size_t index = (size_t)(s - specs);
        if (!(s->commands & (1u << cmd))) {
            fprintf(stderr, "actbench %s: option --%s does not apply to %s (see 'actbench %s "
                            "--help')\n", name, s->opt.name, name, name);
            bad = true;
        } else if (s->opt.has_arg == required_argument && (given & (1u << index))) {
            fprintf(stderr, "actbench %s: option --%s given twice\n", name, s->opt.name);
            bad = true;
        } else if (c == 'h') {
            help = true;
        } else {
            bad = !apply(o, c, optarg);
        }
        given |= 1u << index;
    }
    if (!bad && !help && optind < argc) {
        fprintf(stderr, "actbench %s: unexpected argument '%s'\n", name, args[optind]);
        bad = true;
    }
    free(args);
    if (bad)
        return AB_CLI_USAGE_ERROR;
    if (help) {
        ab_cli_print_help(cmd, stdout);
        return AB_CLI_HELP;
    }
    if (o->output_dir == NULL) {
        static char per_machine[160];
        snprintf(per_machine, sizeof per_machine, "results/%s", ab_cpu_identity_get()->machine_id);
        o->output_dir = cmd == AB_CMD_CURVES ? "results" : per_machine;
    }
    if (o->precision == 0)
        o->precision = AB_REF_DEFAULT_PREC;
    return ab_selection_valid(&o->sel) ? AB_CLI_RUN : AB_CLI_USAGE_ERROR;
}
