"""plantrack: an annual work plan (工作要点) kept as YAML in git, tracked from the command line."""

# The console script imports this package first, and Python's own handler turns a Ctrl-C
# into a traceback until plantrack.__main__ has listened: from here on, the earliest point
# any code of plantrack's runs, a Ctrl-C is only noted. Only in the plantrack command
# itself (the console script, `python -m plantrack`): a program that imports plantrack
# keeps its own Ctrl-C. Every statement before the handler is set widens the window it
# closes, so it comes first, through the builtin `_signal` (`signal` is a Python module
# whose import builds enums) and `sys`, which the interpreter has already imported.
import sys as _sys

# Ctrl-Cs that came while the plantrack command was starting, before plantrack.__main__
# listened: it counts them as its own.
early_ctrl_c: list[int] = []

if _sys.argv and (
    _sys.argv[0] == "-m"
    or _sys.argv[0]
    .replace("\\", "/")
    .rpartition("/")[2]
    .removesuffix(".exe")
    .removesuffix("-script.py")
    == "plantrack"
):
    import _signal  # type: ignore[import-not-found]  # builtin, without a stub

    try:  # noqa: SIM105  (contextlib is one more import inside the window)
        _signal.signal(_signal.SIGINT, lambda number, frame: early_ctrl_c.append(number))
    except ValueError:  # not the main thread: not the command's own start
        pass
    del _signal

__version__ = "0.1.0"
