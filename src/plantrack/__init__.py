"""plantrack: an annual work plan (工作要点) kept as YAML in git, tracked from the command line."""

__version__ = "0.1.0"
