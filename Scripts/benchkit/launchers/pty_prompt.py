"""Runs each command of a JSON list on a new pseudo-terminal (80x24) and times it from the
fork to the first `until` bytes in its output (null: to its exit), then sends Ctrl-D,
reads to the end and reaps it. Prints a JSON list with one result per command.

Usage: pty_prompt.py '[{"argv": [...], "cwd": "...", "env": {...}, "until": "> "}, ...]'"""

import fcntl
import json
import os
import pty
import select
import signal
import struct
import sys
import termios
import time

results = []
for job in json.loads(sys.argv[1]):
    argv, cwd, env = job["argv"], job["cwd"], job["env"]
    until = job["until"].encode() if job["until"] else None
    t0 = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:
        try:
            fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
            os.chdir(cwd)
            os.execve(argv[0], argv, env)
        finally:
            os._exit(127)
    out, t1, timed_out = b"", None, False
    while True:
        ready, _, _ = select.select([fd], [], [], 30)
        if not ready:
            timed_out = True
            os.kill(pid, signal.SIGKILL)
            break
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            chunk = b""
        if not chunk:
            break
        out += chunk
        if until is not None and t1 is None and until in out:
            t1 = time.perf_counter()
            os.write(fd, b"\x04")
    _, status = os.waitpid(pid, 0)
    t_end = time.perf_counter()
    os.close(fd)
    seen = until is None or t1 is not None
    results.append({"code": os.waitstatus_to_exitcode(status), "seen": seen, "timedOut": timed_out,
                    "seconds": (t1 if t1 is not None else t_end) - t0,
                    "output": "" if seen and not timed_out else out[-2000:].decode("utf-8", "replace")})
print(json.dumps(results))
