"""Reading YAML (templates, rules, wording, data) keeping each mapping's line: errors say FILE:LINE.

Every shipped or office file formgen reads as YAML goes through :func:`load_yaml` or
:func:`load_file`. A parsed file is kept while its modification time and size stay
the same, so an office's edit is seen at once; callers must not change what they get.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from formgen.core.errors import TemplateError
from formgen.core.i18n import t


class Node(dict):
    """A YAML mapping that remembers the line it starts on and the line of each key."""

    line: int = 0
    key_lines: dict

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, self.line)


class NodeList(list):
    line: int = 0


class _Loader(yaml.SafeLoader):
    pass


def _construct_mapping(loader: _Loader, node: yaml.MappingNode) -> Node:
    result = Node()
    result.line = node.start_mark.line + 1
    result.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in result:
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate key {key!r}", key_node.start_mark)
        result[key] = loader.construct_object(value_node, deep=True)
        result.key_lines[key] = key_node.start_mark.line + 1
    return result


def _construct_sequence(loader: _Loader, node: yaml.SequenceNode) -> NodeList:
    result = NodeList(loader.construct_object(child, deep=True) for child in node.value)
    result.line = node.start_mark.line + 1
    return result


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)


class YamlSyntaxError(ValueError):
    """A file that is not UTF-8 YAML; ``line`` is where the parser stopped (None: no line)."""

    def __init__(self, detail: str, *, line: int | None = None, encoding: bool = False):
        super().__init__(detail)
        self.detail = detail
        self.line = line
        self.encoding = encoding


def parse_yaml(raw: bytes) -> Any:
    """The document in ``raw`` (mappings as :class:`Node`, lists as :class:`NodeList`).

    Raises YamlSyntaxError; it carries no translated wording, so the message
    catalogues themselves can be read with it.
    """
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise YamlSyntaxError(str(exc), encoding=True) from exc
    try:
        return yaml.load(text, Loader=_Loader)  # noqa: S506 - SafeLoader subclass
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        raise YamlSyntaxError(exc.problem or str(exc),
                              line=mark.line + 1 if mark else None) from exc
    except yaml.YAMLError as exc:
        raise YamlSyntaxError(str(exc)) from exc


@dataclass(frozen=True)
class YamlFile:
    name: str
    path: Path
    data: Any
    digest: str  # sha256 of the file's bytes

    def error(self, message: str, node: Node | NodeList | None = None, key: str | None = None,
              *, code: str = "template_error") -> TemplateError:
        """A TemplateError at the line of ``node`` (or of its ``key``) in this file."""
        line = None
        if isinstance(node, Node) and key is not None:
            line = node.line_of(key)
        elif node is not None:
            line = getattr(node, "line", None)
        return TemplateError(message, path=str(self.path), line=line, code=code)


def load_file(path: Path, *, code: str = "template_yaml", message: str | None = None,
              mapping: bool = True) -> YamlFile:
    """The YAML file at ``path``; any failure is a TemplateError naming FILE:LINE.

    ``code`` is the error's reason code and ``message`` the catalogue key of its
    wording (formatted with ``detail``); by default a form template's. With
    ``mapping`` the document must be a mapping (``key: value``).
    """
    path = Path(path)
    try:
        stat = path.stat()
        found = _load_cached(str(path), stat.st_mtime_ns, stat.st_size)
    except OSError as exc:
        raise _error(path, exc.strerror or str(exc), None, code, message) from exc
    except YamlSyntaxError as exc:
        if exc.encoding and message is None:
            raise TemplateError(t("forms.template_not_utf8"), path=str(path),
                                code="template_encoding") from exc
        raise _error(path, exc.detail, exc.line, code, message) from exc
    if mapping and not isinstance(found.data, Node):
        if message is None:
            raise TemplateError(t("forms.template_not_mapping"), path=str(path), line=1,
                                code="template_shape")
        raise _error(path, t("forms.template_not_mapping"), 1, code, message)
    return found


def load_yaml(path: Path, *, code: str = "template_yaml", message: str | None = None,
              mapping: bool = True) -> Any:
    """The data of the YAML file at ``path`` (see :func:`load_file`)."""
    return load_file(path, code=code, message=message, mapping=mapping).data


@lru_cache(maxsize=128)
def _load_cached(path_text: str, _mtime: int, _size: int) -> YamlFile:
    path = Path(path_text)
    raw = path.read_bytes()
    return YamlFile(name=path.stem, path=path, data=parse_yaml(raw),
                    digest=hashlib.sha256(raw).hexdigest())


def _error(path: Path, detail: str, line: int | None, code: str,
           message: str | None) -> TemplateError:
    return TemplateError(t(message or "forms.template_yaml", detail=detail), path=str(path),
                         line=line, code=code)
