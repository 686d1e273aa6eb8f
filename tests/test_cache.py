"""The cache of checked plans: never a stale plan, a damaged or unusable cache passed over,
PLANTRACK_NO_CACHE=1 turns it off."""

from __future__ import annotations

import json
import os
import pickle
from pathlib import Path

import pytest
from conftest import Environment
from typer.testing import CliRunner

from plantrack import settings
from plantrack.cli import app
from plantrack.model import Plan
from plantrack.reading import cache, read_plan

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "plans" / "2022.yaml"


@pytest.fixture
def plan(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, environment: Environment) -> Path:
    """A copy of plans/2022.yaml, cached like a large plan, in a cache folder of its own."""
    monkeypatch.setattr(cache, "MIN_BYTES", 0)
    environment(XDG_CACHE_HOME=str(tmp_path / "cache"), LOCALAPPDATA=str(tmp_path / "cache"))
    path = tmp_path / "plans" / "2022.yaml"
    path.parent.mkdir()
    path.write_bytes(SEED.read_bytes())
    return path


def entries(folder: Path) -> list[Path]:
    return sorted(folder.rglob("*.pickle"))


def read_twice(plan: Path) -> Plan:
    """The plan, read as often as it takes to be kept: twice."""
    read_plan(plan)
    return read_plan(plan)


def test_an_unchanged_plan_is_read_from_the_cache(
    plan: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    read_plan(plan)
    assert entries(tmp_path / "cache") == []  # read once: not worth keeping yet
    first = read_plan(plan)
    assert len(entries(tmp_path / "cache")) == 1

    def no_reading(*args: object) -> None:
        raise AssertionError("the plan was read again")

    monkeypatch.setattr("plantrack.reading.check", no_reading)
    monkeypatch.setattr("plantrack.reading._read_fast", no_reading)
    assert read_plan(plan) == first


def test_a_plan_with_every_kind_of_field_comes_from_the_cache(
    plan: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Every class of the model must be one the cache may build: an owner style, a
    # sub-section, co-owners, a status and dates.
    text = plan.read_text(encoding="utf-8")
    text = text.replace(
        "sections:\n", "owner_style: {form: brackets, lead: 牵头单位, co: 配合单位}\nsections:\n", 1
    )
    text = text.replace(
        "title: 严格纪律规矩刚性约束",
        "subsection: 严明纪律\n        title: 严格纪律规矩刚性约束\n        co_owners: [组织委员]"
        "\n        status: doing\n        due: 2022-06-30",
    )
    plan.write_text(text, encoding="utf-8")
    first = read_twice(plan)
    assert first.owner_style is not None

    def no_reading(*args: object) -> None:
        raise AssertionError("the plan was read again")

    monkeypatch.setattr("plantrack.reading.check", no_reading)
    monkeypatch.setattr("plantrack.reading._read_fast", no_reading)
    assert read_plan(plan) == first


def test_a_changed_plan_is_read_again_even_with_the_same_size_and_time(plan: Path) -> None:
    read_plan(plan)
    status = plan.stat()
    text = plan.read_text(encoding="utf-8")
    # Same length in bytes, same modification time: only the content says it changed.
    plan.write_text(
        text.replace("title: 严格纪律规矩刚性约束", "title: 严格纪律规矩刚性约朿"), "utf-8"
    )
    os.utime(plan, ns=(status.st_atime_ns, status.st_mtime_ns))
    assert plan.stat().st_size == status.st_size
    item = next(item for _, item in read_plan(plan).items() if item.number == 14)
    assert item.title == "严格纪律规矩刚性约朿"


@pytest.mark.slow
def test_status_after_an_edit_shows_the_edit(plan: Path) -> None:
    runner = CliRunner()
    before = runner.invoke(app, ["show", "14", "--plan", str(plan)])
    assert before.exit_code == 0 and "纪检委员" not in before.stdout
    edit = ["assign", "14", "--to", "纪检委员", "--by", "李明", "--plan", str(plan)]
    assert runner.invoke(app, edit).exit_code == 0
    after = runner.invoke(app, ["show", "14", "--plan", str(plan)])
    assert after.exit_code == 0 and "纪检委员" in after.stdout


def test_a_damaged_entry_is_passed_over_and_replaced(plan: Path, tmp_path: Path) -> None:
    expected = read_twice(plan)
    (entry,) = entries(tmp_path / "cache")
    for damage in (b"", b"junk", entry.read_bytes()[:-100]):
        entry.write_bytes(damage)
        assert read_plan(plan) == expected
    assert read_plan(plan) == expected
    assert entry.read_bytes().startswith(cache._FORMAT)  # written anew


def test_an_entry_that_would_build_anything_but_a_plan_is_refused(
    plan: Path, tmp_path: Path
) -> None:
    expected = read_twice(plan)
    (entry,) = entries(tmp_path / "cache")
    head = entry.read_bytes()[: len(cache._FORMAT) + 32]  # the format and the key of these bytes
    entry.write_bytes(head + pickle.dumps(os.getcwd))  # a call to run, not a plan
    assert read_plan(plan) == expected


def test_an_unusable_cache_folder_changes_nothing(
    plan: Path, tmp_path: Path, environment: Environment
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    environment(XDG_CACHE_HOME=str(blocker), LOCALAPPDATA=str(blocker))
    expected = read_plan(plan)
    assert read_plan(plan) == expected
    result = CliRunner().invoke(app, ["status", "--plan", str(plan)])
    assert result.exit_code == 0 and result.stderr == ""


def test_plantrack_no_cache_turns_it_off(
    plan: Path, tmp_path: Path, environment: Environment
) -> None:
    true_plan = read_twice(plan)
    (entry,) = entries(tmp_path / "cache")
    # An entry for exactly these bytes that says something else: the cache is what answers.
    other = true_plan.model_copy(update={"title": "别的计划"})
    head = entry.read_bytes()[: len(cache._FORMAT) + 32]
    entry.write_bytes(head + pickle.dumps(other))
    assert read_plan(plan).title == "别的计划"
    environment(PLANTRACK_NO_CACHE="1")
    assert read_plan(plan) == true_plan
    entry.unlink()
    read_twice(plan)
    assert entries(tmp_path / "cache") == []


def test_other_code_does_not_meet_the_entries_of_this_code(
    plan: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    read_twice(plan)
    raw = plan.read_bytes()
    assert cache.load(str(plan), raw) is not None
    monkeypatch.setattr(cache, "_code_identity", lambda: b"another version of plantrack")
    assert cache.load(str(plan), raw) is None


def test_the_cache_folder_follows_the_platform_conventions(
    environment: Environment, monkeypatch: pytest.MonkeyPatch
) -> None:
    environment(XDG_CACHE_HOME="/var/cache/someone", LOCALAPPDATA=r"C:\Users\li\AppData\Local")
    monkeypatch.setattr("sys.platform", "linux")
    assert cache.folder() == os.path.join("/var/cache/someone", "plantrack")
    environment(XDG_CACHE_HOME="relative/ignored")
    assert cache.folder() == os.path.join(os.path.expanduser("~"), ".cache", "plantrack")
    monkeypatch.setattr("sys.platform", "win32")
    assert cache.folder() == os.path.join(r"C:\Users\li\AppData\Local", "plantrack", "Cache")
    environment(PLANTRACK_NO_CACHE="1")
    assert cache.folder() is None
    environment(PLANTRACK_NO_CACHE="0")
    assert settings.current().no_cache is False


def status_json(plan: Path, *more: str) -> str:
    result = CliRunner().invoke(app, ["status", "--plan", str(plan), "--format", "json", *more])
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.mark.slow
def test_status_json_of_a_cached_plan_is_the_files_own(
    plan: Path, tmp_path: Path, environment: Environment
) -> None:
    environment(PLANTRACK_NO_CACHE="1")
    expected = status_json(plan)
    as_of = status_json(plan, "--as-of", "2022-04-01")
    environment(PLANTRACK_NO_CACHE=None)
    assert status_json(plan) == expected  # reads the file, notes its bytes
    assert status_json(plan) == expected  # reads it again, keeps the plan
    assert len(entries(tmp_path / "cache")) == 1
    assert status_json(plan) == expected  # the plan from the cache; keeps its records
    assert len(entries(tmp_path / "cache")) == 2
    assert status_json(plan) == expected  # both from the cache
    # A view of a past day shows each item as it stood then: its records are made anew.
    assert status_json(plan, "--as-of", "2022-04-01") == as_of
    # An item a line, each exactly the encoding of the item's record.
    items = expected.split('"items": [', 1)[1].rsplit("]}", 1)[0].split(",\n")
    assert [json.loads(line) for line in items] == json.loads(expected)["items"]


@pytest.mark.slow
def test_damaged_records_are_passed_over(plan: Path, tmp_path: Path) -> None:
    read_twice(plan)
    expected = status_json(plan)
    (records,) = [entry for entry in entries(tmp_path / "cache") if "status" in entry.name]
    head = records.read_bytes()[: len(cache._FORMAT) + 32]
    for damage in (b"", b"junk", records.read_bytes()[:-100], head + pickle.dumps(os.getcwd)):
        records.write_bytes(damage)
        assert status_json(plan) == expected


def test_records_of_a_plan_are_not_those_of_its_edit(plan: Path) -> None:
    status_json(plan)
    edit = ["assign", "14", "--to", "纪检委员", "--by", "李明", "--plan", str(plan)]
    assert CliRunner().invoke(app, edit).exit_code == 0
    items = json.loads(status_json(plan))["items"]
    assert next(item for item in items if item["number"] == 14)["owner"] == "纪检委员"
