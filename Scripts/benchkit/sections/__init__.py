"""The benchmark's sections, registered in the order they run."""

from . import load, linear, phases, engine, parsing, startup, step, cohort, room, lrs  # noqa: F401
