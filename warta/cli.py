"""The ``warta`` command line: one Typer app, commands registered per module."""
from __future__ import annotations

import typer

from warta.commands import analyze as analyze_cmd
from warta.commands import events as events_cmd
from warta.commands import ner as ner_cmd
from warta.commands import parse as parse_cmd
from warta.commands import serve as serve_cmd
from warta.commands import store as store_cmd

app = typer.Typer(
    name="warta",
    help="Indonesian online news into structured, searchable knowledge.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

for _module in (parse_cmd, analyze_cmd, events_cmd, ner_cmd, store_cmd, serve_cmd):
    _module.register(app)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
