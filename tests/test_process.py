"""The process boundary, in real processes: a stdout or stderr that cannot be written, Ctrl-C."""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import PLAN_2022, Environment

POSIX = pytest.mark.skipif(os.name != "posix", reason="needs POSIX descriptors and signals")

DOCUMENT = "2023年测试工作要点\n一、第一部分\n1.第一项。内容。\n"


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copy(PLAN_2022, tmp_path / "2022.yaml")
    (tmp_path / "doc.txt").write_text(DOCUMENT, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


COMMANDS = {
    "status": ["status", "--plan", "2022.yaml"],
    "show": ["show", "1", "--plan", "2022.yaml"],
    "render": ["render", "--plan", "2022.yaml"],
    "lint": ["lint", "2022.yaml", "-f", "json"],
    "schema": ["schema"],
    "help": ["--help"],
    "import": ["import", "doc.txt", "-o", "-"],
    "dry-run": ["note", "1", "x", "--dry-run", "--plan", "2022.yaml"],
}


def start(args: list[str], **streams: object) -> subprocess.Popen[bytes]:
    streams.setdefault("stdout", subprocess.PIPE)
    streams.setdefault("stderr", subprocess.PIPE)
    return subprocess.Popen([sys.executable, "-m", "plantrack", *args], **streams)  # type: ignore[call-overload]


def finish(process: subprocess.Popen[bytes]) -> tuple[int, str]:
    _, err = process.communicate(timeout=60)
    return process.returncode, (err or b"").decode("utf-8")


@pytest.mark.slow
@POSIX
def test_a_full_stdout_is_one_line_and_status_1_for_every_command(folder: Path) -> None:
    with open("/dev/full", "wb") as full:
        running = {name: start(args, stdout=full) for name, args in COMMANDS.items()}
        results = {name: finish(process) for name, process in running.items()}
    for name, (code, err) in results.items():
        assert code == 1, name
        assert err.splitlines()[-1] == "plantrack: cannot write to stdout: the disk is full", name
        assert "Traceback" not in err, name


@pytest.mark.slow
@POSIX
def test_a_closed_stdout_is_one_line_and_status_1(folder: Path) -> None:
    names = ["status", "dry-run"]
    running = {
        name: start(COMMANDS[name], stdout=None, preexec_fn=lambda: os.close(1)) for name in names
    }
    for name, process in running.items():
        code, err = finish(process)
        assert (code, err.splitlines()[-1]) == (
            1,
            "plantrack: cannot write to stdout: it is closed",
        ), name


@pytest.mark.slow
@POSIX
def test_a_broken_pipe_is_silent(folder: Path) -> None:
    running = {}
    for name in ["status", "lint"]:
        reader, writer = os.pipe()
        os.close(reader)  # the reader is gone before the first byte, as after `| head -1`
        running[name] = start(COMMANDS[name], stdout=writer)
        os.close(writer)
    for name, process in running.items():
        code, err = finish(process)
        # 128 + SIGPIPE, as the shell reports for other programs at the start of a pipe.
        assert code == 141, name
        assert "Traceback" not in err and "stdout" not in err, name


@pytest.mark.slow
@POSIX
@pytest.mark.parametrize("stderr", ["full", "closed"])
def test_an_unwritable_stderr_does_not_change_a_successful_write(folder: Path, stderr: str) -> None:
    if stderr == "full":
        with open("/dev/full", "wb") as full:
            code, _ = finish(start(["note", "1", "召开会议", "--plan", "2022.yaml"], stderr=full))
    else:
        process = start(
            ["note", "1", "召开会议", "--plan", "2022.yaml"],
            stderr=None,
            preexec_fn=lambda: os.close(2),
        )
        code, _ = finish(process)
    assert code == 0
    assert (folder / "2022.yaml").read_text(encoding="utf-8").count("note: 召开会议") == 1


# Runs plantrack with a Ctrl-C arriving at a chosen moment: when a module is first imported,
# while a class is being defined, or right after the rename that writes the plan.
DRIVER = """
import builtins, os, signal, sys
moment = sys.argv[1]
def ctrl_c():
    os.kill(os.getpid(), signal.SIGINT)
if moment == "rename":
    rename = os.replace
    def replace(a, b):
        rename(a, b)
        ctrl_c()
    os.replace = replace
else:
    real = builtins.__import__
    def hook(name, *rest):
        if name == moment:
            builtins.__import__ = real
            ctrl_c()
        if moment == "class" and name == "typer":
            builtins.__import__ = real
            class Field:  # Python reports what __set_name__ raises as a RuntimeError
                def __set_name__(self, owner, name):
                    ctrl_c()
            class Model:
                field = Field()
        return real(name, *rest)
    builtins.__import__ = hook
sys.argv = ["plantrack", *sys.argv[2:]]
from plantrack.__main__ import main
main()
"""


def interrupted(moment: str, *args: str) -> tuple[int, str]:
    process = subprocess.Popen(
        [sys.executable, "-c", DRIVER, moment, *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    return finish(process)


@pytest.mark.slow
@POSIX
@pytest.mark.parametrize(
    ("moment", "command", "line"),
    [
        ("plantrack.render.terminal", "status", "plantrack: interrupted"),
        ("typer", "status", "plantrack: interrupted"),
        ("typer", "note", "plantrack: interrupted; the plan was not written"),
        ("yaml", "note", "plantrack: interrupted; the plan was not written"),
        ("class", "note", "plantrack: interrupted; the plan was not written"),
        ("rename", "note", "plantrack: interrupted; 2022.yaml was written"),
    ],
)
def test_ctrl_c_at_any_moment_is_one_line_and_130(
    folder: Path, moment: str, command: str, line: str
) -> None:
    before = (folder / "2022.yaml").read_bytes()
    args = ["note", "1", "x"] if command == "note" else ["status"]
    code, err = interrupted(moment, *args, "--plan", str(folder / "2022.yaml"))
    assert (code, err) == (130, line + "\n")
    after = (folder / "2022.yaml").read_bytes()
    assert (after != before) == line.endswith("was written")


# plantrack as the console script runs it, saying on a pipe when plantrack's own code
# starts: before that moment the interpreter is still starting, which is Python's own affair.
STARTED = """
import os, sys
started = int(sys.argv[1])
sys.argv = ["plantrack", *sys.argv[2:]]
from plantrack.__main__ import main
os.write(started, b"started")
os.close(started)
main()
"""


WRITTEN = "plantrack: 2022.yaml: item 1: ledger entry added"
INTERRUPTED = {
    "plantrack: interrupted; the plan was not written",
    "plantrack: interrupted; 2022.yaml was written",
}


def check_interrupted(code: int, err: str, before: bytes, after: bytes) -> None:
    """What a `note 1 x` stopped by Ctrl-C at some moment may have said and done: finished
    (its line, the note there once), or one line saying whether the plan was written."""
    lines = err.splitlines()
    if code == 0:
        assert (lines, after.count(b"note: x")) == ([WRITTEN], 1)
        return
    assert code == 130, err
    if lines[:1] == [WRITTEN]:  # it had said so when the Ctrl-C came
        lines = lines[1:]
    assert len(lines) == 1 and lines[0] in INTERRUPTED, err
    if lines[0].endswith("was written"):
        assert after.count(b"note: x") == 1
    else:
        assert after == before


@pytest.mark.slow
@POSIX
def test_ctrl_c_after_several_delays(folder: Path) -> None:
    before = (folder / "2022.yaml").read_bytes()
    for delay in (0.0, 0.05, 0.1, 0.2, 0.4):
        (folder / "2022.yaml").write_bytes(before)
        reader, writer = os.pipe()
        command = ["note", "1", "x", "--by", "测试", "--plan", "2022.yaml"]
        process = subprocess.Popen(
            [sys.executable, "-c", STARTED, str(writer), *command],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            pass_fds=(writer,),
        )
        os.close(writer)
        assert os.read(reader, 16) == b"started"
        os.close(reader)
        time.sleep(delay)
        process.send_signal(signal.SIGINT)
        # However slow a loaded machine is: the process ends by itself once interrupted.
        _, err = process.communicate(timeout=600)
        after = (folder / "2022.yaml").read_bytes()
        check_interrupted(process.returncode, err.decode("utf-8"), before, after)


# How Python begins its report of an exception it ignored.
IGNORED_BY_PYTHON = (
    "Failed checking if argv[0] is an import path entry\n",
    "Exception ignored in: ",
)


@pytest.mark.slow
@POSIX
def test_ctrl_c_while_the_console_script_starts(folder: Path) -> None:
    script = Path(sys.executable).with_name("plantrack")
    if not script.exists():
        pytest.skip("plantrack's console script is not installed beside this Python")
    import plantrack

    package = str(Path(plantrack.__file__).parent)
    first = Path(plantrack.__file__)
    # The line of the package that sets its handler: a Ctrl-C on a line before it comes
    # while Python's handler is still the one (the window the README describes).
    listens = next(
        number
        for number, line in enumerate(first.read_text("utf-8").splitlines(), 1)
        if "_signal.signal(" in line
    )
    frame = re.compile(r'File "(?P<file>[^"]*)", line (?P<line>\d+)')
    before = (folder / "2022.yaml").read_bytes()
    for step in range(0, 201, 10):
        (folder / "2022.yaml").write_bytes(before)
        process = subprocess.Popen(
            [str(script), "note", "1", "x", "--by", "测试", "--plan", "2022.yaml"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        time.sleep(step / 1000)
        process.send_signal(signal.SIGINT)
        _, raw = process.communicate(timeout=600)
        err = raw.decode("utf-8")
        after = (folder / "2022.yaml").read_bytes()
        # Never a traceback from plantrack's own code once it listens, from the first
        # statement of its package on.
        for found in frame.finditer(err):
            if found["file"].startswith(package):
                assert found["file"] == str(first) and int(found["line"]) <= listens, (step, err)
        if err.startswith("Error processing line "):
            # A Ctrl-C while Python's site module ran a line of a .pth file (coverage's
            # own, under CI): site reports what it became there (a KeyboardInterrupt, or
            # the error of a library that caught it, such as sysconfig's AttributeError),
            # ignores it, and starts plantrack as usual.
            report, ignored, err = err.partition("Remainder of file ignored\n")
            assert ignored and ".pth" in report.splitlines()[0], (step, report)
            check_interrupted(process.returncode, err, before, after)
            continue
        if err.startswith(IGNORED_BY_PYTHON):
            # A Ctrl-C that Python took before plantrack listened, where it cannot raise
            # one: while it looked whether the script is a zip archive, or in a callback
            # of its import system. Python reports it, ignores it and goes on as usual.
            ignored = re.search(r"^KeyboardInterrupt:? ?\n", err, re.MULTILINE)
            assert ignored is not None, (step, err)
            check_interrupted(process.returncode, err[ignored.end() :], before, after)
            continue
        if process.returncode == -signal.SIGINT or (
            "KeyboardInterrupt" in err.splitlines() and "plantrack: " not in err
        ):
            # Stopped before plantrack listened: by the signal itself, or by Python's
            # KeyboardInterrupt while it was still starting — in its site module (status
            # 1, "Fatal Python error"), while it set up the script or imported for it (the
            # console script's first import, the import system's own lock), or on the
            # package's lines before its handler (see the README). Once plantrack listens,
            # no KeyboardInterrupt is printed: the frames above say it was before.
            assert err == "" or err.rstrip("\n").endswith("KeyboardInterrupt"), (step, err)
            assert after == before
            continue
        if not err.startswith("plantrack: ") and "\nplantrack: " in err:
            # Anything else Python printed of a Ctrl-C before plantrack listened — such as
            # the C decimal module's warning when coverage's .pth line (under CI) was
            # interrupted importing it — holds no frame of plantrack's after its handler
            # (checked above); what plantrack says after it is checked whole.
            err = err[err.index("\nplantrack: ") + 1 :]
        check_interrupted(process.returncode, err, before, after)


def as_a_user(args: list[str]) -> list[str] | None:
    """`args` run so that file permissions apply: root gives up its power to ignore them."""
    if os.geteuid() != 0:
        return args
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        return None
    dropped = "-dac_override,-dac_read_search"
    return [setpriv, f"--inh-caps={dropped}", f"--bounding-set={dropped}", "--", *args]


@pytest.mark.slow
@POSIX
def test_an_unreadable_plan_is_a_located_problem_in_every_command(folder: Path) -> None:
    plan = folder / "2022.yaml"
    plan.chmod(0)
    runs = {
        "status": ["status", "--plan", "2022.yaml"],
        "note": ["note", "1", "x", "--plan", "2022.yaml"],
        "text": ["lint", "2022.yaml"],
        "json": ["lint", "2022.yaml", "-f", "json"],
        "sarif": ["lint", "2022.yaml", "-f", "sarif"],
    }
    commands = {
        name: as_a_user([sys.executable, "-m", "plantrack", *args]) for name, args in runs.items()
    }
    try:
        if commands["status"] is None:
            pytest.skip("running as root without setpriv: permissions cannot be tested")
        running = {
            name: subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE)  # type: ignore[arg-type]
            for name, argv in commands.items()
        }
        results = {name: process.communicate(timeout=60) for name, process in running.items()}
        codes = {name: running[name].returncode for name in running}
    finally:
        plan.chmod(0o644)
    line = "plantrack: 2022.yaml: cannot be read: permission denied"
    assert codes == {"status": 1, "note": 1, "text": 1, "json": 1, "sarif": 1}
    assert results["status"][1].decode().splitlines() == [line]
    assert results["note"][1].decode().splitlines() == [line]
    assert results["text"][0].decode().splitlines()[0].startswith("2022.yaml: error unreadable")
    import json

    (finding,) = json.loads(results["json"][0])
    assert (finding["code"], finding["line"]) == ("unreadable", 0)
    sarif = json.loads(results["sarif"][0])
    assert sarif["runs"][0]["results"][0]["ruleId"] == "unreadable"


TITLE = "带头做“两个确立”的坚决拥护者🎉"


@pytest.fixture
def emoji_plan(folder: Path) -> Path:
    plan = folder / "2022.yaml"
    text = plan.read_text(encoding="utf-8")
    plan.write_text(
        text.replace(
            "title: 带头做“两个确立”的坚决拥护者和“两个维护”的坚定践行者", f"title: {TITLE}"
        ),
        encoding="utf-8",
    )
    (folder / "doc.txt").write_text(DOCUMENT.replace("第一项", "第一项🎉"), encoding="utf-8")
    return plan


DATA = {
    "status json": (["status", "--format", "json", "--plan", "2022.yaml"], TITLE),
    "show json": (["show", "1", "-f", "json", "--plan", "2022.yaml"], TITLE),
    "lint json": (["lint", "2022.yaml", "-f", "json"], "“"),
    "lint sarif": (["lint", "2022.yaml", "-f", "sarif"], "“"),
    "lint github": (["lint", "2022.yaml", "-f", "github"], "“"),
    "schema": (["schema"], "事项"),
    "import": (["import", "doc.txt", "-o", "-"], "第一项🎉"),
    "init": (["init", "--year", "2023", "--from", "2022.yaml", "-o", "-"], TITLE),
    "render": (["render", "--plan", "2022.yaml"], TITLE),
    "dry-run": (["note", "1", "记录🎉", "--dry-run", "--plan", "2022.yaml"], "记录🎉"),
    "export csv": (["export", "-p", "2022.yaml", "-f", "csv"], TITLE),
}


@pytest.mark.slow
def test_data_is_utf8_whatever_the_consoles_encoding(
    emoji_plan: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PYTHONIOENCODING", "cp936")
    running = {name: start(args) for name, (args, _) in DATA.items()}
    for name, process in running.items():
        out, err = process.communicate(timeout=60)
        assert process.returncode in (0, 1), (name, err)
        assert DATA[name][1] in out.decode("utf-8"), name


@pytest.mark.slow
def test_text_for_a_person_is_in_the_consoles_encoding(
    emoji_plan: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PYTHONIOENCODING", "cp936")
    process = start(["show", "1", "--plan", "2022.yaml"])
    out, err = process.communicate(timeout=60)
    assert process.returncode == 0, err
    # What GBK cannot show becomes '?', and the rest is GBK.
    assert "带头做“两个确立”的坚决拥护者?" in out.decode("cp936")


def test_the_systems_reasons_are_said_in_the_users_language(environment: Environment) -> None:
    import errno

    from plantrack.errors import os_reason

    refused = PermissionError(errno.EACCES, "Permission denied")
    assert os_reason(refused) == "permission denied"
    environment(PLANTRACK_LANG="zh")
    assert os_reason(refused) == "没有权限"
    assert os_reason(OSError(errno.ENOSPC, "No space left on device")) == "磁盘已满"


def test_a_discovered_plan_is_named_relative_to_the_current_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from typer.testing import CliRunner

    from plantrack.cli import app

    (tmp_path / "plans").mkdir()
    shutil.copy(PLAN_2022, tmp_path / "plans" / "2022.yaml")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["note", "1", "x", "--by", "测试"])
    assert (result.exit_code, result.stderr) == (
        0,
        f"plantrack: {os.path.join('plans', '2022.yaml')}: item 1: ledger entry added\n",
    )


@pytest.mark.parametrize(
    ("line", "said"),
    [
        ("plans/2022.yaml:5:131: unmatched “", "plans/2022.yaml:5:131: unmatched “"),
        (r"C:\plans\2022.yaml:5:1: unmatched “", r"C:\plans\2022.yaml:5:1: unmatched “"),
        ("plans/2022.yaml: no such file", "plantrack: plans/2022.yaml: no such file"),
        ("1 file checked: 0 errors", "plantrack: 1 file checked: 0 errors"),
    ],
)
def test_one_rule_for_who_speaks(line: str, said: str) -> None:
    from plantrack.render.terminal import message

    assert message(line) == said


@pytest.mark.slow
@POSIX
def test_unbuffered_python_keeps_its_streams(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PYTHONUNBUFFERED", "1")  # stdout's bytes layer is then the raw one
    written = start(["schema"])
    with open("/dev/full", "wb") as full:
        refused = start(["schema"], stdout=full)
        code, err = finish(refused)
    out, _ = written.communicate(timeout=60)
    assert (written.returncode, out.startswith(b"{")) == (0, True)
    assert (code, err) == (1, "plantrack: cannot write to stdout: the disk is full\n")


@pytest.mark.slow
@pytest.mark.skipif(
    not hasattr(os, "sched_getaffinity") or len(os.sched_getaffinity(0)) < 2,
    reason="lint checks a folder on several processes where it has several cores",
)
def test_ctrl_c_while_lint_checks_a_folder_on_several_processes(folder: Path) -> None:
    plans = folder / "plans"
    plans.mkdir()
    for number in range(2000):
        shutil.copy(PLAN_2022, plans / f"{number}.yaml")
    # A terminal's Ctrl-C reaches the whole process group: the command and its workers.
    process = subprocess.Popen(
        [sys.executable, "-m", "plantrack", "lint", "plans"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    assert process.stdout is not None
    process.stdout.readline()  # the first finding: the workers are checking files
    os.killpg(process.pid, signal.SIGINT)
    _, err = process.communicate(timeout=600)
    assert "Traceback" not in err.decode("utf-8")
    assert (process.returncode, err.decode("utf-8")) in {
        (130, "plantrack: interrupted\n"),
        (0, "plantrack: 2000 files checked: 0 errors, 2000 warnings\n"),
    }
