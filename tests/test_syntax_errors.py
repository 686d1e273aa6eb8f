"""YAML syntax errors are reported where the mistake begins, with a hint for the common causes."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import Environment, write_plan

from plantrack.reading import check_file

HEAD = "title: t\nyear: 2022\nsections:\n  - title: s\n    items:\n      - number: 1\n"
NEXT = "      - number: 2\n        title: y\n"
COLON_HINT = (
    "; write the key, an ASCII colon and a space, then the value (owner: 纪检委员),"
    " not a full-width colon ：, nor a space alone"
)


def first_problem(tmp_path: Path, text: str) -> str:
    path = write_plan(tmp_path, text)
    problems = check_file(path).problems
    assert len(problems) == 1
    return problems[0].format().replace(str(path), "plan.yaml")


@pytest.mark.parametrize("line", ["owner 纪检委员", "owner：纪检委员", "owner:纪检委员"])
def test_a_key_without_its_colon_and_space_is_reported_at_the_key(
    tmp_path: Path, line: str
) -> None:
    found = first_problem(tmp_path, HEAD + f"        {line}\n" + NEXT)
    assert found == (
        "plan.yaml:7:9: YAML syntax error: while scanning a simple key: could not find"
        " expected ':' (noticed at line 8, column 7)" + COLON_HINT
    )


@pytest.mark.parametrize("quote", ["'", '"'])
def test_an_unclosed_quote_is_reported_where_it_opens_never_past_the_end(
    tmp_path: Path, quote: str
) -> None:
    found = first_problem(tmp_path, HEAD + f"        title: {quote}理论学习\n" + NEXT)
    assert found == (
        "plan.yaml:7:16: YAML syntax error: while scanning a quoted scalar: found unexpected"
        " end of stream (noticed at the end of the file); close the quote opened at line 7"
    )


@pytest.mark.parametrize(("opening", "closing"), [("{", "}"), ("[", "]")])
def test_an_unclosed_bracket_is_reported_where_it_opens(
    tmp_path: Path, opening: str, closing: str
) -> None:
    kind = "mapping" if opening == "{" else "sequence"
    found = first_problem(tmp_path, HEAD + f"        title: {opening}a: 1\n" + NEXT)
    assert found == (
        f"plan.yaml:7:16: YAML syntax error: while parsing a flow {kind}: did not find"
        f" expected ',' or '{closing}' (noticed at line 8, column 15); close the {opening}"
        " opened at line 7"
    )


def test_a_colon_and_space_inside_a_plain_value_asks_for_quotes(tmp_path: Path) -> None:
    found = first_problem(tmp_path, HEAD + "        title: 目标: 完成\n" + NEXT)
    assert found == (
        "plan.yaml:7:18: YAML syntax error: mapping values are not allowed in this context;"
        " quote a value that contains ': ' (text: '目标: 完成')"
    )


def test_end_of_stream_is_placed_on_the_last_line(tmp_path: Path) -> None:
    found = first_problem(tmp_path, "title: t\nyear: 2022\nsections: [\n\n\n")
    assert found.startswith("plan.yaml:3:12: YAML syntax error: ")


def test_hints_in_chinese(tmp_path: Path, environment: Environment) -> None:
    environment(PLANTRACK_LANG="zh")
    found = first_problem(tmp_path, HEAD + "        title: '理论学习\n" + NEXT)
    assert found == (
        "plan.yaml:7:16: YAML 语法错误：while scanning a quoted scalar: found unexpected end"
        " of stream（在文件末尾发现）；请补上第 7 行开始的引号的另一半"
    )
    found = first_problem(tmp_path, HEAD + "        owner：纪检委员\n" + NEXT)
    assert found.endswith(
        "（在第 8 行第 7 列发现）；键后写英文冒号和一个空格再写值（owner: 纪检委员），"
        "不要用中文冒号“：”，也不要只用空格"
    )
