"""plans/2022.yaml holds the seed document exactly: every section and item, character for character."""

from __future__ import annotations

import re

from conftest import DATA, PLAN_2022

from plantrack.numerals import section_numeral
from plantrack.reading import load as load_plan


def seed_lines() -> list[str]:
    # Whitespace at line ends is layout in the source, not text.
    text = (DATA / "seed-2022.txt").read_text(encoding="utf-8")
    return [line.rstrip() for line in text.splitlines() if line.strip()]


def test_plan_matches_the_seed_item_by_item() -> None:
    plan = load_plan(PLAN_2022).plan
    lines = seed_lines()
    assert plan.year == 2022
    assert plan.preamble == lines[0]
    expected_sections: list[tuple[str, list[str]]] = []
    for line in lines[1:]:
        heading = re.match(r"^([一二三四五六七八九十]+)、(.*)$", line)
        if heading:
            expected_sections.append((heading.group(1) + "、" + heading.group(2), []))
        else:
            expected_sections[-1][1].append(line)
    assert len(plan.sections) == len(expected_sections) == 6
    for index, (section, (heading, item_lines)) in enumerate(
        zip(plan.sections, expected_sections, strict=True)
    ):
        assert f"{section_numeral(index)}、{section.title}" == heading
        assert [f"{item.number}.{item.title}。{item.text}" for item in section.items] == item_lines
    numbers = [item.number for _, item in plan.items()]
    assert numbers == list(range(1, 20))


def test_plan_keeps_the_sources_own_slips_and_placeholders() -> None:
    plan = load_plan(PLAN_2022).plan
    # The preamble's “四个意识、 has no closing quotation mark in the source; it stays so.
    assert "“四个意识、坚定“四个自信”" in plan.preamble
    assert plan.preamble.count("XXX") == 1
    assert plan.roles == ["书记", "副书记", "组织委员", "宣传委员", "纪检委员", "青年委员"]
