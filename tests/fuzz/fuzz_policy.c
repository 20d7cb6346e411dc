/*
 * fuzz_policy.c - the policy loader (io/policy_load.c) with one of its files replaced by any
 * bytes: it loads or refuses with a message naming the file, and never reads out of bounds.
 * The other files are the real ones of policy/ (THUNO_POLICY).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fuzz.h"
#include "thuno/policy.h"
#include "thuno/policy_load.h"

static const char *const files[] = {
    "allocation.csv",      "base_salary.csv",    "caps.csv",        "card_groups.csv",
    "card_lock.csv",       "case_deadlines.csv", "checklist.csv",   "criminal.csv",
    "handover.csv",        "deadlines.csv",      "inspections.csv", "interest.csv",
    "interest_k.csv",      "ladder.csv",         "legal.csv",       "min_wage.csv",
    "non_participant.csv", "public_list.csv",    "rates.csv",       "sanctions.csv",
    "tip_reward.csv",      "calendar.csv",       "holidays.csv",    "citations.csv"};
#define NFILES (sizeof files / sizeof files[0])

/* the scratch policy directory: a symbolic link to every real file */
static const char *policy_dir(void)
{
    static char dir[256];
    if (!dir[0]) {
        const char *real = getenv("THUNO_POLICY");
        snprintf(dir, sizeof dir, "%s", tn_fuzz_dir());
        for (size_t i = 0; i < NFILES; i++) {
            char from[512], to[512];
            snprintf(from, sizeof from, "%s/%s", real ? real : "policy", files[i]);
            snprintf(to, sizeof to, "%s/%s", dir, files[i]);
            if (symlink(from, to))
                abort();
        }
    }
    return dir;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *dir = policy_dir();
    if (size == 0)
        return 0;
    const char *file = files[data[0] % NFILES];
    char link[512], target[512];
    snprintf(link, sizeof link, "%s/%s", dir, file);
    ssize_t n = readlink(link, target, sizeof target - 1);
    if (n < 0)
        abort();
    target[n] = '\0';
    unlink(link);
    tn_fuzz_file(file, data + 1, size - 1);
    struct tn_policy pol;
    char msg[1024];
    tn_policy_init(&pol);
    tn_err err = tn_policy_load(dir, &pol, msg, sizeof msg);
    if (err != TN_OK && !msg[0])
        abort(); /* a refusal says which file and line */
    if (err == TN_OK)
        tn_policy_release(&pol);
    unlink(link);
    if (symlink(target, link))
        abort();
    return 0;
}
