"""`step`: one durable play step (choice or back, committed, next scene shown) against a
bare single-row SQLite commit (WAL, synchronous=FULL) in the same folder."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

from ..context import Context
from ..core import BenchError, Target, median, ms, print_targets, section
from ..measure import fail_run, launcher
from ..play import play_argv, play_env

STEP_COUNT = 200   # durable steps per run ("1" and "back" alternately)


@section("step", "a durable play step vs a bare single-row SQLite commit (WAL, synchronous=FULL), same folder")
def run(ctx: Context) -> list[Target]:
    home = ctx.fresh_home("home-step")
    cwd, env = home / "cwd", play_env(home)
    argv = play_argv(ctx)
    steps = STEP_COUNT - STEP_COUNT % 2
    script = ctx.workdir / "step-input.txt"
    script.write_text("1\nback\n" * (steps // 2))
    null = Path(os.devnull)
    out = ctx.workdir / "step-stdout.txt"
    bare_db = home / "bare.sqlite"  # beside records.sqlite: same disk, same folder

    def play(stdin: Path, what: str):
        m = ctx.measure(argv, stdin=stdin, stdout=out, env=env, cwd=cwd)
        if m.exit_code != 0:
            raise fail_run(what, m)
        return m

    play(null, "twofold play (first run)")  # creates the store
    runs = max(ctx.repeat, 5)
    totals, starts, bare = [], [], []
    for _ in range(runs):  # interleaved, so drift affects all three alike
        totals.append(play(script, f"twofold play < {steps} steps").wall)
        text = out.read_text(encoding="utf-8", errors="replace")
        undone = text.count("Took back your choice")
        if undone != steps // 2 or "Ending:" in text:
            raise BenchError(f"twofold play took back {undone} choices, expected {steps // 2}")
        starts.append(play(null, "twofold play < /dev/null").wall)
        proc = subprocess.run([sys.executable, launcher("bare_commits.py"), str(bare_db), str(steps)],
                              capture_output=True, text=True)
        if proc.returncode != 0:
            raise BenchError(f"bare SQLite commits failed: {proc.stderr.strip()}")
        bare.append(float(proc.stdout) / steps)

    # Every step must be in the store: `runs` sessions of `steps` logged steps each.
    with sqlite3.connect(home / "records.sqlite") as db:
        logged = db.execute("SELECT COUNT(*) FROM step").fetchone()[0]
    if logged != runs * steps:
        raise BenchError(f"the store logged {logged} steps, expected {runs * steps}")

    per_step = (median(totals) - median(starts)) / steps
    per_commit = median(bare)
    ratio = per_step / per_commit
    print(f"\n== step: durable step vs bare SQLite commit (WAL, synchronous=FULL, folder {ctx.relative(home)}; "
          f"median of {runs})")
    print(f"  twofold play < {steps} lines of 1/back: {median(totals) * 1000:.1f} ms; "
          f"< /dev/null: {median(starts) * 1000:.1f} ms")
    print(f"  durable step  (choice or back committed, next scene rendered): {ms(per_step)}")
    print(f"  bare commit   (python sqlite3, one row per transaction):        {ms(per_commit)}")
    print(f"  ratio {ratio:.2f}x   (step = (total - start-up) / {steps}; {logged} steps found in the store)")
    targets = [Target("durable step <= 1.5x bare single-row commit", f"{ratio:.2f}x", ratio <= 1.5)]
    print_targets(targets)
    return targets
