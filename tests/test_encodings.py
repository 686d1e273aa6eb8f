"""A plan saved in another encoding is named as what it is, not called binary."""

from __future__ import annotations

from pathlib import Path

import pytest

from plantrack.reading import check_file

CHINESE_PLAN = (
    "title: 二〇二二年工作要点\nyear: 2022\nsections:\n  - title: 政治建设\n    items:\n"
    "      - number: 1\n        title: 深入学习贯彻党的精神\n"
    "        text: 坚持把学习贯彻作为首要政治任务，推动各项工作落实落细，形成长效机制。"
    + "全面加强党的建设，扎实推进各项工作，确保取得实效。" * 4
    + "\n"
)


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_chinese_utf16_without_a_bom_is_named(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "2022.yaml"
    path.write_bytes(CHINESE_PLAN.encode(encoding))
    problems = check_file(path).problems
    assert [(p.line, p.column, p.code, p.message) for p in problems] == [
        (1, 1, "encoding", "the file is UTF-16; save it as UTF-8")
    ]


def test_a_nul_byte_in_utf8_text_is_still_binary(tmp_path: Path) -> None:
    path = tmp_path / "2022.yaml"
    path.write_bytes(CHINESE_PLAN.encode("utf-8") + b"\x00\x01\x02junk\x00")
    assert [p.code for p in check_file(path).problems] == ["binary"]
