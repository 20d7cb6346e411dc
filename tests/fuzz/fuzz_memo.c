/*
 * fuzz_memo.c - transfer memos (core/memo.c): any bytes, folded, parsed and keyed, never read
 * or write out of bounds, and the fold is idempotent.
 */
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "thuno/memo.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *memo = malloc(size + 1);
    if (!memo)
        abort();
    memcpy(memo, data, size);
    memo[size] = '\0';
    struct tn_memo m;
    tn_memo_parse(memo, &m);
    char key[TN_MEMO_TEXT_MAX];
    tn_memo_name_key(memo, key);
    char folded[512], again[512];
    tn_memo_fold(memo, folded, sizeof folded);
    tn_memo_fold(folded, again, sizeof again);
    if (strcmp(folded, again) != 0)
        abort(); /* folding folded text changes nothing */
    free(memo);
    return 0;
}
