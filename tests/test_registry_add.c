/*
 * ab_registry_add, the door for libactbench_peers and plugins: a valid table
 * is appended after the built-in kernels and found by name; each kind of bad
 * entry is refused with a reason and adds nothing, even when the entries
 * before it were good. Linked with libactbench alone.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "actbench/actbench.h"

static int failures;

static void copy_kernel(const float *x, float *y, size_t n, const ab_params *p)
{
    (void)p;
    memmove(y, x, n * sizeof *x);
}

static const ab_impl good = {"identity", "test-copy", AB_ISA_SCALAR, copy_kernel, copy_kernel,
                             {0, 0}, {1e30, 0}, 0, "memmove"};

static void expect_refused(const char *what, ab_impl bad, const char *reason)
{
    ab_impl table[2] = {good, bad};
    table[0].variant = "test-copy-before-bad";
    size_t before = ab_impl_count();
    char err[256] = "";
    bool added = ab_registry_add(table, 2, err, sizeof err);
    if (added || ab_impl_count() != before || strstr(err, reason) == NULL) {
        fprintf(stderr, "FAIL: %s: added=%d count %zu -> %zu, err '%s' (wanted '%s')\n", what,
                added, before, ab_impl_count(), err, reason);
        failures++;
    }
}

int main(void)
{
    size_t built_in = ab_impl_count();
    char err[256];
    if (!ab_registry_add(&good, 1, err, sizeof err) || ab_impl_count() != built_in + 1 ||
        ab_impl_at(built_in) != &good || ab_impl_find("identity", "test-copy") != &good) {
        fprintf(stderr, "FAIL: a valid entry was not appended and found (%s)\n", err);
        failures++;
    }

    ab_impl bad = good;
    bad.activation = "no_such";
    expect_refused("unknown activation", bad, "unknown activation");
    bad = good, bad.activation = "swish", bad.variant = "x";
    expect_refused("alias instead of name", bad, "canonical name");
    bad = good, bad.variant = "";
    expect_refused("empty variant", bad, "empty variant");
    bad = good, bad.variant = "x", bad.forward = NULL;
    expect_refused("no forward", bad, "no forward kernel");
    bad = good, bad.variant = "x", bad.isa = (ab_isa)99;
    expect_refused("unknown ISA", bad, "unknown ISA");
    bad = good, bad.variant = "x", bad.flags = AB_FLAG_VECTOR;
    expect_refused("vector flag on an elementwise activation", bad, "AB_FLAG_VECTOR");
    bad = good, bad.variant = "x", bad.flags = 1u << 30;
    expect_refused("unknown flag", bad, "unknown flag");
    bad = good, bad.variant = "x", bad.forward_bound.max_ulp = NAN;
    expect_refused("NaN bound", bad, "negative or NaN");
    bad = good;
    expect_refused("already registered", bad, "already registered");
    bad = good, bad.variant = "test-copy-before-bad";
    expect_refused("listed twice", bad, "listed twice");

    printf("%s\n", failures ? "FAILED" : "registry_add: valid table appended, 10 bad ones refused");
    return failures ? 1 : 0;
}
