/*
 * app_pack.c - packs: documents of several tables, each a section of one sink (app.h). The
 * People's Committee report (seed 001, docs/inspections.md) is the three tables of the
 * reports pc_report, pc_refusing and pc_measures (report_inspections.c), run through the
 * registry so that the document and the reports cannot drift apart.
 */
#include "app_int.h"

#include <assert.h>

/* The sections of the People's Committee report: heading and report, in order. */
static const struct {
    const char *heading, *report;
} committee[] = {
    {"1. Tình hình sử dụng lao động, đóng BHXH theo địa bàn và loại hình / Labour use and "
     "contributions by district and sector",
     "pc_report"},
    {"2. Đơn vị chây ỳ không đóng BHXH / Units that refuse to pay", "pc_refusing"},
    {"3. Đề nghị các ngành phối hợp xử lý / Measures requested from other agencies", "pc_measures"},
};

tn_err tn_app_committee_pack(struct tn_app *app, const struct tn_scope *scope,
                             const struct tn_report_params *p, const struct tn_sink *out)
{
    app->why[0] = '\0';
    if (p->period < 0)
        return tn__app_fail(app, TN_ERR_USAGE, "the committee report needs a period YYYY-MM");
    tn_err err = tn__app_cut(app, scope);
    for (size_t i = 0; !err && i < sizeof committee / sizeof committee[0]; i++) {
        const struct tn_report *r = tn_app_report(committee[i].report);
        assert(r); /* report_inspections.c registers the three */
        err = out->section(out->ctx, committee[i].heading, r->cols, r->ncols);
        if (!err)
            err = r->run(app, scope, p, out);
    }
    return err;
}
