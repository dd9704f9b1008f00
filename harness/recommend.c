/*
 * `actbench recommend --activation X [--profile P] [--max-ulp U] ...`: the
 * implementation to pick for a need, from a results directory (so a user
 * gets the pick for their own machine), with the runner-up and the trade
 * between them in one sentence, each need judged by its own metric (max ULP,
 * max ULP over normal outputs with FTZ/DAZ, max relative error). The needs and the ranking are in
 * recommend_pick.c; this file holds the command line and the two outputs:
 * an aligned text table and JSON (schema "actbench-recommend/1", documented
 * in README.md; the report generator reads it).
 */
#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <cJSON.h>

#include "actbench/actbench.h"
#include "output/machine_id.h"
#include "recommend.h"
#include "recommend_pick.h"

#define MAX_NEEDS 6

typedef struct answer {
    const rc_need *need;
    const rc_candidate *pick, *runner_up, *peer;
    size_t meeting;
    char trade[1024];
} answer;

typedef struct context {
    const char *activation, *direction, *results, *size, *distribution;
    bool have_perf, use_ns;
    char cpu[160]; /* the CPU the timings were measured on, "" when unknown */
} context;

/* ---- words ------------------------------------------------------------- */

static double time_of(const context *cx, const rc_candidate *c)
{
    return cx->use_ns ? c->ns : c->ticks;
}

static const char *time_unit(const context *cx)
{
    return cx->use_ns ? "ns/element" : "TSC ticks/element";
}

/* A max ULP to 3 significant digits, rounded up as the errors themselves
 * are, so that 1.000001 ULP never reads as 1 (and as meeting "<= 1"). */
static void ulp_text(char *buf, size_t size, double v)
{
    if (!(v > 0) || isinf(v)) {
        snprintf(buf, size, "%g", v);
        return;
    }
    double scale = pow(10.0, 2 - floor(log10(v)));
    snprintf(buf, size, "%.3g", ceil(v * scale * (1 - 1e-12)) / scale);
}

/* The figure a need judges c by, as text: "0.8 ULP", "1.2 ULP on normal
 * outputs with FTZ/DAZ", "relative error 3.1e-04 on normal outputs". */
static void judged_text(char *buf, size_t size, const rc_candidate *c, const rc_need *need)
{
    char u[32];
    bool stand_in;
    double v = rc_judged_value(c, need, &stand_in);
    if (need->metric == RC_METRIC_REL_NORMAL && !stand_in)
        snprintf(buf, size, "relative error %.2g on normal outputs", v);
    else {
        ulp_text(u, sizeof u, v);
        snprintf(buf, size, "%s ULP%s", u,
                 stand_in ? " over all inputs, standing in for an unmeasured metric"
                 : need->metric == RC_METRIC_FTZ_ULP_NORMAL ? " on normal outputs with FTZ/DAZ"
                                                             : "");
    }
}

static void accuracy_words(char *buf, size_t size, const rc_candidate *c, const rc_need *need)
{
    char u[96];
    judged_text(u, sizeof u, c, need);
    int len = snprintf(buf, size, "max %s", u);
    unsigned long long flush = c->classes[RC_FLUSH_TO_ZERO], other = rc_class_total(c, 1u << RC_FLUSH_TO_ZERO);
    if (flush && need->metric == RC_METRIC_ULP && (size_t)len < size)
        len += snprintf(buf + len, size - (size_t)len, ", %llu result%s flushed to zero", flush, flush == 1 ? "" : "s");
    if (other && (size_t)len < size)
        snprintf(buf + len, size - (size_t)len, ", %llu other error-class cases", other);
}

static void trade_sentence(const context *cx, const rc_set *set, answer *a)
{
    char pa[256], ra[256], tail[96] = "";
    const rc_candidate *p = a->pick, *r = a->runner_up;
    if (p == NULL) {
        const char *what = a->need->kind == RC_PROFILE ? "profile" : "need";
        if (a->meeting > 0)
            snprintf(a->trade, sizeof a->trade,
                     "%zu implementation%s meet%s the %s but none has a valid timing at %s.", a->meeting,
                     a->meeting == 1 ? "" : "s", a->meeting == 1 ? "s" : "", what, cx->size);
        else if (rc_closest(set) != NULL) {
            accuracy_words(pa, sizeof pa, rc_closest(set), &rc_most_accurate);
            snprintf(a->trade, sizeof a->trade, "Nothing meets the %s; the most accurate is %s (%s).", what,
                     rc_closest(set)->variant, pa);
        } else
            snprintf(a->trade, sizeof a->trade, "Nothing meets the %s.", what);
        return;
    }
    accuracy_words(pa, sizeof pa, p, a->need);
    if (p->cpu_dependent)
        snprintf(tail, sizeof tail, " (CPU-dependent: its figures hold for the CPU measured)");
    if (r == NULL) {
        snprintf(a->trade, sizeof a->trade,
                 a->need->kind == RC_MOST_ACCURATE
                     ? "%s has the smallest error (%s)%s; no other is free of NaN/inf/flush errors."
                     : "%s is the only implementation that meets it (%s)%s.",
                 p->variant, pa, tail);
        return;
    }
    accuracy_words(ra, sizeof ra, r, a->need);
    /* compared as printed, so that "more accurate" never sits between two equal figures */
    char pu[96], ru[96];
    judged_text(pu, sizeof pu, p, a->need);
    judged_text(ru, sizeof ru, r, a->need);
    bool p_stand_in, r_stand_in;
    double pv = rc_judged_value(p, a->need, &p_stand_in), rv = rc_judged_value(r, a->need, &r_stand_in);
    const char *versus = p_stand_in != r_stand_in ? ""
                         : strcmp(pu, ru) == 0    ? " (as accurate)"
                         : rv < pv                ? " (more accurate)"
                                                  : " (less accurate)";
    bool timed = p->timing_valid && r->timing_valid;
    double ratio = timed ? r->ticks / p->ticks : NAN;
    if (a->need->kind == RC_MOST_ACCURATE) {
        if (timed)
            snprintf(a->trade, sizeof a->trade, "%s has the smallest error (%s)%s; %s (%s) takes %.2f× its time.",
                     p->variant, pa, tail, r->variant, ra, ratio);
        else
            snprintf(a->trade, sizeof a->trade, "%s has the smallest error (%s)%s; next is %s (%s).", p->variant,
                     pa, tail, r->variant, ra);
    } else if (!timed) {
        snprintf(a->trade, sizeof a->trade, "%s is the most accurate that meets it (%s; no timing to rank by)%s; "
                 "next is %s (%s).", p->variant, pa, tail, r->variant, ra);
    } else {
        snprintf(a->trade, sizeof a->trade, "%s is the fastest that meets it (%s)%s; the runner-up %s takes "
                 "%.2f× its time for %s%s.", p->variant, pa, tail, r->variant, ratio, ra, versus);
    }
}

/* ---- text -------------------------------------------------------------- */

static void time_cell(const context *cx, char *buf, size_t size, const rc_candidate *c)
{
    if (c == NULL)
        snprintf(buf, size, "-");
    else if (!c->timing_valid)
        snprintf(buf, size, c->timed ? "invalid" : "not timed");
    else
        snprintf(buf, size, "%.3g%s", time_of(cx, c), c->unstable ? " ~" : "");
}

/* The judged figure, short: "0.81 (all 2^32)", "1.2 normal FTZ (sampled)", "3.1e-04 rel (sampled)". */
static void error_cell(char *buf, size_t size, const rc_candidate *c, const rc_need *need)
{
    char u[32];
    if (c == NULL) {
        snprintf(buf, size, "-");
        return;
    }
    bool stand_in;
    double v = rc_judged_value(c, need, &stand_in);
    const char *source = stand_in || need->metric == RC_METRIC_ULP ? c->accuracy_source : c->metrics_source;
    if (need->metric == RC_METRIC_REL_NORMAL && !stand_in)
        snprintf(u, sizeof u, "%.2g rel", v);
    else
        ulp_text(u, sizeof u, v);
    snprintf(buf, size, "%s%s (%s)", u,
             stand_in ? " all" : need->metric == RC_METRIC_FTZ_ULP_NORMAL ? " normal FTZ" : "",
             strcmp(source, "exhaustive") == 0 ? "all 2^32" : "sampled");
}

static void print_text(const context *cx, const answer *answers, size_t n)
{
    enum { COLS = 7 };
    const char *unit = cx->use_ns ? "ns/elem" : "ticks/elem";
    const char *const head[COLS] = {"need", "pick", unit, "max error", "runner-up", unit, "max error"};
    char cells[MAX_NEEDS][COLS][112];
    size_t width[COLS];
    for (int k = 0; k < COLS; k++)
        width[k] = strlen(head[k]);
    for (size_t i = 0; i < n; i++) {
        const answer *a = &answers[i];
        snprintf(cells[i][0], sizeof cells[i][0], "%s", a->need->name);
        snprintf(cells[i][1], sizeof cells[i][1], "%s%s", a->pick ? a->pick->variant : "none",
                 a->pick && a->pick->cpu_dependent ? " *" : "");
        time_cell(cx, cells[i][2], sizeof cells[i][2], a->pick);
        error_cell(cells[i][3], sizeof cells[i][3], a->pick, a->need);
        snprintf(cells[i][4], sizeof cells[i][4], "%s%s", a->runner_up ? a->runner_up->variant : "-",
                 a->runner_up && a->runner_up->cpu_dependent ? " *" : "");
        time_cell(cx, cells[i][5], sizeof cells[i][5], a->runner_up);
        error_cell(cells[i][6], sizeof cells[i][6], a->runner_up, a->need);
        for (int k = 0; k < COLS; k++)
            if (strlen(cells[i][k]) > width[k])
                width[k] = strlen(cells[i][k]);
    }
    printf("%s %s, from %s", cx->activation, cx->direction, cx->results);
    if (cx->have_perf)
        printf("; time = median %s at %s, inputs %s%s%s\n", time_unit(cx), cx->size, cx->distribution,
               cx->cpu[0] ? ", measured on " : "", cx->cpu);
    else
        printf("; no performance.csv: ranked by max ULP\n");
    printf("\n");
    for (size_t i = 0; i <= n; i++) {
        for (int k = 0; k < COLS; k++) {
            const char *s = i == 0 ? head[k] : cells[i - 1][k];
            bool numeric = k == 2 || k == 5;
            if (k + 1 == COLS)
                printf("%s\n", s);
            else
                printf(numeric ? "%*s  " : "%-*s  ", (int)width[k], s);
        }
    }
    printf("\n");
    for (size_t i = 0; i < n; i++)
        printf("%-*s  %s\n", (int)width[0], answers[i].need->name, answers[i].trade);
    printf("\n");
    for (size_t i = 0; i < n; i++)
        printf("%-*s  %s\n", (int)width[0], answers[i].need->name, answers[i].need->criterion);
    bool any_cpu_dependent = false, any_unstable = false;
    for (size_t i = 0; i < n; i++) {
        const rc_candidate *c[2] = {answers[i].pick, answers[i].runner_up};
        for (int k = 0; k < 2; k++)
            if (c[k]) {
                any_cpu_dependent |= c[k]->cpu_dependent;
                any_unstable |= c[k]->unstable;
            }
    }
    if (any_cpu_dependent)
        printf("* CPU-dependent: output bits may differ on another CPU model; figures hold for the CPU measured.\n");
    if (any_unstable)
        printf("~ unstable timing (dispersion above bench's threshold).\n");
}

/* ---- JSON -------------------------------------------------------------- */

static void add_number(cJSON *o, const char *name, double v)
{
    if (isnan(v) || isinf(v))
        cJSON_AddNullToObject(o, name);
    else
        cJSON_AddNumberToObject(o, name, v);
}

static cJSON *candidate_json(const rc_candidate *c, const rc_need *need)
{
    if (c == NULL)
        return cJSON_CreateNull();
    cJSON *o = cJSON_CreateObject();
    bool stand_in;
    add_number(o, "judged_value", rc_judged_value(c, need, &stand_in));
    cJSON_AddBoolToObject(o, "judged_by_stand_in", stand_in);
    cJSON_AddStringToObject(o, "variant", c->variant);
    cJSON_AddStringToObject(o, "isa", c->isa);
    add_number(o, "max_ulp", c->max_ulp);
    cJSON_AddStringToObject(o, "accuracy_source", c->accuracy_source ? c->accuracy_source : "");
    if (c->has_metrics) {
        cJSON_AddStringToObject(o, "metrics_source", c->metrics_source);
        add_number(o, "max_ulp_normal", c->max_ulp_normal);
        add_number(o, "max_rel_err", c->max_rel_err);
        add_number(o, "max_abs_err", c->max_abs_err);
        add_number(o, "ftz_max_ulp_normal", c->ftz_max_ulp_normal);
        cJSON_AddNumberToObject(o, "ftz_changed", (double)c->ftz_changed);
        cJSON_AddNumberToObject(o, "ftz_special", (double)c->ftz_special);
    } else {
        cJSON_AddNullToObject(o, "metrics_source");
        static const char *const absent[] = {"max_ulp_normal", "max_rel_err", "max_abs_err",
                                             "ftz_max_ulp_normal", "ftz_changed", "ftz_special"};
        for (size_t k = 0; k < sizeof absent / sizeof absent[0]; k++)
            cJSON_AddNullToObject(o, absent[k]);
    }
    cJSON *cls = cJSON_AddObjectToObject(o, "error_classes");
    for (int k = 0; k < RC_CLASS_KINDS; k++)
        cJSON_AddNumberToObject(cls, rc_class_column[k], (double)c->classes[k]);
    cJSON_AddBoolToObject(o, "timing_valid", c->timing_valid);
    add_number(o, "ns_per_element", c->timing_valid ? c->ns : NAN);
    add_number(o, "tsc_ticks_per_element", c->timing_valid ? c->ticks : NAN);
    cJSON_AddBoolToObject(o, "timing_unstable", c->unstable);
    if (c->timed && !c->timing_valid)
        cJSON_AddStringToObject(o, "invalid_reason", c->invalid_reason);
    cJSON_AddBoolToObject(o, "is_peer", c->is_peer);
    cJSON_AddBoolToObject(o, "cpu_dependent", c->cpu_dependent);
    return o;
}

static int print_json(const context *cx, const answer *answers, size_t n)
{
    cJSON *root = cJSON_CreateObject();
    cJSON_AddStringToObject(root, "schema", "actbench-recommend/1");
    cJSON_AddStringToObject(root, "activation", cx->activation);
    cJSON_AddStringToObject(root, "direction", cx->direction);
    cJSON_AddStringToObject(root, "results", cx->results);
    if (cx->have_perf) {
        cJSON_AddStringToObject(root, "size", cx->size);
        cJSON_AddStringToObject(root, "distribution", cx->distribution);
    } else {
        cJSON_AddNullToObject(root, "size");
        cJSON_AddNullToObject(root, "distribution");
    }
    if (cx->cpu[0])
        cJSON_AddStringToObject(root, "measured_on", cx->cpu);
    else
        cJSON_AddNullToObject(root, "measured_on");
    cJSON *arr = cJSON_AddArrayToObject(root, "answers");
    for (size_t i = 0; i < n; i++) {
        const answer *a = &answers[i];
        cJSON *o = cJSON_CreateObject();
        cJSON_AddStringToObject(o, "need", a->need->name);
        cJSON_AddStringToObject(o, "criterion", a->need->criterion);
        add_number(o, "max_ulp_allowed", a->need->max_ulp);
        cJSON_AddStringToObject(o, "metric", rc_metric_name(a->need->metric));
        add_number(o, "limit", a->need->limit);
        cJSON_AddItemToObject(o, "pick", candidate_json(a->pick, a->need));
        cJSON_AddItemToObject(o, "runner_up", candidate_json(a->runner_up, a->need));
        cJSON_AddItemToObject(o, "fastest_peer", candidate_json(a->peer, a->need));
        cJSON_AddNumberToObject(o, "meeting", (double)a->meeting);
        cJSON_AddStringToObject(o, "trade", a->trade);
        cJSON_AddItemToArray(arr, o);
    }
    char *text = cJSON_Print(root);
    cJSON_Delete(root);
    if (text == NULL) {
        fprintf(stderr, "actbench recommend: out of memory\n");
        return 1;
    }
    puts(text);
    free(text);
    return 0;
}

/* The CPU model of DIR/machine.json, "" when absent. */
static void read_cpu(const char *dir, char *buf, size_t size)
{
    char path[4096];
    buf[0] = '\0';
    snprintf(path, sizeof path, "%s/machine.json", dir);
    FILE *fp = fopen(path, "r");
    if (fp == NULL)
        return;
    char text[1 << 16];
    size_t len = fread(text, 1, sizeof text - 1, fp);
    fclose(fp);
    text[len] = '\0';
    cJSON *root = cJSON_Parse(text);
    const cJSON *model = cJSON_GetObjectItemCaseSensitive(cJSON_GetObjectItemCaseSensitive(root, "cpu"), "model");
    if (cJSON_IsString(model))
        snprintf(buf, size, "%s", model->valuestring);
    cJSON_Delete(root);
}

/* ---- command line ------------------------------------------------------ */

static const char recommend_usage[] =
    "usage: actbench recommend --activation NAME [--profile strict|accurate|ml|fast]\n"
    "                          [--max-ulp U] [--results DIR] [--direction forward|derivative]\n"
    "                          [--size L1|L2|L3|DRAM] [--distribution NAME] [--format text|json]\n"
    "Picks, from a results directory (default: results/MACHINE_ID when it exists, else\n"
    "results; sweeps from DIR/exhaustive or DIR/../exhaustive), the fastest implementation that\n"
    "meets each need, with its runner-up and the trade between them. Without --profile or\n"
    "--max-ulp it answers the four profiles and \"most accurate\":\n"
    "  strict    max <= 1 ULP over all inputs, no error class\n"
    "  accurate  max <= 2 ULP over all inputs, no NaN/inf/flush error (signed zeros tolerated)\n"
    "  ml        with FTZ/DAZ set: max <= 4 ULP over normal outputs, no NaN/inf error\n"
    "  fast      max relative error <= 1e-3 over normal outputs, no NaN/inf error\n"
    "(normal output: the correctly rounded result is a normal number; results written before\n"
    "these metrics existed are judged by the max ULP over all inputs, and the answer says so)\n"
    "--max-ulp U asks for the fastest with max <= U ULP and no NaN/inf/flush error.\n"
    "Accuracy: the full exhaustive sweep where there is one, else the sampled accuracy.csv.\n"
    "Speed: median time per element at --size (default L1) and --distribution (default:\n"
    "the first in performance.csv); implementations with an invalid timing are never picked.\n"
    "Examples:\n"
    "  actbench recommend -a gelu\n"
    "  actbench recommend -a sigmoid --profile ml --size DRAM --format json\n"
    "  actbench recommend -a softmax --max-ulp 1 --results /tmp/myresults\n";

static int usage_error(const char *fmt, const char *arg)
{
    fputs("actbench recommend: ", stderr);
    fprintf(stderr, fmt, arg);
    fputs(" (see 'actbench recommend --help')\n", stderr);
    return 2;
}

int ab_cmd_recommend(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"activation", required_argument, NULL, 'a'}, {"max-ulp", required_argument, NULL, 'u'},
        {"results", required_argument, NULL, 'r'},    {"direction", required_argument, NULL, 'd'},
        {"size", required_argument, NULL, 's'},       {"distribution", required_argument, NULL, 'D'},
        {"format", required_argument, NULL, 'f'},     {"profile", required_argument, NULL, 'p'},
        {"help", no_argument, NULL, 'h'},             {NULL, 0, NULL, 0}};
    context cx = {.results = NULL, .direction = "forward", .size = "L1"};
    const char *activation = NULL;
    const rc_need *profile = NULL;
    double max_ulp = NAN;
    bool json = false;
    optind = 1;
    opterr = 0;
    int ch;
    while ((ch = getopt_long(argc, argv, ":a:u:r:d:s:D:f:p:h", longopts, NULL)) != -1) {
        char *end;
        switch (ch) {
        case 'a': activation = optarg; break;
        case 'u':
            max_ulp = strtod(optarg, &end);
            if (*optarg == '\0' || *end != '\0' || !(max_ulp >= 0) || isinf(max_ulp))
                return usage_error("--max-ulp needs a number >= 0, not '%s'", optarg);
            break;
        case 'r': cx.results = optarg; break;
        case 'd':
            if (strcmp(optarg, "forward") != 0 && strcmp(optarg, "derivative") != 0)
                return usage_error("--direction is forward or derivative, not '%s'", optarg);
            cx.direction = optarg;
            break;
        case 's':
            if (strcmp(optarg, "L1") != 0 && strcmp(optarg, "L2") != 0 && strcmp(optarg, "L3") != 0 &&
                strcmp(optarg, "DRAM") != 0)
                return usage_error("--size is L1, L2, L3 or DRAM, not '%s'", optarg);
            cx.size = optarg;
            break;
        case 'D': cx.distribution = optarg; break;
        case 'f':
            if (strcmp(optarg, "text") != 0 && strcmp(optarg, "json") != 0)
                return usage_error("--format is text or json, not '%s'", optarg);
            json = strcmp(optarg, "json") == 0;
            break;
        case 'p':
            if ((profile = rc_profile_find(optarg)) == NULL)
                return usage_error("--profile is strict, accurate, ml or fast, not '%s'", optarg);
            break;
        case 'h': fputs(recommend_usage, stdout); return 0;
        case ':': return usage_error("option '%s' needs a value", argv[optind - 1]);
        default: return usage_error("unknown option '%s'", argv[optind - 1]);
        }
    }
    if (optind < argc)
        return usage_error("unexpected argument '%s'", argv[optind]);
    /* default: this machine's results directory when there is one */
    char own_results[160];
    if (cx.results == NULL) {
        snprintf(own_results, sizeof own_results, "results/%s", ab_cpu_identity_get()->machine_id);
        struct stat sb;
        cx.results = stat(own_results, &sb) == 0 && S_ISDIR(sb.st_mode) ? own_results : "results";
    }
    if (activation == NULL)
        return usage_error("--activation is required%s", "");
    const ab_activation *act = ab_activation_find(activation);
    if (act == NULL)
        return usage_error("unknown activation '%s' (see 'actbench list')", activation);
    cx.activation = act->name;

    rc_set set = {0};
    if (!rc_load_accuracy(&set, cx.results, act->name, cx.direction)) {
        rc_set_free(&set);
        return 1;
    }
    bool distribution_given = cx.distribution != NULL;
    int st = rc_load_speed(&set, cx.results, act->name, cx.direction, cx.size, &cx.distribution, &cx.have_perf);
    if (st == 0 && !cx.have_perf && distribution_given) {
        fprintf(stderr, "actbench recommend: --distribution given but %s has no performance.csv\n", cx.results);
        st = 2;
    }
    if (st != 0 || set.n == 0) {
        if (st == 0)
            fprintf(stderr, "actbench recommend: %s has no %s accuracy results in %s\n", act->name, cx.direction,
                    cx.results);
        rc_set_free(&set);
        return st ? st : 1;
    }
    cx.use_ns = true;
    for (size_t i = 0; i < set.n; i++)
        if (set.items[i].timing_valid && isnan(set.items[i].ns))
            cx.use_ns = false;
    if (cx.have_perf)
        read_cpu(cx.results, cx.cpu, sizeof cx.cpu);

    rc_need needs[MAX_NEEDS];
    char max_ulp_criterion[128];
    size_t n = 0;
    if (profile)
        needs[n++] = *profile;
    if (!isnan(max_ulp))
        needs[n++] = rc_max_ulp_need(max_ulp, max_ulp_criterion, sizeof max_ulp_criterion);
    if (n == 0) {
        for (size_t i = 0; i < sizeof rc_profiles / sizeof rc_profiles[0]; i++)
            needs[n++] = rc_profiles[i];
        needs[n++] = rc_most_accurate;
    }
    answer answers[MAX_NEEDS];
    for (size_t i = 0; i < n; i++) {
        answer *a = &answers[i];
        a->need = &needs[i];
        rc_choose(&set, a->need, &a->pick, &a->runner_up, &a->peer, &a->meeting);
        trade_sentence(&cx, &set, a);
    }
    int rc = 0;
    if (json)
        rc = print_json(&cx, answers, n);
    else
        print_text(&cx, answers, n);
    rc_set_free(&set);
    return rc;
}
