"""Loading form templates (YAML) with the line of every mapping, so errors can say FILE:LINE."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from formgen.core.errors import TemplateError
from formgen.core.i18n import t
from formgen.core.resources import template_files
from formgen.core.resources import template_path as _resource_path

COMMON_NAME = "_common"


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


@dataclass(frozen=True)
class TemplateFile:
    name: str
    path: Path
    data: Node
    digest: str  # sha256 of the file's bytes

    def error(self, message: str, node: Node | NodeList | None = None, key: str | None = None,
              *, code: str = "template_error") -> TemplateError:
        line = None
        if isinstance(node, Node) and key is not None:
            line = node.line_of(key)
        elif node is not None:
            line = getattr(node, "line", None)
        return TemplateError(message, path=str(self.path), line=line, code=code)


def load_file(path: Path) -> TemplateFile:
    stat = path.stat()
    return _load_cached(str(path), stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=64)
def _load_cached(path_text: str, _mtime: int, _size: int) -> TemplateFile:
    path = Path(path_text)
    raw = path.read_bytes()
    try:
        data = yaml.load(raw.decode("utf-8"), Loader=_Loader)  # noqa: S506 - SafeLoader subclass
    except UnicodeDecodeError as exc:
        raise TemplateError(t("forms.template_not_utf8"), path=str(path),
                            code="template_encoding") from exc
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        raise TemplateError(t("forms.template_yaml", detail=exc.problem or str(exc)),
                            path=str(path), line=mark.line + 1 if mark else None,
                            code="template_yaml") from exc
    if not isinstance(data, Node):
        raise TemplateError(t("forms.template_not_mapping"), path=str(path), line=1,
                            code="template_shape")
    return TemplateFile(name=path.stem, path=path, data=data,
                        digest=hashlib.sha256(raw).hexdigest())


def template_path(name: str) -> Path:
    return _resource_path(f"{name}.yaml")


def load_template(name: str) -> TemplateFile:
    """The form template ``name`` (a file form_templates/<name>.yaml with a ``form:`` key)."""
    path = template_path(name)
    if not path.is_file() or name.startswith("_"):
        raise TemplateError(t("forms.template_unknown", name=name, names=", ".join(form_names())),
                            path=str(path), code="template_unknown")
    tf = load_file(path)
    if "form" not in tf.data:
        raise tf.error(t("forms.template_not_form"), tf.data, code="template_shape")
    return tf


def load_common() -> TemplateFile:
    return load_file(template_path(COMMON_NAME))


def form_names() -> list[str]:
    """Names of the form templates present (files with a top-level ``form:`` key)."""
    names = []
    for path in template_files("*.yaml"):
        if path.stem.startswith("_"):
            continue
        try:
            if "form" in load_file(path).data:
                names.append(path.stem)
        except TemplateError:
            names.append(path.stem)  # listed, so that `template check` can report it
    return names
