/*
 * import_keys.c - open-addressing hash sets (see import_keys.h): of strings over a block pool,
 * and of numbers.
 */
#include "io/import_keys.h"

#include <stdlib.h>
#include <string.h>

#include "thuno/mem.h"

#define BLOCK (1 << 20)

void tn__keyset_init(struct tn__keyset *t)
{
    memset(t, 0, sizeof *t);
}

void tn__keyset_release(struct tn__keyset *t)
{
    for (size_t i = 0; i < t->nblocks; i++)
        free(t->blocks[i]);
    free(t->blocks);
    free(t->slots);
    tn__keyset_init(t);
}

static uint64_t hash(const char *s, size_t len)
{
    uint64_t h = 14695981039346656037ULL; /* FNV-1a */
    for (size_t i = 0; i < len; i++)
        h = (h ^ (unsigned char)s[i]) * 1099511628211ULL;
    return h ^ (h >> 29);
}

static struct tn__keyslot *slot_of(const struct tn__keyset *t, uint64_t h, const char *key,
                                   size_t len)
{
    for (size_t i = (size_t)h & (t->cap - 1);; i = (i + 1) & (t->cap - 1)) {
        struct tn__keyslot *s = &t->slots[i];
        if (!s->key || (s->hash == h && s->len == len && memcmp(s->key, key, len) == 0))
            return s;
    }
}

struct tn__keyval *tn__keyset_find(struct tn__keyset *t, const char *key, size_t len)
{
    if (!t->cap)
        return NULL;
    struct tn__keyslot *s = slot_of(t, hash(key, len), key, len);
    return s->key ? &s->val : NULL;
}

static void grow(struct tn__keyset *t)
{
    struct tn__keyslot *old = t->slots;
    size_t oldcap = t->cap;
    t->cap = oldcap ? oldcap * 2 : 4096;
    t->slots = tn_xcalloc(t->cap, sizeof *t->slots);
    for (size_t i = 0; i < oldcap; i++)
        if (old[i].key)
            *slot_of(t, old[i].hash, old[i].key, old[i].len) = old[i];
    free(old);
}

static const char *pool_copy(struct tn__keyset *t, const char *key, size_t len)
{
    if (t->left < len + 1) {
        size_t size = len + 1 > BLOCK ? len + 1 : BLOCK;
        TN_GROW(t->blocks, t->capblocks, t->nblocks + 1);
        t->next = t->blocks[t->nblocks++] = tn_xmalloc(size);
        t->left = size;
    }
    char *p = t->next;
    memcpy(p, key, len);
    p[len] = '\0';
    t->next += len + 1;
    t->left -= len + 1;
    return p;
}

struct tn__keyslot *tn__keyset_put(struct tn__keyset *t, const char *key, size_t len,
                                   struct tn__keyval val, int *added)
{
    if ((t->n + 1) * 4 > t->cap * 3) /* keep the load under 3/4 */
        grow(t);
    uint64_t h = hash(key, len);
    struct tn__keyslot *s = slot_of(t, h, key, len);
    *added = s->key == NULL;
    if (*added) {
        *s = (struct tn__keyslot){h, pool_copy(t, key, len), len, val};
        t->n++;
    }
    return s;
}

void tn__idset_init(struct tn__idset *t)
{
    memset(t, 0, sizeof *t);
}

void tn__idset_release(struct tn__idset *t)
{
    free(t->slots);
    tn__idset_init(t);
}

static size_t id_slot(uint64_t id, size_t cap)
{
    id ^= id >> 31; /* then Fibonacci hashing: the top bits of the product are well mixed */
    return (size_t)((id * 0x9E3779B97F4A7C15ULL) >> (64 - __builtin_ctzll(cap)));
}

static void id_insert(uint64_t *slots, size_t cap, uint64_t id)
{
    size_t i = id_slot(id, cap);
    while (slots[i] && slots[i] != id)
        i = (i + 1) & (cap - 1);
    slots[i] = id;
}

void tn__idset_put(struct tn__idset *t, uint64_t id)
{
    if ((t->n + 1) * 4 > t->cap * 3) { /* keep the load under 3/4 */
        size_t cap = t->cap ? t->cap * 2 : 4096;
        uint64_t *slots = tn_xcalloc(cap, sizeof *slots);
        for (size_t i = 0; i < t->cap; i++)
            if (t->slots[i])
                id_insert(slots, cap, t->slots[i]);
        free(t->slots);
        t->slots = slots;
        t->cap = cap;
    }
    size_t i = id_slot(id, t->cap);
    while (t->slots[i] && t->slots[i] != id)
        i = (i + 1) & (t->cap - 1);
    if (!t->slots[i]) {
        t->slots[i] = id;
        t->n++;
    }
}

int tn__idset_has(const struct tn__idset *t, uint64_t id)
{
    if (!t->cap)
        return 0;
    for (size_t i = id_slot(id, t->cap);; i = (i + 1) & (t->cap - 1)) {
        if (t->slots[i] == id)
            return 1;
        if (!t->slots[i])
            return 0;
    }
}

uint64_t tn__idset_code(const char *s, size_t len)
{
    if (len < 1 || len > 15)
        return 0;
    uint64_t v = 0;
    for (size_t i = 0; i < len; i++) {
        if (s[i] < '0' || s[i] > '9')
            return 0;
        v = v * 10 + (uint64_t)(s[i] - '0');
    }
    return (uint64_t)len << 56 | v; /* 10^15 < 2^50 */
}
