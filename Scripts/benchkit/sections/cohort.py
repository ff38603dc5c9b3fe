"""`cohort`: `twofold cohort --format csv` over 10k and 100k learner reports against the
short json.load + csv script a data team would write (`launchers/cohort_csv.py`)."""

from __future__ import annotations

import math
import sys
import time

from ..context import Context
from ..core import Target, log, median, print_targets, section
from ..measure import Measurement, fail_run, launcher
from ..reports import COHORT_PER_FOLDER, play_template_report, write_cohort_reports

COHORT_SIZES = (10000, 100000)   # reports; the smaller set is the first folders of the larger


@section("cohort", "twofold cohort --format csv on 10k and 100k reports vs a json.load + csv script")
def run(ctx: Context) -> list[Target]:
    twofold = ctx.twofold
    template = play_template_report(ctx)
    root = ctx.workdir / "cohort-reports"
    t0 = time.perf_counter()
    size = write_cohort_reports(template, root, max(COHORT_SIZES), ctx.seed)
    folders = sorted(p for p in root.iterdir() if p.is_dir())
    log(f"generated {max(COHORT_SIZES)} reports in {len(folders)} folders under {ctx.relative(root)}: "
        f"{size / 2**20:.0f} MiB, {size / max(COHORT_SIZES) / 1024:.1f} KiB each, {time.perf_counter() - t0:.1f}s")
    # (Without --store, `twofold cohort` never opens a records store.)

    rows = []
    for count in COHORT_SIZES:
        inputs = [str(root)] if count == max(COHORT_SIZES) else \
            [str(f) for f in folders[: math.ceil(count / COHORT_PER_FOLDER)]]
        tf_csv, py_csv = ctx.workdir / f"cohort-{count}-twofold.csv", ctx.workdir / f"cohort-{count}-python.csv"
        tf_runs: list[Measurement] = []
        py_runs: list[Measurement] = []
        # One unmeasured run first, so both sides find the files in the page cache.
        ctx.measure([sys.executable, launcher("cohort_csv.py"), str(py_csv), *inputs])
        for _ in range(ctx.repeat):  # interleaved so drift affects both sides alike
            m = ctx.measure([twofold, "cohort", *inputs, "--format", "csv", "--out", str(tf_csv)])
            if m.exit_code != 0:
                raise fail_run(f"twofold cohort on {count} reports", m)
            tf_runs.append(m)
            m = ctx.measure([sys.executable, launcher("cohort_csv.py"), str(py_csv), *inputs])
            if m.exit_code != 0:
                raise fail_run(f"python cohort script on {count} reports", m)
            py_runs.append(m)
        same = tf_csv.read_bytes() == py_csv.read_bytes()
        lines = tf_csv.read_bytes().count(b"\r\n") - 1
        tf_s, py_s = median([m.wall for m in tf_runs]), median([m.wall for m in py_runs])
        rows.append(dict(count=count, rows=lines, tf_s=tf_s, py_s=py_s, speed=py_s / tf_s, same=same,
                         tf_mib=median([m.rss_mib for m in tf_runs]), py_mib=median([m.rss_mib for m in py_runs])))

    print(f"\n== cohort: twofold cohort --format csv vs python json.load + csv (median of {ctx.repeat})")
    print(f"{'reports':>8} {'rows':>8} {'twofold s':>10} {'python s':>9} {'speed x':>8} {'tf MiB':>8} {'py MiB':>8}  same CSV")
    for r in rows:
        print(f"{r['count']:>8} {r['rows']:>8} {r['tf_s']:>10.3f} {r['py_s']:>9.3f} {r['speed']:>7.2f}x "
              f"{r['tf_mib']:>8.1f} {r['py_mib']:>8.1f}  {'yes' if r['same'] else 'NO'}")
    print("  speed x = python s / twofold s; same CSV = the two outputs are byte-identical")
    small, large = rows[0], rows[-1]
    growth = large["tf_mib"] - small["tf_mib"]
    per_report = growth * 2**20 / (large["count"] - small["count"])
    print(f"  twofold peak RSS {small['tf_mib']:.1f} MiB at {small['count']} -> {large['tf_mib']:.1f} MiB at "
          f"{large['count']} reports: {growth:+.1f} MiB ({per_report:.0f} bytes per extra report; "
          f"a report is {size / max(COHORT_SIZES):.0f} bytes)")
    print("  (what grows is the set of attempts already merged, 16 bytes each plus hash-table room, "
          "which duplicate detection needs)")
    targets = [
        Target("cohort csv >= 3x python on 100k reports", f"{large['speed']:.2f}x", large["speed"] >= 3.0),
        Target("cohort csv output identical to python's", "yes" if all(r["same"] for r in rows) else "no",
               all(r["same"] for r in rows)),
        Target("cohort peak RSS 10k -> 100k: no report kept (growth < 100 B per extra report)",
               f"{growth:+.1f} MiB, {per_report:.0f} B/report", per_report < 100),
    ]
    print_targets(targets)
    return targets
