"""What every section receives: options, the work folder, binaries and generated inputs."""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import time
from pathlib import Path
from typing import Optional

from . import toolchain
from .core import REPO, BenchError, log
from .generator import Shape, generate, size_label
from .measure import Measurement, measure


class Context:
    def __init__(self, args: argparse.Namespace, workdir: Path):
        self.args = args
        self.sizes: list[int] = args.sizes
        self.repeat: int = args.repeat
        self.seed: int = args.seed
        self.workdir = workdir
        self._twofold: Optional[str] = args.twofold
        self._scenarios: dict[tuple[int, Shape], Path] = {}
        self._swift_results: dict[str, dict] = {}
        self.inputs: Optional[Path] = None
        if args.inputs:
            # One folder per version of the generator, so a changed generator never reuses old files.
            digest = hashlib.sha1()
            for source in sorted((Path(__file__).parent / "generator").glob("*.py")):
                digest.update(source.read_bytes())
            self.inputs = Path(args.inputs).resolve() / digest.hexdigest()[:10]
            self.inputs.mkdir(parents=True, exist_ok=True)

    def discard(self, path: Path) -> None:
        """Deletes a large generated file after use, unless it is kept for later runs."""
        if not self.inputs or path.parent != self.inputs:
            path.unlink(missing_ok=True)

    @property
    def twofold(self) -> str:
        """Path of the twofold binary, building the release product on first use."""
        if self._twofold is None:
            self._twofold = toolchain.build_twofold(static=self.args.static_stdlib)
        elif not os.access(self._twofold, os.X_OK):
            raise BenchError(f"--twofold {self._twofold}: not an executable file")
        return self._twofold

    def scenario(self, size: int, shape: Shape = Shape(), name: Optional[str] = None) -> Path:
        """A generated scenario of `size` in `shape` (generated once per run, or found in
        the --inputs folder when an earlier run with the same generator wrote it)."""
        key = (size, shape)
        if key not in self._scenarios or not self._scenarios[key].exists():
            folder = self.inputs or self.workdir
            path = folder / (name or f"scenario-{size_label(size)}-{shape.slug}-{self.seed}.json")
            if self.inputs and path.exists():
                self._scenarios[key] = path
                return path
            t0 = time.perf_counter()
            st = generate(path, size, shape, self.seed)
            log(f"generated {path.name}: {st.scenes} scenes ({st.decisions} decisions, {st.endings} endings, "
                f"{st.info} info), {st.choices} choices, {st.warnings} planted warnings, "
                f"{st.bytes / 2**20:.1f} MiB, {time.perf_counter() - t0:.1f}s")
            self._scenarios[key] = path
        return self._scenarios[key]

    def measure(self, argv: list[str], **options) -> Measurement:
        return measure(argv, self.workdir / "stderr.txt", **options)

    def swift_benchmarks(self, target: str, inputs: dict[str, str]) -> dict[str, dict[str, float]]:
        """Medians of one in-process benchmark target of `Benchmarks/` (run once per run)."""
        if target not in self._swift_results:
            self._swift_results[target] = toolchain.run_swift_benchmarks(self.workdir, target, inputs)
        return self._swift_results[target]

    def fresh_home(self, name: str) -> Path:
        """An empty TWOFOLD_HOME under the run folder, with a folder to run in."""
        home = self.workdir / name
        shutil.rmtree(home, ignore_errors=True)
        (home / "cwd").mkdir(parents=True)
        return home

    def relative(self, path: Path) -> str:
        try:
            return str(path.relative_to(REPO))
        except ValueError:
            return str(path)
