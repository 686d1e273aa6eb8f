"""The plan's own words for an item's status, English with Chinese, and the synonyms people type."""

from __future__ import annotations

# The English word is what a plan file stores; the Chinese one is accepted as its equal.
STATUS_CHINESE: dict[str, str] = {
    "todo": "未开始",
    "doing": "进行中",
    "done": "已完成",
    "blocked": "受阻",
}

# Words offices use for a status, accepted on the command line only: in a file a status is
# one of the eight words above exactly, so that every plan reads the same.
STATUS_SYNONYMS: dict[str, str] = {
    "完成": "done",
    "已办结": "done",
    "办结": "done",
    "推进中": "doing",
    "正在推进": "doing",
    "未启动": "todo",
    "暂停": "blocked",
}
