/* Samples that did not stay on one CPU are caught. Three ways:
 * 1. a CPU-id source that names a different CPU after every sample: every
 *    sample is discarded as migrated, and every row comes out invalid with
 *    the reason and no number;
 * 2. a source that moves once in a while: those samples are discarded and
 *    counted, the retries succeed, and the rows stay valid;
 * 3. (with two PUs or more) a kernel that really moves the calling thread
 *    to another CPU, the way a peer library's thread pool may re-pin it:
 *    its samples are discarded as migrated, its row is invalid, and the
 *    affinity is re-asserted (counted) after it. */
#include <sched.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "bench.h"
#include "bench/cpu_id.h"
#include "bench/distributions.h"
#include "csv_table.h"
#include "check.h"


static int counter;
static int always_moving(void) { return counter++; }
static int moving_sometimes(void) { return (counter++ % 16) == 15; }

/* Copies, then moves the calling thread to a CPU other than the current one. */
static void migrating_kernel(const float *x, float *y, size_t n, const ab_params *p)
{
    (void)p;
    memcpy(y, x, n * sizeof *y);
    int here = sched_getcpu();
    cpu_set_t set;
    CPU_ZERO(&set);
    if (sched_getaffinity(0, sizeof set, &set) != 0)
        return;
    long cpus = sysconf(_SC_NPROCESSORS_ONLN);
    for (int c = 0; c < cpus; c++)
        if (c != here) {
            CPU_ZERO(&set);
            CPU_SET(c, &set);
            sched_setaffinity(0, sizeof set, &set);
            return;
        }
}

static const ab_impl migrating_impl = {
    .activation = "relu",
    .variant = "test-migrating",
    .isa = AB_ISA_SCALAR,
    .forward = migrating_kernel,
    .method = "memcpy, then sched_setaffinity to another CPU",
};

static const char *field(const ab_csv_table *t, size_t r, const char *name)
{
    return ab_csv_field(t, r, ab_csv_column(t, name));
}

static bool run_bench(const char *dir, const ab_impl *const *impls, size_t n,
                      ab_csv_table *t)
{
    ab_bench_options opt = {.output_dir = dir, .quick = true, .quiet = true,
                            .distributions = 1u << AB_DIST_UNIFORM};
    char path[600];
    snprintf(path, sizeof path, "%s/performance.csv", dir);
    return ab_bench_run(&opt, impls, n) == 0 && ab_csv_read(path, t, false) == AB_CSV_OK;
}

int main(void)
{
    char dir[] = "/tmp/actbench-test-migration-XXXXXX";
    if (mkdtemp(dir) == NULL) {
        perror("mkdtemp");
        return 1;
    }
    const ab_impl *relu = ab_impl_find("relu", "naive");
    CHECK(relu != NULL, "relu naive missing");
    if (relu == NULL)
        return 1;
    ab_csv_table t;

    /* 1. every sample moves */
    ab_cpu_id_override(always_moving);
    bool ok = run_bench(dir, &relu, 1, &t);
    ab_cpu_id_override(NULL);
    CHECK(ok, "bench with a moving CPU id failed");
    for (size_t r = 0; ok && r < t.n_rows; r++) {
        CHECK(strcmp(field(&t, r, "valid"), "0") == 0, "row %zu (%s) valid", r,
              field(&t, r, "activation"));
        CHECK(strstr(field(&t, r, "invalid_reason"), "migrated") != NULL, "reason '%s'",
              field(&t, r, "invalid_reason"));
        CHECK(field(&t, r, "ticks_per_elem_median")[0] == '\0', "invalid row has a median");
        CHECK(atoi(field(&t, r, "samples_migrated")) > 0 &&
                  atoi(field(&t, r, "samples_valid")) == 0,
              "row %zu: %s migrated, %s valid", r, field(&t, r, "samples_migrated"),
              field(&t, r, "samples_valid"));
    }
    if (ok)
        ab_csv_free(&t);

    /* 2. a move once in a while */
    counter = 0;
    ab_cpu_id_override(moving_sometimes);
    ok = run_bench(dir, &relu, 1, &t);
    ab_cpu_id_override(NULL);
    CHECK(ok, "bench with an occasionally moving CPU id failed");
    unsigned migrated = 0;
    for (size_t r = 0; ok && r < t.n_rows; r++) {
        migrated += (unsigned)atoi(field(&t, r, "samples_migrated"));
        CHECK(strstr(field(&t, r, "invalid_reason"), "too few") == NULL,
              "row %zu lost its samples: %s", r, field(&t, r, "invalid_reason"));
    }
    CHECK(migrated > 0, "no migrated sample counted");
    printf("occasional moves: %u samples discarded as migrated\n", migrated);
    if (ok)
        ab_csv_free(&t);

    /* 3. a kernel that really moves the thread */
    /* (the bench pins this thread, so its own affinity shows one CPU) */
    if (sysconf(_SC_NPROCESSORS_ONLN) >= 2) {
        const ab_impl *impls[2] = {relu, &migrating_impl};
        ok = run_bench(dir, impls, 2, &t);
        CHECK(ok, "bench with a migrating kernel failed");
        int seen = 0;
        for (size_t r = 0; ok && r < t.n_rows; r++) {
            if (strcmp(field(&t, r, "variant"), "test-migrating") != 0)
                continue;
            seen++;
            CHECK(strcmp(field(&t, r, "valid"), "0") == 0, "migrating kernel's row valid");
            CHECK(strstr(field(&t, r, "invalid_reason"), "migrated") != NULL, "reason '%s'",
                  field(&t, r, "invalid_reason"));
            CHECK(atoi(field(&t, r, "affinity_resets")) > 0, "affinity never re-asserted");
        }
        CHECK(seen == 2, "%d rows of the migrating kernel, expected 2 (L1, L2)", seen);
        if (ok)
            ab_csv_free(&t);
    } else {
        printf("one CPU only: the real-migration case is skipped\n");
    }

    char cmd[600];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (failures == 0 && system(cmd) != 0)
        fprintf(stderr, "warning: could not remove %s\n", dir);
    if (failures)
        fprintf(stderr, "%d failure(s); results in %s\n", failures, dir);
    return failures ? 1 : 0;
}
