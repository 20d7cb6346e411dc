/*
 * test_memo.c - the transfer memo parser and matcher (memo.h) on memos written the way units
 * type them at the bank counter or in internet banking: without diacritics, abbreviated,
 * with the period in every usual form, with dates and phone numbers that are not periods or
 * tax codes. Each row says what it checks.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "thuno/memo.h"

static const struct {
    const char *in, *want;
} fold_cases[] = {
    {"Công ty TNHH Hải Âu", "CONG TY TNHH HAI AU"},
    {"Hợp tác xã Nông nghiệp Đồng Tâm", "HOP TAC XA NONG NGHIEP DONG TAM"},
    {"Trường Tiểu học Kim Đồng", "TRUONG TIEU HOC KIM DONG"},
    {"ĐẶNG VĂN LÂM ỨNG ỬNG ỸỴ", "DANG VAN LAM UNG UNG YY"}, /* upper-case precomposed */
    {"Ha\xcc\x89i A\xcc\x82u", "HAI AU"},                   /* NFD: combining hook and circumflex */
    {"  t10/2026;;MST:0100000001-002 ", "T10 2026 MST 0100000001 002"},
    {"bad \xff byte", "BAD BYTE"},        /* an invalid byte separates words */
    {"Peña & Çelik × 2", "PENA CELIK 2"}, /* Latin letters fold as in text.h; '×' separates */
    {"", ""},
};

static void fold_matches_table(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof fold_cases / sizeof fold_cases[0]; i++) {
        char out[128];
        size_t n = tn_memo_fold(fold_cases[i].in, out, sizeof out);
        assert_string_equal(out, fold_cases[i].want);
        assert_int_equal(n, strlen(fold_cases[i].want));
    }
}

static void fold_truncates_at_a_word(void **state)
{
    (void)state;
    char out[9];
    assert_int_equal(tn_memo_fold("cong ty hai au", out, sizeof out), 7);
    assert_string_equal(out, "CONG TY"); /* "HAI" does not fit whole: dropped */
    char one[1];
    assert_int_equal(tn_memo_fold("abc", one, sizeof one), 0);
    assert_string_equal(one, "");
}

/* period: year*12 + month-1; -1 none */
#define P(y, m) ((y)*12 + (m)-1)
static const struct {
    const char *memo;
    int period;
    const char *tax0; /* first tax candidate, "" none */
    size_t ntax;
} parse_cases[] = {
    {"TB0101A CONG TY HAI AU dong bhxh thang 10 nam 2026", P(2026, 10), "", 0},
    {"CTY HAI AU NOP BHXH T10/2026", P(2026, 10), "", 0},
    {"nop tien bhxh 10/2026 MST 0100000001", P(2026, 10), "0100000001", 1},
    {"Nộp BHXH tháng 7 năm 2025 cho NLĐ", P(2025, 7), "", 0},
    {"dong bh thang10/2025", P(2025, 10), "", 0},
    {"BHXH T9.2025 MST0100000002-001", P(2025, 9), "0100000002-001", 1},
    {"BHXH thang 9-2025", P(2025, 9), "", 0},
    {"thang 11 2025 dong bhyt", P(2025, 11), "", 0},
    {"ngay 20/11/2025 nop bhxh", -1, "", 0},                   /* a date is not a period */
    {"ngay 20/11/2025 nop bhxh T10/2025", P(2025, 10), "", 0}, /* the period after the date */
    {"thang 13/2025", -1, "", 0},                              /* no 13th month */
    {"T10/1899", -1, "", 0},                                   /* year outside 1900..2099 */
    {"LH 0912345678 nop bhxh", -1, "0912345678", 1}, /* a phone number: a candidate only */
    {"MST 01000000011 qua dai", -1, "", 0},          /* 11 digits: no tax code */
    {"MST 0100000001-0001", -1, "0100000001", 1},    /* 4-digit branch: the 10 digits only */
    {"0100000001 0100000003 0100000004 0100000005 0100000006", -1, "0100000001", 4}, /* kept: 4 */
    /* internet-banking texts: reference and account numbers are not tax codes */
    {"MBVCB.3852941027.CTY TNHH SAO BIEN CHUYEN TIEN BHXH T11.2025.CT tu 0011001234567 toi "
     "1234567890123",
     P(2025, 11), "3852941027", 1},
    {"IBFT 202511250001234 NOP BHXH BHYT BHTN THANG 11/2025 MST 0200000101", P(2025, 11),
     "0200000101", 1},
    {"FT25329847561230 HTX NONG NGHIEP DONG TAM NOP TIEN BH QUY 3 2025", -1, "", 0},
    {"Thanh toan BHXH ky 10-2025 cho 12 lao dong", P(2025, 10), "", 0}, /* "ky 10-2025" */
    {"NOP BHXH THANG 07.2025", P(2025, 7), "", 0},
    {"nop bhxh t 8 2025", P(2025, 8), "", 0}, /* "T" apart from the month */
    {"NOP BHXH 2025", -1, "", 0},             /* a year alone */
    {"BHXH T11/25", -1, "", 0},               /* 2-digit year: not guessed */
    {"", -1, "", 0},
};

static void parse_matches_table(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof parse_cases / sizeof parse_cases[0]; i++) {
        struct tn_memo m;
        tn_memo_parse(parse_cases[i].memo, &m);
        assert_int_equal(m.period, parse_cases[i].period);
        assert_int_equal(m.ntax, parse_cases[i].ntax);
        if (parse_cases[i].ntax)
            assert_string_equal(m.tax[0], parse_cases[i].tax0);
    }
    struct tn_memo m;
    tn_memo_parse(NULL, &m);
    assert_int_equal(m.period, -1);
    assert_string_equal(m.folded, "");
}

static const struct tn_memo_unit units[] = {
    {"TB0101A", "0200000001", "Công ty TNHH Hải Âu Xanh", NULL},               /* 0 */
    {"TB0102B", "0200000002", "Công ty Cổ phần Hải Âu Xanh Sài Gòn", NULL},    /* 1 */
    {"TB0103C", "0200000003", "Hợp tác xã Nông nghiệp Đồng Tâm", NULL},        /* 2 */
    {"TB0104D", "0200000004", "Công ty TNHH Minh Long", NULL},                 /* 3 */
    {"TB0105E", "0200000005", "Công ty TNHH Minh Long", NULL},                 /* 4: same name */
    {"TB0106F", "0200000001-001", "Chi nhánh Công ty TNHH Hải Âu Xanh", NULL}, /* 5: branch of 0 */
    {"A", "0200000009", "Công ty TNHH An", NULL},                              /* 6: short code */
};
#define NU (sizeof units / sizeof units[0])

static const struct {
    const char *memo;
    enum tn_memo_method method;
    size_t unit; /* SIZE_MAX: none */
    int confidence;
    size_t ncand;
} match_cases[] = {
    {"TB0101A CONG TY HAI AU XANH dong bhxh thang 10 nam 2026", TN_MEMO_CODE, 0, 95, 1},
    {"tb0103c htx dong tam nop bh T10/2026", TN_MEMO_CODE, 2, 95, 1},    /* lower-case code */
    {"MDV:TB0104D;MST:0200000004 BHXH 10/2026", TN_MEMO_CODE, 3, 99, 1}, /* code and tax agree */
    {"TB0104D MST 0200000005", TN_MEMO_AMBIGUOUS, SIZE_MAX, 0, 2},       /* they disagree */
    {"TB0104D TB0105E dong chung", TN_MEMO_AMBIGUOUS, SIZE_MAX, 0, 2},   /* two codes */
    {"nop bhxh MST 0200000003 thang 9/2026", TN_MEMO_TAX, 2, 90, 1},
    {"MST 0200000001-001 CN HAI AU XANH", TN_MEMO_TAX, 5, 90, 1}, /* the branch's own */
    {"MST 0200000001 nop bhxh", TN_MEMO_TAX, 0, 90, 1}, /* the parent's, not the branch's */
    {"SDT 0912345678 CTY TNHH HAI AU XANH", TN_MEMO_NAME, 0, 70, 1}, /* phone: no tax */
    {"CONG TY HAI AU XANH SAI GON nop BH", TN_MEMO_NAME, 1, 70, 2},  /* longest name wins */
    {"Công ty Hải Âu Xanh nộp BHXH tháng 10", TN_MEMO_NAME, 0, 70, 1},
    {"CN CTY HAI AU XANH nop bhxh", TN_MEMO_NAME, 5, 70, 2}, /* the branch */
    {"HOP TAC XA NONG NGHIEP DONG TAM nop bhxh", TN_MEMO_NAME, 2, 70, 1},
    {"CTY MINH LONG nop BHXH", TN_MEMO_AMBIGUOUS, SIZE_MAX, 0, 2}, /* two units, same name */
    {"A CONG TY nop tien", TN_MEMO_NONE, SIZE_MAX, 0, 0},          /* "A" is only a word */
    {"NOP TIEN BHXH KHONG RO DON VI", TN_MEMO_NONE, SIZE_MAX, 0, 0},
    {"CTY MINH nop", TN_MEMO_NONE, SIZE_MAX, 0, 0}, /* part of a name only */
    {"MBVCB.3852941027.TB0106F CHUYEN TIEN BHXH T11.2025", TN_MEMO_CODE, 5, 95, 1},
    {"IBFT NOP BHXH MST 0200000004-000", TN_MEMO_NONE, SIZE_MAX, 0, 0},       /* no such branch */
    {"CONG TY TNHH MTV MINH LONG nop bh", TN_MEMO_AMBIGUOUS, SIZE_MAX, 0, 2}, /* MTV dropped */
    {"Cty Cp Hai Au Xanh Sai Gon ck bhxh", TN_MEMO_NAME, 1, 70, 2},           /* mixed case, CP */
    {"HAIAU XANH nop bhxh", TN_MEMO_NONE, SIZE_MAX, 0, 0}, /* glued words: review */
    {"", TN_MEMO_NONE, SIZE_MAX, 0, 0},
};

static void match_matches_table(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof match_cases / sizeof match_cases[0]; i++) {
        struct tn_memo m;
        struct tn_memo_match r;
        tn_memo_parse(match_cases[i].memo, &m);
        tn_memo_match(&m, units, NU, &r);
        if (r.method != match_cases[i].method || r.unit != match_cases[i].unit ||
            r.confidence != match_cases[i].confidence || r.ncand != match_cases[i].ncand)
            fail_msg("row %zu \"%s\": got %s unit %zu conf %d ncand %zu (%s)", i,
                     match_cases[i].memo, tn_memo_method_name(r.method), r.unit, r.confidence,
                     r.ncand, r.reason);
        assert_true(r.reason[0] != '\0');
    }
}

/* keyed: the units of the table with their names keyed once into keys. */
static void key_units(struct tn_memo_unit keyed[static NU], char keys[static NU][TN_MEMO_TEXT_MAX])
{
    for (size_t u = 0; u < NU; u++) {
        tn_memo_name_key(units[u].name, keys[u]);
        keyed[u] = units[u];
        keyed[u].name_key = keys[u];
    }
}

/* Names keyed once (tn_memo_name_key, as the suspense reports do) match exactly as names
 * worked out at each match: same method, unit, confidence, candidates and reason. */
static void keyed_names_match_alike(void **state)
{
    (void)state;
    struct tn_memo_unit keyed[NU];
    char keys[NU][TN_MEMO_TEXT_MAX];
    key_units(keyed, keys);
    assert_string_equal(keys[0], "HAI AU XANH");
    assert_string_equal(keys[5], "CHI NHANH HAI AU XANH");
    for (size_t i = 0; i < sizeof match_cases / sizeof match_cases[0]; i++) {
        struct tn_memo m;
        struct tn_memo_match a, b;
        tn_memo_parse(match_cases[i].memo, &m);
        tn_memo_match(&m, units, NU, &a);
        tn_memo_match(&m, keyed, NU, &b);
        assert_int_equal(a.method, b.method);
        assert_int_equal(a.unit, b.unit);
        assert_int_equal(a.confidence, b.confidence);
        assert_int_equal(a.ncand, b.ncand);
        for (size_t k = 0; k < a.ncand; k++)
            assert_int_equal(a.cand[k], b.cand[k]);
        assert_string_equal(a.reason, b.reason);
    }
}

/* The indexed match gives what the exhaustive one (the reference) gives on memo. */
static void assert_index_alike(const char *memo, const struct tn_memo_unit *us, size_t n,
                               const struct tn_memo_index *ix)
{
    struct tn_memo m;
    struct tn_memo_match a, b;
    tn_memo_parse(memo, &m);
    tn_memo_match(&m, us, n, &a);
    tn_memo_index_match(&m, ix, &b);
    int same = a.method == b.method && a.unit == b.unit && a.confidence == b.confidence &&
               a.ncand == b.ncand && strcmp(a.reason, b.reason) == 0;
    for (size_t k = 0; same && k < a.ncand; k++)
        same = a.cand[k] == b.cand[k];
    if (!same)
        fail_msg("\"%s\": reference %s unit %zu conf %d ncand %zu (%s); index %s unit %zu conf %d "
                 "ncand %zu (%s)",
                 memo, tn_memo_method_name(a.method), a.unit, a.confidence, a.ncand, a.reason,
                 tn_memo_method_name(b.method), b.unit, b.confidence, b.ncand, b.reason);
}

static void index_matches_table_alike(void **state)
{
    (void)state;
    struct tn_memo_unit keyed[NU];
    char keys[NU][TN_MEMO_TEXT_MAX];
    key_units(keyed, keys);
    struct tn_memo_index *ix, *kx;
    tn_memo_index_new(units, NU, &ix);
    tn_memo_index_new(keyed, NU, &kx);
    for (size_t i = 0; i < sizeof match_cases / sizeof match_cases[0]; i++) {
        assert_index_alike(match_cases[i].memo, units, NU, ix);
        assert_index_alike(match_cases[i].memo, keyed, NU, kx);
    }
    tn_memo_index_free(ix);
    tn_memo_index_free(kx);
    tn_memo_index_free(NULL);
    struct tn_memo_index *empty;
    tn_memo_index_new(units, 0, &empty);
    assert_index_alike("TB0101A MST 0200000001 CTY HAI AU XANH", units, 0, empty);
    tn_memo_index_free(empty);
}

/* Deterministic pseudo-random numbers (a 64-bit LCG, Knuth's MMIX constants). */
static unsigned rnd(uint64_t *seed, unsigned below)
{
    *seed = *seed * 6364136223846793005u + 1442695040888963407u;
    return (unsigned)((*seed >> 33) % below);
}

#define GEN_UNITS 2500
#define GEN_MEMOS 4000

static const char *const gen_forms[] = {
    "Công ty TNHH ",
    "Công ty Cổ phần ",
    "Hợp tác xã ",
    "Chi nhánh Công ty TNHH ",
    "Doanh nghiệp tư nhân ",
    "Trường ",
    "",
    "Công ty TNHH MTV ",
};
static const char *const gen_words[] = {
    "Hải", "Âu",    "Xanh", "Minh", "Long", "Sài",   "Gòn", "Đồng", "Tâm", "An",
    "Phú", "Thịnh", "Việt", "Nam",  "Bình", "Dương", "Kim", "Ngọc", "Hoa", "Sen",
};
static const char *const gen_noise[] = {
    "nop bhxh", "T10/2026",  "CTY", "CN",
    "HTX",      "TNHH",      "MST", "dong bh thang 9 nam 2025",
    "CP",       "chi nhanh", "ck",  "0912345678",
    "a",        "cong ty",
};
#define COUNT(a) (sizeof(a) / sizeof(a)[0])

/* Units with shared codes, tax codes and names, memos made of their codes, tax codes, names
 * and noise: the index and the reference agree on every one. */
static void index_matches_generated_alike(void **state)
{
    (void)state;
    static struct tn_memo_unit us[GEN_UNITS];
    static char codes[GEN_UNITS][16], taxes[GEN_UNITS][24], names[GEN_UNITS][160];
    static char keys[GEN_UNITS][TN_MEMO_TEXT_MAX];
    uint64_t seed = 20261201;
    for (size_t u = 0; u < GEN_UNITS; u++) {
        unsigned k = rnd(&seed, 20);
        if (k == 0)
            snprintf(codes[u], sizeof codes[u], "TB0000X"); /* one code of many units */
        else if (k == 1)
            snprintf(codes[u], sizeof codes[u], "%c%u", 'A' + rnd(&seed, 3), rnd(&seed, 10));
        else
            snprintf(codes[u], sizeof codes[u], "TB%04u%c", rnd(&seed, 1800), 'A' + rnd(&seed, 2));
        k = rnd(&seed, 20);
        if (k == 0)
            snprintf(taxes[u], sizeof taxes[u], "0200000000");
        else if (k == 1)
            snprintf(taxes[u], sizeof taxes[u], "02%08u-%03u", rnd(&seed, 1800), rnd(&seed, 3));
        else
            snprintf(taxes[u], sizeof taxes[u], "02%08u", rnd(&seed, 1800));
        int o = snprintf(names[u], sizeof names[u], "%s", gen_forms[rnd(&seed, COUNT(gen_forms))]);
        for (unsigned w = 0, nw = 1 + rnd(&seed, 3); w < nw; w++)
            o += snprintf(names[u] + o, sizeof names[u] - (size_t)o, "%s%s", w ? " " : "",
                          gen_words[rnd(&seed, COUNT(gen_words))]);
        tn_memo_name_key(names[u], keys[u]);
        us[u] =
            (struct tn_memo_unit){codes[u], rnd(&seed, 10) ? taxes[u] : NULL, names[u], keys[u]};
    }
    struct tn_memo_index *ix;
    tn_memo_index_new(us, GEN_UNITS, &ix);
    size_t methods[5] = {0}, many = 0;
    for (size_t i = 0; i < GEN_MEMOS; i++) {
        char memo[400];
        int o = 0;
        for (unsigned p = 0, np = 1 + rnd(&seed, 5); p < np && o < 300; p++) {
            size_t u = rnd(&seed, GEN_UNITS);
            const char *part;
            char buf[200];
            switch (rnd(&seed, 7)) {
            case 0:
                part = codes[u];
                break;
            case 1: /* a code typed in lower case */
                snprintf(buf, sizeof buf, "%s", codes[u]);
                for (char *c = buf; *c; c++)
                    *c = (char)(*c >= 'A' && *c <= 'Z' ? *c - 'A' + 'a' : *c);
                part = buf;
                break;
            case 2:
                part = taxes[u];
                break;
            case 3:
            case 4:
                part = names[u];
                break;
            case 5: /* a name's last words */
                part = strrchr(names[u], ' ') ? strrchr(names[u], ' ') + 1 : names[u];
                break;
            default:
                part = gen_noise[rnd(&seed, COUNT(gen_noise))];
                break;
            }
            o += snprintf(memo + o, sizeof memo - (size_t)o, "%s%s", p ? " " : "", part);
        }
        struct tn_memo m;
        struct tn_memo_match r;
        tn_memo_parse(memo, &m);
        tn_memo_match(&m, us, GEN_UNITS, &r);
        methods[r.method]++;
        many += r.ncand == TN_MEMO_CAND_MAX;
        assert_index_alike(memo, us, GEN_UNITS, ix);
    }
    tn_memo_index_free(ix);
    /* the memos exercise every outcome, and candidate lists cut at their maximum */
    for (size_t k = 0; k < 5; k++)
        assert_true(methods[k] > 20);
    assert_true(many > 20);
}

static void method_names(void **state)
{
    (void)state;
    assert_string_equal(tn_memo_method_name(TN_MEMO_CODE), "unit_code");
    assert_string_equal(tn_memo_method_name(TN_MEMO_TAX), "tax_code");
    assert_string_equal(tn_memo_method_name(TN_MEMO_NAME), "name");
    assert_string_equal(tn_memo_method_name(TN_MEMO_AMBIGUOUS), "ambiguous");
    assert_string_equal(tn_memo_method_name(TN_MEMO_NONE), "none");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(fold_matches_table),
        cmocka_unit_test(fold_truncates_at_a_word),
        cmocka_unit_test(parse_matches_table),
        cmocka_unit_test(match_matches_table),
        cmocka_unit_test(keyed_names_match_alike),
        cmocka_unit_test(index_matches_table_alike),
        cmocka_unit_test(index_matches_generated_alike),
        cmocka_unit_test(method_names),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
