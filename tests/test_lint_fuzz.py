"""Mutated plans, byte by byte and key by key: lint gives clean findings or a clean pass.

A clean finding has a known code with its severity, a one-line message and a position
inside the file; a clean pass means the loader accepts the file. Never an exception.
"""

from __future__ import annotations

import copy
import datetime as dt
import re
from typing import Any

import pytest
import yaml
from conftest import examples
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from plantrack.errors import PlantrackError, Problem, Severity
from plantrack.lint import CODES, lint_data
from plantrack.model import Item, LogEntry, Plan, Section
from plantrack.reading import check, decode

TODAY = dt.date(2022, 7, 1)

PLAN = """\
# yaml-language-server: $schema=../schema/plan.schema.json
title: 2022年工作要点
year: 2022
preamble: 总体要求是：坚持以“两个确立”为指导，
  全面推进机关党建。
roles: [书记, 组织委员, 纪检委员]
sections:
  - title: 突出政治建设
    items:
      - number: 1
        title: 深学笃用《条例》
        text: |
          加强政治能力培养（第一议题）。
        owner: 书记
        status: 进行中
        progress: 40
        due: 2022-06-30
        log:
          - date: 2022-03-15
            by: 李明
            changes: {owner: [null, 书记], progress: [0, 40]}
            note: '召开专题学习会，18名党员参加'
      - number: 2
        title: "严格纪律规矩"
  - title: 夯实基层基础
    items:
      - {number: 3, title: 标准化建设, status: done, progress: 100}
"""

SETTINGS = settings(
    max_examples=examples(300), deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


def line_count(data: bytes) -> int:
    text = data.decode("utf-8", errors="replace")
    return len(re.findall("\r\n|[\r\n]", text)) + 1  # lines as git counts them


def assert_clean(data: bytes) -> None:
    findings = lint_data("plan.yaml", data, TODAY)
    lines = line_count(data)
    for finding in findings:
        assert_clean_finding(finding, lines)
    # A control character is an error for CI, yet commands still read the plan and show it
    # written out (README, control-character): it is the one error the loader lets through.
    errors = [f for f in findings if f.severity is Severity.ERROR and f.code != "control-character"]
    try:
        result = check(decode("plan.yaml", data))
        loaded, _ = result.loaded, result.problems
    except PlantrackError:
        loaded = None
    # No error means the loader takes the file; an error means it refuses it.
    assert (loaded is not None) == (not errors), findings


def assert_clean_finding(finding: Problem, lines: int) -> None:
    assert finding.code in CODES
    assert finding.severity is CODES[finding.code]
    assert finding.path == "plan.yaml"
    assert finding.message and "\n" not in finding.message and "\r" not in finding.message
    if finding.code not in ("too-large", "unreadable"):
        assert 1 <= finding.line <= lines
        assert finding.column >= 1


def test_the_fuzzed_plan_is_clean() -> None:
    findings = lint_data("plan.yaml", PLAN.encode(), TODAY)
    assert [(f.code, f.line) for f in findings] == []


# --------------------------------------------------------------------------- bytes

YAML_BYTES = [
    *b":-[]{},&*!|>'\"#%@`?\n\r\t 0123456789xeo.",
    *"“”《》（）一".encode(),
    0x00,
    0xFF,
    0xE4,
    0xB8,
]

byte_edit = st.tuples(
    st.sampled_from(["insert", "replace", "delete"]),
    st.floats(min_value=0, max_value=1, allow_nan=False),
    st.lists(st.sampled_from(YAML_BYTES), min_size=1, max_size=4),
)


@pytest.mark.slow
@SETTINGS
@given(st.lists(byte_edit, min_size=1, max_size=6))
def test_byte_mutations(edits: list[tuple[str, float, list[int]]]) -> None:
    data = bytearray(PLAN.encode())
    for operation, where, new in edits:
        at = int(where * len(data))
        if operation == "insert":
            data[at:at] = bytes(new)
        elif operation == "replace":
            data[at : at + len(new)] = bytes(new)
        else:
            del data[at : at + len(new)]
    assert_clean(bytes(data))


# --------------------------------------------------------------------------- structure

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=True),
    st.dates(),
    st.sampled_from(["", "done", "进行中", "yes", "012", "书记", "“未闭合", "》", "1:30"]),
    st.text(max_size=20),
)
values = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3),
        st.dictionaries(
            st.one_of(st.text(max_size=8), st.integers(), st.booleans()), inner, max_size=3
        ),
    ),
    max_leaves=8,
)
# Every key a plan knows, and one it does not.
KEYS = [*Plan.model_fields, *Section.model_fields, *Item.model_fields, *LogEntry.model_fields]
KEYS.append("ownr")


def containers(data: Any) -> list[Any]:
    found = [data]
    children = data.values() if isinstance(data, dict) else data
    for child in children:
        if isinstance(child, (dict, list)):
            found.extend(containers(child))
    return found


structure_edit = st.tuples(
    st.sampled_from(["set", "delete", "duplicate"]),
    st.integers(min_value=0, max_value=10**6),
    st.sampled_from(KEYS),
    values,
)


@pytest.mark.slow
@SETTINGS
@given(
    st.lists(structure_edit, min_size=1, max_size=5),
    st.sampled_from([None, True, False]),
    st.booleans(),
)
def test_structure_mutations(
    edits: list[tuple[str, int, str, Any]], flow: bool | None, unicode: bool
) -> None:
    plan = yaml.safe_load(PLAN)
    for operation, pick, key, value in edits:
        places = containers(plan)
        target = places[pick % len(places)]
        if isinstance(target, dict):
            if operation == "delete" and target:
                del target[list(target)[pick % len(target)]]
            else:
                target[key] = value
        elif operation == "delete" and target:
            del target[pick % len(target)]
        elif operation == "duplicate" and target:
            target.append(copy.deepcopy(target[pick % len(target)]))
        else:
            target.insert(pick % (len(target) + 1), value)
    text = yaml.safe_dump(plan, allow_unicode=unicode, default_flow_style=flow, sort_keys=False)
    assert_clean(text.encode())
