/*
 * fuzz_letter.c - letter templates (app/app_letter_mass.c, docs/letters.md "Mass letters and
 * templates") from any bytes: a template is accepted, or refused with every problem on a line
 * of its own naming the template and a line; the problems are UTF-8 text (a cut never falls
 * inside a character), and nothing is read out of bounds whatever the length of a line.
 */
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "thuno/app.h"

/* Whether s is well-formed UTF-8 (no overlong forms, surrogates or values above U+10FFFF). */
static int utf8_ok(const unsigned char *s)
{
    while (*s) {
        unsigned c = *s, len = c < 0x80                 ? 1
                               : c >= 0xC2 && c <= 0xDF ? 2
                               : c >= 0xE0 && c <= 0xEF ? 3
                               : c >= 0xF0 && c <= 0xF4 ? 4
                                                        : 0;
        if (!len)
            return 0;
        unsigned lo = c == 0xE0 ? 0xA0 : c == 0xF0 ? 0x90 : 0x80;
        unsigned hi = c == 0xED ? 0x9F : c == 0xF4 ? 0x8F : 0xBF;
        for (unsigned k = 1; k < len; k++)
            if (s[k] < (k == 1 ? lo : 0x80) || s[k] > (k == 1 ? hi : 0xBF))
                return 0;
        s += len;
    }
    return 1;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *problems = NULL;
    tn_err err = tn_app_letter_template_check("t.txt", (const char *)data, size, &problems);
    if (err != TN_OK && err != TN_ERR_REJECTED)
        abort(); /* text in memory: nothing to fail to read */
    if ((err == TN_OK) != (problems == NULL))
        abort(); /* refused with every problem named, accepted with none */
    for (char *p = problems; p && *p;) {
        char *end = strchr(p, '\n');
        if (!end || strncmp(p, "t.txt:", 6) != 0)
            abort(); /* each problem on its own line, naming the template */
        *end = '\0';
        if (!utf8_ok((const unsigned char *)p))
            abort();
        p = end + 1;
    }
    free(problems);
    return 0;
}
