"""The reference for the `lrs-cohort` section: the script a learning-data team would write.
Pages GET statements with requests (following `more`), keeps each attempt's completed facts
and answered ids, leaves voided statements out, and writes the cohort CSV with the columns of
`twofold cohort --format csv`.

Usage: lrs_cohort_csv.py ENDPOINT USERNAME PASSWORD OUT.csv"""

import csv, sys, urllib.parse, requests
from datetime import datetime, timedelta, timezone
endpoint, user, password, out_path = sys.argv[1:5]
BASE = "https://twofold.example/xapi"
EXT = BASE + "/extensions/"
SCENARIOS = BASE + "/scenarios/"
COLUMNS = ["learner", "cohort", "scenario", "manager_percent", "leader_percent", "profile", "ending", "finished_at",
           "attempt_id", "session", "group_session_id", "learner_email", "scenario_title", "ending_title", "started_at",
           "manager_raw", "manager_min", "manager_max", "leader_raw", "leader_min", "leader_max", "decisions", "mode",
           "take_backs", "restarts"]
def text(value):
    value = value or ""
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value
def seconds(duration):
    number, total = "", 0.0
    for c in duration[2:]:
        if c.isdigit() or c == ".": number += c
        else: total += float(number) * {"H": 3600, "M": 60, "S": 1}[c]; number = ""
    return total
session = requests.Session()
session.auth = (user, password)
session.headers["X-Experience-API-Version"] = "1.0.3"
completed, answered, voided = {}, {}, set()
url = endpoint + "statements"
while url:
    page = session.get(url).json()
    for s in page["statements"]:
        verb, obj = s["verb"]["id"], s["object"]
        registration = s.get("context", {}).get("registration")
        if verb.endswith("/voided"):
            voided.add(obj["id"])
        elif verb.endswith("/answered") and obj["id"].startswith(SCENARIOS):
            answered.setdefault(registration, set()).add(s["id"])
        elif verb.endswith("/completed") and obj["id"].startswith(SCENARIOS):
            completed[registration] = s
    more = page.get("more")
    url = urllib.parse.urljoin(endpoint, more) if more and page["statements"] else None
rows = []
for registration, s in completed.items():
    if s["id"] in voided:
        continue
    e, context = s["result"]["extensions"], s["context"].get("extensions", {})
    finished = datetime.strptime(s["timestamp"], "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=timezone.utc)
    started = finished - timedelta(seconds=round(seconds(s["result"]["duration"])))
    integrity = e.get(EXT + "integrity", {})
    mbox = s["actor"].get("mbox", "")
    group = context.get(EXT + "group-session")
    rows.append([s["actor"]["name"], context.get(EXT + "cohort"), urllib.parse.unquote(s["object"]["id"][len(SCENARIOS):]),
                 e[EXT + "manager-percent"], e[EXT + "leader-percent"], e[EXT + "profile"], e[EXT + "ending"],
                 finished.strftime("%Y-%m-%dT%H:%M:%SZ"), e.get(EXT + "attempt-id", registration),
                 "group" if group else "solo", group, mbox[7:] if mbox.startswith("mailto:") else mbox,
                 s["object"]["definition"]["name"]["en-US"], e[EXT + "ending-title"], started.strftime("%Y-%m-%dT%H:%M:%SZ"),
                 e[EXT + "manager-raw"], e[EXT + "manager-min"], e[EXT + "manager-max"], e[EXT + "leader-raw"],
                 e[EXT + "leader-min"], e[EXT + "leader-max"], len(answered.get(registration, set()) - voided),
                 integrity.get("mode", "practice"), integrity.get("takeBacks", 0), integrity.get("restarts", 0)])
rows.sort(key=lambda r: (r[7], r[0], r[8]))
with open(out_path, "w", newline="", encoding="utf-8") as out:
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for r in rows:
        writer.writerow([text(v) if isinstance(v, str) or v is None else v for v in r])
