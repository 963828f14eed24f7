"""Placeholder: this command module is being written."""
import typer


def register(app: typer.Typer) -> None:
    pass
