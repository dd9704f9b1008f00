/*
 * The CPU identity of a sweep (cpu.h), from the first processor of
 * /proc/cpuinfo (Linux prints the cpuid vendor, brand string and the
 * family/model/stepping with the extended fields added), and the widest ISA
 * of ab_isa that ab_cpu_has accepts. Off Linux or off x86 the missing
 * fields stay empty.
 */
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include "sweep/cpu.h"

static ab_exh_cpu g_cpu;
static pthread_once_t g_once = PTHREAD_ONCE_INIT;

/* The value of "key<tabs>: value" when line has that key. */
static const char *cpuinfo_value(const char *line, const char *key)
{
    size_t n = strlen(key);
    if (strncmp(line, key, n) != 0)
        return NULL;
    const char *colon = line + n + strspn(line + n, " \t"); /* "model" is not "model name" */
    if (*colon != ':')
        return NULL;
    colon++;
    return colon + strspn(colon, " \t");
}

static void set_field(char *field, size_t size, const char *value)
{
    if (field[0] != '\0' || value == NULL)
        return; /* the first processor's */
    snprintf(field, size, "%.*s", (int)strcspn(value, "\n,;"), value);
}

static void probe(void)
{
    FILE *fp = fopen("/proc/cpuinfo", "r");
    char line[512];
    while (fp != NULL && fgets(line, sizeof line, fp) != NULL) {
        ab_exh_cpu *c = &g_cpu;
        set_field(c->vendor, sizeof c->vendor, cpuinfo_value(line, "vendor_id"));
        set_field(c->model, sizeof c->model, cpuinfo_value(line, "model name"));
        set_field(c->family, sizeof c->family, cpuinfo_value(line, "cpu family"));
        set_field(c->model_number, sizeof c->model_number, cpuinfo_value(line, "model"));
        set_field(c->stepping, sizeof c->stepping, cpuinfo_value(line, "stepping"));
    }
    if (fp != NULL)
        fclose(fp);
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
