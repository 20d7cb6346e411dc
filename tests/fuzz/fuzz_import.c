/*
 * fuzz_import.c - every kind of import (io/import.c) on any bytes, into one store (the first
 * byte picks the kind and --update): an import never crashes, and a rejected file names every
 * rejected row with its line and message.
 */
#include <stdio.h>
#include <stdlib.h>

#include "fuzz.h"
#include "thuno/import.h"
#include "thuno/store.h"

static struct tn_store *store;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!store) {
        char msg[256];
        if (tn_store_open(tn_fuzz_store(), 1, &store, msg) != TN_OK)
            abort();
    }
    if (size < 2)
        return 0; /* a kind and at least one byte: fmemopen wants a size above 0 */
    enum tn_import_kind kind = (enum tn_import_kind)(data[0] % TN_IMPORT_COUNT);
    /* from memory, as an upload is read (tn_import_stream) */
    FILE *in = fmemopen((void *)(data + 1), size - 1, "rb");
    if (!in)
        abort();
    struct tn_import_report rep;
    tn_import_report_init(&rep);
    tn_err err = tn_import_stream(store, kind, in, "import.csv", data[0] >= 128,
                                  "2026-11-05T09:00:00", &rep, NULL, NULL);
    if (err == TN_ERR_REJECTED && rep.nerrors == 0)
        abort(); /* a rejected file says why */
    for (size_t i = 0; i < rep.nerrors; i++)
        if (rep.errors[i].line < 1 || !rep.errors[i].message[0])
            abort(); /* every rejected row has its line and message */
    tn_import_report_release(&rep);
    return 0;
}
