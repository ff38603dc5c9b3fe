"""The `room` section of Scripts/bench: room mode under a room's worth of phones.

Starts `twofold facilitate retail-floor-walk --room` on loopback (an open room, in a
fresh TWOFOLD_HOME, so every join and vote is saved to a real records store), has 300
phones join and vote within one second (each from its own loopback address, with its
live channel open), and measures:

- from a vote's POST to the presenter view's update that shows it, p99 (an upper bound
  per vote; see Tests/Room/roomload.py) — target at most 250 ms;
- the facilitator process's peak resident memory (VmHWM) — target at most 100 MiB;
- the participant page with its scripts and style sheet, in bytes over the wire,
  headers included — target at most 50 KiB.

It repeats the whole run `repeat` times and reports the median of each figure.
"""

from __future__ import annotations

import asyncio
import os
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "Tests" / "Room"))
from roomclient import Facilitator, RoomError, request  # noqa: E402
from roomload import join_page_bytes, percentile, run_burst  # noqa: E402

PARTICIPANTS = 300
P99_TARGET_MS = 250
RSS_TARGET_MIB = 100
PAGE_TARGET_KIB = 50


async def one_run(twofold: str, home: Path) -> dict:
    env = dict(os.environ, TWOFOLD_HOME=str(home), NO_COLOR="1")
    room = Facilitator([twofold, "facilitate", "retail-floor-walk", "--room", "--bind", "127.0.0.1", "--port", "0",
                        "--no-participant-reports"], env=env)
    try:
        view = (await request(room.host, room.port, "GET", "/api/presenter", token=room.key)).json()
        page = await join_page_bytes(room)
        burst = await run_burst(room, [f"Phone {index + 1:03d}" for index in range(PARTICIPANTS)],
                                choices=len(view["choices"]))
        if any(status != 204 for status in burst.statuses) or burst.presenter["voted"] != PARTICIPANTS:
            raise RoomError(f"votes lost: statuses {sorted(set(burst.statuses))}, presenter {burst.presenter['voted']}")
        memory = room.memory_kib()
        return {"p50": percentile(burst.latencies, 0.5) * 1000, "p99": percentile(burst.latencies, 0.99) * 1000,
                "rss": memory["VmHWM"] / 1024, "page": sum(page.values()) / 1024,
                "join": burst.join_seconds, "vote": burst.vote_seconds}
    finally:
        room.close()


def run(twofold: str, workdir: Path, repeat: int, log) -> list[tuple[str, str, bool]]:
    """Runs the section; returns (description, measured, met) for each target."""
    runs = []
    for attempt in range(repeat):
        home = workdir / f"room-home-{attempt}"
        home.mkdir(parents=True, exist_ok=True)
        result = asyncio.run(one_run(twofold, home))
        log(f"room run {attempt + 1}: {PARTICIPANTS} joined in {result['join']:.2f}s, voted over {result['vote']:.2f}s; "
            f"vote→presenter p50 {result['p50']:.0f} ms p99 {result['p99']:.0f} ms; peak RSS {result['rss']:.1f} MiB; "
            f"join page {result['page']:.1f} KiB")
        runs.append(result)
    p99 = statistics.median(run["p99"] for run in runs)
    p50 = statistics.median(run["p50"] for run in runs)
    rss = statistics.median(run["rss"] for run in runs)
    page = statistics.median(run["page"] for run in runs)
    return [
        (f"room: vote POST to presenter update, p99 for {PARTICIPANTS} phones ≤ {P99_TARGET_MS} ms",
         f"{p99:.0f} ms (p50 {p50:.0f} ms)", p99 <= P99_TARGET_MS),
        (f"room: facilitator process peak RSS with {PARTICIPANTS} phones ≤ {RSS_TARGET_MIB} MiB",
         f"{rss:.1f} MiB", rss <= RSS_TARGET_MIB),
        (f"room: join page over the wire ≤ {PAGE_TARGET_KIB} KiB", f"{page:.1f} KiB", page <= PAGE_TARGET_KIB),
    ]
