"""`parsing`: reading a learner report in process (`Benchmarks/` package): the cohort's
field reader against decoding the whole report with Foundation's JSONDecoder."""

from __future__ import annotations

from ..context import Context
from ..core import Target, print_targets, section

REPORTS_PER_ITERATION = 10_000  # passed to Benchmarks/Benchmarks/ReportParsing


@section("parsing", "learner report parsing in process: cohort field reader vs JSONDecoder (allocations too)")
def run(ctx: Context) -> list[Target]:
    results = ctx.swift_benchmarks("ReportParsing", {"TWOFOLD_BENCH_REPORTS": str(REPORTS_PER_ITERATION)})
    fast, full = results["report fields"], results["report decoded"]
    print("\n== parsing: one learner report (Tests/Fixtures/reports/golden.json), medians per report")
    print(f"{'reader':<36} {'µs':>9} {'mallocs':>9}")
    for name, r in (("CohortRow.read (fields a debrief uses)", fast), ("LearnerReport.decodeJSON (whole)", full)):
        print(f"{name:<36} {r['wall'] / 1e3 / REPORTS_PER_ITERATION:>9.1f} "
              f"{r.get('mallocs', 0) / REPORTS_PER_ITERATION:>9,.0f}")
    ratio = full["wall"] / fast["wall"]
    print(f"  the field reader is {ratio:.1f}x faster than decoding the whole report")
    targets = [Target("cohort field reader vs whole-report decoding, informational", f"{ratio:.1f}x faster")]
    print_targets(targets)
    return targets
