"""`startup`: `twofold play` to its first prompt against `python3 -c pass`, on a pseudo-
terminal and with standard input at end of file, plus `twofold --version` (process start,
dynamic linking, runtime and Foundation start-up, argument parsing: the floor under play)."""

from __future__ import annotations

import os
from pathlib import Path

from ..context import Context
from ..core import BenchError, Target, median, ms, print_targets, section
from ..measure import fail_run, measure_pty, python_references
from ..play import PLAY_LEARNER, PLAY_SCENARIO, play_argv, play_env

STARTUP_RUNS = 21   # at least this many runs per side (the median is shown)
TARGET = 0.5        # play to its first prompt, as a multiple of python3 -c pass


@section("startup", "twofold play to its first prompt vs python3 -c pass (pty and end-of-input)")
def run(ctx: Context) -> list[Target]:
    home = ctx.fresh_home("home-startup")
    cwd, env = home / "cwd", play_env(home)
    runs = max(STARTUP_RUNS, ctx.repeat)
    argv = play_argv(ctx)
    version = [argv[0], "--version"]
    pythons = python_references()
    if not pythons:
        raise BenchError("no python3 executable found for the reference")
    null = Path(os.devnull)
    out = ctx.workdir / "startup-stdout.txt"

    def timed(command: list[str]) -> float:
        m = ctx.measure(command, stdin=null, stdout=out, env=env, cwd=cwd)
        if m.exit_code != 0:
            raise fail_run(" ".join(command[:2]), m)
        return m.wall

    # The first run on the fresh home creates and migrates the store: shown, not counted.
    first = timed(argv)

    # 1. On a pseudo-terminal: the clock stops when the "> " prompt appears.
    pty_tf: list[float] = []
    pty_version: list[float] = []
    pty_py: dict[str, list[float]] = {py: [] for py in pythons}
    for _ in range(runs):  # interleaved, so drift affects every side alike
        jobs = [dict(argv=[py, "-c", "pass"], cwd=str(cwd), env=env, until=None) for py in pythons]
        jobs.append(dict(argv=version, cwd=str(cwd), env=env, until=None))
        *refs, ver, tf = measure_pty(jobs + [dict(argv=argv, cwd=str(cwd), env=env, until="> ")])
        for py, ref in zip(pythons, refs):
            if ref["code"] != 0:
                raise BenchError(f"{py} -c pass on a pty exited with {ref['code']}: {ref['output']}")
            pty_py[py].append(ref["seconds"])
        if tf["timedOut"] or not tf["seen"] or tf["code"] != 0:
            raise BenchError(f"twofold play on a pty: no prompt or exit {tf['code']}; last output:\n{tf['output']}")
        pty_tf.append(tf["seconds"])
        pty_version.append(ver["seconds"])

    # 2. Standard input at end of file: shows the first scene, saves and exits.
    eof_tf: list[float] = []
    eof_version: list[float] = []
    eof_py: dict[str, list[float]] = {py: [] for py in pythons}
    for _ in range(runs):
        for py in pythons:
            eof_py[py].append(timed([py, "-c", "pass"]))
        eof_version.append(timed(version))
        eof_tf.append(timed(argv))
    if "1. " not in out.read_text(encoding="utf-8", errors="replace") and "1." not in out.read_text(errors="replace"):
        raise BenchError("twofold play < /dev/null did not show the first scene's choices")

    # The reference is the fastest python3 -c pass: the strictest reading of the target.
    pty_ref = min(median(v) for v in pty_py.values())
    eof_ref = min(median(v) for v in eof_py.values())
    print(f"\n== startup: `twofold play {PLAY_SCENARIO} --learner {PLAY_LEARNER}` vs `python3 -c pass` "
          f"(median of {runs}, fresh TWOFOLD_HOME)")
    w = max(30, *(len(py) + 9 for py in pythons))
    print(f"{'':<{w}} {'pty, to first prompt':>20} {'stdin at EOF, to exit':>22}")
    print(f"{'twofold play':<{w}} {ms(median(pty_tf)):>20} {ms(median(eof_tf)):>22}")
    print(f"{'twofold --version':<{w}} {ms(median(pty_version)):>20} {ms(median(eof_version)):>22}")
    for py in pythons:
        print(f"{py + ' -c pass':<{w}} {ms(median(pty_py[py])):>20} {ms(median(eof_py[py])):>22}")
    print(f"{'play / fastest python3':<{w}} {median(pty_tf) / pty_ref:>19.2f}x {median(eof_tf) / eof_ref:>21.2f}x")
    print(f"{'--version / fastest python3':<{w}} {median(pty_version) / pty_ref:>19.2f}x "
          f"{median(eof_version) / eof_ref:>21.2f}x")
    print(f"  first run on the new TWOFOLD_HOME (creates and migrates the store), stdin at EOF: {ms(first)}")
    print("  pty: the clock starts at fork and stops when \"> \" is read (then Ctrl-D ends the session);"
          " stdin at EOF: the first scene is shown, the session saved, and the process exits")
    ratio = median(pty_tf) / pty_ref
    targets = [Target(f"play to first prompt <= {TARGET}x python3 -c pass (pty)", f"{ratio:.2f}x", ratio <= TARGET),
               Target("twofold --version, the floor under play, informational (pty)",
                      f"{median(pty_version) / pty_ref:.2f}x")]
    print_targets(targets)
    return targets
