"""Everything plantrack takes from its environment, read in this one place.

The environment is read once per run of a command (the command layer starts each run
with `reset()`), and tests replace it through the same door.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass

# In this order: the first one set decides the language (the POSIX rule, with ours first).
LANGUAGE_VARIABLES = ("PLANTRACK_LANG", "LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE")


@dataclass(frozen=True, slots=True)
class Settings:
    """What the environment asks of plantrack."""

    language: str  # "en" or "zh"
    plan: str | None = None  # PLANTRACK_PLAN
    today: str | None = None  # PLANTRACK_TODAY, ISO, as given
    no_color: bool = False  # NO_COLOR
    force_color: bool = False  # FORCE_COLOR, anything but "" and "0"
    dumb_terminal: bool = False  # TERM=dumb
    columns: int = 0  # COLUMNS; 0 when unset or not a number
    github_actions: bool = False  # GITHUB_ACTIONS=true
    no_cache: bool = False  # PLANTRACK_NO_CACHE, anything but "" and "0"
    cache_home: str = ""  # XDG_CACHE_HOME
    local_app_data: str = ""  # LOCALAPPDATA, where Windows keeps a user's caches


def system_locale() -> str:
    """The system's locale name (Windows sets no LANG), or "" when it cannot be told."""
    try:
        import locale

        return locale.getlocale()[0] or ""
    except (ValueError, TypeError):  # a malformed locale setting
        return ""


def read(
    environ: Mapping[str, str] | None = None, locale: Callable[[], str] = system_locale
) -> Settings:
    """The settings an environment gives (the process's own unless another is given)."""
    env = os.environ if environ is None else environ
    try:
        columns = int(env.get("COLUMNS", "0"))
    except ValueError:
        columns = 0
    return Settings(
        language=_language(env, locale),
        plan=env.get("PLANTRACK_PLAN") or None,
        today=env.get("PLANTRACK_TODAY") or None,
        no_color=bool(env.get("NO_COLOR")),
        force_color=env.get("FORCE_COLOR", "0") not in ("", "0"),
        dumb_terminal=env.get("TERM") == "dumb",
        columns=max(columns, 0),
        github_actions=env.get("GITHUB_ACTIONS") == "true",
        no_cache=env.get("PLANTRACK_NO_CACHE", "") not in ("", "0"),
        cache_home=env.get("XDG_CACHE_HOME", ""),
        local_app_data=env.get("LOCALAPPDATA", ""),
    )


def _language(env: Mapping[str, str], locale: Callable[[], str]) -> str:
    """PLANTRACK_LANG, then the locale variables, then the system locale: Chinese for a
    name starting with "zh" or naming Chinese, English for everything else."""
    name = next((env[var] for var in LANGUAGE_VARIABLES if env.get(var)), None)
    lowered = (locale() if name is None else name).lower()
    return "zh" if lowered.startswith("zh") or "chinese" in lowered else "en"


_current: Settings | None = None


def current() -> Settings:
    """This run's settings, read from the environment the first time they are asked for."""
    global _current
    if _current is None:
        _current = read()
    return _current


def reset(settings: Settings | None = None) -> None:
    """Start a run: read the environment again when next asked, or use `settings`."""
    global _current
    _current = settings
