"""`load`: `twofold lint` against Python's json.load on the same bytes, on every shape
of issue 14's first table (the bench's own lines, indented, long texts with warnings,
the same in Japanese, the same on one line) and a file with 10,000 diagnostics."""

from __future__ import annotations

import sys
from dataclasses import dataclass

from ..context import Context
from ..core import Target, median, print_targets, section
from ..generator import Shape, size_label
from ..measure import fail_run, launcher

DEFAULT_SIZES = (20000, 100000)
DIAGNOSTICS = 10000  # planted identical-scores warnings in the "many diagnostics" pair


@dataclass(frozen=True)
class LoadShape:
    name: str
    shape: Shape
    note: str


def long_shape(size: int, **changes) -> Shape:
    """Longer texts, 2-4 choices, one identical-scores warning per 14 scenes."""
    return Shape(layout="pretty", text_scale=3, choices=(2, 4), warnings=size * 7 // 100).with_(**changes)


def shapes(size: int) -> list[LoadShape]:
    return [
        LoadShape("bench", Shape(), "one scene per line"),
        LoadShape("bench-indent", Shape(layout="pretty"), "same, indent=2"),
        LoadShape("long", long_shape(size), "3x texts, 2-4 choices, warnings, indent=2"),
        LoadShape("long-cjk", long_shape(size, non_ascii=1.0), "same, every text Japanese"),
        LoadShape("long-one-line", long_shape(size, layout="one-line"), "same as long, on one line"),
        LoadShape("quiet-one-line", Shape(layout="one-line"), "bench scenes on one line, no findings"),
        LoadShape("noisy-one-line", Shape(layout="one-line", warnings=DIAGNOSTICS), f"same, {DIAGNOSTICS} warnings"),
    ]


def measure_shapes(ctx: Context, paths: dict[str, object], repeat: int) -> dict[str, dict]:
    """twofold lint and python json.load on every file, round after round: each round runs
    every shape, so drift on a busy machine hits all shapes (and both sides) alike, and
    the ratios between shapes (one line against indented, findings against none) hold."""
    tf_runs = {name: [] for name in paths}
    py_runs = {name: [] for name in paths}
    for _ in range(repeat):
        for name, path in paths.items():
            m = ctx.measure([ctx.twofold, "lint", str(path)])
            if m.exit_code != 0:
                raise fail_run(f"twofold lint on {path.name}", m)
            tf_runs[name].append(m)
            m = ctx.measure([sys.executable, launcher("json_load.py"), str(path)])
            if m.exit_code != 0:
                raise fail_run(f"python json.load on {path.name}", m)
            py_runs[name].append(m)
    rows = {}
    for name, path in paths.items():
        tf, py = tf_runs[name], py_runs[name]
        tf_s, py_s = median([m.cpu for m in tf]), median([m.cpu for m in py])
        tf_wall, py_wall = median([m.wall for m in tf]), median([m.wall for m in py])
        tf_mib, py_mib = median([m.rss_mib for m in tf]), median([m.rss_mib for m in py])
        findings = sum(1 for line in tf[-1].stderr.splitlines() if ": warning: " in line or ": error: " in line)
        rows[name] = dict(mib=path.stat().st_size / 2**20, tf_s=tf_s, py_s=py_s, speed=py_s / tf_s,
                          wall_speed=py_wall / tf_wall, tf_mib=tf_mib, py_mib=py_mib, mem=tf_mib / py_mib,
                          findings=findings)
    return rows


@section("load", "twofold lint vs Python json.load on every file shape, at 20k and 100k scenes")
def run(ctx: Context) -> list[Target]:
    sizes = ctx.args.sizes or DEFAULT_SIZES
    rows: dict[tuple[int, str], dict] = {}
    for size in sizes:
        paths = {item.name: ctx.scenario(size, item.shape) for item in shapes(size)}
        for name, row in measure_shapes(ctx, paths, ctx.repeat).items():
            rows[(size, name)] = row
        for path in paths.values():
            ctx.discard(path)  # large files: keep the disk footprint of a run small

    print(f"\n== load: twofold lint vs python json.load, same bytes (median of {ctx.repeat}; CPU seconds)")
    print(f"{'size':>5} {'shape':<15} {'MiB':>7} {'findings':>8} {'twofold s':>10} {'python s':>9} "
          f"{'speed x':>8} {'wall x':>7} {'tf MiB':>8} {'py MiB':>8} {'mem x':>6}")
    for size in sizes:
        for item in shapes(size):
            r = rows[(size, item.name)]
            print(f"{size_label(size):>5} {item.name:<15} {r['mib']:>7.1f} {r['findings']:>8} {r['tf_s']:>10.3f} "
                  f"{r['py_s']:>9.3f} {r['speed']:>7.2f}x {r['wall_speed']:>6.2f}x {r['tf_mib']:>8.1f} {r['py_mib']:>8.1f} "
                  f"{r['mem']:>6.2f}")
    print("  speed x = python / twofold by CPU time (user + system: what other processes on a busy machine")
    print("  do not stretch); wall x = the same by wall time; mem x = twofold / python peak RSS")
    for item in shapes(sizes[0]):
        print(f"  {item.name:<15} {item.note}")

    targets = []
    for size in sizes:
        label = size_label(size)
        slow = min((rows[(size, s.name)]["speed"], s.name) for s in shapes(size))
        heavy = max((rows[(size, s.name)]["mem"], s.name) for s in shapes(size))
        targets.append(Target(f"lint >= 2x faster than json.load on every shape at {label} (slowest shown)",
                              f"{slow[0]:.2f}x ({slow[1]})", slow[0] >= 2.0))
        targets.append(Target(f"peak RSS <= 0.6x json.load on every shape at {label} (largest shown)",
                              f"{heavy[0]:.2f}x ({heavy[1]})", heavy[0] <= 0.6))
        one, pretty = rows[(size, "long-one-line")]["tf_s"], rows[(size, "long")]["tf_s"]
        spread = max(one, pretty) / min(one, pretty) - 1
        targets.append(Target(f"one-line and indented within 15% at {label}",
                              f"{spread:.1%} ({one:.3f} s vs {pretty:.3f} s)", spread <= 0.15))
        noisy, quiet = rows[(size, "noisy-one-line")]["tf_s"], rows[(size, "quiet-one-line")]["tf_s"]
        targets.append(Target(f"{DIAGNOSTICS} diagnostics <= 1.3x none at {label}", f"{noisy / quiet:.2f}x",
                              noisy / quiet <= 1.3))
    print_targets(targets)
    return targets
