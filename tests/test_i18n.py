"""The catalogue: every message in both languages, with the same blanks to fill."""

from __future__ import annotations

import string

import pytest
from conftest import Environment

from plantrack import i18n


def blanks(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("key", sorted(i18n.CATALOGUE))
def test_every_message_has_both_languages_with_the_same_blanks(key: str) -> None:
    english, chinese = i18n.CATALOGUE[key]
    assert english.strip() and chinese.strip()
    assert blanks(english) == blanks(chinese)


def test_a_message_is_said_in_the_language_of_the_run(environment: Environment) -> None:
    assert i18n.t("item.unknown_empty", number=7) == "there is no item 7; this plan has no items"
    environment(PLANTRACK_LANG="zh")
    assert i18n.t("item.unknown_empty", number=7) == "没有第 7 项；本计划没有事项"


def test_the_status_words_are_the_models_words() -> None:
    from plantrack.model import CHINESE_STATUS

    for status, chinese in CHINESE_STATUS.items():
        assert i18n.CATALOGUE[f"status.{status.value}"] == (status.value, chinese)


@pytest.mark.slow
def test_no_key_is_written_twice_in_the_catalogue() -> None:
    # A dict literal keeps the last of two equal keys silently: one message would vanish.
    import ast
    import collections
    import inspect

    tree = ast.parse(inspect.getsource(i18n))
    (catalogue,) = [
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.AnnAssign)
        and isinstance(node.target, ast.Name)
        and node.target.id == "CATALOGUE"
    ]
    assert isinstance(catalogue, ast.Dict)
    keys = collections.Counter(ast.literal_eval(key) for key in catalogue.keys if key is not None)
    assert [key for key, count in keys.items() if count > 1] == []
