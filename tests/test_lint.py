"""`plantrack lint`: which files, exit statuses, the four formats, and the warnings' logic."""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import shutil
from pathlib import Path

import pytest
from conftest import Environment
from typer.testing import CliRunner

from plantrack.cli import app
from plantrack.errors import Problem, Severity
from plantrack.lint import CODES, Report
from plantrack.lint.checks import unmatched_marks
from plantrack.render.findings import escape_data, escape_property, github_line, sarif, text_line
from plantrack.render.terminal import Stream

ROOT = Path(__file__).parent.parent
SEED = ROOT / "plans" / "2022.yaml"
CORPUS = Path(__file__).parent / "data" / "lint"
SEED_WARNING = "plans/2022.yaml:5:131: warning unbalanced-punctuation unmatched “: no ” closes it"

runner = CliRunner()


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A checkout with the seed plan in plans/, as the current directory."""
    (tmp_path / "plans").mkdir()
    shutil.copy(SEED, tmp_path / "plans" / "2022.yaml")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def lint(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["lint", *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


# --------------------------------------------------------------------------- files and status


def test_without_a_path_lint_checks_the_discovered_plans_folder(
    repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (repo / "docs").mkdir()
    monkeypatch.chdir(repo / "docs")
    status, out, err = lint()
    assert (status, out) == (0, "../" + SEED_WARNING + "\n")
    assert err == "plantrack: 1 file checked: 0 errors, 1 warning\n"


def test_warnings_alone_pass_and_fail_with_strict(repo: Path) -> None:
    assert lint("plans")[0] == 0
    assert lint("--strict", "plans")[0] == 1


def test_an_error_fails_and_comes_before_the_warnings(repo: Path) -> None:
    shutil.copy(CORPUS / "errors-and-warnings.yaml", repo / "plans" / "second.yml")
    status, out, err = lint()
    assert status == 1
    assert out.splitlines()[:3] == [
        SEED_WARNING,
        "plans/second.yml:10:9: error unknown-key section 一, item 1, stauts:"
        " unknown key; did you mean status?",
        "plans/second.yml:9:16: warning unknown-owner owner '宣传委员' is not in the plan's"
        " roles (书记)",
    ]
    assert err == "plantrack: 2 files checked: 1 error, 4 warnings\n"


def test_a_folder_means_its_yaml_files_and_a_file_is_taken_as_given(repo: Path) -> None:
    (repo / "plans" / "notes.txt").write_text("not a plan", encoding="utf-8")
    (repo / "plans" / "draft.yaml").write_text("title: x\n", encoding="utf-8")
    status, out, _ = lint("plans", "plans/notes.txt")
    assert status == 1
    assert [line.split(" ")[0] for line in out.splitlines()] == [
        "plans/2022.yaml:5:131:",
        "plans/draft.yaml:1:1:",
        "plans/draft.yaml:1:1:",
        "plans/notes.txt:1:1:",
    ]


def test_a_path_that_does_not_exist_is_a_usage_error(repo: Path) -> None:
    status, out, err = lint("plans/2021.yaml")
    assert (status, out) == (2, "")
    assert err == "plantrack: no such file or folder: plans/2021.yaml\n"


def test_no_plans_folder_anywhere_is_a_usage_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    status, _, err = lint()
    assert status == 2
    assert err.startswith("plantrack: no plan found")


def test_an_unknown_format_is_a_usage_error(repo: Path) -> None:
    assert lint("--format", "xml")[0] == 2


def test_a_folder_without_plans_has_nothing_to_check(repo: Path) -> None:
    (repo / "empty").mkdir()
    status, out, err = lint("empty")
    assert (status, out) == (0, "")
    assert err == "plantrack: no plan files (*.yaml, *.yml) in empty; nothing to check\n"
    (repo / "plans" / "2022.yaml").unlink()
    assert lint()[2] == "plantrack: no plan files (*.yaml, *.yml) in plans; nothing to check\n"


def test_a_file_given_twice_is_checked_once(repo: Path) -> None:
    _, out, err = lint("plans", "./plans/2022.yaml", "plans/../plans/2022.yaml")
    assert (out, err) == (SEED_WARNING + "\n", "plantrack: 1 file checked: 0 errors, 1 warning\n")


def test_chinese_messages(
    environment: Environment, repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:

    environment(PLANTRACK_LANG="zh")
    status, out, err = lint()
    assert status == 0
    assert (
        out
        == "plans/2022.yaml:5:131: warning unbalanced-punctuation 不成对的 “：后面没有对应的 ”\n"
    )
    assert err == "plantrack: 已检查 1 个文件：0 个错误，1 个警告\n"


def test_report_counts_and_owns_the_exit_status() -> None:
    report = Report()
    warning = Problem("p", 1, 1, "m", code="number-gap", severity=Severity.WARNING)
    report.add([warning])
    assert (report.files, report.errors, report.warnings, int(report.return_code)) == (1, 0, 1, 0)
    report.strict = True
    assert int(report.return_code) == 1
    report.strict = False
    report.add([Problem("q", 2, 3, "m", code="syntax", severity=Severity.ERROR), warning])
    assert (report.files, report.errors, report.warnings, int(report.return_code)) == (2, 1, 2, 1)


# --------------------------------------------------------------------------- formats


def test_github_format_is_the_default_inside_github_actions(
    repo: Path, environment: Environment
) -> None:
    environment(GITHUB_ACTIONS="true")
    expected = (
        "::warning file=plans/2022.yaml,line=5,col=131,title=unbalanced-punctuation"
        "::unmatched “: no ” closes it\n"
    )
    assert lint()[1] == expected
    assert lint("--format", "text")[1] == SEED_WARNING + "\n"


def test_github_escaping_follows_the_actions_toolkit() -> None:
    assert escape_data("100% done\r\nnext") == "100%25 done%0D%0Anext"
    assert escape_property("a:b,c%") == "a%3Ab%2Cc%25"
    finding = Problem("C:/plans,x.yaml", 3, 4, "a: b\nc", code="syntax", severity=Severity.ERROR)
    assert github_line(finding) == (
        "::error file=C%3A/plans%2Cx.yaml,line=3,col=4,title=syntax::a: b%0Ac"
    )
    unplaced = Problem(
        "gone.yaml", 0, 0, "no such file", code="unreadable", severity=Severity.ERROR
    )
    assert github_line(unplaced) == "::error file=gone.yaml,title=unreadable::no such file"


def test_text_line_without_a_position_and_in_colour() -> None:
    unplaced = Problem(
        "gone.yaml", 0, 0, "no such file", code="unreadable", severity=Severity.ERROR
    )
    plain = Stream(io.StringIO(), color=False)
    plain.write(text_line(unplaced))
    assert plain.file.getvalue() == "gone.yaml: error unreadable no such file\n"  # type: ignore[attr-defined]
    coloured = Stream(io.StringIO(), color=True)
    coloured.write(text_line(unplaced))
    assert "\x1b[1;31merror\x1b[0m" in coloured.file.getvalue()  # type: ignore[attr-defined]


def test_json_is_a_list_of_findings(repo: Path) -> None:
    shutil.copy(CORPUS / "duplicate-key.yaml", repo / "plans" / "second.yaml")
    shutil.copy(CORPUS / "bad-status.yaml", repo / "plans" / "third.yaml")
    status, out, _ = lint("--format", "json")
    assert status == 1
    assert json.loads(out) == [
        {
            "path": "plans/2022.yaml",
            "line": 5,
            "column": 131,
            "severity": "warning",
            "code": "unbalanced-punctuation",
            "message": "unmatched “: no ” closes it",
            "field": None,
        },
        {
            "path": "plans/second.yaml",
            "line": 9,
            "column": 9,
            "severity": "error",
            "code": "duplicate-key",
            "message": "duplicate key 'owner' (first at line 8); keep one of them",
            "field": None,
        },
        {
            "path": "plans/third.yaml",
            "line": 8,
            "column": 17,
            "severity": "error",
            "code": "bad-status",
            "message": "section 一, item 1, status: unknown status 'finished'; use one of todo,"
            " doing, done, blocked (未开始, 进行中, 已完成, 受阻)",
            "field": "sections[0].items[0].status",
        },
    ]


def test_json_of_a_clean_file_is_an_empty_list(repo: Path) -> None:
    (repo / "plans" / "2022.yaml").write_text(
        "title: 计划\nyear: 2022\nsections: []\n", encoding="utf-8"
    )
    status, out, err = lint("-f", "json", "--strict")
    assert (status, json.loads(out), err) == (
        0,
        [],
        "plantrack: 1 file checked: 0 errors, 0 warnings\n",
    )


def test_sarif_is_what_github_code_scanning_takes(repo: Path) -> None:
    shutil.copy(CORPUS / "duplicate-key.yaml", repo / "plans" / "second.yaml")
    status, out, _ = lint("--format", "sarif")
    assert status == 1
    log = json.loads(out)
    assert log["version"] == "2.1.0"
    assert log["$schema"].endswith("sarif-2.1.0.json")
    [run] = log["runs"]
    assert run["tool"]["driver"]["name"] == "plantrack"
    assert run["columnKind"] == "unicodeCodePoints"
    rules = run["tool"]["driver"]["rules"]
    assert [rule["id"] for rule in rules] == ["duplicate-key", "unbalanced-punctuation"]
    assert [rule["defaultConfiguration"]["level"] for rule in rules] == ["error", "warning"]
    assert rules[0]["shortDescription"] == {
        "text": "A key given twice in one mapping; YAML would keep only the last."
    }
    assert rules[0]["help"] == {"text": "Keep one of them."}
    second = run["results"][1]
    assert second == {
        "ruleId": "duplicate-key",
        "ruleIndex": 0,
        "level": "error",
        "message": {"text": "duplicate key 'owner' (first at line 8); keep one of them"},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": {"uri": "plans/second.yaml", "uriBaseId": "%SRCROOT%"},
                    "region": {"startLine": 9, "startColumn": 9},
                }
            }
        ],
    }


def test_sarif_uris_are_percent_encoded_and_unplaced_findings_point_at_line_one() -> None:
    finding = Problem(
        "plans/二〇二二 年.yaml", 0, 0, "m", code="unreadable", severity=Severity.ERROR
    )
    location = sarif([finding])["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == (
        "plans/%E4%BA%8C%E3%80%87%E4%BA%8C%E4%BA%8C%20%E5%B9%B4.yaml"
    )
    assert location["region"] == {"startLine": 1, "startColumn": 1}


def test_sarif_names_the_rule_of_an_owner_groups_warning() -> None:
    from plantrack.lint import lint_file

    findings = lint_file(str(CORPUS / "owner-groups.yaml"), dt.date(2022, 7, 1))
    [rule] = sarif(findings)["runs"][0]["tool"]["driver"]["rules"]
    assert rule["id"] == "owner-groups"
    assert rule["defaultConfiguration"] == {"level": "warning"}


# --------------------------------------------------------------------------- the checks


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("深刻领会“两个确立”", []),
        ("增强“四个意识、坚定“四个自信”", [(2, "“")]),
        ("学习《条例》（试行）】", [(10, "】")]),
        ("“《”》", []),  # interleaved kinds are matched each on its own
        ("‘引’号’", [(4, "’")]),
        ("「」「", [(2, "「")]),
    ],
)
def test_unmatched_marks(text: str, expected: list[tuple[int, str]]) -> None:
    assert unmatched_marks(text) == expected


def test_every_code_says_what_it_means_and_how_to_fix_it() -> None:
    from plantrack.i18n import CATALOGUE

    for code in CODES:
        for key in (f"rule.{code}", f"fix.{code}"):
            english, chinese = CATALOGUE[key]
            assert english and chinese, key


def test_every_code_has_a_severity() -> None:
    assert {severity.value for severity in CODES.values()} == {"error", "warning"}
    assert all(code == code.lower() and " " not in code for code in CODES)


# --------------------------------------------------------------------------- the pre-commit hook


def test_the_pre_commit_hook_runs_lint_on_plan_files() -> None:
    import re

    import yaml

    [hook] = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert (hook["id"], hook["entry"], hook["language"]) == (
        "plantrack-lint",
        "plantrack lint",
        "python",
    )
    files = re.compile(hook["files"])
    assert files.search("plans/2022.yaml")
    assert files.search("office/plans/2023.yml")
    assert not files.search(".pre-commit-hooks.yaml")
    assert not files.search("plans/archive/2019.yaml")


# --------------------------------------------------------------------------- help and README


def test_lint_and_schema_have_help_and_a_readme_entry() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for command in ("lint", "schema"):
        result = runner.invoke(app, [command, "--help"])
        assert result.exit_code == 0
        assert len(result.stdout.split("\n\n")[1].strip()) > 40  # the help sentence
        assert f"### `plantrack {command}" in readme


def test_every_code_has_a_readme_row_with_an_example_and_a_fix() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    rows = {
        line.split("|")[1].strip().strip("`"): line.split("|")[2:4]
        for line in readme.splitlines()
        if line.startswith("| `")
    }
    for code in CODES:
        example, fix = rows[code]
        assert example.strip() and fix.strip(), code


def warnings_of(text: str) -> list[tuple[int, int, str]]:
    import datetime as dt

    from plantrack.lint import lint_data

    head = "title: 计划\nyear: 2022\nsections: []\n"
    findings = lint_data("plan.yaml", (head + text).encode(), dt.date(2022, 7, 1))
    return [(f.line, f.column, f.message) for f in findings if f.code == "unbalanced-punctuation"]


def test_each_unmatched_mark_is_pointed_at_where_it_stands() -> None:
    assert warnings_of("preamble: 《甲《乙《丙》\n") == [
        (4, 11, "unmatched 《: no 》 closes it"),
        (4, 13, "unmatched 《: no 》 closes it"),
    ]
    # Over several lines of a plain scalar, and past an escaped line break.
    assert warnings_of("preamble: 甲）\n  乙“丙\n") == [
        (4, 12, "unmatched ）: no （ opens it"),
        (5, 4, "unmatched “: no ” closes it"),
    ]
    assert warnings_of('preamble: "甲\\n乙“丙"\n') == [(4, 16, "unmatched “: no ” closes it")]


def test_a_mark_written_as_an_escape_points_at_its_text() -> None:
    # The source has no “ to point at, only \u201c: the finding points at the value.
    assert warnings_of('preamble: "甲\\u201c乙"\n') == [(4, 11, "unmatched “: no ” closes it")]


def test_a_hundred_warnings_say_enough_about_one_file() -> None:
    assert len(warnings_of("preamble: " + "《" * 5000 + "\n")) == 100


@pytest.mark.slow
def test_a_hundred_errors_say_enough_about_one_file() -> None:
    import datetime as dt

    from plantrack.lint import lint_data

    items = "".join(f"      - {{number: {n}, title: 事项, progress: 200}}\n" for n in range(1, 300))
    plan = "title: 计划\nyear: 2022\nsections:\n  - title: 部分\n    items:\n" + items
    findings = lint_data("plan.yaml", plan.encode(), dt.date(2022, 7, 1))
    assert len(findings) == 100
    assert (findings[-1].line, findings[-1].code) == (105, "out-of-range")


def test_the_hundred_warnings_listed_are_the_first_in_the_file() -> None:
    import datetime as dt

    from plantrack.lint import lint_data

    items = "".join(f"      - {{number: {n * 2}, title: 事项}}\n" for n in range(1, 50))
    plan = (
        "title: 计划\nyear: 2022\nsections:\n  - title: 部分\n    items:\n"
        + items
        + "preamble: "
        + "《" * 500
        + "\n"
    )
    findings = lint_data("plan.yaml", plan.encode(), dt.date(2022, 7, 1))
    assert len(findings) == 100
    assert [f.code for f in findings[:49]] == ["number-gap"] * 49
    assert findings[49].code == "unbalanced-punctuation"


def test_a_file_named_relatively_and_absolutely_is_checked_once(repo: Path) -> None:
    _, out, err = lint("plans", str(repo / "plans" / "2022.yaml"))
    assert out == SEED_WARNING + "\n"
    assert err == "plantrack: 1 file checked: 0 errors, 1 warning\n"


def test_a_broken_link_in_a_folder_is_reported_not_skipped(repo: Path) -> None:
    (repo / "plans" / "2023.yaml").symlink_to(repo / "nowhere.yaml")
    status, out, _ = lint("plans")
    assert status == 1
    assert "plans/2023.yaml: error unreadable no such file" in out


def test_sarif_names_a_file_whose_name_is_not_utf8(repo: Path) -> None:
    name = os.fsdecode(b"\xb9\xa4\xd7\xf7.yaml")  # 工作.yaml in GBK, unpacked on Linux
    shutil.copy(CORPUS / "bad-status.yaml", repo / name)
    status, out, _ = lint("-f", "sarif", name)
    assert status == 1
    location = json.loads(out)["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "%B9%A4%D7%F7.yaml"


@pytest.mark.slow
def test_unknown_owners_stop_at_a_hundred_and_name_a_dozen_roles(tmp_path: Path) -> None:
    roles = "".join(f"  - 委员{n}\n" for n in range(500))
    items = "".join(
        f"      - {{number: {n}, title: 事项, owner: 某某{n}}}\n" for n in range(1, 301)
    )
    path = tmp_path / "2022.yaml"
    path.write_text(
        f"title: 计划\nyear: 2022\nroles:\n{roles}sections:\n  - title: 部分\n    items:\n{items}",
        encoding="utf-8",
    )
    _, out, _ = lint(str(path))
    owners = [line for line in out.splitlines() if "unknown-owner" in line]
    assert len(owners) == 100
    assert owners[0].endswith(
        "(委员0, 委员1, 委员2, 委员3, 委员4, 委员5, 委员6, 委员7, 委员8, 委员9, 委员10, 委员11…)"
    )


def test_a_quoted_due_date_gets_the_date_warnings(tmp_path: Path) -> None:
    path = tmp_path / "2022.yaml"
    path.write_text(
        "title: 计划\nyear: 2022\nsections:\n  - title: 部分\n    items:\n"
        '      - {number: 1, title: 事项, due: "2023-01-05"}\n',
        encoding="utf-8",
    )
    _, out, _ = lint(str(path))
    assert "warning due-outside-year" in out


def test_a_year_out_of_range_is_one_error_and_no_date_is_judged_by_it(tmp_path: Path) -> None:
    from plantrack.lint import lint_file

    plan = tmp_path / "plan.yaml"
    plan.write_text(
        "title: 计划\nyear: 0\nsections:\n  - title: 一\n    items:\n"
        "      - number: 1\n        title: 甲\n        log:\n"
        "          - {date: 2022-03-01, by: 李明, note: 开会}\n",
        encoding="utf-8",
    )
    findings = lint_file(str(plan), dt.date(2022, 7, 1))
    assert [(p.code, p.line, p.column) for p in findings] == [("out-of-range", 2, 7)]


@pytest.mark.slow
def test_a_folder_of_many_plans_gives_each_file_its_findings_in_order(tmp_path: Path) -> None:
    from plantrack.lint import lint_file, lint_files

    paths = []
    for n in range(40):
        path = tmp_path / f"{n:02}.yaml"
        broken = "" if n % 3 else "  oops: 1\n"
        path.write_text(
            f"title: t{n}\nyear: 2022\nsections:\n  - title: s\n{broken}    items:\n"
            f"      - number: {n + 1}\n        title: x\n        due: 2023-01-0{n % 9 + 1}\n",
            encoding="utf-8",
        )
        paths.append(str(path))
    day = dt.date(2022, 7, 1)
    found = list(lint_files(paths, day))
    assert found == [lint_file(path, day) for path in paths]
    assert any(problem.severity is Severity.ERROR for problem in found[0])
    assert all(found)


def test_windows_line_endings_give_the_same_findings_at_the_same_places() -> None:
    from plantrack.lint import lint_data

    plan = (Path(__file__).parent / "data" / "lint" / "many-warnings.yaml").read_bytes()
    today = dt.date(2022, 7, 1)
    findings = lint_data("plan.yaml", plan, today)
    assert len({f.code for f in findings}) >= 15
    assert lint_data("plan.yaml", plan.replace(b"\n", b"\r\n"), today) == findings
