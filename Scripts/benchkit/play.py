"""What the play sections share: the bundled scenario they play and a measured environment."""

from __future__ import annotations

import os
from pathlib import Path

from .context import Context

PLAY_SCENARIO = "retail-floor-walk"   # a bundled scenario, named by its library id
PLAY_LEARNER = "Bench"


def play_env(home: Path, extra: dict[str, str] | None = None) -> dict[str, str]:
    """The environment for a measured `twofold` run: its own TWOFOLD_HOME (created), a
    terminal type, none of the caller's other TWOFOLD_ settings (a configured record
    store, say), then `extra`."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("TWOFOLD_")}
    env["TWOFOLD_HOME"] = str(home)
    env.setdefault("TERM", "xterm")
    env.pop("NO_COLOR", None)
    env.update(extra or {})
    home.mkdir(parents=True, exist_ok=True)
    return env


def play_argv(ctx: Context) -> list[str]:
    # Absolute: the runs happen in another folder.
    return [os.path.abspath(ctx.twofold), "play", PLAY_SCENARIO, "--learner", PLAY_LEARNER]
