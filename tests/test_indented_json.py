"""Indented JSON is byte for byte what json.dumps(indent=2) writes."""

from __future__ import annotations

import enum
import json
from typing import Any

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from plantrack.render.indented_json import dumps


class Word(str, enum.Enum):
    DONE = "done"


SCALARS = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()
    | st.text(st.characters(codec="utf-8"), max_size=12)
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=6), inner, max_size=4)
    ),
    max_leaves=30,
)


@pytest.mark.slow
@given(VALUES)
@example({"items": [], "owners": {}, "nested": [[1, 2.5], {"a": None}], "word": '中文"\\\n'})
@example({1: "a key json turns into a string", "nan": float("nan")})
@example([Word.DONE, True, False, -0.0, 10**20])
def test_the_same_text_as_json_dumps(value: Any) -> None:
    assert dumps(value) == json.dumps(value, ensure_ascii=False, indent=2)
