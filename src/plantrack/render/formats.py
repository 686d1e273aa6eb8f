"""The output formats each family of commands offers, named once for the options and render."""

from __future__ import annotations

import enum


class LintFormat(str, enum.Enum):
    """lint's findings: plain lines, GitHub workflow commands, JSON or SARIF."""

    text = "text"
    github = "github"
    json = "json"
    sarif = "sarif"
