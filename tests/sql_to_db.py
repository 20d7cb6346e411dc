#!/usr/bin/env python3
"""Makes the SQLite file OUT from the SQL dump IN (tests/data/store_thuno1_*.sql): the stores
of earlier binaries that tests/test_store_migrate.c migrates."""
import os
import sqlite3
import sys

src, dst = sys.argv[1], sys.argv[2]
if os.path.exists(dst):
    os.unlink(dst)
with open(src, encoding="utf-8") as f:
    sql = f.read()
db = sqlite3.connect(dst)
db.executescript(sql)
db.close()
