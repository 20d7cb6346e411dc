#!/usr/bin/env python3
"""Turns schema.sql into a C header holding it as one string constant."""
import sys

src, dst, name = sys.argv[1], sys.argv[2], sys.argv[3]
with open(src, encoding="utf-8") as f:
    text = f.read()
with open(dst, "w", encoding="utf-8") as f:
    f.write("/* generated from %s: do not edit */\n" % src.split("/")[-1])
    f.write("static const char %s[] =\n" % name)
    for line in text.splitlines():
        f.write('    "%s\\n"\n' % line.replace("\\", "\\\\").replace('"', '\\"'))
    f.write("    ;\n")
