/* See machine_id.h. */
#include <ctype.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/utsname.h>

#if defined(__x86_64__)
#include <cpuid.h>
#endif

#include "output/machine_id.h"

static ab_cpu_identity identity;

static void trim(char *s)
{
    size_t start = strspn(s, " \t");
    memmove(s, s + start, strlen(s + start) + 1);
    size_t len = strlen(s);
    while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t' || s[len - 1] == '\n'))
        s[--len] = '\0';
}

#if defined(__x86_64__)
static void probe_x86(ab_cpu_identity *id)
{
    unsigned a, b, c, d;
    unsigned max_basic = __get_cpuid_max(0, NULL);
    __cpuid(0, a, b, c, d);
    memcpy(id->vendor + 0, &b, 4);
    memcpy(id->vendor + 4, &d, 4);
    memcpy(id->vendor + 8, &c, 4);
    id->vendor[12] = '\0';

    unsigned max_ext = __get_cpuid_max(0x80000000u, NULL);
    if (max_ext >= 0x80000004u) {
        unsigned regs[12];
        for (unsigned i = 0; i < 3; i++)
            __cpuid(0x80000002u + i, regs[4 * i], regs[4 * i + 1], regs[4 * i + 2],
                    regs[4 * i + 3]);
        memcpy(id->model_name, regs, 48);
        id->model_name[48] = '\0';
    }
    unsigned eax1 = 0, ecx1 = 0, ebx7 = 0;
    if (max_basic >= 1)
        __cpuid(1, eax1, b, ecx1, d);
    if (max_basic >= 7)
        __cpuid_count(7, 0, a, ebx7, c, d);
    unsigned base_family = (eax1 >> 8) & 0xf, base_model = (eax1 >> 4) & 0xf;
    id->stepping = eax1 & 0xf;
    id->family = base_family == 0xf ? base_family + ((eax1 >> 20) & 0xff) : base_family;
    id->model = base_family == 0x6 || base_family == 0xf
                    ? base_model + (((eax1 >> 16) & 0xf) << 4) : base_model;

    bool os_avx = false, os_zmm = false;
    if ((ecx1 >> 27) & 1) { /* OSXSAVE: XCR0 says which register state the OS saves */
        uint32_t xcr0_lo, xcr0_hi;
        __asm__ volatile("xgetbv" : "=a"(xcr0_lo), "=d"(xcr0_hi) : "c"(0));
        os_avx = (xcr0_lo & 0x6) == 0x6;
        os_zmm = (xcr0_lo & 0xe6) == 0xe6;
    }
    const char *isa = "sse2";
    if (os_zmm && ((ebx7 >> 16) & 1))
        isa = "avx512";
    else if (os_avx && ((ebx7 >> 5) & 1) && ((ecx1 >> 12) & 1))
        isa = "avx2";
    else if (os_avx && ((ecx1 >> 28) & 1))
        isa = "avx";
    else if ((ecx1 >> 20) & 1)
        isa = "sse4.2";
    snprintf(id->widest_isa, sizeof id->widest_isa, "%s", isa);
}
#endif

/* The model name from /proc/cpuinfo when cpuid gave none (or off x86). */
static void probe_proc_model_name(ab_cpu_identity *id)
{
    FILE *fp = fopen("/proc/cpuinfo", "r");
    if (fp == NULL)
        return;
    char line[512];
    while (fgets(line, sizeof line, fp) != NULL)
        if (strncmp(line, "model name", 10) == 0 && strchr(line, ':') != NULL) {
            snprintf(id->model_name, sizeof id->model_name, "%s", strchr(line, ':') + 1);
            break;
        }
    fclose(fp);
}

static const char *vendor_slug(const char *vendor)
{
    static const char *const known[][2] = {
        {"AuthenticAMD", "amd"}, {"GenuineIntel", "intel"}, {"HygonGenuine", "hygon"},
        {"CentaurHauls", "centaur"}, {"  Shanghai  ", "zhaoxin"}};
    for (size_t i = 0; i < sizeof known / sizeof known[0]; i++)
        if (strcmp(vendor, known[i][0]) == 0)
            return known[i][1];
    return NULL;
}

static bool ignored_word(const char *word, const char *vendor)
{
    static const char *const noise[] = {"cpu", "processor", "amd", "intel", "with", "radeon",
                                        "graphics"};
    for (size_t i = 0; i < sizeof noise / sizeof noise[0]; i++)
        if (strcmp(word, noise[i]) == 0)
            return true;
    size_t len = strlen(word);
    return strcmp(word, vendor) == 0 || (len > 5 && strcmp(word + len - 5, "-core") == 0);
}

/* Appends the slug of the model name to out: lowercase words of [a-z0-9-],
 * noise words dropped, stopping at '@'. */
static void model_slug(const char *name, const char *vendor, char *out, size_t size)
{
    char word[64];
    size_t k = 0;
    for (const char *p = name;; p++) {
        bool end = *p == '\0' || *p == '@';
        if (end || *p == ' ') {
            word[k] = '\0';
            if (k > 0 && !ignored_word(word, vendor)) {
                size_t used = strlen(out);
                snprintf(out + used, size - used, "%s%s", used ? "-" : "", word);
            }
            k = 0;
            if (end)
                break;
            continue;
        }
        if (*p == '(') { /* (R), (TM) */
            const char *close = strchr(p, ')');
            if (close != NULL) {
                p = close;
                continue;
            }
        }
        char ch = (char)tolower((unsigned char)*p);
        if ((isalnum((unsigned char)ch) || ch == '-') && k + 1 < sizeof word)
            word[k++] = ch;
    }
}

const ab_cpu_identity *ab_cpu_identity_get(void)
{
    static bool probed;
    if (probed)
        return &identity;
    probed = true;
    ab_cpu_identity *id = &identity;
#if defined(__x86_64__)
    probe_x86(id);
#endif
    trim(id->model_name);
    if (id->model_name[0] == '\0') {
        probe_proc_model_name(id);
        trim(id->model_name);
    }
    if (id->widest_isa[0] == '\0') {
        struct utsname u;
        snprintf(id->widest_isa, sizeof id->widest_isa, "%.15s",
                 uname(&u) == 0 ? u.machine : "unknown");
    }
    char vendor[16] = "";
    const char *known = vendor_slug(id->vendor);
    if (known != NULL)
        snprintf(vendor, sizeof vendor, "%s", known);
    else
        model_slug(id->vendor[0] ? id->vendor : "unknown", "", vendor, sizeof vendor);
    char slug[96] = "";
    model_slug(id->model_name, vendor, slug, sizeof slug);
    if (strpbrk(slug, "0123456789") == NULL) {
        size_t used = strlen(slug);
        snprintf(slug + used, sizeof slug - used, "%sf%xm%x", used ? "-" : "", id->family,
                 id->model);
    }
    char isa[sizeof id->widest_isa];
    memcpy(isa, id->widest_isa, sizeof isa);
    for (char *p = isa; *p; p++)
        if (!isalnum((unsigned char)*p))
            *p = '-';
    snprintf(id->machine_id, sizeof id->machine_id, "%s-%s-%s", vendor, slug, isa);
    return id;
}
