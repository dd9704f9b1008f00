/*
 * All-or-nothing replacement of a sweep's files (commit.h). The READY
 * marker is the commit point: it is written (and the staging directory
 * synced) only after every staged file is complete and synced, so a staging
 * directory without it holds nothing that must survive, and one with it
 * holds exactly the files still to rename.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>

#include "sweep/commit.h"

#define READY "READY"

static void sync_dir(const char *dir)
{
    int fd = open(dir, O_RDONLY | O_DIRECTORY);
    if (fd >= 0) {
        fsync(fd);
        close(fd);
    }
}

/* Removes every file in dir, then dir. */
static void remove_dir(const char *dir)
{
    DIR *dp = opendir(dir);
    struct dirent *de;
    char path[4700];
    while (dp != NULL && (de = readdir(dp)) != NULL) {
        if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0)
            continue;
        snprintf(path, sizeof path, "%s/%s", dir, de->d_name);
        unlink(path);
    }
    if (dp != NULL)
        closedir(dp);
    rmdir(dir);
}

/* Renames every complete file of staging (not READY, not a temporary) into
 * dir, then removes staging. */
static bool roll_forward(const char *staging, const char *dir)
{
    DIR *dp = opendir(staging);
    if (dp == NULL)
        return false;
    struct dirent *de;
    bool ok = true;
    char from[4700], to[4700];
    while ((de = readdir(dp)) != NULL) {
        if (de->d_name[0] == '.' || strcmp(de->d_name, READY) == 0)
            continue;
        snprintf(from, sizeof from, "%s/%s", staging, de->d_name);
        snprintf(to, sizeof to, "%s/%s", dir, de->d_name);
        if (rename(from, to) != 0) {
            fprintf(stderr, "actbench: cannot rename %s to %s: %s\n", from, to,
                    strerror(errno));
            ok = false;
        }
    }
    closedir(dp);
    sync_dir(dir);
    if (ok)
        remove_dir(staging);
    return ok;
}

/* The staging directories of base left in dir by a killed process. */
static void recover(const char *dir, const char *base)
{
    char prefix[700];
    snprintf(prefix, sizeof prefix, ".%s.commit.", base);
    DIR *dp = opendir(dir);
    struct dirent *de;
    char staging[4700], ready[4800];
    while (dp != NULL && (de = readdir(dp)) != NULL) {
        if (strncmp(de->d_name, prefix, strlen(prefix)) != 0 ||
            strlen(de->d_name) != strlen(prefix) + 6)
            continue;
        snprintf(staging, sizeof staging, "%s/%s", dir, de->d_name);
        snprintf(ready, sizeof ready, "%s/" READY, staging);
        if (access(ready, F_OK) == 0) {
            fprintf(stderr, "actbench: finishing the interrupted commit %s\n", staging);
            roll_forward(staging, dir);
        } else {
            remove_dir(staging);
        }
    }
    if (dp != NULL)
        closedir(dp);
}

void ab_exh_remove_temps(const char *dir, const char *name)
{
    char prefix[700];
    snprintf(prefix, sizeof prefix, ".%s.tmp.", name);
    DIR *dp = opendir(dir);
    struct dirent *de;
    char path[4700];
    while (dp != NULL && (de = readdir(dp)) != NULL)
        if (strncmp(de->d_name, prefix, strlen(prefix)) == 0 &&
            strlen(de->d_name) == strlen(prefix) + 6) {
            snprintf(path, sizeof path, "%s/%s", dir, de->d_name);
            unlink(path);
        }
    if (dp != NULL)
        closedir(dp);
}

int ab_exh_lock_base(const char *dir, const char *base)
{
    char path[4800];
    snprintf(path, sizeof path, "%s/.%s.lock", dir, base);
    int fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd < 0) {
        fprintf(stderr, "actbench: cannot create %s: %s\n", path, strerror(errno));
        return -1;
    }
    if (flock(fd, LOCK_EX | LOCK_NB) != 0) {
        fprintf(stderr, "actbench: another actbench process is writing %s/%s (lock %s); wait "
                        "for it to finish\n", dir, base, path);
        close(fd);
        return -1;
    }
    recover(dir, base);
    static const char *const kinds[] = {"csv", "binade.csv", "grid.csv", "state"};
    char name[700];
    for (size_t k = 0; k < sizeof kinds / sizeof kinds[0]; k++) {
        snprintf(name, sizeof name, "%s.%s", base, kinds[k]);
        ab_exh_remove_temps(dir, name);
    }
    return fd;
}

void ab_exh_unlock_base(int fd)
{
    if (fd >= 0)
        close(fd); /* releases the flock */
}

bool ab_exh_commit_begin(ab_exh_commit *c, const char *dir, const char *base)
{
    memset(c, 0, sizeof *c);
    snprintf(c->dir, sizeof c->dir, "%s", dir);
    snprintf(c->staging, sizeof c->staging, "%s/.%s.commit.XXXXXX", dir, base);
    if (mkdtemp(c->staging) == NULL) {
        fprintf(stderr, "actbench: cannot create a staging directory in %s: %s\n", dir,
                strerror(errno));
        c->staging[0] = '\0';
        return false;
    }
    return true;
}

bool ab_exh_commit_finish(ab_exh_commit *c)
{
    char ready[4500];
    snprintf(ready, sizeof ready, "%s/" READY, c->staging);
    int fd = open(ready, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0 || fsync(fd) != 0) {
        fprintf(stderr, "actbench: cannot write %s: %s\n", ready, strerror(errno));
        if (fd >= 0)
            close(fd);
        ab_exh_commit_abort(c);
        return false;
    }
    close(fd);
    sync_dir(c->staging); /* the commit point */
    return roll_forward(c->staging, c->dir);
}

void ab_exh_commit_abort(ab_exh_commit *c)
{
    if (c->staging[0] != '\0')
        remove_dir(c->staging);
    c->staging[0] = '\0';
}
