"""Every CLI command has help text, and the README names it (sqlite-utils' habit)."""
from pathlib import Path

import pytest
import typer.main

from newsledger.cli import app

README = (Path(__file__).resolve().parents[1] / "README.md").read_text()
COMMANDS = sorted(typer.main.get_command(app).commands)


@pytest.mark.parametrize("name", COMMANDS)
def test_command_is_documented(name):
    cmd = typer.main.get_command(app).commands[name]
    assert (cmd.help or "").strip(), f"{name} has no help text"
    assert f"newsledger {name}" in README or f"`{name}`" in README, f"README does not mention {name}"
