"""`room`: room mode under a room's worth of phones. The measuring code lives in
`Scripts/room_bench.py`, beside the room's own test clients (`Tests/Room`)."""

from __future__ import annotations

import sys

from ..context import Context
from ..core import REPO, Target, log, print_targets, section


@section("room", "room mode: 300 phones vote on loopback (vote-to-presenter p99, RSS, join page size)")
def run(ctx: Context) -> list[Target]:
    sys.path.insert(0, str(REPO / "Scripts"))
    import room_bench  # noqa: E402  (Scripts/room_bench.py)
    targets = [Target(*result) for result in room_bench.run(ctx.twofold, ctx.workdir, ctx.repeat, log)]
    print_targets(targets)
    return targets
