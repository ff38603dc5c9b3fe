"""Shared pieces: sizes, targets and their summary, the section registry, errors, logging."""

from __future__ import annotations

import argparse
import re
import statistics
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Optional

REPO = Path(__file__).resolve().parents[2]
BENCH_DIR = REPO / ".build-bench"


class BenchError(Exception):
    """A run failed in a way that makes the benchmark meaningless."""


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def median(values: list[float]) -> float:
    return statistics.median(values)


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.2f} ms"


def parse_size(text: str) -> int:
    match = re.fullmatch(r"\s*(\d+)\s*([kKmM]?)\s*", text)
    if not match:
        raise argparse.ArgumentTypeError(f"bad size {text!r} (use e.g. 1k, 100k, 1m, 2500)")
    n = int(match.group(1)) * {"": 1, "k": 1000, "m": 1000000}[match.group(2).lower()]
    if n < 2:
        raise argparse.ArgumentTypeError(f"size {text!r} too small (at least 2 scenes)")
    return n


def parse_sizes(text: str) -> list[int]:
    sizes = [parse_size(part) for part in text.split(",") if part.strip()]
    if not sizes:
        raise argparse.ArgumentTypeError("no sizes given")
    return sizes


@dataclass
class Target:
    description: str
    measured: str = ""
    met: Optional[bool] = None   # None: not measured in this run


def print_targets(targets: list[Target]) -> None:
    print("targets:")
    for t in targets:
        mark = {True: "met", False: "NOT MET", None: "n/a"}[t.met]
        print(f"  [{mark:^7}] {t.description}: {t.measured}")


@dataclass
class Section:
    name: str
    description: str
    run: Callable[..., list[Target]]


SECTIONS: dict[str, Section] = {}


def section(name: str, description: str):
    """Registers a section; sections run in the order they are registered."""
    def register(fn: Callable[..., list[Target]]):
        SECTIONS[name] = Section(name, description, fn)
        return fn
    return register
