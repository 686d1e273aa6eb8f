"""JSON for programs: the status view's, an item a line, and any other data on one line."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from plantrack.model import Status
from plantrack.render.terminal import Stream
from plantrack.render.visible import json_escaped
from plantrack.summary import StatusView, item_facts, item_ledger, item_standing


def write_json(stream: Stream, data: Any) -> None:
    """`data` as JSON on one line, but for a list of items: one item a line.

    Indented JSON goes through json's pure-Python encoder, a quarter of `status --format
    json` on a large plan; without indent the C encoder runs, and an item a line keeps
    thousands of them easy to look through and to grep.
    """
    encode = _encoder()
    items = data.get("items") if isinstance(data, dict) else None
    if not isinstance(items, list) or not items:
        stream.data(json_escaped(encode(data)))
        return
    head = {key: value for key, value in data.items() if key != "items"}
    _write_items(stream, head, [json_escaped(encode(item)) for item in items])


@functools.cache
def _encoder() -> Callable[[Any], str]:
    """JSONEncoder(ensure_ascii=False).encode, with its C encoder made once: the status
    JSON encodes a few pieces of each of thousands of items, and `encode` makes a new
    encoder every time, which costs as much as encoding an item's figures."""
    import json  # only the JSON format needs it; the table is what people wait for
    from json import encoder

    plain = json.JSONEncoder(ensure_ascii=False)
    make = getattr(encoder, "c_make_encoder", None)  # not in a Python without json's C part
    if make is None:
        return plain.encode
    # What `encode` gives the C encoder (no indent, the default separators), but without
    # the check for circular references, which plantrack's data cannot have.
    made = make(
        None, plain.default, encoder.encode_basestring, None, ": ", ", ", False, False, True
    )
    return lambda value: "".join(made(value, 0))


def _write_items(stream: Stream, head: dict[str, Any], items: list[str]) -> None:
    """`head` and its items (encoded, their control characters escaped) as one JSON
    object, an item a line."""
    stream.data(json_escaped(_encoder()(head)[:-1] + ', "items": ['))
    # A thousand items a write: few system calls, and never the whole output in memory.
    for start in range(0, len(items), 1000):
        ending = "," if start + 1000 < len(items) else ""
        stream.data(",\n".join(items[start : start + 1000]) + ending)
    stream.data("]}")


def write_status_json(out: Stream, view: StatusView) -> None:
    """The status view as JSON: the plan's figures, then its items, one a line."""
    head = status_json(view)
    items = _item_lines(view)
    if not items:
        out.data(json_escaped(_encoder()({**head, "items": []})))
        return
    _write_items(out, head, items)


def status_json(view: StatusView) -> dict[str, Any]:
    """The status view's JSON but for its items: the plan's and each section's figures."""
    plan = view.plan
    return {
        "title": plan.title,
        "year": plan.year,
        "today": view.today.isoformat(),
        "as_of": view.today.isoformat() if view.as_of else None,
        "summary": {
            "items": view.total,
            **{status.value: view.counts[status] for status in Status},
            "overdue": view.overdue,
            "behind": view.behind(),
            "completion": round(view.completion * 100, 1),
        },
        "sections": [
            {
                "section": section.numeral,
                "title": section.title,
                "items": section.total,
                "done": section.done,
                "completion": round(section.completion * 100, 1),
            }
            for section in view.sections
        ],
    }


# The encoded facts and ledger of each item, kept beside a cached plan under this name.
_FACTS = "status-facts"


def _item_lines(view: StatusView) -> list[str]:
    """Each item's record (`item_record`) as a line of JSON. What the plan says of an
    item and its ledger, encoded, are the same whatever the day: for a plan from the cache
    they are kept beside it, and only each item's standing on the day is encoded anew."""
    from plantrack.reading import cache

    encode = _encoder()
    plan = view.plan
    facts: dict[int, tuple[str, str]] | None = cache.derived(plan, _FACTS)
    if not isinstance(facts, dict):
        # Escaped as they are encoded: an item's standing is ASCII words and figures.
        facts = {
            item.number: (
                json_escaped(encode(item_facts(item, section.index, plan))[:-1] + ", "),
                json_escaped(', "log": ' + encode(item_ledger(item)) + "}"),
            )
            for section in view.sections
            for item in section.items
        }
        if not view.filtered:  # then the view has every item of the plan
            cache.keep(plan, _FACTS, facts)
    today, schedules, unexplained = view.today, view.schedules, view.unexplained
    # Most items share their standing with many others: each is encoded once.
    standings: dict[tuple[Any, ...], str] = {}
    lines = []
    for item in view.items():
        number = item.number
        schedule, why = schedules[number], unexplained.get(number, ())
        # What `item_standing` is made of, without making it for every item.
        key = (
            item.is_overdue(today),
            schedule.expected,
            id(schedule.standing),
            schedule.due_soon,
            why,
        )
        standing = standings.get(key)
        if standing is None:
            standing = standings[key] = encode(item_standing(item, today, schedule, why))[1:-1]
        first, last = facts[number]
        lines.append(first + standing + last)
    return lines
