/*
 * docs/activations.md's tables, printed from the activation list
 * (impls/include/actbench/activation_list.def), so the docs cannot drift:
 *
 *   test_activation_docs [FILE]          check: FILE's generated part (between
 *                                        the two marker lines) is what the
 *                                        list prints; exit 1 and a diff hint
 *                                        otherwise (the ctest)
 *   test_activation_docs --print         print the generated part
 *   test_activation_docs --write [FILE]  replace FILE's generated part
 *
 * FILE defaults to docs/activations.md of the source tree this test was
 * compiled from. Two tables: definitions and conventions (name, f, f',
 * parameters, conventions at kinks and zeros, output range), and the
 * reference's binary32 values at ±0 and ±inf (at_zero_inf) with the default
 * parameters. Text is the list's, with '|' escaped for Markdown.
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "actbench/actbench.h"

#define BEGIN_MARK                                                                        \
    "<!-- generated from impls/include/actbench/activation_list.def by "                  \
    "build/tests/test_activation_docs --write: edit the list, not this part -->"
#define END_MARK "<!-- end of the generated part -->"

typedef struct text {
    char *s;
    size_t len, cap;
} text;

static void append(text *t, const char *s)
{
    size_t n = strlen(s);
    if (t->len + n + 1 > t->cap) {
        t->cap = 2 * (t->len + n + 1);
        t->s = realloc(t->s, t->cap);
        if (t->s == NULL) {
            perror("realloc");
            exit(2);
        }
    }
    memcpy(t->s + t->len, s, n + 1);
    t->len += n;
}

/* A table cell: the list's text with '|' escaped, "—" for none. */
static void cell(text *t, const char *s)
{
    append(t, " ");
    if (s == NULL) {
        append(t, "—");
    } else {
        for (const char *p = s; *p; p++) {
            char c[3] = {*p, 0, 0};
            append(t, *p == '|' ? "\\|" : c);
        }
    }
    append(t, " |");
}

/* A binary32 value: ±0 and ±∞ with their sign, others to 6 digits. */
static void value_cell(text *t, float v)
{
    char buf[64];
    if (isnan(v))
        snprintf(buf, sizeof buf, "NaN");
    else if (isinf(v))
        snprintf(buf, sizeof buf, "%s∞", v < 0 ? "−" : "+");
    else if (v == 0)
        snprintf(buf, sizeof buf, "%s0", signbit(v) ? "−" : "+");
    else
        snprintf(buf, sizeof buf, "%s%g", v < 0 ? "−" : "", fabs((double)v));
    cell(t, buf);
}

static void generate(text *t)
{
    append(t, BEGIN_MARK "\n\n");
    append(t, "| name | f(x) | f'(x) | parameters (default) | convention at kinks / zeros "
              "| output range |\n|---|---|---|---|---|---|\n");
    for (size_t i = 0; i < ab_activation_count(); i++) {
        const ab_activation *a = ab_activation_at(i);
        char name[96];
        if (a->alias != NULL)
            snprintf(name, sizeof name, "%s (%s)", a->name, a->alias);
        else
            snprintf(name, sizeof name, "%s%s", a->name, a->is_vector ? " (vector)" : "");
        append(t, "|");
        cell(t, name);
        cell(t, a->formula);
        cell(t, a->derivative_formula);
        cell(t, a->parameters);
        cell(t, a->conventions);
        cell(t, a->output_range);
        append(t, "\n");
    }
    append(t, "\nThe reference's binary32 values at ±0 and ±∞ with the default parameters "
              "(bitwise, sign of zero included; checked by `tests/test_reference_selfcheck.c`):"
              "\n\n| name | f(+0) | f(−0) | f(−∞) | f(+∞) | f'(+0) | f'(−0) | f'(−∞) | f'(+∞) |\n"
              "|---|---|---|---|---|---|---|---|---|\n");
    for (size_t i = 0; i < ab_activation_count(); i++) {
        const ab_activation *a = ab_activation_at(i);
        if (a->is_vector)
            continue;
        append(t, "|");
        cell(t, a->name);
        for (int d = 0; d < 2; d++)
            for (int k = 0; k < 4; k++)
                value_cell(t, a->at_zero_inf[d][k]);
        append(t, "\n");
    }
    append(t, "\n" END_MARK "\n");
}

static char *read_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL) {
        fprintf(stderr, "test_activation_docs: cannot read %s: %s\n", path, strerror(errno));
        exit(2);
    }
    text t = {0};
    char buf[4096];
    size_t n;
    append(&t, "");
    while ((n = fread(buf, 1, sizeof buf - 1, f)) > 0) {
        buf[n] = '\0';
        append(&t, buf);
    }
    fclose(f);
    return t.s;
}

/* The generated part of doc: [*begin, *end) from the start of the begin
 * marker line to the end of the end marker line. False when either marker
 * is missing or they are out of order. */
static bool find_part(const char *doc, const char **begin, const char **end)
{
    const char *b = strstr(doc, BEGIN_MARK "\n");
    const char *e = b ? strstr(b, END_MARK "\n") : NULL;
    if (b == NULL || e == NULL || (b != doc && b[-1] != '\n') || e[-1] != '\n')
        return false;
    *begin = b;
    *end = e + strlen(END_MARK "\n");
    return true;
}

static int write_doc(const char *path, const char *doc, const char *begin, const char *end,
                     const char *part)
{
    char tmp[4096];
    snprintf(tmp, sizeof tmp, "%s.tmp", path);
    FILE *f = fopen(tmp, "wb");
    if (f == NULL) {
        fprintf(stderr, "test_activation_docs: cannot write %s: %s\n", tmp, strerror(errno));
        return 2;
    }
    fwrite(doc, 1, (size_t)(begin - doc), f);
    fputs(part, f);
    fputs(end, f);
    if (fclose(f) != 0 || rename(tmp, path) != 0) {
        fprintf(stderr, "test_activation_docs: cannot replace %s: %s\n", path, strerror(errno));
        remove(tmp);
        return 2;
    }
    printf("%s: generated part rewritten from the activation list\n", path);
    return 0;
}

/* Checks (or, with write, rewrites) the generated part of the document
 * doc read from path against part. */
static int compare_or_write(const char *path, const char *doc, const text *part, bool write)
{
    const char *begin, *end;
    if (!find_part(doc, &begin, &end)) {
        fprintf(stderr, "test_activation_docs: %s lacks the marker lines\n  %s\n  %s\n", path,
                BEGIN_MARK, END_MARK);
        return 2;
    }
    if (write)
        return write_doc(path, doc, begin, end, part->s);
    if ((size_t)(end - begin) == part->len && memcmp(begin, part->s, part->len) == 0) {
        printf("%s: the generated part matches the activation list\n", path);
        return 0;
    }
    printf("FAIL %s differs from the activation list; regenerate it with\n"
           "  build/tests/test_activation_docs --write\n", path);
    return 1;
}

int main(int argc, char **argv)
{
    bool print = argc > 1 && strcmp(argv[1], "--print") == 0;
    bool write = argc > 1 && strcmp(argv[1], "--write") == 0;
    int first_path = (print || write) ? 2 : 1;
    if (argc > first_path + 1 || (argc > first_path && argv[first_path][0] == '-') ||
        (print && argc > 2)) {
        fprintf(stderr, "usage: test_activation_docs [--print | --write] [FILE]\n");
        return 2;
    }
    text part = {0};
    generate(&part);
    if (print) {
        fputs(part.s, stdout);
        free(part.s);
        return 0;
    }

    /* This file is SOURCE/tests/test_activation_docs.c. */
    char path[4096];
    if (argc > first_path) {
        snprintf(path, sizeof path, "%s", argv[first_path]);
    } else {
        snprintf(path, sizeof path, "%s", __FILE__);
        char *slash = strrchr(path, '/');
        *(slash ? slash : path) = '\0';
        strncat(path, "/../docs/activations.md", sizeof path - strlen(path) - 1);
    }
    char *doc = read_file(path);
    int rc = compare_or_write(path, doc, &part, write);
    free(doc);
    free(part.s);
    return rc;
}
