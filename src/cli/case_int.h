/*
 * case_int.h - what cmd_case.c shares with cmd_case_register.c (the registers kept beside a
 * case's events, docs/case-registers.md). Only src/cli/ includes this.
 */
#ifndef THUNO_CLI_CASE_INT_H
#define THUNO_CLI_CASE_INT_H

#include <stddef.h>

#include "cli.h"
#include "thuno/app.h"
#include "thuno/money.h"

/* Writes m grouped as the case screens print it ("1.500.000"), or "-" when m is negative. */
void tn__case_money(tn_money m, char buf[static 32]);

/* Runs `thuno case SUB ...` on app when SUB is a register verb (fee, hearing, claim, asset,
 * verify, priority, measure, bank-order, bank-reply, tip, tip-result, agent, branch) and sets
 * *handled; leaves *handled 0 otherwise. Errors: TN_ERR_USAGE, TN_ERR_REJECTED (bad data,
 * already reported), TN_ERR_STORE. */
tn_err tn__case_register_cmd(struct tn_app *app, const char *sub, int argc, char **argv,
                             int *handled);

/* Prints the registers of v, its branches and the ledger's claim at filing beside the
 * recorded one; prints nothing for a case with none of them. */
void tn__case_registers_print(const struct tn_case_view *v);

#endif
