"""Lint findings as people and machines read them: text, GitHub workflow commands, JSON, SARIF.

Text and GitHub lines are written as each file is checked; JSON and SARIF are one
document each, written when every file has been checked.
"""

from __future__ import annotations

import json
import os
import urllib.parse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from plantrack import __version__
from plantrack.errors import Problem, Severity
from plantrack.i18n import t
from plantrack.lint import CODES
from plantrack.render.formats import LintFormat
from plantrack.render.terminal import Stream
from plantrack.render.visible import json_escaped, visible

if TYPE_CHECKING:
    from rich.text import Text

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


class FindingsWriter:
    """Writes findings to `out` in one of the lint formats."""

    def __init__(self, format: LintFormat | str, out: Stream) -> None:
        self.format = LintFormat(format)
        self.out = out
        self.kept: list[Problem] = []

    def add(self, findings: list[Problem]) -> None:
        if self.format is LintFormat.text:
            for finding in findings:
                self.out.write(text_line(finding))
        elif self.format is LintFormat.github:
            for finding in findings:
                self.out.data(github_line(finding))
        else:
            self.kept.extend(findings)

    def close(self) -> None:
        if self.format is LintFormat.json:
            self.out.data(json_text(self.kept))
        elif self.format is LintFormat.sarif:
            self.out.data(json_escaped(json.dumps(sarif(self.kept), ensure_ascii=False, indent=2)))


_SEVERITY_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow"}


def text_line(finding: Problem) -> Text:
    """`path:line:col: error CODE message` (the position left out when there is none), with
    the place in bold and the severity in its colour where the console shows colour."""
    from rich.text import Text

    where = visible(finding.path)
    if finding.line:
        where = f"{where}:{finding.line}:{finding.column}"
    return Text.assemble(
        (where, "bold"),
        ": ",
        (finding.severity.value, _SEVERITY_STYLE[finding.severity]),
        f" {finding.code} {visible(finding.message)}",
    )


def escape_data(text: str) -> str:
    """A workflow command's message, escaped as the GitHub Actions toolkit escapes it."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A workflow command's property value, escaped as the toolkit escapes it."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def github_line(finding: Problem) -> str:
    """`::error file=…,line=…,col=…,title=CODE::message`: an annotation on the pull request."""
    # Annotations name files as the repository does, with forward slashes (also on Windows).
    path = finding.path.replace(os.sep, "/")
    properties = [f"file={escape_property(path)}"]
    if finding.line:
        properties += [f"line={finding.line}", f"col={finding.column}"]
    properties.append(f"title={escape_property(finding.code)}")
    message = visible(escape_data(finding.message))
    return f"::{finding.severity.value} {visible(','.join(properties))}::{message}"


def finding_record(finding: Problem) -> dict[str, Any]:
    """A finding as lint's JSON contract gives it."""
    return {
        "path": finding.path,
        "line": finding.line,
        "column": finding.column,
        "severity": finding.severity.value,
        "code": finding.code,
        "message": finding.message,
        # The message names the place as people do (section 五, item 14); tools get the path.
        "field": finding.field or None,
    }


def json_text(findings: list[Problem]) -> str:
    records = [finding_record(f) for f in findings]
    return json_escaped(json.dumps(records, ensure_ascii=False, indent=2))


def artifact_uri(path: str) -> tuple[str, bool]:
    """The SARIF URI of a file, and whether it is relative to the checkout's root."""
    if os.path.isabs(path):
        return Path(path).as_uri(), False
    posix = os.path.normpath(path).replace(os.sep, "/")
    # The file system's own bytes: a name that is not UTF-8 (from an unpacked GBK zip, say)
    # is percent-encoded byte for byte rather than failing.
    return urllib.parse.quote(os.fsencode(posix), safe="/"), True


def sarif(findings: list[Problem]) -> dict[str, Any]:
    """A SARIF 2.1.0 log of one run, as GitHub code scanning takes it."""
    codes = sorted({f.code for f in findings}, key=list(CODES).index)
    rules = [
        {
            "id": code,
            "name": code,
            # Code scanning shows these at the top of an alert, and the help below it.
            "shortDescription": {"text": t(f"rule.{code}")},
            "fullDescription": {"text": t(f"rule.{code}")},
            "help": {"text": t(f"fix.{code}")},
            "defaultConfiguration": {"level": CODES[code].value},
        }
        for code in codes
    ]
    results = []
    for finding in findings:
        uri, relative = artifact_uri(finding.path)
        location: dict[str, Any] = {"uri": uri}
        if relative:
            location["uriBaseId"] = "%SRCROOT%"
        physical: dict[str, Any] = {
            "physicalLocation": {
                "artifactLocation": location,
                # Code scanning needs a line; an unplaced finding is about the file.
                "region": {
                    "startLine": finding.line or 1,
                    "startColumn": finding.column or 1,
                },
            }
        }
        if finding.field:
            physical["logicalLocations"] = [{"fullyQualifiedName": finding.field}]
        results.append(
            {
                "ruleId": finding.code,
                "ruleIndex": codes.index(finding.code),
                "level": finding.severity.value,
                "message": {"text": finding.message},
                "locations": [physical],
            }
        )
    return {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "plantrack",
                        "version": __version__,
                        "semanticVersion": __version__,
                        "rules": rules,
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }
