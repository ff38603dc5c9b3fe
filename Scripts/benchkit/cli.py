"""The `Scripts/bench` command line: chooses sections, runs them, prints the summary."""

from __future__ import annotations

import argparse
import shutil
import tempfile
from pathlib import Path

from . import sections  # noqa: F401  (registers every section)
from .context import Context
from .core import BENCH_DIR, SECTIONS, BenchError, Target, log, parse_sizes
from .generator import DEFAULT_SEED, KINDS, LAYOUTS, Shape

DESCRIPTION = """\
Twofold performance benchmark: prints speed and memory ratios against reference runs
made in the same process, and whether each target is met. The exit status is 0 unless
a run fails (targets never fail the script)."""


def parse_choices(text: str) -> tuple[int, int]:
    low, _, high = text.partition("-")
    try:
        return int(low), int(high or low)
    except ValueError:
        raise argparse.ArgumentTypeError(f"bad choices range {text!r} (use e.g. 2-4)") from None


def parse_args(argv: list[str]) -> argparse.Namespace:
    names = "\n".join(f"  {s.name:<10} {s.description}" for s in SECTIONS.values())
    parser = argparse.ArgumentParser(
        prog="Scripts/bench", formatter_class=argparse.RawDescriptionHelpFormatter, description=DESCRIPTION,
        epilog=f"sections:\n{names}\n\nGenerated files go to a temporary folder under .build-bench/ "
               "(git-ignored), removed afterwards unless --keep.")
    parser.add_argument("--sizes", type=parse_sizes, metavar="LIST",
                        help="comma-separated scene counts for the load and phases sections, e.g. 20k,100k "
                             "(default: load 20k,100k; phases 100k,1m); with --generate-only, what to write")
    parser.add_argument("--repeat", type=int, default=3, metavar="N",
                        help="runs per measurement; the median is reported (default 3)")
    parser.add_argument("--section", action="append", metavar="NAME",
                        help="section(s) to run, comma-separated or repeated (default: all)")
    parser.add_argument("--twofold", metavar="PATH",
                        help="twofold binary to measure (default: build with "
                             "`swift build -c release --product twofold` and use its bin path)")
    parser.add_argument("--static-stdlib", action="store_true",
                        help="build twofold with --static-swift-stdlib (Swift runtime and Foundation linked in)")
    parser.add_argument("--keep", action="store_true", help="keep the generated files")
    parser.add_argument("--inputs", metavar="DIR",
                        help="keep generated scenarios in DIR and reuse them on later runs "
                             "(e.g. .build-bench/inputs; default: generate afresh in the run's folder)")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help=f"generator seed (default {DEFAULT_SEED})")
    parser.add_argument("--linear-scale", type=float, default=1.0, metavar="F",
                        help="multiply the linear section's input sizes (default 1; 0.25 for a quick run)")
    shape = parser.add_argument_group("generator (with --generate-only)")
    shape.add_argument("--generate-only", action="store_true",
                       help="only write scenarios of --sizes in the shape below (implies --keep) and print their paths")
    shape.add_argument("--kind", choices=KINDS, default="layered",
                       help="layered DAG (default), a chain of scenes, or one scene with SIZE choices")
    shape.add_argument("--layout", choices=LAYOUTS, default="lines",
                       help="one scene per line (default), the whole file on one line, or indented")
    shape.add_argument("--indent", type=int, default=2, metavar="N", help="spaces per level with --layout pretty")
    shape.add_argument("--non-ascii", type=float, default=0.0, metavar="SHARE",
                       help="share of texts written in Japanese, 0 to 1 (default 0)")
    shape.add_argument("--text-length", type=float, default=1.0, metavar="SCALE",
                       help="multiply text lengths (default 1: about 100 characters per scene text)")
    shape.add_argument("--choices", type=parse_choices, default=(2, 3), metavar="LOW-HIGH",
                       help="forward choices per decision (default 2-3)")
    shape.add_argument("--warnings", type=int, default=0, metavar="N",
                       help="decisions given two choices with identical scores (one warning each)")
    args = parser.parse_args(argv)
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")
    try:
        args.shape = Shape(kind=args.kind, layout=args.layout, indent=args.indent, non_ascii=args.non_ascii,
                           text_scale=args.text_length, choices=args.choices, warnings=args.warnings)
    except ValueError as exc:
        parser.error(str(exc))
    chosen = []
    for item in args.section or [",".join(SECTIONS)]:
        for name in filter(None, (n.strip() for n in item.split(","))):
            if name not in SECTIONS:
                parser.error(f"unknown section {name!r} (known: {', '.join(SECTIONS)})")
            if name not in chosen:
                chosen.append(name)
    args.sections = [n for n in SECTIONS if n in chosen]
    return args


def make_workdir() -> Path:
    BENCH_DIR.mkdir(exist_ok=True)
    ignore = BENCH_DIR / ".gitignore"
    if not ignore.exists():
        ignore.write_text("# benchmark data, never committed\n*\n")
    return Path(tempfile.mkdtemp(prefix="run-", dir=BENCH_DIR))


def main(argv: list[str]) -> int:
    args = parse_args(argv)
    workdir = make_workdir()
    keep = args.keep or args.generate_only
    try:
        ctx = Context(args, workdir)
        if args.generate_only:
            for size in args.sizes or [1000]:
                print(ctx.scenario(size, args.shape))
            return 0
        results: list[Target] = []
        for name in args.sections:
            results += SECTIONS[name].run(ctx)
        measured = [t for t in results if t.met is not None]
        print(f"\nsummary: {sum(t.met for t in measured)}/{len(measured)} measured targets met"
              + (f", {len(results) - len(measured)} not measured" if len(measured) < len(results) else ""))
        return 0
    except BenchError as exc:
        log(f"bench: error: {exc}")
        return 1
    except KeyboardInterrupt:
        log("bench: interrupted")
        return 130
    finally:
        if keep:
            log(f"kept generated files in {workdir}")
        else:
            shutil.rmtree(workdir, ignore_errors=True)
