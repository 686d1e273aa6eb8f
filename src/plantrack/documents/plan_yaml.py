"""A new plan file as YAML: a plan imported or carried over, or a commented skeleton to fill in."""

from __future__ import annotations

from plantrack.errors import PlantrackError
from plantrack.i18n import t
from plantrack.model import Plan


def yaml_scalar(value: str) -> str:
    """`value` as a YAML scalar that reads back as exactly `value`: plain when it can be,
    else single-quoted, else double-quoted (the only style that can hold a line break)."""
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

    def reads_back(candidate: str) -> bool:
        try:
            return bool(yaml.load(f"k: {candidate}\n", Loader=loader) == {"k": value})
        except yaml.YAMLError:
            return False

    # Tabs, line breaks and other invisible characters go double-quoted, escaped: YAML
    # readers disagree about some of them unquoted (libyaml takes a tab PyYAML refuses).
    if all(char.isprintable() or char == "\u3000" for char in value):
        if value and value[0] not in "&*!|>%@`'\"" and reads_back(value):
            return value
        single = "'" + value.replace("'", "''") + "'"
        if reads_back(single):
            return single
    double = yaml.safe_dump(value, default_style='"', allow_unicode=True, width=2**31 - 1)
    double = double.rstrip("\n").removesuffix("\n...")
    if not reads_back(double):  # pragma: no cover - YAML's own emitter is the last word
        raise ValueError(f"cannot write {value!r} as YAML")
    return double


def new_plan_yaml(plan: Plan, header: list[str] | None = None) -> str:
    """A new plan file in the style of the committed plans: one scalar per line, block lists.

    A new plan has no tracking fields, so none are written.
    """
    out = [f"# {line}" for line in header or []]
    out.append(f"title: {yaml_scalar(plan.title)}")
    out.append(f"year: {plan.year}")
    if plan.preamble:
        out.append(f"preamble: {yaml_scalar(plan.preamble)}")
    if plan.roles:
        out.append("roles:")
        out.extend(f"  - {yaml_scalar(role)}" for role in plan.roles)
    out.append("sections:" if plan.sections else "sections: []")
    for section in plan.sections:
        out.append(f"  - title: {yaml_scalar(section.title)}")
        out.append("    items:" if section.items else "    items: []")
        for item in section.items:
            out.append(f"      - number: {item.number}")
            out.append(f"        title: {yaml_scalar(item.title)}")
            if item.text:
                out.append(f"        text: {yaml_scalar(item.text)}")
    return "\n".join(out) + "\n"


def checked(path: str, text: str) -> Plan:
    """The plan `text` gives, when it loads without problems; otherwise PlantrackError."""
    from plantrack.loader import Source, check_source

    loaded, problems = check_source(Source(path, text))
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
