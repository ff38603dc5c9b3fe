"""`phases`: the load phases measured in process by the `Benchmarks/` package (read,
decode, analysis, rules), with allocations, and the analysis's share of the load."""

from __future__ import annotations

from ..context import Context
from ..core import Target, print_targets, section
from ..generator import Shape, size_label

DEFAULT_SIZES = (100000, 1000000)
PHASES = ("read", "decode", "analysis", "rules")
SHARE_LIMIT = 0.15


@section("phases", "load phases in process (Benchmarks/ package): time, allocations, analysis share of load")
def run(ctx: Context) -> list[Target]:
    sizes = ctx.args.sizes or DEFAULT_SIZES
    files = {size_label(size): ctx.scenario(size, Shape()) for size in sizes}
    inputs = {"TWOFOLD_BENCH_LOAD": ",".join(f"{label}={path}" for label, path in files.items())}
    results = ctx.swift_benchmarks("LoadPhases", inputs)

    print("\n== phases: in process, median CPU time and allocations per phase (ordo-one/benchmark)")
    print(f"{'size':>6} " + " ".join(f"{p + ' ms':>11} {p + ' mallocs':>16}" for p in PHASES) + f" {'analysis':>9}")
    targets = []
    for label in files:
        row = {p: results[f"{p} {label}"] for p in PHASES}
        share = row["analysis"]["cpu"] / (row["read"]["cpu"] + row["decode"]["cpu"])
        print(f"{label:>6} " + " ".join(f"{row[p]['cpu'] / 1e6:>11.1f} {row[p].get('mallocs', 0):>16,.0f}"
                                        for p in PHASES) + f" {share:>8.1%}")
        if label == "1m":
            targets.append(Target(f"analysis <= {SHARE_LIMIT:.0%} of read+decode at 1m", f"{share:.1%}",
                                  share <= SHARE_LIMIT))
    print("  analysis = analysis / (read + decode), by CPU time (a shared machine stretches wall time);")
    print("  rules include locating and sorting the findings; allocations are counted by the malloc")
    print("  interposer, whose bookkeeping also slows allocation-heavy phases (decode) somewhat")
    if not targets:
        targets.append(Target(f"analysis <= {SHARE_LIMIT:.0%} of read+decode at 1m", "1m not run"))
    print_targets(targets)
    return targets
