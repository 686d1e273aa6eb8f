"""The plan file, its lock and its folder while a command writes: what is refused, what is left."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import stat
import subprocess
import time
import types
from pathlib import Path
from typing import Any

import pytest
from conftest import PLAN_2022
from typer.testing import CliRunner

from plantrack import ops
from plantrack.cli import app
from plantrack.errors import PlantrackError
from plantrack.writing import atomic
from plantrack.writing.plan_file import open_for_edit

WHEN = ops.Stamp(dt.date(2022, 3, 15), "李明", "开会")
LOCK = ".plantrack-2022.yaml.lock"


@pytest.fixture
def plan(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "2022.yaml"
    path.write_bytes(PLAN_2022.read_bytes())
    return path


def note(path: Path | str, *, dry_run: bool = False) -> Any:
    with open_for_edit(str(path), dry_run=dry_run) as edit:
        return edit.apply(ops.note(edit.plan, 14, WHEN))


def names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_a_read_only_plan_is_refused_naming_the_file_and_the_fix(plan: Path) -> None:
    plan.chmod(0o444)  # root may write it all the same: the mode says not to
    with pytest.raises(PlantrackError) as caught:
        note("2022.yaml")
    assert caught.value.message == (
        "2022.yaml is read-only; nothing was written: make it writable first (chmod u+w 2022.yaml)"
    )
    assert plan.read_bytes() == PLAN_2022.read_bytes()
    assert stat.S_IMODE(plan.stat().st_mode) == 0o444
    assert names(plan.parent) == ["2022.yaml"]  # no lock taken
    assert note("2022.yaml", dry_run=True).changed  # a dry run writes nothing: it may


def test_the_windows_read_only_attribute_is_refused(
    plan: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_stat = os.stat

    def with_attribute(path: Any, *args: Any, **kwargs: Any) -> Any:
        status = real_stat(path, *args, **kwargs)
        if os.fspath(path) != str(plan):
            return status
        fields = {name: getattr(status, name) for name in dir(status) if name.startswith("st_")}
        return types.SimpleNamespace(**fields, st_file_attributes=stat.FILE_ATTRIBUTE_READONLY)

    monkeypatch.setattr(os, "stat", with_attribute)
    monkeypatch.setattr(atomic, "WINDOWS", True)
    with pytest.raises(PlantrackError) as caught:
        note(plan)
    assert caught.value.message == (
        f'{plan} is read-only; nothing was written: make it writable first (attrib -r "{plan}")'
    )
    assert plan.read_bytes() == PLAN_2022.read_bytes()


def test_a_missing_plan_is_named_so_and_leaves_no_lock_behind(plan: Path) -> None:
    for path in ("2023.yaml", "/nonexistent/2022.yaml"):
        result = CliRunner().invoke(app, ["note", "14", "开会", "--by", "李明", "--plan", path])
        assert (result.exit_code, result.stderr) == (1, f"plantrack: {path}: no such file\n")
    assert names(plan.parent) == ["2022.yaml"]


def test_the_lock_file_has_the_plans_permissions(plan: Path) -> None:
    plan.chmod(0o660)
    old = os.umask(0o022)  # a umask that would take the group's write away
    try:
        note(plan)
    finally:
        os.umask(old)
    lock = plan.parent / LOCK
    assert stat.S_IMODE(lock.stat().st_mode) == 0o660
    assert lock.stat().st_gid == plan.stat().st_gid


def test_a_lock_file_this_user_may_not_write_is_locked_read_only(
    plan: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    lock = plan.parent / LOCK
    lock.touch()
    real_open = os.open
    flags_used = []

    def as_another_user(path: Any, flags: int, *args: Any, **kwargs: Any) -> int:
        if os.fspath(path) == str(lock):
            flags_used.append(flags & (os.O_RDONLY | os.O_WRONLY | os.O_RDWR))
            if flags & (os.O_WRONLY | os.O_RDWR):
                raise PermissionError(13, "Permission denied", str(lock))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", as_another_user)
    edited = note(plan)
    assert edited.changed and "开会" in plan.read_text(encoding="utf-8")
    assert flags_used[-1] == os.O_RDONLY


def test_stale_temporary_files_of_the_plan_are_removed_by_the_next_writer(plan: Path) -> None:
    folder = plan.parent
    stale = folder / ".plantrack-2022.yaml.k3j_9x0q.tmp"
    fresh = folder / ".plantrack-2022.yaml.abcdefgh.tmp"  # a write under way
    another = folder / ".plantrack-2022.yaml.bak.k3j_9x0q.tmp"  # another file's
    unlike = folder / ".plantrack-2022.yaml.notes.tmp"
    for path in (stale, fresh, another, unlike):
        path.write_text("half", encoding="utf-8")
    an_hour_ago = time.time() - 3600
    for path in (stale, another, unlike):
        os.utime(path, (an_hour_ago, an_hour_ago))
    note(plan)
    assert names(folder) == sorted([LOCK, "2022.yaml", fresh.name, another.name, unlike.name])


def test_one_gitignore_line_covers_the_lock_and_the_temporary_files(
    plan: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    folder = plan.parent
    subprocess.run(["git", "init", "-q", str(folder)], check=True)
    ignore = Path(__file__).resolve().parent.parent / ".gitignore"
    line = (
        "# the lock file plantrack keeps next to a plan while writing it, and its temporary files"
    )
    lines = ignore.read_text(encoding="utf-8").splitlines()
    (folder / ".gitignore").write_text(lines[lines.index(line) + 1] + "\n", encoding="utf-8")
    temporary = folder / ".plantrack-2022.yaml.k3j_9x0q.tmp"
    temporary.write_text("half", encoding="utf-8")
    note(plan)
    status = subprocess.run(
        ["git", "status", "--porcelain", "--untracked-files=all"],
        cwd=folder,
        capture_output=True,
        encoding="utf-8",
        check=True,
    )
    assert status.stdout.splitlines() == ["?? .gitignore", "?? 2022.yaml"]


def test_a_writer_waiting_for_the_lock_is_told_once(
    plan: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    attempts = iter([False] * 5 + [True])
    monkeypatch.setattr(atomic, "_try_lock", lambda descriptor: next(attempts))
    monkeypatch.setattr(atomic, "_unlock", lambda descriptor: None)
    monkeypatch.setattr(atomic, "WAIT_NOTICE", 0.0)
    monkeypatch.setattr(atomic.time, "sleep", lambda seconds: None)
    result = CliRunner().invoke(app, ["note", "14", "开会", "--by", "李明", "--plan", "2022.yaml"])
    assert result.exit_code == 0, result.stderr
    assert result.stderr == (
        "plantrack: another plantrack is writing 2022.yaml; waiting for it to finish…\n"
        "plantrack: 2022.yaml: item 14: ledger entry added\n"
    )


def test_a_writer_that_gets_the_lock_at_once_says_nothing_of_waiting(
    plan: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    told = []
    with atomic.locked(str(plan), lambda: told.append(1)):
        pass
    assert told == []


def test_the_dry_run_patch_of_a_plan_with_a_bom_applies_with_git(plan: Path) -> None:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    folder = plan.parent
    text = "title: 计划\nyear: 2022\nsections: [{title: 一, items: [{number: 1, title: 甲}]}]\n"
    plan.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    subprocess.run(["git", "init", "-q", str(folder)], check=True)
    with open_for_edit(str(plan), dry_run=True) as edit:
        patch = edit.apply(ops.assign(edit.plan, [1], "书记", WHEN)).diff()
    assert patch.splitlines()[3] == " \ufefftitle: 计划"  # the hunk reaches line 1
    applied = subprocess.run(
        ["git", "apply", "--check", "-"],
        cwd=folder,
        input=patch.encode("utf-8"),
        capture_output=True,
        check=False,
    )
    assert applied.returncode == 0, applied.stderr.decode("utf-8", "replace")


def test_a_lock_file_that_cannot_be_opened_is_one_line(plan: Path) -> None:
    (plan.parent / LOCK).mkdir()
    with pytest.raises(PlantrackError) as caught:
        note(plan)
    assert caught.value.message == (
        f"cannot open the lock file {plan.parent / LOCK}: it is a folder"
    )
    assert plan.read_bytes() == PLAN_2022.read_bytes()
