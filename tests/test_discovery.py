"""Finding the plan a command acts on, and where a new year's plan goes."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from plantrack.errors import PlantrackError
from plantrack.reading.discovery import find_plan, new_plan_path


def test_discovery_prefers_this_year_then_latest(tmp_path: Path) -> None:
    plans = tmp_path / "plans"
    plans.mkdir()
    for year in (2021, 2022, 2024):
        (plans / f"{year}.yaml").write_text("x", encoding="utf-8")
    (plans / "notes.yaml").write_text("x", encoding="utf-8")
    deep = tmp_path / "a" / "b"
    deep.mkdir(parents=True)
    assert find_plan(None, str(deep), 2022) == str(plans / "2022.yaml")
    assert find_plan(None, str(deep), 2023) == str(plans / "2024.yaml")
    assert find_plan(str(plans), "/", 2021) == str(plans / "2021.yaml")


def test_discovery_explicit_file_wins(tmp_path: Path) -> None:
    assert find_plan(str(tmp_path / "x.yaml"), str(tmp_path), 2022) == str(tmp_path / "x.yaml")


def test_discovery_without_plans(tmp_path: Path) -> None:
    with pytest.raises(PlantrackError) as raised:
        find_plan(None, str(tmp_path), 2022)
    assert raised.value.message.startswith("no plan found: give --plan PATH, set PLANTRACK_PLAN")
    empty = tmp_path / "plans"
    empty.mkdir()
    with pytest.raises(PlantrackError) as raised:
        find_plan(None, str(tmp_path), 2022)
    assert raised.value.message == f"{empty} holds no <year>.yaml plan file"


def test_discovery_ignores_names_that_only_look_like_years(tmp_path: Path) -> None:
    plans = tmp_path / "plans"
    plans.mkdir()
    for name in ("20²2.yaml", "２０２３.yaml", "2021.yaml"):
        (plans / name).write_text("x", encoding="utf-8")
    assert find_plan(None, str(tmp_path), 2023) == str(plans / "2021.yaml")


def test_a_new_plan_goes_into_the_nearest_plans_folder(tmp_path: Path) -> None:
    plans = tmp_path / "plans"
    plans.mkdir()
    (plans / "2023.yml").write_text("x", encoding="utf-8")
    deep = tmp_path / "a" / "b"
    deep.mkdir(parents=True)
    assert new_plan_path(str(deep), 2024) == os.path.join("..", "..", "plans", "2024.yaml")
    # A year that already has a plan file keeps its name, even a .yml one.
    assert new_plan_path(str(deep), 2023) == os.path.join("..", "..", "plans", "2023.yml")


def test_without_a_plans_folder_a_new_plan_starts_one_here(tmp_path: Path) -> None:
    assert new_plan_path(str(tmp_path), 2024) == os.path.join("plans", "2024.yaml")
