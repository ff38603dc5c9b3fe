"""Building what is measured: the release `twofold` binary, and the in-process Swift
benchmarks of the `Benchmarks/` package (ordo-one/benchmark), whose results come back
as JMH JSON and are read here into {benchmark name: {metric: median}}."""

from __future__ import annotations

import glob
import json
import os
import shutil
import subprocess
from pathlib import Path

from .core import REPO, BenchError, log

BENCHMARKS = REPO / "Benchmarks"
# JMH metric descriptions (ordo-one/benchmark's `BenchmarkMetric.description`) -> our names.
METRICS = {"Time (wall clock)": "wall", "Time (total CPU)": "cpu", "Malloc (total)": "mallocs",
           "Memory (resident peak)": "peak", "Throughput (# / s)": "throughput"}


def build_twofold() -> str:
    if shutil.which("swift") is None:
        raise BenchError("swift not found; pass --twofold PATH")
    log("building: swift build -c release --product twofold")
    if subprocess.run(["swift", "build", "-c", "release", "--product", "twofold"], cwd=REPO).returncode:
        raise BenchError("swift build -c release --product twofold failed")
    proc = subprocess.run(["swift", "build", "-c", "release", "--show-bin-path"], cwd=REPO,
                          capture_output=True, text=True)
    if proc.returncode:
        raise BenchError(f"swift build --show-bin-path failed: {proc.stderr.strip()}")
    path = Path(proc.stdout.strip().splitlines()[-1]) / "twofold"
    if not os.access(path, os.X_OK):
        raise BenchError(f"built binary not found at {path}")
    return str(path)


def run_swift_benchmarks(workdir: Path, target: str, inputs: dict[str, str]) -> dict[str, dict[str, float]]:
    """Runs one benchmark target of `Benchmarks/` with `inputs` in its environment, and
    returns each benchmark's median per metric (wall and CPU time in nanoseconds)."""
    if shutil.which("swift") is None:
        raise BenchError("swift not found: the in-process sections need the Benchmarks package")
    out = workdir / f"swift-{target}"
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    argv = ["swift", "package", "--package-path", str(BENCHMARKS), "--allow-writing-to-directory", str(out),
            "benchmark", "--target", target, "--format", "jmh", "--path", str(out), "--no-progress"]
    log("running: " + " ".join(argv[:2] + argv[4:]))
    env = dict(os.environ, **inputs)
    if subprocess.run(argv, cwd=BENCHMARKS, env=env).returncode:
        raise BenchError(f"swift package benchmark --target {target} failed")
    files = glob.glob(str(out / "*.jmh.json"))
    if not files:
        raise BenchError(f"swift package benchmark --target {target} wrote no JMH results to {out}")
    results: dict[str, dict[str, float]] = {}
    for element in json.loads(Path(files[0]).read_text()):
        name = element["benchmark"].split(".", 3)[-1].replace("_", " ")
        metrics = {"throughput": element["primaryMetric"]["scorePercentiles"]["50.0"]}
        for description, metric in (element.get("secondaryMetrics") or {}).items():
            key = METRICS.get(description)
            if key:
                value = metric["scorePercentiles"]["50.0"]
                # JMH export divides time metrics by 1,000 (to microseconds): back to nanoseconds.
                metrics[key] = value * 1000 if key in ("wall", "cpu") else value
        results[name] = metrics
    return results
