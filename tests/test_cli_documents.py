"""`plantrack import`, `plantrack render` and `plantrack init` as a user runs them."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from conftest import Environment
from typer.testing import CliRunner

from plantrack import i18n
from plantrack.cli import app
from plantrack.reading import load as load_plan

ROOT = Path(__file__).parent.parent
DATA = Path(__file__).parent / "data" / "documents"
SEED = DATA / "seed-2022.txt"
COMMITTED_PLAN = ROOT / "plans" / "2022.yaml"


@pytest.fixture
def office(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A repository of plans with the document to import, as the working directory."""
    (tmp_path / "plans").mkdir()
    shutil.copy(SEED, tmp_path / "seed-2022.txt")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


# --------------------------------------------------------------------------- import


@pytest.mark.slow
def test_import_writes_the_year_plan_into_plans(office: Path) -> None:
    code, out, err = run("import", "seed-2022.txt")
    assert (code, out) == (0, "")
    written = (office / "plans" / "2022.yaml").read_text(encoding="utf-8")
    assert written == (DATA / "seed-2022.yaml").read_text(encoding="utf-8")
    assert err.splitlines()[-1] == (
        f"plantrack: wrote {Path('plans', '2022.yaml')}: 6 sections, 19 items, read from seed-2022.txt"
        " as UTF-8"
    )


@pytest.mark.slow
def test_import_finds_the_plans_folder_from_a_subfolder(
    office: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (office / "drafts").mkdir()
    monkeypatch.chdir(office / "drafts")
    code, _, _ = run("import", "../seed-2022.txt")
    assert code == 0
    assert (office / "plans" / "2022.yaml").is_file()
    assert not (office / "drafts" / "plans").exists()


def test_import_says_which_encoding_it_read(office: Path) -> None:
    shutil.copy(DATA / "gbk.txt", office / "gbk.txt")
    code, _, err = run("import", "gbk.txt")
    assert code == 0
    assert err.splitlines()[-1].endswith("read from gbk.txt as GB18030")


@pytest.mark.slow
def test_import_refuses_to_overwrite_without_force(office: Path) -> None:
    target = office / "plans" / "2022.yaml"
    target.write_text("keep me\n", encoding="utf-8")
    code, _, err = run("import", "seed-2022.txt")
    assert code == 1
    assert err == (
        f"plantrack: {Path('plans', '2022.yaml')} already exists; give --force to overwrite it,"
        " or -o to write elsewhere\n"
    )
    assert target.read_text(encoding="utf-8") == "keep me\n"
    code, _, _ = run("import", "seed-2022.txt", "--force")
    assert code == 0
    assert load_plan(target).plan.year == 2022


@pytest.mark.slow
def test_import_to_stdout(office: Path) -> None:
    code, out, err = run("import", "seed-2022.txt", "-o", "-")
    assert code == 0
    assert out == (DATA / "seed-2022.yaml").read_text(encoding="utf-8")
    assert err.splitlines()[-1] == (
        "plantrack: 6 sections, 19 items, read from seed-2022.txt as UTF-8"
    )
    assert not (office / "plans" / "2022.yaml").exists()


def test_import_without_a_year_asks_for_one(office: Path) -> None:
    (office / "plan.txt").write_text("工作要点\n一、学习\n1.学习。学。\n", encoding="utf-8")
    code, _, err = run("import", "plan.txt")
    assert (code, err) == (
        1,
        "plan.txt:1:1: no year (20xx) in the title or the preamble; give the plan's year"
        " with --year\n",
    )
    code, _, _ = run("import", "plan.txt", "--year", "2023")
    assert code == 0
    assert load_plan(office / "plans" / "2023.yaml").plan.title == "工作要点"


def test_import_of_a_malformed_document_writes_nothing(office: Path) -> None:
    shutil.copy(DATA / "malformed" / "numbers-skip.txt", office / "numbers-skip.txt")
    code, out, err = run("import", "numbers-skip.txt")
    assert (code, out) == (1, "")
    assert err.splitlines() == [
        "numbers-skip.txt:6:1: item 4 follows item 2; expected 3",
        "numbers-skip.txt:8:1: item 7 begins this section; expected 5 (numbering on)"
        " or 1 (numbering again)",
    ]
    assert list((office / "plans").iterdir()) == []


def test_import_of_a_missing_file(office: Path) -> None:
    code, _, err = run("import", "nowhere.txt")
    assert (code, err) == (1, "plantrack: nowhere.txt: no such file\n")


@pytest.mark.slow
def test_import_into_a_missing_folder(office: Path) -> None:
    code, _, err = run("import", "seed-2022.txt", "-o", "no/such/plan.yaml")
    assert (code, err.splitlines()[-1]) == (
        1,
        "plantrack: folder no/such does not exist; create it first, or give -o a file in a folder that exists",
    )


# --------------------------------------------------------------------------- render


def test_render_text_gives_the_seed_back_under_its_title(office: Path) -> None:
    code, out, _ = run("render", "--plan", str(COMMITTED_PLAN))
    assert code == 0
    seed = [line.rstrip() for line in SEED.read_text(encoding="utf-8").splitlines()]
    rendered = out.splitlines()
    assert rendered[0] == "2022年市委政研室机关党的建设工作要点"
    assert rendered[1:] == [line for line in seed if line]


def test_render_markdown_to_a_file(office: Path) -> None:
    code, out, err = run("render", "--plan", str(COMMITTED_PLAN), "-o", "p.md", "--with-status")
    assert (code, out, err) == (0, "", "plantrack: wrote p.md\n")
    markdown = (office / "p.md").read_text(encoding="utf-8")
    assert markdown.startswith("# 2022年市委政研室机关党的建设工作要点\n")
    assert "\n## 六、落实主体责任，构建大抓机关党建的新格局\n" in markdown
    assert len(re.findall(r"^ {3,4}Owner: ", markdown, re.M)) == 19


@pytest.mark.slow
def test_import_reads_back_the_markdown_render_writes(office: Path) -> None:
    for name in ("p.md", "p.txt"):
        assert run("render", "--plan", str(COMMITTED_PLAN), "-o", name, "--with-status")[0] == 0
        assert run("import", name, "-o", name + ".yaml")[0] == 0
    from_markdown = load_plan(office / "p.md.yaml").plan
    assert from_markdown == load_plan(office / "p.txt.yaml").plan
    committed = load_plan(COMMITTED_PLAN).plan
    assert [item.title for _, item in from_markdown.items()] == [
        item.title for _, item in committed.items()
    ]


def test_render_over_the_plan_without_force_is_refused_as_any_existing_file(office: Path) -> None:
    plan = office / "plans" / "2022.yaml"
    shutil.copy(COMMITTED_PLAN, plan)
    before = plan.read_bytes()
    code, _, err = run("render", "-o", str(plan))
    assert (code, err) == (
        1,
        f"plantrack: {plan} already exists; give --force to overwrite it, or -o to write"
        " elsewhere\n",
    )
    assert plan.read_bytes() == before


def test_render_refuses_to_overwrite_a_file_without_force(office: Path) -> None:
    target = office / "要点.txt"
    target.write_text("keep me\n", encoding="utf-8")
    code, _, err = run("render", "--plan", str(COMMITTED_PLAN), "-o", "要点.txt")
    assert (code, err) == (
        1,
        "plantrack: 要点.txt already exists; give --force to overwrite it, or -o to write"
        " elsewhere\n",
    )
    assert target.read_text(encoding="utf-8") == "keep me\n"
    code, _, err = run("render", "--plan", str(COMMITTED_PLAN), "-o", "要点.txt", "--force")
    assert (code, err) == (0, "plantrack: wrote 要点.txt\n")
    assert target.read_text(encoding="utf-8").startswith("2022年市委政研室机关党的建设工作要点\n")


def test_render_refuses_to_write_over_the_plan_even_with_force(office: Path) -> None:
    plan = office / "plans" / "2022.yaml"
    shutil.copy(COMMITTED_PLAN, plan)
    before = plan.read_bytes()
    code, _, err = run("render", "-o", str(plan), "--force")
    assert (code, err) == (
        1,
        f"plantrack: {plan} is the plan itself; write the document to another file\n",
    )
    assert plan.read_bytes() == before


# --------------------------------------------------------------------------- init


def test_init_writes_a_skeleton_that_loads(office: Path) -> None:
    code, out, err = run("init", "--year", "2023")
    assert (code, out) == (0, "")
    assert err == f"plantrack: wrote {Path('plans', '2023.yaml')}\n"
    plan = load_plan(office / "plans" / "2023.yaml").plan
    assert (plan.year, len(plan.sections), len(plan.items())) == (2023, 1, 1)
    code, _, _ = run("status", "--plan", "plans/2023.yaml")
    assert code == 0


@pytest.mark.slow
def test_init_from_last_year_lists_what_was_not_done(office: Path) -> None:
    plan = COMMITTED_PLAN.read_text(encoding="utf-8")
    plan = plan.replace(
        "      - number: 14\n",
        "      - number: 14\n"
        "        owner: 纪检委员\n        status: doing\n        progress: 40\n",
    )
    for number in range(1, 14):
        plan = plan.replace(
            f"      - number: {number}\n", f"      - number: {number}\n        status: done\n"
        )
    plan = plan.replace(
        "      - number: 15\n",
        "      - number: 15\n        status: done\n        log:\n"
        "          - date: 2022-03-15\n            by: 李明\n            note: 召开专题学习会\n",
    )
    (office / "plans" / "2022.yaml").write_text(plan, encoding="utf-8")

    code, out, err = run("init", "--year", "2023", "--from", "plans/2022.yaml")
    assert code == 0
    assert out.splitlines() == [
        "14. 严格纪律规矩刚性约束 — doing, 40%, 纪检委员",
        "16. 着力构建作风建设长效机制 — todo",
        "17. 落实机关党建工作责任制 — todo",
        "18. 建设高素质党务干部队伍 — todo",
        "19. 加强机关支部建设 — todo",
    ]
    assert err.splitlines() == [
        f"plantrack: wrote {Path('plans', '2023.yaml')}: 6 sections and 19 items from 2022.yaml,"
        " tracking fields and ledgers cleared",
        "plantrack: 5 items of 2022 are not done (listed on stdout); decide which to carry over",
    ]
    new = load_plan(office / "plans" / "2023.yaml").plan
    old = load_plan(office / "plans" / "2022.yaml").plan
    assert new.title == "2023年市委政研室机关党的建设工作要点"
    assert new.roles == old.roles
    assert [(i.number, i.title, i.text) for _, i in new.items()] == [
        (i.number, i.title, i.text) for _, i in old.items()
    ]
    assert all(
        i.model_dump(exclude={"number", "subsection", "title", "text"})
        == {
            "owner": None,
            "co_owners": None,
            "owner_groups": None,
            "status": None,
            "progress": None,
            "due": None,
            "log": None,
        }
        for _, i in new.items()
    )


def test_init_refuses_an_impossible_year(office: Path) -> None:
    code, _, err = run("init", "--year", "3000")
    assert (code, err) == (2, "plantrack: the year must be between 1900 and 2200, got 3000\n")


def test_init_refuses_to_overwrite(office: Path) -> None:
    shutil.copy(COMMITTED_PLAN, office / "plans" / "2022.yaml")
    code, _, err = run("init", "--year", "2022")
    assert code == 1
    assert err.startswith(f"plantrack: {Path('plans', '2022.yaml')} already exists")


@pytest.mark.parametrize(
    "args",
    [
        ["--from", "plans/2022.yaml", "-o", "plans/2022.yaml", "--force"],
        ["--from", "plans/2022.yaml", "--force"],
    ],
    ids=["output", "default-path"],
)
def test_init_refuses_to_write_over_the_plan_it_starts_from(office: Path, args: list[str]) -> None:
    plan = office / "plans" / "2022.yaml"
    shutil.copy(COMMITTED_PLAN, plan)
    before = plan.read_bytes()
    code, out, err = run("init", "--year", "2022", *args)
    assert (code, out) == (1, "")
    assert err == (
        f"plantrack: {Path('plans', '2022.yaml')} is the plan --from reads; write the new plan"
        " to another file\n"
    )
    assert plan.read_bytes() == before


@pytest.mark.slow
def test_init_lists_what_was_not_done_in_chinese(
    environment: Environment, office: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan = COMMITTED_PLAN.read_text(encoding="utf-8").replace(
        "      - number: 14\n",
        "      - number: 14\n        owner: 纪检委员\n        status: doing\n        progress: 40\n",
    )
    for number in range(1, 19):
        if number != 14:
            plan = plan.replace(
                f"      - number: {number}\n",
                f"      - number: {number}\n        status: done\n",
            )
    (office / "plans" / "2022.yaml").write_text(plan, encoding="utf-8")
    environment(PLANTRACK_LANG="zh")
    code, out, err = run("init", "--year", "2023", "--from", "plans/2022.yaml")
    assert code == 0
    assert out.splitlines() == [
        "14. 严格纪律规矩刚性约束（进行中，40%，纪检委员）",
        "19. 加强机关支部建设（未开始）",
    ]
    assert err.splitlines() == [
        f"plantrack: 已写入 {Path('plans', '2023.yaml')}：从 2022.yaml 复制 6 个部分、19 个事项，"
        "跟踪字段和台账已清空",
        "plantrack: 2022 年有 2 项工作未完成（见标准输出）；请决定哪些转入新一年",
    ]


def test_import_names_the_closing_block_it_leaves_out(office: Path) -> None:
    shutil.copy(DATA / "signature-and-date.txt", office / "plan.txt")
    code, out, err = run("import", "plan.txt")
    assert (code, out) == (0, "")
    assert err.splitlines() == [
        "plantrack: title from line 1: 2023年市委政研室机关党的建设工作要点",
        "plantrack: preamble from line 2",
        "plantrack: sections and items from lines 3–6",
        "plantrack: year 2023, from the title",
        "plantrack: lines 8–9 (the signature and date after the last item) are not imported:"
        " 中共XX市委政研室机关委员会 2023年1月5日",
        f"plantrack: wrote {Path('plans', '2023.yaml')}: 2 sections, 2 items, read from plan.txt as UTF-8",
    ]


@pytest.mark.parametrize(
    ("language", "body", "counts"),
    [
        ("en", "1.学习。学。\n2.宣传。宣。\n", "2 items, no sections"),
        ("zh", "1.学习。学。\n2.宣传。宣。\n", "2 个事项，不分部分"),
        ("en", "一、学习\n1.学习。学。\n", "1 section, 1 item"),
    ],
)
def test_import_counts_a_flat_plans_items_without_sections(
    environment: Environment, office: Path, language: str, body: str, counts: str
) -> None:
    (office / "plan.txt").write_text(f"2031年工作要点\n{body}", encoding="utf-8")
    environment(PLANTRACK_LANG=language)
    code, _, err = run("import", "plan.txt", "-o", "-")
    assert code == 0
    assert err.splitlines()[-1].startswith(f"plantrack: {counts}")


def test_import_of_an_empty_document(office: Path) -> None:
    (office / "plan.txt").write_bytes(b"\xef\xbb\xbf")
    code, _, err = run("import", "plan.txt")
    assert (code, err) == (1, "plantrack: plan.txt: the document is empty\n")
    assert list((office / "plans").iterdir()) == []


# --------------------------------------------------------------------------- help and README


@pytest.mark.parametrize("command", ["import", "render", "init"])
def test_command_has_help_and_a_readme_entry(command: str) -> None:
    code, out, _ = run(command, "--help")
    assert code == 0
    assert i18n.t(f"help.{command}").split()[0] in out
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"### `plantrack {command}" in readme


def test_init_to_stdout_keeps_the_list_out_of_the_plan(office: Path) -> None:
    code, out, err = run("init", "--year", "2023", "--from", str(COMMITTED_PLAN), "-o", "-")
    assert code == 0
    assert out.splitlines()[2] == "title: 2023年市委政研室机关党的建设工作要点"
    assert "1. 带头做“两个确立”的坚决拥护者和“两个维护”的坚定践行者 — todo" not in out
    assert err.splitlines()[:3] == [
        "plantrack: 6 sections and 19 items from 2022.yaml, tracking fields and ledgers cleared",
        "plantrack: 19 items of 2022 are not done; decide which to carry over:",
        "1. 带头做“两个确立”的坚决拥护者和“两个维护”的坚定践行者 — todo",
    ]


def test_init_skeleton_in_chinese_loads(
    environment: Environment, office: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    environment(PLANTRACK_LANG="zh")
    code, _, err = run("init", "--year", "2024")
    assert (code, err) == (0, f"plantrack: 已写入 {Path('plans', '2024.yaml')}\n")
    plan = load_plan(office / "plans" / "2024.yaml").plan
    assert (plan.title, plan.sections[0].items[0].title) == ("2024年工作要点", "第一项工作")


# --------------------------------------------------------------------------- --format json


def test_import_json_is_one_object_on_stdout(office: Path) -> None:
    shutil.copy(DATA / "restart-numbers.txt", office / "plan.txt")
    code, out, err = run("import", "plan.txt", "--format", "json")
    assert (code, err) == (0, "")
    assert json.loads(out) == {
        "source": "plan.txt",
        "encoding": "UTF-8",
        "written": str(Path("plans", "2023.yaml")),
        "title": load_plan(office / "plans" / "2023.yaml").plan.title,
        "year": 2023,
        "sections": 2,
        "items": 5,
        "owners": 0,
        "deadlines": 0,
        "year_from": "title",
        "renumbered": True,
        "taken": [
            {"code": "title", "message": "title from line 1: 2023年XX局机关党支部工作要点"},
            {"code": "preamble", "message": "preamble from line 3"},
            {"code": "body", "message": "sections and items from lines 4–10"},
            {"code": "year", "message": "year 2023, from the title"},
        ],
        "left_out": [],
        "notes": [
            {
                "code": "renumbered",
                "message": "the document numbers its items differently; the plan numbers them"
                " 1–5 straight through (renumbered)",
            }
        ],
    }


def test_import_json_names_what_was_not_imported(office: Path) -> None:
    shutil.copy(DATA / "signature-and-date.txt", office / "plan.txt")
    code, out, _ = run("import", "plan.txt", "-f", "json")
    assert code == 0
    assert json.loads(out)["notes"] == [
        {
            "code": "closing",
            "message": "lines 8–9 (the signature and date after the last item) are not imported:"
            " 中共XX市委政研室机关委员会 2023年1月5日",
        }
    ]
    assert json.loads(out)["left_out"] == [
        {"line": 8, "text": "中共XX市委政研室机关委员会", "reason": "closing"},
        {"line": 9, "text": "2023年1月5日", "reason": "closing"},
    ]


@pytest.mark.parametrize("command", [["import", "seed-2022.txt"], ["init", "--year", "2023"]])
def test_json_report_and_the_plan_on_stdout_are_refused_together(
    office: Path, command: list[str]
) -> None:
    code, out, err = run(*command, "-o", "-", "--format", "json")
    assert (code, out) == (2, "")
    assert err == (
        "plantrack: --format json writes its report to stdout, where -o - would write the plan;"
        " give -o a file, or leave out --format json\n"
    )
    assert list((office / "plans").iterdir()) == []


def test_init_from_json_lists_the_items_not_done(office: Path) -> None:
    plan = COMMITTED_PLAN.read_text(encoding="utf-8").replace(
        "      - number: 14\n",
        "      - number: 14\n        owner: 纪检委员\n        status: doing\n        progress: 40\n",
    )
    for number in range(1, 19):
        if number != 14:
            plan = plan.replace(
                f"      - number: {number}\n",
                f"      - number: {number}\n        status: done\n",
            )
    (office / "plans" / "2022.yaml").write_text(plan, encoding="utf-8")
    code, out, err = run("init", "--year", "2023", "--from", "plans/2022.yaml", "-f", "json")
    assert (code, err) == (0, "")
    assert json.loads(out) == {
        "year": 2023,
        "written": str(Path("plans", "2023.yaml")),
        "from": str(Path("plans", "2022.yaml")),
        "from_year": 2022,
        "title": "2023年市委政研室机关党的建设工作要点",
        "sections": 6,
        "items": 19,
        "not_done": [
            {
                "number": 14,
                "title": "严格纪律规矩刚性约束",
                "status": "doing",
                "progress": 40,
                "owner": "纪检委员",
            },
            {
                "number": 19,
                "title": "加强机关支部建设",
                "status": "todo",
                "progress": None,
                "owner": None,
            },
        ],
    }


def test_init_skeleton_json(office: Path) -> None:
    code, out, err = run("init", "--year", "2023", "-f", "json")
    assert (code, err) == (0, "")
    assert json.loads(out) == {
        "year": 2023,
        "written": str(Path("plans", "2023.yaml")),
        "from": None,
        "from_year": None,
        "title": "Work plan 2023",
        "sections": 1,
        "items": 1,
        "not_done": [],
    }
    assert load_plan(office / "plans" / "2023.yaml").plan.title == "Work plan 2023"


def _readme_json(command: str) -> dict[str, object]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    entry = readme.split(f"### `plantrack {command}", 1)[1].split("\n### ", 1)[0]
    block = re.search(r"```json\n(.*?)```", entry, re.S)
    assert block is not None
    example: dict[str, object] = json.loads(block[1])
    return example


def _keys(report: dict[str, object], nested: str) -> tuple[list[str], list[str]]:
    entries = report[nested]
    assert isinstance(entries, list) and entries
    return sorted(report), sorted(entries[0])


def test_readme_shows_the_json_objects_import_and_init_print(office: Path) -> None:
    shutil.copy(DATA / "signature-and-date.txt", office / "plan.txt")
    _, out, _ = run("import", "plan.txt", "-f", "json")
    assert _keys(_readme_json("import"), "notes") == _keys(json.loads(out), "notes")
    _, out, _ = run("init", "--year", "2024", "--from", "plans/2023.yaml", "-f", "json")
    assert _keys(_readme_json("init"), "not_done") == _keys(json.loads(out), "not_done")


@pytest.mark.slow
def test_init_from_a_finished_plan_says_everything_is_done(office: Path) -> None:
    plan = COMMITTED_PLAN.read_text(encoding="utf-8")
    for number in range(1, 20):
        plan = plan.replace(
            f"      - number: {number}\n", f"      - number: {number}\n        status: done\n"
        )
    (office / "plans" / "2022.yaml").write_text(plan, encoding="utf-8")
    code, out, err = run("init", "--year", "2023", "--from", "plans/2022.yaml")
    assert (code, out) == (0, "")
    assert err.splitlines()[-1] == "plantrack: every item of 2022 is done"


@pytest.mark.parametrize("command", ["import", "render", "init"])
def test_command_help_lists_its_formats(command: str) -> None:
    code, out, _ = run(command, "--help")
    assert code == 0
    formats = "text|markdown|docx" if command == "render" else "text|json"
    assert "--format" in out and formats in out


@pytest.mark.slow
def test_init_from_keeps_the_plans_header_comments_and_roles(office: Path) -> None:
    shutil.copy(COMMITTED_PLAN, office / "plans" / "2022.yaml")
    code, out, _ = run("init", "--year", "2023", "--from", "plans/2022.yaml", "-o", "-")
    assert code == 0
    header = COMMITTED_PLAN.read_text(encoding="utf-8").splitlines()[:2]
    assert header[0] == "# yaml-language-server: $schema=../schema/plan.schema.json"
    assert out.splitlines()[:2] == header
    assert "roles:\n  - 书记\n  - 副书记\n" in out


def test_init_from_a_plan_with_a_very_long_item_number(office: Path) -> None:
    number = "1" * 900
    (office / "plans" / "2029.yaml").write_text(
        f"title: 2029年工作要点\nyear: 2029\nsections:\n  - title: 学习\n    items:\n"
        f"      - number: {number}\n        title: 学习\n",
        encoding="utf-8",
    )
    code, out, err = run("init", "--year", "2030", "--from", "plans/2029.yaml", "-o", "-")
    assert code == 0, err
    assert f"      - number: {number}\n" in out


def test_import_of_an_item_numbered_with_thousands_of_digits(office: Path) -> None:
    (office / "long.txt").write_text(
        "2029年工作要点\n一、学习\n" + "1" * 5000 + ".学习。学习一次。\n", encoding="utf-8"
    )
    code, out, err = run("import", "long.txt")
    assert (code, out, err) == (
        1,
        "",
        "long.txt:3:1: item number 11111111… has 5,000 digits; a plan's item numbers have"
        " at most 6\n",
    )
    assert not (office / "plans" / "2029.yaml").exists()


def test_import_title_option_and_what_import_took(office: Path) -> None:
    shutil.copy(DATA / "notice-two-line-title-signature.txt", office / "plan.txt")
    code, out, err = run("import", "plan.txt", "--title", "示范局2031年要点", "-o", "-")
    assert code == 0
    assert out.splitlines()[1] == "title: 示范局2031年要点"
    lines = err.splitlines()
    assert lines[:4] == [
        "plantrack: title from --title: 示范局2031年要点",
        "plantrack: preamble from line 13",
        "plantrack: sections and items from lines 14–18",
        "plantrack: year 2031, from the title",
    ]
    assert lines[10:12] == [
        "plantrack: line 10 (the document's title, replaced by --title) is not imported: 中共东山县示范局党组",
        "plantrack: line 11 (the document's title, replaced by --title) is not imported: 2031年党建工作要点",
    ]


@pytest.mark.slow
def test_import_of_a_docx_numbered_by_an_undefined_word_list_writes_nothing(
    office: Path,
) -> None:
    import docx

    word = docx.Document()
    word.add_paragraph("2029年工作要点")
    heading = word.add_paragraph("学习")
    heading._p.get_or_add_pPr().get_or_add_numPr().get_or_add_numId().val = 42
    word.save(str(office / "plan.docx"))
    code, out, err = run("import", "plan.docx")
    assert (code, out) == (1, "")
    assert err.splitlines() == [
        "plan.docx:2:1: Word numbers this paragraph with list 42, which the document"
        " does not define (numbering.xml), so its number is unknown; convert the numbers to"
        " text in Word (or save the document as .txt, which writes them out), then import"
    ]
    assert not (office / "plans" / "2029.yaml").exists()
