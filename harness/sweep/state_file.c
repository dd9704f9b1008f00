/*
 * The sweep's state as a text file (state.h). Written to memory first, so
 * that a checksum of every byte (64-bit FNV-1a) can close the file as its
 * last line; the file is then written atomically. Load reads the whole
 * file, checks the checksum before parsing anything, parses each line
 * strictly (every key once, every pair's lines once, nothing after the
 * fields) and finally checks the state's invariants (ab_exh_state_check):
 * a corrupted or edited file is rejected, never resumed or merged into a
 * different result.
 */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "atomic_file.h"
#include "sweep/state.h"

/* Version 3 adds the per-pair "metrics" line (the error metrics of
 * accuracy_stats.h); a version-2 file still loads, its metrics marked not
 * measured (and so are those of any merge or resumed sweep it enters). */
#define STATE_MAGIC "actbench-exhaustive-state 3"
#define STATE_MAGIC_V2 "actbench-exhaustive-state 2"
#define STATE_MAGIC_V1 "actbench-exhaustive-state 1"
#define CHECKSUM_KEY "checksum fnv1a-64 "
#define MAX_STATE_BYTES ((size_t)1 << 30)

static uint64_t fnv1a64(const char *data, size_t n)
{
    uint64_t h = 0xcbf29ce484222325ull;
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)data[i];
        h *= 0x100000001b3ull;
    }
    return h;
}

/* ---- writing ---------------------------------------------------------------------- */

static void write_cell(FILE *fp, const char *kind, size_t idx, int a, int b,
                       const ab_exh_cell *c)
{
    if (c->count == 0)
        return;
    if (b >= 0)
        fprintf(fp, "%s %zu %d %d %" PRIu64 " %a %a\n", kind, idx, a, b, c->count, c->max_ulp,
                c->sum_ulp);
    else
        fprintf(fp, "%s %zu %d %" PRIu64 " %a %a\n", kind, idx, a, c->count, c->max_ulp,
                c->sum_ulp);
}

static void write_header(FILE *fp, const ab_exh_state *st)
{
    fprintf(fp, "%s\n", STATE_MAGIC);
    fprintf(fp, "activation %s\nformat %s\nreference %s\n", st->activation,
            ab_exh_format_name(st->format), st->mpfr_reference ? "mpfr" : "fast");
    fprintf(fp, "range 0x%" PRIx64 " 0x%" PRIx64 "\nshard %u %u\nblock_bits %u\n", st->range_lo,
            st->range_hi, st->shard_k, st->shard_n, st->block_bits);
    fprintf(fp, "block_count %" PRIu64 "\nwall_seconds %a\nthreads %u\nshards_merged %u\n",
            st->block_count, st->wall_seconds, st->threads, st->shards_merged);
    fprintf(fp, "cpu_vendor %s\ncpu_model %s\ncpu_family %s\ncpu_model_number %s\n",
            st->cpu.vendor, st->cpu.model, st->cpu.family, st->cpu.model_number);
    fprintf(fp, "cpu_stepping %s\nisa_path %s\n", st->cpu.stepping, st->cpu.isa_path);
    fprintf(fp, "grid %a %a\npairs %zu\ndone ", st->grid_lo, st->grid_hi, st->pair_count);
    for (uint64_t i = 0; i < (st->block_count + 7) / 8; i++)
        fprintf(fp, "%02x", st->done[i]);
    fputc('\n', fp);
}

static void write_pair(FILE *fp, size_t i, const ab_exh_pair *p)
{
    const ab_acc_stats *s = &p->stats;
    fprintf(fp, "pair %zu %s %s\n", i, p->variant, ab_direction_name(p->dir));
    fprintf(fp,
            "stats %zu %" PRIu64 " %" PRIu64 " %" PRIu64 " %" PRIu64 " %" PRIu64
            " %a %a %" PRIu32 " %" PRIu32 " %" PRIu32 "\n",
            i, s->inputs, s->ulp_counted, s->nan_expected, s->correctly_rounded,
            s->over_one_ulp, s->sum_ulp, s->max_ulp, s->worst_x, s->worst_y, s->worst_cr);
    fprintf(fp, "hist %zu", i);
    for (int k = 0; k < AB_HIST_BINS; k++)
        fprintf(fp, " %" PRIu64, s->hist[k]);
    fprintf(fp, "\nclasses %zu", i);
    for (int k = 0; k < AB_CLASS_KINDS; k++)
        fprintf(fp, " %" PRIu64 " %" PRIu32, s->classes[k], s->class_example_x[k]);
    fprintf(fp, "\ncounters %zu %" PRIu64 " %" PRIu64 "\n", i, p->fallbacks, p->reevals);
    const ab_err_max *m[4] = {&s->ulp_normal, &s->rel_normal, &s->abs_err, &s->ftz_ulp_normal};
    fprintf(fp, "metrics %zu %d %" PRIu64 " %" PRIu64 " %" PRIu64, i, s->metrics_measured ? 1 : 0,
            s->normal_counted, s->ftz_changed, s->ftz_special);
    for (int k = 0; k < 4; k++)
        fprintf(fp, " %a %" PRIu32 " %" PRIu32 " %" PRIu32, m[k]->value, m[k]->x, m[k]->y, m[k]->ref);
    fputc('\n', fp);
    for (int sg = 0; sg < 2; sg++)
        for (int e = 0; e < 256; e++)
            write_cell(fp, "binade", i, sg, e, &p->binade[sg][e]);
    for (int g = 0; g < AB_EXH_GRID_BINS; g++)
        write_cell(fp, "gridcell", i, g, -1, &p->grid[g]);
}

bool ab_exh_state_save(const ab_exh_state *st, const char *dir, const char *name)
{
    char *text = NULL;
    size_t len = 0;
    FILE *mem = open_memstream(&text, &len);
    if (mem == NULL) {
        fprintf(stderr, "actbench: out of memory writing %s/%s\n", dir, name);
        return false;
    }
    write_header(mem, st);
    for (size_t i = 0; i < st->pair_count; i++)
        write_pair(mem, i, &st->pairs[i]);
    fprintf(mem, "end\n");
    if (fclose(mem) != 0) {
        free(text);
        fprintf(stderr, "actbench: out of memory writing %s/%s\n", dir, name);
        return false;
    }
    ab_atomic_file af;
    bool ok = ab_atomic_open(&af, dir, name);
    if (ok) {
        fwrite(text, 1, len, af.fp);
        fprintf(af.fp, CHECKSUM_KEY "%016" PRIx64 "\n", fnv1a64(text, len));
        ok = ab_atomic_commit(&af);
    }
    free(text);
    return ok;
}

/* ---- reading ---------------------------------------------------------------------- */

/* The file's bytes, NUL-terminated; NULL with a message. */
static char *read_all(const char *path, size_t *len)
{
    FILE *fp = fopen(path, "rb");
    if (fp == NULL) {
        fprintf(stderr, "actbench: cannot read %s\n", path);
        return NULL;
    }
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    while (buf != NULL) {
        n += fread(buf + n, 1, cap - n - 1, fp);
        if (n < cap - 1 || cap >= MAX_STATE_BYTES)
            break;
        char *bigger = realloc(buf, 2 * cap);
        if (bigger == NULL)
            free(buf);
        buf = bigger;
        cap *= 2;
    }
    bool bad = buf == NULL || ferror(fp) || n >= MAX_STATE_BYTES - 1;
    fclose(fp);
    if (bad) {
        fprintf(stderr, "actbench: cannot read %s (unreadable or too large)\n", path);
        free(buf);
        return NULL;
    }
    buf[n] = '\0';
    *len = n;
    return buf;
}

/* The first line is this format's; the last one the checksum of every byte
 * before it. Returns the length of the checksummed part, or 0 (message). */
static size_t verify_checksum(const char *path, const char *text, size_t len, int *version)
{
    size_t magic = strlen(STATE_MAGIC);
    *version = 3;
    if (strncmp(text, STATE_MAGIC_V2 "\n", magic + 1) == 0)
        *version = 2;
    if (strncmp(text, STATE_MAGIC_V1 "\n", magic + 1) == 0) {
        fprintf(stderr, "actbench: %s: state file of an older actbench, without a checksum: "
                        "it cannot be checked; remove it and re-run the sweep\n", path);
        return 0;
    }
    if (*version == 3 && strncmp(text, STATE_MAGIC "\n", magic + 1) != 0) {
        fprintf(stderr, "actbench: %s: not an exhaustive-sweep state file\n", path);
        return 0;
    }
    const char *last = len >= 2 ? text + len - 2 : text;
    while (last > text && *last != '\n')
        last--;
    size_t body = (size_t)(last - text) + 1;
    char expected[40];
    snprintf(expected, sizeof expected, CHECKSUM_KEY "%016" PRIx64 "\n", fnv1a64(text, body));
    if (len < 2 || text[len - 1] != '\n' || strncmp(last + 1, CHECKSUM_KEY, strlen(CHECKSUM_KEY))) {
        fprintf(stderr, "actbench: %s: truncated state file (no checksum line)\n", path);
        return 0;
    }
    if (strcmp(last + 1, expected) != 0) {
        fprintf(stderr, "actbench: %s: checksum mismatch: the file is corrupted or was "
                        "edited; remove it and re-run\n", path);
        return 0;
    }
    return body;
}

/* Global keys, each required exactly once, in this order of bits. */
static const char *const header_keys[] = {
    "activation", "format",      "reference",  "range",      "shard",
    "block_bits", "block_count", "wall_seconds", "threads",  "shards_merged",
    "cpu_vendor", "cpu_model",   "cpu_family", "cpu_model_number", "cpu_stepping",
    "isa_path",   "grid",        "pairs",      "done",
};
#define HEADER_KEYS (sizeof header_keys / sizeof header_keys[0])

/* Per-pair lines, each required exactly once (bits of pair_seen). */
enum { SEEN_PAIR = 1, SEEN_STATS = 2, SEEN_HIST = 4, SEEN_CLASSES = 8, SEEN_COUNTERS = 16,
       SEEN_METRICS = 32 };
#define SEEN_ALL_V2 31
#define SEEN_ALL 63

typedef struct parser {
    ab_exh_state *st;
    int version;
    uint32_t header_seen;
    uint8_t *pair_seen;
} parser;

/* The line's text after "key " (the whole rest: names may hold spaces). */
static bool copy_rest(const char *rest, char *out, size_t size)
{
    if (*rest != ' ' && *rest != '\0')
        return false;
    rest += *rest == ' ';
    if (strlen(rest) >= size)
        return false;
    strcpy(out, rest);
    return true;
}

static bool parse_done(ab_exh_state *st, const char *rest)
{
    /* at most 2^32 patterns in blocks of at least 2^AB_EXH_MIN_BLOCK_BITS */
    if (st->block_count == 0 || st->block_count > ((uint64_t)1 << (32 - AB_EXH_MIN_BLOCK_BITS)))
        return false;
    size_t bytes = (st->block_count + 7) / 8;
    if (rest[0] != ' ' || strlen(rest + 1) != 2 * bytes)
        return false;
    st->done = calloc(bytes, 1);
    if (st->done == NULL)
        return false;
    for (size_t i = 0; i < bytes; i++) {
        unsigned v;
        int n = 0;
        char hex[3] = {rest[1 + 2 * i], rest[2 + 2 * i], '\0'};
        if (sscanf(hex, "%2x%n", &v, &n) != 1 || n != 2)
            return false;
        st->done[i] = (uint8_t)v;
    }
    return true;
}

/* Scans rest with fmt, which must end in %n (its int* last), and requires
 * the whole of rest consumed. */
#define SCAN_ALL(rest, count, fmt, ...)                                                    \
    (n_used = -1, sscanf(rest, fmt "%n", __VA_ARGS__, &n_used) == (count) && n_used >= 0 && \
                      (rest)[n_used] == '\0')

static bool parse_header_value(ab_exh_state *st, int key, const char *rest)
{
    int n_used;
    char word[128];
    switch (key) {
    case 0: return copy_rest(rest, st->activation, sizeof st->activation) && st->activation[0];
    case 1: return SCAN_ALL(rest, 1, " %127s", word) && ab_exh_format_parse(word, &st->format);
    case 2:
        if (!SCAN_ALL(rest, 1, " %127s", word) ||
            (strcmp(word, "mpfr") != 0 && strcmp(word, "fast") != 0))
            return false;
        st->mpfr_reference = strcmp(word, "mpfr") == 0;
        return true;
    case 3:
        return SCAN_ALL(rest, 2, " 0x%" SCNx64 " 0x%" SCNx64, &st->range_lo, &st->range_hi);
    case 4: return SCAN_ALL(rest, 2, " %u %u", &st->shard_k, &st->shard_n);
    case 5: return SCAN_ALL(rest, 1, " %u", &st->block_bits);
    case 6: return SCAN_ALL(rest, 1, " %" SCNu64, &st->block_count);
    case 7: return SCAN_ALL(rest, 1, " %la", &st->wall_seconds);
    case 8: return SCAN_ALL(rest, 1, " %u", &st->threads);
    case 9: return SCAN_ALL(rest, 1, " %u", &st->shards_merged);
    case 10: return copy_rest(rest, st->cpu.vendor, sizeof st->cpu.vendor);
    case 11: return copy_rest(rest, st->cpu.model, sizeof st->cpu.model);
    case 12: return copy_rest(rest, st->cpu.family, sizeof st->cpu.family);
    case 13: return copy_rest(rest, st->cpu.model_number, sizeof st->cpu.model_number);
    case 14: return copy_rest(rest, st->cpu.stepping, sizeof st->cpu.stepping);
    case 15: return copy_rest(rest, st->cpu.isa_path, sizeof st->cpu.isa_path);
    case 16: return SCAN_ALL(rest, 2, " %la %la", &st->grid_lo, &st->grid_hi);
    case 17:
        if (!SCAN_ALL(rest, 1, " %zu", &st->pair_count) || st->pair_count < 1 ||
            st->pair_count > AB_EXH_MAX_PAIRS)
            return false;
        st->pairs = calloc(st->pair_count, sizeof *st->pairs);
        return st->pairs != NULL;
    case 18: return parse_done(st, rest);
    }
    return false;
}

static bool parse_pair_name(const ab_exh_state *st, ab_exh_pair *p, const char *r)
{
    int n_used;
    char variant[128], dir[32];
    if (!SCAN_ALL(r, 2, " %127s %31s", variant, dir) || strlen(variant) >= sizeof p->variant)
        return false;
    if (strcmp(dir, "forward") != 0 && strcmp(dir, "derivative") != 0)
        return false;
    strcpy(p->variant, variant);
    p->dir = strcmp(dir, "derivative") == 0 ? AB_DERIVATIVE : AB_FORWARD;
    p->impl = ab_impl_find(st->activation, p->variant);
    if (p->impl != NULL) /* a state written under an old name resumes under the current one */
        snprintf(p->variant, sizeof p->variant, "%s", p->impl->variant);
    return true;
}

static bool parse_u64_list(const char *r, uint64_t *v, uint32_t *x, int count)
{
    for (int k = 0; k < count; k++) {
        int n = -1;
        if (x ? sscanf(r, " %" SCNu64 " %" SCNu32 "%n", &v[k], &x[k], &n) != 2
              : sscanf(r, " %" SCNu64 "%n", &v[k], &n) != 1)
            return false;
        r += n;
    }
    return *r == '\0';
}

static bool parse_cell_line(ab_exh_pair *p, bool binade, const char *r)
{
    int n_used, sg = 0, e;
    ab_exh_cell c;
    bool ok = binade ? SCAN_ALL(r, 5, " %d %d %" SCNu64 " %la %la", &sg, &e, &c.count,
                                &c.max_ulp, &c.sum_ulp)
                     : SCAN_ALL(r, 4, " %d %" SCNu64 " %la %la", &e, &c.count, &c.max_ulp,
                                &c.sum_ulp);
    if (!ok || c.count == 0 || sg < 0 || sg > 1 || e < 0 ||
        e >= (binade ? 256 : AB_EXH_GRID_BINS))
        return false;
    ab_exh_cell *cell = binade ? &p->binade[sg][e] : &p->grid[e];
    if (cell->count != 0)
        return false; /* repeated */
    *cell = c;
    return true;
}

/* measured, normal_counted, ftz_changed, ftz_special, then value x y ref
 * of max ULP normal, max relative, max absolute, FTZ max ULP normal. */
static bool parse_metrics(ab_acc_stats *s, const char *r)
{
    int measured, n = -1;
    if (sscanf(r, " %d %" SCNu64 " %" SCNu64 " %" SCNu64 "%n", &measured, &s->normal_counted,
               &s->ftz_changed, &s->ftz_special, &n) != 4 || n < 0 || (measured != 0 && measured != 1))
        return false;
    s->metrics_measured = measured == 1;
    r += n;
    ab_err_max *m[4] = {&s->ulp_normal, &s->rel_normal, &s->abs_err, &s->ftz_ulp_normal};
    for (int k = 0; k < 4; k++) {
        n = -1;
        if (sscanf(r, " %la %" SCNu32 " %" SCNu32 " %" SCNu32 "%n", &m[k]->value, &m[k]->x,
                   &m[k]->y, &m[k]->ref, &n) != 4 || n < 0)
            return false;
        if (!(m[k]->value >= 0 || m[k]->value == -1.0))
            return false;
        r += n;
    }
    return *r == '\0';
}

/* A per-pair line: the key, the pair index, the fields. */
static bool parse_pair_line(parser *ps, const char *key, const char *rest)
{
    ab_exh_state *st = ps->st;
    size_t idx;
    int n = -1;
    if (st->pairs == NULL || sscanf(rest, " %zu%n", &idx, &n) != 1 || idx >= st->pair_count)
        return false;
    ab_exh_pair *p = &st->pairs[idx];
    const char *r = rest + n;
    static const char *const keys[] = {"pair", "stats", "hist", "classes", "counters", "metrics"};
    for (int k = 0; k < 6; k++) {
        if (strcmp(key, keys[k]) != 0)
            continue;
        if ((ps->pair_seen[idx] & (1u << k)) || (k > 0 && !(ps->pair_seen[idx] & SEEN_PAIR)))
            return false;
        ps->pair_seen[idx] |= (uint8_t)(1u << k);
        break;
    }
    ab_acc_stats *s = &p->stats;
    int n_used;
    if (strcmp(key, "pair") == 0) {
        ab_acc_stats_init(s);
        s->metrics_measured = ps->version >= 3;
        return parse_pair_name(st, p, r);
    }
    if (!(ps->pair_seen[idx] & SEEN_PAIR))
        return false;
    if (strcmp(key, "stats") == 0)
        return SCAN_ALL(r, 10,
                        " %" SCNu64 " %" SCNu64 " %" SCNu64 " %" SCNu64 " %" SCNu64
                        " %la %la %" SCNu32 " %" SCNu32 " %" SCNu32,
                        &s->inputs, &s->ulp_counted, &s->nan_expected, &s->correctly_rounded,
                        &s->over_one_ulp, &s->sum_ulp, &s->max_ulp, &s->worst_x, &s->worst_y,
                        &s->worst_cr);
    if (strcmp(key, "hist") == 0)
        return parse_u64_list(r, s->hist, NULL, AB_HIST_BINS);
    if (strcmp(key, "classes") == 0)
        return parse_u64_list(r, s->classes, s->class_example_x, AB_CLASS_KINDS);
    if (strcmp(key, "counters") == 0)
        return SCAN_ALL(r, 2, " %" SCNu64 " %" SCNu64, &p->fallbacks, &p->reevals);
    if (strcmp(key, "metrics") == 0)
        return ps->version >= 3 && parse_metrics(s, r);
    if (strcmp(key, "binade") == 0 || strcmp(key, "gridcell") == 0)
        return parse_cell_line(p, key[0] == 'b', r);
    return false;
}

static bool parse_line(parser *ps, char *line)
{
    char key[32];
    size_t klen = strcspn(line, " ");
    if (klen == 0 || klen >= sizeof key)
        return false;
    memcpy(key, line, klen);
    key[klen] = '\0';
    const char *rest = line + klen;
    for (size_t k = 0; k < HEADER_KEYS; k++) {
        if (strcmp(key, header_keys[k]) != 0)
            continue;
        /* once each; done after block_count, pair lines after pairs */
        if ((ps->header_seen >> k) & 1 || (k == 18 && !((ps->header_seen >> 6) & 1)))
            return false;
        ps->header_seen |= 1u << k;
        if (!parse_header_value(ps->st, (int)k, rest))
            return false;
        if (k == 17)
            ps->pair_seen = calloc(ps->st->pair_count, 1);
        return k != 17 || ps->pair_seen != NULL;
    }
    return parse_pair_line(ps, key, rest);
}

/* Every line of the body (after the magic, up to "end"). */
static bool parse_body(const char *path, char *body, parser *ps)
{
    int lineno = 1;
    bool ended = false;
    char *save = NULL;
    strtok_r(body, "\n", &save); /* the magic */
    for (char *line = strtok_r(NULL, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
        lineno++;
        if (ended || strcmp(line, "end") == 0) {
            if (ended) {
                fprintf(stderr, "actbench: %s:%d: text after the end line\n", path, lineno);
                return false;
            }
            ended = true;
            continue;
        }
        if (!parse_line(ps, line)) {
            fprintf(stderr, "actbench: %s:%d: malformed or repeated state file line\n", path,
                    lineno);
            return false;
        }
    }
    bool complete = ended && ps->header_seen == (1u << HEADER_KEYS) - 1;
    for (size_t i = 0; complete && i < ps->st->pair_count; i++)
        complete = ps->pair_seen[i] == (ps->version >= 3 ? SEEN_ALL : SEEN_ALL_V2);
    if (!complete)
        fprintf(stderr, "actbench: %s: incomplete state file (a line is missing)\n", path);
    return complete;
}

bool ab_exh_state_load(const char *path, ab_exh_state *st)
{
    memset(st, 0, sizeof *st);
    size_t len;
    char *text = read_all(path, &len);
    if (text == NULL)
        return false;
    parser ps = {st, 3, 0, NULL};
    size_t body = verify_checksum(path, text, len, &ps.version);
    bool ok = false;
    if (body > 0) {
        text[body] = '\0';
        ok = parse_body(path, text, &ps);
    }
    char why[200];
    if (ok && !ab_exh_state_check(st, why, sizeof why)) {
        fprintf(stderr, "actbench: %s: inconsistent state file: %s\n", path, why);
        ok = false;
    }
    free(ps.pair_seen);
    free(text);
    if (!ok)
        ab_exh_state_free(st);
    return ok;
}
