"""Twofold's performance benchmark, as a package (run it through `Scripts/bench`).

Layout:
- `cli.py`: the command line and the driver;
- `core.py`: sizes, targets, the section registry, errors and logging;
- `measure.py`: timing child processes (wall time, peak RSS) through the launchers;
- `context.py`: what a section receives (binaries, generated inputs, the work folder);
- `toolchain.py`: building `twofold`, and running the in-process Swift benchmarks
  (the `Benchmarks/` package, on ordo-one/benchmark);
- `generator/`: the one scenario generator, with shape options;
- `launchers/`: the small programs that spawn and time a child, and Python references;
- `sections/`: one module per section, registered in the order they run.

Adding a section: a module in `sections/` with a function decorated by
`@section("name", "one-line description")` that takes a `Context` and returns a list of
`Target`s; import it in `sections/__init__.py`.
"""
