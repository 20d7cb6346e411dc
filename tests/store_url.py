"""tests/store_url.py - tests/db.sh for the Python tests: where a test's store lives, so that
every test runs on both engines (docs/store.md "Engines")."""
import os
import random
import re
import shutil
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


def store_rows(url, sql):
    """The rows of a query on the store, each a tuple of texts as the engine's command-line
    client prints them (NULL as ''): compare rows of stores on the same engine."""
    if url.startswith("postgres"):
        cmd = ["psql", "-X", "-A", "-t", "-q", "-v", "ON_ERROR_STOP=1", "-F", "\x1f",
               "-R", "\x1e", "--dbname", url, "-c", sql]
    else:
        cmd = ["sqlite3", "-batch", "-separator", "\x1f", "-newline", "\x1e", url, sql]
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    return [tuple(r.split("\x1f")) for r in out.rstrip("\n").split("\x1e") if r]


def store_copy(url, directory, name):
    """A copy of the store at url (no process using it) as a new store called name (as
    store_url); returns its URL."""
    to = store_url(directory, name)
    if not url.startswith("postgres"):
        shutil.copyfile(url, to)
        return to
    admin = "postgresql:///postgres?" + to.split("?", 1)[1]
    src, new = url.split(":///", 1)[1].split("?")[0], to.split(":///", 1)[1].split("?")[0]
    subprocess.run(["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "--dbname", admin,
                    "-c", 'DROP DATABASE "%s"' % new,
                    "-c", 'CREATE DATABASE "%s" TEMPLATE "%s"' % (new, src)],
                   check=True, capture_output=True)
    return to
