"""The one kind of Jinja environment formgen uses: sandboxed and strict about undefined names.

Wording, forms and letters are templates an office may edit, so none of them
runs outside the sandbox, and a misspelt name is an error rather than an empty
string.
"""
from __future__ import annotations

from functools import lru_cache

from jinja2 import BaseLoader, StrictUndefined, Template
from jinja2.sandbox import SandboxedEnvironment


def sandboxed_environment(*, loader: BaseLoader | None = None, autoescape: bool = False,
                          keep_trailing_newline: bool = False) -> SandboxedEnvironment:
    """A new sandboxed environment with StrictUndefined (``loader`` for includes)."""
    return SandboxedEnvironment(loader=loader, undefined=StrictUndefined, autoescape=autoescape,
                                keep_trailing_newline=keep_trailing_newline)


_plain = sandboxed_environment()


@lru_cache(maxsize=512)
def compile_text(text: str) -> Template:
    """``text`` compiled once in the plain environment (no loader, no autoescape)."""
    return _plain.from_string(text)


def render_text(text: str, **values: object) -> str:
    """``text`` (a template from the wording files) filled in with ``values``."""
    return compile_text(text).render(**values)
