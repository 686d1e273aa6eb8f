"""A view run again as it was prints what it printed, never stale: any change to the plan's
bytes, the arguments, the environment, the day or the plan a view finds is a fresh run;
a damaged entry or an unusable cache is passed over; PLANTRACK_NO_CACHE=1 turns it off."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import Environment
from typer.testing import CliRunner

from plantrack import memo
from plantrack.cli import app

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "plans" / "2022.yaml"


@pytest.fixture
def plans(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, environment: Environment) -> Path:
    """A plans/ folder holding a copy of plans/2022.yaml, as the current folder, with a
    cache folder of its own."""
    environment(XDG_CACHE_HOME=str(tmp_path / "cache"), LOCALAPPDATA=str(tmp_path / "cache"))
    folder = tmp_path / "plans"
    folder.mkdir()
    (folder / "2022.yaml").write_bytes(SEED.read_bytes())
    monkeypatch.chdir(tmp_path)
    return folder


def view(*args: str) -> tuple[bytes, bool]:
    """What a view prints, run as the plantrack process runs it, and whether the memo
    answered."""
    argv = ["plantrack", *args]
    kept = memo.replay(argv)
    if kept is not None:
        return kept, True
    result = CliRunner().invoke(app, list(args))
    assert result.exit_code == 0 and result.stderr == "", result.output
    memo.keep(argv, result.stdout_bytes)
    return result.stdout_bytes, False


def fresh(*args: str) -> bytes:
    """What a view prints with nothing kept."""
    result = CliRunner().invoke(app, list(args), env={"PLANTRACK_NO_CACHE": "1"})
    assert result.exit_code == 0
    return result.stdout_bytes


def memo_entries(tmp_path: Path) -> list[Path]:
    folder = tmp_path / "cache" / "plantrack" / "views"
    return sorted(folder.iterdir()) if folder.is_dir() else []


@pytest.mark.parametrize(
    "args",
    [
        ("status",),
        ("status", "--format", "json"),
        ("show", "14"),
        ("show", "3-5", "--format", "json"),
    ],
)
def test_a_view_run_again_prints_exactly_what_it_printed(plans: Path, args: tuple[str]) -> None:
    first, answered = view(*args)
    assert not answered
    again, answered = view(*args)
    assert answered and again == first == fresh(*args)


@pytest.mark.slow
def test_a_changed_plan_byte_is_a_fresh_run(plans: Path) -> None:
    before, _ = view("show", "14")
    plan = plans / "2022.yaml"
    plan.write_bytes(
        plan.read_bytes().replace("严格纪律规矩刚性约束".encode(), "严格纪律规矩刚性约朿".encode())
    )
    after, answered = view("show", "14")
    assert not answered
    assert "刚性约朿" in after.decode() and after != before


@pytest.mark.slow
def test_other_arguments_are_a_fresh_run(plans: Path) -> None:
    view("status")
    assert view("status", "--format", "json")[1] is False
    assert view("status", "--status", "done")[1] is False
    owned, answered = view("status", "--owner", "纪检委员")
    assert not answered and owned == fresh("status", "--owner", "纪检委员")


@pytest.mark.slow
@pytest.mark.parametrize(
    "setting", [{"PLANTRACK_LANG": "zh"}, {"COLUMNS": "60"}, {"PLANTRACK_TODAY": "2022-07-02"}]
)
def test_another_setting_or_day_is_a_fresh_run(
    plans: Path, environment: Environment, setting: dict[str, str]
) -> None:
    view("status")
    environment(**setting)
    changed, answered = view("status")
    assert not answered and changed == fresh("status")


def test_an_unrelated_variable_is_part_of_the_key_too(
    plans: Path, environment: Environment
) -> None:
    # Every setting is in the key, those plantrack reads today and any it may read later.
    view("status")
    environment(SOMETHING_ELSE="1")
    assert view("status")[1] is False


def test_a_new_plan_in_the_plans_folder_is_seen(plans: Path, environment: Environment) -> None:
    environment(PLANTRACK_TODAY="2023-03-01")  # no plan of 2023 yet: the latest, 2022's
    before, _ = view("status")
    assert "2022年" in before.decode()
    text = (plans / "2022.yaml").read_text(encoding="utf-8")
    (plans / "2023.yaml").write_text(
        text.replace("year: 2022", "year: 2023").replace("2022年", "2023年"), encoding="utf-8"
    )
    after, answered = view("status")
    assert not answered and "2023年" in after.decode()


@pytest.mark.slow
def test_a_plan_named_by_plantrack_plan_is_followed(
    plans: Path, tmp_path: Path, environment: Environment
) -> None:
    other = tmp_path / "other.yaml"
    other.write_text(
        (plans / "2022.yaml").read_text(encoding="utf-8").replace("2022年", "另一份"), "utf-8"
    )
    view("status")
    environment(PLANTRACK_PLAN=str(other))
    named, answered = view("status")
    assert not answered and "另一份" in named.decode()
    assert view("status") == (named, True)


@pytest.mark.slow
def test_a_damaged_entry_is_passed_over_and_replaced(plans: Path, tmp_path: Path) -> None:
    expected, _ = view("status", "--format", "json")
    (entry,) = memo_entries(tmp_path)
    whole = entry.read_bytes()
    flipped = whole[:-10] + bytes([whole[-10] ^ 1]) + whole[-9:]
    for damage in (b"", b"junk", whole[: len(whole) // 2], flipped, whole + b"more"):
        entry.write_bytes(damage)
        assert view("status", "--format", "json") == (expected, False)
    assert view("status", "--format", "json") == (expected, True)


@pytest.mark.slow
def test_an_unusable_cache_folder_changes_nothing(
    plans: Path, tmp_path: Path, environment: Environment
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    environment(XDG_CACHE_HOME=str(blocker), LOCALAPPDATA=str(blocker))
    first, _ = view("status")
    assert view("status") == (first, False)


def test_plantrack_no_cache_turns_it_off(
    plans: Path, tmp_path: Path, environment: Environment
) -> None:
    environment(PLANTRACK_NO_CACHE="1")
    first, _ = view("status")
    assert view("status") == (first, False)
    assert memo_entries(tmp_path) == []


@pytest.mark.slow
def test_only_the_newest_entries_are_kept(
    plans: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(memo, "KEEP", 2)
    for number in ("1", "2", "3", "4"):
        view("show", number)
    assert len(memo_entries(tmp_path)) == 2
    assert view("show", "4")[1] is True
    assert view("show", "1")[1] is False


def test_a_view_that_reads_no_plan_is_not_kept(plans: Path, tmp_path: Path) -> None:
    view("status", "--help")
    assert memo_entries(tmp_path) == []


def test_a_windows_console_is_left_to_rich(
    plans: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # On a Windows console rich writes through the console's own calls, not stdout's bytes.
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setattr(memo, "_isatty", lambda number: True)
    assert memo.replay(["plantrack", "status"]) is None
    assert not memo.noted()


# Runs plantrack's command process, then says which heavy packages it imported.
RUN = """
import atexit, os, sys
atexit.register(lambda: os.write(2, ",".join(
    name for name in ("typer", "rich", "pydantic", "yaml") if name in sys.modules
).encode()))
from plantrack.__main__ import main
main()
"""


def run(tmp_path: Path, *args: str, **environ: str) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache"), **environ}
    command = [sys.executable, "-c", RUN, *args]
    return subprocess.run(command, cwd=tmp_path, env=env, capture_output=True, check=False)


@pytest.mark.slow
def test_a_view_run_again_prints_its_bytes_without_typer_rich_or_pydantic(
    plans: Path, tmp_path: Path
) -> None:
    for args in (["status"], ["status", "--format", "json"]):
        first = run(tmp_path, *args)
        assert first.returncode == 0 and b"typer" in first.stderr
        again = run(tmp_path, *args)
        assert again.returncode == 0 and again.stderr == b""
        unkept = run(tmp_path, *args, PLANTRACK_NO_CACHE="1")
        assert again.stdout == first.stdout == unkept.stdout
    json.loads(again.stdout)


@pytest.mark.slow
def test_a_view_that_fails_is_not_kept(plans: Path, tmp_path: Path) -> None:
    for _ in range(2):
        failed = run(tmp_path, "status", "--owner", "无此人")
        assert failed.returncode != 0 and b"typer" in failed.stderr
    assert memo_entries(tmp_path) == []
