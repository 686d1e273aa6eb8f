"""Realistic plans for the benchmark: shaped like plans/2022.yaml, with tracking fields and ledgers.

Every item has an owner, a status, progress where the status has one, a due date and two or
three ledger entries, as a plan looks in the second half of its year. The same items can be
written as Taskwarrior's import format, so that both tools are timed on the same work.
The plans are deterministic (a seeded random generator) and lint without errors.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "plans" / "2022.yaml"
YEAR = 2022
# The day the benchmark's commands take as today: every ledger entry is on or before it.
TODAY = dt.date(YEAR, 7, 1)
ROLES = ["书记", "副书记", "组织委员", "宣传委员", "纪检委员", "青年委员"]
PEOPLE = ["李明", "王芳", "张伟", "刘洋", "陈静", "赵磊"]
NOTES = [
    "召开专题学习会，18名党员参加",
    "制定工作方案，报室务会审定",
    "完成第一轮督查，形成问题清单",
    "等待上级文件",
    "组织开展主题党日活动",
    "形成阶段性总结，报机关党委",
]
# Statuses as offices record them by mid-year: most items under way, some done, a few stuck.
STATUSES = ["todo"] * 2 + ["doing"] * 5 + ["done"] * 2 + ["blocked"]


def seed_parts() -> tuple[str, list[str], list[tuple[str, str]]]:
    """The seed plan's head (comments to roles), its section titles and its items' (title, text)."""
    seed = SEED.read_text(encoding="utf-8")
    head, _, body = seed.partition("sections:\n")
    sections = [
        line[len("  - title: ") :] for line in body.splitlines() if line.startswith("  - title: ")
    ]
    titles = [
        line.split("title: ", 1)[1]
        for line in body.splitlines()
        if line.startswith("        title: ")
    ]
    texts = [
        line.split("text: ", 1)[1]
        for line in body.splitlines()
        if line.startswith("        text: ")
    ]
    return head, sections, list(zip(titles, texts, strict=True))


def _date(rng: random.Random, start: dt.date, end: dt.date) -> dt.date:
    return start + dt.timedelta(days=rng.randrange((end - start).days + 1))


def items(count: int, seed: int = 2022) -> list[dict[str, object]]:
    """`count` items with their tracking fields and ledger, numbered 1…count."""
    rng = random.Random(seed)
    _, _, pieces = seed_parts()
    made = []
    for number in range(1, count + 1):
        title, text = pieces[(number - 1) % len(pieces)]
        if number > len(pieces):
            title = f"{title}（第{(number - 1) // len(pieces) + 1}批）"
        owner = rng.choice(ROLES)
        status = rng.choice(STATUSES)
        progress = {"todo": None, "done": 100}.get(status, rng.randrange(10, 95, 5))
        due = _date(rng, dt.date(YEAR, 3, 31), dt.date(YEAR, 12, 31))
        first = _date(rng, dt.date(YEAR, 1, 10), dt.date(YEAR, 3, 31))
        second = _date(rng, first, TODAY)
        log: list[dict[str, object]] = [
            {"date": first, "by": rng.choice(PEOPLE), "changes": {"owner": [None, owner]}}
        ]
        if status == "todo":
            log.append({"date": second, "by": rng.choice(PEOPLE), "note": rng.choice(NOTES)})
        else:
            changes: dict[str, list[object]] = {"status": ["todo", status]}
            if progress is not None:
                changes["progress"] = [None, progress]
            log.append(
                {
                    "date": second,
                    "by": rng.choice(PEOPLE),
                    "changes": changes,
                    "note": rng.choice(NOTES),
                }
            )
        if rng.random() < 0.5:
            log.append(
                {
                    "date": _date(rng, second, TODAY),
                    "by": rng.choice(PEOPLE),
                    "note": rng.choice(NOTES),
                }
            )
        made.append(
            {
                "number": number,
                "title": title,
                "text": text,
                "owner": owner,
                "status": status,
                "progress": progress,
                "due": due,
                "log": log,
            }
        )
    return made


def _flow(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, list):
        return "[" + ", ".join(_flow(v) for v in value) + "]"
    return str(value)


def plan_text(count: int, seed: int = 2022) -> str:
    """A plan of `count` items in sections of about 50 (the seed's six sections for small plans)."""
    head, section_titles, _ = seed_parts()
    made = items(count, seed)
    sections = max(len(section_titles), round(count / 50))
    lines = [head.rstrip("\n"), "sections:"]
    per_section = -(-count // sections)
    for index in range(0, count, per_section):
        title = section_titles[(index // per_section) % len(section_titles)]
        lines += [f"  - title: {title}", "    items:"]
        for item in made[index : index + per_section]:
            lines += [
                f"      - number: {item['number']}",
                f"        title: {item['title']}",
                f"        text: {item['text']}",
                f"        owner: {item['owner']}",
                f"        status: {item['status']}",
            ]
            if item["progress"] is not None:
                lines.append(f"        progress: {item['progress']}")
            lines += [f"        due: {item['due']}", "        log:"]
            for entry in item["log"]:  # type: ignore[attr-defined]
                lines += [f"          - date: {entry['date']}", f"            by: {entry['by']}"]
                if "changes" in entry:
                    changes = ", ".join(f"{k}: {_flow(v)}" for k, v in entry["changes"].items())
                    lines.append(f"            changes: {{{changes}}}")
                if "note" in entry:
                    lines.append(f"            note: {entry['note']}")
    return "\n".join(lines) + "\n"


def write_plan(path: Path, count: int, seed: int = 2022) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(plan_text(count, seed), encoding="utf-8")
    return path


def write_folder(folder: Path, files: int, count: int = 19) -> Path:
    """`files` plans of `count` items each, each from its own seed (no two files alike)."""
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(files):
        write_plan(folder / f"{n:04}.yaml", count, seed=n)
    return folder


def _stamp(day: dt.date) -> str:
    return day.strftime("%Y%m%dT000000Z")


def taskwarrior_json(count: int, seed: int = 2022) -> str:
    """The same items as Taskwarrior's `task import` reads them: one task an item, the owner
    and progress as user-defined attributes, the ledger's notes as annotations."""
    tasks = []
    rng = random.Random(seed)
    for item in items(count, seed):
        log: list[dict[str, object]] = item["log"]  # type: ignore[assignment]
        task: dict[str, object] = {
            "uuid": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
            "description": item["title"],
            "project": f"section{1 + (int(item['number']) - 1) // 50}",  # type: ignore[call-overload]
            "entry": _stamp(log[0]["date"]),  # type: ignore[arg-type]
            "status": "completed" if item["status"] == "done" else "pending",
            "due": _stamp(item["due"]),  # type: ignore[arg-type]
            "owner": item["owner"],
            "annotations": [
                {"entry": _stamp(entry["date"]), "description": entry.get("note") or "assigned"}  # type: ignore[arg-type]
                for entry in log
            ],
        }
        if item["progress"] is not None:
            task["progress"] = item["progress"]
        if item["status"] == "done":
            task["end"] = _stamp(log[-1]["date"])  # type: ignore[arg-type]
        if item["status"] == "blocked":
            task["tags"] = ["blocked"]
        tasks.append(task)
    return json.dumps(tasks, ensure_ascii=False)


TASKRC = """\
data.location={data}
confirmation=off
hooks=off
news.version=99.0.0
uda.owner.type=string
uda.owner.label=Owner
uda.progress.type=numeric
uda.progress.label=Progress
"""
