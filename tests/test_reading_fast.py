"""The fast reader gives exactly the full reader's data, or leaves the file to it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from conftest import examples
from hypothesis import given, settings
from hypothesis import strategies as st

from plantrack.reading import Source, compose, read_plan
from plantrack.reading.fast import read_data

PLAN = """\
# a comment before the plan
title: 2022年工作要点
year: 2022
preamble: ''
roles:
- 书记
- 组织委员
sections:
  - title: 一、加强政治建设

    items:
      - number: 1
        title: '带头做“两个维护”的践行者: 全面'
        text: 教育引导党员 [深入] 领会, {逻辑} 内涵
        owner: 书记
        co_owners: [组织委员, 书记]
        status: doing
        progress: 80
        due: 2022-09-05
        log:
        - date: 2022-03-25
          by: 李明
          changes: {owner: [null, 书记], status: [todo, doing], progress: [~, 80]}
        - date: 2022-04-01
          by: "王芳"
          note: it's 100% done, ok
          # a comment inside a mapping
      - number: 2
        title: yes
        co_owners:
        owner: 'O''Brien'
  - title: 二、空的部分
    items: []
"""


def full(text: str) -> Any:
    composed = compose(Source("p.yaml", text))
    assert composed.root is not None and not composed.problems
    return composed.root.to_python()


def typed(value: Any) -> Any:
    """The value with every type spelled out: 1 and True, or a date and its text, differ."""
    if isinstance(value, dict):
        return {(type(k), k): typed(v) for k, v in value.items()}
    if isinstance(value, list):
        return [typed(v) for v in value]
    return (type(value), value)


def test_a_plan_as_plantrack_writes_it_reads_as_the_full_reader_reads_it() -> None:
    data = read_data(PLAN)
    assert data is not None
    assert typed(data) == typed(full(PLAN))


@pytest.mark.parametrize(
    "line",
    [
        "title: a # a comment after a value",
        "title: &a anchored",
        "title: !!str tagged",
        "title: |\n          block",
        "title: first\n          continued",
        "title: 'a' 'b'",
        'title: "a\\tb"',
        "title:\ta tab",
        "title: a: b",
        "title: x\n        title: twice",
        "null: 1",
        "title: [a, b",
    ],
)
def test_what_it_is_unsure_of_is_left_to_the_full_reader(line: str) -> None:
    text = PLAN.replace("title: yes", line)
    assert read_data(text) is None


def test_a_file_it_leaves_is_read_in_full(tmp_path: Path) -> None:
    path = tmp_path / "2022.yaml"
    text = PLAN.replace("title: yes", "title: 'yes'  # a comment the fast reader leaves")
    assert read_data(text) is None
    path.write_text(text, encoding="utf-8")
    plan = read_plan(path)
    assert plan.sections[0].items[1].title == "yes"
    assert plan.sections[0].items[0].log is not None
    assert plan.sections[0].items[0].log[0].changes == {
        "owner": (None, "书记"),
        "status": ("todo", "doing"),
        "progress": (None, 80),
    }


# Characters that mean something to YAML somewhere in a scalar, and some that do not.
_CHARS = st.sampled_from(list(":#'\"-[]{},?!&*|>%@`~ .0123456789aeyntrulxo中，：\\"))


@settings(max_examples=examples(300), deadline=None)
@given(st.text(_CHARS, min_size=1, max_size=12))
def test_any_value_it_reads_is_the_value_the_full_reader_reads(value: str) -> None:
    text = f"title: {value}\nyear: 2022\nroles:\n- {value}\nx: {{a: [{value}]}}\n"
    data = read_data(text)
    if data is None:
        return
    assert typed(data) == typed(full(text))
