"""Finding and loading form templates (form_templates/<name>.yaml; errors say FILE:LINE)."""
from __future__ import annotations

from pathlib import Path

from formgen.core.errors import TemplateError
from formgen.core.i18n import t
from formgen.core.resources import template_files
from formgen.core.resources import template_path as _resource_path
from formgen.core.yamlfile import Node, YamlFile, load_file

__all__ = ["COMMON_NAME", "Node", "TemplateFile", "form_names", "load_common",
           "load_file", "load_template", "template_path"]

COMMON_NAME = "_common"
TemplateFile = YamlFile


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
