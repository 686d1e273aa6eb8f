"""What comes before a plan's first section: the notice it was sent with, its title, its preamble.

A plan is often published inside a notice: the offices it is sent to (主送, `各科室：`), a
sentence that sends it (`现将《…》印发给你们，请…`), the sender and date, the document
number (`X发〔2031〕2号`) and a line on publication (`（此件主动公开）`). That is the
cover letter, not the plan: import leaves it out and names each of its lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from plantrack.documents.paragraphs import DATE, Paragraph
from plantrack.text import ends_sentence

_NOTICE = re.compile(r"现将.{0,80}印发|印发给你们|请.{0,30}(贯彻|落实|执行)|特此通知")
_NUMBER = re.compile(
    r".{1,24}[〔\[［【(（]\s*(?:19|20)[0-9０-９]{2}\s*[〕\]］】)）]\s*(?:第\s*)?[0-9０-９]+\s*号"
)
_PUBLICATION = re.compile(r"[（(]此件.{1,16}[）)]")
# The notice's own title (`关于印发《…》的通知`) and the sender's letterhead (`XX局文件`).
_NOTICE_TITLE = re.compile(r".{0,80}(?:印发|转发|下发).{1,80}通知")
_LETTERHEAD = re.compile(r".{2,30}文件")
# The notice's list of what it sends, or the mark above the plan it sends (`附件`, `附件2：…`).
_ATTACHMENT = re.compile(r"附\s*件\s*[0-9０-９一二三四五六七八九十]*\s*(?:[：:].{0,80})?")
# The imprint (版记) that ends an official document: the offices it is copied to, and the
# office that printed it with the date (`XX局办公室　2031年1月5日印发`).
_COPIED_TO = re.compile(r"抄\s*送\s*[：:].*")
_PRINTED = re.compile(r".{0,40}?\s*" + DATE.pattern + r"\s*印\s*发")
# The second line of a title in two lines is the plan's name: `2031年党建工作要点`.
_NAME = re.compile(r".*(要点|计划|方案|安排|任务|清单|意见|举措)")


@dataclass(slots=True)
class Front:
    """The front of a document as import reads it."""

    title: str = ""
    title_paragraphs: list[Paragraph] = field(default_factory=list)
    preamble: list[Paragraph] = field(default_factory=list)
    notice: list[Paragraph] = field(default_factory=list)  # left out of the plan


def read_front(paragraphs: list[Paragraph]) -> Front:
    """Split the paragraphs before the first section into notice, title and preamble.

    The title is the first line when it ends no sentence; when the next line does not
    either and names the plan (`…要点`, `…计划`) while the first does not, the title is
    in two lines, the organisation's and the plan's name, and is joined as one.
    """
    end = _notice_end(paragraphs)
    found = Front(notice=paragraphs[:end])
    rest = paragraphs[end:]
    taken: list[Paragraph] = []
    if rest and _title_like(rest[0]):
        taken = rest[:1]
        second = rest[1] if len(rest) > 1 else None
        if second is not None and _title_like(second) and not second.after_blank:
            names = _NAME.fullmatch(second.text) and not _NAME.fullmatch(rest[0].text)
            taken = rest[:2] if names else taken
    found.title_paragraphs = taken
    found.title = "".join(paragraph.text for paragraph in taken)
    # The notice may follow the plan's title instead (title, number, 主送, notice): it is
    # not the preamble's first lines.
    rest = rest[len(taken) :]
    end = _notice_end(rest) if taken else 0
    found.notice += rest[:end]
    found.preamble = rest[end:]
    return found


def _title_like(paragraph: Paragraph) -> bool:
    text = paragraph.text
    return len(paragraph.lines) == 1 and "。" not in text and not ends_sentence(text)


def _notice_end(paragraphs: list[Paragraph]) -> int:
    """How many paragraphs at the start are the notice: addressees, the sending sentence,
    sender and date, number and publication line, in any order, at least one of them
    unmistakable (a sender and a date alone may be the plan's own)."""
    end = 0
    certain = False
    for index, paragraph in enumerate(paragraphs):
        text = paragraph.text
        following = paragraphs[index + 1] if index + 1 < len(paragraphs) else None
        marked = (
            _NOTICE.search(text)
            or _NUMBER.fullmatch(text)
            or _PUBLICATION.fullmatch(text)
            or (len(paragraph.lines) == 1 and _NOTICE_TITLE.fullmatch(text))
            or (index == 0 and _LETTERHEAD.fullmatch(text))
            or _ATTACHMENT.fullmatch(text)
        )
        if marked or (index == 0 and _addressees(paragraph)):
            certain = True
        elif _addressees(paragraph) or _notice_title_start(paragraph, following):
            pass  # 主送 after the notice's title or number; a title's organisation line
        elif paragraph.kind == "date" or (following is not None and following.kind == "date"):
            if paragraph.kind != "date" and not is_signature(paragraph):
                break
        else:
            break
        end = index + 1
    return end if certain else 0


def _addressees(paragraph: Paragraph) -> bool:
    """`各科室、各基层党支部：`: the offices a notice is sent to, on a line of their own,
    named one by one or as one group (`机关各党支部：`, `市直各单位：`); not a preamble's
    lead-in (`……的总体要求是：`)."""
    text = paragraph.text
    one_line = len(paragraph.lines) == 1 and len(text) <= 80
    if not one_line or not text.endswith(("：", ":")) or "的" in text:
        return False
    names = re.split("[、，,；;]", text[:-1])
    named = all(0 < len(name) <= 20 and not name.endswith("是") for name in names)
    return named and ("各" in text or len(names) > 1)


def _notice_title_start(paragraph: Paragraph, following: Paragraph | None) -> bool:
    """The organisation's line of a notice's title in two lines (`中共XX局党组`, then
    `关于印发《…》的通知`)."""
    return (
        following is not None
        and is_signature(paragraph)
        and len(following.lines) == 1
        and bool(_NOTICE_TITLE.fullmatch(following.text))
        and not _NOTICE_TITLE.fullmatch(paragraph.text)
    )


def is_signature(paragraph: Paragraph) -> bool:
    """Whether a paragraph may be the line of the organisation that signs, before a date:
    one short line that is not a sentence."""
    text = paragraph.text
    short = len(paragraph.lines) == 1 and len(text) <= 40
    return (
        short
        and paragraph.kind == "text"
        and not ends_sentence(text)
        and not any(mark in text for mark in "。，；：:,;")
    )


# The last word of an organisation's name (an office, a committee, a government, a school…),
# perhaps followed by a bracketed part (`（盖章）`): a signature names one or more of them.
_ORGANISATION = re.compile(
    r"(?:委员会|委|党组|党委|党工委|支部|总支|机关|局|厅|办|室|政府|府|院|所|中心|公司|集团|部|处|科"
    r"|会|站|队|社|馆|校|学院|大学|小组|组|署|行|团|镇|乡|街道|社区|村)(?:[（(][^）)]{0,10}[）)])?$"
)


def is_organisation(text: str) -> bool:
    """Whether a line reads as the name of one or more organisations (`中共XX支部委员会`,
    `XX局　XX委`), as a signature does; a line of an item's text does not."""
    names = text.split()
    return bool(names) and all(
        len(name) >= 2 and _ORGANISATION.search(name) is not None for name in names
    )


def imprint(paragraphs: list[Paragraph]) -> list[Paragraph]:
    """The imprint at the end of a document (`抄送：…`, `…2031年1月5日印发`), in any order:
    it is the notice's, not the last item's."""
    end = len(paragraphs)
    while end > 0:
        paragraph = paragraphs[end - 1]
        printed = _COPIED_TO.fullmatch(paragraph.text) or _PRINTED.fullmatch(paragraph.text)
        if paragraph.kind != "text" or not printed:
            break
        end -= 1
    return paragraphs[end:]
