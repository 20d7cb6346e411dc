/*
 * case_int.h - what cmd_case.c shares with cmd_case_register.c (the registers kept beside a
 * case's events, docs/case-registers.md). Only src/cli/ includes this.
 */
#ifndef THUNO_CLI_CASE_INT_H
#define THUNO_CLI_CASE_INT_H

#include <stddef.h>

#include "cli.h"
#include "thuno/money.h"

struct tn_store;
struct tn_case_event_row;

/* Writes m grouped as the case screens print it ("1.500.000"), or "-" when m is negative. */
void tn__case_money(tn_money m, char buf[static 32]);

/* Runs `thuno case SUB ...` when SUB is a register verb (fee, hearing, claim, asset, verify,
 * priority, measure, bank-order, bank-reply, tip, tip-result, agent, branch) and sets
 * *handled; leaves *handled 0 otherwise. Errors: TN_ERR_USAGE, TN_ERR_REJECTED (bad data,
 * already reported), TN_ERR_STORE. */
tn_err tn__case_register_cmd(struct tn_cli *cli, struct tn_store *s, const char *sub, int argc,
                             char **argv, int *handled);

/* Prints the case's registers, branches and the ledger's claim at filing beside the recorded
 * one, as of as_of (NULL: now); prints nothing for a case with none of them. ev[0..n) are
 * the case's events as of as_of. Errors: TN_ERR_STORE, TN_ERR_NO_POLICY. */
tn_err tn__case_registers_show(struct tn_cli *cli, struct tn_store *s, const char *case_id,
                               const char *as_of, const struct tn_case_event_row *ev, size_t n);

#endif
