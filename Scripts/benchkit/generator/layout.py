"""Writes a scenario document in one of three layouts, streaming one scene at a time.

- `lines`: compact JSON with each scene on its own line (what tools that append write);
- `one-line`: the whole file on one line, `separators=(',', ':')` (minified exports);
- `pretty`: `indent=N`, like `json.dump(..., indent=2)` (hand-edited files).

The document's top-level fields are encoded once around a placeholder for the scene
list, so every layout has exactly the same values in the same order."""

from __future__ import annotations

import json
from typing import IO

LAYOUTS = ("lines", "one-line", "pretty")
_PLACEHOLDER = "\u0000scenes\u0000"


class DocumentWriter:
    def __init__(self, out: IO[str], layout: str, indent: int = 2):
        if layout not in LAYOUTS:
            raise ValueError(f"unknown layout {layout!r} (known: {', '.join(LAYOUTS)})")
        self.out = out
        self.layout = layout
        self.indent = indent
        if layout == "pretty":
            self._encoder = json.JSONEncoder(ensure_ascii=False, indent=indent)
        else:
            self._encoder = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))
        self._suffix = ""
        self._first = True
        self._scene_indent = ""

    def begin(self, header: dict, tail: dict) -> None:
        """Writes everything before the first scene; `tail` holds the fields after `scenes`."""
        text = self._encoder.encode({**header, "scenes": [_PLACEHOLDER], **tail})
        marker = self._encoder.encode(_PLACEHOLDER)
        prefix, suffix = text.split(marker)
        if self.layout == "pretty":
            line_start = prefix.rfind("\n") + 1
            self._scene_indent = prefix[line_start:]
            prefix = prefix[:line_start]  # the first scene writes its own indentation
            suffix = suffix.lstrip(" ")
        self.out.write(prefix)
        self._suffix = suffix

    def scene(self, scene: dict) -> None:
        text = self._encoder.encode(scene)
        if self.layout == "pretty":
            text = self._scene_indent + text.replace("\n", "\n" + self._scene_indent)
            self.out.write(text if self._first else ",\n" + text)
        elif self.layout == "lines":
            self.out.write(("\n" if self._first else ",\n") + text)
        else:
            self.out.write(text if self._first else "," + text)
        self._first = False

    def end(self) -> None:
        suffix = self._suffix
        if self.layout == "lines":
            suffix = "\n" + suffix
        elif self.layout == "pretty" and not self._first:
            suffix = "\n" + suffix.lstrip("\n")
        self.out.write(suffix + "\n")
