/*
 * settings.c - the office settings every document header reads (docs/letters.md "The office
 * settings"): templates/letterhead.txt (or $THUNO_TEMPLATES/letterhead.txt), the issuing
 * office's own lines winning when a run is cut by office. A missing setting is an error that
 * names the file, never a blank header.
 */
#include "cli.h"

#include <stdio.h>
#include <stdlib.h>

#ifndef THUNO_TEMPLATES_DIR
#define THUNO_TEMPLATES_DIR "templates"
#endif

void tn_cli_settings_path(char *buf, size_t n)
{
    const char *tdir = getenv("THUNO_TEMPLATES");
    snprintf(buf, n, "%s/letterhead.txt", tdir && *tdir ? tdir : THUNO_TEMPLATES_DIR);
}

tn_err tn_cli_office_settings(const char *what, const char *path, const char *office,
                              struct tn_letterhead *lh)
{
    char def[1024], why[512];
    if (!path) {
        tn_cli_settings_path(def, sizeof def);
        path = def;
    }
    char *problems = NULL;
    tn_err err = tn_app_letterhead_load(path, office, lh, &problems);
    if (err) {
        tn_cli_error(what, "%s", problems ? problems : path);
        free(problems);
        return err;
    }
    free(problems);
    if ((err = tn_letterhead_check(lh, path, why, sizeof why))) {
        tn_cli_error(what, "%s", why);
        tn_letterhead_release(lh);
    }
    return err;
}

tn_err tn_cli_office_header(const char *what, const char *office, char *buf, size_t n)
{
    struct tn_letterhead lh;
    tn_err err = tn_cli_office_settings(what, NULL, office, &lh);
    if (err)
        return err;
    snprintf(buf, n, "%s — %s", lh.agency, lh.office);
    tn_letterhead_release(&lh);
    return TN_OK;
}
