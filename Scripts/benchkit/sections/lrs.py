"""`lrs-step` and `lrs-cohort`: learning records, against a real record store (Ralph on
loopback, started with `Scripts/ralph`, which installs it into its virtual environment when
missing).

lrs-step: `twofold play` on the bundled floor walk, `1`/`back` alternately (the script of
the `step` section), with and without a record store configured, each in its own
TWOFOLD_HOME, interleaved; a step's cost is (run - start-up) / steps. With a record
store, each `1` builds its `answered` statement and queues it in the step's transaction
and each `back` withdraws it in its own. Shown for information: `1`, `2`, `restart` (two
take-backs at once), and a whole attempt to its ending, whose statements the
end-of-session flush delivers to Ralph.

lrs-cohort: real statements from four plays of the floor walk, cloned into 100,000
statements of 14,000-odd attempts (new registrations, learners, cohorts and times; one
attempt in ten with a choice taken back and voided), written into Ralph's statement file
as Ralph stores them. Then `twofold cohort --lrs --format csv` against the script a
learning-data team would write (`launchers/lrs_cohort_csv.py`: `requests` and `csv`),
checked byte for byte. Ralph's file-system backend serialises every page in Python and
reads its whole file for each one, so against it both clients mostly wait for the server;
the same pages recorded and served from memory (same URLs, same `more` links) show what
each client itself costs.
"""

from __future__ import annotations

import base64
import calendar
import http.server
import json
import os
import random
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request
import uuid
from pathlib import Path

from ..context import Context
from ..core import REPO, BenchError, Target, log, median, print_targets, section
from ..measure import fail_run, launcher
from ..play import PLAY_SCENARIO as SCENARIO, play_env

RALPH = REPO / "Scripts" / "ralph"
STEPS = 400                 # durable steps per lrs-step run
STATEMENTS = 100_000        # statements in the lrs-cohort record store
LIVE_PAGE = 10_000          # Ralph's page size for lrs-cohort (its default, 100, makes paging quadratic)
BASE = "https://twofold.example/xapi"


def timed(ctx: Context, argv: list[str], env: dict[str, str], stdin: Path | None = None) -> tuple[float, int, int, float]:
    """Runs argv (output discarded) through the measuring launcher; returns wall seconds, exit
    code, peak RSS (KiB) and CPU seconds (user + system)."""
    m = ctx.measure(argv, stdin=stdin, env=env)
    if m.exit_code != 0:
        raise fail_run(" ".join(os.path.basename(a) for a in argv[:3]), m)
    return m.wall, m.exit_code, m.rss_kib, m.cpu


class Ralph:
    """A Ralph server started with Scripts/ralph, stopped by `stop()` (or when this process ends)."""

    def __init__(self, folder: Path, page_size: int | None = None):
        self.folder = folder
        argv = [sys.executable, str(RALPH), "start", str(folder), "--owner", str(os.getpid()), "--timeout", "180"]
        if page_size:
            argv += ["--page-size", str(page_size)]
        proc = subprocess.run(argv, capture_output=True, text=True)
        if proc.returncode != 0:
            raise BenchError(f"Scripts/ralph start failed: {proc.stderr.strip()}")
        info = json.loads(proc.stdout)
        self.endpoint, self.username, self.password = info["endpoint"], info["username"], info["password"]

    @property
    def env(self) -> dict[str, str]:
        return {"TWOFOLD_LRS_ENDPOINT": self.endpoint, "TWOFOLD_LRS_USERNAME": self.username,
                "TWOFOLD_LRS_PASSWORD": self.password}

    def stop(self) -> None:
        subprocess.run([sys.executable, str(RALPH), "stop", str(self.folder)], capture_output=True)


# --------------------------------------------------------------------------
# lrs-step


@section("lrs-step", "a play step with a learning record store (Ralph) configured vs without")
def run_step(ctx: Context) -> list[Target]:
    twofold, workdir, repeat = ctx.twofold, ctx.workdir, ctx.repeat
    server = Ralph(workdir / "lrs-step-ralph")
    try:
        plain, lrs = play_env(workdir / "lrs-step-plain"), play_env(workdir / "lrs-step-lrs", server.env)
        argv = [os.path.abspath(twofold), "play", SCENARIO, "--learner", "Bench"]
        scripts = {"1/back": ("1\nback\n" * (STEPS // 2), STEPS),
                   "1/2/restart": ("1\n2\nrestart\n" * (STEPS // 3), STEPS // 3 * 3),
                   "whole play": ("1\n" * 20, None)}
        files = {}
        for name, (text, _) in scripts.items():
            files[name] = workdir / f"lrs-step-{name.replace('/', '-').replace(' ', '-')}.txt"
            files[name].write_text(text)
        for env in (plain, lrs):  # the first run creates and migrates the store
            timed(ctx, argv, env)
        runs = max(repeat, 9)
        samples = {name: {"plain": [], "plain-start": [], "lrs": [], "lrs-start": []} for name in scripts}
        for _ in range(runs):  # interleaved, so drift affects both alike
            for name in scripts:
                for label, env in (("plain", plain), ("lrs", lrs)):
                    samples[name][label].append(timed(ctx, argv, env, stdin=files[name]))
                    samples[name][label + "-start"].append(timed(ctx, argv, env))
        status = subprocess.run([os.path.abspath(twofold), "lrs", "status", "--json"], env=lrs, capture_output=True, text=True)
        outbox = json.loads(status.stdout)
    finally:
        server.stop()

    print(f"\n== lrs-step: a durable play step with a learning record store configured vs without "
          f"(Ralph on loopback; median of {runs}, interleaved)")
    print(f"{'script':<12} {'steps':>6} {'wall without':>13} {'with LRS':>9} {'ratio':>7}   "
          f"{'CPU without':>12} {'with LRS':>9} {'ratio':>7}   (ms a step)")
    ratios, cpu_ratios = {}, {}
    for name, (_, steps) in scripts.items():
        r = samples[name]
        wall = {key: median([run[0] for run in runs_]) for key, runs_ in r.items()}
        cpu = {key: median([run[3] for run in runs_]) for key, runs_ in r.items()}
        if steps is None:
            extra = wall["lrs"] - wall["plain"]
            print(f"{name:<12} {'':>6} {wall['plain'] * 1000:>13.1f} {wall['lrs'] * 1000:>9.1f}          "
                  f"{cpu['plain'] * 1000:>12.1f} {cpu['lrs'] * 1000:>9.1f}   (ms for the whole session: "
                  f"+{extra * 1000:.0f} ms wall)")
            ratios[name] = extra
            continue
        per = {side: (wall[side] - wall[side + "-start"]) / steps for side in ("plain", "lrs")}
        per_cpu = {side: (cpu[side] - cpu[side + "-start"]) / steps for side in ("plain", "lrs")}
        ratios[name], cpu_ratios[name] = per["lrs"] / per["plain"], per_cpu["lrs"] / per_cpu["plain"]
        print(f"{name:<12} {steps:>6} {per['plain'] * 1000:>13.3f} {per['lrs'] * 1000:>9.3f} {ratios[name]:>6.2f}x   "
              f"{per_cpu['plain'] * 1000:>12.3f} {per_cpu['lrs'] * 1000:>9.3f} {cpu_ratios[name]:>6.2f}x")
    print("  wall: each step commits (and fsyncs) once either way, so disk waits weigh the same on both sides and"
          " vary with the machine; CPU: user + system time of the process")
    print("  step = (run - start-up) / steps, start-up = the same command at end of input. With the LRS each choice"
          " builds its answered statement and queues it in the step's transaction; each take-back withdraws it"
          " (restart: two at once). Statements wait a second before they are sent, so these quick runs send nothing"
          " while playing; whole play = an attempt to its ending, report written and its statements delivered by"
          f" the end-of-session flush ({outbox['delivered']} delivered in all, {outbox['queued'] + outbox['failing']} left)")
    targets = [Target(*t) for t in (
        ("play step with an LRS configured <= 1.2x without (1/back, wall)", f"{ratios['1/back']:.2f}x",
         ratios["1/back"] <= 1.2),
        ("play step with an LRS configured, CPU time (1/back, informational)", f"{cpu_ratios['1/back']:.2f}x", None),
        ("play step with an LRS configured, 1/2/restart (informational)", f"{ratios['1/2/restart']:.2f}x", None),
        ("whole session with its statements delivered at the end (informational)",
         f"+{ratios['whole play'] * 1000:.0f} ms", None))]
    print_targets(targets)
    return targets


# --------------------------------------------------------------------------
# lrs-cohort

FIRST = ["Ana", "Ben", "Chi", "Dana", "Eli", "Fatima", "Goran", "Hana", "Ivan", "Jia", "Kofi", "Lena", "Mateo",
         "Nia", "Omar", "Priya", "Quinn", "Rosa", "Sami", "Tomasz", "Uma", "Viktor", "Wen", "Yusuf"]
LAST = ["Silva", "Okafor", "Nguyen", "Mueller", "OBrien", "Garcia", "Kowalski", "Haddad", "Tanaka", "Smith"]
COHORTS = ["Spring leaders", "Autumn intake", "Store managers 3", "=Regional (east)", "Marketing, EMEA"]


def template_attempts(ctx: Context, twofold: str, workdir: Path) -> list[list[dict]]:
    """The statements of four real plays of the floor walk, from their xAPI exports."""
    home = workdir / "lrs-cohort-templates"
    env = play_env(home)
    attempts = []
    for i, script in enumerate(["1\n" * 20, "2\n" * 20, "1\n2\n" * 10, "2\n1\n" * 10]):
        out = home / f"play-{i}"
        stdin = home / f"input-{i}.txt"
        stdin.write_text(script)
        timed(ctx, [twofold, "play", SCENARIO, "--learner", "Template", "--out", str(out), "--format", "xapi"], env, stdin=stdin)
        attempts.append(json.loads(next(out.glob("*.xapi.json")).read_text()))
    return attempts


def write_statements(attempts: list[list[dict]], path: Path, count: int, seed: int) -> tuple[int, int]:
    """Clones the template attempts into `count` statements, as Ralph's statement file; returns
    (statements, attempts)."""
    rng = random.Random(seed)
    start = calendar.timegm((2026, 9, 1, 8, 0, 0))
    authority = {"mbox": "mailto:twofold@example.org", "objectType": "Agent"}
    written = made = 0
    ext = BASE + "/extensions/"

    def stamp(t: float) -> str:
        return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(t))

    def parse(text: str) -> int:
        return calendar.timegm(time.strptime(text, "%Y-%m-%dT%H:%M:%SZ"))

    with open(path, "w", encoding="utf-8") as out:
        while written < count:
            template = attempts[made % len(attempts)]
            registration = str(uuid.UUID(int=rng.getrandbits(128), version=4))
            name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
            cohort = rng.choice(COHORTS)
            base_time = start + made * 37 + rng.randint(0, 30)
            first = parse(template[0]["timestamp"])
            statements = [json.loads(json.dumps(s)) for s in template]
            if made % 10 == 3:  # a choice taken back after it was sent: answered, then voided
                extra = json.loads(json.dumps(template[0]))
                extra["result"]["response"] = "taken-back"
                statements.insert(0, extra)
                statements.insert(1, {"id": "", "version": "1.0.3", "actor": extra["actor"],
                                      "verb": {"id": "http://adlnet.gov/expapi/verbs/voided", "display": {"en-US": "voided"}},
                                      "object": {"objectType": "StatementRef", "id": "@extra"},
                                      "context": {"registration": ""}, "timestamp": template[0]["timestamp"]})
            ids = [str(uuid.UUID(int=rng.getrandbits(128), version=4)) for _ in statements]
            for index, s in enumerate(statements):
                s["id"] = ids[index]
                if s["object"].get("id") == "@extra":
                    s["object"]["id"] = ids[0]
                s["actor"] = {"objectType": "Agent", "name": name, "account": {"homePage": BASE, "name": name}}
                s["context"]["registration"] = registration
                if "extensions" in s["context"] or s["verb"]["id"].endswith("answered") or s["verb"]["id"].endswith("completed"):
                    s["context"].setdefault("extensions", {})[ext + "cohort"] = cohort
                moment = base_time + (parse(s["timestamp"]) - first)
                s["timestamp"] = stamp(moment)
                if s["verb"]["id"].endswith("completed"):
                    s["result"]["extensions"][ext + "attempt-id"] = registration
                s["stored"] = stamp(moment + 5).replace("Z", "+00:00")
                s["authority"] = authority
                out.write(json.dumps(s, ensure_ascii=False, separators=(",", ":")) + "\n")
            written += len(statements)
            made += 1
    return written, made




class Replay:
    """Serves recorded pages of a record store from memory, by path and query, on loopback."""

    def __init__(self, pages: dict[str, bytes]):
        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802
                body = pages.get(self.path)
                self.send_response(200 if body is not None else 404)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body or b"")))
                self.end_headers()
                self.wfile.write(body or b"")

            def log_message(self, *args):
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.endpoint = f"http://127.0.0.1:{self.server.server_address[1]}/xAPI/"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def stop(self) -> None:
        self.server.shutdown()


def record_pages(server: Ralph) -> dict[str, bytes]:
    """Every page of `GET statements` with its `more` links, keyed by request path and query."""
    origin = urllib.parse.urlsplit(server.endpoint)
    token = f"{server.username}:{server.password}".encode()
    headers = {"X-Experience-API-Version": "1.0.3", "Authorization": "Basic " + base64.b64encode(token).decode()}
    pages, path = {}, origin.path + "statements"
    while path:
        request = urllib.request.Request(f"{origin.scheme}://{origin.netloc}{path}", headers=headers)
        with urllib.request.urlopen(request, timeout=3600) as answer:
            body = answer.read()
        pages[path] = body
        page = json.loads(body)
        more = page.get("more")
        path = urllib.parse.urlsplit(urllib.parse.urljoin(server.endpoint, more))._replace(scheme="", netloc="").geturl() \
            if more and page["statements"] else None
    return pages


@section("lrs-cohort", "twofold cohort --lrs over 100k statements vs a python requests + csv script")
def run_cohort(ctx: Context) -> list[Target]:
    twofold, workdir, repeat, seed = os.path.abspath(ctx.twofold), ctx.workdir, ctx.repeat, ctx.seed
    t0 = time.perf_counter()
    folder = workdir / "lrs-cohort-ralph"
    (folder / "store").mkdir(parents=True, exist_ok=True)
    statements, attempts = write_statements(template_attempts(ctx, twofold, workdir), folder / "store" / "fs_lrs.jsonl",
                                            STATEMENTS, seed)
    size = (folder / "store" / "fs_lrs.jsonl").stat().st_size
    log(f"lrs-cohort: {statements} statements of {attempts} attempts, {size / 2**20:.0f} MiB, "
        f"{time.perf_counter() - t0:.1f}s")
    server = Ralph(folder, page_size=LIVE_PAGE)
    replay = None
    results = {}
    memory: dict[str, tuple[int, int, float]] = {}
    try:
        home = workdir / "lrs-cohort-home"
        for label, endpoint, runs in (("Ralph (live)", None, 1), ("recorded pages", "replay", max(repeat, 3))):
            if endpoint == "replay":
                t0 = time.perf_counter()
                pages = record_pages(server)
                replay = Replay(pages)
                log(f"lrs-cohort: recorded {len(pages)} pages ({sum(map(len, pages.values())) / 2**20:.0f} MiB) in "
                    f"{time.perf_counter() - t0:.1f}s")
                lrs = dict(server.env, TWOFOLD_LRS_ENDPOINT=replay.endpoint)
                first = min(pages, key=len)  # the first page's path has no `more` query
                page = json.loads(pages[first])
                page.pop("more", None)
                small = Replay({first: json.dumps(page).encode()})
                try:
                    out = workdir / "lrs-cohort-small.csv"
                    small_env = play_env(workdir / "lrs-cohort-home", dict(server.env, TWOFOLD_LRS_ENDPOINT=small.endpoint))
                    runs_small = [timed(ctx, [twofold, "cohort", "--lrs", "--format", "csv", "--out", str(out)], small_env)
                                  for _ in range(max(repeat, 3))]
                    memory["small"] = (len(page["statements"]), out.read_bytes().count(b"\r\n") - 1,
         median([r[2] for r in runs_small]) / 1024)
                finally:
                    small.stop()
            else:
                lrs = server.env
            env = play_env(home, lrs)
            tf_csv, py_csv = workdir / "lrs-cohort-twofold.csv", workdir / "lrs-cohort-python.csv"
            tf, py = [], []
            for _ in range(runs):  # interleaved
                tf.append(timed(ctx, [twofold, "cohort", "--lrs", "--format", "csv", "--out", str(tf_csv)], env))
                py.append(timed(ctx, [sys.executable, launcher("lrs_cohort_csv.py"), lrs["TWOFOLD_LRS_ENDPOINT"], server.username,
                                 server.password, str(py_csv)], env))
            same = tf_csv.read_bytes() == py_csv.read_bytes()
            rows = tf_csv.read_bytes().count(b"\r\n") - 1
            results[label] = dict(tf=median([r[0] for r in tf]), py=median([r[0] for r in py]), same=same, rows=rows,
                                  tf_mib=median([r[2] for r in tf]) / 1024, py_mib=median([r[2] for r in py]) / 1024,
                                  runs=runs)
    finally:
        if replay:
            replay.stop()
        server.stop()

    print(f"\n== lrs-cohort: twofold cohort --lrs --format csv vs python requests + csv, {statements} statements "
          f"({attempts} attempts, Ralph pages of {LIVE_PAGE})")
    print(f"{'served by':<16} {'runs':>4} {'rows':>6} {'twofold s':>10} {'python s':>9} {'speed x':>8} "
          f"{'tf MiB':>7} {'py MiB':>7}  same CSV")
    for label, r in results.items():
        print(f"{label:<16} {r['runs']:>4} {r['rows']:>6} {r['tf']:>10.2f} {r['py']:>9.2f} {r['py'] / r['tf']:>7.2f}x "
              f"{r['tf_mib']:>7.1f} {r['py_mib']:>7.1f}  {'yes' if r['same'] else 'NO'}")
    print("  live: both clients wait on Ralph, which serialises each page in Python and rereads its file per page;"
          " recorded pages: the same bytes, URLs and `more` links served from memory, so the client's own cost shows")
    live, recorded = results["Ralph (live)"], results["recorded pages"]
    if "small" in memory:
        count, rows, mib = memory["small"]
        growth = (recorded["tf_mib"] - mib) * 2**20 / max(1, recorded["rows"] - rows)
        print(f"  twofold peak RSS {mib:.1f} MiB over {count} statements ({rows} attempts) -> {recorded['tf_mib']:.1f} MiB "
              f"over {statements} ({recorded['rows']} attempts): {growth:.0f} bytes per extra attempt (its summary and "
              f"row; the statements themselves stream through)")
    targets = [Target(*t) for t in (
        ("cohort --lrs >= 2x python over 100k statements (served by Ralph)", f"{live['py'] / live['tf']:.2f}x",
         live["py"] / live["tf"] >= 2),
        ("cohort --lrs >= 2x python over 100k statements (recorded pages: client cost)",
         f"{recorded['py'] / recorded['tf']:.2f}x", recorded["py"] / recorded["tf"] >= 2),
        ("cohort --lrs CSV identical to python's", "yes" if live["same"] and recorded["same"] else "no",
         live["same"] and recorded["same"]))]
    print_targets(targets)
    return targets
