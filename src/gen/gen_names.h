/*
 * gen_names.h - Vietnamese names for the generator: people, companies, streets, each with an
 * ASCII form for bank memos. Only src/gen/ includes this.
 */
#ifndef THUNO_GEN_NAMES_H
#define THUNO_GEN_NAMES_H

#include <stddef.h>
#include <stdint.h>

struct tn__word {
    const char *vi;    /* NFC Vietnamese */
    const char *ascii; /* without diacritics */
};

extern const struct tn__word tn__family[], tn__middle_m[], tn__middle_f[], tn__given_m[],
    tn__given_f[], tn__trade[], tn__place[], tn__street[];
extern const size_t tn__nfamily, tn__nmiddle_m, tn__nmiddle_f, tn__ngiven_m, tn__ngiven_f,
    tn__ntrade, tn__nplace, tn__nstreet;

#endif
