"""The floor: a hello-world of plantrack's stack, one typer command taking one option.

plantrack's start-up is measured against this script run the same way, as a whole process.
"""

import pydantic  # noqa: F401
import rich  # noqa: F401
import typer
import yaml  # noqa: F401

app = typer.Typer()


@app.command()
def hello(name: str = typer.Option("world", "--name", help="Whom to greet.")) -> None:
    """Say hello."""
    print(f"hello {name}")


if __name__ == "__main__":
    app()
