"""The one YAML reader: errors name FILE:LINE, a file is read again once it changes."""
from __future__ import annotations

import os
from pathlib import Path

import pytest
from jinja2.exceptions import SecurityError, UndefinedError

from formgen.checks.rules import load_rules
from formgen.core.errors import TemplateError
from formgen.core.jinjaenv import render_text, sandboxed_environment
from formgen.core.resources import shipped_templates
from formgen.core.yamlfile import Node, load_file, load_yaml
from formgen.service.batches import load_stages


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_lines_are_kept(tmp_path):
    data = load_yaml(write(tmp_path / "a.yaml", "a: 1\nb:\n  - x: 1\n    y: 2\n"))
    assert isinstance(data, Node) and data.line_of("b") == 2
    assert data["b"].line == 3 and data["b"][0].line_of("y") == 4


@pytest.mark.parametrize(("text", "line"), [("a: 1\nb: [\n", 3), ("a: 1\na: 2\n", 2),
                                            ("a: 1\n  b: 2\n", 2)])
def test_syntax_errors_say_file_and_line(tmp_path, text, line):
    path = write(tmp_path / "bad.yaml", text)
    with pytest.raises(TemplateError) as info:
        load_yaml(path)
    assert info.value.code == "template_yaml" and info.value.line == line
    assert info.value.one_line().startswith(f"{path}:{line}: YAML tidak valid")


def test_caller_names_code_and_wording(tmp_path):
    path = write(tmp_path / "rules.yaml", "thresholds: {name_ok: 88\n")
    with pytest.raises(TemplateError) as info:
        load_yaml(path, code="bad_rules", message="check.bad_rules")
    assert info.value.code == "bad_rules"
    assert "aturan persyaratan tidak valid" in info.value.message and info.value.line == 2


def test_shape_encoding_and_missing(tmp_path):
    with pytest.raises(TemplateError) as info:
        load_yaml(write(tmp_path / "list.yaml", "- a\n- b\n"))
    assert info.value.code == "template_shape"
    assert load_yaml(tmp_path / "list.yaml", mapping=False) == ["a", "b"]
    (tmp_path / "latin.yaml").write_bytes("nama: Andr\xe9\n".encode("latin-1"))
    with pytest.raises(TemplateError) as info:
        load_yaml(tmp_path / "latin.yaml")
    assert info.value.code == "template_encoding"
    with pytest.raises(TemplateError) as info:
        load_yaml(tmp_path / "none.yaml", code="bad_stage_table")
    assert info.value.code == "bad_stage_table" and str(tmp_path / "none.yaml") in info.value.path


def test_an_edited_file_is_read_again(tmp_path):
    path = write(tmp_path / "w.yaml", "a: 1\n")
    first = load_file(path)
    assert load_file(path) is first
    write(path, "a: 22\n")
    os.utime(path, ns=(first.path.stat().st_atime_ns, first.path.stat().st_mtime_ns + 10**9))
    assert load_yaml(path) == {"a": 22}


def test_rules_and_stage_errors_point_at_the_line(tmp_path):
    rules = (shipped_templates() / "rules.yaml").read_text(encoding="utf-8")
    bad = write(tmp_path / "rules.yaml", rules.replace("check: signed", "check: signd", 1))
    with pytest.raises(TemplateError) as info:
        load_rules(bad)
    assert info.value.code == "bad_rules" and info.value.line
    assert "signd" in bad.read_text(encoding="utf-8").splitlines()[info.value.line - 1]
    stages = (shipped_templates() / "stages.yaml").read_text(encoding="utf-8")
    bad = write(tmp_path / "stages.yaml", stages.replace("hari: ", "hari: -", 1))
    with pytest.raises(TemplateError) as info:
        load_stages(bad)
    assert info.value.code == "bad_stage_table" and info.value.line


def test_thresholds_come_from_the_rules_file(tmp_path):
    rules = (shipped_templates() / "rules.yaml").read_text(encoding="utf-8")
    with pytest.raises(TemplateError, match="name_ok"):
        load_rules(write(tmp_path / "rules.yaml", rules.replace("  name_ok: 88\n", "")))


def test_templates_run_sandboxed_and_strict():
    assert render_text("{{ a }}-{{ b | upper }}", a=1, b="x") == "1-X"
    with pytest.raises(UndefinedError):
        render_text("{{ missing }}")
    with pytest.raises(SecurityError):
        render_text("{{ x.__class__.__mro__[1].__subclasses__() }}", x="")
    env = sandboxed_environment(autoescape=True)
    assert env.from_string("{{ a }}").render(a="<b>") == "&lt;b&gt;"


def test_one_reader_and_one_environment():
    """Only core.yamlfile parses YAML and only core.jinjaenv builds Jinja environments."""
    root = Path(__file__).resolve().parents[2]
    yaml_users, jinja_users = set(), set()
    for folder in ("formgen", "ocr", "scansim"):
        for path in (root / folder).rglob("*.py"):
            text = path.read_text(encoding="utf-8")
            name = path.relative_to(root).as_posix()
            if "import yaml" in text:
                yaml_users.add(name)
            if "Environment(" in text:
                jinja_users.add(name)
    # formgen/domain/nik.py still reads its region table itself
    assert yaml_users <= {"formgen/core/yamlfile.py", "formgen/domain/nik.py"}
    assert jinja_users == {"formgen/core/jinjaenv.py"}
