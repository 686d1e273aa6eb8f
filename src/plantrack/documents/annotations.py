"""What an item's text says besides its work: its owners (taken out of the text) and its
deadline (kept in it), with a note for each, and what stays in the text and why."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from plantrack.documents.owners import (
    DEFAULT_CO,
    DEFAULT_CO_VERB,
    DEFAULT_LEAD,
    Owners,
    Unclear,
    is_label_line,
    labelled_parenthesis,
    names_owners,
    read_owners,
    trailing_parenthesis,
)
from plantrack.documents.paragraphs import Paragraph, title_end
from plantrack.errors import PlantrackError
from plantrack.i18n import listing, t
from plantrack.model import OwnerForm, OwnerStyle

# How a style's owners read: with labels, or with verbs.
_FORMS = {"lines": "labels", "group": "labels", "brackets": "labels", "verbs": "verbs"}


@dataclass(frozen=True, slots=True)
class Draft:
    """An item as its document wrote it: its number in the plan, heading and body."""

    number: int
    heading: Paragraph
    body: list[Paragraph]


@dataclass(slots=True)
class Annotated:
    """An item's title and text with its owners taken out, and the fields they gave."""

    number: int
    heading: Paragraph
    title: str
    text: str
    fields: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True)
class Annotator:
    """Takes owners and deadlines out of a plan's items, group by group, and keeps what
    it says about them: `taken` (owners and deadlines found) and `notes` (left alone)."""

    year: int | None
    with_due: bool = True
    style: OwnerStyle | None = None
    taken: list[tuple[str, str]] = field(default_factory=list)  # (code, message)
    notes: list[tuple[str, str]] = field(default_factory=list)
    owners: int = 0
    deadlines: int = 0
    co_seen: bool = False  # the style's co-owners' label is the document's, not a default

    def group(self, drafts: list[Draft]) -> list[Annotated]:
        """The items of one group (those since the last heading): a line of owners after
        its last item, when no other item has one, is the whole group's."""
        lines = [_owner_lines(draft) for draft in drafts]
        shared: tuple[Owners, Paragraph] | None = None
        group_lines = 0
        if len(drafts) >= 2 and lines[-1] and not any(lines[:-1]):
            shared = self._from_lines(drafts[-1].number, lines[-1], "group")
            group_lines = len(lines[-1]) if shared else 0
            lines[-1] = []
        out = []
        for position, (draft, own) in enumerate(zip(drafts, lines, strict=True)):
            found = self._from_lines(draft.number, own, "lines") if own else None
            taken = len(own) if found else group_lines if position == len(drafts) - 1 else 0
            body = draft.body[: len(draft.body) - taken]
            within = draft.body[: len(draft.body) - len(_owner_lines(draft))]
            for paragraph in within:  # a line of owners with text after it
                if is_label_line(paragraph.text):
                    self._unclear(draft.number, paragraph, "middle", paragraph.text)
            title, text = split_item(draft.heading, [p.text for p in body])
            item = Annotated(draft.number, draft.heading, title, text)
            last = body[-1] if body else draft.heading
            inside = _inside(item.text or item.title)
            if found is None:
                found = self._from_parenthesis(item, last)
            elif names_owners(inside):
                self._unclear(item.number, last, "both", inside)
            if found is None and shared is not None:
                found = shared
            self._within(item, last)
            if found is not None:
                self._take(item, *found)
            if self.with_due and self.year is not None:
                self._due(item)
            out.append(item)
        return out

    def _from_lines(
        self, number: int, lines: list[Paragraph], form: OwnerForm
    ) -> tuple[Owners, Paragraph] | None:
        """The owners of label lines, or None (said) when they are unclear: they stay in
        the item's text."""
        text = "，".join(paragraph.text for paragraph in lines)
        try:
            owners = read_owners(text)
        except Unclear as unclear:
            self._unclear(number, lines[0], unclear.reason, text)
            return None
        self._style(form, owners)
        return owners, lines[0]

    def _from_parenthesis(
        self, item: Annotated, last: Paragraph
    ) -> tuple[Owners, Paragraph] | None:
        where = "text" if item.text else "title"
        text = getattr(item, where)
        span = trailing_parenthesis(text)
        if span is None or not names_owners(text[span[0] + 1 : span[1] - 1]):
            return None
        inside = text[span[0] + 1 : span[1] - 1]
        try:
            owners = read_owners(inside)
        except Unclear as unclear:
            self._unclear(item.number, last, unclear.reason, inside)
            return None
        setattr(item, where, (text[: span[0]] + text[span[1] :]).rstrip())
        self._style("verbs" if owners.form == "verbs" else "brackets", owners)
        # The first parenthesis found says which side of the item's last 。 they go: in
        # the text, it is what follows; in a title, the heading's 。 that ended it.
        heading = item.heading.text.strip()
        after = text[span[1] :] if where == "text" else heading[len(text) :]
        in_place = where == "text" or heading.startswith(text)
        if self.owners == 0 and in_place and after.startswith("。"):
            assert self.style is not None
            self.style = self.style.model_copy(update={"before_full_stop": True})
        return owners, last

    def _within(self, item: Annotated, last: Paragraph) -> None:
        """Say so of a labelled parenthesis that is left in the title or the text: one
        that does not end the item is not taken for its owners."""
        for text, where in ((item.title, item.heading), (item.text, last)):
            # The parenthesis that ends the item was read (and said of) already.
            ends = text == (item.text or item.title)
            span = trailing_parenthesis(text) if ends else None
            found = labelled_parenthesis(text[: span[0]] if span else text)
            if found is not None:
                self._unclear(item.number, where, "within", found)
                return

    def _style(self, form: OwnerForm, owners: Owners) -> None:
        """The plan's style is the first one its document uses; its co-owners' label the
        first one written (a default until then)."""
        if self.style is None:
            default = DEFAULT_CO_VERB if form == "verbs" else DEFAULT_CO
            lead = DEFAULT_LEAD if owners.no_lead else owners.lead  # not the first-named lead
            self.style = OwnerStyle(form=form, lead=lead, co=owners.co or default)
            self.co_seen = owners.co is not None
            return
        if form == "group" and self.style.form == "lines":
            self.style = self.style.model_copy(update={"form": "group"})
        # An assisting label alone is not the co-owners' label of a plan that names leads.
        known = owners.co is not None and not owners.no_lead
        if not self.co_seen and known and owners.form == _FORMS[self.style.form]:
            self.style = self.style.model_copy(update={"co": owners.co})
            self.co_seen = True

    def _take(self, item: Annotated, owners: Owners, where: Paragraph) -> None:
        cut = 0 if owners.no_lead else 1
        lead, others = owners.names[:cut], owners.names[cut:]
        values = {"number": item.number, "line": where.line, "co_owners": listing(others)}
        if lead:
            item.fields["owner"] = lead[0]
            key = "import.owners_taken" if others else "import.owner_taken"
        else:
            key = "import.co_owners_taken"
        if others:
            item.fields["co_owners"] = list(others)
        assert self.style is not None  # set by the first owners found
        groups = owners.groups_text(self.style.lead is not None)
        if groups:
            item.fields["owner_groups"] = groups
        self.owners += 1
        self.taken.append(("owners", t(key, owner=lead[0] if lead else "", **values)))

    def _unclear(self, number: int, where: Paragraph, reason: str, text: str) -> None:
        why = t(f"import.owners_why_{reason}")
        message = t("import.owners_unclear", line=where.line, number=number, why=why, text=text)
        self.notes.append(("owners_unclear", message))

    def _due(self, item: Annotated) -> None:
        from plantrack.dates import LASTING, deadline_phrases, parse_deadline

        assert self.year is not None
        text = item.title + "\n" + item.text
        phrases = deadline_phrases(text)
        values = {"number": item.number, "line": item.heading.line}
        if LASTING in text:
            self.notes.append(("due_none", t("import.due_lasting", phrase=LASTING, **values)))
            return
        dates: dict[dt.date, str] = {}
        for phrase in phrases:
            try:
                dates.setdefault(parse_deadline(phrase, self.year), phrase)
            except PlantrackError:
                self.notes.append(("due_none", t("import.due_bad", phrase=phrase, **values)))
                return
        if len(dates) > 1:
            listed = listing(dates.values())
            self.notes.append(("due_none", t("import.due_several", phrases=listed, **values)))
            return
        for date, phrase in dates.items():
            item.fields["due"] = date
            self.deadlines += 1
            shown = date.strftime("%m-%d") if date.year == self.year else date.isoformat()
            self.taken.append(("due", t("import.due", date=shown, phrase=phrase, **values)))


def _owner_lines(draft: Draft) -> list[Paragraph]:
    """The lines of owners that end an item's body."""
    count = 0
    for paragraph in reversed(draft.body):
        if not is_label_line(paragraph.text):
            break
        count += 1
    return draft.body[len(draft.body) - count :] if count else []


def _inside(text: str) -> str:
    span = trailing_parenthesis(text)
    return text[span[0] + 1 : span[1] - 1] if span else ""


def split_item(heading: Paragraph, body: list[str]) -> tuple[str, str]:
    """The item's title (its heading up to the first 。) and the rest of its text."""
    text = heading.text
    end = title_end(text)
    if end is None:  # the heading line is the title; the body follows on its own lines
        return text.strip(), "\n".join(body)
    rest = text[end + 1 :].strip()
    return text[:end].strip(), "\n".join([rest, *body] if rest else body)
