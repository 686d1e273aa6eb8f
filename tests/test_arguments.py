"""Arguments as people type them: texts of several words, item lists, full-width digits."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import Environment
from typer.testing import CliRunner, Result

from plantrack.arguments import item_numbers
from plantrack.cli import app
from plantrack.errors import PlantrackError

SEED = Path(__file__).resolve().parent.parent / "plans" / "2022.yaml"


@pytest.fixture(autouse=True)
def march_15th(environment: Environment) -> None:
    environment(PLANTRACK_TODAY="2022-03-15")


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    path = tmp_path / "plans" / "2022.yaml"
    path.parent.mkdir()
    path.write_bytes(SEED.read_bytes())
    return path


def run(plan: Path, *args: str, env: dict[str, str] | None = None) -> Result:
    # the shared options first: after `--` every word is text
    command, *rest = args
    return CliRunner().invoke(app, [command, "--by", "李明", "--plan", str(plan), *rest], env=env)


def ledger_notes(plan: Path) -> list[str]:
    return [
        line.strip().removeprefix("note: ")
        for line in plan.read_text(encoding="utf-8").splitlines()
        if line.strip().startswith("note: ")
    ]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("args", "note"),
    [
        (("note", "3", "召开", "专题", "学习会"), "召开 专题 学习会"),
        (("block", "3", "--reason", "等待", "上级", "文件"), "等待 上级 文件"),
        (("done", "3", "--note", "已", "办结"), "已 办结"),
        (("start", "3", "-n", "已", "启动"), "已 启动"),
        (("note", "3", "--", "- 列表"), "'- 列表'"),
    ],
)
def test_the_words_of_a_text_are_joined_with_a_space(
    plan: Path, args: tuple[str, ...], note: str
) -> None:
    result = run(plan, *args)
    assert result.exit_code == 0, result.stderr
    assert ledger_notes(plan) == [note]


@pytest.mark.parametrize(
    ("lang", "message"),
    [
        (
            "en",
            "plantrack: '- 列表' looks like an option; to write a text that starts with '-',"
            " put -- before it: note N -- - 列表\n",
        ),
        (
            "zh",
            "plantrack: “- 列表” 看起来像选项；以“-”开头的文字请在前面加 --：note N -- - 列表\n",
        ),
    ],
)
def test_a_text_starting_with_a_dash_is_told_to_put_dashes_before_it(
    plan: Path, lang: str, message: str
) -> None:
    before = plan.read_bytes()
    result = run(plan, "note", "3", "- 列表", env={"PLANTRACK_LANG": lang})
    assert (result.exit_code, result.stderr) == (2, message)
    assert plan.read_bytes() == before


@pytest.mark.parametrize(
    ("words", "numbers"),
    [
        (["3", "4"], [3, 4]),
        (["3,4"], [3, 4]),
        (["3，4"], [3, 4]),
        (["3-5"], [3, 4, 5]),
        (["3～5"], [3, 4, 5]),
        (["3~5"], [3, 4, 5]),
        (["３"], [3]),
        (["１２，１４"], [12, 14]),
    ],
)
def test_item_lists_as_people_type_them(words: list[str], numbers: list[int]) -> None:
    assert item_numbers(words) == numbers


def test_a_reversed_range_is_refused() -> None:
    with pytest.raises(PlantrackError) as raised:
        item_numbers(["5-3"])
    assert str(raised.value) == (
        "'5-3' is not a range of items; write the smaller number first, e.g. 3-5"
    )


def test_a_writing_command_takes_a_range_of_items(plan: Path) -> None:
    result = run(plan, "start", "3～5")
    assert result.exit_code == 0, result.stderr
    assert result.stderr.count("status: — → doing") == 3


@pytest.mark.parametrize("percent", ["５０", "50%", "５０％"])
def test_a_percentage_in_full_width_digits(plan: Path, percent: str) -> None:
    result = run(plan, "progress", "３", percent)
    assert result.exit_code == 0, result.stderr
    assert "progress: — → 50" in result.stderr


def test_a_status_word_offices_use_on_the_command_line(plan: Path) -> None:
    result = run(plan, "set-status", "3", "已办结")
    assert result.exit_code == 0, result.stderr
    assert "status: — → done" in result.stderr
    assert "        status: done\n" in plan.read_text(encoding="utf-8")


def test_an_unknown_status_word_gets_a_did_you_mean(plan: Path) -> None:
    result = run(plan, "set-status", "3", "已办")
    assert (result.exit_code, result.stderr) == (
        1,
        "plantrack: unknown status '已办'; did you mean 已办结, 办结?\n",
    )


def test_a_ledger_date_in_the_plans_year(plan: Path) -> None:
    result = run(plan, "note", "3", "开会", "--date", "3月1日")
    assert result.exit_code == 0, result.stderr
    assert "          - date: 2022-03-01\n" in plan.read_text(encoding="utf-8")


def test_a_deadline_with_its_year(plan: Path) -> None:
    result = run(plan, "due", "３", "2022年6月底前")
    assert result.exit_code == 0, result.stderr
    assert "        due: 2022-06-30\n" in plan.read_text(encoding="utf-8")
