"""Pools of generated texts (scene, choice, feedback, ending, info) that scenes draw from.

Every pool exists in English and in Japanese, index for index, so a scenario written with
a share of non-ASCII text has exactly the same scenes, ids and scores as the English one.
`scale` multiplies the text lengths (1.0: about 100 characters for a scene's text)."""

from __future__ import annotations

import random
from typing import Callable

from .words import ENGLISH, JAPANESE

POOL_SIZE = 4096
# (low, high) lengths in characters at scale 1, per kind of text.
LENGTHS = dict(scene=(80, 120), choice=(30, 50), feedback=(50, 72), ending=(80, 120), info=(80, 130))


def _maker(words: dict, rng: random.Random, kind: str) -> Callable[[], str]:
    """A function that writes one sentence (or two) of the given kind."""
    w = words
    ja = words is JAPANESE
    space = "" if ja else " "

    def fill(template: str) -> str:
        return template.format(role=rng.choice(w["roles"]), when=rng.choice(w["whens"]),
                               mins=rng.randint(5, 40), noun=rng.choice(w["nouns"]), team=rng.choice(w["teams"]))

    def scene() -> str:
        if ja:
            first = f"{rng.choice(w['adjectives'])}{rng.choice(w['nouns'])}{rng.choice(w['problems'])}と{rng.choice(w['roles'])}{rng.choice(w['reports'])}"
        else:
            first = (f"Your {rng.choice(w['roles'])} {rng.choice(w['reports'])} the {rng.choice(w['adjectives'])} "
                     f"{rng.choice(w['nouns'])} {rng.choice(w['problems'])}.")
        sep = "\n\n" if rng.random() < 0.08 else space
        return first + sep + fill(rng.choice(w["complications"]))

    def choice() -> str:
        return fill(rng.choice(w["actions"])) + ("。" if ja else ".")

    def feedback() -> str:
        return f"{rng.choice(w['verdicts'])}{space}{rng.choice(w['reasons'])}" + ("" if ja else ".")

    def ending() -> str:
        return fill(rng.choice(w["outcomes"])) + ("" if ja else " ") + fill(rng.choice(w["outcome_tails"]))

    def info() -> str:
        if ja:
            return f"{rng.choice(w['roles'])}に詳しく聞くと、{rng.choice(w['nouns'])}の経緯を順に説明してくれました。"
        return (f"You ask the {rng.choice(w['roles'])} for more detail. They walk you through the "
                f"{rng.choice(w['nouns'])} and how the problem started.")

    return dict(scene=scene, choice=choice, feedback=feedback, ending=ending, info=info)[kind]


def _pool(rng: random.Random, make: Callable[[], str], low: int, high: int, ja: bool) -> list[str]:
    """POOL_SIZE texts whose lengths spread over low..high; long texts join several sentences.
    Japanese texts aim at about 40% of the character count (each character is three bytes)."""
    if ja:
        low, high = max(8, low * 2 // 5), max(10, high * 2 // 5)
    out = []
    while len(out) < POOL_SIZE:
        want = rng.randint(low, high)
        text = make()
        while len(text) < want - 5:
            text += ("" if ja else " ") + make()
        out.append(text)
    return out


class TextPools:
    """Texts by kind (`scene`, `choice`, `feedback`, `ending`, `info`, `title`) and by language."""

    _cache: dict[tuple[int, float], "TextPools"] = {}

    @classmethod
    def get(cls, seed: int, scale: float) -> "TextPools":
        key = (seed, scale)
        if key not in cls._cache:
            cls._cache[key] = cls(seed, scale)
        return cls._cache[key]

    def __init__(self, seed: int, scale: float):
        self.english: dict[str, list[str]] = {}
        self.japanese: dict[str, list[str]] = {}
        for words, pools in ((ENGLISH, self.english), (JAPANESE, self.japanese)):
            rng = random.Random(f"{seed}:texts")
            for kind, (low, high) in LENGTHS.items():
                lo, hi = max(4, round(low * scale)), max(8, round(high * scale))
                pools[kind] = _pool(rng, _maker(words, rng, kind), lo, hi, words is JAPANESE)
            pools["title"] = list(words["titles"])
        self.fixed = {"en": ENGLISH, "ja": JAPANESE}
