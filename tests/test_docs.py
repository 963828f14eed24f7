"""The README documents every command, error code and analysis component."""
from __future__ import annotations

import re

import typer.main

from conftest import ROOT
from warta.cli import app
from warta.errors import CODES
from warta.pipeline import REGISTRY

README = (ROOT / "README.md").read_text(encoding="utf-8")


def _commands(group, prefix="warta"):
    click_group = typer.main.get_command(group) if not hasattr(group, "commands") else group
    for name, cmd in click_group.commands.items():
        if hasattr(cmd, "commands"):
            yield from _commands(cmd, f"{prefix} {name}")
        else:
            yield f"{prefix} {name}"


def test_every_command_is_documented():
    missing = [c for c in _commands(app) if f"`{c}" not in README]
    assert not missing, f"commands missing from README: {missing}"


def test_every_error_code_is_documented():
    rows = dict(re.findall(r"^\| (W\d{3}) \| ([\w-]+) \|", README, re.M))
    assert rows == {code: name for code, (name, _, _) in CODES.items()}


def test_every_component_is_documented():
    assert all(f"`{name}`" in README for name in REGISTRY)


def test_readme_names_the_two_setup_commands_and_ci_runs_the_test_one():
    assert "make demo" in README and "make test" in README
    assert "make test" in (ROOT / ".ci" / "run").read_text()
