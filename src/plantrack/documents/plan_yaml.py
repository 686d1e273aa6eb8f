"""A new plan file as YAML: a plan imported or carried over, or a commented skeleton to fill in."""

from __future__ import annotations

from plantrack.errors import PlantrackError
from plantrack.i18n import t
from plantrack.model import Plan


def yaml_scalar(value: str) -> str:
    """`value` as a YAML scalar that reads back as exactly `value`: plain when it can be,
    else single-quoted, else double-quoted (the only style that can hold a line break)."""
    from plantrack.yaml_text import scalar

    return scalar(value)


def new_plan_yaml(
    plan: Plan, header: list[str] | None = None, comments: list[str] | None = None
) -> str:
    """A new plan file in the style of the committed plans: one scalar per line, block lists.

    `header` is written as comments; `comments` are comment lines written as they are.
    Of the tracking fields a new plan has only those its document wrote: owners and due.
    """
    from plantrack.model import ITEM_KEYS
    from plantrack.yaml_text import flow

    out = [*(comments or []), *(f"# {line}" for line in header or [])]
    out.append(f"title: {yaml_scalar(plan.title)}")
    out.append(f"year: {plan.year}")
    if plan.preamble:
        out.append(f"preamble: {yaml_scalar(plan.preamble)}")
    if plan.roles:
        out.append("roles:")
        out.extend(f"  - {yaml_scalar(role)}" for role in plan.roles)
    if plan.owner_style:
        style = plan.owner_style.model_dump(exclude_defaults=True)
        out.append(f"owner_style: {flow(style)}")
    out.append("sections:" if plan.sections else "sections: []")
    written: dict[tuple[str, str], str] = {}
    for section in plan.sections:
        items = "items:" if section.items else "items: []"
        if section.title is None:  # a flat plan's one section
            out.append(f"  - {items}")
        else:
            out += [f"  - title: {yaml_scalar(section.title)}", f"    {items}"]
        for item in section.items:
            fields = item.model_dump(include=_WRITTEN, exclude_defaults=True)
            for position, key in enumerate(key for key in ITEM_KEYS if key in fields):
                value = written.get((key, str(fields[key])))
                if value is None:
                    value = flow(fields[key]) if key in _FLOW else yaml_scalar(fields[key])
                if key in _REPEATED:
                    # Owners repeat from item to item, and checking that a scalar reads
                    # back costs a YAML load: each is written once.
                    written[(key, str(fields[key]))] = value
                out.append(f"{'      - ' if position == 0 else '        '}{key}: {value}")
    return "\n".join(out) + "\n"


# The item fields a new plan may have, and those written as YAML values of their own type.
_WRITTEN = {"number", "subsection", "title", "text", "owner", "co_owners", "owner_groups", "due"}
_FLOW = {"number", "co_owners", "due"}
_REPEATED = {"owner", "co_owners", "owner_groups"}


def checked(path: str, text: str) -> Plan:
    """The plan `text` gives, when it loads without problems; otherwise PlantrackError."""
    from plantrack.reading import Source, check

    result = check(Source(path, text))
    loaded, problems = result.loaded, result.problems
    if problems or loaded is None:
        raise PlantrackError(problems=problems)
    return loaded.plan


def skeleton_yaml(year: int) -> str:
    """A commented plan to fill in: it loads as it is, with one section and one item."""
    lines = [
        f"# {t('init.skeleton_intro', year=year)}",
        f"# {t('init.skeleton_readme')}",
        f"title: {yaml_scalar(t('init.skeleton_title', year=year))}",
        f"year: {year}",
        f"# {t('init.skeleton_preamble')}",
        f"preamble: {yaml_scalar(t('init.skeleton_preamble_text', year=year))}",
        f"# {t('init.skeleton_roles')}",
        "# roles:",
        "#   - 书记",
        "#   - 组织委员",
        "#   - 宣传委员",
        "#   - 纪检委员",
        "sections:",
        f"  # {t('init.skeleton_sections')}",
        f"  - title: {yaml_scalar(t('init.skeleton_section'))}",
        "    items:",
        f"      # {t('init.skeleton_items')}",
        "      - number: 1",
        f"        title: {yaml_scalar(t('init.skeleton_item'))}",
        f"        text: {yaml_scalar(t('init.skeleton_text'))}",
    ]
    return "\n".join(lines) + "\n"
