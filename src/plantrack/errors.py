"""The one error type of plantrack, the problems it carries, and the exit statuses."""

from __future__ import annotations

import enum
from dataclasses import dataclass

# A hostile file can hold millions of mistakes; a hundred lines say enough about one file,
# and every command lists the same hundred.
MAX_PROBLEMS = 100


def capped(problems: list[Problem]) -> list[Problem]:
    """The first MAX_PROBLEMS of `problems`: as many as any command lists."""
    return problems[:MAX_PROBLEMS]


class ExitCode(enum.IntEnum):
    """Exit statuses, the same in every command."""

    OK = 0
    PROBLEM = 1  # a problem with the plan file or with the request
    USAGE = 2  # the command line itself is wrong (typer/click reports these)


class Severity(str, enum.Enum):
    """How bad a problem is: an error stops a command (and fails lint); a warning does not."""

    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, slots=True)
class Problem:
    """One located problem, as the reader and lint report it: `path:line:col: message`.

    `line` and `column` are 1-based; 0 means the problem has no position inside
    the file (the file cannot be read at all, say). `code` names the kind of problem
    (lint's codes); `field` is the plan field it is in, when known.
    """

    path: str
    line: int
    column: int
    message: str
    code: str = "error"
    severity: Severity = Severity.ERROR
    field: str = ""

    def format(self) -> str:
        where = self.path
        if self.line:
            where = f"{where}:{self.line}:{self.column}"
        return f"{where}: {self.message}"


class PlantrackError(Exception):
    """Anything a user did or wrote that plantrack cannot go on with.

    It carries either located problems (one line each) or a plain message.
    The command layer turns it into lines on stderr and an exit status, in one place.
    """

    def __init__(
        self,
        message: str = "",
        *,
        problems: list[Problem] | None = None,
        exit_code: ExitCode = ExitCode.PROBLEM,
    ) -> None:
        self.problems = problems or []
        if not message and self.problems:
            message = self.problems[0].format()
        super().__init__(message)
        self.message = message
        self.exit_code = exit_code

    def lines(self) -> list[str]:
        if self.problems:
            return [p.format() for p in self.problems]
        return [self.message]


def shown_path(path: str) -> str:
    """`path` as messages show it: relative to the current folder when it is under it."""
    import os

    try:
        relative = os.path.relpath(path)
    except ValueError:  # another drive, on Windows
        return path
    if relative == os.pardir or relative.startswith(os.pardir + os.sep):
        return path
    return relative


def os_reason(error: OSError) -> str:
    """Why the operating system refused, in the user's language (its own words are English)."""
    import errno

    from plantrack.i18n import t

    keys = {
        errno.EACCES: "os.permission",
        errno.EPERM: "os.permission",
        errno.ENOENT: "os.missing",
        errno.ENOSPC: "os.full",
        errno.EROFS: "os.read_only",
        errno.EISDIR: "os.is_dir",
        errno.ENOTDIR: "os.not_dir",
        errno.EIO: "os.io",
        errno.ELOOP: "os.loop",
        errno.ENAMETOOLONG: "os.name_too_long",
        errno.EBUSY: "os.busy",
        errno.EBADF: "os.closed",
    }
    key = keys.get(error.errno or 0)
    return t(key) if key else (error.strerror or str(error))
