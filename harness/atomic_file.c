/* See atomic_file.h. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "atomic_file.h"
#include "output/cleanup.h"
#include "output/output_set.h"

static bool make_dir(const char *path)
{
    if (mkdir(path, 0777) == 0 || errno == EEXIST)
        return true;
    fprintf(stderr, "actbench: cannot create directory %s: %s\n", path, strerror(errno));
    return false;
}

bool ab_ensure_output_dir(const char *dir)
{
    char path[4096];
    if (dir == NULL || dir[0] == '\0') {
        fprintf(stderr, "actbench: the output directory name is empty\n");
        return false;
    }
    if (snprintf(path, sizeof path, "%s", dir) >= (int)sizeof path) {
        fprintf(stderr, "actbench: output directory path too long: %s\n", dir);
        return false;
    }
    for (char *p = path + 1; *p; p++) {
        if (*p != '/' || p[-1] == '/')
            continue;
        *p = '\0';
        bool ok = make_dir(path);
        *p = '/';
        if (!ok)
            return false;
    }
    if (!make_dir(path))
        return false;
    struct stat st;
    if (stat(path, &st) != 0 || !S_ISDIR(st.st_mode)) {
        fprintf(stderr, "actbench: %s is not a directory\n", path);
        return false;
    }
    if (access(path, W_OK | X_OK) != 0) {
        fprintf(stderr, "actbench: output directory %s is not writable: %s\n", path,
                strerror(errno));
        return false;
    }
    return true;
}

bool ab_atomic_open(ab_atomic_file *f, const char *dir, const char *name)
{
    memset(f, 0, sizeof *f);
    f->cleanup_slot = -1;
    if (snprintf(f->final_path, sizeof f->final_path, "%s/%s", dir, name) >=
        (int)sizeof f->final_path) {
        fprintf(stderr, "actbench: path too long: %s/%s\n", dir, name);
        return false;
    }
    bool error = false;
    int fd;
    if (ab_output_stage_path(dir, name, f->temp_path, sizeof f->temp_path, &error)) {
        if (error)
            return false;
        f->staged = true;
        fd = open(f->temp_path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    } else {
        if (snprintf(f->temp_path, sizeof f->temp_path, "%s/.%s.tmp.XXXXXX", dir, name) >=
            (int)sizeof f->temp_path) {
            fprintf(stderr, "actbench: path too long: %s/%s\n", dir, name);
            return false;
        }
        /* registered before it exists, so no signal can orphan it */
        ab_cleanup_install();
        ab_cleanup_block_signals(true);
        fd = mkstemp(f->temp_path);
        if (fd >= 0) {
            fchmod(fd, 0644);
            f->cleanup_slot = ab_cleanup_register(f->temp_path, false);
        }
        ab_cleanup_block_signals(false);
    }
    if (fd < 0) {
        fprintf(stderr, "actbench: cannot write %s: %s\n", f->final_path, strerror(errno));
        if (f->staged)
            ab_output_staged(f->temp_path, false);
        return false;
    }
    f->fp = fdopen(fd, "w");
    if (f->fp == NULL) {
        fprintf(stderr, "actbench: cannot write %s: %s\n", f->final_path, strerror(errno));
        close(fd);
        ab_atomic_abort(f);
        return false;
    }
    return true;
}

bool ab_atomic_commit(ab_atomic_file *f)
{
    bool ok = !ferror(f->fp) && fflush(f->fp) == 0 && fsync(fileno(f->fp)) == 0;
    int saved = errno;
    if (fclose(f->fp) != 0 && ok) {
        ok = false;
        saved = errno;
    }
    f->fp = NULL;
    if (ok && f->staged) {
        ab_output_staged(f->temp_path, true);
        return true;
    }
    if (ok && rename(f->temp_path, f->final_path) != 0) {
        ok = false;
        saved = errno;
    }
    if (!ok) {
        fprintf(stderr, "actbench: cannot write %s: %s\n", f->final_path, strerror(saved));
        ab_atomic_abort(f);
        return false;
    }
    ab_cleanup_forget(f->cleanup_slot);
    f->cleanup_slot = -1;
    return true;
}

void ab_atomic_abort(ab_atomic_file *f)
{
    if (f->fp != NULL)
        fclose(f->fp);
    f->fp = NULL;
    if (f->staged) {
        ab_output_staged(f->temp_path, false);
    } else {
        unlink(f->temp_path);
        ab_cleanup_forget(f->cleanup_slot);
        f->cleanup_slot = -1;
    }
}
