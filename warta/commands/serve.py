"""``warta serve``: the web pages and the JSON API over a store, on localhost by default."""
from __future__ import annotations

import os
from typing import Optional

import typer

from warta.commands import common


def register(app: typer.Typer) -> None:
    app.command("serve")(serve)


def serve(
    db: Optional[str] = typer.Option(None, "--db", help="SQLite file or postgresql:// URL (default: $WARTA_DB or warta.db)."),
    host: str = typer.Option("127.0.0.1", "--host", help="Address to bind (localhost by default; 0.0.0.0 exposes it)."),
    port: int = typer.Option(8000, "--port", min=1, max=65535, help="Port to listen on."),
    token: Optional[str] = typer.Option(None, "--token", envvar="WARTA_TOKEN",
                                        help="Allow POST /api/ingest with 'Authorization: Bearer TOKEN' "
                                             "(without it the server is read-only)."),
    workers: int = typer.Option(1, "--workers", min=1, max=64, help="Server processes."),
) -> None:
    """Serve the web UI (search, articles, entities, stories, events, map) and the JSON API (/api, /docs)."""
    import uvicorn

    from warta.store import open_store
    from warta.errors import WartaError

    location = db or os.environ.get("WARTA_DB") or "warta.db"
    try:
        with open_store(location) as store:
            articles = store.scalar("SELECT count(*) FROM articles")
    except WartaError as err:
        common.stderr.print(f"[red]error[/red] {err}")
        raise typer.Exit(2) from None
    if host not in ("127.0.0.1", "localhost", "::1"):
        common.stderr.print(f"[yellow]note[/yellow]: listening on {host}: reachable from other machines")
    common.stderr.print(f"warta: {articles} article(s) in {location}; "
                        f"{'ingest enabled (token)' if token else 'read-only'}; http://{host}:{port}/")
    os.environ["WARTA_SERVE_DB"] = location
    if token:
        os.environ["WARTA_SERVE_TOKEN"] = token
    uvicorn.run("warta.commands.serve:app_from_env", factory=True, host=host, port=port, workers=workers,
                log_level="warning", server_header=False, limit_concurrency=200, timeout_keep_alive=5)


def app_from_env():
    """The app for uvicorn's factory mode (also used by each worker process)."""
    from warta.api import create_app

    return create_app(os.environ.get("WARTA_SERVE_DB"), os.environ.get("WARTA_SERVE_TOKEN") or None)
