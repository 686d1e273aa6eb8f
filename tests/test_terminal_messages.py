"""A message said on an uncoloured stream: the same bytes whether or not rich lays it out."""

from __future__ import annotations

import io
from collections.abc import Callable

import pytest

from plantrack.render.terminal import Stream, message

MESSAGES = [
    "plan.yaml: item 14: owner: 纪检委员 → 监察委员",
    "dry run: nothing was written",
    "plan.yaml:3:5: 'due' is not a date",
    "",
    "ｗｉｄｅ　全角 and ascii " * 3,
    "长" * 50,  # 100 cells: wider than 80 columns, narrower than 120
    "a line with trailing spaces " + " " * 120,
    "a line longer than the terminal " * 10,
    "tab\there",
    "two\nlines",
    "e\u0301 combining, and \u200b zero width",
    "\x1b[31m shown, not obeyed",
]


def said(text: str, fast: bool) -> bytes:
    buffer = io.BytesIO()
    file = io.TextIOWrapper(buffer, encoding="utf-8", newline="")
    stream = Stream(file, color=False)
    if fast:
        stream.say(text)
    else:
        stream.write(message(text))  # as rich lays it out
    file.flush()
    return buffer.getvalue()


@pytest.mark.parametrize("columns", ["120", "80", "20", None])
@pytest.mark.parametrize("text", MESSAGES)
def test_a_message_is_written_as_rich_writes_it(
    environment: Callable[..., None], columns: str | None, text: str
) -> None:
    environment(COLUMNS=columns)
    assert said(text, fast=True) == said(text, fast=False)


def test_a_message_reaches_the_stream_whole(environment: Callable[..., None]) -> None:
    environment(COLUMNS="20")
    assert said("长" * 30, fast=True).decode() == "plantrack: " + "长" * 30 + "\n"
