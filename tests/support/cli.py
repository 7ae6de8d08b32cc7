"""The command line driven in process against one workspace, and a free loopback port."""
from __future__ import annotations

import json
import socket
from pathlib import Path

from click.testing import CliRunner

from formgen.cli import main


def workspace_cli(workspace: Path):
    """``run(*args, ok=(0,))``: ``formgen --workspace W ARGS``, its JSON when ``--json`` is
    among the arguments, else the click result; an exit code not in ``ok`` fails the test."""
    runner = CliRunner()

    def run(*args, ok=(0,)):
        result = runner.invoke(main, ["--workspace", str(workspace), *map(str, args)],
                               catch_exceptions=False)
        assert result.exit_code in ok, result.output
        return json.loads(result.stdout) if "--json" in args else result

    return run


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]
