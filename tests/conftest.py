"""Shared test setup: English messages, a fixed 'today', no colour unless a test asks."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

# Before plantrack is imported: help texts are chosen when commands are defined.
os.environ["PLANTRACK_LANG"] = "en"
os.environ.pop("NO_COLOR", None)
os.environ.pop("FORCE_COLOR", None)
os.environ.pop("PLANTRACK_PLAN", None)

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
PLAN_2022 = ROOT / "plans" / "2022.yaml"


@pytest.fixture(autouse=True)
def _environment(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    from plantrack.i18n import language

    monkeypatch.setenv("PLANTRACK_LANG", "en")
    monkeypatch.setenv("PLANTRACK_TODAY", "2022-07-01")
    monkeypatch.setenv("COLUMNS", "120")
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    monkeypatch.delenv("PLANTRACK_PLAN", raising=False)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    language.cache_clear()
    yield
    language.cache_clear()


@pytest.fixture
def plan_copy(tmp_path: Path) -> Path:
    """A copy of plans/2022.yaml in a fresh plans/ folder, to change freely."""
    folder = tmp_path / "plans"
    folder.mkdir()
    target = folder / "2022.yaml"
    shutil.copyfile(PLAN_2022, target)
    return target


def write_plan(tmp_path: Path, text: str, name: str = "plan.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8", newline="")
    return path
