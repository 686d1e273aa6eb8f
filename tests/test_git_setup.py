"""`plantrack git-setup`: the .gitattributes lines and git's config, set once and checked."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from plantrack.cli import app


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(tmp_path / "gitconfig"))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    root = tmp_path / "repo"
    (root / "plans").mkdir(parents=True)
    subprocess.run(["git", "init", "-q", str(root)], check=True)
    monkeypatch.chdir(root)
    return root


def setup(*args: str) -> Result:
    return CliRunner().invoke(app, ["git-setup", *args])


def config(root: Path, *args: str) -> str:
    done = subprocess.run(["git", "config", *args], cwd=root, capture_output=True, text=True)
    return done.stdout


@pytest.mark.slow
def test_setup_says_what_it_set_and_then_that_nothing_changed(repo: Path) -> None:
    assert setup("--check").exit_code == 1
    first = setup()
    assert first.exit_code == 0
    assert first.stderr == (
        "plantrack: .gitattributes: added plans/*.yaml merge=plantrack\n"
        "plantrack: .gitattributes: added plans/*.yml merge=plantrack\n"
        "plantrack: the repository's git config: set merge.plantrack.name = plantrack: merge plan files by meaning\n"
        "plantrack: the repository's git config: set merge.plantrack.driver = plantrack merge-driver %O %A %B %P\n"
    )
    assert (
        config(repo, "--local", "merge.plantrack.driver") == "plantrack merge-driver %O %A %B %P\n"
    )
    again = setup()
    assert (again.exit_code, again.stderr) == (
        0,
        "plantrack: git already merges plan files with plantrack; nothing changed\n",
    )
    check = setup("--check")
    assert (check.exit_code, check.stderr) == (
        0,
        "plantrack: git merges plan files with plantrack\n",
    )


def test_check_names_what_is_missing(repo: Path) -> None:
    (repo / ".gitattributes").write_text("*.docx binary\nplans/*.yaml merge=plantrack\n")
    result = setup("--check")
    assert result.exit_code == 1
    assert result.stderr == (
        "plantrack: .gitattributes has no line plans/*.yml merge=plantrack\n"
        "plantrack: git config has no merge.plantrack.name for plantrack\n"
        "plantrack: git config has no merge.plantrack.driver for plantrack\n"
        "plantrack: git does not merge plan files with plantrack yet; run plantrack git-setup\n"
    )


@pytest.mark.slow
def test_global_sets_the_users_config_and_keeps_the_attributes_file_as_it_was(
    repo: Path, tmp_path: Path
) -> None:
    (repo / ".gitattributes").write_bytes(b"*.docx binary\r\n*.png binary")
    result = setup("--global")
    assert result.exit_code == 0, result.stderr
    assert "your git config: set merge.plantrack.driver" in result.stderr
    assert config(repo, "--global", "merge.plantrack.driver") == (
        "plantrack merge-driver %O %A %B %P\n"
    )
    assert config(repo, "--local", "merge.plantrack.driver") == ""
    assert (repo / ".gitattributes").read_bytes() == (
        b"*.docx binary\r\n*.png binary\r\n"
        b"plans/*.yaml merge=plantrack\r\nplans/*.yml merge=plantrack\r\n"
    )
    assert setup("--check").exit_code == 0  # the user's config counts for the repository too


def test_plans_in_a_subfolder_get_their_own_patterns(
    repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (repo / "plans").rmdir()
    (repo / "党建" / "plans").mkdir(parents=True)
    monkeypatch.chdir(repo / "党建")
    assert setup().exit_code == 0
    assert (repo / ".gitattributes").read_text(encoding="utf-8") == (
        "党建/plans/*.yaml merge=plantrack\n党建/plans/*.yml merge=plantrack\n"
    )


def test_outside_a_repository_is_one_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "not-a-repo"
    folder.mkdir()
    monkeypatch.chdir(folder)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    result = setup()
    assert result.exit_code == 1
    assert result.stderr == (
        f"plantrack: {folder} is not in a git repository; run git-setup inside the repository"
        " that holds the plans\n"
    )


@pytest.mark.slow
def test_init_in_a_repository_without_the_driver_offers_git_setup(repo: Path) -> None:
    result = CliRunner().invoke(app, ["init", "--year", "2023"])
    assert result.exit_code == 0, result.stderr
    assert result.stderr.splitlines()[-1] == (
        "plantrack: run plantrack git-setup so that git merges this repository's plans by meaning"
    )
    as_json = CliRunner().invoke(app, ["init", "--year", "2024", "--format", "json"])
    assert (as_json.exit_code, as_json.stderr) == (0, "")  # JSON says nothing on stderr
    assert setup().exit_code == 0
    again = CliRunner().invoke(app, ["init", "--year", "2025"])
    assert again.exit_code == 0, again.stderr
    assert "git-setup" not in again.stderr


def test_init_outside_a_repository_says_nothing_of_git(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "not-a-repo"
    folder.mkdir()
    monkeypatch.chdir(folder)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    result = CliRunner().invoke(app, ["init", "--year", "2023"])
    assert result.exit_code == 0, result.stderr
    assert "git-setup" not in result.stderr
