"""The README's worked report example prints as shown, and its JSON contracts match the output."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from conftest import ROOT, Environment
from typer.testing import CliRunner

from plantrack.cli import app

runner = CliRunner()
README = (ROOT / "README.md").read_text(encoding="utf-8")


def block_after(marker: str, lang: str) -> str:
    """The first ```lang block after `marker` in the README."""
    start = README.index(marker)
    found = re.compile(rf"```{lang}\n(.*?)```", re.S).search(README, start)
    assert found, f"no {lang} block after {marker!r}"
    return found.group(1)


def shape(value: Any) -> Any:
    """The keys of a JSON value, all the way down; a list by its first entry."""
    if isinstance(value, dict):
        return {key: shape(item) for key, item in value.items()}
    if isinstance(value, list):
        return [shape(value[0])] if value else []
    return None


def same_shape(documented: Any, actual: Any) -> None:
    assert type(documented) is type(actual) or documented is None or actual is None
    if isinstance(documented, dict):
        assert set(documented) == set(actual)
        for key in documented:
            same_shape(documented[key], actual[key])
    elif isinstance(documented, list) and documented and actual:
        same_shape(documented[0], actual[0])


@pytest.fixture
def example(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    plans = tmp_path / "plans"
    plans.mkdir()
    path = plans / "2022.yaml"
    path.write_text(block_after("A worked example", "yaml"), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return path


def run(*args: str) -> str:
    env = {"PLANTRACK_TODAY": "2022-07-05", "COLUMNS": "100"}
    result = runner.invoke(app, list(args), env=env)
    assert result.exit_code == 0, result.stderr
    return result.stdout


def test_the_worked_example_prints_as_shown(example: Path, environment: Environment) -> None:
    environment(PLANTRACK_LANG="zh")
    shown = block_after("PLANTRACK_LANG=zh plantrack report --period 2022H1", "text")
    assert run("report", "--period", "2022H1") == shown


def test_the_report_json_contract(example: Path) -> None:
    documented = json.loads(block_after("### `plantrack report`", "json"))
    actual = json.loads(run("report", "--period", "2022H1", "-f", "json"))
    same_shape(shape(documented), shape(actual))
    assert documented["total"] == actual["total"]
    shown, printed = documented["plans"][0]["completed"][0], actual["plans"][0]["completed"][0]
    assert shown["evidence"] == printed["evidence"][:1]
    assert {**shown, "evidence": None} == {**printed, "evidence": None}


def test_the_export_json_contract(example: Path) -> None:
    documented = json.loads(block_after("### `plantrack export`", "json"))
    actual = json.loads(run("export", "-f", "json"))
    same_shape(shape(documented), shape(actual))
    assert documented["items"][0] == actual["items"][1]


def test_the_log_json_contract(example: Path) -> None:
    documented = json.loads(block_after("### `plantrack log`", "json"))
    actual = json.loads(run("log", "-f", "json"))
    assert documented == actual[:1]


def test_the_overview_json_contract(example: Path, tmp_path: Path) -> None:
    department = tmp_path / "depts" / "组织部" / "plans"
    department.mkdir(parents=True)
    example.rename(department / "2022.yaml")
    broken = tmp_path / "depts" / "宣传部" / "plans"
    broken.mkdir(parents=True)
    (broken / "2022.yaml").write_text("title: x\nyear: 2022\nsections: [\n", encoding="utf-8")
    documented = json.loads(block_after("### `plantrack overview", "json"))
    assert documented == json.loads(run("overview", "depts", "-f", "json"))
