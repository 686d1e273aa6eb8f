"""The plan's own words for an item's status, English with Chinese, for the models and the catalogue."""

from __future__ import annotations

# The English word is what a plan file stores; the Chinese one is accepted as its equal.
STATUS_CHINESE: dict[str, str] = {
    "todo": "未开始",
    "doing": "进行中",
    "done": "已完成",
    "blocked": "受阻",
}
