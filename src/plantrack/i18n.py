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
    # --- end of writing commands
    #
    # --- lint and schema: add keys below this line
    # --- end of lint and schema
    #
    # --- documents (import, render, init): add keys below this line
    "doc.too_large": (
        "the document is larger than {limit} MB; a plan document is never this large",
        "文档超过 {limit} MB；工作要点文档不会这么大",
    ),
    "doc.is_dir": ("is a folder, not a document", "是文件夹，不是文档"),
    "doc.word97": (
        "this is a Word 97–2003 .doc file; save it as .docx or as text (.txt) and import that",
        "这是 Word 97–2003 的 .doc 文件；请另存为 .docx 或纯文本（.txt）后再导入",
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
        "no section headings found: a plan needs sections 一、二、… each on a line of its own",
        "没有找到部分标题：计划需要独占一行的“一、二、……”部分标题",
    ),
    "import.item_before_section": (
        "item {marker} comes before the first section heading (一、…); every item belongs to a section",
        "事项 {marker} 出现在第一个部分标题（一、……）之前；每个事项都必须属于某个部分",
    ),
    "import.subheading": (
        "{marker} is a sub-heading in a section whose items are numbered 1. 2. …; a plan has only sections and items: make it a section heading or remove it",
        "{marker} 是以 1. 2. …… 编号的部分中的小标题；计划只有部分和事项两级：请改为部分标题或删除",
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
        "section {marker} has no items (1. 2. … or （一） （二） …)",
        "部分 {marker} 没有事项（1. 2. …… 或 （一） （二） ……）",
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
        "the document has {count} table(s); import reads paragraphs only, so their text is not in the plan",
        "文档含有 {count} 个表格；导入只读取段落，表格中的文字没有进入计划",
    ),
    "import.header": (
        "Imported from {source} by plantrack import.",
        "由 plantrack import 从 {source} 导入。",
    ),
    "import.done": (
        "wrote {path}: {sections} sections, {items} items, read from {source} as {encoding}",
        "已写入 {path}：{sections} 个部分，{items} 个事项，读取自 {source}（{encoding}）",
    ),
    "import.done_stdout": (
        "{sections} sections, {items} items, read from {source} as {encoding}",
        "{sections} 个部分，{items} 个事项，读取自 {source}（{encoding}）",
    ),
    "write.exists": (
        "{path} already exists; give --force to overwrite it, or -o to write elsewhere",
        "{path} 已存在；用 --force 覆盖，或用 -o 写到别处",
    ),
    "write.no_folder": ("folder {folder} does not exist", "文件夹 {folder} 不存在"),
    "write.failed": ("cannot write {path}: {reason}", "无法写入 {path}：{reason}"),
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
        "Write the plan back as a document: plain text, or Markdown with each item's tracking fields.",
        "把计划写回为文档：纯文本，或附有各项跟踪信息的 Markdown。",
    ),
    "help.render_format": ("Document format.", "文档格式。"),
    "help.render_output": ("Write to this file instead of stdout.", "写入该文件而不是标准输出。"),
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
    # --- end of documents
}
