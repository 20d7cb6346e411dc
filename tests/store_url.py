"""tests/store_url.py - tests/db.sh for the Python tests: where a test's store lives, so that
every test runs on both engines (docs/store.md "Engines")."""
import os
import random
import re
import subprocess

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def on_pg():
    """True when the tests run on PostgreSQL (THUNO_TEST_PG: the test server's socket dir)."""
    return bool(os.environ.get("THUNO_TEST_PG"))


def store_url(directory, name):
    """The URL of a new, empty store called name: a file in directory, or a new database."""
    if not on_pg():
        return os.path.join(directory, name + ".db")
    db = "t_%s_%d_%d" % (re.sub(r"[^a-zA-Z0-9_]", "_", name), os.getpid(),
                         random.randrange(1 << 30))
    out = subprocess.run(["bash", os.path.join(ROOT, "scripts/pg.sh"), "newdb",
                          os.environ["THUNO_TEST_PG"], db[:60]],
                         check=True, capture_output=True, text=True)
    return out.stdout.strip().splitlines()[-1]
