"""Education levels and their aliases come from rules.yaml only."""
from __future__ import annotations

from formgen.checks.rules import load_rules
from formgen.core.resources import shipped_templates
from formgen.domain import education
from formgen.ingest.compare import values_agree


def test_roster_wording_to_level():
    cases = {"sma": "SMA", "S-1": "S1", "Diploma Tiga": "D3", "SLTA": "SMA", "d4": "D4",
             "SMK": "SMA", "MTs": "SMP", "Paket A": "SD", "Paket C": "SMA", "D III": "D3",
             "DI": "D1", "??": None, "": None}
    assert {k: education.level_code(k) for k in cases} == cases


def test_levels_in_order_and_the_checks_use_the_same_table():
    codes = [lv.code for lv in education.levels()]
    assert codes == ["SD", "SMP", "SMA", "D1", "D2", "D3", "D4", "S1", "S2", "S3"]
    rules = load_rules()
    assert rules.levels == education.levels()
    assert rules.level_rank("Madrasah Aliyah") == (2, "SMA")


def test_mentions_in_a_diploma_text():
    text = ("YANG BERTANDA TANGAN DI BAWAH INI\nPROGRAM DIPLOMA III (D-III)\n"
            "gelar Ahli Madya; Sarjana Terapan; PASCASARJANA; SMK NEGERI 2; di sekolah; MTs")
    found = [(m.code, text[m.start:m.end]) for m in education.mentions(text)]
    assert found == [("D3", "DIPLOMA III"), ("D3", "D-III"), ("D3", "Ahli Madya"),
                     ("D4", "Sarjana Terapan"), ("SMA", "SMK"), ("SMP", "MTs")]


def test_schools_that_no_longer_exist_keep_their_level():
    # an older worker's diploma names a school of its time, not today's SMA or SMP
    text = ("IJAZAH\nSEKOLAH PENDIDIKAN GURU\nKepala SPG Negeri Palangka Raya; "
            "Sekolah Menengah Ekonomi Pertama; SEKOLAH TEKNIK MENENGAH; Sekolah Rakyat")
    found = [(m.code, text[m.start:m.end]) for m in education.mentions(text)]
    assert found == [("SMA", "SEKOLAH PENDIDIKAN GURU"), ("SMA", "SPG"),
                     ("SMP", "Sekolah Menengah Ekonomi Pertama"),
                     ("SMA", "SEKOLAH TEKNIK MENENGAH"), ("SD", "Sekolah Rakyat")]


def test_an_abbreviation_counts_only_written_in_capitals():
    # a word read 'Mi' or 'Ma' in a sentence is no madrasah's level
    text = "Direktur Politeknik dengan Mi bahwa; Ma; Sma; mts; MI; MA; MTsN; S-1"
    found = [(m.code, text[m.start:m.end]) for m in education.mentions(text)]
    assert found == [("SD", "MI"), ("SMA", "MA"), ("SMP", "MTsN"), ("S1", "S-1")]


def test_roster_comparison_uses_the_levels():
    assert values_agree("SMK", "SMA", kind="level")
    assert values_agree("PAKET B", "SMP", kind="level")
    assert not values_agree("S1", "D4", kind="level")
    assert not values_agree("??", "??", kind="level")


def test_an_office_table_is_used(tmp_path, monkeypatch):
    rules = shipped_templates().joinpath("rules.yaml").read_text(encoding="utf-8")
    (tmp_path / "rules.yaml").write_text(rules.replace("aliases: [MI,", "aliases: [SR, MI,"),
                                         encoding="utf-8")
    monkeypatch.setenv("FORMGEN_TEMPLATES", str(tmp_path))
    assert education.level_code("SR") == "SD"
    monkeypatch.delenv("FORMGEN_TEMPLATES")
    assert education.level_code("SR") is None


def test_a_teacher_training_programme_names_no_level_of_its_own():
    """A D-II PGSD diploma trains teachers for primary school: "Pendidikan Guru Sekolah
    Dasar" names no SD; its degree's abbreviation (A.Ma., Ahli Muda) is a D2's even where
    the diploma writes "Ahli Madya" beside it, and A.Md. a D3's."""
    def codes(text):
        return [m.code for m in education.mentions(text)]

    assert codes("PROGRAM DIPLOMA II PENDIDIKAN GURU SEKOLAH DASAR") == ["D2"]
    assert codes("Program Studi Pendidikan Guru Sekolah Dasar (PGSD)") == []
    assert codes("Ahli Madya Pendidikan (A.Ma.Pd.)") == ["D3", "D2"]
    assert codes("Ahli Madya (A.Md.)") == ["D3", "D3"]
    assert codes("IJAZAH SEKOLAH DASAR NEGERI 2 ARUT SELATAN") == ["SD"]
    assert codes("SEKOLAH PENDIDIKAN GURU NEGERI") == ["SMA"]
    # a table given outright is taken as it is
    assert [m.code for m in education.mentions("GURU SEKOLAH DASAR", education.levels())] \
        == ["SD"]


def test_a_sekolah_teknik_was_a_junior_school():
    """The Sekolah Teknik (ST, STN) and Sekolah Kepandaian Putri were vocational schools
    of the SMP's level; a Sekolah Teknik Menengah (STM) was the SMA's."""
    def codes(text: str) -> list[str]:
        return [m.code for m in education.mentions(text)]

    assert codes("SURAT TANDA TAMAT BELAJAR SEKOLAH TEKNIK (ST)") == ["SMP"]
    assert codes("SEKOLAH TEKNIK NEGERI 2 PALANGKA RAYA") == ["SMP"]
    assert codes("SEKOLAH TEKNIK MENENGAH NEGERI 1") == ["SMA"]
    assert codes("SARJANA TEKNIK (S.T.)") == ["S1"]
