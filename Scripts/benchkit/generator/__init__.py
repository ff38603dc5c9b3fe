"""The benchmark's one scenario generator (see `scenario.py` for what it writes)."""

from .layout import LAYOUTS
from .scenario import DEFAULT_SEED, KINDS, GenStats, Shape, generate, size_label

__all__ = ["DEFAULT_SEED", "KINDS", "LAYOUTS", "GenStats", "Shape", "generate", "size_label"]
