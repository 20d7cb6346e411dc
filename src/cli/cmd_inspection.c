/*
 * cmd_inspection.c - `thuno inspection record ...`: records one inspection conclusion
 * (docs/inspections.md) with tn_app_inspection_record, which checks it cell by cell, versions
 * and refuses it exactly as the import of a file row would:
 *
 *   inspection record INSPECTION_ID UNIT_CODE CONCLUDED_ON --body BODY --remedy-by DATE
 *       [--decision-no TEXT] [--inspector TEXT] [--underdeclared N] [--unpaid N]
 *       [--workers N] [--fine N] [--note TEXT] [--update]
 */
#include "cli.h"

#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "thuno/import.h"

/* The options of the conclusion's cells, in the order of inspections.csv's columns (the
 * first three are positional), with the column each sets. */
static const struct {
    const char *col, *opt;
    size_t off; /* of the cell in struct tn_inspection_entry */
} fields[] = {
/* clang-format off */
#define F(name, opt) {#name, opt, offsetof(struct tn_inspection_entry, name)}
    F(inspection_id, NULL),
    F(unit_code, NULL),
    F(concluded_on, NULL),
    F(decision_no, "--decision-no"),
    F(body, "--body"),
    F(inspector, "--inspector"),
    F(amount_underdeclared, "--underdeclared"),
    F(amount_unpaid, "--unpaid"),
    F(workers_unregistered, "--workers"),
    F(fine_amount, "--fine"),
    F(remedy_by, "--remedy-by"),
    F(note, "--note"),
#undef F
};
/* clang-format on */
#define NFIELDS (sizeof fields / sizeof fields[0])

/* The option that sets column col ("" for the positional arguments). */
static const char *option_of(const char *col)
{
    for (size_t i = 0; i < NFIELDS; i++)
        if (col && strcmp(fields[i].col, col) == 0)
            return fields[i].opt ? fields[i].opt : fields[i].col;
    return "row";
}

static void set(struct tn_inspection_entry *e, size_t k, const char *v)
{
    *(const char **)((char *)e + fields[k].off) = v;
}

static tn_err record(struct tn_cli *cli)
{
    struct tn_inspection_entry e = {0};
    int update = 0;
    size_t pos = 0;
    for (int i = 2; i < cli->argc; i++) {
        const char *arg = cli->argv[i];
        if (strcmp(arg, "--update") == 0) {
            update = 1;
            continue;
        }
        if (arg[0] != '-') {
            if (pos == 3)
                return TN_ERR_USAGE;
            set(&e, pos++, arg);
            continue;
        }
        size_t k = 3;
        while (k < NFIELDS && strcmp(fields[k].opt, arg) != 0)
            k++;
        if (k == NFIELDS || i + 1 >= cli->argc) {
            tn_cli_error("inspection record", "unknown option or missing value: %s", arg);
            return TN_ERR_USAGE;
        }
        set(&e, k, cli->argv[++i]);
    }
    if (pos != 3)
        return TN_ERR_USAGE;
    struct tn_cli_app ca;
    tn_err err = tn_cli_app_open(cli, &ca);
    if (err)
        return err;
    struct tn_scope scope = {NULL, NULL, TN_ROLE_ADMIN};
    struct tn_import_report rep;
    tn_import_report_init(&rep);
    err = tn_cli_change(&ca.app);
    if (!err)
        err = tn_app_inspection_record(&ca.app, &scope, &e, update, &rep);
    if (err == TN_ERR_REJECTED && rep.nerrors) /* the first refused field is the reason */
        snprintf(ca.app.why, sizeof ca.app.why, "%s: %s", option_of(rep.errors[0].column),
                 rep.errors[0].message);
    err = tn_cli_audit(&ca.app, "inspection.record", e.inspection_id, err,
                       rep.rows_new       ? "recorded"
                       : rep.rows_changed ? "new version recorded"
                                          : "already recorded, unchanged");
    if (err == TN_ERR_REJECTED) {
        for (size_t i = 0; i < rep.nerrors; i++)
            tn_cli_error("inspection record", "%s: %s", option_of(rep.errors[i].column),
                         rep.errors[i].message);
    } else if (err) {
        tn_cli_error("inspection record", "%s", tn_app_why(&ca.app, err));
    } else {
        printf("inspection %s: %s\n", e.inspection_id,
               rep.rows_new       ? "recorded"
               : rep.rows_changed ? "new version recorded"
                                  : "already recorded, unchanged");
    }
    tn_import_report_release(&rep);
    tn_cli_app_close(&ca);
    return err;
}

tn_err tn_cmd_inspection(struct tn_cli *cli)
{
    if (cli->argc >= 2 && strcmp(cli->argv[1], "record") == 0)
        return record(cli);
    return TN_ERR_USAGE;
}
