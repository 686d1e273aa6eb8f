"""plantrack: an annual work plan (工作要点) kept as YAML in git, tracked from the command line."""

__version__ = "0.1.0"

# Ctrl-Cs that came while the plantrack command was starting, before plantrack.__main__
# listened: it counts them as its own.
early_ctrl_c: list[int] = []


def _listen_from_the_start() -> None:
    # The console script imports this package first, and Python's own handler would turn
    # a Ctrl-C into a traceback until plantrack.__main__ has listened: from here on, the
    # earliest point any code of plantrack's runs, it is only noted. Only in the plantrack
    # command itself (the console script, `python -m plantrack`): a program that imports
    # plantrack keeps its own Ctrl-C.
    import os
    import sys

    program = os.path.basename(sys.argv[0]) if sys.argv else ""
    if program != "-m" and program.removesuffix(".exe").removesuffix("-script.py") != "plantrack":
        return
    import signal

    # Not contextlib.suppress: each import here widens the window this closes.
    try:  # noqa: SIM105
        signal.signal(signal.SIGINT, lambda number, frame: early_ctrl_c.append(number))
    except ValueError:  # not the main thread: not the command's own start
        pass


_listen_from_the_start()
