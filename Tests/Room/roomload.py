"""A room full of phones voting at once, shared by the load test and the benchmark.

`run_burst` joins every phone (each from its own loopback address), opens each one's
live channel and the presenter view's, then has every phone vote within `spread`
seconds, and collects what came back: each vote's status, each phone's own view, and
the presenter view's messages with their arrival times.
"""

from __future__ import annotations

import asyncio
import json
import math
import time
from dataclasses import dataclass

from roomclient import Facilitator, Phone, PresenterFeed, RoomError, request


@dataclass
class Burst:
    participants: int
    join_seconds: float
    vote_seconds: float
    statuses: list[int]
    chosen: list[int]
    latencies: list[float]
    presenter: dict
    phones_saw_their_vote: int

    def split(self) -> dict[int, int]:
        counts: dict[int, int] = {}
        for choice in self.chosen:
            counts[choice] = counts.get(choice, 0) + 1
        return counts


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, math.ceil(fraction * len(ordered)) - 1))]


async def run_burst(room: Facilitator, names: list[str], choices: int, spread: float = 0.9,
                    timeout: float = 30) -> Burst:
    """Joins `names`, then every phone votes once within `spread` seconds."""
    count = len(names)
    presenter = PresenterFeed()
    await presenter.open(room)
    phones = [Phone(room, index) for index in range(count)]
    try:
        start = time.perf_counter()
        await asyncio.wait_for(asyncio.gather(*(phone.join(name) for phone, name in zip(phones, names))), timeout)
        await asyncio.wait_for(asyncio.gather(*(phone.follow() for phone in phones)), timeout)
        join_seconds = time.perf_counter() - start
        await presenter.until(lambda view: view["participants"] == count and view["voted"] == 0, timeout)

        chosen = [index % choices + 1 for index in range(count)]
        sent = [0.0] * count
        answered = [0.0] * count

        async def cast(index: int) -> int:
            await asyncio.sleep(index * spread / count)
            sent[index] = time.perf_counter()
            status = await phones[index].vote(chosen[index])
            answered[index] = time.perf_counter()
            return status

        begun = time.perf_counter()
        statuses = await asyncio.wait_for(asyncio.gather(*(cast(index) for index in range(count))), timeout)
        vote_seconds = max(answered) - begun
        final = await presenter.until(lambda view: view["voted"] == count, timeout)
        latencies = vote_latencies(sent, answered, presenter.messages)
        saw = await own_votes_seen(phones, chosen, timeout=10)
        return Burst(count, join_seconds, vote_seconds, list(statuses), chosen, latencies, final, saw)
    finally:
        await presenter.close()
        await asyncio.gather(*(phone.close() for phone in phones), return_exceptions=True)


def vote_latencies(sent: list[float], answered: list[float], messages: list[tuple[float, dict]]) -> list[float]:
    """For each vote, an upper bound on the time from its POST to the presenter view showing it.

    A vote is counted before its answer comes, and only votes already sent can be counted
    before it; so when U votes had been sent by the time its answer came, the first
    presenter message with at least U votes in certainly includes it.
    """
    order = sorted(sent)
    latencies = []
    for index in range(len(sent)):
        sent_before = sum(1 for moment in order if moment <= answered[index])
        shown = next((at for at, view in messages if view.get("voted", 0) >= sent_before and at >= sent[index]), None)
        if shown is None:
            raise RoomError(f"vote {index} never reached the presenter view")
        latencies.append(shown - sent[index])
    return latencies


async def own_votes_seen(phones: list[Phone], chosen: list[int], timeout: float) -> int:
    """How many phones received their own vote back on their live channel."""

    async def watch(phone: Phone, choice: int) -> bool:
        while not (phone.states and phone.states[-1]["you"].get("vote") == choice):
            phone.states.append(json.loads(await phone.live.recv()))
        return True

    results = await asyncio.gather(*(asyncio.wait_for(watch(phone, choice), timeout)
                                     for phone, choice in zip(phones, chosen)), return_exceptions=True)
    return sum(1 for result in results if result is True)


async def join_page_bytes(room: Facilitator) -> dict[str, int]:
    """Bytes over the wire (headers included) of the participant page and its two files."""
    sizes = {}
    for path in ("/", "/live.js", "/room.js", "/room.css"):
        reply = await request(room.host, room.port, "GET", path, source="127.2.0.1")
        if reply.status != 200:
            raise RoomError(f"GET {path}: {reply.status}")
        sizes[path] = reply.wire_bytes
    return sizes
