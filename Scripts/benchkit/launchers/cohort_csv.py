"""The reference for the `cohort` section: the short script a data team would write.
Walks the same folders, json.loads each learner report, writes one CSV row per attempt
with the same columns as `twofold cohort --format csv`, counting duplicates once.

Usage: cohort_csv.py OUT.csv FOLDER..."""

import csv, json, os, sys
COLUMNS = ["learner", "cohort", "scenario", "manager_percent", "leader_percent", "profile", "ending",
           "finished_at", "attempt_id", "session", "group_session_id", "learner_email", "scenario_title",
           "ending_title", "started_at", "manager_raw", "manager_min", "manager_max", "leader_raw",
           "leader_min", "leader_max", "decisions", "mode", "take_backs", "restarts"]
def text(value):
    value = value or ""
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value
def files(root):
    for folder, dirs, names in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(names):
            if name.endswith(".json") and not name.endswith(".xapi.json") and not name.startswith("."):
                yield os.path.join(folder, name)
out, seen = open(sys.argv[1], "w", newline="", encoding="utf-8"), set()
writer = csv.writer(out, lineterminator="\r\n")
writer.writerow(COLUMNS)
for root in sys.argv[2:]:
    for path in files(root):
        with open(path, "rb") as f:
            r = json.load(f)
        key = (r["attemptId"], r["learner"]["name"])
        if key in seen:
            continue
        seen.add(key)
        m, l, s = r["scores"]["manager"], r["scores"]["leader"], r.get("session") or {}
        i = r.get("integrity") or {}
        writer.writerow([text(r["learner"]["name"]), text(r.get("cohort")), text(r["scenario"]["id"]),
                         m["percent"], l["percent"], r["profile"]["key"], text(r["ending"]["scene"]),
                         r["finishedAt"], text(r["attemptId"]), s.get("kind", "solo"), text(s.get("groupSessionId")),
                         text(r["learner"].get("email")), text(r["scenario"]["title"]), text(r["ending"]["title"]),
                         r["startedAt"], m["raw"], m["min"], m["max"], l["raw"], l["min"], l["max"],
                         len(r["decisions"]), i.get("mode", "practice"), i.get("takeBacks", 0), i.get("restarts", 0)])
out.close()
