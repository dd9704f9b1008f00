/* ab_bench_run in quick mode on two registry implementations: the result
 * files exist with the documented header and one row per implementation ×
 * direction × distribution × size (plus the copy rows), no temporary file is
 * left behind, machine.json is written, and an unwritable directory is
 * refused with a non-zero status. */
#include <dirent.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "bench.h"
#include "machine.h"

static int failures;

#define CHECK(cond, ...)                                                                   \
    do {                                                                                   \
        if (!(cond)) {                                                                     \
            fprintf(stderr, "FAIL %s:%d: ", __FILE__, __LINE__);                           \
            fprintf(stderr, __VA_ARGS__);                                                  \
            fputc('\n', stderr);                                                           \
            failures++;                                                                    \
        }                                                                                  \
    } while (0)

static const char *const expected_header =
    "activation,variant,isa,direction,distribution,size_label,n,bytes,"
    "ticks_per_elem_median,ticks_per_elem_min,dispersion_mdape_pct,unstable,"
    "ns_per_elem,core_cycles_per_elem_est,cycle_source,ratio_to_naive,ratio_to_copy,"
    "mxcsr_changed,rounds,reps_n,reps_half,output_checksum,preempted_samples\n";

/* True when some entry of dir starts with '.' and contains ".tmp." */
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

int main(void)
{
    const ab_impl *impls[2] = {ab_impl_find("sigmoid", "naive"),
                               ab_impl_find("sigmoid", "branchless")};
    CHECK(impls[0] && impls[1], "sigmoid naive/branchless not in the registry");
    if (!impls[0] || !impls[1])
        return 1;

    char dir[] = "/tmp/actbench-test-bench-XXXXXX";
    if (mkdtemp(dir) == NULL) {
        perror("mkdtemp");
        return 1;
    }
    char out[512];
    snprintf(out, sizeof out, "%s/out", dir); /* does not exist yet: must be created */

    ab_bench_options opt = {.output_dir = out, .quick = true, .rounds = 0, .quiet = false};
    CHECK(ab_bench_run(&opt, impls, 2) == 0, "quick bench failed");
    CHECK(ab_machine_write_json(out, 1, (char *[]){"test_bench_quick", NULL}) == 0,
          "machine.json failed");

    char path[600], line[4096];
    snprintf(path, sizeof path, "%s/performance.csv", out);
    FILE *fp = fopen(path, "r");
    CHECK(fp != NULL, "%s missing", path);
    int rows = 0, copy_rows = 0, naive_ratio_one = 0, branchless_rows = 0, unstable = 0;
    if (fp != NULL) {
        CHECK(fgets(line, sizeof line, fp) && strcmp(line, expected_header) == 0,
              "unexpected header: %s", line);
        while (fgets(line, sizeof line, fp)) {
            rows++;
            CHECK(strchr(line, '\n') != NULL, "row without newline");
            /* fields, RFC 4180: commas inside double quotes do not split */
            int commas = 0;
            bool quoted = false;
            for (const char *p = line; *p; p++) {
                quoted ^= *p == '"';
                commas += *p == ',' && !quoted;
            }
            CHECK(commas == 22, "row with %d fields: %s", commas + 1, line);
            copy_rows += strncmp(line, "copy,", 5) == 0;
            branchless_rows += strncmp(line, "sigmoid,branchless,", 19) == 0;
            /* naive against itself: ratio exactly 1 -- unless noise made its
             * per-element time non-positive, which bench reports as invalid
             * (empty ratio, unstable flag) rather than as a timing. The
             * median is field 9 (the distribution holds one quoted comma). */
            if (strncmp(line, "sigmoid,naive,", 14) == 0) {
                const char *m = line;
                for (int c = 0; c < 9 && m; c++)
                    m = strchr(m, ',') ? strchr(m, ',') + 1 : NULL;
                bool invalid = m && strtod(m, NULL) <= 0.0 && strstr(line, ",1,") != NULL;
                if (strstr(line, ",1.0000,") != NULL || invalid)
                    naive_ratio_one++;
            }
            /* the unstable flag is field 12 (the distribution field holds one
             * quoted comma) */
            const char *p = line;
            for (int c = 0; c < 12 && p; c++)
                p = strchr(p, ',') ? strchr(p, ',') + 1 : NULL;
            unstable += p && *p == '1';
            CHECK(strstr(line, ",\"uniform[-10,10]\",") || strstr(line, ",\"positive(0,10]\","),
                  "distribution field missing or unquoted: %s", line);
        }
        fclose(fp);
    }
    /* 2 sizes × 2 distributions × (2 impls × 2 directions + copy) */
    CHECK(rows == 20, "%d rows, expected 20", rows);
    CHECK(copy_rows == 4, "%d copy rows, expected 4", copy_rows);
    CHECK(branchless_rows == 8, "%d branchless rows, expected 8", branchless_rows);
    CHECK(naive_ratio_one == 8, "%d naive rows with ratio_to_naive 1, expected 8",
          naive_ratio_one);
    printf("%d rows, %d flagged unstable (a noisy shared host; not a failure)\n", rows,
           unstable);

    const char *others[] = {"performance.md", "raw/bench_samples.csv", "machine.json"};
    for (size_t i = 0; i < 3; i++) {
        struct stat st;
        snprintf(path, sizeof path, "%s/%s", out, others[i]);
        CHECK(stat(path, &st) == 0 && st.st_size > 100, "%s missing or tiny", path);
    }
    snprintf(path, sizeof path, "%s/raw", out);
    CHECK(!has_temp_files(out) && !has_temp_files(path), "temporary files left behind");

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
