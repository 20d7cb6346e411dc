/*
 * import_keys.h - a set of short strings with a line and a number attached, for what an import
 * has seen so far: the keys of the file's rows, the references already looked up in the store.
 * The strings live in large blocks owned by the set, so adding a key allocates nothing most of
 * the time. Only src/io/ includes this.
 */
#ifndef THUNO_IO_IMPORT_KEYS_H
#define THUNO_IO_IMPORT_KEYS_H

#include <stddef.h>
#include <stdint.h>

struct tn__keyval {
    long line;   /* where the key was first seen */
    int64_t num; /* the caller's: an amount, a flag */
};

struct tn__keyset {
    struct tn__keyslot {
        uint64_t hash;
        const char *key; /* NULL: empty slot */
        size_t len;
        struct tn__keyval val;
    } * slots;
    size_t cap, n;
    char **blocks; /* the string pool; next: first free byte of the last block, left of it */
    char *next;
    size_t nblocks, capblocks, left;
};

void tn__keyset_init(struct tn__keyset *t);

/* Frees what t holds; t is then as if just initialized. */
void tn__keyset_release(struct tn__keyset *t);

/* The value of the key of len bytes, or NULL when it is not in t (borrowed until the next
 * tn__keyset_put). */
struct tn__keyval *tn__keyset_find(struct tn__keyset *t, const char *key, size_t len);

/* Adds the key of len bytes (copied) with val unless it is there; returns its slot either way
 * (the slot is borrowed until the next tn__keyset_put; slot->key, the copy, lives as long as
 * t) and sets *added. */
struct tn__keyslot *tn__keyset_put(struct tn__keyset *t, const char *key, size_t len,
                                   struct tn__keyval val, int *added);

/* A set of keys that are numbers: each a nonzero 64-bit value, 8 bytes a key. */
struct tn__idset {
    uint64_t *slots; /* 0: empty */
    size_t cap, n;
};

void tn__idset_init(struct tn__idset *t);

/* Frees what t holds; t is then as if just initialized. */
void tn__idset_release(struct tn__idset *t);

/* Adds id (nonzero) unless it is there. */
void tn__idset_put(struct tn__idset *t, uint64_t id);

/* 1 when id is in t. */
int tn__idset_has(const struct tn__idset *t, uint64_t id);

/* The id of a string of 1 to 15 digits (its length in the top bits, so "01" and "1" differ),
 * or 0 when s is not one. */
uint64_t tn__idset_code(const char *s, size_t len);

#endif
