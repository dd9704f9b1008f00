/* See atomic_file.h. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "atomic_file.h"

bool ab_ensure_output_dir(const char *dir)
{
    char path[4096];
    if (snprintf(path, sizeof path, "%s", dir) >= (int)sizeof path) {
        fprintf(stderr, "actbench: output directory path too long: %s\n", dir);
        return false;
    }
    for (char *p = path + 1; *p; p++) {
        if (*p != '/')
            continue;
        *p = '\0';
        if (mkdir(path, 0777) != 0 && errno != EEXIST) {
            fprintf(stderr, "actbench: cannot create directory %s: %s\n", path, strerror(errno));
            return false;
        }
        *p = '/';
    }
    if (mkdir(path, 0777) != 0 && errno != EEXIST) {
        fprintf(stderr, "actbench: cannot create directory %s: %s\n", path, strerror(errno));
        return false;
    }
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
    if (snprintf(f->final_path, sizeof f->final_path, "%s/%s", dir, name) >=
            (int)sizeof f->final_path ||
        snprintf(f->temp_path, sizeof f->temp_path, "%s/.%s.tmp.XXXXXX", dir, name) >=
            (int)sizeof f->temp_path) {
        fprintf(stderr, "actbench: path too long: %s/%s\n", dir, name);
        return false;
    }
    int fd = mkstemp(f->temp_path);
    if (fd < 0) {
        fprintf(stderr, "actbench: cannot write %s: %s\n", f->final_path, strerror(errno));
        return false;
    }
    fchmod(fd, 0644);
    f->fp = fdopen(fd, "w");
    if (f->fp == NULL) {
        fprintf(stderr, "actbench: cannot write %s: %s\n", f->final_path, strerror(errno));
        close(fd);
        unlink(f->temp_path);
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
    if (ok && rename(f->temp_path, f->final_path) != 0) {
        ok = false;
        saved = errno;
    }
    if (!ok) {
        fprintf(stderr, "actbench: cannot write %s: %s\n", f->final_path, strerror(saved));
        unlink(f->temp_path);
    }
    return ok;
}

void ab_atomic_abort(ab_atomic_file *f)
{
    if (f->fp != NULL)
        fclose(f->fp);
    f->fp = NULL;
    unlink(f->temp_path);
}
