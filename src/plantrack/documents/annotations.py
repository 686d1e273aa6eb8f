"""What an item's text says besides its work: its owners and a deadline label (taken out of
the text) and a deadline in its prose (kept in it), with a note for each, and what stays in
the text and why."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from plantrack.documents.deadlines import (
    LabelledDue,
    is_deadline_line,
    prose_due,
    read_label,
    split_deadline,
)
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


@dataclass(frozen=True, slots=True)
class Found:
    """What an item's lines or parenthesis say: owners, a deadline label, or both."""

    owners: Owners | None
    due: LabelledDue | None
    where: Paragraph


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
    forms: list[tuple[int, str]] = field(default_factory=list)  # (item, how it wrote owners)

    def mixed(self) -> list[int]:
        """The items whose owners are written in another way than the first item's (lines,
        a labelled parenthesis, or one with verbs): render writes them in the plan's."""
        return [number for number, form in self.forms if form != self.forms[0][1]]

    def group(self, drafts: list[Draft]) -> list[Annotated]:
        """The items of one group (those since the last heading): a line of owners after
        its last item, when no other item has one, is the whole group's, unless a blank
        line sets that item apart from the others (as render writes an item's own lines
        there)."""
        blocks = [_owner_lines(draft) for draft in drafts]
        shared: tuple[Owners, Paragraph] | None = None
        final_read: Found | None = None
        sharing = 0
        grouped = (
            len(drafts) >= 2
            and _names_owners(blocks[-1])
            and not any(_names_owners(block) for block in blocks[:-1])
            and not _set_apart(drafts)
        )
        if grouped:
            final = drafts[-1]
            final_read = self._from_lines(final.number, blocks[-1])
            if final_read is not None and final_read.owners is not None:
                shared = final_read.owners, final_read.where
            taken = len(blocks[-1]) if final_read else 0
            # The line is a group's (style (e)) only when every item of the group (two or
            # more) takes it, as render writes one back; else its items' lines.
            sharing = sum(not _names_own_owners(draft, draft.body) for draft in drafts[:-1])
            sharing += not _names_own_owners(final, final.body[: len(final.body) - taken])
        out = []
        for position, (draft, block) in enumerate(zip(drafts, blocks, strict=True)):
            last_of_group = grouped and position == len(drafts) - 1
            if last_of_group:
                read = final_read
            else:
                read = self._from_lines(draft.number, block) if block else None
            own = read.owners if read is not None and not last_of_group else None
            if own is not None:
                self._style(draft.number, "lines", own)
            body = draft.body[: len(draft.body) - (len(block) if read else 0)]
            within = draft.body[: len(draft.body) - len(block)]
            for paragraph in within:  # a line of owners with text after it
                if is_label_line(paragraph.text):
                    self._unclear(draft.number, paragraph, "middle", paragraph.text)
            title, text = split_item(draft.heading, [p.text for p in body])
            item = Annotated(draft.number, draft.heading, title, text)
            last = body[-1] if body else draft.heading
            found = (own, read.where) if own is not None and read is not None else None
            due = read.due if read is not None else None
            written = self._from_parenthesis(item, last, found is not None, due is not None)
            if written is not None:
                if written.owners is not None:
                    found = written.owners, written.where
                due = due or written.due
            if found is None and shared is not None:
                found = shared
                form: OwnerForm = "group" if sharing == len(drafts) else "lines"
                self._style(draft.number, form, shared[0])
            self._within(item, last)
            if found is not None:
                self._take(item, *found)
            if due is not None:
                self._labelled(item, due)
            elif self.with_due and self.year is not None:
                self._due(item)
            out.append(item)
        return out

    def _from_lines(self, number: int, lines: list[Paragraph]) -> Found | None:
        """The owners and deadline of label lines, or None (said) when they are unclear:
        they stay in the item's text."""
        named = [paragraph.text for paragraph in lines if not is_deadline_line(paragraph.text)]
        labels = [paragraph.text for paragraph in lines if is_deadline_line(paragraph.text)]
        text = "，".join(paragraph.text for paragraph in lines)
        try:
            owners = read_owners("，".join(named)) if named else None
            if len(labels) > 1:
                raise Unclear("deadline")
            due = self._read_label(labels[0]) if labels else None
        except Unclear as unclear:
            self._unclear(number, lines[0], unclear.reason, text)
            return None
        return Found(owners, due, lines[0])

    def _read_label(self, label: str) -> LabelledDue:
        if self.year is None:  # import reports the missing year; nothing to read it in
            raise Unclear("deadline")
        return read_label(label, self.year)

    def _from_parenthesis(
        self, item: Annotated, last: Paragraph, has_owners: bool, has_due: bool
    ) -> Found | None:
        """The owners and deadline of the parenthesis that ends the item, taken out of its
        text; None when it names neither, or (said) cannot be read."""
        where = "text" if item.text else "title"
        text = getattr(item, where)
        span = trailing_parenthesis(text)
        if span is None:
            return None
        inside = text[span[0] + 1 : span[1] - 1]
        named, label = split_deadline(inside)
        if not names_owners(named) and label is None:
            return None
        if (has_owners and names_owners(named)) or (has_due and label is not None):
            self._unclear(item.number, last, "both", inside)
            return None
        try:
            if named and not names_owners(named):
                raise Unclear("names")
            owners = read_owners(named) if named else None
            due = self._read_label(label) if label is not None else None
        except Unclear as unclear:
            self._unclear(item.number, last, unclear.reason, inside)
            return None
        setattr(item, where, (text[: span[0]] + text[span[1] :]).rstrip())
        if owners is None:
            return Found(None, due, last)
        self._style(item.number, "verbs" if owners.form == "verbs" else "brackets", owners)
        # The first parenthesis found says which side of the item's last 。 they go: in
        # the text, it is what follows; in a title, the heading's 。 that ended it.
        heading = item.heading.text.strip()
        after = text[span[1] :] if where == "text" else heading[len(text) :]
        in_place = where == "text" or heading.startswith(text)
        if self.owners == 0 and in_place and after.startswith("。"):
            assert self.style is not None
            self.style = self.style.model_copy(update={"before_full_stop": True})
        return Found(owners, due, last)

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

    def _style(self, number: int, form: OwnerForm, owners: Owners) -> None:
        """The plan's style is the first one its document uses; its co-owners' label the
        first one written (a default until then)."""
        # Lines after an item and after a group are one way of writing: (a) and (e).
        self.forms.append((number, "lines" if form == "group" else form))
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
        # A deadline label that is no date leaves the item without a due.
        code, key = (
            ("due_none", "import.due_unclear")
            if reason == "deadline"
            else ("owners_unclear", "import.owners_unclear")
        )
        self.notes.append((code, t(key, line=where.line, number=number, why=why, text=text)))

    def _labelled(self, item: Annotated, due: LabelledDue) -> None:
        """A deadline label's date is the item's due (`完成时限：无`: it has none)."""
        if due.date is None:
            return
        assert self.year is not None  # a label is read only in a year
        self._dated(item, due.date, due.text)

    def _due(self, item: Annotated) -> None:
        assert self.year is not None
        found = prose_due(item.title + "\n" + item.text, self.year)
        values = {"number": item.number, "line": item.heading.line}
        if found.why == "several":
            message = t("import.due_several", phrases=found.phrase, **values)
        elif found.why is not None:
            message = t(f"import.due_{found.why}", phrase=found.phrase, **values)
        elif found.date is not None:
            self._dated(item, found.date, found.phrase)
            return
        else:
            return
        self.notes.append(("due_none", message))

    def _dated(self, item: Annotated, date: dt.date, phrase: str) -> None:
        assert self.year is not None
        item.fields["due"] = date
        self.deadlines += 1
        shown = date.strftime("%m-%d") if date.year == self.year else date.isoformat()
        values = {"number": item.number, "date": shown, "phrase": phrase}
        self.taken.append(("due", t("import.due", **values)))


def _owner_lines(draft: Draft) -> list[Paragraph]:
    """The lines of owners that end an item's body."""
    count = 0
    for paragraph in reversed(draft.body):
        if not is_label_line(paragraph.text):
            break
        count += 1
    return draft.body[len(draft.body) - count :] if count else []


def _names_owners(block: list[Paragraph]) -> bool:
    """Whether an item's label lines name owners (not only its deadline)."""
    return any(not is_deadline_line(paragraph.text) for paragraph in block)


def _set_apart(drafts: list[Draft]) -> bool:
    """Whether a blank line sets the group's last item apart from the others, and no blank
    line sets the others apart: the lines after it are its own, not the group's."""
    return drafts[-1].heading.after_blank and not any(
        draft.heading.after_blank for draft in drafts[:-1]
    )


def _names_own_owners(draft: Draft, body: list[Paragraph]) -> bool:
    """Whether an item's own parenthesis names its owners, as the annotator reads it."""
    title, text = split_item(draft.heading, [paragraph.text for paragraph in body])
    inside = split_deadline(_inside(text or title))[0]
    if not names_owners(inside):
        return False
    try:
        read_owners(inside)
    except Unclear:
        return False
    return True


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
