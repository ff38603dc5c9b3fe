"""Learner reports for the `cohort` section: one real report played by `twofold play`,
then copies varied in learner, cohort, dates and choices, with scores, profile and ending
following the choices, written in cohort folders."""

from __future__ import annotations

import json
import math
import os
import random
import re
import shutil
import subprocess
import time
import uuid
from pathlib import Path

from .context import Context
from .core import BenchError

COHORT_SCENARIO = "retail-floor-walk"  # the bundled scenario the template report is played on
COHORT_PER_FOLDER = 1000               # reports per cohort folder (a programme's sessions)
FIRST_NAMES = ["Ana", "Ben", "Chi", "Dana", "Eli", "Fatima", "Goran", "Hana", "Ivan", "Jia", "Kofi", "Lena",
               "Mateo", "Nia", "Omar", "Priya", "Quinn", "Rosa", "Sami", "Tomasz", "Uma", "Viktor", "Wen", "Yusuf",
               "Zoë", "José", "Łucja", "Søren", "Aoife", "Björn"]
LAST_NAMES = ["Silva", "Okafor", "Nguyen", "Müller", "O'Brien", "García", "Kowalski", "Haddad", "Tanaka", "Smith",
              "Johansson", "Rossi", "Dubois", "Novak", "Kaur", "Chen", "Ivanova", "Mensah", "Costa", "Lee"]


def play_template_report(ctx: Context) -> dict:
    """A real learner report: one scripted `twofold play` of the bundled scenario."""
    home = ctx.workdir / "home-cohort"
    shutil.rmtree(home, ignore_errors=True)
    out = home / "reports"
    out.mkdir(parents=True)
    env = dict(os.environ, TWOFOLD_HOME=str(home))
    proc = subprocess.run([str(Path(ctx.twofold).resolve()), "play", COHORT_SCENARIO, "--learner", "Template", "--cohort", "Bench",
                           "--out", str(out), "--format", "json"], input="1\n" * 40, text=True,
                          capture_output=True, env=env, cwd=home)
    reports = sorted(out.glob("*.json"))
    if proc.returncode != 0 or not reports:
        raise BenchError(f"twofold play {COHORT_SCENARIO} wrote no report (exit {proc.returncode}): {proc.stderr.strip()}")
    return json.loads(reports[0].read_text(encoding="utf-8"))


def write_cohort_reports(template: dict, root: Path, count: int, seed: int) -> int:
    """`count` reports made from `template`: other learners, cohorts, dates and choices, in
    cohort folders. Scores, profile and ending follow the choices. Returns bytes written."""
    rng = random.Random(f"{seed}:cohort")
    threshold = template["scenario"].get("profileThreshold", 60)
    bounds = {axis: (template["scores"][axis]["min"], template["scores"][axis]["max"]) for axis in ("manager", "leader")}
    offered = [[{"choice": d["choice"], "text": d["choiceText"], "scores": d["scores"]}] + d["alternatives"]
               for d in template["decisions"]]
    endings = [{"scene": "end-both", "title": "A team that runs the floor"},
               {"scene": "end-manager", "title": "A tidy store and a quiet team"},
               {"scene": "end-leader", "title": "Great ideas, thin shelves"},
               {"scene": "end-emerging", "title": "A long Saturday"}]
    learners = [f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)} {n:05d}" for n in range(max(1, count // 3))]
    start = 1_767_225_600  # 2026-01-01
    total = 0
    for index in range(count):
        report = json.loads(json.dumps(template))  # a deep copy
        folder = root / f"cohort-{index // COHORT_PER_FOLDER:03d}"
        if index % COHORT_PER_FOLDER == 0:
            folder.mkdir(parents=True, exist_ok=True)
        learner = rng.choice(learners)
        started = start + rng.randrange(365 * 86400)
        finished = started + rng.randrange(240, 1500)
        report["attemptId"] = str(uuid.UUID(int=rng.getrandbits(128), version=4)).upper()
        report["learner"] = {"name": learner}
        report["cohort"] = f"Programme {index // COHORT_PER_FOLDER + 1:03d}"
        report["startedAt"] = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(started))
        report["finishedAt"] = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(finished))
        raw = {"manager": 0, "leader": 0}
        for decision, options in zip(report["decisions"], offered):
            pick = rng.choice(options)
            decision["choice"], decision["choiceText"], decision["scores"] = pick["choice"], pick["text"], pick["scores"]
            decision["alternatives"] = [o for o in options if o is not pick]
            decision["seconds"] = round(rng.uniform(4, 90), 1)
            for axis in raw:
                raw[axis] += pick["scores"].get(axis, 0)
        percents = {}
        for axis, (lo, hi) in bounds.items():
            percents[axis] = 100 if hi == lo else math.floor(100 * (raw[axis] - lo) / (hi - lo) + 0.5)
            report["scores"][axis] = {"raw": raw[axis], "min": lo, "max": hi, "percent": percents[axis]}
        key = ("both" if percents["leader"] >= threshold else "manager") if percents["manager"] >= threshold \
            else ("leader" if percents["leader"] >= threshold else "emerging")
        report["profile"] = {**report["profile"], "key": key}
        ending = endings[["both", "manager", "leader", "emerging"].index(key)]
        report["ending"] = {**report["ending"], **ending}
        safe = re.sub(r"[^a-z0-9]+", "-", learner.lower()).strip("-")
        stamp = time.strftime("%Y%m%d-%H%M%S", time.gmtime(finished))
        text = json.dumps(report, indent=2, sort_keys=True, ensure_ascii=False, separators=(",", " : ")) + "\n"
        path = folder / f"{safe}-{COHORT_SCENARIO}-{stamp}.json"
        n = 2
        while path.exists():
            path = folder / f"{safe}-{COHORT_SCENARIO}-{stamp}-{n}.json"
            n += 1
        path.write_text(text, encoding="utf-8")
        total += len(text.encode("utf-8"))
    return total
