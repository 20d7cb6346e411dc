/*
 * mem.c - the out-of-memory handler and checked allocation (see mem.h).
 */
#include "thuno/mem.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void oom(size_t n, size_t size)
{
    fprintf(stderr, "thuno: out of memory allocating %zu x %zu bytes\n", n, size);
    abort();
}

void *tn_xmalloc(size_t size)
{
    void *p = malloc(size ? size : 1);
    if (!p)
        oom(1, size);
    return p;
}

void *tn_xcalloc(size_t n, size_t size)
{
    if (size && n > SIZE_MAX / size)
        oom(n, size);
    void *p = calloc(n ? n : 1, size ? size : 1);
    if (!p)
        oom(n, size);
    return p;
}

void *tn_xrealloc(void *p, size_t n, size_t size)
{
    if (size && n > SIZE_MAX / size)
        oom(n, size);
    size_t total = n * size;
    void *q = realloc(p, total ? total : 1);
    if (!q)
        oom(n, size);
    return q;
}

char *tn_xstrdup(const char *s)
{
    return tn_xstrndup(s, strlen(s));
}

char *tn_xstrndup(const char *s, size_t n)
{
    char *d = tn_xmalloc(n + 1);
    memcpy(d, s, n);
    d[n] = '\0';
    return d;
}

void tn_grow(void **items, size_t *cap, size_t need, size_t size)
{
    if (need <= *cap)
        return;
    size_t c = *cap ? *cap : 8;
    while (c < need)
        c = c > SIZE_MAX / 2 ? need : c * 2;
    *items = tn_xrealloc(*items, c, size);
    *cap = c;
}

void tn_grow_zero(void **items, size_t *cap, size_t need, size_t size)
{
    size_t old = *cap;
    tn_grow(items, cap, need, size);
    if (*cap > old)
        memset((char *)*items + old * size, 0, (*cap - old) * size);
}

void tn_sort(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *))
{
    if (n > 1)
        qsort(base, n, size, cmp);
}
