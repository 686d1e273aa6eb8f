"""The output formats each family of commands offers, named once for the options and render."""

from __future__ import annotations

import enum


class LintFormat(str, enum.Enum):
    """lint's findings: plain lines, GitHub workflow commands, JSON or SARIF."""

    text = "text"
    github = "github"
    json = "json"
    sarif = "sarif"


class DocumentFormat(str, enum.Enum):
    """render's plan as a document: plain text in the conventions of official documents, or
    Markdown."""

    text = "text"
    markdown = "markdown"


class ReportFormat(str, enum.Enum):
    """What import and init did: messages for people, or one JSON object."""

    text = "text"
    json = "json"
