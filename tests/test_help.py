"""Help wholly in the user's language, with argument names as the README writes them."""

from __future__ import annotations

from plantrack.cli import COMMANDS

CLICK_ENGLISH = [
    "Usage:",
    "Options:",
    "Commands:",
    "Arguments:",
    "[OPTIONS]",
    "COMMAND [ARGS]",
    "[required]",
    "[default:",
    "[env var:",
    "Show this message",
    "Install completion",
    "Show completion",
]
PYTHON_TYPES = ["<int>", "<str>", "<path>", "<bool>", "list[", "{", "NoneType", "..."]


def test_help_in_chinese_has_none_of_clicks_english(helps: dict[str, dict[str, str]]) -> None:
    for name, page in helps["zh"].items():
        found = [words for words in CLICK_ENGLISH if words in page]
        assert found == [], name
        assert page.startswith("用法：plantrack"), name


def test_help_names_arguments_as_the_readme_does(helps: dict[str, dict[str, str]]) -> None:
    for lang in ("en", "zh"):
        for name, page in helps[lang].items():
            found = [words for words in PYTHON_TYPES if words in page]
            assert found == [], (lang, name)
    en = helps["en"]
    assert en["note"].splitlines()[0] == "Usage: plantrack note [OPTIONS] N TEXT…"
    assert en["done"].splitlines()[0] == "Usage: plantrack done [OPTIONS] N…"
    assert en["lint"].splitlines()[0] == "Usage: plantrack lint [OPTIONS] [PATH…]"
    assert en["import"].splitlines()[0] == "Usage: plantrack import [OPTIONS] FILE"
    assert en["show"].splitlines()[0] == "Usage: plantrack show [OPTIONS] N…"
    assert "  -p, --plan PATH " in en["status"]
    assert "  -f, --format table|json " in en["status"]
    assert "[default: table]" in en["status"]
    assert "［默认：table］" in helps["zh"]["status"]
    assert "  N        事项编号。  ［必填］" in helps["zh"]["progress"]
    assert "  -h, --help  显示本帮助并退出。" in helps["zh"]["schema"]


def test_each_command_is_listed_with_a_whole_sentence(helps: dict[str, dict[str, str]]) -> None:
    for lang, end in (("en", "."), ("zh", "。")):
        listed = helps[lang][""].split("\n命令：\n" if lang == "zh" else "\nCommands:\n")[1]
        rows = dict(line.split(None, 1) for line in listed.splitlines() if line.strip())
        assert list(rows) == list(COMMANDS), lang
        for name, summary in rows.items():
            assert summary.endswith(end) and not summary.endswith("..."), (lang, name)
    # The names' column is as wide as the longest name (merge-driver).
    assert "  assign        Make an owner responsible for items.\n" in helps["en"][""]


def test_plantrack_alone_gives_its_help_on_stderr() -> None:
    from typer.testing import CliRunner

    from plantrack.cli import app

    result = CliRunner().invoke(app, [])
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr.startswith("Usage: plantrack [OPTIONS] COMMAND [ARGS]…\n")
    assert "\nCommands:\n" in result.stderr


def test_due_shows_its_numbers_and_its_date(helps: dict[str, dict[str, str]]) -> None:
    assert helps["en"]["due"].splitlines()[0] == "Usage: plantrack due [OPTIONS] N… [DATE]"
