/*
 * fuzz.h - what the fuzz targets share (tests/fuzz/, docs/reliability.md "Fuzzing"): each
 * target defines LLVMFuzzerTestOneInput; built with clang -fsanitize=fuzzer it is a libFuzzer
 * binary (scripts/fuzz.sh), built with replay.c it runs every file of its corpus once, as a
 * regression test of the ordinary suite (tests/meson.build), so a crash once found stays fixed.
 */
#ifndef THUNO_FUZZ_H
#define THUNO_FUZZ_H

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Writes data to a file of this process's scratch directory named name (made once, removed at
 * exit) and returns its path (static storage, overwritten by the next call). */
const char *tn_fuzz_file(const char *name, const uint8_t *data, size_t size);

/* The scratch directory of this process (made on first use, removed at exit). */
const char *tn_fuzz_dir(void);

/* The store a target opens: ":memory:", or the URL in THUNO_FUZZ_STORE (an empty PostgreSQL
 * database, set by tests/fuzz/replay_store.sh when the tests run on PostgreSQL). */
const char *tn_fuzz_store(void);

#endif
