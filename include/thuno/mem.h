/*
 * mem.h - allocation that never returns NULL.
 *
 * Out of memory is not an error code: as in Redis, the x-functions print the size asked for
 * and abort(). They check n * size for overflow first. Callers never test for NULL.
 */
#ifndef THUNO_MEM_H
#define THUNO_MEM_H

#include <stddef.h>

void *tn_xmalloc(size_t size);
void *tn_xcalloc(size_t n, size_t size);
/* Grows or shrinks p to n * size bytes; p may be NULL. */
void *tn_xrealloc(void *p, size_t n, size_t size);
/* Returns a malloc'd copy of s (free()); s must not be NULL. */
char *tn_xstrdup(const char *s);
/* Returns a malloc'd copy of the first n bytes of s, NUL-terminated. */
char *tn_xstrndup(const char *s, size_t n);

/* Grows an array *items of *cap elements of size bytes so that it holds at least need. */
void tn_grow(void **items, size_t *cap, size_t need, size_t size);
#define TN_GROW(arr, cap, need) tn_grow((void **)&(arr), &(cap), (need), sizeof *(arr))

/* As tn_grow, and the elements it adds are zeroed. */
void tn_grow_zero(void **items, size_t *cap, size_t need, size_t size);
#define TN_GROW_ZERO(arr, cap, need) tn_grow_zero((void **)&(arr), &(cap), (need), sizeof *(arr))

/* qsort(3) that takes an empty list: qsort with a NULL base is undefined even for n = 0
 * (UBSan stops on it), and an empty grown array is NULL. */
void tn_sort(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *));

#endif
