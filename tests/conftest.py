"""Shared test setup: English messages, a fixed 'today', no colour unless a test asks."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Protocol

import hypothesis
import pytest

# Before plantrack is imported: help texts are chosen when commands are defined.
os.environ["PLANTRACK_LANG"] = "en"
os.environ.pop("NO_COLOR", None)
os.environ.pop("FORCE_COLOR", None)
os.environ.pop("PLANTRACK_PLAN", None)

# CI runs every property test with its full count of examples (HYPOTHESIS_PROFILE=ci, as
# .ci/run sets it); a run at the desk tries a tenth of them, to stay fast.
PROFILE = os.environ.get("HYPOTHESIS_PROFILE", "quick")
IN_CI = PROFILE == "ci"
# No deadlines and no "too slow" health check: how fast a shared machine is says nothing
# about plantrack, and a test must not fail because of it.
_UNTIMED = {"deadline": None, "suppress_health_check": [hypothesis.HealthCheck.too_slow]}
hypothesis.settings.register_profile("ci", max_examples=100, **_UNTIMED)
hypothesis.settings.register_profile("quick", max_examples=10, **_UNTIMED)
hypothesis.settings.load_profile(PROFILE)


def examples(in_ci: int) -> int:
    """How many examples a property test tries: `in_ci` in CI, a tenth of it otherwise."""
    return in_ci if IN_CI else max(in_ci // 10, 5)


ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
PLAN_2022 = ROOT / "plans" / "2022.yaml"


class Environment(Protocol):
    """Sets environment variables plantrack reads (None unsets one) and has it read them."""

    def __call__(self, **variables: str | None) -> None: ...


@pytest.fixture(scope="session")
def cache_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A cache folder of the tests' own: they never read or fill the user's."""
    return tmp_path_factory.mktemp("cache")


@pytest.fixture(autouse=True)
def environment(monkeypatch: pytest.MonkeyPatch, cache_home: Path) -> Iterator[Environment]:
    """The one door to what plantrack reads from its environment (plantrack.settings).

    Every test starts in English, with a fixed 'today', 120 columns, no colour or plan
    from outside and a cache folder of the tests' own; a test asks for `environment` to
    change any of it."""
    from plantrack import settings

    def change(**variables: str | None) -> None:
        for name, value in variables.items():
            if value is None:
                monkeypatch.delenv(name, raising=False)
            else:
                monkeypatch.setenv(name, value)
        settings.reset()

    change(
        PLANTRACK_LANG="en",
        PLANTRACK_TODAY="2022-07-01",
        COLUMNS="120",
        NO_COLOR=None,
        FORCE_COLOR=None,
        PLANTRACK_PLAN=None,
        GITHUB_ACTIONS=None,
        PLANTRACK_NO_CACHE=None,
        XDG_CACHE_HOME=str(cache_home),
        LOCALAPPDATA=str(cache_home),
    )
    yield change
    settings.reset()


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
