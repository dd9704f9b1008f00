/* The XNNPACK side of every peer-xnnpack kernel.
 *
 * Fairness: an XNNPACK user creates an operator once and sets it up and
 * runs it per batch, so creation happens on the first call (the bench's
 * warm-up) and only setup + run are timed. Elementwise operators are made
 * with one channel and a batch of n, so one operator serves every n;
 * softmax needs one per row length. One cache per thread: an operator may
 * not be set up by two threads at once.
 *
 * One thread: the pthreadpool argument is NULL, which runs the work on the
 * calling thread. XNNPACK still asks pthreadpool to disable denormals for
 * the duration of the run (FTZ/DAZ set, then the caller's MXCSR restored):
 * subnormal inputs read as zero inside the call; see tests/test_peers.c.
 *
 * XNNPACK may read up to XNN_EXTRA_BYTES past the end of its input. Our
 * kernel contract promises nothing past x[n], so when that over-read could
 * cross into the next page (which may be unmapped), the input is first
 * copied into a padded buffer; otherwise the over-read stays inside a page
 * that is mapped and the caller's buffer is used as it is. */
#include <math.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <xnnpack.h>

#include "xnnpack_ops.h"

enum { CACHE_SLOTS = 32 }; /* 6 operators, softmax once per row length: enough for the bench */

typedef struct op_entry {
    bool used;
    ab_xnn_op op;
    float parameter;
    size_t channels;
    xnn_operator_t handle;
} op_entry;

typedef struct thread_cache {
    size_t next_victim;
    op_entry slot[CACHE_SLOTS];
    float *padded_input; /* see readable_input */
    size_t padded_capacity;
} thread_cache;

static bool xnn_ready;
static pthread_once_t init_once = PTHREAD_ONCE_INIT;
static pthread_key_t cache_key;
static _Thread_local thread_cache *this_thread_cache;

/* True when reading XNN_EXTRA_BYTES past x + n may touch another page. */
static bool over_read_crosses_page(const float *x, size_t n)
{
    static size_t page;
    if (page == 0)
        page = (size_t)sysconf(_SC_PAGESIZE);
    uintptr_t last = (uintptr_t)(x + n) - 1;
    return last / page != (last + XNN_EXTRA_BYTES) / page;
}

/* x, or a copy of x[0, n) followed by XNN_EXTRA_BYTES of zeros; NULL when
 * out of memory. */
static const float *readable_input(thread_cache *c, const float *x, size_t n)
{
    if (!over_read_crosses_page(x, n))
        return x;
    size_t need = n + XNN_EXTRA_BYTES / sizeof(float);
    if (need > c->padded_capacity) {
        float *p = realloc(c->padded_input, need * sizeof(float));
        if (!p)
            return NULL;
        c->padded_input = p;
        c->padded_capacity = need;
    }
    memcpy(c->padded_input, x, n * sizeof(float));
    memset(c->padded_input + n, 0, XNN_EXTRA_BYTES);
    return c->padded_input;
}

static void entry_release(op_entry *e)
{
    if (e->used && e->handle)
        xnn_delete_operator(e->handle);
    *e = (op_entry){0};
}

static void cache_release(void *p)
{
    thread_cache *c = p;
    for (size_t i = 0; i < CACHE_SLOTS; i++)
        entry_release(&c->slot[i]);
    free(c->padded_input);
    free(c);
}

static void xnn_init(void)
{
    xnn_ready = xnn_initialize(NULL) == xnn_status_success;
    pthread_key_create(&cache_key, cache_release);
}

static thread_cache *cache_get(void)
{
    if (this_thread_cache)
        return this_thread_cache;
    pthread_once(&init_once, xnn_init);
    if (!xnn_ready)
        return NULL;
    thread_cache *c = calloc(1, sizeof *c);
    if (c == NULL)
        return NULL;
    pthread_setspecific(cache_key, c); /* released when the thread exits */
    this_thread_cache = c;
    return c;
}

static enum xnn_status op_create(ab_xnn_op op, float parameter, size_t channels,
                                 xnn_operator_t *out)
{
    switch (op) {
    case AB_XNN_SIGMOID:
        return xnn_create_sigmoid_nc_f32(channels, channels, channels, 0, out);
    case AB_XNN_ELU:
        return xnn_create_elu_nc_f32(channels, channels, channels, parameter, 0, out);
    case AB_XNN_LEAKY_RELU:
        return xnn_create_leaky_relu_nc_f32(channels, channels, channels, parameter, 0, out);
    case AB_XNN_RELU:
        return xnn_create_clamp_nc_f32(channels, channels, channels, 0.0f, INFINITY, 0, out);
    case AB_XNN_HARDSWISH:
        return xnn_create_hardswish_nc_f32(channels, channels, channels, 0, out);
    case AB_XNN_SOFTMAX:
        return xnn_create_softmax_nc_f32(channels, channels, channels, 0, out);
    }
    return xnn_status_invalid_parameter;
}

static enum xnn_status op_setup(ab_xnn_op op, xnn_operator_t handle, size_t batch,
                                const float *x, float *y)
{
    switch (op) {
    case AB_XNN_SIGMOID:
        return xnn_setup_sigmoid_nc_f32(handle, batch, x, y, NULL);
    case AB_XNN_ELU:
        return xnn_setup_elu_nc_f32(handle, batch, x, y, NULL);
    case AB_XNN_LEAKY_RELU:
        return xnn_setup_leaky_relu_nc_f32(handle, batch, x, y, NULL);
    case AB_XNN_RELU:
        return xnn_setup_clamp_nc_f32(handle, batch, x, y, NULL);
    case AB_XNN_HARDSWISH:
        return xnn_setup_hardswish_nc_f32(handle, batch, x, y, NULL);
    case AB_XNN_SOFTMAX:
        return xnn_setup_softmax_nc_f32(handle, batch, x, y, NULL);
    }
    return xnn_status_invalid_parameter;
}

static op_entry *entry_find(thread_cache *c, ab_xnn_op op, float parameter, size_t channels)
{
    for (size_t i = 0; i < CACHE_SLOTS; i++) {
        op_entry *e = &c->slot[i];
        if (e->used && e->op == op && e->parameter == parameter && e->channels == channels)
            return e;
    }
    op_entry *e = &c->slot[c->next_victim];
    c->next_victim = (c->next_victim + 1) % CACHE_SLOTS;
    entry_release(e);
    *e = (op_entry){.used = true, .op = op, .parameter = parameter, .channels = channels};
    if (op_create(op, parameter, channels, &e->handle) != xnn_status_success) {
        e->handle = NULL;
        entry_release(e);
        return NULL;
    }
    return e;
}

void ab_xnnpack_run(ab_xnn_op op, float parameter, const float *x, float *y, size_t n)
{
    if (n == 0)
        return;
    size_t channels = op == AB_XNN_SOFTMAX ? n : 1;
    size_t batch = op == AB_XNN_SOFTMAX ? 1 : n;
    thread_cache *c = cache_get();
    op_entry *e = c ? entry_find(c, op, parameter, channels) : NULL;
    const float *input = e ? readable_input(c, x, n) : NULL;
    bool ok = input != NULL &&
              op_setup(op, e->handle, batch, input, y) == xnn_status_success &&
              xnn_run_operator(e->handle, NULL) == xnn_status_success;
    if (!ok)
        for (size_t i = 0; i < n; i++)
            y[i] = NAN;
}
