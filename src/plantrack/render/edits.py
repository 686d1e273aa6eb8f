"""What a writing command did, as people read it (messages on stderr) or as one JSON object."""

from __future__ import annotations

import datetime as dt
import enum
from typing import TYPE_CHECKING, Any

from plantrack.i18n import t
from plantrack.render.terminal import Stream, write_data
from plantrack.render.views import describe_changes, write_json

if TYPE_CHECKING:
    from plantrack.writing.plan_file import Edited


def render_edit(edited: Edited, as_json: bool, out: Stream, err: Stream) -> None:
    """Messages on stderr (and with a dry run the diff on stdout), or the JSON object on
    stdout alone."""
    if as_json:
        write_json(out, edit_json(edited))
        return
    path, change = edited.path, edited.change
    if edited.dry_run:
        write_data(edited.diff(), out.file)
    for number in change.unchanged:
        err.say(t("edit.unchanged", path=path, number=number))
    for item in change.items:
        if item.changes:
            text = describe_changes(item.changes)
            err.say(t("edit.changed", path=path, number=item.number, changes=text))
        else:
            err.say(t("edit.noted", path=path, number=item.number))
    for role in change.roles:
        err.say(t("edit.role_added", path=path, role=role))
    for role in change.roles_removed:
        err.say(t("edit.role_removed", path=path, role=role))
    for old, new in change.roles_renamed:
        err.say(t("edit.role_renamed", path=path, old=old, new=new))
    if edited.dry_run:
        err.say(t("edit.dry_run"))


def edit_json(edited: Edited) -> dict[str, Any]:
    """The object `--format json` prints (README, "Recording progress")."""
    change = edited.change
    return {
        "plan": edited.path,
        "dry_run": edited.dry_run,
        "changed": edited.changed,
        "items": [
            {
                "number": item.number,
                "changes": {
                    name: [_json(old), _json(new)] for name, (old, new) in item.changes.items()
                },
                "entry": _json(edited.entries.get(item.number)),
            }
            for item in change.items
        ],
        "unchanged": list(change.unchanged),
        "roles_added": list(change.roles),
        "roles_removed": list(change.roles_removed),
        "roles_renamed": [list(pair) for pair in change.roles_renamed],
        "diff": edited.diff() if edited.dry_run else None,
    }


def _json(value: Any) -> Any:
    if isinstance(value, dict):
        return {name: _json(field) for name, field in value.items()}
    if isinstance(value, list | tuple):
        return [_json(field) for field in value]
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, dt.date):
        return value.isoformat()
    return value
