"""The writing commands as a user runs them: messages, exit statuses, files left as they were."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from conftest import Environment
from typer.testing import CliRunner, Result

from plantrack.cli import app

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "plans" / "2022.yaml"
COMMANDS = [
    "assign",
    "unassign",
    "start",
    "done",
    "block",
    "reopen",
    "set-status",
    "progress",
    "note",
    "due",
]


@pytest.fixture(autouse=True)
def march_15th(environment: Environment) -> None:
    """The ledger dates these tests expect."""
    environment(PLANTRACK_TODAY="2022-03-15")


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    path = tmp_path / "plans" / "2022.yaml"
    path.parent.mkdir()
    path.write_bytes(SEED.read_bytes())
    return path


def run(plan: Path, *args: str, env: dict[str, str] | None = None) -> Result:
    return CliRunner().invoke(app, [*args, "--plan", str(plan)], env=env)


def item_block(plan: Path, number: int) -> str:
    text = plan.read_text(encoding="utf-8")
    start = text.index(f"      - number: {number}\n")
    following = text.find("      - number: ", start + 1)
    section = text.find("\n  - title: ", start)
    ends = [e for e in (following, section) if e >= 0]
    return text[start : min(ends) if ends else len(text)]


def test_assign_writes_the_owner_and_a_ledger_entry(plan: Path) -> None:
    result = run(plan, "assign", "14", "--to", "纪检委员", "--by", "李明")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    assert result.stderr == f"plantrack: {plan}: item 14: owner: — → 纪检委员\n"
    assert item_block(plan, 14).endswith(
        "        owner: 纪检委员\n"
        "        log:\n"
        "          - date: 2022-03-15\n"
        "            by: 李明\n"
        "            changes: {owner: [null, 纪检委员]}\n"
    )


@pytest.mark.slow
def test_a_sequence_of_commands_builds_the_ledger(plan: Path) -> None:
    steps = [
        ("start", "3", "4"),
        ("progress", "3", "40%", "--note", "完成初稿"),
        ("due", "3", "4", "6月底前"),
        ("block", "4", "--reason", "等待上级文件"),
        ("reopen", "4"),
        ("set-status", "3", "已完成"),
        ("note", "3", "召开专题学习会，18名党员参加", "--date", "2022-03-01"),
        ("due", "4", "--clear"),
        ("unassign", "3"),
    ]
    for step in steps:
        result = run(plan, *step, "--by", "王芳")
        assert result.exit_code == 0, (step, result.stderr)
    assert item_block(plan, 3).endswith(
        "        status: done\n"
        "        progress: 100\n"
        "        due: 2022-06-30\n"
        "        log:\n"
        "          - date: 2022-03-01\n"  # recorded afterwards: in date order
        "            by: 王芳\n"
        "            note: 召开专题学习会，18名党员参加\n"
        "          - date: 2022-03-15\n"
        "            by: 王芳\n"
        "            changes: {status: [null, doing]}\n"
        "          - date: 2022-03-15\n"
        "            by: 王芳\n"
        "            changes: {progress: [null, 40]}\n"
        "            note: 完成初稿\n"
        "          - date: 2022-03-15\n"
        "            by: 王芳\n"
        "            changes: {due: [null, 2022-06-30]}\n"
        "          - date: 2022-03-15\n"
        "            by: 王芳\n"
        "            changes: {status: [doing, done], progress: [40, 100]}\n"
    )
    assert "        status: doing\n" in item_block(plan, 4)
    assert "due:" not in item_block(plan, 4).replace("changes: {due:", "")
    assert "changes: {status: [blocked, doing]}" in item_block(plan, 4)
    assert "note: 等待上级文件" in item_block(plan, 4)


def test_done_takes_several_items(plan: Path) -> None:
    result = run(plan, "done", "3", "4", "5", "--by", "王芳")
    assert result.exit_code == 0
    assert result.stderr.splitlines() == [
        f"plantrack: {plan}: item {n}: status: — → done; progress: — → 100" for n in (3, 4, 5)
    ]


def test_an_item_already_so_is_left_alone(plan: Path) -> None:
    run(plan, "start", "3", "--by", "王芳")
    before = plan.read_bytes()
    result = run(plan, "start", "3", "--by", "王芳")
    assert result.exit_code == 0
    assert result.stderr == f"plantrack: {plan}: item 3: already so; nothing to change\n"
    assert plan.read_bytes() == before


def test_an_owner_outside_roles_is_refused_and_new_role_adds_it(plan: Path) -> None:
    before = plan.read_bytes()
    result = run(plan, "assign", "14", "--to", "纪检委", "--by", "李明")
    assert result.exit_code == 1
    assert result.stderr == (
        "plantrack: '纪检委' is not one of this plan's roles; did you mean 纪检委员?"
        " (--new-role adds it to roles)\n"
    )
    assert plan.read_bytes() == before
    result = run(plan, "assign", "14", "--to", "统战委员", "--new-role", "--by", "李明")
    assert result.exit_code == 0
    assert result.stderr.splitlines()[-1] == f"plantrack: {plan}: roles: 统战委员 added"
    assert "  - 青年委员\n  - 统战委员\nsections:\n" in plan.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("done", "3", "99"), "there is no item 99; this plan has items 1–19"),
        (
            ("set-status", "3", "finished"),
            "unknown status 'finished'; use one of todo, doing,"
            " done, blocked (未开始, 进行中, 已完成, 受阻)",
        ),
        (("progress", "3", "120"), "bad percentage '120'; give a whole number from 0 to 100"),
        (("progress", "3", "40.5"), "bad percentage '40.5'; give a whole number from 0 to 100"),
        (
            ("due", "3", "6月中旬"),
            "bad date '6月中旬'; write it as YYYY-MM-DD (2022-06-30) or as a"
            " deadline within 2022: 6月底, 6月30日前, 年底, 全年, 一季度, 第一季度末,"
            " 上半年, 下半年",
        ),
        (("note", "3", " "), "the note is empty; say what was done"),
        (("assign", "3", "--to", ""), "the owner is empty; give a role or a name"),
        (("block", "3", "--reason", ""), "the reason is empty; say why the item is blocked"),
        (
            ("start", "3", "--date", "2022/3/1"),
            "bad date '2022/3/1'; write it as 2022-03-15, 2022-3-15, 2022年3月15日 or 3月15日"
            " (in 2022)",
        ),
        (("start", "3", "--by", " "), "--by is empty; give the name of who records this"),
    ],
)
def test_bad_input_gets_one_line_and_the_file_is_untouched(
    plan: Path, args: tuple[str, ...], message: str
) -> None:
    before = plan.read_bytes()
    result = run(plan, *args, *(() if "--by" in args else ("--by", "李明")))
    assert (result.exit_code, result.stderr) == (1, "plantrack: " + message + "\n")
    assert plan.read_bytes() == before
    assert sorted(p.name for p in plan.parent.iterdir()) in (
        ["2022.yaml"],
        [".plantrack-2022.yaml.lock", "2022.yaml"],
    )


def test_due_without_a_date_is_a_usage_error(plan: Path) -> None:
    result = run(plan, "due", "3")
    assert (result.exit_code, result.stderr) == (
        2,
        "plantrack: give the item numbers and then a DATE, or --clear to remove the deadline\n",
    )
    result = run(plan, "due", "x", "年底")
    assert (result.exit_code, result.stderr) == (
        2,
        "plantrack: 'x' is not an item number; give whole numbers such as 3 or 14\n",
    )


def test_an_invalid_plan_is_refused_with_the_loaders_positions(plan: Path) -> None:
    broken = plan.read_text(encoding="utf-8").replace(
        "      - number: 14\n", "      - number: 14\n        status: finished\n"
    )
    plan.write_text(broken, encoding="utf-8")
    result = run(plan, "note", "14", "开会", "--by", "李明")
    assert result.exit_code == 1
    assert result.stderr == (
        f"{plan}:64:17: section 五, item 14, status: unknown status 'finished'; use one of todo,"
        " doing, done, blocked (未开始, 进行中, 已完成, 受阻)\n"
    )
    assert plan.read_text(encoding="utf-8") == broken


def test_dry_run_prints_the_diff_and_writes_nothing(plan: Path) -> None:
    before = plan.read_bytes()
    result = run(plan, "assign", "14", "--to", "纪检委员", "--by", "李明", "--dry-run")
    assert result.exit_code == 0
    assert plan.read_bytes() == before
    name = plan.as_posix()
    assert result.stdout == (
        f"--- a/{name}\n"
        f"+++ b/{name}\n"
        "@@ -63,6 +63,11 @@\n"
        "       - number: 14\n"
        "         title: 严格纪律规矩刚性约束\n"
        + "".join(f" {line}" for line in before.decode().splitlines(keepends=True)[64:65])
        + "+        owner: 纪检委员\n"
        "+        log:\n"
        "+          - date: 2022-03-15\n"
        "+            by: 李明\n"
        "+            changes: {owner: [null, 纪检委员]}\n"
        + "".join(f" {line}" for line in before.decode().splitlines(keepends=True)[65:68])
    )
    assert result.stderr.splitlines()[-1] == "plantrack: dry run: nothing was written"


def test_by_defaults_to_gits_user_name(plan: Path, tmp_path: Path) -> None:
    config = tmp_path / "gitconfig"
    config.write_text("[user]\n\tname = 张三\n", encoding="utf-8")
    env = {"GIT_CONFIG_GLOBAL": str(config), "GIT_CONFIG_NOSYSTEM": "1"}
    assert run(plan, "note", "3", "开会", env=env).exit_code == 0
    assert "            by: 张三\n" in item_block(plan, 3)


def test_by_falls_back_to_the_login_name_without_git(plan: Path, tmp_path: Path) -> None:
    env = {"PATH": str(tmp_path / "nothing"), "LOGNAME": "wangfang"}
    assert run(plan, "note", "3", "开会", env=env).exit_code == 0
    assert "            by: wangfang\n" in item_block(plan, 3)


def test_messages_speak_chinese_in_a_chinese_locale(
    environment: Environment, plan: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    environment(PLANTRACK_LANG="zh")
    result = run(plan, "progress", "3", "120", "--by", "李明")
    assert result.stderr == "plantrack: 进度 “120” 无效；请给出 0 到 100 的整数\n"


@pytest.mark.parametrize("command", COMMANDS)
def test_every_writing_command_has_help_and_a_readme_entry(command: str) -> None:
    result = CliRunner().invoke(app, [command, "--help"])
    assert result.exit_code == 0
    assert "--dry-run" in result.stdout and "--plan" in result.stdout
    assert "--format text|json" in result.stdout
    summary = re.sub(r"\s+", " ", result.stdout.split("Usage:", 1)[-1])
    assert len(summary) > 80
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"plantrack {command}" in readme.split("<!-- writing commands -->", 1)[1]


def test_without_git_or_a_login_name_by_must_be_given(
    plan: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import getpass

    def no_login() -> str:
        raise OSError("no login name")

    monkeypatch.setattr(getpass, "getuser", no_login)
    before = plan.read_bytes()
    result = run(plan, "note", "3", "开会", env={"PATH": str(tmp_path / "nothing")})
    assert (result.exit_code, result.stderr) == (
        1,
        "plantrack: cannot tell who records this (no git user.name, no login name); give --by NAME\n",
    )
    assert plan.read_bytes() == before


@pytest.mark.parametrize("word", ["①", "²"])
def test_an_item_number_in_other_digits_is_a_usage_error(plan: Path, word: str) -> None:
    before = plan.read_bytes()
    result = run(plan, "due", word, "年底", "--by", "李明")
    assert (result.exit_code, result.stderr) == (
        2,
        f"plantrack: '{word}' is not an item number; give whole numbers such as 3 or 14\n",
    )
    assert plan.read_bytes() == before


def test_a_negative_percentage_gets_the_percentage_error(plan: Path) -> None:
    before = plan.read_bytes()
    result = run(plan, "progress", "3", "-5", "--by", "李明")
    assert (result.exit_code, result.stderr) == (
        1,
        "plantrack: bad percentage '-5'; give a whole number from 0 to 100\n",
    )
    assert plan.read_bytes() == before


def test_a_ledger_date_after_today_is_refused(plan: Path) -> None:
    before = plan.read_bytes()
    result = run(plan, "note", "3", "开会", "--date", "2022-03-16", "--by", "李明")
    assert (result.exit_code, result.stderr) == (
        1,
        "plantrack: --date 2022-03-16 is after today (2022-03-15);"
        " the ledger records what was done\n",
    )
    assert plan.read_bytes() == before


@pytest.mark.slow
def test_reopen_takes_a_done_item_back_to_doing_and_clears_its_progress(plan: Path) -> None:
    assert run(plan, "done", "3", "--by", "王芳").exit_code == 0
    result = run(plan, "reopen", "3", "--by", "王芳")
    assert result.exit_code == 0
    assert result.stderr == f"plantrack: {plan}: item 3: status: done → doing; progress: 100 → —\n"
    block = item_block(plan, 3)
    assert "        status: doing\n        log:\n" in block
    assert "progress: 100\n" not in block
    assert block.endswith("            changes: {status: [done, doing], progress: [100, null]}\n")
    lint = CliRunner().invoke(app, ["lint", str(plan)])
    assert "complete-not-done" not in lint.stdout + lint.stderr


def test_reopen_leaves_an_item_that_is_not_done_or_blocked_alone(plan: Path) -> None:
    assert run(plan, "start", "3", "--by", "王芳").exit_code == 0
    before = plan.read_bytes()
    result = run(plan, "reopen", "3", "4", "--by", "王芳")
    assert result.exit_code == 0
    assert result.stderr == (
        f"plantrack: {plan}: item 3: already so; nothing to change\n"
        f"plantrack: {plan}: item 4: already so; nothing to change\n"
    )
    assert plan.read_bytes() == before


@pytest.mark.parametrize(
    "args", [("set-status", "3", "todo"), ("set-status", "3", "未开始"), ("progress", "3", "0")]
)
def test_no_status_is_todo_and_no_progress_is_zero(plan: Path, args: tuple[str, ...]) -> None:
    before = plan.read_bytes()
    result = run(plan, *args, "--by", "王芳")
    assert (result.exit_code, result.stderr) == (
        0,
        f"plantrack: {plan}: item 3: already so; nothing to change\n",
    )
    assert plan.read_bytes() == before


def git_repository(root: Path) -> Path:
    """A git repository at `root` holding plans/2022.yaml, committed."""
    plans = root / "plans"
    plans.mkdir(parents=True)
    (plans / "2022.yaml").write_bytes(SEED.read_bytes())
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.invalid"]
    subprocess.run([*git, "init", "-q"], cwd=root, check=True)
    subprocess.run([*git, "add", "."], cwd=root, check=True)
    subprocess.run([*git, "commit", "-qm", "seed"], cwd=root, check=True)
    return plans / "2022.yaml"


@pytest.mark.slow
@pytest.mark.parametrize("where", ["root", "plans", "elsewhere"])
def test_the_dry_run_diff_is_a_patch_git_apply_takes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, where: str
) -> None:
    repository = tmp_path / "repo"
    plan = git_repository(repository)
    cwd = {"root": repository, "plans": plan.parent, "elsewhere": tmp_path}[where]
    monkeypatch.chdir(cwd)
    args = ["assign", "14", "--to", "纪检委员", "--by", "李明", "--dry-run"]
    result = CliRunner().invoke(app, args if where != "elsewhere" else [*args, "--plan", str(plan)])
    assert result.exit_code == 0, result.stderr
    assert result.stdout_bytes.startswith(b"--- a/plans/2022.yaml\n+++ b/plans/2022.yaml\n@@ ")
    patch = tmp_path / "change.patch"
    patch.write_bytes(result.stdout_bytes)
    checked = subprocess.run(
        ["git", "apply", "--check", str(patch)], cwd=repository, capture_output=True, check=False
    )
    assert checked.returncode == 0, checked.stderr
    assert plan.read_bytes() == SEED.read_bytes()


def test_the_dry_run_diff_is_utf8_whatever_stdouts_encoding(plan: Path) -> None:
    result = CliRunner(charset="gbk").invoke(
        app,
        ["note", "3", "한국 교류", "--by", "李明", "--dry-run", "--plan", str(plan)],
    )
    assert result.exit_code == 0
    assert "+            note: 한국 교류\n".encode() in result.stdout_bytes
    assert "+            by: 李明\n".encode() in result.stdout_bytes


def test_format_json_prints_one_object_saying_what_was_done(plan: Path) -> None:
    import json

    result = run(plan, "assign", "14", "3", "--to", "纪检委员", "--by", "李明", "-f", "json")
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    entry = {"date": "2022-03-15", "by": "李明", "changes": {"owner": [None, "纪检委员"]}}
    assert json.loads(result.stdout) == {
        "plan": str(plan),
        "dry_run": False,
        "changed": True,
        "items": [
            {"number": 14, "changes": {"owner": [None, "纪检委员"]}, "entry": entry},
            {"number": 3, "changes": {"owner": [None, "纪检委员"]}, "entry": entry},
        ],
        "unchanged": [],
        "roles_added": [],
        "roles_removed": [],
        "roles_renamed": [],
        "diff": None,
    }
    again = json.loads(run(plan, "assign", "14", "--to", "纪检委员", "-f", "json").stdout)
    assert (again["changed"], again["items"], again["unchanged"]) == (False, [], [14])


def test_format_json_gives_status_words_as_set_and_the_entry_as_written(plan: Path) -> None:
    import json

    plan.write_text(
        plan.read_text(encoding="utf-8").replace(
            "      - number: 3\n", "      - number: 3\n        status: 进行中\n", 1
        ),
        encoding="utf-8",
    )
    result = run(plan, "done", "3", "--by", "李明", "--note", "完成", "--format", "json")
    (item,) = json.loads(result.stdout)["items"]
    assert item["changes"] == {"status": ["doing", "done"], "progress": [None, 100]}
    assert item["entry"] == {
        "date": "2022-03-15",
        "by": "李明",
        "changes": {"status": ["进行中", "已完成"], "progress": [None, 100]},
        "note": "完成",
    }


def test_format_json_with_dry_run_holds_the_diff_and_writes_nothing(plan: Path) -> None:
    import json

    before = plan.read_bytes()
    args = ["assign", "14", "--to", "统战委员", "--new-role", "--by", "李明", "--dry-run"]
    text = run(plan, *args)
    result = run(plan, *args, "--format", "json")
    assert result.exit_code == 0, result.stderr
    printed = json.loads(result.stdout)
    assert (printed["dry_run"], printed["changed"], printed["roles_added"]) == (
        True,
        True,
        ["统战委员"],
    )
    assert printed["diff"] == text.stdout
    assert plan.read_bytes() == before


def test_the_readme_shows_the_json_object_the_writing_commands_print(plan: Path) -> None:
    import json

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    after = readme.split("`--format json` prints one object and nothing on stderr", 1)[1]
    example = json.loads(after.split("```json\n", 1)[1].split("```", 1)[0])
    result = run(plan, "assign", "14", "--to", "纪检委员", "--by", "李明", "--format", "json")
    printed = json.loads(result.stdout)
    assert {**printed, "plan": "plans/2022.yaml"} == example


@pytest.mark.parametrize(
    ("args", "argument"),
    [
        (("note", "3", "\udcff"), "TEXT"),  # `note 3 $'\xff'`: argv bytes that are not UTF-8
        (("assign", "3", "--to", "书记\udcff"), "--to"),
        (("block", "3", "--reason", "\udce5"), "--reason"),
        (("start", "3", "-n", "\udcff"), "--note"),
        (("start", "3", "--by", "\udcff"), "--by"),
    ],
)
def test_an_argument_that_is_not_utf8_is_named_and_the_plan_untouched(
    plan: Path, args: tuple[str, ...], argument: str
) -> None:
    before = plan.read_bytes()
    result = run(plan, *args)
    assert (result.exit_code, result.stderr) == (
        2,
        f"plantrack: {argument} is not valid UTF-8 text; give it as UTF-8"
        " (check the terminal's encoding)\n",
    )
    assert plan.read_bytes() == before


def test_set_status_blocked_needs_a_note_as_block_needs_a_reason(plan: Path) -> None:
    before = plan.read_bytes()
    for word in ("blocked", "受阻"):
        result = run(plan, "set-status", "3", word, "--by", "李明")
        assert (result.exit_code, result.stderr) == (
            1,
            "plantrack: say why the item is blocked: give --note REASON"
            " (as block takes --reason)\n",
        )
    assert plan.read_bytes() == before
    result = run(plan, "set-status", "3", "blocked", "--note", "等待上级文件", "--by", "李明")
    assert result.exit_code == 0, result.stderr
    assert "note: 等待上级文件" in item_block(plan, 3)
