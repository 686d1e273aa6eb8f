"""Every test sees plantrack in English, on a fixed day, without colour."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from plantrack import i18n


@pytest.fixture(autouse=True)
def _english_on_a_fixed_day(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("PLANTRACK_LANG", "en")
    monkeypatch.setenv("PLANTRACK_TODAY", "2022-07-01")
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    monkeypatch.delenv("PLANTRACK_PLAN", raising=False)
    i18n.language.cache_clear()
    yield
    i18n.language.cache_clear()
