"""Clients for testing and measuring room mode from outside the process.

`Facilitator` runs `twofold facilitate … --room` with its standard input on a pipe
(the way a script drives a session) and reads the join and presenter addresses it
prints. `Phone` is one participant's device: it joins over the JSON API, follows the
live channel and votes, each phone from its own loopback address (127.1.x.y) as phones
on a network each have their own. Everything stays on this machine and every loop is
bounded in count and time.
"""

from __future__ import annotations

import asyncio
import json
import os
import queue
import re
import subprocess
import threading
import time
from dataclasses import dataclass, field
from typing import Optional
from urllib.parse import urlsplit

import websockets

JOIN = re.compile(r"^Join: (http://\S+)$")
PRESENTER = re.compile(r"^Presenter view .*?(http://\S+/present\?key=\S+)$")


class RoomError(Exception):
    """Something the room did that a test or the benchmark cannot go on from."""


class Facilitator:
    """The facilitator's process: started with `argv`, driven through standard input."""

    def __init__(self, argv: list[str], env: Optional[dict] = None, timeout: float = 30):
        self.process = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                        stderr=subprocess.STDOUT, text=True, bufsize=1, env=env)
        self.lines: list[str] = []
        self._queue: "queue.Queue[Optional[str]]" = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()
        self.join_url = self.wait_for(JOIN, timeout).group(1)
        self.presenter_url = self.wait_for(PRESENTER, timeout).group(1)
        parts = urlsplit(self.join_url)
        self.host, self.port = parts.hostname, parts.port
        self.code = re.search(r"code=(\w+)", self.join_url).group(1)
        self.key = re.search(r"key=([\w-]+)", self.presenter_url).group(1)

    def _read(self) -> None:
        for line in self.process.stdout:
            self._queue.put(line.rstrip("\n"))
        self._queue.put(None)

    def wait_for(self, pattern: re.Pattern, timeout: float = 10) -> re.Match:
        """The first line from now on that matches `pattern`."""
        deadline = time.monotonic() + timeout
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise RoomError(f"no line matching {pattern.pattern!r} within {timeout}s; last lines:\n"
                                + "\n".join(self.lines[-15:]))
            try:
                line = self._queue.get(timeout=left)
            except queue.Empty:
                continue
            if line is None:
                raise RoomError(f"the facilitator's process ended (status {self.process.wait()}) before "
                                f"{pattern.pattern!r}; last lines:\n" + "\n".join(self.lines[-15:]))
            self.lines.append(line)
            match = pattern.search(line)
            if match:
                return match

    def send(self, line: str) -> None:
        self.process.stdin.write(line + "\n")
        self.process.stdin.flush()

    def memory_kib(self) -> dict[str, int]:
        """VmRSS (now) and VmHWM (peak) of the process, in KiB."""
        with open(f"/proc/{self.process.pid}/status") as status:
            fields = dict(line.split(":", 1) for line in status if ":" in line)
        return {name: int(fields[name].split()[0]) for name in ("VmRSS", "VmHWM")}

    def close(self, timeout: float = 20) -> int:
        """Ends the session (end of input saves it) and waits for the process."""
        try:
            self.process.stdin.close()
        except OSError:
            pass
        try:
            return self.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
            raise RoomError("the facilitator's process did not end within %ss" % timeout)


@dataclass
class Reply:
    status: int
    body: bytes
    wire_bytes: int
    headers: dict = field(default_factory=dict)

    def json(self):
        return json.loads(self.body) if self.body else None


async def request(host: str, port: int, method: str, path: str, body=None, token: Optional[str] = None,
                  source: Optional[str] = None, timeout: float = 10) -> Reply:
    """One HTTP/1.1 request on its own connection, from `source` when given."""
    data = json.dumps(body).encode() if body is not None else b""
    head = f"{method} {path} HTTP/1.1\r\nHost: {host}:{port}\r\nConnection: close\r\n"
    if body is not None:
        head += f"Content-Type: application/json\r\nContent-Length: {len(data)}\r\n"
    if token:
        head += f"Authorization: Bearer {token}\r\n"
    local = (source, 0) if source else None
    reader, writer = await asyncio.wait_for(asyncio.open_connection(host, port, local_addr=local), timeout)
    try:
        writer.write(head.encode() + b"\r\n" + data)
        await writer.drain()
        raw = await asyncio.wait_for(reader.read(), timeout)
    finally:
        writer.close()
    header_end = raw.index(b"\r\n\r\n")
    lines = raw[:header_end].decode("latin-1").split("\r\n")
    headers = {k.strip().lower(): v.strip() for k, v in (line.split(":", 1) for line in lines[1:])}
    return Reply(int(lines[0].split()[1]), raw[header_end + 4:], len(raw), headers)


def loopback(index: int) -> str:
    """The loopback address phone number `index` sends from."""
    return f"127.1.{index // 250}.{index % 250 + 1}"


class Phone:
    """One participant's phone."""

    def __init__(self, room: Facilitator, index: int):
        self.room = room
        self.source = loopback(index)
        self.token: Optional[str] = None
        self.live = None
        self.states: list[dict] = []

    async def call(self, method: str, path: str, body=None) -> Reply:
        return await request(self.room.host, self.room.port, method, path, body, self.token, self.source)

    async def join(self, name: str) -> None:
        reply = await self.call("POST", "/api/join", {"code": self.room.code, "name": name})
        if reply.status != 200:
            raise RoomError(f"join {name}: {reply.status} {reply.body[:200]!r}")
        self.token = reply.json()["token"]

    async def follow(self) -> dict:
        """Opens the live channel; returns the first state it sends."""
        self.live = await connect_live(self.room, "bearer." + self.token, self.source)
        first = json.loads(await asyncio.wait_for(self.live.recv(), 10))
        self.states.append(first)
        return first

    async def vote(self, choice: int) -> int:
        return (await self.call("POST", "/api/vote", {"choice": choice})).status

    async def close(self) -> None:
        if self.live is not None:
            await self.live.close()


async def connect_live(room: Facilitator, identity: str, source: Optional[str] = None):
    """The live channel, proving who connects in the sub-protocol list."""
    extra = {"local_addr": (source, 0)} if source else {}
    return await websockets.connect(f"ws://{room.host}:{room.port}/api/live", subprotocols=["twofold", identity],
                                    open_timeout=10, max_size=2**20, **extra)


class PresenterFeed:
    """The presenter view's live channel, every message kept with the time it arrived."""

    def __init__(self):
        self.messages: list[tuple[float, dict]] = []
        self.socket = None
        self._task = None
        self._changed = asyncio.Event()

    async def open(self, room: Facilitator) -> None:
        self.socket = await connect_live(room, "presenter." + room.key)
        self._task = asyncio.create_task(self._collect())

    async def _collect(self) -> None:
        async for text in self.socket:
            self.messages.append((time.perf_counter(), json.loads(text)))
            self._changed.set()

    async def until(self, condition, timeout: float = 10) -> dict:
        """The first message (already here or still to come) that satisfies `condition`."""
        deadline = time.monotonic() + timeout
        seen = 0
        while True:
            for _, message in self.messages[seen:]:
                if condition(message):
                    return message
            seen = len(self.messages)
            left = deadline - time.monotonic()
            if left <= 0:
                raise RoomError(f"the presenter view did not reach the expected state in {timeout}s; "
                                f"last: {self.messages[-1][1] if self.messages else None}")
            self._changed.clear()
            try:
                await asyncio.wait_for(self._changed.wait(), left)
            except asyncio.TimeoutError:
                pass

    async def close(self) -> None:
        if self.socket is not None:
            await self.socket.close()
        if self._task is not None:
            await asyncio.gather(self._task, return_exceptions=True)
