/*
 * letter_rule.c - the rules the letters to units follow beyond their figures (letter_rule.h;
 * docs/letters.md): the reminder's addressees and its 10 days (Law 41/2024/QH15 Art 35;
 * Decree 274/2025/NĐ-CP), the units left to their case, the register's numbers, a mass
 * letter's selection, what a C12-TS notice carries over, and the ladder's departments.
 */
#include "thuno/letter_rule.h"

#include <string.h>

int tn_letter_rule_reminded(const char *legal_status)
{
    return strcmp(legal_status, "late") == 0 || strcmp(legal_status, "evading") == 0;
}

int tn_letter_rule_reminder_late_day(tn_day date)
{
    int y, m, d;
    tn_day_civil(date, &y, &m, &d);
    return d > TN_LETTER_RULE_REMINDER_DAYS ? d : 0; /* LAW: Decree 274/2025/NĐ-CP */
}

int tn_letter_rule_left_to_case(enum tn_case_state state)
{
    return tn_case_state_in_court(state);
}

tn_err tn_letter_rule_first_number(int number_from, int next, int *out)
{
    if (number_from > 0 && number_from < next)
        return TN_ERR_CONFLICT;
    *out = number_from > 0 ? number_from : next;
    return TN_OK;
}

tn_err tn_letter_rule_status_parse(const char *list, unsigned *out, const char **bad,
                                   size_t *bad_len)
{
    static const char *const names[] = {"current", "late", "evading", "owing", "locked"};
    unsigned want = 0;
    const char *s = list;
    while (*s) {
        size_t len = strcspn(s, ",");
        int found = 0;
        if (len == 3 && strncmp(s, "all", 3) == 0) {
            found = 1;
            want = 0;
        }
        for (unsigned i = 0; i < 5 && !found; i++)
            if (strlen(names[i]) == len && strncmp(s, names[i], len) == 0) {
                want |= 1u << i;
                found = 1;
            }
        if (!found) {
            if (bad)
                *bad = s;
            if (bad_len)
                *bad_len = len;
            return TN_ERR_PARSE;
        }
        s += len + (s[len] == ',');
    }
    *out = want;
    return TN_OK;
}

int tn_letter_rule_selected(unsigned want, const char *legal_status, tn_money closing,
                            int months_owed_tenths, int lock_tenths)
{
    if (!want)
        return 1;
    return ((want & TN_LETTER_SEL_CURRENT) && strcmp(legal_status, "current") == 0) ||
           ((want & TN_LETTER_SEL_LATE) && strcmp(legal_status, "late") == 0) ||
           ((want & TN_LETTER_SEL_EVADING) && strcmp(legal_status, "evading") == 0) ||
           ((want & TN_LETTER_SEL_OWING) && closing > 0) ||
           ((want & TN_LETTER_SEL_LOCKED) && months_owed_tenths >= lock_tenths);
}

tn_money tn_letter_rule_funds_total(const tn_money v[static TN_G_COUNT])
{
    tn_money sum = 0;
    for (int g = 0; g < TN_G_COUNT; g++)
        sum += v[g];
    return sum;
}

tn_money tn_letter_rule_carried(tn_money closing, int *credit)
{
    *credit = closing < 0;
    return closing < 0 ? -closing : closing;
}

int tn_letter_rule_months_shown(int months_owed_tenths)
{
    return months_owed_tenths < 0 ? 0 : months_owed_tenths;
}

const char *tn_letter_rule_event_department(const struct tn_policy *pol, enum tn_case_event e)
{
    for (size_t i = 0; i < pol->nladder; i++)
        if (pol->ladder[i].event == e && strcmp(pol->ladder[i].office, "*") == 0)
            return pol->ladder[i].department;
    return "";
}
