"""The message catalogue: every sentence plantrack says, in English and in Chinese.

The language is chosen in plantrack.settings. Messages are translated where they are
made, as gettext's `_()` is used: this module is a base layer that any module may import.
"""

from __future__ import annotations

import string
from collections.abc import Iterable

from plantrack.settings import current
from plantrack.vocabulary import STATUS_CHINESE


def language() -> str:
    """The user's language, "en" or "zh" (see plantrack.settings)."""
    return current().language


def t(key: str, /, **values: object) -> str:
    """The message `key` in the user's language, filled with `values`."""
    en, zh = CATALOGUE[key]
    if language() != "zh":
        return en.format(**values) if values else en
    return _CHINESE_QUOTES.format(zh, **values) if values else zh


class _ChineseQuotes(string.Formatter):
    """`{name!r}` in a Chinese message: the value in Chinese quotation marks, “纪检委”,
    its control characters escaped as repr escapes them, so that none reaches the terminal."""

    def convert_field(self, value: object, conversion: str | None) -> object:
        if conversion != "r" or not isinstance(value, str):
            return super().convert_field(value, conversion)
        shown = repr(value)[1:-1].replace("\\'", "'")
        return f"“{shown}”"


_CHINESE_QUOTES = _ChineseQuotes()


# The status words as messages list them, from their one table.
_ENGLISH, _CHINESE = ", ".join(STATUS_CHINESE), ", ".join(STATUS_CHINESE.values())
_ENGLISH_ZH, _CHINESE_ZH = "、".join(STATUS_CHINESE), "、".join(STATUS_CHINESE.values())
_WORDS_EN = f"{_ENGLISH} ({_CHINESE})"
_WORDS_ZH = f"{_ENGLISH_ZH}（{_CHINESE_ZH}）"


def listing(words: Iterable[object]) -> str:
    """Words as a list in the user's language: `a, b` in English, `a、b` in Chinese."""
    return ("、" if language() == "zh" else ", ").join(map(str, words))


# key: (English, Chinese)
CATALOGUE: dict[str, tuple[str, str]] = {
    # reading a plan file
    "file.missing": ("no such file", "文件不存在"),
    "file.is_dir": ("is a folder, not a plan file", "是文件夹，不是计划文件"),
    "file.not_regular": (
        "is not a regular file (a pipe or a device?)",
        "不是普通文件（是管道或设备？）",
    ),
    "file.unreadable": ("cannot be read: {reason}", "无法读取：{reason}"),
    "file.too_large": (
        "the file is {size} bytes; plan files are at most {limit} MB",
        "文件大小为 {size} 字节，计划文件不能超过 {limit} MB",
    ),
    "file.empty": (
        "the file is empty; a plan needs at least title, year and sections",
        "文件为空；计划至少需要 title、year 和 sections",
    ),
    "file.nul": (
        "the file contains a NUL byte at offset {offset}; it is binary, not a YAML text",
        "文件在第 {offset} 字节处含有 NUL 字节；这是二进制文件，不是 YAML 文本",
    ),
    "file.not_utf8": (
        "the file is not UTF-8 (byte 0x{byte:02x} at offset {offset}); save it as UTF-8",
        "文件不是 UTF-8 编码（第 {offset} 字节为 0x{byte:02x}）；请另存为 UTF-8",
    ),
    "file.gbk": (
        "the file is not UTF-8 but looks like GBK (saved by an older Windows editor?);"
        " save it as UTF-8",
        "文件不是 UTF-8 编码，看起来是 GBK（可能是旧版 Windows 编辑器保存的）；请另存为 UTF-8",
    ),
    "file.utf32": (
        "the file is UTF-32 (it starts with a UTF-32 byte-order mark); save it as UTF-8",
        "文件是 UTF-32 编码（以 UTF-32 字节顺序标记开头）；请另存为 UTF-8",
    ),
    "file.utf16": (
        "the file is UTF-16; save it as UTF-8",
        "文件是 UTF-16 编码；请另存为 UTF-8",
    ),
    # YAML structure
    "yaml.syntax": ("YAML syntax error: {problem}", "YAML 语法错误：{problem}"),
    "yaml.too_deep": (
        "nesting deeper than {limit} levels; a plan file is never this deep",
        "嵌套超过 {limit} 层；计划文件不会这么深",
    ),
    "yaml.multiple_documents": (
        "a second YAML document starts here; a plan file holds exactly one",
        "这里开始了第二个 YAML 文档；一个计划文件只能有一个文档",
    ),
    "yaml.anchor": (
        "anchor &{name}: plan files do not use anchors and aliases; write the value out",
        "锚点 &{name}：计划文件不使用锚点和别名，请直接写出内容",
    ),
    "yaml.alias": (
        "alias *{name}: plan files do not use anchors and aliases; write the value out",
        "别名 *{name}：计划文件不使用锚点和别名，请直接写出内容",
    ),
    "yaml.tag": (
        "tag {tag} is not allowed in a plan file; remove it",
        "计划文件不允许使用标签 {tag}；请删除",
    ),
    "yaml.duplicate_key": (
        "duplicate key {key!r} (first at line {first_line}); keep one of them",
        "重复的键 {key!r}（首次出现在第 {first_line} 行）；只保留一个",
    ),
    "yaml.bad_key": (
        "a key must be a plain word, not a list or mapping",
        "键必须是简单的词，不能是列表或映射",
    ),
    "yaml.bad_date": (
        "impossible date {text!r}: {reason}",
        "不存在的日期 {text!r}：{reason}",
    ),
    "date.not_real": ("there is no such day", "没有这一天"),
    "date.bad_month": ("months run from 01 to 12", "月份应为 01 到 12"),
    "date.bad_day": ("month {month} has {days} days", "{month} 月只有 {days} 天"),
    "yaml.bad_value": ("cannot read value {text!r}: {reason}", "无法读取值 {text!r}：{reason}"),
    "yaml.not_mapping": (
        "the plan must be a mapping with title, year and sections, not {kind}",
        "计划必须是含有 title、year 和 sections 的映射，而不是{kind}",
    ),
    "yaml.no_document": (
        "the file holds no YAML document (only comments or blank lines)",
        "文件中没有 YAML 文档（只有注释或空行）",
    ),
    # schema
    "schema.missing": ("required key is missing", "缺少必填的键"),
    "schema.unknown_key": ("unknown key; allowed here: {allowed}", "未知的键；此处可用：{allowed}"),
    "schema.unknown_key_close": (
        "unknown key; did you mean {close}?",
        "未知的键；是不是 {close}？",
    ),
    "schema.expected": ("expected {expected}, got {got}", "应为{expected}，实际为 {got}"),
    "schema.too_small": ("must be at least {limit}, got {got}", "不能小于 {limit}，实际为 {got}"),
    "schema.too_large": ("must be at most {limit}, got {got}", "不能大于 {limit}，实际为 {got}"),
    "schema.empty": ("must not be empty", "不能为空"),
    "type.text": ("text", "文本"),
    "type.whole_number": ("a whole number", "整数"),
    "type.date": ("a date such as 2022-06-30", "日期（如 2022-06-30）"),
    "type.list": ("a list", "列表"),
    "type.mapping": ("a mapping of keys", "键值映射"),
    "type.pair": ("a pair [old, new]", "[旧值, 新值] 对"),
    "value.empty": ("an empty value", "空值"),
    "value.bool": (
        "{text} (YAML reads it as a yes/no value; quote it)",
        "{text}（YAML 会把它读成布尔值；请加引号）",
    ),
    "value.mapping": ("a mapping", "映射"),
    "value.list": ("a list", "列表"),
    "schema.duplicate_number": (
        "item number {number} is used twice (first at line {first_line}); numbers are unique"
        " across the plan",
        "事项编号 {number} 重复（首次出现在第 {first_line} 行）；编号在整个计划中必须唯一",
    ),
    # discovery
    "plan.none_found": (
        "no plan found: give --plan PATH, set PLANTRACK_PLAN, or run inside a folder that"
        " has plans/<year>.yaml",
        "找不到计划：请用 --plan 指定文件、设置 PLANTRACK_PLAN，或在含有 plans/<年份>.yaml 的目录中运行",
    ),
    "plan.empty_folder": (
        "{folder} holds no <year>.yaml plan file",
        "{folder} 中没有 <年份>.yaml 计划文件",
    ),
    # items
    "item.unknown": (
        "there is no item {number}; this plan has items {low}–{high}",
        "没有第 {number} 项；本计划的事项编号为 {low}–{high}",
    ),
    "item.unknown_empty": (
        "there is no item {number}; this plan has no items",
        "没有第 {number} 项；本计划没有事项",
    ),
    "section.unknown": (
        "there is no section {section}; this plan has sections {valid}",
        "没有第 {section} 部分；本计划的部分为 {valid}",
    ),
    "status.unknown": (
        "unknown status {value!r}; use one of " + _WORDS_EN,
        "未知状态 {value!r}；可用 " + _WORDS_ZH,
    ),
    # views
    **{f"status.{word}": (word, chinese) for word, chinese in STATUS_CHINESE.items()},
    "status.overdue": ("overdue", "逾期"),
    "status.overall": ("Overall", "总体"),
    "status.no_match": ("no item matches these filters", "没有符合筛选条件的事项"),
    "col.number": ("No.", "序号"),
    "col.title": ("Item", "工作任务"),
    "col.owner": ("Owner", "责任人"),
    "col.status": ("Status", "状态"),
    "col.progress": ("Progress", "进度"),
    "col.due": ("Due", "完成时限"),
    "col.log": ("Ledger", "台账"),
    "log.empty": ("no entries yet", "暂无记录"),
    "field.owner": ("owner", "责任人"),
    "field.status": ("status", "状态"),
    "field.progress": ("progress", "进度"),
    "field.due": ("due", "完成时限"),
    # usage errors (click's own words, said in plantrack's, in the user's language)
    "usage.try_help": ("Try '{command}' for help.", "运行 {command!r} 查看帮助。"),
    "usage.no_option": ("no such option: {name}", "没有选项 {name}"),
    "usage.did_you_mean": (" (did you mean {options}?)", "（是不是 {options}？）"),
    "usage.no_command": ("no such command '{name}'", "没有命令 {name!r}"),
    "usage.missing_command": (
        "a command is missing; plantrack -h lists them",
        "缺少命令；plantrack -h 列出所有命令",
    ),
    "usage.missing_argument": ("missing argument {name}", "缺少参数 {name}"),
    "usage.missing_option": ("missing option {name}", "缺少选项 {name}"),
    "usage.needs_value": ("option {name} needs a value", "选项 {name} 需要一个值"),
    "usage.takes_no_value": ("option {name} takes no value", "选项 {name} 不接受值"),
    "usage.extra": ("unexpected extra arguments ({name})", "多余的参数（{name}）"),
    "usage.not_integer": ("{name} must be a whole number", "{name} 必须是整数"),
    "usage.not_choice": (
        "{name}: {value!r} is not one of {choices}",
        "{name}：{value!r} 不是可选值 {choices} 之一",
    ),
    "usage.choice_separator": (", ", "、"),
    "usage.invalid": ("{name} has a value plantrack cannot use", "{name} 的值无效"),
    "usage.other": (
        "the command line is not right; -h shows how to write it",
        "命令行有误；-h 显示正确写法",
    ),
    # help
    "help.app": (
        "Keep an annual work plan (工作要点) as a YAML file in git and track it: owners, status, progress, deadlines and the ledger (台账).",
        "以 YAML 文件保存年度工作要点并纳入 git 管理，跟踪每项工作的责任人、状态、进度、完成时限和台账。",
    ),
    "help.version": ("Print plantrack's version and exit.", "显示 plantrack 版本并退出。"),
    "help.plan": (
        "The plan file (or a folder of <year>.yaml plans). Default: the plans/ folder of this directory or its nearest parent; this year's plan, else the latest. PLANTRACK_PLAN sets it too.",
        "计划文件（或存放 <年份>.yaml 的文件夹）。默认：当前目录或最近上级目录的 plans/ 文件夹中今年的计划，没有则取最新一年。也可用 PLANTRACK_PLAN 设置。",
    ),
    "help.format": ("Output format.", "输出格式。"),
    "help.status": (
        "Show the whole plan at a glance: items by section with owner, status, progress and deadline, and completion.",
        "一览整个计划：按部分列出各项工作的责任人、状态、进度、完成时限及完成率。",
    ),
    "help.show": (
        "Show one item in full: its text, tracking fields and ledger.",
        "显示一项工作的全部内容：正文、跟踪字段和台账。",
    ),
    "help.item_number": ("The item's number.", "事项编号。"),
    "help.filter_owner": ("Only the items of this owner.", "只显示该责任人的事项。"),
    "help.filter_status": (
        f"Only items with this status ({_ENGLISH} or {_CHINESE}); repeatable.",
        f"只显示该状态的事项（{_ENGLISH_ZH} 或 {_CHINESE_ZH}），可重复。",
    ),
    "help.filter_section": (
        "Only this section, by numeral (五) or number (5).",
        "只显示该部分，可用序号（五）或数字（5）。",
    ),
    "help.filter_overdue": (
        "Only overdue items (due before today and not done).",
        "只显示逾期事项（已过完成时限且未完成）。",
    ),
    # --- writing commands (assign, status, progress, note, due): add keys below this line
    "date.bad_iso": (
        "bad date {value!r}; write it as YYYY-MM-DD, e.g. 2022-06-30",
        "日期 {value!r} 无效；请写成 YYYY-MM-DD，如 2022-06-30",
    ),
    "date.bad_deadline": (
        "bad date {value!r}; write it as YYYY-MM-DD (2022-06-30) or as a deadline within {year}: 6月底, 6月30日前, 年底, 全年, 一季度, 第一季度末, 上半年, 下半年",
        "日期 {value!r} 无效；请写成 YYYY-MM-DD（如 2022-06-30），或写成 {year} 年内的时限：6月底、6月30日前、年底、全年、一季度、第一季度末、上半年、下半年",
    ),
    "edit.empty_owner": (
        "the owner is empty; give a role or a name",
        "责任人为空；请给出职务或姓名",
    ),
    "edit.empty_note": ("the note is empty; say what was done", "备注为空；请写明做了什么"),
    "edit.empty_reason": (
        "the reason is empty; say why the item is blocked",
        "原因为空；请写明受阻原因",
    ),
    "edit.empty_by": (
        "--by is empty; give the name of who records this",
        "--by 为空；请给出记录人姓名",
    ),
    "edit.no_author": (
        "cannot tell who records this (no git user.name, no login name); give --by NAME",
        "无法确定记录人（没有 git user.name，也没有登录名）；请用 --by 指定",
    ),
    "edit.bad_percent": (
        "bad percentage {value!r}; give a whole number from 0 to 100",
        "进度 {value!r} 无效；请给出 0 到 100 的整数",
    ),
    "edit.not_a_number": (
        "{value!r} is not an item number; give whole numbers such as 3 or 14",
        "{value!r} 不是事项编号；请给出整数，如 3 或 14",
    ),
    # --- arguments as people type them: item lists, words of a note, filters
    "edit.reversed_range": (
        "{value!r} is not a range of items; write the smaller number first, e.g. 3-5",
        "{value!r} 不是有效的事项范围；请先写较小的编号，如 3-5",
    ),
    "edit.dash_text": (
        "{value!r} looks like an option; to write a text that starts with '-', put -- before it: note N -- {value}",
        "{value!r} 看起来像选项；以“-”开头的文字请在前面加 --：note N -- {value}",
    ),
    "date.bad_day_form": (
        "bad date {value!r}; write it as 2022-03-15, 2022-3-15, 2022年3月15日 or 3月15日 (in {year})",
        "日期 {value!r} 无效；请写成 2022-03-15、2022-3-15、2022年3月15日 或 3月15日（{year} 年）",
    ),
    "status.close": (
        "unknown status {value!r}; did you mean {close}?",
        "未知状态 {value!r}；是不是 {close}？",
    ),
    "filter.owner_close": (
        "no item or role is {owner!r}; did you mean {close}?",
        "没有事项或职务为 {owner!r}；是不是 {close}？",
    ),
    "filter.owner_unknown": (
        "no item or role is {owner!r}; the owners are {owners}",
        "没有事项或职务为 {owner!r}；责任人有 {owners}",
    ),
    "edit.due_needs_date": (
        "give the item numbers and then a DATE, or --clear to remove the deadline",
        "请先给出事项编号，再给出日期；或用 --clear 清除完成时限",
    ),
    "edit.due_both": (
        "give either a DATE or --clear, not both",
        "日期和 --clear 只能二选一",
    ),
    "edit.owner_close": (
        "{owner!r} is not one of this plan's roles; did you mean {close}? (--new-role adds it to roles)",
        "{owner!r} 不在本计划的 roles 中；是不是 {close}？（用 --new-role 可将其加入 roles）",
    ),
    "edit.owner_unknown": (
        "{owner!r} is not one of this plan's roles ({roles}); --new-role adds it to roles",
        "{owner!r} 不在本计划的 roles（{roles}）中；用 --new-role 可将其加入 roles",
    ),
    "edit.changed": ("{path}: item {number}: {changes}", "{path}：第 {number} 项：{changes}"),
    "edit.noted": (
        "{path}: item {number}: ledger entry added",
        "{path}：第 {number} 项：已记入台账",
    ),
    "edit.unchanged": (
        "{path}: item {number}: already so; nothing to change",
        "{path}：第 {number} 项：已是如此，无需修改",
    ),
    "edit.role_added": ("{path}: roles: {role} added", "{path}：roles：已加入 {role}"),
    "edit.dry_run": ("dry run: nothing was written", "试运行：未写入任何内容"),
    "edit.future_date": (
        "--date {date} is after today ({today}); the ledger records what was done",
        "--date {date} 晚于今天（{today}）；台账只记录已做的事",
    ),
    "write.locked": (
        "the plan is being changed by another plantrack (waited {seconds} s for {lock}); try again",
        "计划正被另一个 plantrack 修改（已等待 {seconds} 秒，锁文件 {lock}）；请稍后重试",
    ),
    "write.failed": (
        "cannot write {path}: {reason}; the file is unchanged",
        "无法写入 {path}：{reason}；文件未改动",
    ),
    "write.lock_failed": (
        "cannot open the lock file {lock}: {reason}",
        "无法打开锁文件 {lock}：{reason}",
    ),
    "write.block_scalar": (
        "{field} is written as a block scalar (| or >); plantrack edits one-line values in place only: write it on one line",
        "{field} 写成了块标量（| 或 >）；plantrack 只能就地修改单行的值：请改写为一行",
    ),
    "write.block_scalar_at_end": (
        "{field} ends the file as a block scalar (| or >) with no newline after it; plantrack cannot add lines after it without changing it: end the file with a newline",
        "{field} 是位于文件末尾的块标量（| 或 >），且其后没有换行；plantrack 无法在其后添加内容而不改变它：请在文件末尾加一个换行",
    ),
    "write.cannot_edit": (
        "{field} is not a single value here; plantrack cannot change it in place",
        "{field} 在此不是单个值；plantrack 无法就地修改",
    ),
    "write.cannot_remove": (
        "{field} shares its line with another key; plantrack cannot remove it in place: put it on a line of its own",
        "{field} 与其他键写在同一行；plantrack 无法就地删除：请把它单独写成一行",
    ),
    "write.cannot_remove_first": (
        "{field} is the first key of its item and a comment or blank line comes before the next key; plantrack cannot remove it in place: put {field} on a line of its own, below the `-` line",
        "{field} 是该事项的第一个键，且其后的键之前有注释或空行；plantrack 无法就地删除：请把 {field} 单独写在 `-` 行之下",
    ),
    "write.explicit_key": (
        "{field} is written as an explicit key (? {field}) with no `:` for its value; plantrack cannot fill it in place: write {field}: VALUE on one line",
        "{field} 写成了显式键（? {field}），却没有表示值的 `:`；plantrack 无法就地填写：请写成一行 {field}: 值",
    ),
    "write.overlap": (
        "two changes fall on the same value; nothing was written",
        "两处修改落在同一个值上；未写入任何内容",
    ),
    "write.broken": (
        "the change would break the file ({problem}); nothing was written",
        "这次修改会使文件出错（{problem}）；未写入任何内容",
    ),
    "write.mismatch": (
        "{path}: the edited file would not hold exactly the intended change; nothing was written",
        "{path}：修改后的文件与预期的修改不完全一致；未写入任何内容",
    ),
    # the plan file, its lock and its folder while writing; arguments a write refuses
    "write.read_only": (
        "{path} is read-only; nothing was written: make it writable first ({fix})",
        "{path} 是只读文件；未写入任何内容：请先取消只读（{fix}）",
    ),
    "write.waiting": (
        "another plantrack is writing {path}; waiting for it to finish…",
        "另一个 plantrack 正在写入 {path}；正在等待它完成……",
    ),
    "edit.argument_not_utf8": (
        "{argument} is not valid UTF-8 text; give it as UTF-8 (check the terminal's encoding)",
        "{argument} 不是有效的 UTF-8 文本；请以 UTF-8 给出（检查终端的编码设置）",
    ),
    "edit.blocked_needs_note": (
        "say why the item is blocked: give --note REASON (as block takes --reason)",
        "请写明事项受阻的原因：用 --note 给出（如同 block 的 --reason）",
    ),
    "help.assign": (
        "Make OWNER responsible for items N…, with co-owners who share the work, e.g. plantrack assign 14 --to 纪检委员 --with 组织委员.",
        "指定事项的责任人（牵头）及配合人，如 plantrack assign 14 --to 纪检委员 --with 组织委员。",
    ),
    "help.unassign": (
        "Remove the owner of items N…, or with --with a co-owner.",
        "取消事项的责任人；用 --with 则取消配合人。",
    ),
    "help.start": ("Mark items N… as doing (进行中).", "将事项标记为进行中。"),
    "help.done": (
        "Mark items N… as done (已完成), progress 100.",
        "将事项标记为已完成，进度记为 100。",
    ),
    "help.block": (
        "Mark items N… as blocked (受阻), with the reason.",
        "将事项标记为受阻，并写明原因。",
    ),
    "help.reopen": (
        "Reopen items N… that are done or blocked: they are doing (进行中) again.",
        "重新打开已完成或受阻的事项：恢复为进行中。",
    ),
    "help.set_status": (
        "Set the status of items N…: todo, doing, done, blocked or 未开始, 进行中, 已完成, 受阻.",
        "设置事项状态：todo、doing、done、blocked 或 未开始、进行中、已完成、受阻。",
    ),
    "help.progress": (
        "Record item N's progress in percent (0–100).",
        "记录事项进度（0–100 的百分数）。",
    ),
    "help.note": (
        "Add a ledger entry to item N without changing anything else: what was done.",
        "为事项添加一条台账记录（不改动其他字段）：写明做了什么。",
    ),
    "help.due": (
        "Set the deadline of items: plantrack due N… DATE, where DATE is an ISO date (2022-06-30) or a phrase such as 6月底, 年底, 一季度, 上半年; plantrack due N… --clear removes it.",
        "设置事项的完成时限：plantrack due 编号… 日期，日期为 ISO 日期（2022-06-30）或 6月底、年底、一季度、上半年 等说法；plantrack due 编号… --clear 清除时限。",
    ),
    "help.item_numbers": ("The items' numbers.", "事项编号（可多个）。"),
    "help.to": (
        "The owner: a role from the plan's roles, or a name.",
        "责任人：计划 roles 中的职务，或姓名。",
    ),
    "help.new_role": (
        "Add the owner to the plan's roles when it is not there yet.",
        "责任人不在 roles 中时，将其加入 roles。",
    ),
    "help.by": (
        "Who records this in the ledger. Default: git's user.name, else the login name.",
        "台账记录人。默认：git 的 user.name，否则为登录名。",
    ),
    "help.entry_date": (
        "The ledger date, YYYY-MM-DD, for recording something done earlier. Default: today.",
        "台账日期（YYYY-MM-DD），用于补记之前完成的工作。默认：今天。",
    ),
    "help.note_option": ("A note for the ledger entry.", "台账记录的备注。"),
    "help.reason": (
        "Why the item is blocked (kept as the ledger note).",
        "受阻原因（记入台账备注）。",
    ),
    "help.dry_run": (
        "Print the change as a diff and write nothing.",
        "以 diff 形式显示将要做的修改，不写入文件。",
    ),
    "help.status_word": ("The new status.", "新状态。"),
    "help.percent": ("Progress in percent, 0–100.", "进度百分数，0–100。"),
    "help.note_text": ("What was done.", "做了什么。"),
    "help.due_args": (
        "The items' numbers, then the DATE (no DATE with --clear).",
        "事项编号，然后是日期（用 --clear 时不写日期）。",
    ),
    "help.clear": ("Remove the deadline.", "清除完成时限。"),
    "help.edit_format": (
        "What to print: text (messages on stderr) or json (one object on stdout).",
        "输出格式：text（提示信息写到标准错误）或 json（在标准输出写一个 JSON 对象）。",
    ),
    # --- end of writing commands
    #
    # --- lint and schema: add keys below this line
    "yaml.number_too_long": ("the number is too long", "数字过长"),
    "lint.number_order": (
        "item number {number} comes after {previous}; numbers should increase down the plan",
        "事项编号 {number} 排在 {previous} 之后；编号应自上而下递增",
    ),
    "lint.number_gap": (
        "item numbers jump from {previous} to {number} (missing: {missing})",
        "事项编号从 {previous} 跳到 {number}（缺少 {missing}）",
    ),
    "lint.number_start": (
        "the first item is numbered {number}; numbering starts at 1",
        "第一项的编号是 {number}；编号应从 1 开始",
    ),
    "lint.unknown_owner": (
        "owner {owner!r} is not in the plan's roles ({roles})",
        "责任人 {owner!r} 不在本计划的 roles 中（{roles}）",
    ),
    "lint.unknown_owner_close": (
        "owner {owner!r} is not in the plan's roles; did you mean {close}?",
        "责任人 {owner!r} 不在本计划的 roles 中；是不是 {close}？",
    ),
    "lint.due_year": (
        "due date {due} is outside the plan's year {year}",
        "完成时限 {due} 不在计划年度 {year} 内",
    ),
    "lint.done_progress": (
        "status is done but progress is {progress}; set progress to 100 or change the status",
        "状态为已完成，但进度为 {progress}；请把进度改为 100，或修改状态",
    ),
    "lint.complete_not_done": (
        "progress is 100 but status is {status}; set the status to done or lower the progress",
        "进度为 100，但状态为{status}；请把状态改为已完成，或调低进度",
    ),
    "lint.ledger_order": (
        "ledger entry dated {date} comes after one dated {previous}; the ledger runs oldest first",
        "台账记录日期 {date} 排在 {previous} 之后；台账应按日期从早到晚排列",
    ),
    "lint.ledger_future": (
        "ledger entry dated {date} is in the future (today is {today})",
        "台账记录日期 {date} 晚于今天（{today}）",
    ),
    "lint.unmatched_open": (
        "unmatched {mark}: no {partner} closes it",
        "不成对的 {mark}：后面没有对应的 {partner}",
    ),
    "lint.unmatched_close": (
        "unmatched {mark}: no {partner} opens it",
        "不成对的 {mark}：前面没有对应的 {partner}",
    ),
    "lint.read_as_bool": (
        "{raw} is read as the yes/no value {value}, not as text; quote it ('{raw}') if text is meant",
        "{raw} 会被读成布尔值 {value}，而不是文字；如果是文字，请加引号（'{raw}'）",
    ),
    "lint.read_as_number": (
        "{raw} is read as the number {value} (YAML reads a leading 0 as octal, 0x as hexadecimal, 0b as binary, 1:30 as base 60); write the number in plain decimal, or quote it",
        "{raw} 会被读成数字 {value}（YAML 把以 0 开头的数读作八进制，0x 为十六进制，0b 为二进制，1:30 为六十进制）；请写成普通十进制数，或加引号",
    ),
    "lint.no_path": ("no such file or folder: {path}", "文件或文件夹不存在：{path}"),
    "lint.no_files": (
        "no plan files (*.yaml, *.yml) in {paths}; nothing to check",
        "{paths} 中没有计划文件（*.yaml、*.yml）；无需检查",
    ),
    "lint.summary": (
        "{files} checked: {errors}, {warnings}",
        "已检查 {files}：{errors}，{warnings}",
    ),
    "lint.files_one": ("1 file", "1 个文件"),
    "lint.files_many": ("{count} files", "{count} 个文件"),
    "lint.errors_one": ("1 error", "1 个错误"),
    "lint.errors_many": ("{count} errors", "{count} 个错误"),
    "lint.warnings_one": ("1 warning", "1 个警告"),
    "lint.warnings_many": ("{count} warnings", "{count} 个警告"),
    "help.lint": (
        "Check plan files for errors and likely mistakes, one line per finding: path:line:col: severity CODE message. Exit status 0 without errors, 1 with errors (or warnings with --strict), 2 for a usage error.",
        "检查计划文件中的错误和可能的疏漏，每个问题一行：路径:行:列: 级别 代码 说明。无错误时退出状态为 0，有错误（或使用 --strict 时有警告）为 1，用法错误为 2。",
    ),
    "help.lint_paths": (
        "Plan files or folders (a folder means every *.yaml and *.yml in it). Default: the plans/ folder of this directory or its nearest parent.",
        "计划文件或文件夹（文件夹即其中所有 *.yaml 和 *.yml 文件）。默认：当前目录或最近上级目录的 plans/ 文件夹。",
    ),
    "help.lint_format": (
        "Output format: text, github (workflow commands; the default when GITHUB_ACTIONS=true), json or sarif (SARIF 2.1.0).",
        "输出格式：text、github（工作流命令；GITHUB_ACTIONS=true 时为默认）、json 或 sarif（SARIF 2.1.0）。",
    ),
    "help.lint_strict": ("Exit with status 1 on warnings too.", "有警告时也以状态 1 退出。"),
    "help.schema": (
        "Print the JSON Schema of the plan file format, for editors (yaml-language-server) and other tools.",
        "输出计划文件格式的 JSON Schema，供编辑器（yaml-language-server）和其他工具使用。",
    ),
    # what each finding code means and how to fix it (SARIF rules)
    "rule.unreadable": ("The file cannot be opened.", "文件无法打开。"),
    "fix.unreadable": ("Restore the file or its permissions.", "恢复文件或其读取权限。"),
    "rule.too-large": (
        "The file is larger than any plan (16 MB).",
        "文件超过计划文件的上限（16 MB）。",
    ),
    "fix.too-large": ("Check that the right file is named.", "确认文件名是否正确。"),
    "rule.encoding": (
        "The file is not UTF-8 (often GBK, saved by an older Windows editor).",
        "文件不是 UTF-8 编码（常见为旧版 Windows 编辑器保存的 GBK）。",
    ),
    "fix.encoding": ("Save the file as UTF-8.", "将文件另存为 UTF-8 编码。"),
    "rule.binary": (
        "The file contains NUL bytes: it is binary, not YAML text.",
        "文件含有 NUL 字节：是二进制文件，不是 YAML 文本。",
    ),
    "fix.binary": ("Use the plan's YAML file.", "请使用计划的 YAML 文件。"),
    "rule.empty": (
        "The file holds no plan: it is empty or has only comments.",
        "文件中没有计划：为空或只有注释。",
    ),
    "fix.empty": ("Write at least title, year and sections.", "至少写出 title、year 和 sections。"),
    "rule.syntax": ("YAML cannot read the file here.", "YAML 无法读取此处内容。"),
    "fix.syntax": (
        "Fix the quoting or indentation at the place named; indent with spaces only.",
        "修正所指位置的引号或缩进；缩进只用空格。",
    ),
    "rule.too-deep": (
        "Nesting deeper than any plan (64 levels).",
        "嵌套层数超过计划文件的上限（64 层）。",
    ),
    "fix.too-deep": ("The file is damaged or not a plan.", "文件已损坏或不是计划文件。"),
    "rule.multiple-documents": (
        "A second YAML document in one file.",
        "一个文件中有第二个 YAML 文档。",
    ),
    "fix.multiple-documents": ("Keep one plan per file.", "每个文件只放一个计划。"),
    "rule.anchor": (
        "An anchor (&name); plan files do not use them.",
        "锚点（&名称）；计划文件不使用锚点。",
    ),
    "fix.anchor": ("Write the value out.", "直接写出内容。"),
    "rule.alias": (
        "An alias (*name); plan files do not use them.",
        "别名（*名称）；计划文件不使用别名。",
    ),
    "fix.alias": ("Write the value out.", "直接写出内容。"),
    "rule.tag": (
        "A YAML tag (!!python/…, !!set, !custom) that would construct something.",
        "会构造对象的 YAML 标签（!!python/…、!!set、!自定义）。",
    ),
    "fix.tag": ("Remove the tag.", "删除该标签。"),
    "rule.duplicate-key": (
        "A key given twice in one mapping; YAML would keep only the last.",
        "同一映射中重复的键；YAML 只会保留最后一个。",
    ),
    "fix.duplicate-key": ("Keep one of them.", "只保留一个。"),
    "rule.bad-key": ("A list or mapping used as a key.", "用列表或映射作为键。"),
    "fix.bad-key": ("Use a plain word as the key.", "键请用简单的词。"),
    "rule.bad-date": (
        "A date that does not exist, such as 2022-02-30.",
        "不存在的日期，如 2022-02-30。",
    ),
    "fix.bad-date": ("Write a real date.", "写出正确的日期。"),
    "rule.bad-value": (
        "A value YAML cannot read, such as a number with thousands of digits.",
        "YAML 无法读取的值，如几千位的数字。",
    ),
    "fix.bad-value": ("Write the intended value.", "写出想要的值。"),
    "rule.not-mapping": (
        "The file is a list or a single value, not a plan mapping.",
        "文件是列表或单个值，而不是计划映射。",
    ),
    "fix.not-mapping": (
        "Start the plan with title:, year: and sections: at the left margin.",
        "计划应以顶格的 title:、year:、sections: 开头。",
    ),
    "rule.missing-key": ("A required key is missing.", "缺少必填的键。"),
    "fix.missing-key": ("Add the key to the mapping named.", "在所指映射中补上该键。"),
    "rule.unknown-key": ("A key the plan format does not have.", "计划格式中没有的键。"),
    "fix.unknown-key": ("Fix its spelling or remove it.", "修正拼写或删除。"),
    "rule.wrong-type": (
        "A value of the wrong kind (text for a number, a list for a mapping…).",
        "值的类型不对（应为数字却是文本、应为映射却是列表……）。",
    ),
    "fix.wrong-type": ("Write the kind of value named in the message.", "按提示写成正确类型的值。"),
    "rule.bad-status": (
        f"A status outside {_WORDS_EN}.",
        f"状态不在 {_WORDS_ZH}之内。",
    ),
    "fix.bad-status": ("Use one of the status words.", "使用规定的状态词。"),
    "rule.out-of-range": (
        "A number outside its range (progress 0–100, numbers from 1).",
        "数字超出范围（进度 0–100，编号从 1 开始）。",
    ),
    "fix.out-of-range": ("Write a number inside the range.", "写出范围内的数字。"),
    "rule.empty-text": ("Empty text where text is required.", "必填的文本为空。"),
    "fix.empty-text": ("Write the text, or remove the key.", "写出内容，或删除该键。"),
    "rule.schema": ("The file breaks the plan format.", "文件不符合计划格式。"),
    "fix.schema": ("Do as the message says.", "按提示修改。"),
    "rule.duplicate-number": ("Two items with the same number.", "两个事项编号相同。"),
    "fix.duplicate-number": (
        "Numbers are unique across the plan: renumber.",
        "编号在整个计划中唯一：请重新编号。",
    ),
    "rule.number-order": (
        "Item numbers do not increase down the plan.",
        "事项编号没有自上而下递增。",
    ),
    "fix.number-order": ("Put the items in order, or renumber them.", "调整事项顺序，或重新编号。"),
    "rule.number-gap": (
        "Item numbers skip a number, or do not start at 1.",
        "事项编号有跳号，或不是从 1 开始。",
    ),
    "fix.number-gap": ("Renumber, or add the missing items.", "重新编号，或补上缺少的事项。"),
    "rule.unknown-owner": (
        "An owner not listed in the plan's roles.",
        "责任人不在计划的 roles 名单中。",
    ),
    "fix.unknown-owner": (
        "Use a name from roles, or add the owner to roles.",
        "使用 roles 中的名称，或把该责任人加入 roles。",
    ),
    "rule.due-outside-year": ("A due date outside the plan's year.", "完成时限不在计划年度内。"),
    "fix.due-outside-year": ("Correct the date.", "修正日期。"),
    "rule.done-progress": (
        "Status done with progress under 100.",
        "状态为已完成，但进度不足 100。",
    ),
    "fix.done-progress": (
        "Set progress to 100, or change the status.",
        "把进度改为 100，或修改状态。",
    ),
    "rule.complete-not-done": (
        "Progress 100 without status done.",
        "进度为 100，但状态不是已完成。",
    ),
    "fix.complete-not-done": (
        "Set the status to done, or lower the progress.",
        "把状态改为已完成，或调低进度。",
    ),
    "rule.ledger-order": ("Ledger entries out of date order.", "台账记录没有按日期排列。"),
    "fix.ledger-order": ("Keep the log oldest first.", "台账按日期从早到晚排列。"),
    "rule.ledger-future": ("A ledger entry dated in the future.", "台账记录的日期晚于今天。"),
    "fix.ledger-future": ("Correct the date.", "修正日期。"),
    "rule.unbalanced-punctuation": (
        "Paired punctuation (“” ‘’ 《》 （） 【】 「」) without its partner.",
        "成对标点（“” ‘’ 《》 （） 【】 「」）不成对。",
    ),
    "fix.unbalanced-punctuation": (
        "Add the missing mark, or remove the stray one.",
        "补上缺少的标点，或删除多余的标点。",
    ),
    "rule.read-as-bool": (
        "yes, no, on or off, which YAML reads as true or false.",
        "yes、no、on、off 会被 YAML 读成 true 或 false。",
    ),
    "fix.read-as-bool": ("Quote the word if it is text.", "如果是文字，请加引号。"),
    "rule.read-as-number": (
        "A number YAML reads in another base, such as 012 read as 10.",
        "YAML 按其他进制读取的数字，如 012 读作 10。",
    ),
    "fix.read-as-number": (
        "Write the number in plain decimal, or quote it.",
        "写成普通十进制数，或加引号。",
    ),
    # --- end of lint and schema
    #
    # --- documents (import, render, init): add keys below this line
    # --- import: Word's automatic numbering, files that are not documents, lines accounted for
    "import.word_list_missing": (
        "Word numbers this paragraph with list {list}, which the document does not define (numbering.xml), so its number is unknown; convert the numbers to text in Word (or save the document as .txt, which writes them out), then import",
        "此段由 Word 自动编号，使用第 {list} 号列表，但文档没有定义这个列表（numbering.xml），编号无从得知；请先在 Word 中把编号转换为文字（或另存为 .txt，编号会写入文字），再导入",
    ),
    "import.word_level_missing": (
        "Word numbers this paragraph at level {level} of list {list}, which the document does not define, so its number is unknown; convert the numbers to text in Word (or save the document as .txt, which writes them out), then import",
        "此段由 Word 自动编号，使用第 {list} 号列表的第 {level} 级，但文档没有定义这一级，编号无从得知；请先在 Word 中把编号转换为文字（或另存为 .txt，编号会写入文字），再导入",
    ),
    "import.word_format": (
        "Word numbers this paragraph with level {level} of list {list} in the number format {format}, which plantrack cannot write out; convert the numbers to text in Word (or save the document as .txt, which writes them out), then import",
        "此段由 Word 自动编号，第 {list} 号列表第 {level} 级的编号格式 {format} 无法转换为文字；请先在 Word 中把编号转换为文字（或另存为 .txt，编号会写入文字），再导入",
    ),
    "import.word_bad_value": (
        "Word numbers this paragraph with list {list}, whose {attribute} is {value}, not a number, so its number is unknown; convert the numbers to text in Word (or save the document as .txt, which writes them out), then import",
        "此段由 Word 自动编号，第 {list} 号列表的 {attribute} 为 {value}，不是数字，编号无从得知；请先在 Word 中把编号转换为文字（或另存为 .txt，编号会写入文字），再导入",
    ),
    "doc.web_page": (
        "this is a web page or XML file (as Word and WPS save them), not a document import can read; open it in Word or WPS, save it as .docx or as text (.txt) and import that",
        "这是网页或 XML 文件（Word、WPS 可以这样保存），导入无法读取；请在 Word 或 WPS 中打开，另存为 .docx 或纯文本（.txt）后再导入",
    ),
    "import.body_lines": (
        "sections and items from lines {first}–{last}",
        "部分和事项取自第 {first}–{last} 行",
    ),
    "import.joined": (
        "the text is hard-wrapped (as text taken from a PDF is): lines {lines} were each joined into one paragraph",
        "文本是硬换行的（如从 PDF 复制的文字）：第 {lines} 行已分别合并为一段",
    ),
    "import.left_out_imprint": (
        "line {line} (the copy-to or printing line that ends an official document) is not imported: {text}",
        "第 {line} 行（公文末尾的抄送或印发行）没有导入：{text}",
    ),
    # --- end of import: Word's automatic numbering …
    "doc.too_large": (
        "the file is {size} bytes; a plan document is at most {limit} MB",
        "文件大小为 {size} 字节，工作要点文档不能超过 {limit} MB",
    ),
    "doc.is_dir": ("is a folder, not a document", "是文件夹，不是文档"),
    "doc.not_regular": (
        "is not a regular file (a pipe or a device?); import reads a document saved as a file",
        "不是普通文件（是管道或设备？）；导入只读取保存为文件的文档",
    ),
    "doc.word97": (
        "this is a Word 97–2003 .doc file; save it as .docx or as text (.txt) and import that",
        "这是 Word 97–2003 的 .doc 文件；请另存为 .docx 或纯文本（.txt）后再导入",
    ),
    "doc.wps": (
        "this is a WPS Writer .wps file; in WPS, save it as .docx or as text (.txt) and import that",
        "这是 WPS 文字的 .wps 文件；请在 WPS 中另存为 .docx 或纯文本（.txt）后再导入",
    ),
    "doc.encrypted": (
        "this document is protected by a password (encrypted); open it in Word or WPS, remove the password, save it as .docx or as text (.txt) and import that",
        "这个文档设有密码（已加密）；请在 Word 或 WPS 中打开，取消密码，另存为 .docx 或纯文本（.txt）后再导入",
    ),
    "doc.pdf": (
        "this is a PDF file, which import cannot read; copy its text into a .txt file (or save it as .docx) and import that",
        "这是 PDF 文件，导入无法读取；请把其中的文字复制到 .txt 文件（或另存为 .docx）后再导入",
    ),
    "doc.rtf": (
        "this is an RTF file; save it as .docx or as text (.txt) and import that",
        "这是 RTF 文件；请另存为 .docx 或纯文本（.txt）后再导入",
    ),
    "doc.image": (
        "this is an image, not text; copy or type the plan's text into a .txt file (or a .docx) and import that",
        "这是图片，不是文字；请把工作要点的文字复制或录入到 .txt 文件（或 .docx）后再导入",
    ),
    "doc.too_many_parts": (
        "the .docx holds {count} parts (at most {limit}); it is not a plan document",
        "该 .docx 含有 {count} 个部件（最多 {limit} 个）；它不是工作要点文档",
    ),
    "doc.part_too_large": (
        "the .docx part {part} would unpack to {size} bytes (at most {limit} MB); it is not a plan document",
        "该 .docx 的部件 {part} 解压后为 {size} 字节（最多 {limit} MB）；它不是工作要点文档",
    ),
    "doc.archive_too_large": (
        "the .docx would unpack to {size} bytes (at most {limit} MB); it is not a plan document",
        "该 .docx 解压后为 {size} 字节（最多 {limit} MB）；它不是工作要点文档",
    ),
    "word.object": ("an embedded object", "一个嵌入对象"),
    "word.alt_chunk": ("an imported part (altChunk)", "一个导入的部件（altChunk）"),
    "import.unread": (
        "paragraph {paragraph}: {what} cannot be read as text and is not in the plan",
        "第 {paragraph} 段：{what} 无法作为文字读取，没有进入计划",
    ),
    "import.long_number": (
        "item number {marker} has {digits} digits; a plan's item numbers have at most {limit}",
        "事项编号 {marker} 有 {digits} 位数字；计划的事项编号最多 {limit} 位",
    ),
    "import.left_out_notice": (
        "line {line} (the notice the plan was sent with) is not imported: {text}",
        "第 {line} 行（印发计划的通知）没有导入：{text}",
    ),
    "import.left_out_title": (
        "line {line} (the document's title, replaced by --title) is not imported: {text}",
        "第 {line} 行（文档标题，已由 --title 替换）没有导入：{text}",
    ),
    "import.title_option": ("title from --title: {title}", "标题取自 --title：{title}"),
    "import.title_line": ("title from line {first}: {title}", "标题取自第 {first} 行：{title}"),
    "import.title_lines": (
        "title from lines {first}–{last}, joined: {title}",
        "标题取自第 {first}–{last} 行，已合并：{title}",
    ),
    "import.preamble_line": ("preamble from line {first}", "总体要求取自第 {first} 行"),
    "import.preamble_lines": (
        "preamble from lines {first}–{last}",
        "总体要求取自第 {first}–{last} 行",
    ),
    "import.year_from": ("year {year}, from {source}", "年份 {year}，取自{source}"),
    "import.year_option": ("--year", "--year"),
    "import.year_title": ("the title", "标题"),
    "import.year_preamble": ("the preamble", "总体要求"),
    "help.import_title": (
        "The plan's title. Default: the document's title line (two lines, the organisation's and the plan's name, joined).",
        "计划标题。默认：文档的标题行（分两行写的单位名称和计划名称合为一行）。",
    ),
    "import.from_tables": (
        "the document's text is all in tables; import read each cell's paragraphs in order",
        "文档的文字全部在表格中；导入按顺序读取了各单元格的段落",
    ),
    "doc.bad_utf16": (
        "the file starts with a UTF-16 byte-order mark but is not UTF-16 text",
        "文件以 UTF-16 字节顺序标记开头，但内容不是 UTF-16 文本",
    ),
    "doc.binary": (
        "the file contains a NUL byte at offset {offset}; it is not a text document (.txt) or a .docx",
        "文件在第 {offset} 字节处含有 NUL 字节；它不是纯文本文档（.txt），也不是 .docx",
    ),
    "doc.encoding": (
        "the text is neither UTF-8 nor GB18030/GBK (byte 0x{byte:02x} at offset {offset}); save it as UTF-8",
        "文本既不是 UTF-8 也不是 GB18030/GBK 编码（第 {offset} 字节为 0x{byte:02x}）；请另存为 UTF-8",
    ),
    "doc.no_docx": (
        "reading .docx needs python-docx, which is not installed",
        "读取 .docx 需要 python-docx，但它没有安装",
    ),
    "doc.not_docx": (
        "is a zip archive but not a Word document (.docx), or a damaged one",
        "是 zip 压缩文件，但不是 Word 文档（.docx），或者已损坏",
    ),
    "doc.bad_docx": ("cannot be read as a .docx: {reason}", "无法作为 .docx 读取：{reason}"),
    "doc.field": ("{label}: {value}", "{label}：{value}"),
    "doc.separator": (" · ", " · "),
    "import.no_sections": (
        "no section headings or items found: a plan needs sections 一、二、… each on a line of its own, or items 1. 2. …",
        "没有找到部分标题或事项：计划需要独占一行的“一、二、……”部分标题，或“1. 2. ……”事项",
    ),
    "import.item_before_section": (
        "item {marker} comes before the first section heading (一、…); every item belongs to a section",
        "事项 {marker} 出现在第一个部分标题（一、……）之前；每个事项都必须属于某个部分",
    ),
    "import.stray": (
        "cannot place this paragraph: it comes after section heading {section} and before the section's first item",
        "无法归属此段：它在部分标题 {section} 之后、该部分第一个事项之前",
    ),
    "import.no_year": (
        "no year (20xx) in the title or the preamble; give the plan's year with --year",
        "标题和总体要求中没有年份（20xx）；请用 --year 指定计划年份",
    ),
    "import.empty_heading": (
        "section heading {marker} has no title",
        "部分标题 {marker} 没有标题文字",
    ),
    "import.no_items": (
        "section {marker} has no items (1. 2. …, 1、 2、 …, １． ２． …, （一） （二） … or （1） （2） …)",
        "部分 {marker} 没有事项（1. 2. ……、1、 2、 ……、１． ２． ……、（一） （二） …… 或 （1） （2） ……）",
    ),
    "import.empty": ("the document is empty", "文档是空的"),
    "import.numeral": (
        "section heading {marker}、 has a numeral plantrack cannot read; sections are numbered 一 to 九百九十九",
        "部分标题 {marker}、 的序号无法识别；部分序号应为 一 至 九百九十九",
    ),
    "import.closing": (
        "lines {first}–{last} (the signature and date after the last item) are not imported: {text}",
        "第 {first}–{last} 行（最后一个事项之后的落款和日期）没有导入：{text}",
    ),
    "import.closing_date": (
        "line {first} (the date after the last item) is not imported: {text}",
        "第 {first} 行（最后一个事项之后的日期）没有导入：{text}",
    ),
    "write.from_plan": (
        "{path} is the plan --from reads; write the new plan to another file",
        "{path} 就是 --from 读取的计划；请把新计划写到其他文件",
    ),
    "import.no_title": ("item {marker} has no title", "事项 {marker} 没有标题"),
    "import.section_number": (
        "section heading {marker} is out of order; expected {expected}",
        "部分标题 {marker} 顺序不对；这里应为 {expected}",
    ),
    "import.first_number": (
        "the first item is numbered {marker}; expected {expected}",
        "第一个事项的编号是 {marker}；应为 {expected}",
    ),
    "import.section_start": (
        "item {marker} begins this section; expected {expected} (numbering on) or {restart} (numbering again)",
        "事项 {marker} 是本部分的第一项；应为 {expected}（接续编号）或 {restart}（重新编号）",
    ),
    "import.number_skip": (
        "item {marker} follows item {previous}; expected {expected}",
        "事项 {marker} 紧接在事项 {previous} 之后；应为 {expected}",
    ),
    "import.title_from_preamble": (
        "the document has no title line; the plan's title is taken from its preamble: {title}",
        "文档没有标题行；计划标题取自总体要求：{title}",
    ),
    "import.title_from_year": (
        "the document has no title line; the plan's title is: {title}",
        "文档没有标题行；计划标题定为：{title}",
    ),
    "import.renumbered": (
        "the document numbers its items differently; the plan numbers them {low}–{high} straight through (renumbered)",
        "文档中的事项编号与计划不同；计划中按 {low}–{high} 连续重新编号",
    ),
    "import.tables": (
        "the document has {count} table(s), after paragraph(s) {places}; import reads paragraphs only, so their text is not in the plan",
        "文档含有 {count} 个表格，位于第 {places} 段之后；导入只读取段落，表格中的文字没有进入计划",
    ),
    "import.list_separator": (", ", "、"),
    "import.header": (
        "Imported from {source} by plantrack import.",
        "由 plantrack import 从 {source} 导入。",
    ),
    "import.done": (
        "wrote {path}: {counts}, read from {source} as {encoding}",
        "已写入 {path}：{counts}，读取自 {source}（{encoding}）",
    ),
    "import.done_stdout": (
        "{counts}, read from {source} as {encoding}",
        "{counts}，读取自 {source}（{encoding}）",
    ),
    # ----- the counts of a new plan, as import says them (a flat plan has no sections)
    "import.counts": ("{sections}, {items}", "{sections}，{items}"),
    "import.counts_flat": ("{items}, no sections", "{items}，不分部分"),
    "import.sections": ("{count} sections", "{count} 个部分"),
    "import.sections_one": ("1 section", "1 个部分"),
    "import.items": ("{count} items", "{count} 个事项"),
    "import.items_one": ("1 item", "1 个事项"),
    # Said only when import found owners or deadlines in the items' text.
    "import.found": (
        "{counts} ({owners} with owners, {deadlines} with a deadline)",
        "{counts}（{owners} 个有责任单位，{deadlines} 个有完成时限）",
    ),
    "write.exists": (
        "{path} already exists; give --force to overwrite it, or -o to write elsewhere",
        "{path} 已存在；用 --force 覆盖，或用 -o 写到别处",
    ),
    "write.no_folder": (
        "folder {folder} does not exist; create it first, or give -o a file in a folder that exists",
        "文件夹 {folder} 不存在；请先建立该文件夹，或用 -o 指定已有文件夹中的文件",
    ),
    "document.write_failed": ("cannot write {path}: {reason}", "无法写入 {path}：{reason}"),
    "write.same_file": (
        "{path} is the plan itself; write the document to another file",
        "{path} 就是计划文件本身；请把文档写到其他文件",
    ),
    "render.done": ("wrote {path}", "已写入 {path}"),
    "year.range": (
        "the year must be between 1900 and 2200, got {year}",
        "年份必须在 1900 到 2200 之间，实际为 {year}",
    ),
    "init.done": ("wrote {path}", "已写入 {path}"),
    "init.done_from": (
        "wrote {path}: {sections} sections and {items} items from {source}, tracking fields and ledgers cleared",
        "已写入 {path}：从 {source} 复制 {sections} 个部分、{items} 个事项，跟踪字段和台账已清空",
    ),
    "init.done_from_stdout": (
        "{sections} sections and {items} items from {source}, tracking fields and ledgers cleared",
        "从 {source} 复制 {sections} 个部分、{items} 个事项，跟踪字段和台账已清空",
    ),
    "init.open_heading": (
        "{count} items of {year} are not done (listed on stdout); decide which to carry over",
        "{year} 年有 {count} 项工作未完成（见标准输出）；请决定哪些转入新一年",
    ),
    "init.open_heading_here": (
        "{count} items of {year} are not done; decide which to carry over:",
        "{year} 年有 {count} 项工作未完成；请决定哪些转入新一年：",
    ),
    "init.all_done": ("every item of {year} is done", "{year} 年的事项已全部完成"),
    "init.open_item": ("{number}. {title} — {details}", "{number}. {title}（{details}）"),
    "init.open_separator": (", ", "，"),
    "init.skeleton_intro": (
        "The plan for {year}: replace the example section and item with the plan's own.",
        "{year} 年工作要点：请把示例部分和事项换成实际内容。",
    ),
    "init.skeleton_readme": (
        'The keys are described in README.md, "The plan file".',
        "各个键的含义见 README.md 的“The plan file”一节。",
    ),
    "init.skeleton_title": ("Work plan {year}", "{year}年工作要点"),
    "init.skeleton_preamble": (
        "preamble: the general requirements (总体要求) before the first section.",
        "preamble：第一部分之前的总体要求。",
    ),
    "init.skeleton_preamble_text": (
        "The general requirements for {year} are: …",
        "{year}年工作的总体要求是：……",
    ),
    "init.skeleton_roles": (
        "roles: the owners this plan accepts (optional).",
        "roles：本计划可用的责任人（可选）。",
    ),
    "init.skeleton_sections": (
        "One entry per section 一、二、…, in order.",
        "每个部分一项，按一、二、……的顺序。",
    ),
    "init.skeleton_section": ("The first section", "第一部分标题"),
    "init.skeleton_items": (
        "Items are numbered 1, 2, … straight through the plan.",
        "事项编号在整个计划中从 1 起连续编排。",
    ),
    "init.skeleton_item": ("The first item", "第一项工作"),
    "init.skeleton_text": ("What is to be done.", "工作内容。"),
    # import: owners and deadlines written into the plan's text
    "import.owners_taken": (
        "item {number}: owner {owner}, co-owners {co_owners} (line {line})",
        "事项 {number}：牵头 {owner}，配合 {co_owners}（第 {line} 行）",
    ),
    "import.owner_taken": (
        "item {number}: owner {owner} (line {line})",
        "事项 {number}：牵头 {owner}（第 {line} 行）",
    ),
    "import.co_owners_taken": (
        "item {number}: co-owners {co_owners}, no lead named (line {line})",
        "事项 {number}：配合 {co_owners}，未写明牵头（第 {line} 行）",
    ),
    "import.owners_unclear": (
        "line {line}: the owners of item {number} stay in its text, {why}: {text}",
        "第 {line} 行：事项 {number} 的责任单位保留在正文中，{why}：{text}",
    ),
    "import.owners_why_labels": (
        "as its labels are not a lead's then the co-owners'",
        "因为其标签不是先牵头、后配合",
    ),
    "import.owners_why_verbs": (
        "as it is not written as X牵头，Y配合",
        "因为其写法不是“X牵头，Y配合”",
    ),
    "import.owners_why_names": (
        "as a name in it is empty or is not a name",
        "因为其中有空的或不像单位名称的名称",
    ),
    "import.owners_why_twice": ("as it names one twice", "因为其中有重复的名称"),
    "import.owners_why_both": (
        "as the lines after the item name its owners already",
        "因为事项后的单独行已写明责任单位",
    ),
    "import.owners_why_middle": (
        "as the item's text goes on after this line",
        "因为此行之后还有正文",
    ),
    "import.owners_why_within": (
        "as more of the item follows it",
        "因为其后还有事项的内容",
    ),
    "import.due": (
        "item {number}: due {date} from {phrase}",
        "事项 {number}：完成时限 {date}，取自“{phrase}”",
    ),
    "import.due_lasting": (
        "line {line}: item {number} has no deadline: {phrase} names no date",
        "第 {line} 行：事项 {number} 没有完成时限：“{phrase}”不是具体日期",
    ),
    "import.due_several": (
        "line {line}: item {number} is given no deadline: its text names several ({phrases})",
        "第 {line} 行：事项 {number} 未设完成时限：正文中有多个时限（{phrases}）",
    ),
    "import.due_bad": (
        "line {line}: item {number} is given no deadline: {phrase} is not a date",
        "第 {line} 行：事项 {number} 未设完成时限：“{phrase}”不是有效日期",
    ),
    "lint.owner_groups": (
        "owner_groups {groups} counts {counted} names, but the item has {names} owners and co-owners; render writes them in the usual groups",
        "owner_groups {groups} 共 {counted} 个名称，但事项有 {names} 个牵头和配合单位；render 将按常规分组书写",
    ),
    "schema.one_of": (
        "expected one of {allowed}, got {got}",
        "应为 {allowed} 之一，实际为 {got}",
    ),
    "schema.owner_groups": (
        "expected the number of names in each group, 等 after an open one, groups separated by ； (such as 2等；1), got {got}",
        "应为各组的单位数，开放的组后加“等”，组间以“；”分隔（如 2等；1），实际为 {got}",
    ),
    "help.import_no_due": (
        "Leave deadlines in the items' text alone (by default one deadline phrase in an item, such as 6月底前, becomes its due date).",
        "不读取正文中的完成时限（默认把事项正文中唯一的时限，如“6月底前”，作为其完成时限）。",
    ),
    "help.import": (
        "Read a plan document (.txt in UTF-8 or GBK, or .docx) and write it as a plan file.",
        "读取工作要点文档（UTF-8 或 GBK 编码的 .txt，或 .docx），写成计划文件。",
    ),
    "help.import_file": ("The document to import.", "要导入的文档。"),
    "help.import_output": (
        "Where to write the plan; - for stdout. Default: plans/<year>.yaml.",
        "计划写到哪里；- 表示标准输出。默认：plans/<年份>.yaml。",
    ),
    "help.import_year": (
        "The plan's year. Default: the first 20xx in the title or preamble.",
        "计划年份。默认：标题或总体要求中第一个 20xx。",
    ),
    "help.force": ("Overwrite the output file if it exists.", "输出文件已存在时覆盖。"),
    "help.render": (
        "Write the plan back as a document: plain text, Markdown, or a Word document in the official layout.",
        "把计划写回为文档：纯文本、Markdown，或公文格式的 Word 文档。",
    ),
    "help.render_format": (
        "Document format. Default: from the -o file's name (.docx Word, .md Markdown), else text.",
        "文档格式。默认：按 -o 文件名（.docx 为 Word，.md 为 Markdown），否则为纯文本。",
    ),
    "help.render_output": (
        "Write to this file instead of stdout (a Word document goes to stdout only when it is not a terminal).",
        "写入该文件而不是标准输出（Word 文档只在标准输出不是终端时才写到标准输出）。",
    ),
    "help.init": (
        "Start a year's plan: a commented skeleton, or a copy of last year's plan with tracking cleared.",
        "开始新一年的计划：带注释的模板，或清空跟踪信息后的上一年计划副本。",
    ),
    "help.init_year": ("The new plan's year.", "新计划的年份。"),
    "help.init_from": (
        "Copy sections, roles and items from this plan and list the items not done.",
        "从该计划复制部分、责任人和事项，并列出未完成的事项。",
    ),
    "help.init_output": (
        "Where to write the plan; - for stdout. Default: plans/<year>.yaml.",
        "计划写到哪里；- 表示标准输出。默认：plans/<年份>.yaml。",
    ),
    "help.report_format": (
        "text: messages on stderr; json: one object on stdout (not with -o -).",
        "text：信息写到标准错误；json：在标准输出写一个对象（不能与 -o - 同用）。",
    ),
    "report.json_stdout": (
        "--format json writes its report to stdout, where -o - would write the plan; give -o"
        " a file, or leave out --format json",
        "--format json 把结果写到标准输出，而 -o - 也要把计划写到那里；请用 -o 指定文件，"
        "或去掉 --format json",
    ),
    # --- end of documents
    # --- reading faults: limits, syntax hints, control characters, places
    "yaml.too_many_nodes": (
        "more than {limit:,} values; a plan file never has this many",
        "超过 {limit:,} 个值；计划文件不会有这么多",
    ),
    "yaml.too_many_keys": (
        "a mapping with more than {limit:,} keys; no mapping of a plan has more than ten",
        "一个映射超过 {limit:,} 个键；计划中的映射不会超过十个键",
    ),
    "yaml.syntax_begins": (
        "YAML syntax error: {problem} (noticed at {noticed})",
        "YAML 语法错误：{problem}（在{noticed}发现）",
    ),
    "yaml.noticed_at": ("line {line}, column {column}", "第 {line} 行第 {column} 列"),
    "yaml.noticed_at_end": ("the end of the file", "文件末尾"),
    "yaml.hint_quote": (
        "; close the quote opened at line {line}",
        "；请补上第 {line} 行开始的引号的另一半",
    ),
    "yaml.hint_colon": (
        "; write the key, an ASCII colon and a space, then the value (owner: 纪检委员),"
        " not a full-width colon ：, nor a space alone",
        "；键后写英文冒号和一个空格再写值（owner: 纪检委员），不要用中文冒号“：”，也不要只用空格",
    ),
    "yaml.hint_bracket": (
        "; close the {bracket} opened at line {line}",
        "；请补上第 {line} 行开始的 {bracket} 的另一半",
    ),
    "yaml.hint_colon_in_value": (
        "; quote a value that contains ': ' (text: '目标: 完成')",
        "；值中含有“: ”时请给整个值加引号（text: '目标: 完成'）",
    ),
    "yaml.control_character": (
        "control character {char} (U+{unicode}); YAML does not allow it in a file: delete it",
        "控制字符 {char}（U+{unicode}）；YAML 文件中不允许出现，请删除",
    ),
    "lint.control_character": (
        "control character {char} (U+{unicode}) in the text; it can change what a terminal"
        " or an editor shows: delete it",
        "文本中有控制字符 {char}（U+{unicode}），它会改变终端或编辑器显示的内容：请删除",
    ),
    "rule.control-character": (
        "A control character or a bidirectional override in the file.",
        "文件中有控制字符或双向文本控制符。",
    ),
    "fix.control-character": (
        "Delete the character; plan text needs none (a line break or a tab is fine).",
        "删除该字符；计划文本不需要它（换行和制表符没有问题）。",
    ),
    "lint.year_mismatch": (
        "the file is named {name} but the plan's year is {year}; rename the file or correct"
        " the year",
        "文件名为 {name}，但计划年份是 {year}；请改文件名或改正年份",
    ),
    "lint.ledger_outside_year": (
        "ledger entry dated {date} is outside the {year} plan's time (from {first} to {last})",
        "台账日期 {date} 不在 {year} 年计划的时间范围内（{first} 至 {last}）",
    ),
    "rule.year-mismatch": (
        "A plan file named for a year holds another year's plan.",
        "以年份命名的计划文件中是另一年的计划。",
    ),
    "fix.year-mismatch": (
        "Rename the file after the plan's year, or correct year:.",
        "按计划年份重命名文件，或改正 year:。",
    ),
    "rule.ledger-outside-year": (
        "A ledger entry dated before the plan's year or after the end of the next year.",
        "台账日期早于计划年度，或晚于下一年年底。",
    ),
    "fix.ledger-outside-year": (
        "Correct the date (a slip of the year is common in January).",
        "改正日期（一月份常把年份写错）。",
    ),
    "place.section": ("section {numeral}", "第{numeral}部分"),
    "place.item": ("item {number}", "第 {number} 项"),
    "place.item_at": ("the item in place {index}", "第 {index} 个事项"),
    "place.entry": ("ledger entry {index}", "台账第 {index} 条"),
    "place.role": ("roles, entry {index}", "roles 第 {index} 个"),
    # --- end of reading faults
    # --- merging (merge-driver, git-setup, leftover conflict markers): add keys below this line
    "help.merge_driver": (
        "Merge three versions of a plan file by meaning, as git's merge driver: ledgers are joined, a value changed on one side is taken, values changed differently get conflict markers around their lines only. Set up with `plantrack git-setup`.",
        "按内容合并计划文件的三个版本（git 合并驱动）：台账取并集，只在一方修改的值采用该方的值，双方改得不同的值只在其所在行加冲突标记。用 `plantrack git-setup` 设置。",
    ),
    "help.merge_base": (
        "The common ancestor's version (git's %O).",
        "共同祖先的版本（git 的 %O）。",
    ),
    "help.merge_ours": (
        "Our version (git's %A); the merged plan is written over it.",
        "我方版本（git 的 %A）；合并结果写回此文件。",
    ),
    "help.merge_theirs": ("Their version (git's %B).", "对方版本（git 的 %B）。"),
    "help.merge_path": (
        "The plan's name in the repository (git's %P), for messages.",
        "计划在仓库中的路径（git 的 %P），用于提示信息。",
    ),
    "help.git_setup": (
        "Make git merge plan files with plantrack: add the .gitattributes lines and set the merge driver in git's config.",
        "让 git 用 plantrack 合并计划文件：写入 .gitattributes 行，并在 git 配置中设置合并驱动。",
    ),
    "help.git_setup_global": (
        "Set the driver in your own git config (~/.gitconfig) instead of the repository's.",
        "在你自己的 git 配置（~/.gitconfig）中设置驱动，而不是仓库的配置。",
    ),
    "help.git_setup_check": (
        "Only say whether it is set; exit with status 1 when it is not.",
        "只检查是否已设置；未设置时以状态 1 退出。",
    ),
    "merge.side_invalid": (
        "{side} is not a valid plan ({problem})",
        "{side} 不是有效的计划（{problem}）",
    ),
    "merge.result_invalid": (
        "both sides' changes together do not make a valid plan ({problem})",
        "双方的修改合在一起不是有效的计划（{problem}）",
    ),
    "merge.unplaceable": (
        "cannot place this change by meaning: {part}",
        "无法按内容安放这一修改：{part}",
    ),
    "merge.cannot_remove": (
        "cannot remove this entry in place: it does not start its own `-` line",
        "无法原地删除此条目：它不在自己的 `-` 行上开始",
    ),
    "merge.cannot_copy": (
        "cannot copy their entry at this line of theirs: it does not start its own `-` line",
        "无法复制对方版本此行的条目：它不在自己的 `-` 行上开始",
    ),
    "merge.by_lines": (
        "{path}: {reason}; merged line by line, as git would",
        "{path}：{reason}；已按行合并（同 git 的做法）",
    ),
    "merge.conflict": (
        "{path}: conflict: {where} was changed differently on both sides; conflict markers mark it",
        "{path}：冲突：双方对 {where} 作了不同的修改；已用冲突标记标出",
    ),
    "merge.line_conflicts": (
        "{path}: {count} conflict(s) left by the line merge",
        "{path}：按行合并留下 {count} 处冲突",
    ),
    "merge.no_git": ("cannot run git: {reason}", "无法运行 git：{reason}"),
    "merge.line_merge_failed": ("git merge-file failed: {reason}", "git merge-file 失败：{reason}"),
    "git_setup.not_repository": (
        "{folder} is not in a git repository; run git-setup inside the repository that holds the plans",
        "{folder} 不在 git 仓库中；请在存放计划的仓库中运行 git-setup",
    ),
    "git_setup.unreadable": ("cannot read {path}: {reason}", "无法读取 {path}：{reason}"),
    "git_setup.failed": ("{command} failed: {reason}", "{command} 失败：{reason}"),
    "git_setup.pattern_added": (
        ".gitattributes: added {pattern} {attribute}",
        ".gitattributes：已添加 {pattern} {attribute}",
    ),
    "git_setup.pattern_missing": (
        ".gitattributes has no line {pattern} {attribute}",
        ".gitattributes 中没有 {pattern} {attribute} 这一行",
    ),
    "git_setup.config_set": ("{where}: set {key} = {value}", "{where}：已设置 {key} = {value}"),
    "git_setup.config_missing": (
        "git config has no {key} for plantrack",
        "git 配置中没有 plantrack 的 {key}",
    ),
    "git_setup.user_config": ("your git config", "你的 git 配置"),
    "git_setup.repository_config": ("the repository's git config", "仓库的 git 配置"),
    "git_setup.already_set": (
        "git already merges plan files with plantrack; nothing changed",
        "git 已用 plantrack 合并计划文件；未作任何修改",
    ),
    "git_setup.is_set": ("git merges plan files with plantrack", "git 已用 plantrack 合并计划文件"),
    "git_setup.not_set": (
        "git does not merge plan files with plantrack yet; run plantrack git-setup",
        "git 尚未用 plantrack 合并计划文件；请运行 plantrack git-setup",
    ),
    "git_setup.hint": (
        "run plantrack git-setup so that git merges this repository's plans by meaning",
        "请运行 plantrack git-setup，让 git 按内容合并本仓库的计划",
    ),
    "lint.merge_conflict": (
        "a merge conflict was left here: ours {ours}, theirs {theirs}; keep what is right and remove the marker lines (<<<<<<<, =======, >>>>>>>)",
        "此处留有合并冲突：我方 {ours}，对方 {theirs}；保留正确的内容并删除标记行（<<<<<<<、=======、>>>>>>>）",
    ),
    "lint.conflict_lines": ("lines {first}–{last}", "第 {first}–{last} 行"),
    "lint.conflict_line": ("line {first}", "第 {first} 行"),
    "lint.conflict_nothing": ("nothing", "无内容"),
    "rule.merge-conflict": (
        "Conflict markers from a merge are left in the file.",
        "文件中留有合并冲突标记。",
    ),
    "fix.merge-conflict": (
        "Keep the right side of each conflict and remove the <<<<<<<, ======= and >>>>>>> lines; run plantrack git-setup so that git merges plans by meaning.",
        "保留每处冲突中正确的一方，删除 <<<<<<<、=======、>>>>>>> 行；运行 plantrack git-setup，让 git 按内容合并计划。",
    ),
    # --- end of merging
    # --- process boundary: output faults, Ctrl-C, help's own words
    "process.stdout_failed": ("cannot write to stdout: {reason}", "无法写入标准输出：{reason}"),
    "os.permission": ("permission denied", "没有权限"),
    "os.missing": ("no such file or folder", "文件或文件夹不存在"),
    "os.full": ("the disk is full", "磁盘已满"),
    "os.read_only": ("the file system is read-only", "文件系统为只读"),
    "os.is_dir": ("it is a folder", "这是一个文件夹"),
    "os.not_dir": ("a part of the path is not a folder", "路径中有一部分不是文件夹"),
    "os.io": ("an input/output error", "读写出错"),
    "os.loop": ("too many symbolic links", "符号链接层级过多"),
    "os.name_too_long": ("the name is too long", "名称过长"),
    "os.busy": ("it is in use", "正被占用"),
    "os.closed": ("it is closed", "已关闭"),
    "process.interrupted": ("interrupted", "已中断"),
    "process.interrupted_not_written": (
        "interrupted; the plan was not written",
        "已中断；计划未写入",
    ),
    "process.interrupted_written": ("interrupted; {path} was written", "已中断；{path} 已写入"),
    "help.usage": ("Usage: ", "用法："),
    "help.options_metavar": ("[OPTIONS]", "[选项]"),
    "help.command_metavar": ("COMMAND [ARGS]…", "命令 [参数]…"),
    "help.arguments": ("Arguments:", "参数："),
    "help.options": ("Options:", "选项："),
    "help.commands": ("Commands:", "命令："),
    "help.required": ("required", "必填"),
    "help.default": ("default: {default}", "默认：{default}"),
    "help.env_var": ("env var: {var}", "环境变量：{var}"),
    "help.notes": ("[{notes}]", "［{notes}］"),
    "help.note_separator": ("; ", "；"),
    "help.help": ("Show this help and exit.", "显示本帮助并退出。"),
    "help.install_completion": (
        "Install completion for the current shell.",
        "为当前 shell 安装命令补全。",
    ),
    "help.show_completion": (
        "Show completion for the current shell, to copy it or customise the installation.",
        "显示当前 shell 的命令补全脚本，以便复制或自行安装。",
    ),
    # each command's line in the command list: a whole short sentence
    "summary.status": ("Show the whole plan at a glance.", "一览整个计划。"),
    "summary.show": ("Show one item in full.", "显示一项工作的全部内容。"),
    "summary.assign": ("Make an owner responsible for items.", "指定事项的责任人。"),
    "summary.unassign": ("Remove the owner of items.", "取消事项的责任人。"),
    "summary.start": ("Mark items as doing.", "将事项标记为进行中。"),
    "summary.done": ("Mark items as done.", "将事项标记为已完成。"),
    "summary.block": ("Mark items as blocked, with the reason.", "将事项标记为受阻并写明原因。"),
    "summary.reopen": ("Reopen items that are done or blocked.", "重新打开已完成或受阻的事项。"),
    "summary.set-status": ("Set the status of items.", "设置事项的状态。"),
    "summary.progress": ("Record an item's progress in percent.", "记录事项的进度百分数。"),
    "summary.note": ("Add a ledger entry to an item.", "为事项添加一条台账记录。"),
    "summary.due": ("Set or clear the deadline of items.", "设置或清除事项的完成时限。"),
    "summary.lint": ("Check plan files for mistakes.", "检查计划文件中的错误。"),
    "summary.schema": ("Print the JSON Schema of plan files.", "输出计划文件的 JSON Schema。"),
    "summary.import": ("Read a plan document into a plan file.", "把工作要点文档读成计划文件。"),
    "summary.render": ("Write the plan back as a document.", "把计划写回为文档。"),
    "summary.init": ("Start a year's plan.", "开始新一年的计划。"),
    "summary.merge-driver": (
        "Merge three versions of a plan file by meaning.",
        "按内容合并计划文件的三个版本。",
    ),
    "summary.git-setup": (
        "Make git merge plan files with plantrack.",
        "让 git 用 plantrack 合并计划文件。",
    ),
    # --- end of process boundary
    # --- reports: the plan as of a date, schedule standing, report, export, log, overview
    "help.as_of": (
        "Show the plan as it stood at the end of this day, rebuilt from the ledgers.",
        "显示该日结束时的计划状态（根据台账还原）。",
    ),
    "help.soon": (
        "Days before a due date that count as due soon.",
        "距完成时限多少天以内算作临期。",
    ),
    "help.filter_behind": (
        "Only the items behind schedule (overdue ones included).",
        "只显示滞后于序时进度的事项（含逾期事项）。",
    ),
    "help.filter_due_within": (
        "Only the items not done that are due within DAYS days.",
        "只显示 DAYS 天内到期且未完成的事项。",
    ),
    "col.schedule": ("Schedule", "序时"),
    "col.expected": ("Expected", "序时进度"),
    "standing.ahead": ("ahead", "超进度"),
    "standing.on_track": ("on track", "达进度"),
    "standing.behind": ("behind", "欠进度"),
    "standing.overdue": ("overdue", "逾期"),
    "standing.done": ("done", "已完成"),
    "standing.due_soon": ("due soon", "临期"),
    "status.as_of": ("as of {date}", "截至 {date}"),
    "history.unexplained": ("Not explained by the ledger", "台账未记录其来由"),
    "history.unexplained_items": (
        "? the ledger does not explain some values of items {numbers} on that day (edited by hand?)",
        "? 台账无法说明事项 {numbers} 在该日的部分数值（可能被手工修改）",
    ),
    "history.future": (
        "--as-of {date} is after today ({today}); the ledger cannot tell what has not happened yet",
        "--as-of {date} 晚于今天（{today}）；台账无法说明尚未发生的事",
    ),
    "summary.report": ("Write a period report of plans.", "撰写计划的阶段报告。"),
    "summary.export": ("Export the 台账 table of a plan.", "导出计划的工作台账。"),
    "summary.log": ("List the ledger across items by date.", "按日期列出各事项的台账记录。"),
    "summary.overview": ("Show one row per plan of many.", "多个计划每个一行地总览。"),
    "help.report": (
        "A period report: counts and completion, what was done, what lags and why, owners, changes.",
        "阶段报告：数量与完成率、完成事项、滞后事项及原因、责任人、本期变动。",
    ),
    "help.period": (
        "The period: 2022, 2022H1, 2022H2, 2022Q1 … 2022Q4 or 2022-05. Default: the plan's year.",
        "报告期：2022、2022H1、2022H2、2022Q1 … 2022Q4 或 2022-05。默认：计划年度。",
    ),
    "help.since": ("The first day of the period.", "报告期第一天。"),
    "help.until": ("The last day of the period.", "报告期最后一天。"),
    "help.report_plans": (
        "A plan file, or a folder of plans; may be given more than once.",
        "计划文件或存放计划的文件夹；可多次给出。",
    ),
    "help.period_report_format": ("Output format.", "输出格式。"),
    "help.report_output": (
        "Write to this new file instead of stdout (refused if it exists, unless --force).",
        "写入该新文件而不是标准输出（文件已存在时拒绝，除非给出 --force）。",
    ),
    "reports.no_path": ("{path}: no such file or folder", "{path}：文件或文件夹不存在"),
    "reports.no_plans": (
        "no plan files (named like 2022.yaml) under {paths}",
        "{paths} 下没有计划文件（文件名形如 2022.yaml）",
    ),
    "reports.binary_tty": (
        "this format is binary and stdout is a terminal; give -o FILE or redirect stdout",
        "该格式为二进制，标准输出是终端；请用 -o 指定文件或重定向标准输出",
    ),
    "period.unknown": (
        "unknown period '{value}'; use a year (2022), a half (2022H1, 2022H2), a quarter (2022Q1 … 2022Q4) or a month (2022-05)",
        "无法识别的报告期“{value}”；请用年度（2022）、半年（2022H1、2022H2）、季度（2022Q1 … 2022Q4）或月份（2022-05）",
    ),
    "period.both": (
        "give --period or --since/--until, not both",
        "--period 与 --since/--until 只能给出其一",
    ),
    "period.reversed": (
        "--since {since} is after --until {until}",
        "--since {since} 晚于 --until {until}",
    ),
    "period.outside": (
        "the period {period} lies outside the year of every plan ({years})",
        "报告期 {period} 不在任何计划的年度内（{years}）",
    ),
    "col.completion": ("Completion", "完成率"),
    "report.title": ("{title}: report for {period}", "{title}{period}执行情况报告"),
    "report.title_many": (
        "Report on {plans} plans for {period}",
        "{plans}个计划{period}执行情况报告",
    ),
    "report.span": ("Period {since} – {until}", "报告期 {since} 至 {until}"),
    "report.as_of": (
        "; the state at the end of {date}.",
        "；按 {date} 结束时的状态统计。",
    ),
    "report.total": ("All plans", "总体情况"),
    "report.col_plan": ("Plan", "计划"),
    "report.col_items": ("Items", "事项数"),
    "report.col_done": ("Done", "已完成"),
    "report.col_share": ("Share", "占比"),
    "report.col_section": ("Section", "部分"),
    "report.col_behind": ("Behind", "滞后"),
    "report.overall": ("Overall", "总体情况"),
    "report.overall_line": (
        "{items} items, {done} done ({done_share}); completion {completion}; {behind} behind schedule, {overdue} overdue.",
        "共 {items} 项，已完成 {done} 项（{done_share}），总体完成率 {completion}；欠进度 {behind} 项，逾期 {overdue} 项。",
    ),
    "report.sections": ("Sections", "各部分完成情况"),
    "report.completed": ("Completed in the period", "本期完成事项"),
    "report.in_progress": ("In progress", "正在推进的事项"),
    "report.lagging": ("Behind schedule and overdue", "滞后和逾期事项"),
    "report.blocked": ("Blocked", "受阻事项"),
    "report.owners": ("Owners", "责任人完成情况"),
    "report.changes": ("Changes in the period", "本期变动"),
    "report.changes_line": (
        "{entries} ledger entries on {items} items.",
        "台账记录 {entries} 条，涉及 {items} 项工作。",
    ),
    "report.unexplained": (
        "Not explained by the ledger (edited by hand?): items {items}.",
        "台账无法说明以下事项的部分数值（可能被手工修改）：{items}。",
    ),
    "report.unassigned": ("(no owner)", "（未分配）"),
    "report.none": ("None.", "无。"),
    "report.no_evidence": ("no ledger note in the period", "本期台账无记录说明"),
    "report.no_entry": ("no ledger entry", "无台账记录"),
    "report.no_note": ("(no note)", "（无说明）"),
    "report.progress_line": (
        "{item}, {progress}%; latest: {latest}",
        "{item}，{progress}%；最新：{latest}",
    ),
    "report.overdue_by": (
        "overdue by {days} days (due {due})",
        "逾期 {days} 天（完成时限 {due}）",
    ),
    "report.behind_by": (
        "{progress}% done, {expected}% expected",
        "完成 {progress}%，序时进度 {expected}%",
    ),
    "report.lagging_line": ("{item}: {where}; {reason}", "{item}：{where}；{reason}"),
    "report.blocked_line": ("{item}: {reason}", "{item}：{reason}"),
    "report.no_reason": ("NO REASON GIVEN", "未说明原因"),
    "help.export": (
        "The 台账 table, one row per item, for people outside plantrack: CSV, xlsx, Word, JSON or Markdown.",
        "导出工作台账（每项一行），供 plantrack 之外使用：CSV、xlsx、Word、JSON 或 Markdown。",
    ),
    "help.export_format": ("File format.", "文件格式。"),
    "export.title": ("{title}: ledger table", "{title}工作台账"),
    "export.col_number": ("No.", "序号"),
    "export.col_section": ("Section", "所属部分"),
    "export.col_title": ("Task", "工作任务"),
    "export.col_text": ("Details", "具体内容"),
    "export.col_owner": ("Owner", "责任人"),
    "export.col_due": ("Due", "完成时限"),
    "export.col_status": ("Status", "状态"),
    "export.col_progress": ("Progress", "进度"),
    "export.col_expected": ("Expected", "序时进度"),
    "export.col_latest": ("Latest progress", "最新进展"),
    "export.col_remarks": ("Remarks", "备注"),
    "export.overdue_days": ("overdue {days} days", "逾期 {days} 天"),
    "export.blocked": ("blocked: {reason}", "受阻：{reason}"),
    "export.separator": ("; ", "；"),
    "help.log": (
        "The ledger across items in date order (一事一记), filtered by dates, items, owner or author.",
        "按日期顺序列出各事项的台账记录（一事一记），可按日期、事项、责任人或记录人筛选。",
    ),
    "help.log_items": ("Only these items (repeatable).", "只列这些事项（可多次给出）。"),
    "help.log_owner": (
        "Only the items this owner leads or co-owns now.",
        "只列该责任人当前牵头或配合的事项。",
    ),
    "help.log_by": ("Only the entries recorded by NAME.", "只列 NAME 记录的条目。"),
    "log.title": ("{title}: ledger", "{title}台账记录"),
    "log.col_date": ("Date", "日期"),
    "log.col_number": ("No.", "序号"),
    "log.col_title": ("Item", "工作任务"),
    "log.col_owner": ("Owner", "责任人"),
    "log.col_by": ("By", "记录人"),
    "log.col_changes": ("Changes", "变更"),
    "log.col_note": ("Note", "说明"),
    "log.none": ("no ledger entries match", "没有符合条件的台账记录"),
    "help.overview": (
        "One row per plan under the paths (a committee's departments): counts and completion, with totals.",
        "路径下每个计划一行（如各部门的计划）：各项数量与完成率，并有合计。",
    ),
    "help.overview_paths": (
        "Plan files or folders to search (default: the current folder).",
        "要查找的计划文件或文件夹（默认：当前文件夹）。",
    ),
    "help.overview_year": ("Only the plans of this year.", "只列该年度的计划。"),
    "overview.title": ("Plans overview", "计划总览"),
    "overview.total": ("All plans ({plans})", "合计（{plans} 个计划）"),
    "overview.col_organisation": ("Organisation", "单位"),
    "overview.col_path": ("File", "文件"),
    "overview.col_title": ("Title", "标题"),
    "overview.col_year": ("Year", "年度"),
    "overview.col_items": ("Items", "事项数"),
    "overview.col_done": ("Done", "已完成"),
    "overview.col_doing": ("Doing", "进行中"),
    "overview.col_behind": ("Behind", "欠进度"),
    "overview.col_overdue": ("Overdue", "逾期"),
    "overview.col_blocked": ("Blocked", "受阻"),
    "overview.col_completion": ("Completion", "完成率"),
    "overview.col_error": ("Problem", "问题"),
    # --- end of reports
    # --- owners and co-owners, roles
    "edit.assign_nothing": (
        "give --to OWNER, --with CO-OWNER, or both",
        "请用 --to 给出责任人，或用 --with 给出配合人，或两者都给",
    ),
    "edit.lead_and_co_owner": (
        "{owner!r} is given as owner and as co-owner; an item's owner is not also its co-owner",
        "{owner!r} 既是责任人又是配合人；事项的责任人不再列为配合人",
    ),
    "help.with": (
        "A co-owner who shares the work (repeatable). With --to, the item's co-owners from now on; alone, added to those it has.",
        "配合人（可多次给出）。与 --to 同用时为事项此后的配合人；单独使用时加入已有的配合人。",
    ),
    "help.unassign_with": (
        "Remove this co-owner instead of the owner (repeatable).",
        "取消该配合人（可多次给出），责任人不变。",
    ),
    "field.co_owners": ("co-owners", "配合人"),
    "col.co_owners": ("Co-owners", "配合人"),
    "report.col_co_owned": ("Co-owned", "配合"),
    "export.owner_with": ("{owner} (with {co_owners})", "{owner}（配合：{co_owners}）"),
    "roles.exists": (
        "{role!r} is one of this plan's roles already",
        "{role!r} 已在本计划的 roles 中",
    ),
    "roles.empty": ("the role is empty; give its name", "职务为空；请给出名称"),
    "roles.none": (
        "this plan has no roles; plantrack roles add NAME… adds them",
        "本计划没有 roles；用 plantrack roles add 名称… 添加",
    ),
    "roles.unknown": (
        "{role!r} is not one of this plan's roles ({roles})",
        "{role!r} 不在本计划的 roles（{roles}）中",
    ),
    "roles.unknown_close": (
        "{role!r} is not one of this plan's roles; did you mean {close}?",
        "{role!r} 不在本计划的 roles 中；是不是 {close}？",
    ),
    "roles.in_use": (
        "{role!r} is named by items {numbers}; assign them to someone else first, or rename the role",
        "{role!r} 仍是第 {numbers} 项的责任人或配合人；请先改派这些事项，或将该职务改名",
    ),
    "roles.col_role": ("Role", "职务"),
    "roles.col_leads": ("Leads", "牵头"),
    "roles.col_co_owns": ("Co-owns", "配合"),
    "roles.not_in_roles": (
        "named by items but not among the roles:",
        "事项中出现但不在 roles 中：",
    ),
    "edit.role_removed": ("{path}: role {role!r} removed", "{path}：已从 roles 中删除 {role!r}"),
    "edit.role_renamed": (
        "{path}: role {old!r} renamed {new!r}",
        "{path}：职务 {old!r} 已改名为 {new!r}",
    ),
    "help.roles": (
        "List the plan's roles with how many items each leads and co-owns; roles add, remove and rename change them.",
        "列出计划的职务（roles）及各自牵头、配合的事项数；roles add、remove、rename 修改职务。",
    ),
    "help.roles_add": (
        "Add roles to the plan (a plan without roles gets the list).",
        "向计划添加职务（没有 roles 的计划会新建该列表）。",
    ),
    "help.roles_remove": (
        "Remove a role no item names.",
        "删除没有事项使用的职务。",
    ),
    "help.roles_rename": (
        "Rename a role, and every owner and co-owner who bears it (one ledger entry per item).",
        "职务改名，所有以其为责任人或配合人的事项随之改动（每项记一条台账）。",
    ),
    "help.role_names": ("The roles' names.", "职务名称（可多个）。"),
    "summary.roles": ("List and change the plan's roles.", "列出并修改计划的职务。"),
    "help.role_name": ("The role's name.", "职务名称。"),
    "help.role_old": ("The role's name now.", "职务现在的名称。"),
    "help.role_new": ("The role's new name.", "职务的新名称。"),
    # --- end of owners and co-owners, roles
    # --- three levels (一、 → （一） → 1.) and flat plans
    "import.stray_flat": (
        "cannot place this paragraph: it comes before the plan's first item",
        "无法归属此段：它在计划的第一个事项之前",
    ),
    "import.subsection_text": (
        "sub-heading {marker} has text of its own before its items; a plan keeps only a sub-heading's title: move the text into an item or remove it",
        "小标题 {marker} 在其事项之前有自己的正文；计划只保留小标题的标题：请把正文移入某个事项或删除",
    ),
    "import.empty_subheading": (
        "sub-heading {marker} has no title",
        "小标题 {marker} 没有标题文字",
    ),
    "import.subsection_start": (
        "item {marker} begins sub-section {subsection}; expected {expected} (numbering on) or {restart} (numbering again)",
        "事项 {marker} 是小标题 {subsection} 下的第一项；应为 {expected}（接续编号）或 {restart}（重新编号）",
    ),
    "import.part_number": (
        "{marker} is out of order; expected {expected}",
        "{marker} 顺序不对；这里应为 {expected}",
    ),
    "lint.untitled_section": (
        "a section without a title in a plan of {count} sections; only a plan without sections (one section) may leave its title out",
        "计划共有 {count} 个部分，其中此部分没有标题；只有不分部分的计划（仅一个部分）可以不写标题",
    ),
    "lint.subsection_split": (
        "item {number} is in sub-section '{subsection}' but not next to its other items; the items of a sub-section follow one another",
        "事项 {number} 属于小标题“{subsection}”，但与该小标题的其他事项不相邻；同一小标题的事项应当相邻",
    ),
    "rule.untitled-section": (
        "A section has no title in a plan of several sections.",
        "计划有多个部分，其中某部分没有标题。",
    ),
    "fix.untitled-section": (
        "Give the section its title (title: …), or make the plan one section.",
        "为该部分加上标题（title: …），或把计划合并为一个部分。",
    ),
    "rule.subsection-split": (
        "The items of a sub-section do not follow one another.",
        "同一小标题的事项没有相邻排列。",
    ),
    "fix.subsection-split": (
        "Move the item next to the other items of its sub-section, or correct its subsection.",
        "把该事项移到同一小标题的其他事项旁边，或改正其 subsection。",
    ),
    "import.body_lines_flat": (
        "items (no sections) from lines {first}–{last}",
        "事项（不分部分）取自第 {first}–{last} 行",
    ),
    "export.col_subsection": ("Sub-section", "所属小标题"),
    # --- end of three levels and flat plans
    # --- render as a Word document, and with each item's tracking state
    "help.render_with_status": (
        "After each item, a line of its owner, co-owners, status, progress and due date; for reading: import leaves these lines out.",
        "在每个事项后写一行责任人、配合人、状态、进度和完成时限；供阅读：导入时这些行不进入事项。",
    ),
    "render.text_as_docx": (
        "{path} is named .docx, but --format {format} writes text; give --format docx, or a name that does not end in .docx",
        "{path} 以 .docx 结尾，但 --format {format} 写出的是文本；请用 --format docx，或换一个不以 .docx 结尾的文件名",
    ),
    "import.tracking_line": (
        "line {lines} (an item's tracking state, as render --with-status writes it) is not imported",
        "第 {lines} 行（事项的跟踪信息，由 render --with-status 写出）没有导入",
    ),
    "import.tracking_lines": (
        "lines {lines} (the items' tracking state, as render --with-status writes it) are not imported",
        "第 {lines} 行（各事项的跟踪信息，由 render --with-status 写出）没有导入",
    ),
    # --- end of render as a Word document
    # --- the console: filters' did-you-mean, help's layout, completion
    "section.close": (
        "there is no section {section}; did you mean {close}?",
        "没有第 {section} 部分；是不是 {close}？",
    ),
    "section.titled": ("{numeral} ({title})", "{numeral}（{title}）"),
    # --- end of the console
    # --- documents: deadline labels beside the owners
    "import.owners_why_deadline": (
        "as its deadline label (完成时限：) is not one date",
        "因为其完成时限不是一个具体日期",
    ),
    "import.due_unclear": (
        "line {line}: item {number} is given no deadline, and its labels stay in its text, {why}: {text}",
        "第 {line} 行：事项 {number} 未设完成时限，其标注保留在正文中，{why}：{text}",
    ),
    "import.owner_mixed": (
        "item {items} writes its owners in another way than item {first}, the first with owners; the plan keeps item {first}'s, and render writes every item's owners that way",
        "事项 {items} 的责任单位写法与第一个写明责任单位的事项 {first} 不同；计划沿用事项 {first} 的写法，render 将按此写法书写所有事项的责任单位",
    ),
    "import.owners_mixed": (
        "items {items} write their owners in another way than item {first}, the first with owners; the plan keeps item {first}'s, and render writes every item's owners that way",
        "事项 {items} 的责任单位写法与第一个写明责任单位的事项 {first} 不同；计划沿用事项 {first} 的写法，render 将按此写法书写所有事项的责任单位",
    ),
    # --- end of documents: deadline labels
    # --- wording: a change as one line, the day of status
    # One field's change, and the mark between the changes of one entry, in each
    # language's punctuation.
    "change.field": ("{field}: {old} → {new}", "{field}：{old} → {new}"),
    "change.separator": ("; ", "；"),
    # The day a status is judged on, after the plan's title.
    "status.day": ("  ({day})", "（{day}）"),
    # --- end of wording
    # --- lint: what the owner-groups warning means and how to fix it
    "rule.owner-groups": (
        "An item's owner_groups count other names than the item has.",
        "事项的 owner_groups 所计名称数与其牵头和配合单位数不符。",
    ),
    "fix.owner-groups": (
        "Correct the counts, or remove owner_groups; render writes the usual groups meanwhile.",
        "改正各组计数，或删去 owner_groups；在此之前 render 按常规分组书写。",
    ),
    # --- end of lint: owner-groups
}
