"""`linear`: inputs that once took time quadratic in their size (issue 14's second table
and its other corners), each linted at N and 4N: 4x the input must take at most 5x the
time. Hostile inputs are built here from the generator's scenarios."""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from ..context import Context
from ..core import Target, median, print_targets, section
from ..generator import Shape, size_label
from ..measure import fail_run

GROWTH_LIMIT = 5.0


@dataclass(frozen=True)
class Corner:
    name: str
    unit: str
    base: int                                   # N; the section also runs 4N
    build: Callable[[Context, int, Path], None]  # writes the input of size n to the path
    exit_code: int                              # what lint must exit with (1: errors expected)


def generated(shape: Shape) -> Callable[[Context, int, Path], None]:
    def build(ctx: Context, n: int, path: Path) -> None:
        shutil.copyfile(ctx.scenario(n, shape), path)
    return build


def small_scenario(ctx: Context) -> dict:
    return json.loads(ctx.scenario(20, Shape()).read_text(encoding="utf-8"))


def unknown_key(ctx: Context, n: int, path: Path) -> None:
    """A valid scenario whose first scene has one unknown field with an n-byte key."""
    doc = small_scenario(ctx)
    doc["scenes"][0]["x" * n] = 1
    path.write_text(json.dumps(doc), encoding="utf-8")


def long_dangling_next(ctx: Context, n: int, path: Path) -> None:
    """A scenario of 2,000 scenes where one choice's `next` is an n-byte name of no scene."""
    doc = json.loads(ctx.scenario(2000, Shape()).read_text(encoding="utf-8"))
    doc["scenes"][0]["choices"][0]["next"] = "a" * n
    path.write_text(json.dumps(doc), encoding="utf-8")


def one_choice_id(ctx: Context, n: int, path: Path) -> None:
    """One decision with n choices that all have the same id (n - 1 duplicate-id errors)."""
    text = ctx.scenario(n, Shape(kind="wide")).read_text(encoding="utf-8")
    doc = json.loads(text)
    for choice in doc["scenes"][0]["choices"]:
        choice["id"] = "same"
    path.write_text(json.dumps(doc, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def nul_flood(ctx: Context, n: int, path: Path) -> None:
    """n MiB of NUL bytes."""
    with open(path, "wb") as out:
        block = bytes(1 << 20)
        for _ in range(n):
            out.write(block)


CORNERS = [
    Corner("one scene, N choices", "choices", 25000, generated(Shape(kind="wide")), 0),
    Corner("one scene, N choices, one id", "choices", 25000, one_choice_id, 1),
    Corner("chain of N scenes", "scenes", 25000, generated(Shape(kind="chain")), 0),
    Corner("layered, one line", "scenes", 25000, generated(Shape(layout="one-line", text_scale=3, choices=(2, 4))), 0),
    Corner("unknown key of N bytes", "bytes", 1 << 20, unknown_key, 1),
    Corner("dangling next of N bytes", "bytes", 1 << 18, long_dangling_next, 1),
    Corner("NUL flood of N MiB", "MiB", 64, nul_flood, 1),
]


@section("linear", "inputs that once grew quadratically, at N and 4N: time must grow at most 5x")
def run(ctx: Context) -> list[Target]:
    scale = ctx.args.linear_scale
    rows = []
    for corner in CORNERS:
        n = max(1, round(corner.base * scale))
        times, sizes = [], []
        for size in (n, 4 * n):
            path = ctx.workdir / f"linear-{len(rows)}-{size}.json"
            corner.build(ctx, size, path)
            runs = []
            for _ in range(ctx.repeat):
                m = ctx.measure([ctx.twofold, "lint", str(path)])
                if m.exit_code != corner.exit_code:
                    raise fail_run(f"twofold lint on '{corner.name}' at {size} (expected exit {corner.exit_code})", m)
                runs.append(m.cpu)
            times.append(median(runs))
            sizes.append(path.stat().st_size)
            path.unlink()
        rows.append((corner, n, sizes, times))

    print(f"\n== linear: twofold lint at N and 4N (median of {ctx.repeat}; CPU seconds)")
    print(f"{'input':<30} {'N':>9} {'MiB':>8} {'s':>8} {'4N MiB':>8} {'4N s':>8} {'growth':>7}")
    targets = []
    for corner, n, sizes, times in rows:
        growth = times[1] / times[0]
        print(f"{corner.name:<30} {size_label(n):>9} {sizes[0] / 2**20:>8.1f} {times[0]:>8.3f} "
              f"{sizes[1] / 2**20:>8.1f} {times[1]:>8.3f} {growth:>6.2f}x")
        targets.append(Target(f"{corner.name}: 4N in <= {GROWTH_LIMIT:g}x the time of N ({corner.unit})",
                              f"{growth:.2f}x", growth <= GROWTH_LIMIT))
    print_targets(targets)
    return targets

