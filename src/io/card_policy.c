/*
 * card_policy.c - policy/card_groups.csv read into health-card group lines (card_policy.h).
 * LAW: Decision 1351/QĐ-BHXH (2015) on the health-card code; each line carries its source.
 */
#include "io/card_policy.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io/csv_reader.h"
#include "thuno/mem.h"

static const struct tn_csv_column cols[] = {
    {"from", 1}, {"unit_type", 1}, {"group", 1}, {"level", 1}, {"source", 1},
};

static tn_err parse_line(const char *const *c, struct tn_card_group *g)
{
    memset(g, 0, sizeof *g);
    if (tn_day_parse(c[0], &g->from) || strlen(c[1]) == 0 || strlen(c[1]) >= sizeof g->unit_type)
        return TN_ERR_PARSE;
    if (strlen(c[2]) != 2 || c[2][0] < 'A' || c[2][0] > 'Z' || c[2][1] < 'A' || c[2][1] > 'Z')
        return TN_ERR_PARSE;
    if (strlen(c[3]) != 1 || c[3][0] < '1' || c[3][0] > '5' || !*c[4])
        return TN_ERR_PARSE;
    snprintf(g->unit_type, sizeof g->unit_type, "%s", c[1]);
    memcpy(g->group, c[2], 3);
    g->level = c[3][0] - '0';
    snprintf(g->source, sizeof g->source, "%s", c[4]);
    return TN_OK;
}

tn_err tn_card_policy_load(const char *dir, struct tn_card_group **out, size_t *n, char *msg,
                           size_t msgsz)
{
    char path[4096];
    struct tn_csv_reader *r;
    tn_err err = tn_csv_open_in(dir, "card_groups.csv", path, sizeof path, cols,
                                sizeof cols / sizeof cols[0], &r, msg, msgsz);
    if (err)
        return err;
    struct tn_card_group *g = NULL;
    size_t cnt = 0, cap = 0;
    const char *const *cells;
    long line;
    while ((err = tn_csv_next(r, &cells, &line, msg, msgsz)) == TN_OK) {
        TN_GROW(g, cap, cnt + 1);
        if (parse_line(cells, &g[cnt])) {
            snprintf(msg, msgsz,
                     "%s:%ld: expected from YYYY-MM-DD, unit_type, group AA, level 1..5, source",
                     path, line);
            err = TN_ERR_PARSE;
            break;
        }
        for (size_t i = 0; i < cnt; i++)
            if (g[i].from == g[cnt].from && strcmp(g[i].unit_type, g[cnt].unit_type) == 0) {
                snprintf(msg, msgsz, "%s:%ld: a second line for %s from the same day", path, line,
                         g[cnt].unit_type);
                err = TN_ERR_CONFLICT;
            }
        if (err)
            break;
        cnt++;
    }
    tn_csv_free(r);
    if (err == TN_ERR_NOT_FOUND) {
        *out = g;
        *n = cnt;
        return TN_OK;
    }
    if (err == TN_ERR_PARSE && strncmp(msg, path, strlen(path)) != 0) {
        char why[256];
        snprintf(why, sizeof why, "%s", msg);
        snprintf(msg, msgsz, "%s:%ld: %s", path, line, why);
    }
    free(g);
    return err;
}
