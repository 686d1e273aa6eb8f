"""One value as YAML text: what the writer splices in and import writes reads back exactly."""

from __future__ import annotations

import datetime as dt

import pytest
import yaml
from conftest import examples
from hypothesis import given, settings
from hypothesis import strategies as st

from plantrack.yaml_text import flow, scalar


def test_plain_where_yaml_allows_it_else_quoted() -> None:
    assert scalar("纪检委员") == "纪检委员"
    assert scalar("x, y") == "x, y"
    assert scalar("x, y", flow=True) == "'x, y'"  # a comma ends a value in [ ] or { }
    assert scalar("yes") == "'yes'"
    assert scalar("#x") == "'#x'"
    assert scalar("第一段\n第二段") == '"第一段\\n第二段"'


def test_a_strings_quoting_is_kept_when_asked() -> None:
    assert scalar("书记", "'") == "'书记'"
    assert scalar("书记", '"') == '"书记"'
    assert scalar("a\tb", "'") == '"a\\tb"'  # a tab is only ever written escaped


def test_other_values_and_flow_collections() -> None:
    assert [scalar(None), scalar(True), scalar(40), scalar(dt.date(2022, 6, 30))] == [
        "null",
        "true",
        "40",
        "2022-06-30",
    ]
    assert flow({"owner": [None, "纪检委员"], "note": "a: b"}) == (
        "{owner: [null, 纪检委员], note: 'a: b'}"
    )


@pytest.mark.slow
@settings(max_examples=examples(200), deadline=None)
@given(st.text(max_size=12))
def test_any_text_reads_back_in_a_block_and_in_a_flow(text: str) -> None:
    assert yaml.safe_load(f"k: {scalar(text)}\n") == {"k": text}
    assert yaml.safe_load(f"k: {flow({'k': [text]})}\n") == {"k": {"k": [text]}}
