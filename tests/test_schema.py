"""`plantrack schema` and the committed schema/plan.schema.json that editors read."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from typer.testing import CliRunner

from plantrack.cli import app
from plantrack.lint.schema import schema_text

ROOT = Path(__file__).parent.parent
COMMITTED = ROOT / "schema" / "plan.schema.json"
SEED = ROOT / "plans" / "2022.yaml"
CORPUS = Path(__file__).parent / "data" / "lint"


@pytest.mark.slow
def test_the_committed_schema_is_what_plantrack_schema_prints() -> None:
    # When the models change: plantrack schema > schema/plan.schema.json
    result = CliRunner().invoke(app, ["schema"])
    assert result.exit_code == 0
    assert result.stdout == COMMITTED.read_text(encoding="utf-8")
    assert schema_text() == result.stdout


def test_the_seed_plan_points_editors_at_the_schema() -> None:
    first = SEED.read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=../schema/plan.schema.json"
    assert (SEED.parent / "../schema/plan.schema.json").resolve() == COMMITTED.resolve()


def as_json(value: Any) -> Any:
    """A plan as an editor's YAML 1.2 reader sees it: dates are text."""
    if isinstance(value, dict):
        return {str(key): as_json(item) for key, item in value.items()}
    if isinstance(value, list):
        return [as_json(item) for item in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft202012Validator:
    schema = json.loads(COMMITTED.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


@pytest.mark.slow
def test_editors_accept_the_seed_and_every_status_word(
    validator: jsonschema.Draft202012Validator,
) -> None:
    plan = as_json(yaml.safe_load(SEED.read_text(encoding="utf-8")))
    assert list(validator.iter_errors(plan)) == []
    item = plan["sections"][0]["items"][0]
    for word in ("todo", "doing", "done", "blocked", "未开始", "进行中", "已完成", "受阻"):
        item.update(status=word, progress=50, due="2022-06-30", owner="书记")
        assert list(validator.iter_errors(plan)) == []


@pytest.mark.parametrize(
    "name",
    [
        "missing-title.yaml",
        "missing-item-number.yaml",
        "unknown-key.yaml",
        "unknown-key-top.yaml",
        "wrong-type-year.yaml",
        "wrong-type-sections.yaml",
        "wrong-type-due.yaml",
        "bad-status.yaml",
        "out-of-range-progress.yaml",
        "out-of-range-number.yaml",
        "empty-text-title.yaml",
        "wrong-type-ledger-change.yaml",
    ],
)
def test_editors_refuse_what_lint_refuses(
    validator: jsonschema.Draft202012Validator, name: str
) -> None:
    plan = as_json(yaml.safe_load((CORPUS / name).read_text(encoding="utf-8")))
    assert list(validator.iter_errors(plan)) != []
