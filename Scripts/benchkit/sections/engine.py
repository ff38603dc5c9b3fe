"""`engine`: play-engine steps per second with the store off, on 2k and 200k scenes,
measured in process by the `Benchmarks/` package: a large scenario should step as fast."""

from __future__ import annotations

from ..context import Context
from ..core import Target, print_targets, section
from ..generator import Shape, size_label

ENGINE_SIZES = (2000, 200000)
STEPS_PER_ITERATION = 1_000_000  # passed to Benchmarks/Benchmarks/EngineSteps
FLATNESS = 0.8


@section("engine", "engine steps per second with the store off, on 2k and 200k scenes (in process)")
def run(ctx: Context) -> list[Target]:
    files = {size_label(size): ctx.scenario(size, Shape()) for size in ENGINE_SIZES}
    inputs = {"TWOFOLD_BENCH_ENGINE": ",".join(f"{label}={path}" for label, path in files.items()),
              "TWOFOLD_BENCH_STEPS": str(STEPS_PER_ITERATION)}
    results = ctx.swift_benchmarks("EngineSteps", inputs)
    small, big = (size_label(s) for s in ENGINE_SIZES)
    print(f"\n== engine: seeded random choices, restart at endings, store off ({STEPS_PER_ITERATION:,} steps "
          "per iteration, medians)")
    print(f"{'walk':<16} {'size':>6} {'steps/wall s':>14} {'steps/CPU s':>13} {'mallocs/step':>13}")
    ratios = {}
    for kind, name in (("steps", "offeredChoices"), ("choices", "offeredCount")):
        rows = {label: results[f"engine {kind} {label}"] for label in files}
        for label, r in rows.items():
            print(f"{name:<16} {label:>6} {STEPS_PER_ITERATION / (r['wall'] / 1e9):>14,.0f} "
                  f"{STEPS_PER_ITERATION / (r['cpu'] / 1e9):>13,.0f} {r.get('mallocs', 0) / STEPS_PER_ITERATION:>13.2f}")
        ratios[name] = (rows[small]["cpu"] / rows[big]["cpu"], rows[small]["wall"] / rows[big]["wall"])
        print(f"{'':<16} {big} / {small}: {ratios[name][0]:.2f} by CPU time, {ratios[name][1]:.2f} by wall time")
    print("  offeredChoices: each step lists the offered choices, as the play loop does; offeredCount: the")
    print("  engine alone. CPU time leaves out other processes on a busy machine.")
    targets = [Target(f"engine steps/s on {big} >= {FLATNESS}x {small} (CPU time, listing choices)",
                      f"{ratios['offeredChoices'][0]:.2f}", ratios["offeredChoices"][0] >= FLATNESS),
               Target(f"engine alone on {big} >= {FLATNESS}x {small} (CPU time, counting choices)",
                      f"{ratios['offeredCount'][0]:.2f}", ratios["offeredCount"][0] >= FLATNESS)]
    print_targets(targets)
    return targets
