"""What a writing command did, as people read it (messages on stderr) or as one JSON object."""

from __future__ import annotations

import datetime as dt
import enum
from typing import TYPE_CHECKING, Any

from plantrack.i18n import t
from plantrack.render.terminal import Stream
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
        write_patch(edited.diff())
    for number in change.unchanged:
        err.write(t("edit.unchanged", path=path, number=number))
    for item in change.items:
        if item.changes:
            text = describe_changes(item.changes)
            err.write(t("edit.changed", path=path, number=item.number, changes=text))
        else:
            err.write(t("edit.noted", path=path, number=item.number))
    for role in change.roles:
        err.write(t("edit.role_added", path=path, role=role))
    if edited.dry_run:
        err.write(t("edit.dry_run"))


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


def write_patch(diff: str) -> None:
    """The diff as UTF-8 bytes, whatever stdout's encoding: it is a patch of a UTF-8 file."""
    import sys

    data = diff.encode("utf-8")
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:  # pragma: no cover - a stdout replaced by a text-only stream
        sys.stdout.write(diff)
        return
    sys.stdout.flush()
    buffer.write(data)
    buffer.flush()
