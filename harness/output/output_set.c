/* See output_set.h for the method. */
#include <cJSON.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <zlib.h>

#include "atomic_file.h"
#include "csv_table.h"
#include "output/cleanup.h"
#include "output/csv_merge.h"
#include "output/machine_id.h"
#include "output/output_set.h"

#define PATH_SIZE 4096
#define MAX_FILES 128
#define MAX_DIRS 16
#define MAX_RULES 16
#define STAGING_PREFIX ".actbench-staging."
#define LOCK_NAME ".actbench.lock"
#define JOURNAL_NAME "COMMIT"
#define MANIFEST_NAME "manifest.json"

typedef struct staged_file {
    char rel[1024]; /* path below the results directory */
    int slot;       /* cleanup slot of the staged copy */
    bool complete;
} staged_file;

static struct {
    bool open;
    char dir[PATH_SIZE], staging[PATH_SIZE];
    int staging_slot, lock_fd;
    char command[2048];
    size_t n_files, n_dirs;
    staged_file files[MAX_FILES];
    int dir_slots[MAX_DIRS];
    size_t n_rules;
    struct merge_rule {
        char rel[1024];
        const char *const *keys;
        size_t n_keys;
    } rules[MAX_RULES];
} set = {.lock_fd = -1};

static int remove_entry(const char *path, const struct stat *st, int type, struct FTW *ftw)
{
    (void)st, (void)ftw;
    return type == FTW_DP ? rmdir(path) : unlink(path);
}

/* rm -r of one of our own staging directories. */
static void remove_tree(const char *path)
{
    nftw(path, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
}

static bool join(char *out, size_t size, const char *a, const char *b)
{
    if (snprintf(out, size, "%s/%s", a, b) < (int)size)
        return true;
    fprintf(stderr, "actbench: path too long: %s/%s\n", a, b);
    return false;
}

/* mkdir -p of the directories of rel below base (not rel's last part). */
static bool make_parents(const char *base, const char *rel, bool register_dirs)
{
    char path[PATH_SIZE];
    if (!join(path, sizeof path, base, rel))
        return false;
    for (char *p = path + strlen(base) + 1; (p = strchr(p, '/')) != NULL; p++) {
        *p = '\0';
        bool made = mkdir(path, 0777) == 0;
        if (!made && errno != EEXIST) {
            fprintf(stderr, "actbench: cannot create directory %s: %s\n", path, strerror(errno));
            return false;
        }
        if (made && register_dirs && set.n_dirs < MAX_DIRS)
            set.dir_slots[set.n_dirs++] = ab_cleanup_register(path, true);
        *p = '/';
    }
    return true;
}

static void fsync_dir(const char *path)
{
    int fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        fsync(fd);
        close(fd);
    }
}

/* Renames every file the journal of staging lists into dir, in order, and
 * removes staging. Files already renamed (an earlier, interrupted attempt)
 * are skipped. */
static bool roll_forward(const char *dir, const char *staging)
{
    char journal[PATH_SIZE], src[PATH_SIZE], dst[PATH_SIZE];
    if (!join(journal, sizeof journal, staging, JOURNAL_NAME))
        return false;
    FILE *fp = fopen(journal, "r");
    if (fp == NULL) {
        fprintf(stderr, "actbench: cannot read %s: %s\n", journal, strerror(errno));
        return false;
    }
    char line[1100];
    bool ok = true;
    while (ok && fgets(line, sizeof line, fp) != NULL) {
        line[strcspn(line, "\n")] = '\0';
        if (line[0] == '\0')
            continue;
        ok = join(src, sizeof src, staging, line) && join(dst, sizeof dst, dir, line) &&
             make_parents(dir, line, false);
        if (ok && rename(src, dst) != 0 && errno != ENOENT) {
            fprintf(stderr, "actbench: cannot move %s to %s: %s\n", src, dst, strerror(errno));
            ok = false;
        }
    }
    fclose(fp);
    fsync_dir(dir);
    if (ok)
        remove_tree(staging);
    return ok;
}

/* Finishes journaled commits and removes abandoned staging directories. */
static bool recover(const char *dir)
{
    DIR *d = opendir(dir);
    if (d == NULL) {
        fprintf(stderr, "actbench: cannot read directory %s: %s\n", dir, strerror(errno));
        return false;
    }
    bool ok = true;
    struct dirent *e;
    while (ok && (e = readdir(d)) != NULL) {
        if (strncmp(e->d_name, STAGING_PREFIX, strlen(STAGING_PREFIX)) != 0)
            continue;
        char staging[PATH_SIZE], journal[PATH_SIZE];
        if (!join(staging, sizeof staging, dir, e->d_name) ||
            !join(journal, sizeof journal, staging, JOURNAL_NAME))
            continue;
        if (access(journal, F_OK) == 0) {
            fprintf(stderr, "actbench: completing an interrupted commit in %s\n", dir);
            ok = roll_forward(dir, staging);
        } else {
            remove_tree(staging);
        }
    }
    closedir(d);
    return ok;
}

static bool take_lock(const char *dir)
{
    char path[PATH_SIZE];
    if (!join(path, sizeof path, dir, LOCK_NAME))
        return false;
    int fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd < 0) {
        fprintf(stderr, "actbench: cannot create the lock file %s: %s\n", path, strerror(errno));
        return false;
    }
    if (flock(fd, LOCK_EX | LOCK_NB) != 0) {
        char owner[32] = "";
        ssize_t got = pread(fd, owner, sizeof owner - 1, 0);
        owner[got > 0 ? got : 0] = '\0';
        owner[strcspn(owner, "\n")] = '\0';
        if (errno == EWOULDBLOCK || errno == EAGAIN || got >= 0)
            fprintf(stderr, "actbench: another actbench%s%s%s is writing to %s; wait for it to "
                            "finish or choose another --output\n",
                    owner[0] ? " (pid " : "", owner, owner[0] ? ")" : "", dir);
        close(fd);
        return false;
    }
    char pid[32];
    int len = snprintf(pid, sizeof pid, "%ld\n", (long)getpid());
    if (ftruncate(fd, 0) != 0 || pwrite(fd, pid, (size_t)len, 0) != len) {
        /* the pid is only for the message of a second run; the lock holds */
    }
    set.lock_fd = fd;
    return true;
}

static void release(void)
{
    for (size_t i = 0; i < set.n_files; i++)
        ab_cleanup_forget(set.files[i].slot);
    for (size_t i = 0; i < set.n_dirs; i++)
        ab_cleanup_forget(set.dir_slots[i]);
    ab_cleanup_forget(set.staging_slot);
    if (set.lock_fd >= 0)
        close(set.lock_fd); /* releases the flock */
    set.lock_fd = -1;
    set.open = false;
    set.n_files = set.n_dirs = set.n_rules = 0;
}

bool ab_output_begin(const char *dir, int argc, char **argv)
{
    if (set.open) {
        fprintf(stderr, "actbench: internal error: two output sets at once\n");
        return false;
    }
    if (!ab_ensure_output_dir(dir))
        return false;
    size_t len = strlen(dir);
    while (len > 1 && dir[len - 1] == '/')
        len--;
    if (len >= sizeof set.dir) {
        fprintf(stderr, "actbench: path too long: %s\n", dir);
        return false;
    }
    memcpy(set.dir, dir, len);
    set.dir[len] = '\0';
    set.staging_slot = -1;
    set.n_files = set.n_dirs = 0;
    set.command[0] = '\0';
    for (int i = 0; i < argc; i++) {
        size_t used = strlen(set.command);
        snprintf(set.command + used, sizeof set.command - used, "%s%s", i ? " " : "", argv[i]);
    }
    ab_cleanup_install();
    if (!take_lock(set.dir))
        return false;
    if (!recover(set.dir) || !join(set.staging, sizeof set.staging, set.dir,
                                   STAGING_PREFIX "XXXXXX")) {
        release();
        return false;
    }
    ab_cleanup_block_signals(true); /* no window between mkdtemp and registration */
    bool made = mkdtemp(set.staging) != NULL;
    set.staging_slot = made ? ab_cleanup_register(set.staging, true) : -1;
    ab_cleanup_block_signals(false);
    if (!made) {
        fprintf(stderr, "actbench: cannot write in %s: %s\n", set.dir, strerror(errno));
        release();
        return false;
    }
    set.open = true;
    return true;
}

static staged_file *find_staged(const char *staged)
{
    char path[PATH_SIZE];
    for (size_t i = 0; i < set.n_files; i++)
        if (join(path, sizeof path, set.staging, set.files[i].rel) && strcmp(path, staged) == 0)
            return &set.files[i];
    return NULL;
}

bool ab_output_stage_path(const char *dir, const char *name, char *staged, size_t size,
                          bool *error)
{
    *error = false;
    size_t len = strlen(set.dir);
    if (!set.open || strncmp(dir, set.dir, len) != 0 || (dir[len] != '\0' && dir[len] != '/'))
        return false;
    const char *sub = dir + len;
    while (*sub == '/')
        sub++;
    char rel[1024];
    if (snprintf(rel, sizeof rel, "%s%s%s", sub, *sub ? "/" : "", name) >= (int)sizeof rel ||
        !join(staged, size, set.staging, rel) || !make_parents(set.staging, rel, true)) {
        *error = true;
        return true;
    }
    if (find_staged(staged) != NULL) /* written a second time: the last one counts */
        return true;
    if (set.n_files == MAX_FILES) {
        fprintf(stderr, "actbench: too many output files in one command\n");
        *error = true;
        return true;
    }
    staged_file *f = &set.files[set.n_files];
    snprintf(f->rel, sizeof f->rel, "%s", rel);
    f->complete = false;
    f->slot = ab_cleanup_register(staged, false);
    if (f->slot < 0) {
        *error = true;
        return true;
    }
    set.n_files++;
    return true;
}

void ab_output_staged(const char *staged, bool complete)
{
    staged_file *f = find_staged(staged);
    if (f == NULL)
        return;
    f->complete = complete;
    if (!complete)
        unlink(staged);
}

/* Size and CRC-32 of a staged file. */
static bool file_digest(const char *path, double *bytes, unsigned long *crc)
{
    FILE *fp = fopen(path, "rb");
    if (fp == NULL)
        return false;
    unsigned char buf[1 << 16];
    size_t got;
    *crc = crc32(0L, Z_NULL, 0);
    *bytes = 0;
    while ((got = fread(buf, 1, sizeof buf, fp)) > 0) {
        *crc = crc32(*crc, buf, (uInt)got);
        *bytes += (double)got;
    }
    bool ok = !ferror(fp);
    fclose(fp);
    return ok;
}

/* The new manifest.json: the old entries, with the staged files' replaced. */
static char *build_manifest(void)
{
    char path[PATH_SIZE], date[32];
    cJSON *root = NULL;
    if (join(path, sizeof path, set.dir, MANIFEST_NAME)) {
        FILE *fp = fopen(path, "r");
        if (fp != NULL) {
            char *text = NULL;
            size_t cap = 0;
            if (getdelim(&text, &cap, '\0', fp) > 0)
                root = cJSON_Parse(text);
            free(text);
            fclose(fp);
        }
    }
    cJSON *files = root ? cJSON_DetachItemFromObjectCaseSensitive(root, "files") : NULL;
    cJSON_Delete(root);
    if (!cJSON_IsObject(files)) {
        cJSON_Delete(files);
        files = cJSON_CreateObject();
    }
    root = cJSON_CreateObject();
    cJSON_AddStringToObject(root, "schema", "actbench-manifest/1");
    cJSON_AddItemToObject(root, "files", files);
    time_t now = time(NULL);
    struct tm utc;
    gmtime_r(&now, &utc);
    strftime(date, sizeof date, "%Y-%m-%dT%H:%M:%SZ", &utc);
    for (size_t i = 0; i < set.n_files; i++) {
        double bytes;
        unsigned long crc;
        char crc_text[16];
        if (!set.files[i].complete || !join(path, sizeof path, set.staging, set.files[i].rel) ||
            !file_digest(path, &bytes, &crc)) {
            cJSON_Delete(root);
            return NULL;
        }
        snprintf(crc_text, sizeof crc_text, "%08lx", crc);
        cJSON *entry = cJSON_CreateObject();
        cJSON_AddNumberToObject(entry, "bytes", bytes);
        cJSON_AddStringToObject(entry, "crc32", crc_text);
        cJSON_AddStringToObject(entry, "written_utc", date);
        cJSON_AddStringToObject(entry, "command", set.command);
        cJSON_AddStringToObject(entry, "machine_id", ab_cpu_identity_get()->machine_id);
        cJSON_DeleteItemFromObjectCaseSensitive(files, set.files[i].rel);
        cJSON_AddItemToObject(files, set.files[i].rel, entry);
    }
    char *text = cJSON_Print(root);
    cJSON_Delete(root);
    return text;
}

static bool write_small_file(const char *path, const char *text)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    size_t len = strlen(text);
    bool ok = fd >= 0 && write(fd, text, len) == (ssize_t)len && fsync(fd) == 0;
    if (fd >= 0 && close(fd) != 0)
        ok = false;
    if (!ok)
        fprintf(stderr, "actbench: cannot write %s: %s\n", path, strerror(errno));
    return ok;
}

bool ab_output_merge_rule(const char *rel, const char *const *keys, size_t n_keys)
{
    if (set.n_rules == MAX_RULES || strlen(rel) >= sizeof set.rules[0].rel) {
        fprintf(stderr, "actbench: internal error: too many merge rules\n");
        return false;
    }
    struct merge_rule *r = &set.rules[set.n_rules++];
    snprintf(r->rel, sizeof r->rel, "%s", rel);
    r->keys = keys;
    r->n_keys = n_keys;
    return true;
}

/* Rewrites one staged CSV as its merge with the table in place. */
static bool merge_staged(const staged_file *f, const struct merge_rule *rule)
{
    char staged[PATH_SIZE], final[PATH_SIZE];
    if (!join(staged, sizeof staged, set.staging, f->rel) ||
        !join(final, sizeof final, set.dir, f->rel))
        return false;
    ab_csv_table fresh, merged;
    if (ab_csv_read(staged, &fresh, false) != AB_CSV_OK)
        return false;
    bool ok = ab_csv_merge_file(final, &fresh, rule->keys, rule->n_keys, &merged);
    ab_csv_free(&fresh);
    if (!ok)
        return false;
    FILE *fp = fopen(staged, "w");
    ok = fp != NULL && ab_csv_write(fp, &merged);
    if (fp != NULL && (fflush(fp) != 0 || fsync(fileno(fp)) != 0 || fclose(fp) != 0))
        ok = false;
    if (!ok)
        fprintf(stderr, "actbench: cannot write the merged %s: %s\n", f->rel, strerror(errno));
    ab_csv_free(&merged);
    return ok;
}

static bool merge_staged_tables(void)
{
    for (size_t i = 0; i < set.n_files; i++)
        for (size_t r = 0; r < set.n_rules && set.files[i].complete; r++)
            if (strcmp(set.files[i].rel, set.rules[r].rel) == 0 &&
                !merge_staged(&set.files[i], &set.rules[r]))
                return false;
    return true;
}

/* Every staged file can take its place: no directory stands there. */
static bool targets_free(void)
{
    char path[PATH_SIZE];
    struct stat st;
    for (size_t i = 0; i < set.n_files; i++) {
        if (!set.files[i].complete || !join(path, sizeof path, set.dir, set.files[i].rel))
            continue;
        if (lstat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
            fprintf(stderr, "actbench: cannot replace %s: it is a directory\n", path);
            return false;
        }
    }
    return true;
}

bool ab_output_commit(void)
{
    if (!set.open)
        return true;
    size_t complete = 0;
    for (size_t i = 0; i < set.n_files; i++)
        complete += set.files[i].complete;
    bool ok = true;
    if (complete > 0) {
        char path[PATH_SIZE];
        bool merged = merge_staged_tables();
        char *manifest = merged ? build_manifest() : NULL;
        if (merged && manifest == NULL)
            fprintf(stderr, "actbench: cannot build %s/%s\n", set.dir, MANIFEST_NAME);
        char *journal = malloc(set.n_files * sizeof set.files[0].rel + 64);
        ok = manifest != NULL && journal != NULL && targets_free();
        if (ok) {
            journal[0] = '\0';
            for (size_t i = 0; i < set.n_files; i++)
                if (set.files[i].complete)
                    strcat(strcat(journal, set.files[i].rel), "\n");
            strcat(journal, MANIFEST_NAME "\n");
            size_t len = strlen(manifest);
            char *grown = realloc(manifest, len + 2);
            if (grown != NULL) {
                manifest = grown;
                strcpy(manifest + len, "\n");
            }
            ok = grown != NULL && join(path, sizeof path, set.staging, MANIFEST_NAME) &&
                 write_small_file(path, manifest);
        }
        /* From the journal on, the commit completes: now or at the next run. */
        ab_cleanup_block_signals(true);
        if (ok && join(path, sizeof path, set.staging, JOURNAL_NAME) &&
            write_small_file(path, journal)) {
            fsync_dir(set.staging);
            for (size_t i = 0; i < set.n_files; i++)
                ab_cleanup_forget(set.files[i].slot);
            for (size_t i = 0; i < set.n_dirs; i++)
                ab_cleanup_forget(set.dir_slots[i]);
            ab_cleanup_forget(set.staging_slot);
            set.n_files = set.n_dirs = 0;
            set.staging_slot = -1;
            ok = roll_forward(set.dir, set.staging);
        } else {
            ok = false;
        }
        free(manifest);
        free(journal);
    }
    if (!ok && set.staging_slot >= 0)
        remove_tree(set.staging);
    else if (complete == 0)
        remove_tree(set.staging);
    release();
    ab_cleanup_block_signals(false);
    return ok;
}

void ab_output_abort(void)
{
    if (!set.open)
        return;
    ab_cleanup_block_signals(true);
    remove_tree(set.staging);
    release();
    ab_cleanup_block_signals(false);
}
