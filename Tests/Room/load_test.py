#!/usr/bin/env python3
"""Load test of room mode on loopback: 300 phones join an open room and all vote
within one second; every vote must be answered 204, counted once, shown to the
presenter view and to the phone that cast it, and the facilitator's terminal must show
the same split at the reveal. Bounded: a fixed number of phones, every wait with a
timeout, loopback addresses only. Timings are printed, never asserted.

    Tests/Room/load_test.py --twofold .build/debug/twofold
"""

from __future__ import annotations

import argparse
import asyncio
import os
import re
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from roomclient import Facilitator, RoomError, request  # noqa: E402
from roomload import percentile, run_burst  # noqa: E402

REPO = Path(__file__).resolve().parents[2]


def facilitator_argv(twofold: str, scenario: str) -> list[str]:
    return [twofold, "facilitate", scenario, "--room", "--bind", "127.0.0.1", "--port", "0", "--no-participant-reports"]


async def main(args: argparse.Namespace) -> list[str]:
    failures: list[str] = []
    names = [f"Participant {index + 1:03d}" for index in range(args.participants)]
    with tempfile.TemporaryDirectory(prefix="twofold-room-load-") as home:
        env = dict(os.environ, TWOFOLD_HOME=home, NO_COLOR="1", TWOFOLD_SCENARIOS=str(REPO / "Tests" / "Fixtures" / "library"))
        room = Facilitator(facilitator_argv(args.twofold, args.scenario), env=env)
        try:
            first = (await request(room.host, room.port, "GET", "/api/presenter", token=room.key)).json()
            burst = await run_burst(room, names, choices=len(first["choices"]))
            print(f"room load: {burst.participants} phones joined and followed in {burst.join_seconds:.2f}s; "
                  f"votes sent over {burst.vote_seconds:.2f}s; presenter update p50 "
                  f"{percentile(burst.latencies, 0.5) * 1000:.0f} ms, p99 {percentile(burst.latencies, 0.99) * 1000:.0f} ms")
            if any(status != 204 for status in burst.statuses):
                failures.append(f"votes not accepted: {sorted(set(burst.statuses))}")
            if burst.presenter["voted"] != args.participants or burst.presenter["participants"] != args.participants:
                failures.append(f"presenter shows {burst.presenter['voted']} of {burst.presenter['participants']}")
            if burst.phones_saw_their_vote != args.participants:
                failures.append(f"only {burst.phones_saw_their_vote} phones saw their own vote")
            room.wait_for(re.compile(rf"{args.participants} of {args.participants} votes in"), 20)
            expected = burst.split()
            room.send("reveal")
            counts = {}
            for number in sorted(expected):
                match = room.wait_for(re.compile(rf"^\s+{number}\s+[█░·]+\s+(\d+)\s*$"), 20)
                counts[number] = int(match.group(1))
            if counts != expected:
                failures.append(f"the terminal's split {counts} is not the votes cast {expected}")
        except RoomError as error:
            failures.append(str(error))
        finally:
            status = room.close()
            if status != 0:
                failures.append(f"the facilitator's process exited {status}")
    return failures


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--twofold", required=True, help="the twofold binary")
    parser.add_argument("--scenario", default="retail-floor-walk", help="scenario id or file (default retail-floor-walk)")
    parser.add_argument("--participants", type=int, default=300, help="phones (default 300; at most 500)")
    arguments = parser.parse_args()
    if not 1 <= arguments.participants <= 500:
        parser.error("--participants takes 1 to 500")
    problems = asyncio.run(main(arguments))
    for problem in problems:
        print(f"room load: FAILED: {problem}")
    print(f"room load: {0 if problems else 1} passed, {1 if problems else 0} failed")
    sys.exit(1 if problems else 0)
