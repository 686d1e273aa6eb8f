"""Writers started together each keep their change: the lock serialises read-modify-write."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import IN_CI, Environment

from plantrack.errors import PlantrackError
from plantrack.reading import load as load_plan

SEED = Path(__file__).resolve().parent.parent / "plans" / "2022.yaml"
# Twenty in CI; a few at the desk, where each one is a whole process starting up.
WRITERS = 20 if IN_CI else 4


@pytest.mark.slow
def test_writers_at_once_each_leave_a_note_and_the_plan_valid(tmp_path: Path) -> None:
    plan = tmp_path / "2022.yaml"
    plan.write_bytes(SEED.read_bytes())
    env = {**os.environ, "PLANTRACK_LANG": "en", "PLANTRACK_TODAY": "2022-03-15"}
    env.pop("PLANTRACK_PLAN", None)
    command = [sys.executable, "-m", "plantrack", "note", "14"]
    writers = [
        subprocess.Popen(
            [*command, f"第{n}次记录", "--by", f"委员{n}", "--plan", str(plan)],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        for n in range(WRITERS)
    ]
    results = [(writer.wait(timeout=120), writer.stderr.read()) for writer in writers]  # type: ignore[union-attr]
    for writer in writers:
        writer.stdout.close()  # type: ignore[union-attr]
        writer.stderr.close()  # type: ignore[union-attr]
    assert [code for code, _ in results] == [0] * WRITERS, results
    item = next(item for _, item in load_plan(plan).plan.items() if item.number == 14)
    assert item.log is not None
    assert sorted((entry.note, entry.by) for entry in item.log) == sorted(
        (f"第{n}次记录", f"委员{n}") for n in range(WRITERS)
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == [".plantrack-2022.yaml.lock", "2022.yaml"]


@pytest.mark.slow
def test_a_writer_that_cannot_get_the_lock_says_so_and_writes_nothing(
    environment: Environment, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from plantrack import ops
    from plantrack.writing import atomic
    from plantrack.writing.plan_file import open_for_edit

    environment(PLANTRACK_LANG="en")
    plan = tmp_path / "2022.yaml"
    plan.write_bytes(SEED.read_bytes())
    monkeypatch.setattr(atomic, "LOCK_TIMEOUT", 0.2)
    lock = tmp_path / ".plantrack-2022.yaml.lock"
    when = ops.Stamp(dt.date(2022, 3, 15), "李明", "开会")
    with open_for_edit(str(plan)), pytest.raises(PlantrackError) as caught:  # noqa: SIM117
        with open_for_edit(str(plan)) as second:
            second.apply(ops.note(second.plan, 14, when))
    assert caught.value.message == (
        f"the plan is being changed by another plantrack (waited 0 s for {lock}); try again"
    )
    assert plan.read_bytes() == SEED.read_bytes()
