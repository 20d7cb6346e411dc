/*
 * reward_load.h - reading policy/tip_reward.csv, the effective-dated rule of the reward owed
 * to an informant whose tip led to recovery (case_register.h, docs/case-registers.md).
 * Read on its own, beside tn_policy_load(), so that the rest of the policy is unchanged.
 */
#ifndef THUNO_IO_REWARD_LOAD_H
#define THUNO_IO_REWARD_LOAD_H

#include <stddef.h>

#include "thuno/case_register.h"

struct tn_tip_rewards {
    struct tn_tip_reward_rule *rules; /* sorted by from; sources owned */
    size_t n;
};

void tn_tip_rewards_init(struct tn_tip_rewards *r);
/* Frees the rules and their sources; r is as if just initialized. */
void tn_tip_rewards_release(struct tn_tip_rewards *r);

/* Reads dir/tip_reward.csv (from,rate,cap,min_recovered,source) into r (initialized, empty).
 * On failure r stays empty and msg says "FILE:LINE: what was expected (got ...)". Errors:
 * TN_ERR_IO, TN_ERR_PARSE (a bad cell, or the file has no line), TN_ERR_CONFLICT (two lines
 * with one start). */
tn_err tn_tip_rewards_load(const char *dir, struct tn_tip_rewards *r, char *msg, size_t msgsz);

#endif
