"""The message catalogue: every sentence plantrack says, in English and in Chinese.

The language follows PLANTRACK_LANG, then the POSIX locale variables, then the
system locale (Windows sets no LANG). Anything starting with "zh" or naming
Chinese gives Chinese; everything else English.
"""

from __future__ import annotations

import os
from functools import cache


@cache
def language() -> str:
    for var in ("PLANTRACK_LANG", "LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = os.environ.get(var, "")
        if value:
            return "zh" if _is_chinese(value) else "en"
    try:
        import locale

        name = locale.getlocale()[0] or ""
    except (ValueError, TypeError):  # a malformed locale setting
        name = ""
    return "zh" if _is_chinese(name) else "en"


def _is_chinese(name: str) -> bool:
    lowered = name.lower()
    return lowered.startswith("zh") or "chinese" in lowered


def t(key: str, /, **values: object) -> str:
    """The message `key` in the user's language, filled with `values`."""
    en, zh = CATALOGUE[key]
    template = zh if language() == "zh" else en
    return template.format(**values) if values else template


# key: (English, Chinese)
CATALOGUE: dict[str, tuple[str, str]] = {
    # reading a plan file
    "file.missing": ("no such file", "文件不存在"),
    "file.is_dir": ("is a folder, not a plan file", "是文件夹，不是计划文件"),
    "file.unreadable": ("cannot be read: {reason}", "无法读取：{reason}"),
    "file.too_large": (
        "the file is {size} MB; plan files are at most {limit} MB",
        "文件大小 {size} MB，计划文件不能超过 {limit} MB",
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
    "file.utf16": (
        "the file is UTF-16 (it starts with a UTF-16 byte-order mark); save it as UTF-8",
        "文件是 UTF-16 编码（以 UTF-16 字节顺序标记开头）；请另存为 UTF-8",
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
        "unknown status {value!r}; use one of todo, doing, done, blocked"
        " (未开始, 进行中, 已完成, 受阻)",
        "未知状态 {value!r}；可用 todo、doing、done、blocked（未开始、进行中、已完成、受阻）",
    ),
    # views
    "status.todo": ("todo", "未开始"),
    "status.doing": ("doing", "进行中"),
    "status.done": ("done", "已完成"),
    "status.blocked": ("blocked", "受阻"),
    "status.overdue": ("overdue", "逾期"),
    "status.overall": ("Overall", "总体"),
    "col.number": ("No.", "序号"),
    "col.title": ("Item", "工作任务"),
    "col.owner": ("Owner", "责任人"),
    "col.status": ("Status", "状态"),
    "col.progress": ("Progress", "进度"),
    "col.due": ("Due", "完成时限"),
    "col.log": ("Ledger", "台账"),
    "log.empty": ("no entries yet", "暂无记录"),
    # help
    "help.app": (
        "Keep an annual work plan (工作要点) as a YAML file in git and track it: owners, status, progress, deadlines and the ledger (台账).",
        "以 YAML 文件保存年度工作要点并纳入 git 管理，跟踪每项工作的责任人、状态、进度、完成时限和台账。",
    ),
    "help.version": ("Print plantrack's version and exit.", "显示 plantrack 版本并退出。"),
    "help.plan": (
        "The plan file (or a folder of <year>.yaml plans). Default: the plans/ folder of this directory or its nearest parent; this year's plan, else the latest.",
        "计划文件（或存放 <年份>.yaml 的文件夹）。默认：当前目录或最近上级目录的 plans/ 文件夹中今年的计划，没有则取最新一年。",
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
        "Only items with this status (todo, doing, done, blocked or 未开始, 进行中, 已完成, 受阻); repeatable.",
        "只显示该状态的事项（todo、doing、done、blocked 或 未开始、进行中、已完成、受阻），可重复。",
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
    "write.locked": (
        "the plan is being changed by another plantrack (waited {seconds} s for {lock}); try again",
        "计划正被另一个 plantrack 修改（已等待 {seconds} 秒，锁文件 {lock}）；请稍后重试",
    ),
    "write.failed": (
        "cannot write {path}: {reason}; the file is unchanged",
        "无法写入 {path}：{reason}；文件未改动",
    ),
    "write.lock_failed": (
        "cannot create the lock file {lock}: {reason}",
        "无法创建锁文件 {lock}：{reason}",
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
    "help.assign": (
        "Make OWNER responsible for items N…, e.g. plantrack assign 14 --to 纪检委员.",
        "指定事项的责任人，如 plantrack assign 14 --to 纪检委员。",
    ),
    "help.unassign": ("Remove the owner of items N….", "取消事项的责任人。"),
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
    # --- end of writing commands
    #
    # --- lint and schema: add keys below this line
    # --- end of lint and schema
    #
    # --- documents (import, render, init): add keys below this line
    # --- end of documents
}
