/*
 * The CPU identity of a sweep (cpu.h): vendor, brand string and
 * family/model/stepping from the probe every result file uses
 * (output/machine_id.h), and the widest ISA of ab_isa that ab_cpu_has
 * accepts (the kernels' path, e.g. avx2+fma, where machine_id gives the
 * CPU's widest). Off x86 the cpuid fields stay empty.
 */
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include "output/machine_id.h"
#include "sweep/cpu.h"

static ab_exh_cpu g_cpu;
static pthread_once_t g_once = PTHREAD_ONCE_INIT;

/* A text field without the separators of the CSV and of joined values. */
static void set_field(char *field, size_t size, const char *value)
{
    snprintf(field, size, "%.*s", (int)strcspn(value, "\n,;"), value);
}

static void probe(void)
{
    const ab_cpu_identity *id = ab_cpu_identity_get();
    set_field(g_cpu.vendor, sizeof g_cpu.vendor, id->vendor);
    set_field(g_cpu.model, sizeof g_cpu.model, id->model_name);
    if (id->vendor[0] != '\0') {
        snprintf(g_cpu.family, sizeof g_cpu.family, "%u", id->family);
        snprintf(g_cpu.model_number, sizeof g_cpu.model_number, "%u", id->model);
        snprintf(g_cpu.stepping, sizeof g_cpu.stepping, "%u", id->stepping);
    }
    /* ab_isa lists ISAs from the narrowest; ab_isa_name says "unknown" past the end */
    for (int isa = 0; strcmp(ab_isa_name((ab_isa)isa), "unknown") != 0; isa++)
        if (ab_cpu_has((ab_isa)isa))
            snprintf(g_cpu.isa_path, sizeof g_cpu.isa_path, "%s", ab_isa_name((ab_isa)isa));
}

const ab_exh_cpu *ab_exh_cpu_this(void)
{
    pthread_once(&g_once, probe);
    return &g_cpu;
}

/* Appends value to the ';' list in field unless it is listed. */
static void join_field(char *field, size_t size, const char *value)
{
    size_t n = strlen(value);
    if (strcmp(field, value) == 0)
        return;
    for (const char *p = field; *p;) {
        size_t len = strcspn(p, ";");
        if (len == n && strncmp(p, value, n) == 0)
            return;
        p += len + (p[len] == ';');
    }
    size_t used = strlen(field);
    snprintf(field + used, size - used, ";%s", value);
}

void ab_exh_cpu_join(ab_exh_cpu *into, const ab_exh_cpu *from)
{
    join_field(into->vendor, sizeof into->vendor, from->vendor);
    join_field(into->model, sizeof into->model, from->model);
    join_field(into->family, sizeof into->family, from->family);
    join_field(into->model_number, sizeof into->model_number, from->model_number);
    join_field(into->stepping, sizeof into->stepping, from->stepping);
    join_field(into->isa_path, sizeof into->isa_path, from->isa_path);
}
