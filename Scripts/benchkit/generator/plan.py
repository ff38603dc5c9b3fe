"""The layer plan of a layered scenario: how many scenes, and how many endings, per layer."""

from __future__ import annotations

import math
from dataclasses import dataclass

LAYERS = 60            # depth of the layered DAG (so path counts pass 64 bits)
INFO_SHARE = 0.03      # share of scenes that are "ask for more information" scenes
ENDING_SHARE = 0.02    # share of scenes in middle layers that are endings
FIRST_MID_ENDING_LAYER = 3


@dataclass
class Plan:
    widths: list[int]        # scenes per layer (info scenes excluded)
    endings: list[int]       # endings per layer (the last layer: all of it)
    n_info: int

    @property
    def decisions(self) -> int:
        return sum(w - e for w, e in zip(self.widths, self.endings))


def plan_layers(n_scenes: int) -> Plan:
    """Layers doubling in width up to a cap, sized so the plan holds exactly `n_scenes`."""
    n_info = round(n_scenes * INFO_SHARE) if n_scenes >= 100 else 0
    layered = n_scenes - n_info
    depth = min(LAYERS, layered)

    def total(width: int) -> int:
        return sum(min(2 ** k, width) for k in range(depth))

    low, high = 1, layered
    while low < high:  # the smallest width whose layers hold every scene
        middle = (low + high) // 2
        if total(middle) >= layered:
            high = middle
        else:
            low = middle + 1
    width = low
    widths = [min(2 ** k, width) for k in range(depth)]
    excess = total(width) - layered
    full = [k for k in range(depth) if widths[k] == width]
    assert excess < len(full) or excess == 0
    for j in range(excess):  # spread the trimming evenly over the full-width layers
        widths[full[len(full) - 1 - (j * len(full)) // max(excess, 1)]] -= 1

    endings = [0] * depth
    endings[-1] = widths[-1]
    carry = 0.0
    for k in range(FIRST_MID_ENDING_LAYER, depth - 1):
        carry += widths[k] * ENDING_SHARE
        # every decision may own at most two scenes of the next layer
        e = max(0, min(int(carry), widths[k] - math.ceil(widths[k + 1] / 2)))
        endings[k] = e
        carry -= e
    plan = Plan(widths, endings, n_info)
    assert sum(widths) + n_info == n_scenes
    assert plan.decisions >= n_info
    return plan
