"""Building what is measured: the release `twofold` binary, and the in-process Swift
benchmarks of the `Benchmarks/` package (ordo-one/benchmark), whose results come back
as percentile tables (one per benchmark and metric, in nanoseconds and plain counts)
and are read here into {benchmark name: {metric: median}}."""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
from pathlib import Path

from .core import REPO, BenchError, log

BENCHMARKS = REPO / "Benchmarks"
# ordo-one/benchmark's metric names (`BenchmarkMetric.rawDescription`) -> ours.
METRICS = {"wallClock": "wall", "cpuTotal": "cpu", "mallocCountTotal": "mallocs", "peakMemoryResident": "peak"}
PERCENTILES = ".histogram.percentiles.tsv"


def build_twofold(static: bool = False) -> str:
    """The release binary; `static` links the Swift runtime and Foundation into it
    (`--static-swift-stdlib`, in its own scratch folder)."""
    if shutil.which("swift") is None:
        raise BenchError("swift not found; pass --twofold PATH")
    flags = ["-c", "release"] + (["--static-swift-stdlib", "--scratch-path", str(REPO / ".build-static")] if static else [])
    log("building: swift build " + " ".join(flags) + " --product twofold")
    if subprocess.run(["swift", "build", *flags, "--product", "twofold"], cwd=REPO).returncode:
        raise BenchError("swift build " + " ".join(flags) + " --product twofold failed")
    proc = subprocess.run(["swift", "build", *flags, "--show-bin-path"], cwd=REPO,
                          capture_output=True, text=True)
    if proc.returncode:
        raise BenchError(f"swift build --show-bin-path failed: {proc.stderr.strip()}")
    path = Path(proc.stdout.strip().splitlines()[-1]) / "twofold"
    if not os.access(path, os.X_OK):
        raise BenchError(f"built binary not found at {path}")
    return str(path)


def run_swift_benchmarks(workdir: Path, target: str, inputs: dict[str, str]) -> dict[str, dict[str, float]]:
    """Runs one benchmark target of `Benchmarks/` with `inputs` in its environment, and
    returns each benchmark's median per metric (wall and CPU time in nanoseconds). Times
    come from a build without the malloc interposer (whose bookkeeping slows allocation-
    heavy code), allocation counts and peak memory from a build with it; each build keeps
    its own scratch folder, so neither is rebuilt when the other runs."""
    timed = _run(workdir, target, inputs, counting=False)
    counted = _run(workdir, target, inputs, counting=True)
    for name, metrics in timed.items():
        for key in ("mallocs", "peak"):
            if key in counted.get(name, {}):
                metrics[key] = counted[name][key]
    return timed


def _run(workdir: Path, target: str, inputs: dict[str, str], counting: bool) -> dict[str, dict[str, float]]:
    if shutil.which("swift") is None:
        raise BenchError("swift not found: the in-process sections need the Benchmarks package")
    variant = "allocations" if counting else "times"
    out = workdir / f"swift-{target}-{variant}"
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    scratch = BENCHMARKS / (".build" if counting else ".build-timing")
    argv = ["swift", "package", "--package-path", str(BENCHMARKS), "--scratch-path", str(scratch),
            "--allow-writing-to-directory", str(out), "benchmark", "--target", target,
            "--format", "histogramPercentiles", "--path", str(out), "--no-progress", "--quiet"]
    log(f"running ({variant}): " + " ".join(argv[:2] + argv[6:]))
    env = dict(os.environ, **inputs)
    if not counting:
        env["TWOFOLD_BENCH_TIMING"] = "1"
    if subprocess.run(argv, cwd=BENCHMARKS, env=env).returncode:
        raise BenchError(f"swift package benchmark --target {target} ({variant}) failed")
    results: dict[str, dict[str, float]] = {}
    # One file per benchmark and metric: BASELINE.TARGET.NAME.METRIC.histogram.percentiles.tsv,
    # spaces in the name written as underscores; row "50" holds the median.
    for file in glob.glob(str(out / f"*.{target}.*{PERCENTILES}")):
        stem = Path(file).name[: -len(PERCENTILES)]
        head, metric = stem.rsplit(".", 1)
        name = head.split(".", 2)[2].replace("_", " ")
        if metric not in METRICS:
            continue
        lines = Path(file).read_text().splitlines()
        rows = dict(line.split("\t") for line in lines[1:] if "\t" in line)
        results.setdefault(name, {})[METRICS[metric]] = float(rows["50"]) * _scale(lines[0])
    if not results:
        raise BenchError(f"swift package benchmark --target {target} wrote no results to {out}")
    return results


def _scale(header: str) -> float:
    """The factor a table's values are in, from its header: counts may come in thousands
    or millions ("Malloc (total) (M) *"); times are asked for in nanoseconds."""
    for unit, factor in (("(K)", 1e3), ("(M)", 1e6), ("(G)", 1e9)):
        if unit in header:
            return factor
    return 1.0
