"""Counting what lint found, file by file, and deciding the exit status from it."""

from __future__ import annotations

from dataclasses import dataclass

from plantrack.errors import ExitCode, Problem, Severity
from plantrack.i18n import t


@dataclass
class Report:
    """Counts what checking found, file by file, and decides the exit status."""

    strict: bool = False
    files: int = 0
    errors: int = 0
    warnings: int = 0

    def add(self, findings: list[Problem]) -> None:
        self.files += 1
        for finding in findings:
            if finding.severity is Severity.ERROR:
                self.errors += 1
            else:
                self.warnings += 1

    @property
    def return_code(self) -> ExitCode:
        if self.errors or (self.strict and self.warnings):
            return ExitCode.PROBLEM
        return ExitCode.OK

    def summary(self) -> str:
        def count(key: str, n: int) -> str:
            return t(f"lint.{key}_one") if n == 1 else t(f"lint.{key}_many", count=n)

        return t(
            "lint.summary",
            files=count("files", self.files),
            errors=count("errors", self.errors),
            warnings=count("warnings", self.warnings),
        )
