/* TEMP placeholder until the real command lands */
#include "cli.h"
tn_err tn_cmd_import(struct tn_cli *cli)
{
    (void)cli;
    return TN_ERR_STATE;
}
