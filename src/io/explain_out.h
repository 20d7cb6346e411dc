/*
 * explain_out.h - moved to include/thuno/explain_out.h (a face's writer is public); this stays
 * for the files not yet moved to it.
 */
#ifndef THUNO_IO_EXPLAIN_OUT_H
#define THUNO_IO_EXPLAIN_OUT_H

#include "thuno/explain_out.h"

#endif
