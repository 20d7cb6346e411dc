/*
 * policy_load_int.h - the row readers of policy_load.c that live in their own files (the
 * statutory calendar: policy_calendar.c). Only src/io/ includes this.
 */
#ifndef THUNO_IO_POLICY_LOAD_INT_H
#define THUNO_IO_POLICY_LOAD_INT_H

#include <stddef.h>

#include "thuno/policy.h"

/* calendar.csv and holidays.csv: parse one row (cells in the spec's column order) into pol.
 * Errors: TN_ERR_PARSE (why says what was expected), TN_ERR_CONFLICT (a second line with the
 * same duty and start, the same day, or a second year line). */
tn_err tn__policy_duty_row(struct tn_policy *pol, const char *const *c, char *why, size_t whysz);
tn_err tn__policy_holiday_row(struct tn_policy *pol, const char *const *c, char *why, size_t whysz);

#endif
