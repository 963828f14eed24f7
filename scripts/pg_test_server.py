#!/usr/bin/env python3
"""A throwaway PostgreSQL server for tests and CI, in a temporary directory.

    python scripts/pg_test_server.py start   # prints WARTA_TEST_PG=postgresql://... and the data dir
    python scripts/pg_test_server.py stop DATA_DIR

Uses the machine's PostgreSQL binaries (``$PG_BIN`` or
/usr/lib/postgresql/<15|16|...>/bin).  PostgreSQL refuses to run as root, so
as root the cluster is created and run by an unprivileged user (``postgres``
when it exists, else ``nobody``) through ``runuser``.  The server listens on
a Unix socket in the temporary directory only, with durability switched off
(fsync, full-page writes) because nothing in it needs to survive.  Its buffer
cache is sized like a served database's (``$WARTA_PG_SHARED_BUFFERS``, 512MB by
default): with PostgreSQL's stock 128MB the 100,000-article search benchmark
reads most pages from the OS cache on every query.
"""
from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import sys
import tempfile
from typing import Optional

USER = "warta"
SHARED_BUFFERS = os.environ.get("WARTA_PG_SHARED_BUFFERS", "512MB")


def pg_bin() -> Optional[str]:
    if os.environ.get("PG_BIN"):
        return os.environ["PG_BIN"]
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"), reverse=True)
    if found:
        return os.path.dirname(found[0])
    path = shutil.which("pg_ctl")
    return os.path.dirname(path) if path else None


def _runner() -> list[str]:
    """Command prefix that drops root to an unprivileged user."""
    if os.geteuid() != 0:
        return []
    for name in ("postgres", "nobody"):
        try:
            pwd.getpwnam(name)
        except KeyError:
            continue
        return ["runuser", "-u", name, "--"]
    raise RuntimeError("running as root and no unprivileged user (postgres, nobody) to run PostgreSQL")


def _owner() -> Optional[tuple[int, int]]:
    prefix = _runner()
    if not prefix:
        return None
    entry = pwd.getpwnam(prefix[2])
    return entry.pw_uid, entry.pw_gid


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start(base: Optional[str] = None) -> tuple[str, str]:
    """Start a server; returns (url, data_dir).  Raises RuntimeError when it cannot."""
    binary = pg_bin()
    if not binary:
        raise RuntimeError("PostgreSQL binaries not found (set PG_BIN)")
    root = tempfile.mkdtemp(prefix="warta-pg-", dir=base)
    os.chmod(root, 0o755)
    data = os.path.join(root, "data")
    owner = _owner()
    if owner:
        os.chown(root, *owner)
    run = _runner()
    port = _free_port()
    subprocess.run(run + [f"{binary}/initdb", "-D", data, "-U", USER, "--auth=trust", "-E", "UTF8",
                          "--locale=C", "--no-sync"], check=True, capture_output=True)
    options = (f"-k {root} -p {port} -c listen_addresses='' -c fsync=off -c synchronous_commit=off "
               f"-c full_page_writes=off -c max_connections=40 -c shared_buffers={SHARED_BUFFERS}")
    proc = subprocess.run(run + [f"{binary}/pg_ctl", "-D", data, "-o", options, "-l", os.path.join(root, "log"),
                                 "-w", "-t", "30", "start"], capture_output=True, text=True)
    if proc.returncode != 0:
        log = open(os.path.join(root, "log")).read() if os.path.exists(os.path.join(root, "log")) else ""
        raise RuntimeError(f"pg_ctl start failed: {proc.stderr.strip()} {log[-2000:]}")
    return f"postgresql://{USER}@/postgres?host={root}&port={port}", data


def stop(data: str) -> None:
    binary = pg_bin()
    subprocess.run(_runner() + [f"{binary}/pg_ctl", "-D", data, "-m", "immediate", "-w", "stop"],
                   capture_output=True)
    shutil.rmtree(os.path.dirname(data), ignore_errors=True)


def main() -> None:
    if len(sys.argv) >= 2 and sys.argv[1] == "start":
        url, data = start()
        print(f"WARTA_TEST_PG='{url}'")
        print(f"PG_DATA='{data}'")
    elif len(sys.argv) == 3 and sys.argv[1] == "stop":
        stop(sys.argv[2])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
