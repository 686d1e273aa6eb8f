"""Hostile input: every case gets its clear error, never a traceback or a crashed process.

How fast each case is answered is measured by benchmarks/run.py, not here.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import subprocess
import sys
from pathlib import Path

import pytest

from plantrack.errors import Problem
from plantrack.lint import lint_file

TODAY = dt.date(2022, 7, 1)


def lint_bytes(tmp_path: Path, data: bytes, name: str = "plan.yaml") -> list[Problem]:
    path = tmp_path / name
    path.write_bytes(data)
    return lint_file(str(path), TODAY)


def summary(findings: list[Problem]) -> list[tuple[int, int, str]]:
    return [(f.line, f.column, f.code) for f in findings]


@pytest.mark.slow
def test_thirty_thousand_nested_brackets_do_not_crash_the_process(tmp_path: Path) -> None:
    # libyaml's own composer dies with SIGSEGV here; the whole process must survive.
    path = tmp_path / "deep.yaml"
    path.write_bytes(b"title: x\nyear: 2022\nsections: " + b"[" * 30_000 + b"]" * 30_000 + b"\n")
    env = {**os.environ, "PLANTRACK_LANG": "en"}
    done = subprocess.run(
        [sys.executable, "-m", "plantrack", "lint", str(path)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=60,
    )
    assert done.returncode == 1
    # libyaml's scanner stops at its own limit (1,000 flow levels) before the parser hands
    # over the 65th level, so the finding points where libyaml stopped.
    assert done.stdout == (
        f"{path}:3:1010: error too-deep"
        " nesting deeper than 64 levels; a plan file is never this deep\n"
    )
    assert "Traceback" not in done.stderr


@pytest.mark.slow
def test_thousands_of_nested_block_mappings(tmp_path: Path) -> None:
    data = b"".join(b" " * i + b"a:\n" for i in range(5_000))
    assert summary(lint_bytes(tmp_path, data)) == [(65, 65, "too-deep")]


def test_a_billion_laughs_is_refused_at_its_first_anchor(tmp_path: Path) -> None:
    lines = [b"title: x", b"year: 2022", b"sections: []", b"a0: &a0 [lol, lol, lol, lol]"]
    for level in range(1, 10):
        aliases = b", ".join(b"*a%d" % (level - 1) for _ in range(10))
        lines.append(b"a%d: &a%d [%s]" % (level, level, aliases))
    findings = lint_bytes(tmp_path, b"\n".join(lines) + b"\n")
    assert (4, 5, "anchor") in summary(findings)
    assert all(f.code in ("anchor", "alias", "unknown-key") for f in findings)
    assert len(findings) <= 110  # the loader stops collecting after 100 problems


def test_a_recursive_alias(tmp_path: Path) -> None:
    findings = lint_bytes(tmp_path, b"title: x\nyear: 2022\nsections: &s [*s]\n")
    assert summary(findings) == [(3, 11, "anchor"), (3, 15, "alias")]


def test_a_fifty_megabyte_file_is_refused_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "huge.yaml"
    with open(path, "wb") as handle:
        handle.truncate(50 * 2**20)  # sparse: 50 MB of NUL bytes the test never writes
    [finding] = lint_file(str(path), TODAY)
    assert (finding.line, finding.code) == (0, "too-large")
    assert finding.message == "the file is 52,428,800 bytes; plan files are at most 16 MB"


def test_nul_bytes(tmp_path: Path) -> None:
    [finding] = lint_bytes(tmp_path, b"title: x\x00\nyear: 2022\n")
    assert (finding.line, finding.column, finding.code) == (1, 9, "binary")
    assert finding.message == (
        "the file contains a NUL byte at offset 8; it is binary, not a YAML text"
    )


@pytest.mark.parametrize("seed", range(5))
def test_binary_junk(tmp_path: Path, seed: int) -> None:
    junk = random.Random(seed).randbytes(100_000)
    [finding] = lint_bytes(tmp_path, junk)
    assert finding.code in ("binary", "encoding")
    assert finding.line >= 1


def test_printable_junk_is_a_syntax_error_or_not_a_plan(tmp_path: Path) -> None:
    rng = random.Random(7)
    junk = "".join(rng.choice("{}[]:,&*!|>'\"%@`-?#\n \t一") for _ in range(20_000))
    findings = lint_bytes(tmp_path, junk.encode())
    assert findings
    assert findings[0].severity.value == "error"


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"", [(1, 1, "empty")]),
        (b"# only a comment\n\n# and another\n", [(1, 1, "empty")]),
        (b"- a\n- b\n", [(1, 1, "not-mapping")]),
        (b"just a string\n", [(1, 1, "not-mapping")]),
        (b"2022\n", [(1, 1, "not-mapping")]),
    ],
)
def test_not_a_plan_at_all(
    tmp_path: Path, data: bytes, expected: list[tuple[int, int, str]]
) -> None:
    assert summary(lint_bytes(tmp_path, data)) == expected


def test_a_number_too_long_to_print(tmp_path: Path) -> None:
    data = b"title: x\nyear: 1:" + b"59:" * 3_000 + b"1\nsections: []\n"
    [finding] = lint_bytes(tmp_path, data)
    assert (finding.line, finding.column, finding.code) == (2, 7, "bad-value")
    assert finding.message.endswith("…': the number is too long")


def test_a_path_that_cannot_be_read_is_a_finding(tmp_path: Path) -> None:
    link = tmp_path / "2022.yaml"
    link.symlink_to(tmp_path / "gone.yaml")
    [finding] = lint_file(str(link), TODAY)
    assert (finding.line, finding.code, finding.message) == (0, "unreadable", "no such file")
