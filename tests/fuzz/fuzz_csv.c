/*
 * fuzz_csv.c - the CSV reader (io/csv_reader.c) on any bytes: every record is either handed
 * out with the header's number of cells, valid NFC UTF-8 each, or refused with a line number;
 * the reader always reaches the end.
 */
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "io/csv_reader.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const struct tn_csv_column cols[] = {
        {"bhxh_code", 1}, {"full_name", 1}, {"birth_date", 0}, {"gender", 0}};
    const char *path = tn_fuzz_file("in.csv", data, size);
    struct tn_csv_reader *r;
    char msg[512];
    if (tn_csv_open(path, cols, 4, &r, msg, sizeof msg) != TN_OK)
        return 0;
    const char *const *cells;
    long line, last = 1;
    tn_err err;
    while ((err = tn_csv_next(r, &cells, &line, msg, sizeof msg)) != TN_ERR_NOT_FOUND &&
           err != TN_ERR_IO) {
        if (line < last)
            abort(); /* records come in line order (after a lone CR, which also ends a
                        record, the next one keeps the line of the last line feed) */
        last = line;
        if (err == TN_OK)
            for (size_t c = 0; c < 4; c++) {
                char *nfc;
                if (!cells[c] || tn_utf8_nfc(cells[c], strlen(cells[c]), &nfc) != TN_OK)
                    abort(); /* every cell handed out is valid UTF-8 */
                if (strcmp(nfc, cells[c]) != 0)
                    abort(); /* and already NFC */
                free(nfc);
            }
    }
    tn_csv_free(r);
    return 0;
}
