"""The JSON Schema of a plan file, generated from the models, for editors and tools."""

from __future__ import annotations

from typing import Any

# Shown by editors on hover. The schema is a file format, the same in every locale,
# so each description carries both languages.
_DESCRIPTIONS = {
    "Plan": "A work plan (工作要点): title, year, preamble and numbered sections of items.",
    "Section": "A section (一、二、…) of the plan; its numeral follows from its place.",
    "Item": "A numbered item of the plan, with its tracking fields.",
    "LogEntry": "One ledger (台账) entry: when, who, what changed (old → new) and a note.",
    "OwnerStyle": "How the plan's document writes owners, for render / 文档中责任单位的写法",
    "Status": "todo | doing | done | blocked, or 未开始 | 进行中 | 已完成 | 受阻",
}
_FIELD_DESCRIPTIONS = {
    "Plan": {
        "title": "The plan's title / 计划标题",
        "year": "The plan's year / 计划年度",
        "preamble": "The general requirements before the first section / 总体要求",
        "roles": "The owners this plan accepts / 可选的责任人名单",
        "owner_style": "How the document writes owners / 文档中责任单位的写法",
        "sections": "The sections 一、二、… in order / 各部分，按顺序",
    },
    "Section": {
        "title": "The section's title, without its numeral; left out only in a plan without sections (one section) / 部分标题（不含序号）；仅不分部分的计划可省略",
        "items": "The section's numbered items / 本部分的事项",
    },
    "Item": {
        "number": "Unique across the plan / 事项编号，全计划唯一",
        "subsection": "The title of the sub-section （一）… the item is in / 所属小标题（不含序号）",
        "title": "The heading sentence, without its 。 / 标题句（不含句号）",
        "text": "The rest of the paragraph / 正文",
        "owner": "The one accountable: a role, a person or a unit / 牵头（责任人）",
        "co_owners": "Who shares the work / 配合（协办）",
        "owner_groups": "The groups the document wrote the owners in: 2等；1 / 责任单位的分组：各组单位数，等，以；分隔",
        "status": "todo, doing, done, blocked / 未开始、进行中、已完成、受阻",
        "progress": "Per cent, 0–100 / 进度（百分比）",
        "due": "Deadline, 2022-06-30 / 完成时限",
        "log": "The item's ledger, oldest first / 台账，按日期从早到晚",
    },
    "OwnerStyle": {
        "form": "lines, group, brackets or verbs / 单独成行、分组后成行、括号内标注、括号内“牵头”",
        "lead": "The lead's label or verb, 牵头单位; none: the first named leads / 牵头的标签",
        "co": "The co-owners' label or verb, 配合单位 / 配合的标签",
        "before_full_stop": "The parenthesis goes before the item's last 。 / 括号在句号之前",
    },
    "LogEntry": {
        "date": "When / 日期",
        "by": "Who recorded it / 记录人",
        "changes": "field: [old, new] / 变更：字段: [旧值, 新值]",
        "note": "What was done / 工作情况",
    },
}


def plan_schema() -> dict[str, Any]:
    """The JSON Schema of a plan file, generated from the models (for editors and tools)."""
    from plantrack.model import STATUS_WORDS, Plan

    schema = Plan.model_json_schema()
    definitions = schema.get("$defs", {})
    # The status words in Chinese are accepted as well as the English ones.
    definitions["Status"]["enum"] = list(STATUS_WORDS)
    for name, description in _DESCRIPTIONS.items():
        target = schema if name == "Plan" else definitions.get(name)
        if target is not None:
            target["description"] = description
            for key, text in _FIELD_DESCRIPTIONS.get(name, {}).items():
                target["properties"][key]["description"] = text
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}


def schema_text() -> str:
    import json

    return json.dumps(plan_schema(), ensure_ascii=False, indent=2) + "\n"
