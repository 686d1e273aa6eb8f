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
    """render's plan as a document: plain text in the conventions of official documents,
    Markdown, or a Word document in their layout."""

    text = "text"
    markdown = "markdown"
    docx = "docx"


class ReportFormat(str, enum.Enum):
    """What import and init did: messages for people, or one JSON object."""

    text = "text"
    json = "json"


# --- reports


class PeriodReportFormat(str, enum.Enum):
    """report: the terminal (through rich), Markdown, JSON or a Word document."""

    terminal = "terminal"
    markdown = "markdown"
    json = "json"
    docx = "docx"


class ExportFormat(str, enum.Enum):
    """export's 台账 table: CSV, a workbook, a Word document, JSON or Markdown."""

    csv = "csv"
    xlsx = "xlsx"
    docx = "docx"
    json = "json"
    markdown = "markdown"


class LogFormat(str, enum.Enum):
    """log's entries: a table on the terminal, JSON, CSV or Markdown."""

    table = "table"
    json = "json"
    csv = "csv"
    markdown = "markdown"


class OverviewFormat(str, enum.Enum):
    """overview's rows: a table on the terminal, JSON, CSV, Markdown or a workbook."""

    table = "table"
    json = "json"
    csv = "csv"
    markdown = "markdown"
    xlsx = "xlsx"
