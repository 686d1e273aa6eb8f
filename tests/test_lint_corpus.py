"""The corpus of bad plan files: each file's findings, with code, line, column and message.

`tests/data/lint/expected.txt` holds the exact text output for every file of the corpus,
side by side with the files themselves.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from plantrack.lint import CODES, ERRORS, lint_file
from plantrack.render.findings import text_line

CORPUS = Path(__file__).parent / "data" / "lint"
TODAY = dt.date(2022, 7, 1)
FILES = sorted(p.name for p in CORPUS.iterdir() if p.suffix in (".yaml", ".yml"))


def expected() -> dict[str, list[str]]:
    lines: dict[str, list[str]] = {}
    text = (CORPUS / "expected.txt").read_text(encoding="utf-8")
    for line in text.splitlines():
        lines.setdefault(line.split(":", 1)[0], []).append(line)
    return lines


@pytest.mark.parametrize("name", FILES)
def test_corpus_file(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(CORPUS)
    found = [text_line(finding).plain for finding in lint_file(name, TODAY)]
    assert found == expected()[name]


def test_the_corpus_is_large_and_every_file_is_expected_to_fail() -> None:
    assert len(FILES) >= 40
    assert sorted(expected()) == FILES


def test_the_corpus_shows_every_code() -> None:
    codes = {line.split(" ")[2] for lines in expected().values() for line in lines}
    # `unreadable` needs a file that cannot be opened and `too-large` one of over 16 MB
    # (both made by test_lint_hostile.py); `schema` is the code of a schema violation no
    # other code names, and none is known today.
    assert codes == set(CODES) - {"unreadable", "too-large", "schema"}
    assert set(ERRORS) <= set(CODES)
