"""Spawns one command and prints `exit-status wall-seconds peak-rss-KiB cpu-seconds` on one
line (CPU: user plus system time of the command, which other processes on a busy machine
do not stretch as they stretch wall time).

Usage: timed.py STDERR-FILE STDIN-FILE STDOUT-FILE COMMAND [ARG...]
Run with `python3 -S -I` so this launcher's own footprint stays small (see measure.py)."""

import os
import sys
import time

err, stdin, stdout, argv = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
fe = os.open(err, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
fi = os.open(stdin, os.O_RDONLY)
fo = os.open(stdout, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
actions = [(os.POSIX_SPAWN_DUP2, fi, 0), (os.POSIX_SPAWN_DUP2, fo, 1), (os.POSIX_SPAWN_DUP2, fe, 2)]
t0 = time.perf_counter()
pid = os.posix_spawnp(argv[0], argv, os.environ, file_actions=actions)
_, status, usage = os.wait4(pid, 0)
t1 = time.perf_counter()
print(os.waitstatus_to_exitcode(status), repr(t1 - t0), usage.ru_maxrss, repr(usage.ru_utime + usage.ru_stime))
