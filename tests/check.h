/* CHECK(cond, printf-args): counts and reports a failed expectation without
 * stopping the test, so one run shows every failure. Each test returns
 * non-zero when `failures` is. */
#ifndef ACTBENCH_TESTS_CHECK_H
#define ACTBENCH_TESTS_CHECK_H

#include <stdio.h>

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

#endif
