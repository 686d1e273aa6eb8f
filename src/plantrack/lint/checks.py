"""Lint's warnings: what is legal in a plan but probably a slip, found over its node tree."""

from __future__ import annotations

import datetime as dt
import difflib
import os
import re
from typing import Any

from plantrack.dates import as_date
from plantrack.errors import MAX_PROBLEMS, Problem
from plantrack.i18n import listing, t
from plantrack.lint.owners import owner_groups_warning
from plantrack.lint.places import Findings
from plantrack.lint.structure import Subsections, untitled_warning
from plantrack.lint.structure import text as _text
from plantrack.lint.structure import text_of as _text_of
from plantrack.lint.values import unmatched_marks, value_findings
from plantrack.model import MAX_YEAR, MIN_YEAR, Status, parse_status
from plantrack.reading import Node, Source

__all__ = ["unmatched_marks", "warnings_of"]


def warnings_of(
    source: Source, root: Node, today: dt.date, data: dict[str, Any] | None = None
) -> list[Problem]:
    """The warnings of a file whose tree is a mapping, in no particular order. With the
    plain `data` the tree was read with, the nodes of an item that can have no finding
    are not asked for (a lazy tree builds them only then)."""
    findings = Findings(source)
    plan = _Plan(findings, root, today)
    quiet = plan.quiet_items(data) if data is not None else {}
    value_findings(root, findings, quiet)
    plan.run(quiet)
    return findings.found


class _Plan:
    """The warnings on the plan's structure: numbering, owners, dates, statuses, ledgers."""

    def __init__(self, findings: Findings, root: Node, today: dt.date) -> None:
        self.findings = findings
        self.add = findings.add
        self.root = root
        self.today = today
        self.unknown_owners = 0  # unknown-owner warnings so far
        self.role_set: frozenset[str] | None = None  # the plan's roles, once needed
        self.year_node = root.get("year")
        year = _value(self.year_node, int)
        if year is not None and not MIN_YEAR <= year <= MAX_YEAR:
            year = None  # an error of its own (out-of-range); no date can be judged by it
        self.year: int | None = year
        roles_node = root.get("roles")
        self.roles: list[str] | None = None
        if roles_node is not None and roles_node.is_sequence:
            self.roles = [r.value for r in roles_node.value if isinstance(r.value, str)]
        sections = root.get("sections")
        self.sections = sections.value if sections is not None and sections.is_sequence else None

    def quiet_items(self, data: dict[str, Any]) -> dict[int, dict[str, Any]]:
        """The items that can have no finding but in their numbering and sub-section,
        each item's plain data by the id of its node."""
        from plantrack.lint.quiet import QuietItems

        quiet: dict[int, dict[str, Any]] = {}
        sections = data.get("sections")
        # The tree and its data are read together, entry for entry; anything else, and
        # every item is looked at.
        if self.sections is None or type(sections) is not list:
            return quiet
        if len(sections) != len(self.sections):
            return quiet
        look = QuietItems(self.findings.source.text, self.roles, self.year, self.today)
        for section, plain in zip(self.sections, sections, strict=True):
            items = section.get("items") if section.is_mapping else None
            plain_items = plain.get("items") if type(plain) is dict else None
            if (
                items is None
                or not items.is_sequence
                or type(plain_items) is not list
                or len(plain_items) != len(items.value)
            ):
                continue
            for item, plain_item in zip(items.value, plain_items, strict=True):
                if type(plain_item) is dict and item.is_mapping and look(item, plain_item):
                    quiet[id(item)] = plain_item
        return quiet

    def run(self, quiet: dict[int, dict[str, Any]]) -> None:
        year = self.year
        self.file_year(self.year_node, year)
        roles = self.roles
        if self.sections is None:
            return
        previous: int | None = None  # the highest item number so far
        # One pass over the sections and their items, each item's keys looked up once.
        for section in self.sections:
            if not section.is_mapping:
                continue
            section_fields = _fields(section)
            untitled_warning(section, section_fields, len(self.sections), self.add)
            items = section_fields.get("items")
            if items is None or not items.is_sequence:
                continue
            subsections = Subsections(self.add)
            for item in items.value:
                if not item.is_mapping:
                    subsections.other()
                    continue
                plain = quiet.get(id(item))
                if plain is not None:
                    previous = self.quiet_item(item, plain, subsections, previous)
                    continue
                fields = _fields(item)
                subsections.item(
                    _text(fields.get("subsection")),
                    _text(fields.get("number"), int),
                    fields.get,
                )
                number_node = fields.get("number")
                number = _value(number_node, int)
                if number is not None and number_node is not None:
                    self.numbering(number_node, number, previous)
                    previous = number if previous is None else max(previous, number)
                self.owner(fields, roles)
                owner_groups_warning(fields, self.add)
                self.due(fields, year)
                self.status(fields)
                self.ledger(fields, year)

    def quiet_item(
        self, item: Node, plain: dict[str, Any], subsections: Subsections, previous: int | None
    ) -> int | None:
        """The numbering and sub-section of an item with no other finding, from its data
        (the same values its nodes hold): its nodes are asked for only to place a finding.
        The highest item number so far is returned."""
        subsections.item(
            _text_of(plain.get("subsection")),
            _text_of(plain.get("number"), int),
            lambda key: _fields(item).get(key),
        )
        number = plain.get("number")
        if type(number) is int:
            pair = item.pair("number")  # an item's first key is built without the rest
            if pair is not None:
                self.numbering(pair[1], number, previous)
            previous = number if previous is None else max(previous, number)
        return previous

    def numbering(self, node: Node, number: int, previous: int | None) -> None:
        if previous is None:
            if number > 1:
                self.add(node, "number-gap", "lint.number_start", number=number)
        elif number < previous:
            self.add(node, "number-order", "lint.number_order", number=number, previous=previous)
        elif number > previous + 1:
            missing = (
                str(previous + 1) if number == previous + 2 else f"{previous + 1}–{number - 1}"
            )
            self.add(
                node,
                "number-gap",
                "lint.number_gap",
                number=number,
                previous=previous,
                missing=missing,
            )

    def owner(self, item: dict[str, Node], roles: list[str] | None) -> None:
        """The owner and every co-owner must be one of the plan's roles, when it has them."""
        if roles is None:
            return
        co_owners = item.get("co_owners")
        names: list[Node | None] = [item.get("owner")]
        if co_owners is not None and co_owners.is_sequence:
            names += co_owners.value
        for node in names:
            owner = _value(node, str)
            if owner is not None and node is not None:
                self._role(node, owner, roles)

    def _role(self, node: Node, owner: str, roles: list[str]) -> None:
        if self.role_set is None:
            self.role_set = frozenset(roles)
        if owner in self.role_set or self.unknown_owners >= MAX_PROBLEMS:
            return  # only a hundred are listed, so no more need a suggestion
        self.unknown_owners += 1
        close = difflib.get_close_matches(owner, roles[:1000], n=1, cutoff=0.5)
        if close:
            self.add(node, "unknown-owner", "lint.unknown_owner_close", owner=owner, close=close[0])
        else:
            shown = listing(role.replace("\n", " ") for role in roles[:12])
            if len(roles) > 12:
                shown += "…"
            self.add(node, "unknown-owner", "lint.unknown_owner", owner=owner, roles=shown)

    def due(self, item: dict[str, Node], year: int | None) -> None:
        node = item.get("due")
        due = _value(node, dt.date)
        if year is not None and due is not None and node is not None and due.year != year:
            self.add(node, "due-outside-year", "lint.due_year", due=due.isoformat(), year=year)

    def status(self, item: dict[str, Node]) -> None:
        status_node = item.get("status")
        word = _value(status_node, str)
        status = parse_status(word) if word is not None else None
        progress_node = item.get("progress")
        progress = _value(progress_node, int)
        if progress is None or progress_node is None:
            return
        if status is Status.DONE and progress < 100:
            self.add(progress_node, "done-progress", "lint.done_progress", progress=progress)
        elif progress == 100 and status is not Status.DONE and (word is None or status):
            shown = t("status." + (status or Status.TODO).value)
            self.add(progress_node, "complete-not-done", "lint.complete_not_done", status=shown)

    def file_year(self, node: Node | None, year: int | None) -> None:
        """A plan file named for a year (`plans/2023.yaml`) holds that year's plan."""
        name = os.path.basename(self.findings.source.path)
        stem, extension = os.path.splitext(name)
        if node is None or year is None or extension not in (".yaml", ".yml"):
            return
        if _YEAR_NAME.fullmatch(stem) and int(stem) != year:
            self.add(node, "year-mismatch", "lint.year_mismatch", name=name, year=year)

    def ledger(self, item: dict[str, Node], year: int | None) -> None:
        log = item.get("log")
        if log is None or not log.is_sequence:
            return
        latest: dt.date | None = None
        for entry in log.value:
            node = entry.get("date") if entry.is_mapping else None
            date = _value(node, dt.date)
            if date is None or node is None:
                continue
            # A ledger may record the run-up to its year and work carried into the next.
            if year is not None and not year <= date.year <= year + 1:
                self.add(
                    node,
                    "ledger-outside-year",
                    "lint.ledger_outside_year",
                    date=date.isoformat(),
                    year=year,
                    first=dt.date(year, 1, 1).isoformat(),
                    last=dt.date(year + 1, 12, 31).isoformat(),
                )
            if latest is not None and date < latest:
                self.add(
                    node,
                    "ledger-order",
                    "lint.ledger_order",
                    date=date.isoformat(),
                    previous=latest.isoformat(),
                )
            if date > self.today:
                self.add(
                    node,
                    "ledger-future",
                    "lint.ledger_future",
                    date=date.isoformat(),
                    today=self.today.isoformat(),
                )
            latest = date if latest is None else max(latest, date)


def _value(node: Node | None, kind: type[Any]) -> Any:
    """The node's value when it is a scalar of `kind` (a bool is not an int here), else None."""
    if node is None or node.kind != "scalar":
        return None
    value = node.value
    if type(value) is kind:  # most values: not a bool for an int, nor a datetime for a date
        return value
    if kind is dt.date and isinstance(value, str) and node.style is not None:
        # A quoted date is still a date to the plan ("2022-06-30"), so also to its warnings.
        return as_date(value)
    if isinstance(value, bool) or not isinstance(value, kind):
        return None
    if kind is dt.date and isinstance(value, dt.datetime):
        return None
    return value


_YEAR_NAME = re.compile(r"(?:19|20|21)[0-9]{2}")


def _fields(node: Node) -> dict[str, Node]:
    """A mapping's values by their text keys; of a key written twice (an error of its
    own), the first, as `Node.get` finds it."""
    return {
        key.value: value
        for key, value in reversed(node.value)
        if key.kind == "scalar" and type(key.value) is str
    }
