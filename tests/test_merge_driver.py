"""`git merge` with plantrack's merge driver: plans recorded on two branches merge by meaning."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from plantrack.cli import app

# Every test here runs git, and git runs the driver as a whole plantrack process.
pytestmark = pytest.mark.slow

PLAN = """\
# 2022 plan, written for these tests
title: 2022年工作要点
year: 2022
roles: [书记, 组织委员, 纪检委员]
sections:
  - title: 加强政治建设
    items:
      - number: 1
        title: 深化理论学习
        text: 每月集中学习一次。
        owner: 书记   # the branch secretary
      - number: 2
        title: 开展主题党日
        text: 每季度开展一次。
        status: doing
        log:
          - date: 2022-02-01
            by: 王芳
            changes: {status: [null, doing]}
  - title: 从严管党治党
    items:
      - number: 3
        title: 落实廉政党课
        text: '“一把手”上廉政党课。'
"""


class Repo:
    """A git repository in a temporary folder, with the driver set up as git-setup does,
    run through this Python so that the plantrack under test merges."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.plan = root / "plans" / "2022.yaml"

    def git(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            ["git", *args], cwd=self.root, capture_output=True, text=True, check=check
        )

    def record(self, *args: str) -> None:
        result = CliRunner().invoke(app, [*args, "--plan", str(self.plan)])
        assert result.exit_code == 0, result.stderr

    def commit(self, message: str) -> None:
        self.git("commit", "-qam", message)

    def merge(self, branch: str) -> tuple[int, bytes, str]:
        done = self.git("merge", "-q", "--no-edit", branch, check=False)
        return done.returncode, self.plan.read_bytes(), done.stdout + done.stderr


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Repo]:
    # The user's own git config is never read or changed.
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(tmp_path / "gitconfig"))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    root = tmp_path / "repo"
    (root / "plans").mkdir(parents=True)
    repo = Repo(root)
    repo.plan.write_text(PLAN, encoding="utf-8", newline="")
    (root / ".gitattributes").write_text("plans/*.yaml merge=plantrack\n", encoding="utf-8")
    repo.git("init", "-q", "-b", "main")
    repo.git("config", "user.name", "测试")
    repo.git("config", "user.email", "test@example.org")
    repo.git("config", "merge.plantrack.name", "plantrack")
    driver = f'"{sys.executable}" -m plantrack merge-driver %O %A %B %P'
    repo.git("config", "merge.plantrack.driver", driver)
    repo.git("add", ".")
    repo.commit("the plan")
    yield repo


def branches(repo: Repo, ours: list[list[str]], theirs: list[list[str]]) -> None:
    """Record `theirs` on branch other and `ours` on main, from the same plan."""
    repo.git("checkout", "-qb", "other")
    for command in theirs:
        repo.record(*command)
    repo.commit("theirs")
    repo.git("checkout", "-q", "main")
    for command in ours:
        repo.record(*command)
    repo.commit("ours")


def theirs_run_on_ours(repo: Repo, tmp_path: Path, theirs: list[list[str]]) -> bytes:
    """What our plan becomes when their commands run on it: the merge must give that."""
    copy = tmp_path / "expected" / "plans" / "2022.yaml"
    copy.parent.mkdir(parents=True)
    shutil.copyfile(repo.plan, copy)
    for command in theirs:
        result = CliRunner().invoke(app, [*command, "--plan", str(copy)])
        assert result.exit_code == 0, result.stderr
    return copy.read_bytes()


def test_both_record_on_one_item_and_the_ledger_keeps_both_in_date_order(
    repo: Repo, tmp_path: Path
) -> None:
    theirs = [
        ["note", "2", "召开支委会", "--by", "李明"],
        ["note", "2", "补记：学习笔记检查", "--by", "李明", "--date", "2022-03-10"],
    ]
    branches(repo, [["progress", "2", "40", "--by", "王芳"]], theirs)
    expected = theirs_run_on_ours(repo, tmp_path, theirs)
    status, merged, _ = repo.merge("other")
    assert status == 0
    assert merged == expected
    log = merged.decode().split("number: 2", 1)[1].split("number: 3", 1)[0]
    assert [line.strip() for line in log.splitlines() if "date:" in line] == [
        "- date: 2022-02-01",
        "- date: 2022-03-10",
        "- date: 2022-07-01",
        "- date: 2022-07-01",
    ]


def test_changes_to_different_items_both_land(repo: Repo, tmp_path: Path) -> None:
    theirs = [["start", "3", "--by", "李明"], ["due", "3", "6月底前", "--by", "李明"]]
    branches(repo, [["assign", "2", "--to", "组织委员", "--by", "王芳"]], theirs)
    expected = theirs_run_on_ours(repo, tmp_path, theirs)
    status, merged, _ = repo.merge("other")
    assert (status, merged) == (0, expected)


def test_the_same_value_on_both_sides_is_that_value_with_both_entries(repo: Repo) -> None:
    branches(repo, [["start", "3", "--by", "王芳"]], [["start", "3", "--by", "李明"]])
    ours = repo.plan.read_text(encoding="utf-8")
    assert ours.endswith(
        "        status: doing\n"
        "        log:\n"
        "          - date: 2022-07-01\n"
        "            by: 王芳\n"
        "            changes: {status: [null, doing]}\n"
    )
    status, merged, _ = repo.merge("other")
    assert status == 0
    assert merged.decode() == ours + (
        "          - date: 2022-07-01\n"
        "            by: 李明\n"
        "            changes: {status: [null, doing]}\n"
    )


def test_different_values_get_markers_around_that_line_only(repo: Repo) -> None:
    branches(
        repo,
        [["done", "2", "--by", "王芳"], ["note", "1", "已学习", "--by", "王芳"]],
        [["block", "2", "--reason", "等待上级文件", "--by", "李明"]],
    )
    ours = repo.plan.read_text(encoding="utf-8")
    status, merged, output = repo.merge("other")
    assert status == 1
    ours_entry = "            changes: {status: [doing, done], progress: [null, 100]}\n"
    expected = ours.replace(
        "        status: done\n",
        "<<<<<<< ours\n        status: done\n=======\n        status: blocked\n>>>>>>> theirs\n",
    ).replace(
        ours_entry,
        ours_entry + "          - date: 2022-07-01\n"
        "            by: 李明\n"
        "            changes: {status: [doing, blocked]}\n"
        "            note: 等待上级文件\n",
    )
    # Only the status is in conflict: progress was changed on our side only, and both
    # ledgers and the rest of the file are merged.
    assert merged.decode() == expected
    assert "        progress: 100\n" in expected and "note: 已学习" in expected
    assert "item 2 status was changed differently on both sides" in output
    # Until someone chooses, lint says where the choice is.
    lint = CliRunner().invoke(app, ["lint", str(repo.plan)])
    assert lint.exit_code == 1
    assert lint.stdout.startswith(f"{repo.plan}:19:1: error merge-conflict ")


def test_a_renumbering_on_one_side_keeps_the_others_entry_on_its_item(repo: Repo) -> None:
    repo.git("checkout", "-qb", "other")
    theirs = PLAN.replace(
        "      - number: 3\n",
        "      - number: 3\n        title: 新增警示教育\n        text: 观看警示片。\n      - number: 4\n",
    )
    repo.plan.write_text(theirs, encoding="utf-8")
    repo.commit("theirs: a new item 3")
    repo.git("checkout", "-q", "main")
    repo.record("note", "3", "讲授廉政党课", "--by", "王芳")
    repo.commit("ours")
    status, merged, _ = repo.merge("other")
    assert status == 0
    # Their structure, our entry on the item it was recorded on, now number 4.
    assert merged.decode() == theirs + (
        "        log:\n"
        "          - date: 2022-07-01\n"
        "            by: 王芳\n"
        "            note: 讲授廉政党课\n"
    )


def test_our_crlf_file_stays_crlf(repo: Repo, tmp_path: Path) -> None:
    theirs = [["note", "1", "集中学习", "--by", "李明", "--date", "2022-05-01"]]
    repo.git("checkout", "-qb", "other")
    for command in theirs:
        repo.record(*command)
    repo.commit("theirs")
    repo.git("checkout", "-q", "main")
    repo.plan.write_bytes(repo.plan.read_bytes().replace(b"\n", b"\r\n"))
    repo.record("start", "3", "--by", "王芳")
    repo.commit("ours, saved on Windows")
    expected = theirs_run_on_ours(repo, tmp_path, theirs)
    status, merged, _ = repo.merge("other")
    assert (status, merged) == (0, expected)
    assert merged.count(b"\n") == merged.count(b"\r\n")


def test_git_setup_installs_what_git_merge_uses(
    repo: Repo, monkeypatch: pytest.MonkeyPatch
) -> None:
    (repo.root / ".gitattributes").unlink()
    repo.git("config", "--unset", "merge.plantrack.driver")
    repo.commit("no driver")
    monkeypatch.chdir(repo.root)
    result = CliRunner().invoke(app, ["git-setup"])
    assert result.exit_code == 0, result.stderr
    assert repo.git("config", "merge.plantrack.driver").stdout == (
        "plantrack merge-driver %O %A %B %P\n"
    )
    assert (repo.root / ".gitattributes").read_text(encoding="utf-8") == (
        "plans/*.yaml merge=plantrack\nplans/*.yml merge=plantrack\n"
    )
    repo.git("add", ".gitattributes")
    repo.commit("merge plans with plantrack")
    # git runs the installed console script, found on PATH as a user's shell finds it.
    scripts = os.path.dirname(sys.executable)
    monkeypatch.setenv("PATH", scripts + os.pathsep + os.environ.get("PATH", ""))
    branches(repo, [["note", "1", "甲记", "--by", "王芳"]], [["note", "1", "乙记", "--by", "李明"]])
    status, merged, _ = repo.merge("other")
    assert status == 0
    assert merged.decode().count("- date: 2022-07-01") == 2
