"""What plantrack reads from its environment: the language above all."""

from __future__ import annotations

import pytest
from conftest import PLAN_2022, Environment
from typer.testing import CliRunner

from plantrack import settings
from plantrack.cli import app


def never_asked() -> str:
    raise AssertionError("the system locale is asked only when no variable says")


@pytest.mark.parametrize(
    ("environ", "language"),
    [
        ({"LANG": "zh_CN.UTF-8"}, "zh"),
        ({"LANG": "en_US.UTF-8"}, "en"),
        ({"LC_MESSAGES": "zh_TW.UTF-8", "LANG": "en_US.UTF-8"}, "zh"),
        ({"LC_ALL": "en_GB.UTF-8", "LC_MESSAGES": "zh_CN.UTF-8"}, "en"),
        ({"LC_ALL": "zh_CN.GB18030", "LANG": "C"}, "zh"),
        ({"LANGUAGE": "zh_CN"}, "zh"),
        ({"PLANTRACK_LANG": "en", "LC_ALL": "zh_CN.UTF-8"}, "en"),
        ({"PLANTRACK_LANG": "Chinese (Simplified)_China"}, "zh"),
        ({"LANG": "C.UTF-8"}, "en"),
        ({"LANG": "", "LC_ALL": "", "LC_MESSAGES": "zh_CN.UTF-8"}, "zh"),
    ],
)
def test_the_first_locale_variable_set_chooses_the_language(
    environ: dict[str, str], language: str
) -> None:
    assert settings.read(environ, never_asked).language == language


@pytest.mark.parametrize(
    ("system", "language"),
    [
        ("zh_CN", "zh"),
        ("Chinese (Simplified)_China", "zh"),  # how Windows names it
        ("en_US", "en"),
        ("", "en"),
    ],
)
def test_without_locale_variables_the_system_locale_chooses(system: str, language: str) -> None:
    assert settings.read({}, lambda: system).language == language


def test_a_malformed_system_locale_means_english(monkeypatch: pytest.MonkeyPatch) -> None:
    import locale

    def malformed() -> tuple[str | None, str | None]:
        raise ValueError("unknown locale: x")

    monkeypatch.setattr(locale, "getlocale", malformed)
    assert settings.system_locale() == ""


def test_the_other_variables() -> None:
    read = settings.read(
        {
            "PLANTRACK_PLAN": "plans/2021.yaml",
            "PLANTRACK_TODAY": "2022-03-15",
            "NO_COLOR": "1",
            "FORCE_COLOR": "0",
            "TERM": "dumb",
            "COLUMNS": "wide",
            "GITHUB_ACTIONS": "true",
        },
        lambda: "en_US",
    )
    assert read == settings.Settings(
        language="en",
        plan="plans/2021.yaml",
        today="2022-03-15",
        no_color=True,
        force_color=False,
        dumb_terminal=True,
        columns=0,
        github_actions=True,
    )


def test_a_command_speaks_the_language_of_lang(environment: Environment) -> None:
    environment(PLANTRACK_LANG=None, LC_ALL=None, LC_MESSAGES=None, LANGUAGE=None)
    environment(LANG="zh_CN.UTF-8")
    result = CliRunner().invoke(app, ["show", "999", "--plan", str(PLAN_2022)])
    assert result.exit_code == 1
    assert result.stderr.startswith("plantrack: 没有第 999 项")


def test_each_run_reads_the_environment_afresh() -> None:
    runner = CliRunner()
    english = runner.invoke(app, ["show", "999", "--plan", str(PLAN_2022)])
    chinese = runner.invoke(
        app, ["show", "999", "--plan", str(PLAN_2022)], env={"PLANTRACK_LANG": "zh"}
    )
    assert english.stderr.startswith("plantrack: there is no item 999")
    assert chinese.stderr.startswith("plantrack: 没有第 999 项")
