"""Reading back a name agrees with the roster by the one threshold in rules.yaml."""
from __future__ import annotations

from formgen.checks.rules import load_rules
from formgen.core.resources import shipped_templates, use_office_templates
from formgen.ingest.compare import values_agree

READ, ROSTER = "Dedy Kurniawam", "DEDI KURNIAWAN"  # token_sort_ratio 85.7


def test_shipped_threshold_applies():
    assert load_rules().name_ok == 88
    assert not values_agree(READ, ROSTER, kind="name")
    assert values_agree("Budi  Santoso", "BUDI SANTOSO", kind="name")


def test_an_office_threshold_applies(tmp_path):
    rules = (shipped_templates() / "rules.yaml").read_text(encoding="utf-8")
    assert "  name_ok: 88\n" in rules
    (tmp_path / "rules.yaml").write_text(rules.replace("  name_ok: 88\n", "  name_ok: 85\n"),
                                         encoding="utf-8")
    use_office_templates(tmp_path)
    assert values_agree(READ, ROSTER, kind="name")


def test_a_diploma_number_read_with_confusable_letters_agrees():
    from formgen.ingest.compare import values_agree
    assert values_agree("DN-12 DI 4923731", "DN-12 Dl 4923731", kind="identifier")
    assert values_agree("dn-15 mk 0012345", "DN-15 Mk OO12345", kind="identifier")
    assert not values_agree("DN-12 DI 4923732", "DN-12 Dl 4923731", kind="identifier")
