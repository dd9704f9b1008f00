/* See cleanup.h. Slots hold fixed-size copies of the paths; a slot's kind
 * is written last when registering and first when forgetting, so the
 * handler never reads a path being written. Files are removed first, then
 * directories, repeatedly, so nested temporary directories go too. */
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "output/cleanup.h"

#define SLOTS 256
#define PATH_SIZE 4096

enum { FREE = 0, TEMP_FILE = 1, TEMP_DIR = 2 };

static char paths[SLOTS][PATH_SIZE];
static volatile sig_atomic_t kinds[SLOTS];
static const int caught[] = {SIGINT, SIGTERM, SIGHUP};

static void on_fatal_signal(int sig)
{
    for (int i = 0; i < SLOTS; i++)
        if (kinds[i] == TEMP_FILE)
            unlink(paths[i]);
    for (int pass = 0; pass < 4; pass++)
        for (int i = SLOTS - 1; i >= 0; i--)
            if (kinds[i] == TEMP_DIR)
                rmdir(paths[i]);
    /* SA_RESETHAND restored the default action; the signal is blocked while
     * this handler runs and is delivered again when it returns. */
    raise(sig);
}

void ab_cleanup_install(void)
{
    static bool installed;
    if (installed)
        return;
    installed = true;
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_fatal_signal;
    sa.sa_flags = SA_RESETHAND;
    sigemptyset(&sa.sa_mask);
    for (size_t i = 0; i < sizeof caught / sizeof caught[0]; i++)
        sigaddset(&sa.sa_mask, caught[i]);
    for (size_t i = 0; i < sizeof caught / sizeof caught[0]; i++) {
        struct sigaction old;
        /* A signal the parent chose to ignore (nohup, a background job's
         * SIGINT) stays ignored. */
        if (sigaction(caught[i], NULL, &old) == 0 && old.sa_handler == SIG_IGN)
            continue;
        sigaction(caught[i], &sa, NULL);
    }
}

int ab_cleanup_register(const char *path, bool is_dir)
{
    if (strlen(path) >= PATH_SIZE) {
        fprintf(stderr, "actbench: path too long: %s\n", path);
        return -1;
    }
    for (int i = 0; i < SLOTS; i++)
        if (kinds[i] == FREE) {
            memcpy(paths[i], path, strlen(path) + 1);
            kinds[i] = is_dir ? TEMP_DIR : TEMP_FILE;
            return i;
        }
    fprintf(stderr, "actbench: too many temporary files at once\n");
    return -1;
}

void ab_cleanup_forget(int slot)
{
    if (slot >= 0 && slot < SLOTS)
        kinds[slot] = FREE;
}

void ab_cleanup_block_signals(bool block)
{
    sigset_t set;
    sigemptyset(&set);
    for (size_t i = 0; i < sizeof caught / sizeof caught[0]; i++)
        sigaddset(&set, caught[i]);
    sigprocmask(block ? SIG_BLOCK : SIG_UNBLOCK, &set, NULL);
}
