"""The plantrack process: its streams, Ctrl-C and its exit status, around the command line.

This module imports nothing heavy before it is ready for a Ctrl-C, so an interruption
at any moment, even while typer is still being imported, gives one line and status 130.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from plantrack.render.terminal import Outputs

# Commands that write a plan file: an interruption says whether the plan was written.
WRITING = {
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
    "import",
    "init",
    "merge-driver",
    "roles",  # roles add, remove and rename write; plain `roles` writes nothing, truly so
}

INTERRUPTED = 130  # 128 + SIGINT, as a shell reports a command stopped by Ctrl-C
BROKEN_PIPE = 141  # 128 + SIGPIPE, as a shell reports `yes | head -1`


# Set by the first Ctrl-C: one that Python could not raise where it arrived (inside a
# callback of the import system, say) still ends the command with its line and 130.
_ctrl_c: list[bool] = []
_running: list[bool] = []


def _on_ctrl_c(number: int, frame: object) -> None:
    _ctrl_c.append(True)
    if _running:  # before main() runs, there is nothing to stop yet: main() says it
        raise KeyboardInterrupt


def _unraisable(unraisable: sys.UnraisableHookArgs) -> None:
    if unraisable.exc_type is not KeyboardInterrupt:
        sys.__unraisablehook__(unraisable)


def _listen() -> None:
    # From the moment this module is imported: the console script still has a line or
    # two of its own to run before it calls main().
    import contextlib
    import signal

    # Imported outside the main thread, this is not the command process: leave it be.
    with contextlib.suppress(ValueError):
        signal.signal(signal.SIGINT, _on_ctrl_c)
        # A Ctrl-C raised inside a callback Python calls on its own (the import system's
        # module locks, a finalizer) cannot stop anything there: Python prints it as
        # "Exception ignored in …" with a traceback and goes on. It is already counted
        # in _ctrl_c, and main() ends the command with its one line.
        sys.unraisablehook = _unraisable
    from plantrack import early_ctrl_c

    if early_ctrl_c:  # one came while the command was starting
        _ctrl_c.append(True)


_listen()


def main() -> None:
    """Console-script entry point."""
    try:
        # Inside the try: from this append on, a Ctrl-C raises, and must land here.
        _running.append(True)
        if _ctrl_c:
            raise KeyboardInterrupt
        code = _run()
        if _ctrl_c:  # typer, or Python itself, took the KeyboardInterrupt
            raise KeyboardInterrupt
    except KeyboardInterrupt:
        _running.clear()  # a second Ctrl-C while it is said is only counted
        code = _interrupted()
    except Exception:
        _running.clear()
        if not _ctrl_c:
            raise
        # A Ctrl-C that Python wrapped in another error (raised inside __set_name__,
        # say, while a module defines its classes): still the one line and 130.
        code = _interrupted()
    import signal

    # The command is over and its status decided: a Ctrl-C now would only hide it.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _leave(code)


def _leave(code: int) -> None:
    # Freeing what a large plan was read into (a million objects for 10,000 items) takes
    # a tenth of a second at exit, and frees nothing the system does not take back anyway:
    # once what is registered to run at exit has run and the streams are flushed, the
    # process ends at once. A stream that cannot be flushed is left to Python's own exit,
    # which says so.
    import atexit
    import os

    atexit._run_exitfuncs()
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):
        sys.exit(code)
    os._exit(code)


def _run() -> int:
    from plantrack.render.terminal import install_outputs

    # The streams are swapped one after the other, each detached before its new one is in
    # place: a Ctrl-C meanwhile would leave no stream to say its line on, so it waits.
    _running.clear()
    try:
        outputs = install_outputs()
    finally:
        _running.append(True)
    if _ctrl_c:
        raise KeyboardInterrupt
    try:
        code = _command(outputs)
    except KeyboardInterrupt:
        raise
    except OSError:
        if outputs.out.failure is None:
            raise
        code = 1
    failure = outputs.stdout_failure()
    if failure is not None:
        return _stdout_failed(failure)
    if code == 0 and outputs.out.copy is not None and not outputs.err.used:
        from plantrack import memo

        memo.keep(sys.argv, outputs.out.copy)
    return code


def _command(outputs: Outputs) -> int:
    if sys.argv[1:] == ["--version"]:
        # Answered before typer is even imported: this is what scripts call most.
        from plantrack import __version__

        sys.stdout.write(f"plantrack {__version__}\n")
        return 0
    from plantrack import memo

    # A view run again as it was, on the same plan, prints what it printed then.
    output = memo.replay(sys.argv)
    if output is not None:
        sys.stdout.buffer.write(output)
        return 0
    if memo.noted():
        outputs.out.copy = bytearray()
    import gc

    # A command lives for a fraction of a second and allocates mostly long-lived objects
    # (modules, classes, schemas): the cyclic collector would only cost start-up time.
    gc.disable()
    import os

    # plantrack uses no pydantic plugins, and looking for them (the entry points of every
    # installed distribution, when the first model is built) costs a command a twentieth
    # of its start-up. pydantic's own switch; a value the user set is left as it is.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "1")
    if os.environ["PYDANTIC_DISABLE_PLUGINS"] in ("1", "true", "__all__"):
        _no_plugin_loader()
    from plantrack.cli import app

    try:
        app(prog_name="plantrack")
    except SystemExit as done:
        return done.code if isinstance(done.code, int) else (0 if done.code is None else 1)
    return 0


def _no_plugin_loader() -> None:
    """With plugins off, pydantic's plugin loader never looks for one, yet importing it
    imports importlib.metadata (and email, zipfile, csv … with it): a tenth of a command's
    start-up. Its one function, answering "no plugins" as it would, stands in for it."""
    import types

    loader = types.ModuleType("pydantic.plugin._loader")
    loader.get_plugins = tuple  # type: ignore[attr-defined]
    sys.modules.setdefault("pydantic.plugin._loader", loader)


def _stdout_failed(failure: OSError) -> int:
    import errno

    if failure.errno == errno.EPIPE or (sys.platform == "win32" and failure.errno == errno.EINVAL):
        return BROKEN_PIPE  # the reader has all it wanted: nothing to say
    from plantrack.errors import os_reason
    from plantrack.i18n import t

    line = t("process.stdout_failed", reason=os_reason(failure))
    sys.stderr.write(f"plantrack: {line}\n")
    sys.stderr.flush()
    return 1


def _interrupted() -> int:
    """The one line said on Ctrl-C: whether the plan was written."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # a second Ctrl-C changes nothing now
    from plantrack import outcome
    from plantrack.errors import shown_path
    from plantrack.i18n import t

    words = [word for word in sys.argv[1:] if not word.startswith("-")]
    if outcome.written:
        line = t("process.interrupted_written", path=shown_path(outcome.written[-1]))
    elif words and words[0] in WRITING:
        line = t("process.interrupted_not_written")
    else:
        line = t("process.interrupted")
    import contextlib

    with contextlib.suppress(OSError, ValueError, AttributeError):
        sys.stdout.flush()
    try:
        sys.stderr.write(f"plantrack: {line}\n")
        sys.stderr.flush()
    except (OSError, ValueError, AttributeError):  # no usable sys.stderr: its descriptor
        import os

        with contextlib.suppress(OSError):
            os.write(2, f"plantrack: {line}\n".encode(errors="replace"))
    return INTERRUPTED


if __name__ == "__main__":
    main()
