"""The reference for the `step` section: COUNT single-row SQLite commits (WAL,
synchronous=FULL), each its own transaction. Prints the seconds they took.

Usage: bare_commits.py DATABASE COUNT"""

import os
import sqlite3
import sys
import time

path, count = sys.argv[1], int(sys.argv[2])
for suffix in ("", "-wal", "-shm"):
    if os.path.exists(path + suffix):
        os.remove(path + suffix)
db = sqlite3.connect(path, isolation_level=None)
assert db.execute("PRAGMA journal_mode = WAL").fetchone()[0] == "wal"
db.execute("PRAGMA synchronous = FULL")
db.execute("CREATE TABLE step (turn INTEGER PRIMARY KEY, at TEXT NOT NULL, kind TEXT NOT NULL, detail TEXT NOT NULL)")
detail = '{"choice":"listen-first","scene":"opening-walk"}'
t0 = time.perf_counter()
for turn in range(count):
    db.execute("BEGIN IMMEDIATE")
    db.execute("INSERT INTO step VALUES (?, ?, ?, ?)", (turn, "2024-06-01T09:00:00.000Z", "choose", detail))
    db.execute("COMMIT")
print(repr(time.perf_counter() - t0))
