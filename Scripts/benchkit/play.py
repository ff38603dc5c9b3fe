"""What the play sections share: the bundled scenario they play and a measured environment."""

from __future__ import annotations

import os
from pathlib import Path

from .context import Context

PLAY_SCENARIO = "retail-floor-walk"   # a bundled scenario, named by its library id
PLAY_LEARNER = "Bench"


def play_env(home: Path) -> dict[str, str]:
    """The environment for a measured `twofold` run: its own TWOFOLD_HOME, a terminal type."""
    env = dict(os.environ)
    env["TWOFOLD_HOME"] = str(home)
    env.setdefault("TERM", "xterm")
    env.pop("NO_COLOR", None)
    return env


def play_argv(ctx: Context) -> list[str]:
    # Absolute: the runs happen in another folder.
    return [os.path.abspath(ctx.twofold), "play", PLAY_SCENARIO, "--learner", PLAY_LEARNER]
