"""The scenario generator: valid, deterministic scenarios of any size and shape.

Kinds:
- `layered` (the default): exactly N scenes in a layered DAG about 60 layers deep (so
  the number of complete paths passes 64 bits); decisions with 2-3 choices (see
  `Shape.choices`) whose (manager, leader) pairs lie in -3..3 and differ within a
  decision; occasional zero-score "ask for more information" loops (decision -> info
  scene -> the same decision); a few plain endings along the way, and a last layer of
  routers (`outcomes` scenes) that send every learner to one of four endings, one per
  profile, as the bundled library does.
- `chain`: N scenes in a line, each decision's choices all leading to the next scene
  (so the path count doubles with every scene), an ending last.
- `wide`: one decision with N choices leading to four endings; scores cycle through
  every pair in -10..10, so past 440 choices repeats draw `identical-scores` warnings.

Shape options change only how the same scenes are written (layout, indentation), in
which language each text is (`non_ascii`: the share of texts in Japanese), how long the
texts are (`text_scale`), and `warnings`: exactly that many decisions get two choices
with identical scores (one `identical-scores` warning each). Structure, ids and scores
come from their own random streams, so changing any of these leaves the rest as it was.
Output is streamed, so a million scenes need little memory."""

from __future__ import annotations

import random
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Optional

from .layout import DocumentWriter, LAYOUTS
from .plan import plan_layers
from .texts import POOL_SIZE, TextPools
from .words import CHOICE_IDS, ENDING_KINDS, TOPICS

DEFAULT_SEED = 20240601
KINDS = ("layered", "chain", "wide")
P_MORE_CHOICES = 0.35  # chance of each choice past the shape's minimum
SMALL_PAIRS = [(m, l) for m in range(-3, 4) for l in range(-3, 4) if (m, l) != (0, 0)]
ALL_PAIRS = [(m, l) for m in range(-10, 11) for l in range(-10, 11) if (m, l) != (0, 0)]
REFLECTION = ["Which choice was hardest, and why?", "When did you act as a manager, and when as a leader?",
              "What would you do differently with more information?"]


@dataclass(frozen=True)
class Shape:
    kind: str = "layered"
    layout: str = "lines"
    indent: int = 2
    non_ascii: float = 0.0
    text_scale: float = 1.0
    choices: tuple[int, int] = (2, 3)
    warnings: int = 0

    def __post_init__(self):
        if self.kind not in KINDS:
            raise ValueError(f"unknown kind {self.kind!r} (known: {', '.join(KINDS)})")
        if self.layout not in LAYOUTS:
            raise ValueError(f"unknown layout {self.layout!r} (known: {', '.join(LAYOUTS)})")
        if not 0 <= self.non_ascii <= 1:
            raise ValueError("non-ASCII share must be between 0 and 1")
        if self.text_scale <= 0:
            raise ValueError("text length scale must be positive")
        if not 2 <= self.choices[0] <= self.choices[1] <= 8:
            raise ValueError("choices must be a range within 2..8, such as 2-3")

    def with_(self, **changes) -> "Shape":
        return replace(self, **changes)

    @property
    def slug(self) -> str:
        """A short file-name-safe description, e.g. `layered-pretty2-ja100-x3-c2-4-w10000`."""
        parts = [self.kind, self.layout + (str(self.indent) if self.layout == "pretty" else "")]
        if self.non_ascii:
            parts.append(f"ja{round(self.non_ascii * 100)}")
        if self.text_scale != 1:
            parts.append(f"x{self.text_scale:g}")
        if self.choices != (2, 3):
            parts.append(f"c{self.choices[0]}-{self.choices[1]}")
        if self.warnings:
            parts.append(f"w{self.warnings}")
        return "-".join(parts)


@dataclass
class GenStats:
    scenes: int = 0
    decisions: int = 0
    endings: int = 0
    info: int = 0
    routers: int = 0
    choices: int = 0
    warnings: int = 0
    bytes: int = 0


class _Texts:
    """Draws texts: which one from the structure's stream, which language from its own."""

    def __init__(self, rng: random.Random, seed: int, size: int, shape: Shape):
        self.rng = rng
        self.language = random.Random(f"{seed}:{size}:language")
        self.share = shape.non_ascii
        self.pools = TextPools.get(seed, shape.text_scale)

    def _japanese(self) -> bool:
        return self.language.random() < self.share

    def pick(self, kind: str) -> str:
        index = self.rng.randrange(POOL_SIZE) if kind != "title" else self.rng.randrange(len(self.pools.english["title"]))
        return (self.pools.japanese if self._japanese() else self.pools.english)[kind][index]

    def fixed(self, key: str) -> str:
        return self.pools.fixed["ja" if self._japanese() else "en"][key]


def _choice(cid: str, text: str, pair: Optional[tuple[int, int]], feedback: str, next_id: str) -> dict:
    choice = {"id": cid, "text": text}
    if pair is not None:
        choice["scores"] = {"manager": pair[0], "leader": pair[1]}
    choice.update(feedback=feedback, next=next_id)
    return choice


def size_label(n: int) -> str:
    if n % 1000000 == 0:
        return f"{n // 1000000}m"
    if n % 1000 == 0:
        return f"{n // 1000}k"
    return str(n)


def generate(path: Path, size: int, shape: Shape = Shape(), seed: int = DEFAULT_SEED) -> GenStats:
    """Writes a valid scenario of `size` (scenes; for `wide`, choices) to `path`."""
    rng = random.Random(f"{seed}:{size}")
    texts = _Texts(rng, seed, size, shape)
    stats = GenStats()
    label = size_label(size)
    build = {"layered": _layered, "chain": _chain, "wide": _wide}[shape.kind]
    scenes = build(size, shape, rng, texts, stats, random.Random(f"{seed}:{size}:warnings"))
    start = next(scenes)
    header = {"format": 1, "id": f"bench-{label}", "title": f"Benchmark scenario ({label})",
              "domain": "benchmark", "summary": "Synthetic scenario used by Scripts/bench.",
              "briefing": "You have just taken over a busy team. Every choice shapes how they see you.",
              "estimatedMinutes": 30, "start": start}
    with open(path, "w", encoding="utf-8", newline="\n", buffering=1 << 20) as out:
        writer = DocumentWriter(out, shape.layout, shape.indent)
        writer.begin(header, {"reflection": REFLECTION})
        for scene in scenes:
            writer.scene(scene)
        writer.end()
    stats.scenes = stats.decisions + stats.endings + stats.info + stats.routers
    stats.bytes = path.stat().st_size
    return stats


def _ending(sid: str, texts: _Texts, kind: Optional[str] = None) -> dict:
    """An ending; only endings reached through a router say which profile they stand for."""
    ending = {"title": texts.pick("title")}
    if kind:
        ending["kind"] = kind
    return {"id": sid, "text": texts.pick("ending"), "ending": ending}


PROFILE_ENDINGS = [f"end-{kind}" for kind in ENDING_KINDS]


def _router(sid: str, texts: _Texts) -> dict:
    """A router to the four profile endings."""
    return {"id": sid, "text": texts.pick("info"), "outcomes": dict(zip(ENDING_KINDS, PROFILE_ENDINGS))}


def _choice_count(shape: Shape, rng: random.Random) -> int:
    count = shape.choices[0]
    while count < shape.choices[1] and rng.random() < P_MORE_CHOICES:
        count += 1
    return count


def _layered(size, shape, rng, texts, stats, warning_rng):
    """Yields the start id, then the scenes of a layered DAG, layer by layer; the last
    layer routes to the four profile endings, written last."""
    if size < 8:
        raise ValueError("a layered scenario needs at least 8 scenes")
    plan = plan_layers(size - len(PROFILE_ENDINGS))
    depth = len(plan.widths)
    info_left, decisions_left = plan.n_info, plan.decisions
    warnings_left = min(shape.warnings, plan.decisions)

    def scene_id(layer: int, index: int) -> str:
        return f"{TOPICS[(index * 7 + layer) % len(TOPICS)]}-{layer}-{index}"

    yield scene_id(0, 0)
    for k in range(depth):
        width = plan.widths[k]
        is_ending = [False] * width
        for i in rng.sample(range(width), plan.endings[k]):
            is_ending[i] = True
        owned: dict[int, list[int]] = {}
        if k < depth - 1:
            deciders = [i for i in range(width) if not is_ending[i]]
            order = list(range(plan.widths[k + 1]))
            rng.shuffle(order)
            for j, target in enumerate(order):  # every next scene gets an incoming choice
                owned.setdefault(deciders[j % len(deciders)], []).append(target)
        for i in range(width):
            sid = scene_id(k, i)
            if is_ending[i] and k == depth - 1:
                stats.routers += 1
                yield _router(sid, texts)
                continue
            if is_ending[i]:
                stats.endings += 1
                yield _ending(sid, texts)
                continue
            stats.decisions += 1
            with_info = rng.random() * decisions_left < info_left
            warned = warning_rng.random() * decisions_left < warnings_left
            decisions_left -= 1
            targets = owned.get(i, [])
            forward = max(len(targets), shape.choices[0] if with_info else _choice_count(shape, rng))
            tries = 0
            while len(targets) < forward:
                t = rng.randrange(plan.widths[k + 1])
                tries += 1
                if t not in targets or tries > 8:
                    targets.append(t)
            rng.shuffle(targets)
            pairs = rng.sample(SMALL_PAIRS, forward)
            if warned:
                warnings_left -= 1
                stats.warnings += 1
                pairs[-1] = pairs[0]
            ids = rng.sample(CHOICE_IDS, forward)
            choices = [_choice(ids[c], texts.pick("choice"), pairs[c], texts.pick("feedback"),
                               scene_id(k + 1, targets[c])) for c in range(forward)]
            info = None
            if with_info:
                info_left -= 1
                info_id = sid + "-info"
                choices.insert(rng.randrange(forward + 1),
                               _choice("ask", texts.fixed("ask"), None, texts.fixed("ask_feedback"), info_id))
                info = {"id": info_id, "text": texts.pick("info"), "choices": [
                    _choice("back", texts.fixed("back"), None, texts.fixed("back_feedback"), sid)]}
            stats.choices += len(choices)
            yield {"id": sid, "text": texts.pick("scene"), "choices": choices}
            if info is not None:
                stats.info += 1
                stats.choices += 1
                yield info
    assert info_left == 0 and decisions_left == 0 and warnings_left == 0
    for kind, sid in zip(ENDING_KINDS, PROFILE_ENDINGS):
        stats.endings += 1
        yield _ending(sid, texts, kind)


def _chain(size, shape, rng, texts, stats, warning_rng):
    """Yields the start id, then `size` scenes in a line, the last an ending."""
    if size < 2:
        raise ValueError("a chain needs at least 2 scenes")
    yield "step-0"
    for i in range(size - 1):
        count = shape.choices[0]
        pairs = rng.sample(SMALL_PAIRS, count)
        ids = rng.sample(CHOICE_IDS, count)
        stats.decisions += 1
        stats.choices += count
        yield {"id": f"step-{i}", "text": texts.pick("scene"), "choices": [
            _choice(ids[c], texts.pick("choice"), pairs[c], texts.pick("feedback"), f"step-{i + 1}")
            for c in range(count)]}
    stats.endings += 1
    yield _ending(f"step-{size - 1}", texts)


def _wide(size, shape, rng, texts, stats, warning_rng):
    """Yields the start id, then one decision with `size` choices and four endings."""
    pairs = list(ALL_PAIRS)
    rng.shuffle(pairs)
    endings = [f"end-{kind}" for kind in ENDING_KINDS]
    yield "crowded-choice"
    choices = [_choice(f"option-{c}", texts.pick("choice"), pairs[c % len(pairs)], texts.pick("feedback"),
                       endings[c % len(endings)]) for c in range(size)]
    stats.decisions += 1
    stats.choices += size
    stats.warnings += max(0, size - len(pairs))
    yield {"id": "crowded-choice", "text": texts.pick("scene"), "choices": choices}
    for sid in endings:
        stats.endings += 1
        yield _ending(sid, texts)
