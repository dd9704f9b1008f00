/* ab_bench_run in quick mode on two registry implementations: the result
 * files exist with the documented header and one row per implementation ×
 * direction × distribution × size (plus the copy rows), every row is either
 * valid with a positive time not below its copy floor, or invalid with a
 * reason and no number; no temporary file is left behind, machine.json is
 * written, and an unwritable directory or an unknown distribution is
 * refused. */
#include <dirent.h>
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "bench.h"
#include "bench/distributions.h"
#include "csv_table.h"
#include "machine.h"
#include "check.h"


static const char *const expected_header =
    "activation,variant,isa,direction,distribution,size_label,n,bytes,"
    "ticks_per_elem_median,ticks_per_elem_min,dispersion_mdape_pct,unstable,"
    "ns_per_elem,core_cycles_per_elem_est,cycle_source,ratio_to_naive,ratio_to_copy,"
    "mxcsr_changed,rounds,reps_n,reps_half,output_checksum,preempted_samples,"
    "valid,invalid_reason,samples_valid,samples_migrated,samples_backwards,"
    "samples_outliers,affinity_resets,cpu_id_source,floor_store_ticks_per_elem,"
    "floor_copy_ticks_per_elem,gbytes_per_s,core_cycles_per_elem,core_cycles_source,traffic\n";
enum { EXPECTED_FIELDS = 37 };

/* True when some entry of dir contains ".tmp." */
static bool has_temp_files(const char *dir)
{
    DIR *d = opendir(dir);
    if (d == NULL)
        return false;
    bool found = false;
    for (struct dirent *e; (e = readdir(d)) != NULL;)
        if (strstr(e->d_name, ".tmp.") != NULL)
            found = true;
    closedir(d);
    return found;
}

static void remove_tree(const char *dir)
{
    char cmd[4200];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (system(cmd) != 0)
        fprintf(stderr, "warning: could not remove %s\n", dir);
}

/* Every line has EXPECTED_FIELDS fields (RFC 4180: commas inside double
 * quotes do not split). */
static void check_field_counts(const char *path)
{
    FILE *fp = fopen(path, "r");
    char line[8192];
    CHECK(fp != NULL, "%s missing", path);
    if (fp == NULL)
        return;
    CHECK(fgets(line, sizeof line, fp) && strcmp(line, expected_header) == 0,
          "unexpected header: %s", line);
    while (fgets(line, sizeof line, fp)) {
        CHECK(strchr(line, '\n') != NULL, "row without newline");
        int commas = 0;
        bool quoted = false;
        for (const char *p = line; *p; p++) {
            quoted ^= *p == '"';
            commas += *p == ',' && !quoted;
        }
        CHECK(commas == EXPECTED_FIELDS - 1, "row with %d fields: %s", commas + 1, line);
    }
    fclose(fp);
}

static const char *field(const ab_csv_table *t, size_t r, const char *name)
{
    return ab_csv_field(t, r, ab_csv_column(t, name));
}

/* A table of the extra parts: `rows` rows (or, when rows is 0, a non-zero
 * multiple of `multiple`), each valid with a positive
 * value in `value_column`, or invalid with a reason and no value. */
static void check_table(const char *dir, const char *name, size_t rows, size_t multiple,
                        const char *value_column)
{
    char path[700];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    ab_csv_table t;
    if (ab_csv_read(path, &t, false) != AB_CSV_OK) {
        CHECK(false, "cannot read %s", path);
        return;
    }
    CHECK(t.n_rows == rows || (rows == 0 && t.n_rows > 0 && t.n_rows % multiple == 0),
          "%s: %zu rows, expected %zu", name, t.n_rows, rows);
    CHECK(ab_csv_column(&t, value_column) >= 0, "%s: no column %s", name, value_column);
    for (size_t r = 0; r < t.n_rows; r++) {
        bool valid = strcmp(field(&t, r, "valid"), "1") == 0;
        double v = strtod(field(&t, r, value_column), NULL);
        if (valid)
            CHECK(v > 0 && field(&t, r, "invalid_reason")[0] == '\0', "%s row %zu: %s = %g",
                  name, r, value_column, v);
        else
            CHECK(field(&t, r, value_column)[0] == '\0' &&
                      field(&t, r, "invalid_reason")[0] != '\0',
                  "%s row %zu invalid with a value or without a reason", name, r);
    }
    ab_csv_free(&t);
}

/* 7 cases: copy + 3 impls x 2 directions; 2 of them vector (softmax). */
static void check_extra_tables(const char *dir)
{
    check_table(dir, "performance_fit.csv", 7, 0, "elem_ticks");
    /* 4 sizes x (7 cases + the floor kernels, as many as this CPU has) */
    check_table(dir, "performance_by_n.csv", 0, 4, "ticks_per_call_median");
    check_table(dir, "performance_rows.csv", 6 * 2, 0, "ticks_per_row");
    /* 7 x the thread counts (1, 2, 4, ..., all cores): a multiple of 7 */
    check_table(dir, "performance_threads.csv", 0, 7, "ticks_per_elem");
}

int main(void)
{
    const ab_impl *impls[3] = {ab_impl_find("sigmoid", "naive"),
                               ab_impl_find("sigmoid", "branchless"),
                               ab_impl_find("softmax", "naive")};
    CHECK(impls[0] && impls[1] && impls[2], "sigmoid naive/branchless, softmax naive missing");
    if (!impls[0] || !impls[1] || !impls[2])
        return 1;

    char dir[] = "/tmp/actbench-test-bench-XXXXXX";
    if (mkdtemp(dir) == NULL) {
        perror("mkdtemp");
        return 1;
    }
    char out[512];
    snprintf(out, sizeof out, "%s/out", dir); /* does not exist yet: must be created */

    ab_bench_options opt = {.output_dir = out, .quick = true, .rounds = 0, .quiet = false};
    CHECK(ab_bench_run(&opt, impls, 3) == 0, "quick bench failed");
    CHECK(ab_machine_write_json(out, 1, (char *[]){"test_bench_quick", NULL}) == 0,
          "machine.json failed");

    char path[600];
    snprintf(path, sizeof path, "%s/performance.csv", out);
    check_field_counts(path);
    ab_csv_table t;
    int copy_rows = 0, branchless_rows = 0, naive_ratio_one = 0, naive_rows = 0, unstable = 0,
        invalid = 0;
    int per_distribution[AB_DIST_COUNT] = {0};
    bool read = ab_csv_read(path, &t, false) == AB_CSV_OK;
    CHECK(read, "cannot read %s", path);
    for (size_t r = 0; read && r < t.n_rows; r++) {
        const char *act = field(&t, r, "activation"), *variant = field(&t, r, "variant");
        copy_rows += strcmp(act, "copy") == 0;
        branchless_rows += strcmp(variant, "branchless") == 0;
        unstable += strcmp(field(&t, r, "unstable"), "1") == 0;
        for (int d = 0; d < AB_DIST_COUNT; d++)
            per_distribution[d] +=
                strcmp(field(&t, r, "distribution"), ab_distribution_name(d)) == 0;
        double median = strtod(field(&t, r, "ticks_per_elem_median"), NULL);
        bool store_only = strcmp(field(&t, r, "traffic"), "store-only") == 0;
        CHECK(store_only || strcmp(field(&t, r, "traffic"), "read+write") == 0, "traffic '%s'",
              field(&t, r, "traffic"));
        double floor = strtod(field(&t, r, store_only ? "floor_store_ticks_per_elem"
                                                      : "floor_copy_ticks_per_elem"),
                              NULL);
        bool valid = strcmp(field(&t, r, "valid"), "1") == 0;
        const char *reason = field(&t, r, "invalid_reason");
        if (valid) {
            CHECK(median > 0 && reason[0] == '\0', "valid row %zu: median %g, reason '%s'", r,
                  median, reason);
            CHECK(!(floor > 0) || median >= 0.7 * floor, "valid row %zu below its floor", r);
            CHECK(strtod(field(&t, r, "gbytes_per_s"), NULL) > 0, "row %zu without GB/s", r);
        } else {
            invalid++;
            CHECK(strcmp(field(&t, r, "valid"), "0") == 0, "valid field '%s'",
                  field(&t, r, "valid"));
            CHECK(reason[0] != '\0', "invalid row %zu without a reason", r);
            CHECK(field(&t, r, "ticks_per_elem_median")[0] == '\0' &&
                      field(&t, r, "ns_per_elem")[0] == '\0',
                  "invalid row %zu still has a number", r);
        }
        /* naive against itself: ratio exactly 1 when it is a measurement */
        if (strcmp(act, "sigmoid") == 0 && strcmp(variant, "naive") == 0) {
            naive_rows++;
            naive_ratio_one += valid ? strcmp(field(&t, r, "ratio_to_naive"), "1.0000") == 0
                                     : field(&t, r, "ratio_to_naive")[0] == '\0';
        }
        CHECK(strstr(field(&t, r, "core_cycles_source"), "perf_event") != NULL,
              "core_cycles_source '%s'", field(&t, r, "core_cycles_source"));
    }
    /* 2 sizes × 5 distributions × (3 impls × 2 directions + copy) */
    CHECK(read && t.n_rows == 70, "%zu rows, expected 70", read ? t.n_rows : 0);
    CHECK(copy_rows == 10, "%d copy rows, expected 10", copy_rows);
    CHECK(branchless_rows == 20, "%d branchless rows, expected 20", branchless_rows);
    CHECK(naive_rows == 20 && naive_ratio_one == 20, "%d of %d naive rows with ratio 1",
          naive_ratio_one, naive_rows);
    for (int d = 0; d < AB_DIST_COUNT; d++)
        CHECK(per_distribution[d] == 14, "%d rows of %s", per_distribution[d],
              ab_distribution_name(d));
    printf("%zu rows, %d unstable, %d invalid (a noisy shared host; not a failure)\n",
           read ? t.n_rows : 0, unstable, invalid);
    if (read)
        ab_csv_free(&t);

    check_extra_tables(out);
    const char *others[] = {"performance.md", "raw/bench_samples.csv", "machine.json"};
    for (size_t i = 0; i < 3; i++) {
        struct stat st;
        snprintf(path, sizeof path, "%s/%s", out, others[i]);
        CHECK(stat(path, &st) == 0 && st.st_size > 100, "%s missing or tiny", path);
    }
    snprintf(path, sizeof path, "%s/raw", out);
    CHECK(!has_temp_files(out) && !has_temp_files(path), "temporary files left behind");

    /* Only the distributions asked for. */
    ab_bench_options one = opt;
    CHECK(ab_bench_set_option(&one, "distribution", "normal4,tails") == 0, "option refused");
    CHECK(one.distributions == (1u << AB_DIST_NORMAL_4 | 1u << AB_DIST_TAILS), "mask %#x",
          one.distributions);
    CHECK(ab_bench_set_option(&one, "distribution", "gaussian") == 2, "unknown name accepted");
    CHECK(ab_bench_set_option(&one, "no-such-option", "1") == 1, "unknown option claimed");

    /* An unwritable output directory: refused, nothing written. Root ignores
     * permission bits, so a path under a regular file stands in for it. */
    snprintf(path, sizeof path, "%s/performance.csv/sub", out);
    opt.output_dir = path;
    opt.quiet = true;
    CHECK(ab_bench_run(&opt, impls, 2) != 0, "bench into %s succeeded", path);
    if (geteuid() != 0) {
        char ro[600];
        snprintf(ro, sizeof ro, "%s/readonly", dir);
        mkdir(ro, 0555);
        opt.output_dir = ro;
        CHECK(ab_bench_run(&opt, impls, 2) != 0, "bench into read-only %s succeeded", ro);
    }

    if (failures == 0)
        remove_tree(dir);
    else
        fprintf(stderr, "%d failure(s); results kept in %s\n", failures, dir);
    return failures ? 1 : 0;
}
