"""Timing child processes: wall time, peak RSS, exit status and standard error.

Peak RSS comes from wait4()'s rusage. Linux folds the RSS high-water mark of the
process that calls exec into the child's ru_maxrss, so spawning from this (possibly
large) process would inflate small results: children are spawned by a small launcher
interpreter (`launchers/timed.py`), which also times them."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from .core import BenchError

LAUNCHERS = Path(__file__).resolve().parent / "launchers"


@dataclass
class Measurement:
    wall: float       # seconds
    rss_kib: int      # peak resident set size
    exit_code: int
    stderr: str
    cpu: float = 0.0  # user + system seconds

    @property
    def rss_mib(self) -> float:
        return self.rss_kib / 1024


def launcher(name: str) -> str:
    return str(LAUNCHERS / name)


def measure(argv: list[str], stderr: Path, stdin: Optional[Path] = None, stdout: Optional[Path] = None,
            env: Optional[dict[str, str]] = None, cwd: Optional[Path] = None) -> Measurement:
    """Runs argv (standard input and output from/to /dev/null unless given) and measures it."""
    proc = subprocess.run([sys.executable, "-S", "-I", launcher("timed.py"), str(stderr),
                           str(stdin or os.devnull), str(stdout or os.devnull), *argv],
                          capture_output=True, text=True, env=env, cwd=cwd)
    if proc.returncode != 0:
        raise BenchError(f"could not run {argv[0]}: {proc.stderr.strip()}")
    code, wall, rss, cpu = proc.stdout.split()
    err = stderr.read_text(encoding="utf-8", errors="replace")
    return Measurement(float(wall), int(rss), int(code), err, float(cpu))


def measure_pty(jobs: list[dict]) -> list[dict]:
    """Runs `launchers/pty_prompt.py` on `jobs` (each: argv, cwd, env, until) and returns its results."""
    proc = subprocess.run([sys.executable, "-S", "-I", launcher("pty_prompt.py"), json.dumps(jobs)],
                          capture_output=True, text=True)
    if proc.returncode != 0:
        raise BenchError(f"pseudo-terminal launcher failed: {proc.stderr.strip()}")
    return json.loads(proc.stdout)


def fail_run(what: str, m: Measurement, limit: int = 200) -> BenchError:
    lines = m.stderr.splitlines()
    shown = "\n".join(lines[:limit])
    more = f"\n... ({len(lines) - limit} more lines)" if len(lines) > limit else ""
    return BenchError(f"{what} exited with {m.exit_code}; stderr:\n{shown}{more}")


def python_references() -> list[str]:
    """The python3 interpreters to time `-c pass` with: the one running this script, the
    one on PATH and the system's, resolved to real executables (wrapper scripts such as
    version-manager shims are skipped, since they would only slow the reference down)."""
    found: list[str] = []
    for candidate in (sys.executable, shutil.which("python3"), "/usr/bin/python3"):
        if not candidate:
            continue
        real = os.path.realpath(candidate)
        try:
            with open(real, "rb") as f:
                if f.read(4) != b"\x7fELF":
                    continue
        except OSError:
            continue
        if real not in found:
            found.append(real)
    return found
