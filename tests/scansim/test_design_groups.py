"""Every card and diploma design renders at 200 and 300 dpi; the held-out groups are kept
apart (groups 2 to 33 never drawn unasked, never tuned on) and the benchmarks report each
group."""
from __future__ import annotations

import dataclasses
import random
import re
from concurrent.futures import Executor
from pathlib import Path

import cv2
import numpy as np
import pytest
from PIL import Image, ImageDraw

from benchmarks import accuracy, ktp_accuracy
from ocr.ktp.glyphs import number_faces
from scansim import ijazah as IJ
from scansim import ijazah_faces as IF
from scansim import ijazah_group7 as IJ_G7
from scansim import ktp_designs as KD
from scansim.draw import mm_px
from scansim.ktp import KTP_MM, make_ktp, make_ktp_back, make_ktp_copy_page
from scansim.people import make_people

# The first designs: later ones are added after them, so a seed's first pages stay.
KTP_FIRST = ("dejavu_guilloche", "liberation_wave", "ocra_guilloche", "freemono_mesh",
             "narrow_rosette")
IJAZAH_FIRST = ("sekolah_klasik", "madrasah", "kesetaraan", "universitas", "politeknik",
                "sekolah_modern")
# The designs tuned on, as they stood when group 3 was made: group 3 must leave them be
# (the cards on strong saturated gradients came after, at the end of the tuned list).
KTP_TUNED = KTP_FIRST + ("nimbus_dense", "ocra_darkwave")
KTP_STRONG = ("magenta_teal", "forest_amber")
IJAZAH_TUNED = IJAZAH_FIRST + ("sekolah_piagam", "madrasah_lanskap", "paket_berhias",
                               "diploma_lanskap", "pascasarjana", "sekolah_salem",
                               "sekolah_renggang")
KTP_3 = ("sunset_glare", "stipple_garuda")
KTP_4 = ("bookman_sunburst", "p052_microtext")
KTP_5 = ("go_crosshatch", "century_dotmatrix")
KTP_6 = ("roboto_halftone", "lato_moire")
KTP_7 = ("carlito_rosette", "cantarell_pita")
KTP_8 = ("noto_hologram", "arimo_kontur")
KTP_9 = ("opensans_gores", "b612_sisik")
KTP_10 = ("ptsans_lipat", "clearsans_kecil")
KTP_11 = ("inter_serat", "oxygen_pelangi")
KTP_12 = ("karla_nusantara", "manrope_miring")
KTP_13 = ("andika_kopi", "din_toner")
KTP_14 = ("sora_terang", "tiresias_fotokopi")
KTP_15 = ("switzera_inkjet", "universalis_catatan")
KTP_16 = ("slab_legalisir", "dosis_gelap")
KTP_17 = ("cabin_stabilo", "spartan_perbesar")
KTP_18 = ("tuffy_garis", "quercus_bekas")
KTP_19 = ("routed_hitamputih", "beteckna_staples")
KTP_20 = ("averia_hvs", "neohellenic_lipat")
KTP_21 = ("nanum_lepuh", "quicksand_terbuka")
KTP_22 = ("undotum_buram", "sawarabi_klip")
KTP_23 = ("aerial_wa_cetak", "gulim_stempel")
KTP_24 = ("ume_selotip", "dotum_tembus")
KTP_25 = ("eurofurence_layar", "dustismo_piksel")
KTP_26 = ("millimetre_genggam", "konatu_selip")
KTP_27 = ("aboriginal_keluarga", "bpg_malam")
KTP_28 = ("induni_ajaib", "uralic_pojok")
KTP_29 = ("padauk_pudar", "gayathri_coretan")
KTP_30 = ("comic_faks", "dyslexic_kalung")
KTP_31 = ("harmattan_kilat", "motoya_laminasi")
KTP_32 = ("klee_kaca", "kiloji_usang")
KTP_33 = ("tahoma_stensil", "rocknroll_semen")
IJAZAH_3 = ("smk_hijau", "madrasah_arabes")
IJAZAH_4 = ("sarjana_dwibahasa",)
# Tuned designs added after group 4, at the end: drawn only when named.
IJAZAH_LATER = ("sd_kaligrafi", "paket_renggang", "sekolah_sel", "sarjana_dua_baris",
                "madrasah_lambang", "politeknik_label_atas")


def _diploma_faces(*designs) -> set:
    """The faces diploma ``designs`` set their title, headings, body and name in."""
    return {f for d in designs for f in (d.title, d.heading, d.body, d.name_face)}


def _ijazah_before(group: int) -> list:
    """The diploma designs that stood before ``group`` was made (earlier in the list)."""
    first = next(i for i, d in enumerate(IJ.DESIGNS) if d.group == group)
    return list(IJ.DESIGNS[:first])


def _diploma_faces_from_packages(group: int, names, packages: dict[str, str]) -> None:
    """Every face of a diploma group's designs opens a file of the font families
    ``packages`` names (family -> Debian package), all of them are used, each file is
    installed by its package, and no earlier diploma draws from them."""
    def family(path: str) -> str:
        return next((f for f in packages if Path(path).name.startswith(f)), "")

    used = set()
    for d in (IJ.get_design(n) for n in names):
        for role in _diploma_faces(d):
            fam = family(IF.face(role, 40).path)
            assert fam, role                                  # not DejaVu standing in
            used.add(fam)
    assert used == set(packages)
    for role in IF.FACES:
        path = Path(IF.face(role, 40).path)
        fam = family(str(path))
        listing = Path("/var/lib/dpkg/info") / f"{packages.get(fam, '')}.list"
        if fam and listing.is_file():
            assert str(path) in listing.read_text().split("\n"), path
    for role in _diploma_faces(*_ijazah_before(group)):
        assert not any(family(f) for f in IF.FACES[role][0]), role


def _new_diploma_group(group: int, names, *, framed: bool = True) -> list:
    """The diploma designs before ``group`` (:func:`_ijazah_before`), each of ``names``
    checked to differ from all of them: its faces and its cue (one the cue makers know)
    and, with ``framed``, its frame, each face drawn from its own file (not DejaVu
    standing in)."""
    before = _ijazah_before(group)
    faces = _diploma_faces(*before)
    for d in (IJ.get_design(n) for n in names):
        assert _diploma_faces(d).isdisjoint(faces)
        assert d.cue not in {b.cue for b in before} and d.cue in IJ.CUE_MAKERS
        if framed:
            assert d.border not in {b.border for b in before}
            for role in _diploma_faces(d):
                assert any(f in IF._font_files() for f in IF.FACES[role][0]), role
    return before


IJAZAH_5 = ("sd_pita", "akademi_teknik")
IJAZAH_6 = ("sttb_ketik", "paket_saudara")
IJAZAH_7 = ("sma_orang_tua", "sd_tulis_tangan")
IJAZAH_8 = ("madrasah_arab", "garamond_dwikolom")
IJAZAH_9 = ("paket_c_lambang", "sarjana_dua_tengah")
IJAZAH_10 = ("smk_kotak", "smp_isian")
IJAZAH_11 = ("sma_inkjet", "smp_legalisir")
IJAZAH_12 = ("mts_bintang", "sarjana_emas")
IJAZAH_13 = ("mi_faks", "magister_laminasi")
IJAZAH_14 = ("sma_kusut", "d1_arsip")
IJAZAH_15 = ("paket_b_sablon", "ma_santri")
IJAZAH_16 = ("pengganti_skpi", "sarjana_elegan")
IJAZAH_17 = ("madrasah_moire", "politeknik_perkecil")
IJAZAH_18 = ("skhun_dua_satu", "institut_selotip")
IJAZAH_19 = ("swasta_cap_timbul", "paket_a_goyang")
IJAZAH_20 = ("sma_nama_renggang", "mts_bin_ketik")
IJAZAH_21 = ("smk_nama_kuas", "smp_tulis_tembus")
IJAZAH_22 = ("sarjana_gotik", "smu_matriks")
IJAZAH_23 = ("slb_wa_cetak", "poltekkes_hologram")
IJAZAH_24 = ("akper_map_plastik", "stai_gulung")
IJAZAH_25 = ("stie_bingkai_kaca", "mts_cap_menimpa")
IJAZAH_26 = ("universitas_sambung", "politeknik_tangkapan_layar")
IJAZAH_27 = ("smea_rayap", "stikes_salinan")
IJAZAH_28 = ("stm_ketik_ulang", "paket_c_tutup_renggang")
IJAZAH_29 = ("smp_banjir", "universitas_pengumpan")
IJAZAH_30 = ("spg_luntur", "ut_hantu")
IJAZAH_31 = ("spma_hangus", "pgsd_kedip")
IJAZAH_32 = ("st_mikrofilm", "ma_pondok_teduh")
IJAZAH_33 = ("smep_karat", "sarjana_lipat_empat")


@pytest.fixture(scope="module")
def people():
    return make_people(4, seed=20261201)


def _dark_share(img, box=None) -> float:
    grey = np.asarray((img.crop(box) if box else img).convert("L"))
    return float((grey < 100).mean())


@pytest.mark.parametrize("dpi", [200, 300])
@pytest.mark.parametrize("design", list(KD.DESIGNS))
def test_every_ktp_design_renders(people, design, dpi):
    person = people[list(KD.DESIGNS).index(design) % len(people)]
    card, truth = make_ktp(person, rng=random.Random(dpi), dpi=dpi, design=design)
    assert card.size == (mm_px(KTP_MM[0], dpi), mm_px(KTP_MM[1], dpi))
    assert truth["design"] == design and truth["nik"] == person["nik"]
    u = dpi / 25.4
    des = KD.DESIGNS[design]
    # The NIK is printed: dark ink along its line, left of the photo.
    nik_row = (int(des.label_x_mm * u), int(des.nik_y_mm * u),
               int(des.photo_x_mm * u), int((des.nik_y_mm + des.nik_mm + 1) * u))
    assert _dark_share(card, nik_row) > 0.04
    # The security print is tinted, not white, below the field block.
    corner = np.asarray(card)[int(50 * u):, int(30 * u):int(55 * u)].reshape(-1, 3)
    assert corner.mean(axis=0).min() < 245
    back = make_ktp_back(rng=random.Random(dpi), dpi=dpi, design=design, color=False)
    assert back.size == card.size
    # ... and in grey: print, not a card all ink or all paper
    grey, _ = make_ktp(person, rng=random.Random(dpi), dpi=dpi, color=False, design=design)
    assert 0.02 < (_grey(grey) < 110).mean() < 0.4


@pytest.mark.parametrize("dpi", [200, 300])
@pytest.mark.parametrize("name", IJ.DESIGN_NAMES)
def test_every_ijazah_design_renders(people, name, dpi):
    design = IJ.get_design(name)
    person = people[IJ.DESIGN_NAMES.index(name) % len(people)]
    page, truth = IJ.make_ijazah(person, rng=random.Random(dpi), dpi=dpi, design=name)
    long_px, short_px = mm_px(297, dpi), mm_px(210, dpi)
    assert page.size == ((long_px, short_px) if design.landscape else (short_px, long_px))
    assert truth["design"] == name and truth["group"] == design.group
    assert truth["held_out"] is (design.group > 0)
    own = person["nama"].upper()
    if design.patronym:   # the name printed with "bin"/"binti" and the father's name
        link = "BINTI" if person["jenis_kelamin"] == "P" else "BIN"
        assert truth["nama_diri"] == own and truth["nama_ayah"]
        own = f"{own} {link} {truth['nama_ayah']}"
    assert truth["nama"] == own and truth["nomor"]
    assert truth["program"] in IJ.programs_of(design)
    assert 0.002 < _dark_share(page) < 0.2


def _groups_add_up(designs) -> None:
    """A simulator module's held-out lists: HELD_OUT is groups 1 to the latest (16 or
    later) in order, and HELD_OUT_GROUPS names each by its number."""
    latest = max(designs.HELD_OUT_GROUPS)
    assert latest >= 16
    groups = tuple(getattr(designs, f"HELD_OUT_{g}") for g in range(1, latest + 1))
    assert designs.HELD_OUT == sum(groups, ())
    assert designs.HELD_OUT_GROUPS == dict(enumerate(groups, start=1))


def test_ktp_groups():
    assert KD.TUNED[:len(KTP_FIRST)] == KTP_FIRST
    assert KD.TUNED == tuple(n for n, d in KD.DESIGNS.items() if d.group == 0)
    assert KD.HELD_OUT_1 == ("ocra_mesh", "freesans_wave")
    assert KD.HELD_OUT_2 == ("nimbus_twotone", "gothic_batik")
    assert KD.HELD_OUT_3 == KTP_3
    assert KD.HELD_OUT_4 == KTP_4
    assert KD.HELD_OUT_5 == KTP_5
    assert KD.HELD_OUT_6 == KTP_6
    assert KD.HELD_OUT_7 == KTP_7
    assert KD.HELD_OUT_8 == KTP_8
    assert KD.HELD_OUT_9 == KTP_9
    assert KD.HELD_OUT_10 == KTP_10
    assert KD.HELD_OUT_11 == KTP_11
    assert KD.HELD_OUT_12 == KTP_12
    assert KD.HELD_OUT_13 == KTP_13
    assert KD.HELD_OUT_14 == KTP_14
    assert KD.HELD_OUT_15 == KTP_15
    assert KD.HELD_OUT_16 == KTP_16
    assert KD.HELD_OUT_17 == KTP_17
    assert KD.HELD_OUT_18 == KTP_18
    assert KD.HELD_OUT_19 == KTP_19
    assert KD.HELD_OUT_20 == KTP_20
    assert KD.HELD_OUT_21 == KTP_21
    assert KD.HELD_OUT_22 == KTP_22
    assert KD.HELD_OUT_23 == KTP_23
    assert KD.HELD_OUT_24 == KTP_24
    assert KD.HELD_OUT_25 == KTP_25
    assert KD.HELD_OUT_26 == KTP_26
    assert KD.HELD_OUT_27 == KTP_27
    assert KD.HELD_OUT_28 == KTP_28
    assert KD.HELD_OUT_29 == KTP_29
    assert KD.HELD_OUT_30 == KTP_30
    assert KD.HELD_OUT_31 == KTP_31
    assert KD.HELD_OUT_32 == KTP_32
    assert KD.HELD_OUT_33 == KTP_33
    _groups_add_up(KD)
    # groups 3 to 5 changed nothing tuned on; the strong-colour cards came at its end
    assert KD.TUNED == KTP_TUNED + KTP_STRONG
    # a card drawn without a design named is one of the tuned designs as they stood
    # before the strong-colour cards: a seed draws the same card as before
    assert KD.DRAWN == KTP_TUNED
    # Groups 4 to 33 came after all the others: they stand as they were, in their order.
    assert tuple(KD.DESIGNS)[-60:] == KTP_4 + KTP_5 + KTP_6 + KTP_7 + KTP_8 + KTP_9 + \
        KTP_10 + KTP_11 + KTP_12 + KTP_13 + KTP_14 + KTP_15 + KTP_16 + KTP_17 + KTP_18 + \
        KTP_19 + KTP_20 + KTP_21 + KTP_22 + KTP_23 + KTP_24 + KTP_25 + KTP_26 + KTP_27 + \
        KTP_28 + KTP_29 + KTP_30 + KTP_31 + KTP_32 + KTP_33
    assert tuple(KD.DESIGNS)[:-60] == KTP_TUNED + KTP_STRONG + KD.HELD_OUT_1 + \
        KD.HELD_OUT_2 + KTP_3
    for group in (2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21,
                  22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33):
        for name in KD.HELD_OUT_GROUPS[group]:
            assert KD.DESIGNS[name].group == group and name not in KD.TUNED
    # Never drawn unasked.
    person = make_people(1, seed=3)[0]
    drawn = {make_ktp(person, rng=random.Random(k), dpi=40)[1]["design"] for k in range(40)}
    assert drawn <= set(KD.TUNED) and len(drawn) >= 3


def test_ijazah_groups(people):
    assert IJ.DESIGN_NAMES[:len(IJAZAH_FIRST)] == IJAZAH_FIRST
    assert IJ.HELD_OUT_1 == ("kampus_resmi", "sekolah_lanskap")
    assert IJ.HELD_OUT_2 == ("paket_c_pkbm", "politeknik_transkrip")
    assert IJ.HELD_OUT_3 == IJAZAH_3
    assert IJ.HELD_OUT_4 == IJAZAH_4
    assert IJ.HELD_OUT_5 == IJAZAH_5
    assert IJ.HELD_OUT_6 == IJAZAH_6
    assert IJ.HELD_OUT_7 == IJAZAH_7
    assert IJ.HELD_OUT_8 == IJAZAH_8
    assert IJ.HELD_OUT_9 == IJAZAH_9
    assert IJ.HELD_OUT_10 == IJAZAH_10
    assert IJ.HELD_OUT_11 == IJAZAH_11
    assert IJ.HELD_OUT_12 == IJAZAH_12
    assert IJ.HELD_OUT_13 == IJAZAH_13
    assert IJ.HELD_OUT_14 == IJAZAH_14
    assert IJ.HELD_OUT_15 == IJAZAH_15
    assert IJ.HELD_OUT_16 == IJAZAH_16
    assert IJ.HELD_OUT_17 == IJAZAH_17
    assert IJ.HELD_OUT_18 == IJAZAH_18
    assert IJ.HELD_OUT_19 == IJAZAH_19
    assert IJ.HELD_OUT_20 == IJAZAH_20
    assert IJ.HELD_OUT_21 == IJAZAH_21
    assert IJ.HELD_OUT_22 == IJAZAH_22
    assert IJ.HELD_OUT_23 == IJAZAH_23
    assert IJ.HELD_OUT_24 == IJAZAH_24
    assert IJ.HELD_OUT_25 == IJAZAH_25
    assert IJ.HELD_OUT_26 == IJAZAH_26
    assert IJ.HELD_OUT_27 == IJAZAH_27
    assert IJ.HELD_OUT_28 == IJAZAH_28
    assert IJ.HELD_OUT_29 == IJAZAH_29
    assert IJ.HELD_OUT_30 == IJAZAH_30
    assert IJ.HELD_OUT_31 == IJAZAH_31
    assert IJ.HELD_OUT_32 == IJAZAH_32
    assert IJ.HELD_OUT_33 == IJAZAH_33
    _groups_add_up(IJ)
    assert all(IJ.get_design(n).held_out for n in IJ.HELD_OUT)
    assert tuple(d.name for d in IJ.DESIGNS if not d.held_out) == IJAZAH_TUNED + IJAZAH_LATER
    assert IJ.NAMED_ONLY == IJAZAH_LATER
    assert all(IJ.get_design(n).group == 3 for n in IJAZAH_3)
    assert all(IJ.get_design(n).group == 4 for n in IJAZAH_4)
    assert all(IJ.get_design(n).group == 5 for n in IJAZAH_5)
    assert all(IJ.get_design(n).group == 6 for n in IJAZAH_6)
    assert all(IJ.get_design(n).group == 7 for n in IJAZAH_7)
    assert all(IJ.get_design(n).group == 8 for n in IJAZAH_8)
    assert all(IJ.get_design(n).group == 9 for n in IJAZAH_9)
    assert all(IJ.get_design(n).group == 10 for n in IJAZAH_10)
    assert all(IJ.get_design(n).group == 11 for n in IJAZAH_11)
    assert all(IJ.get_design(n).group == 12 for n in IJAZAH_12)
    assert all(IJ.get_design(n).group == 13 for n in IJAZAH_13)
    assert all(IJ.get_design(n).group == 14 for n in IJAZAH_14)
    assert all(IJ.get_design(n).group == 15 for n in IJAZAH_15)
    assert all(IJ.get_design(n).group == 16 for n in IJAZAH_16)
    assert all(IJ.get_design(n).group == 17 for n in IJAZAH_17)
    assert all(IJ.get_design(n).group == 18 for n in IJAZAH_18)
    assert all(IJ.get_design(n).group == 19 for n in IJAZAH_19)
    assert all(IJ.get_design(n).group == 20 for n in IJAZAH_20)
    assert all(IJ.get_design(n).group == 21 for n in IJAZAH_21)
    assert all(IJ.get_design(n).group == 22 for n in IJAZAH_22)
    assert all(IJ.get_design(n).group == 23 for n in IJAZAH_23)
    assert all(IJ.get_design(n).group == 24 for n in IJAZAH_24)
    assert all(IJ.get_design(n).group == 25 for n in IJAZAH_25)
    assert all(IJ.get_design(n).group == 26 for n in IJAZAH_26)
    assert all(IJ.get_design(n).group == 27 for n in IJAZAH_27)
    assert all(IJ.get_design(n).group == 28 for n in IJAZAH_28)
    assert all(IJ.get_design(n).group == 29 for n in IJAZAH_29)
    assert all(IJ.get_design(n).group == 30 for n in IJAZAH_30)
    assert all(IJ.get_design(n).group == 31 for n in IJAZAH_31)
    assert all(IJ.get_design(n).group == 32 for n in IJAZAH_32)
    assert all(IJ.get_design(n).group == 33 for n in IJAZAH_33)
    # group 4, then the later tuned designs, then groups 5 to 33: each added after the others
    assert IJ.DESIGN_NAMES[-len(IJAZAH_LATER) - 59:] == IJAZAH_4 + IJAZAH_LATER + \
        IJAZAH_5 + IJAZAH_6 + IJAZAH_7 + IJAZAH_8 + IJAZAH_9 + IJAZAH_10 + IJAZAH_11 + \
        IJAZAH_12 + IJAZAH_13 + IJAZAH_14 + IJAZAH_15 + IJAZAH_16 + IJAZAH_17 + IJAZAH_18 + \
        IJAZAH_19 + IJAZAH_20 + IJAZAH_21 + IJAZAH_22 + IJAZAH_23 + IJAZAH_24 + IJAZAH_25 + \
        IJAZAH_26 + IJAZAH_27 + IJAZAH_28 + IJAZAH_29 + IJAZAH_30 + IJAZAH_31 + \
        IJAZAH_32 + IJAZAH_33
    # group 17's faces, cues and frames are new, their faces' files installed here; only
    # they draw a face of their own or a moiré or a reduced copy
    earlier = _new_diploma_group(17, IJAZAH_17)
    assert not any(d.header for d in earlier)
    assert {IJ.get_design(n).finish for n in IJAZAH_17} == {"moire_copy", "reduced_copy"}
    assert not {d.finish for d in earlier} & {"moire_copy", "reduced_copy"}
    for role in ("naskh", "naskh_bold"):
        assert any(f in IF._font_files() for f in IF.FACES[role][0]), role
    # group 18's likewise; only they copy a diploma two-up or mend it with tape
    earlier = _new_diploma_group(18, IJAZAH_18)
    assert {IJ.get_design(n).finish for n in IJAZAH_18} == {"", "taped_tear"}
    assert not any(d.two_up for d in earlier) and IJ.get_design("skhun_dua_satu").two_up
    assert "taped_tear" not in {d.finish for d in earlier}
    for role in ("tinos", "tinos_bold"):
        assert any(f in IF._font_files() for f in IF.FACES[role][0]), role
    # group 19's likewise; only its scan jitters, only its holder's cue presses a dry seal
    earlier = _new_diploma_group(19, IJAZAH_19)
    assert {IJ.get_design(n).finish for n in IJAZAH_19} == {"", "carriage_jitter"}
    assert "carriage_jitter" not in {d.finish for d in earlier}
    # group 20's likewise; only its copy is foxed and grey, only it names a holder "bin"
    earlier = _new_diploma_group(20, IJAZAH_20)
    assert {IJ.get_design(n).finish for n in IJAZAH_20} == {"", "foxed_grey_copy"}
    assert "foxed_grey_copy" not in {d.finish for d in earlier}
    assert not any(d.patronym or d.stamp_ink for d in earlier)
    # group 21's likewise; only it is scanned in its folder or shows its back through
    earlier = _new_diploma_group(21, IJAZAH_21)
    assert {IJ.get_design(n).finish for n in IJAZAH_21} == {"map_folder", "tembus_nilai"}
    assert not {d.finish for d in earlier} & {"map_folder", "tembus_nilai"}
    # group 22's likewise; only it leaves a sticky note on or staples and folds a page
    earlier = _new_diploma_group(22, IJAZAH_22)
    assert {IJ.get_design(n).finish for n in IJAZAH_22} == {"memo_tempel", "jepret_lipat"}
    assert not {d.finish for d in earlier} & {"memo_tempel", "jepret_lipat"}
    assert not {d.header for d in earlier} & {"gotik_kampus", "smu_blanko"}
    rng = random.Random(2)
    for level in ("SMA", "SMK", "SMP", "D3", "D4", "S1"):
        for _ in range(30):
            design, _program = IJ.pick(dict(people[0], pendidikan=level), rng)
            assert design.group == 0 and design.name not in IJAZAH_LATER


def test_group_2_differs_from_every_earlier_design():
    earlier = [d for d in KD.DESIGNS.values() if d.group < 2]
    # Faces: against the designs group 2 was made after. Tuning designs added at the same
    # time happen to share some faces (nimbus_dense those of nimbus_twotone; new ijazah
    # tuning designs Bookman and C059 italics).
    made_after = [KD.DESIGNS[n] for n in KTP_FIRST + KD.HELD_OUT_1]
    for d in (KD.DESIGNS[n] for n in KD.HELD_OUT_2):
        assert d.background not in {e.background for e in earlier}
        assert {d.label_face, d.value_face, d.head_face}.isdisjoint(
            {f for e in made_after for f in (e.label_face, e.value_face, e.head_face)})
        assert d.ink not in {e.ink for e in earlier} and d.wear > 0
    before = [d for d in IJ.DESIGNS if d.name in IJAZAH_FIRST + IJ.HELD_OUT_1]
    faces = _diploma_faces(*before)
    for d in (IJ.get_design(n) for n in IJ.HELD_OUT_2):
        assert _diploma_faces(d).isdisjoint(faces)
        assert d.cue not in {b.cue for b in before}
        assert d.border not in {b.border for b in before}


def test_group_2_programmes_and_numbers(people):
    assert IJ.programs_of(IJ.get_design("paket_c_pkbm")) == ["PAKET C"]
    assert IJ.programs_of(IJ.get_design("politeknik_transkrip")) == ["D3", "D4"]
    _, truth = IJ.make_ijazah(people[0], rng=random.Random(1), dpi=40, design="paket_c_pkbm")
    assert truth["jenjang"] == "SMA" and re.fullmatch(r"DN-PC/\d\d \d{7}", truth["nomor"])
    _, truth = IJ.make_ijazah(people[1], rng=random.Random(1), dpi=40,
                              design="politeknik_transkrip")
    assert truth["jenjang"] in ("D3", "D4") and re.fullmatch(r"\d{15}", truth["nomor"])
    assert truth["nomor"][6:10] == str(truth["tahun"])   # the national number holds the year


def test_group_3_differs_from_every_earlier_design():
    earlier = [d for d in KD.DESIGNS.values() if d.group < 3 and d.name not in KTP_STRONG]
    text_faces = {f for e in earlier for f in (e.label_face, e.value_face, e.head_face)}
    colons = [e.colon_x_mm for e in earlier]
    for d in (KD.DESIGNS[n] for n in KD.HELD_OUT_3):
        assert d.background not in {e.background for e in earlier}
        assert {d.label_face, d.value_face, d.head_face}.isdisjoint(text_faces)
        assert d.nik_face not in {e.nik_face for e in earlier}
        assert d.ink not in {e.ink for e in earlier}
        assert not min(colons) <= d.colon_x_mm <= max(colons)   # label column width
        assert d.value_dy_mm != 0 and all(e.value_dy_mm == 0 for e in earlier)
    assert any(KD.DESIGNS[n].glare for n in KD.HELD_OUT_3)
    assert not any(e.glare for e in earlier)
    before = _ijazah_before(3)
    faces = _diploma_faces(*before)
    for d in (IJ.get_design(n) for n in IJ.HELD_OUT_3):
        assert _diploma_faces(d).isdisjoint(faces)
        assert d.cue not in {b.cue for b in before}
        assert d.border not in {b.border for b in before}
        assert d.number not in {b.number for b in before}
        assert d.nomor_style not in {b.nomor_style for b in before}


def test_group_3_programmes_and_numbers(people):
    assert IJ.programs_of(IJ.get_design("smk_hijau")) == ["SMK"]
    assert IJ.programs_of(IJ.get_design("madrasah_arabes")) == ["MI", "MTS", "MA"]
    for k in range(3):
        _, truth = IJ.make_ijazah(people[k], rng=random.Random(k), dpi=40, design="smk_hijau")
        assert truth["jenjang"] == "SMA" and truth["group"] == 3 and truth["held_out"]
        yy = f"{truth['tahun'] % 100:02d}"
        assert re.fullmatch(rf"DN-\d\d Mk/{yy} \d{{7}}", truth["nomor"])
        _, truth = IJ.make_ijazah(people[k], rng=random.Random(k), dpi=40,
                                  design="madrasah_arabes")
        short = {"MI": "MI", "MTS": "MTs", "MA": "MA"}[truth["program"]]
        assert truth["jenjang"] == {"MI": "SD", "MTS": "SMP", "MA": "SMA"}[truth["program"]]
        assert re.fullmatch(rf"{short}\.\d\d\.\d\d/PP\.01\.1/\d{{4}}/{truth['tahun']}",
                            truth["nomor"])


@pytest.mark.parametrize("dpi", [200, 300])
def test_group_3_marks_show(people, dpi):
    """The lamination glare whitens part of a card; the madrasah band inks the top."""
    des = KD.DESIGNS["sunset_glare"]
    plain, _ = make_ktp(people[0], rng=random.Random(5), dpi=dpi,
                        design=dataclasses.replace(des, glare=0.0))
    shone, _ = make_ktp(people[0], rng=random.Random(5), dpi=dpi,
                        design=dataclasses.replace(des, glare=1.0))

    lift = np.asarray(shone.convert("L"), float) - np.asarray(plain.convert("L"), float)
    assert (lift > 15).mean() > 0.02 and (lift < -15).mean() < 0.001   # only ever paler
    page, _ = IJ.make_ijazah(people[1], rng=random.Random(5), dpi=dpi,
                             design="madrasah_arabes")
    u = dpi / 25.4
    band = page.crop((int(30 * u), int(12 * u), int(180 * u), int(22 * u)))
    green = np.asarray(band).reshape(-1, 3).astype(int)
    assert ((green[:, 1] > green[:, 0] + 40) & (green[:, 1] < 160)).mean() > 0.05


def test_group_4_differs_from_every_earlier_design():
    earlier = [d for d in KD.DESIGNS.values() if d.group < 4 and d.name not in KTP_STRONG]
    text_faces = {f for e in earlier for f in (e.label_face, e.value_face, e.head_face)}
    sizes, steps = [e.text_mm for e in earlier], [e.step_mm for e in earlier]
    labels = [e.label_x_mm for e in earlier]
    for d in (KD.DESIGNS[n] for n in KD.HELD_OUT_4):
        assert d.background not in {e.background for e in earlier}
        assert {d.label_face, d.value_face, d.head_face}.isdisjoint(text_faces)
        assert d.nik_face not in {e.nik_face for e in earlier} | text_faces
        assert d.ink not in {e.ink for e in earlier} and d.wear > 0
        assert not min(sizes) <= d.text_mm <= max(sizes)   # smaller or bigger type
        assert not min(steps) <= d.step_mm <= max(steps)   # looser or tighter lines
        assert d.colon_x_mm > max(e.colon_x_mm for e in earlier) or d.label_x_mm < min(labels)
    # The print faults are theirs alone: a rubbed edge, an over-inked print.
    assert [KD.DESIGNS[n].edge_wear > 0 for n in KTP_4] == [True, False]
    assert [KD.DESIGNS[n].spread_mm > 0 for n in KTP_4] == [False, True]
    assert not any(e.edge_wear or e.spread_mm for e in earlier)


@pytest.mark.parametrize("dpi", [200, 300])
def test_group_4_marks_show(people, dpi):
    """The rubbed edge pales the card's rim only; the over-inked print is darker type."""
    u = dpi / 25.4
    des = KD.DESIGNS["bookman_sunburst"]
    crisp, _ = make_ktp(people[2], rng=random.Random(9), dpi=dpi,
                        design=dataclasses.replace(des, edge_wear=0.0))
    rubbed, _ = make_ktp(people[2], rng=random.Random(9), dpi=dpi, design=des)
    lift = np.asarray(rubbed.convert("L"), float) - np.asarray(crisp.convert("L"), float)
    rim = int(1.0 * u)
    edges = np.concatenate([lift[:rim].ravel(), lift[-rim:].ravel(),
                            lift[:, :rim].ravel(), lift[:, -rim:].ravel()])
    middle = lift[int(12 * u):int(40 * u), int(12 * u):int(70 * u)]
    assert edges.mean() > 3 and (lift < -3).mean() < 0.001   # paler, never darker
    assert np.abs(middle).max() < 2
    des = KD.DESIGNS["p052_microtext"]
    thin, _ = make_ktp(people[3], rng=random.Random(9), dpi=dpi,
                       design=dataclasses.replace(des, spread_mm=0.0))
    heavy, _ = make_ktp(people[3], rng=random.Random(9), dpi=dpi, design=des)
    block = (int(des.colon_x_mm * u), int(des.first_y_mm * u), int(des.photo_x_mm * u),
             int(50 * u))
    assert _dark_share(heavy, block) > 1.15 * _dark_share(thin, block) > 0


def test_group_4_diploma_differs_and_is_numbered(people):
    before = _ijazah_before(4)
    faces = _diploma_faces(*before)
    d = IJ.get_design("sarjana_dwibahasa")
    assert _diploma_faces(d).isdisjoint(faces)
    for key in ("cue", "border", "number", "nomor_style"):
        assert getattr(d, key) not in {getattr(b, key) for b in before}
    assert d.landscape and IJ.programs_of(d) == ["S1"]
    for k in range(3):
        _, truth = IJ.make_ijazah(people[k], rng=random.Random(k), dpi=40,
                                  design="sarjana_dwibahasa")
        assert truth["jenjang"] == "S1" and truth["group"] == 4 and truth["held_out"]
        initials = "".join(w[0] for w in truth["sekolah"].split())
        assert re.fullmatch(rf"{initials}\.{truth['tahun']}\.S1\.\d{{6}}", truth["nomor"])


@pytest.mark.parametrize("dpi", [200, 300])
def test_group_4_diploma_band_shows(people, dpi):
    """The band of fine lines down the left edge is inked and tinted; right of it, paper."""
    page, _ = IJ.make_ijazah(people[0], rng=random.Random(2), dpi=dpi,
                             design="sarjana_dwibahasa")
    u = dpi / 25.4
    band = np.asarray(page.crop((int(2 * u), int(30 * u), int(18 * u), int(180 * u))))
    blank = np.asarray(page.crop((int(40 * u), int(30 * u), int(55 * u), int(60 * u))))
    assert band.reshape(-1, 3).mean(axis=0)[2] - band.reshape(-1, 3).mean(axis=0)[0] > 8
    assert band.std() > 3 * blank.std()


def _grey(img) -> np.ndarray:
    """A rendered card's or page's grey, as integers."""
    return np.asarray(img.convert("L")).astype(int)


def _two_colour_lines(name: str, seed: int, dpi: int, share: float) -> None:
    """Card design ``name``'s security print has lines in both of its colours (each over
    ``share`` of the card) and stays light enough to read print on."""
    size = (mm_px(KTP_MM[0], dpi), mm_px(KTP_MM[1], dpi))
    des = KD.DESIGNS[name]
    rgb = np.asarray(KD.background(des, size, random.Random(seed), dpi)).astype(int)
    for colour in (des.line_color, des.second_color):
        assert (np.abs(rgb - np.array(colour)).sum(axis=2) < 30).mean() > share
    assert 190 < (rgb @ np.array([0.299, 0.587, 0.114])).mean() < 245   # as PIL's grey


def _printed(monkeypatch) -> list[str]:
    """Every text drawn from now on (PIL's ImageDraw.text), in order."""
    texts: list[str] = []
    original = ImageDraw.ImageDraw.text

    def text(self, xy, value, *args, **kwargs):
        texts.append(str(value))
        return original(self, xy, value, *args, **kwargs)
    monkeypatch.setattr(ImageDraw.ImageDraw, "text", text)
    return texts


def _faces_from_new_packages(earlier: list, names, *, head: bool = True) -> None:
    """Every face of the designs ``names`` comes from a font package no ``earlier`` card
    used (their NIK, label, value and, with ``head``, heading faces), installed here."""
    kinds = ("nik_face", "label_face", "value_face") + (("head_face",) if head else ())
    packages = {KD.FACES[getattr(e, k)][0].rsplit("/", 1)[0] for e in earlier for k in kinds}
    for d in (KD.DESIGNS[n] for n in names):
        for name in (d.nik_face, d.label_face, d.value_face, d.head_face):
            path = KD.FACES[name][0]
            assert path.rsplit("/", 1)[0] not in packages and (KD.FONT_ROOT / path).is_file()


def _listed_apart(group: int, ktp: tuple[str, ...], ijazah: tuple[str, ...]) -> None:
    """Held-out ``group``'s card designs ``ktp`` and diploma designs ``ijazah`` are
    registered after every earlier group and before any later one, never tuned on nor
    drawn unasked, and the card benchmark runs them in a pass of their own."""
    assert KD.HELD_OUT_GROUPS[group] == ktp
    names = tuple(KD.DESIGNS)
    at = names.index(ktp[0])                     # added after all the others before it,
    assert names[at:at + 2] == ktp               # any later groups' after it
    assert all(KD.DESIGNS[n].group < group for n in names[:at])
    assert all(KD.DESIGNS[n].group > group for n in names[at + 2:])
    for name in ktp:
        assert KD.DESIGNS[name].group == group
        assert name not in KD.TUNED and name not in KD.DRAWN
    assert tuple(ktp_accuracy.LATER[group]) == ktp
    assert ktp_accuracy.stream(group) == f"held-out-{group}"
    assert IJ.HELD_OUT_GROUPS[group] == ijazah
    at = IJ.DESIGN_NAMES.index(ijazah[0])
    assert IJ.DESIGN_NAMES[at:at + 2] == ijazah
    assert all(d.group < group for d in IJ.DESIGNS[:at])
    assert all(IJ.get_design(n).held_out for n in ijazah)


def _new_looks(group: int, names: tuple[str, str], looks: tuple[str, str],
               patterns: set[str]) -> None:
    """Held-out ``group``'s two card designs ``names`` differ from every earlier one
    (:func:`_new_ktp_group`, :func:`_faces_from_new_packages`): each has its own new look
    (the design field named in ``looks``, the other's off), no earlier design has either,
    the ``patterns`` are registered, and the two share no face's file."""
    earlier = _new_ktp_group(group, names)
    _faces_from_new_packages(earlier, names)
    designs = [KD.DESIGNS[n] for n in names]
    for own, other, d in ((looks[0], looks[1], designs[0]), (looks[1], looks[0], designs[1])):
        assert getattr(d, own) > 0 and not getattr(d, other)
    assert not any(getattr(e, look) for e in earlier for look in looks)
    assert patterns <= set(KD.PATTERNS)
    files = [{KD.FACES[f][0] for f in (d.nik_face, d.label_face, d.value_face, d.head_face)}
             for d in designs]
    assert files[0].isdisjoint(files[1])


def _new_ktp_group(group: int, names) -> list:
    """The KTP designs before ``group``, each of ``names`` checked to differ from all of
    them: background, text faces, ink, some wear, and a NIK face no card had, from a font
    the digit-shape reader has no templates of."""
    earlier = [d for d in KD.DESIGNS.values() if d.group < group]
    text_faces = {f for e in earlier for f in (e.label_face, e.value_face, e.head_face)}
    known = {KD.FACES[e.nik_face][0] for e in earlier}
    for d in (KD.DESIGNS[n] for n in names):
        assert d.background not in {e.background for e in earlier}
        assert {d.label_face, d.value_face, d.head_face}.isdisjoint(text_faces)
        assert d.nik_face not in {e.nik_face for e in earlier} | text_faces
        path = KD.FACES[d.nik_face][0]
        assert path not in known and not any(path.endswith(f) for f in number_faces())
        assert d.ink not in {e.ink for e in earlier} and d.wear > 0
    return earlier


def test_group_5_differs_from_every_earlier_design():
    earlier = _new_ktp_group(5, KD.HELD_OUT_5)
    for d in (KD.DESIGNS[n] for n in KD.HELD_OUT_5):
        assert dict(d.labels) and all(e.labels == () for e in earlier)
        assert d.label("Tempat/Tgl Lahir") != "Tempat/Tgl Lahir"
    # the two differ from each other too: offsets, pitch, NIK print
    a, b = (KD.DESIGNS[n] for n in KTP_5)
    steps, colons = [e.step_mm for e in earlier], [e.colon_x_mm for e in earlier]
    assert a.step_mm > max(steps) and b.step_mm < min(steps)
    assert a.label_x_mm > max(e.label_x_mm for e in earlier) and b.colon_x_mm > max(colons)
    assert (a.nik_dots, b.nik_dots) == (False, True) and b.nik_slant > 0
    assert not any(e.nik_dots for e in earlier)
    # the older designs word and case their labels as before
    assert KD.DESIGNS["freemono_mesh"].label("Gol. Darah") == "GOL. DARAH"
    assert KD.DESIGNS["dejavu_guilloche"].label("Kel/Desa") == "Kel/Desa"


def _blobs(img, box) -> int:
    """Separate marks in ``box``, counting only the darkest ink (a dot's core)."""
    grey = np.asarray(img.crop(box).convert("L"))
    return cv2.connectedComponents(np.uint8(grey < grey.min() + 18))[0] - 1


@pytest.mark.parametrize("dpi", [200, 300])
def test_group_5_nik_is_struck_in_dots(people, dpi):
    """The dot-matrix NIK is hundreds of dots where the typed one is sixteen glyphs."""
    des = KD.DESIGNS["century_dotmatrix"]
    u = dpi / 25.4
    box = (int((des.label_x_mm + 12.5) * u), int((des.nik_y_mm - 0.5) * u),
           int(des.photo_x_mm * u), int((des.nik_y_mm + des.nik_mm + 0.5) * u))
    dark = dataclasses.replace(des, fade=0.0, wear=0.0, glare=0.0)
    dotted, _ = make_ktp(people[1], rng=random.Random(4), dpi=dpi, design=dark)
    typed, _ = make_ktp(people[1], rng=random.Random(4), dpi=dpi,
                        design=dataclasses.replace(dark, nik_dots=False))
    assert _blobs(typed, box) <= 24 and _blobs(dotted, box) > 10 * _blobs(typed, box)
    assert _dark_share(dotted, box) > 0.04


def test_group_5_diplomas_differ_and_are_numbered(people):
    before = _ijazah_before(5)
    faces = _diploma_faces(*before)
    for name in IJAZAH_5:
        d = IJ.get_design(name)
        assert _diploma_faces(d).isdisjoint(faces)
        for key in ("cue", "border", "number", "nomor_style"):
            assert getattr(d, key) not in {getattr(b, key) for b in before}
        assert d.seal_at != 0.5 and all(b.seal_at == 0.5 and not b.school for b in before)
    assert IJ.programs_of(IJ.get_design("sd_pita")) == ["SD", "PAKET A"]
    assert IJ.programs_of(IJ.get_design("akademi_teknik")) == ["D3"]
    for k in range(3):
        _, truth = IJ.make_ijazah(people[k], rng=random.Random(k), dpi=40, design="sd_pita")
        assert truth["jenjang"] == "SD" and truth["group"] == 5 and truth["held_out"]
        assert re.fullmatch(r"DN-\d\d Dd \d{7}", truth["nomor"])
        _, truth = IJ.make_ijazah(people[k], rng=random.Random(k), dpi=40,
                                  design="akademi_teknik")
        assert truth["jenjang"] == "D3" and truth["landscape"]
        assert truth["sekolah"].startswith("AKADEMI TEKNIK ")
        assert re.fullmatch(rf"\d{{4}}/AK\.\d\d/D-III/{truth['tahun']}", truth["nomor"])


@pytest.mark.parametrize("dpi", [200, 300])
def test_group_5_emblem_stands_aside(people, dpi):
    """The emblem is printed top left (the elementary certificate) or top right (the
    academy), the top middle above the heading left blank."""
    u = dpi / 25.4
    for name, side in (("sd_pita", 0.22), ("akademi_teknik", 0.8)):
        page, _ = IJ.make_ijazah(people[2], rng=random.Random(6), dpi=dpi, design=name)
        top = 22 if IJ.get_design(name).landscape else 28
        grey = np.asarray(page.convert("L"))
        rows = slice(int((top - 6) * u), int((top + 14) * u))

        def ink(cx: float, grey=grey, rows=rows) -> float:
            return float((grey[rows, int(cx - 12 * u):int(cx + 12 * u)] < 200).mean())
        assert ink(page.width * side) > 0.05 and ink(page.width / 2) < 0.01


class _Inline(Executor):
    def __init__(self, max_workers=None, initializer=None, initargs=()):
        pass      # no worker to start: the readers' models are not loaded

    def map(self, fn, *iterables, **_):
        return map(fn, *iterables)


def test_ktp_benchmark_keeps_the_old_cycle_and_adds_later_groups(monkeypatch, capsys):
    names = KD.DRAWN + KD.HELD_OUT_1
    assert tuple(ktp_accuracy.NAMES) == names
    assert tuple(ktp_accuracy.LATER) == (2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16,
                                         17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29,
                                         30, 31, 32, 33)
    for group in (2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21,
                  22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33):
        numbers = [n for i in range(10) for n in ktp_accuracy.later_numbers(i, 4, group)]
        assert numbers == list(range(10))
    # Groups 2 and 3 keep their seed streams, so their pages stay those measured before.
    assert [ktp_accuracy.stream(g)
            for g in (2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20,
                      21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33)] \
        == ["held-out-2", "held-out-3", "held-out-4", "held-out-5", "held-out-6",
            "held-out-7", "held-out-8", "held-out-9", "held-out-10", "held-out-11",
            "held-out-12", "held-out-13", "held-out-14", "held-out-15", "held-out-16",
            "held-out-17", "held-out-18", "held-out-19", "held-out-20", "held-out-21",
            "held-out-22", "held-out-23", "held-out-24", "held-out-25", "held-out-26",
            "held-out-27", "held-out-28", "held-out-29", "held-out-30", "held-out-31",
            "held-out-32", "held-out-33"]

    def case(person, n, seed, designs, stream="", only=(None, None), glare=0.0,
             roster=(), niks=()):   # bookkeeping
        design = designs[n % len(designs)]
        return {"design": design, "held_out": design in KD.HELD_OUT,
                "group": KD.DESIGNS[design].group, "dpi": (200, 300)[n // len(designs) % 2],
                "colour": n // (2 * len(designs)) % 2 == 0, "doc": "ktp",
                "nik_right": stream == "", "nik_wrong": False, "name": True,
                "name_wrong": False, "sex": True,
                "birth": True, "cpu": 0.3, "stream": stream, "from_roster": False,
                "absent_checked": False, "absent_taken": None, "nik_from_roster": False,
                "absent_nik_checked": False, "absent_nik_taken": None}

    monkeypatch.setattr(ktp_accuracy, "card_case", case)
    monkeypatch.setattr(ktp_accuracy, "ProcessPoolExecutor", _Inline)
    cases = ktp_accuracy.run([{} for _ in range(14)], cards=4, seed=1, workers=1)
    main = [c for c in cases if not c["stream"]]
    assert [c["design"] for c in main[:len(names)]] == list(names) and len(main) == 56
    for group in (2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21,
                  22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33):
        later = [c for c in cases if c["stream"] == ktp_accuracy.stream(group)]
        assert {c["design"] for c in later} == set(KD.HELD_OUT_GROUPS[group])
        assert len(later) == 14
        assert {(c["dpi"], c["colour"]) for c in later} == {(200, True), (300, True),
                                                           (200, False), (300, False)}
    ktp_accuracy.summarise(cases)
    out = capsys.readouterr().out
    assert "nimbus_twotone (held out 2)" in out and "ocra_mesh (held out)" in out
    assert "sunset_glare (held out 3)" in out and "stipple_garuda (held out 3)" in out
    assert "bookman_sunburst (held out 4)" in out and "p052_microtext (held out 4)" in out
    assert "go_crosshatch (held out 5)" in out and "century_dotmatrix (held out 5)" in out
    assert "roboto_halftone (held out 6)" in out and "lato_moire (held out 6)" in out
    assert "carlito_rosette (held out 7)" in out and "cantarell_pita (held out 7)" in out
    assert "noto_hologram (held out 8)" in out and "arimo_kontur (held out 8)" in out
    assert "opensans_gores (held out 9)" in out and "b612_sisik (held out 9)" in out
    assert "ptsans_lipat (held out 10)" in out and "clearsans_kecil (held out 10)" in out
    assert "inter_serat (held out 11)" in out and "oxygen_pelangi (held out 11)" in out
    assert "karla_nusantara (held out 12)" in out and "manrope_miring (held out 12)" in out
    assert "andika_kopi (held out 13)" in out and "din_toner (held out 13)" in out
    assert "sora_terang (held out 14)" in out and "tiresias_fotokopi (held out 14)" in out
    assert "switzera_inkjet (held out 15)" in out and "universalis_catatan (held out 15)" in out
    assert "slab_legalisir (held out 16)" in out and "dosis_gelap (held out 16)" in out
    assert "cabin_stabilo (held out 17)" in out and "spartan_perbesar (held out 17)" in out
    assert "tuffy_garis (held out 18)" in out and "quercus_bekas (held out 18)" in out
    assert "routed_hitamputih (held out 19)" in out and "beteckna_staples (held out 19)" in out
    assert "averia_hvs (held out 20)" in out and "neohellenic_lipat (held out 20)" in out
    assert "nanum_lepuh (held out 21)" in out and "quicksand_terbuka (held out 21)" in out
    assert "undotum_buram (held out 22)" in out and "sawarabi_klip (held out 22)" in out
    assert "aerial_wa_cetak (held out 23)" in out and "gulim_stempel (held out 23)" in out
    assert "ume_selotip (held out 24)" in out and "dotum_tembus (held out 24)" in out
    assert "eurofurence_layar (held out 25)" in out and "dustismo_piksel (held out 25)" in out
    assert "millimetre_genggam (held out 26)" in out and "konatu_selip (held out 26)" in out
    assert "aboriginal_keluarga (held out 27)" in out and "bpg_malam (held out 27)" in out
    assert "induni_ajaib (held out 28)" in out and "uralic_pojok (held out 28)" in out
    assert "padauk_pudar (held out 29)" in out and "gayathri_coretan (held out 29)" in out
    assert "comic_faks (held out 30)" in out and "dyslexic_kalung (held out 30)" in out
    assert "harmattan_kilat (held out 31)" in out and "motoya_laminasi (held out 31)" in out
    assert "klee_kaca (held out 32)" in out and "kiloji_usang (held out 32)" in out
    assert "tahoma_stensil (held out 33)" in out and "rocknroll_semen (held out 33)" in out
    first = sum(c["design"] in KD.HELD_OUT_1 for c in main)
    held = first + 448
    assert re.search(rf"HELD-OUT DESIGNS, ALL +n= +{held} .*NIK right +"
                     rf"{100 * first / held:.1f} %", out)
    assert re.search(rf"held out 1, all +n= +{first} .*NIK right 100.0 %", out)
    assert re.search(r"held out 2, all +n=  14 .*NIK right   0.0 %", out)
    assert re.search(r"held out 3, all +n=  14 .*NIK right   0.0 %", out)
    assert re.search(r"held out 4, all +n=  14 .*NIK right   0.0 %", out)
    assert re.search(r"held out 5, all +n=  14 .*NIK right   0.0 %", out)
    assert re.search(r"held out 6, all +n=  14 .*NIK right   0.0 %", out)
    assert re.search(r"held out 7, all +n=  14 .*NIK right   0.0 %", out)
    assert re.search(r"held out 8, all +n=  14 .*NIK right   0.0 %", out)
    assert re.search(r"held out 9, all +n=  14 .*NIK right   0.0 %", out)
    assert re.search(r"held out 10, all +n=  14 .*NIK right   0.0 %", out)
    assert re.search(r"held out 11, all +n=  14 .*NIK right   0.0 %", out)
    assert re.search(r"held out 12, all +n=  14 .*NIK right   0.0 %", out)
    assert re.search(r"held out 13, all +n=  14 .*NIK right   0.0 %", out)
    assert re.search(r"held out 14, all +n=  14 .*NIK right   0.0 %", out)
    assert re.search(r"held out 15, all +n=  14 .*NIK right   0.0 %", out)
    assert re.search(r"held out 16, all +n=  14 .*NIK right   0.0 %", out)
    assert re.search(r"held out 17, all +n=  14 .*NIK right   0.0 %", out)
    assert re.search(r"held out 18, all +n=  14 .*NIK right   0.0 %", out)
    assert re.search(r"held out 19, all +n=  14 .*NIK right   0.0 %", out)
    assert re.search(r"held out 20, all +n=  14 .*NIK right   0.0 %", out)
    assert re.search(r"held out 21, all +n=  14 .*NIK right   0.0 %", out)
    assert re.search(r"held out 22, all +n=  14 .*NIK right   0.0 %", out)
    assert re.search(r"held out 23, all +n=  14 .*NIK right   0.0 %", out)
    assert re.search(r"held out 24, all +n=  14 .*NIK right   0.0 %", out)
    assert re.search(r"held out 25, all +n=  14 .*NIK right   0.0 %", out)
    assert re.search(r"held out 26, all +n=  14 .*NIK right   0.0 %", out)
    assert re.search(r"held out 27, all +n=  14 .*NIK right   0.0 %", out)
    assert re.search(r"held out 28, all +n=  14 .*NIK right   0.0 %", out)
    assert re.search(r"held out 29, all +n=  14 .*NIK right   0.0 %", out)
    assert re.search(r"held out 30, all +n=  14 .*NIK right   0.0 %", out)
    assert re.search(r"held out 31, all +n=  14 .*NIK right   0.0 %", out)
    assert re.search(r"held out 32, all +n=  14 .*NIK right   0.0 %", out)
    assert re.search(r"held out 33, all +n=  14 .*NIK right   0.0 %", out)
    assert "held out 2, 300 dpi, grey" in out and "held out 3, 200 dpi, colour" in out
    assert "held out 4, 200 dpi, grey" in out and "held out 4, 300 dpi, colour" in out
    assert "held out 5, 200 dpi, colour" in out and "held out 5, 300 dpi, grey" in out
    assert "held out 6, 200 dpi, grey" in out and "held out 6, 300 dpi, colour" in out
    assert "held out 7, 200 dpi, colour" in out and "held out 7, 300 dpi, grey" in out
    assert "held out 8, 200 dpi, grey" in out and "held out 8, 300 dpi, colour" in out
    assert "held out 9, 200 dpi, colour" in out and "held out 9, 300 dpi, grey" in out
    assert "held out 10, 200 dpi, grey" in out and "held out 10, 300 dpi, colour" in out
    assert "held out 11, 200 dpi, colour" in out and "held out 11, 300 dpi, grey" in out
    assert "held out 12, 200 dpi, grey" in out and "held out 12, 300 dpi, colour" in out
    assert "held out 13, 200 dpi, colour" in out and "held out 13, 300 dpi, grey" in out
    assert "held out 14, 200 dpi, grey" in out and "held out 14, 300 dpi, colour" in out
    assert "held out 15, 200 dpi, colour" in out and "held out 15, 300 dpi, grey" in out
    assert "held out 16, 200 dpi, grey" in out and "held out 16, 300 dpi, colour" in out
    assert "held out 17, 200 dpi, colour" in out and "held out 17, 300 dpi, grey" in out
    assert "held out 18, 200 dpi, grey" in out and "held out 18, 300 dpi, colour" in out
    assert "held out 19, 200 dpi, colour" in out and "held out 19, 300 dpi, grey" in out
    assert "held out 20, 200 dpi, grey" in out and "held out 20, 300 dpi, colour" in out
    assert "held out 21, 200 dpi, colour" in out and "held out 21, 300 dpi, grey" in out
    assert "held out 22, 200 dpi, grey" in out and "held out 22, 300 dpi, colour" in out
    assert "held out 23, 200 dpi, colour" in out and "held out 23, 300 dpi, grey" in out
    assert "held out 24, 200 dpi, grey" in out and "held out 24, 300 dpi, colour" in out
    assert "held out 25, 200 dpi, colour" in out and "held out 25, 300 dpi, grey" in out
    assert "held out 26, 200 dpi, grey" in out and "held out 26, 300 dpi, colour" in out
    assert "held out 27, 200 dpi, colour" in out and "held out 27, 300 dpi, grey" in out
    assert "held out 28, 200 dpi, grey" in out and "held out 28, 300 dpi, colour" in out
    assert "held out 29, 200 dpi, colour" in out and "held out 29, 300 dpi, grey" in out
    assert "held out 30, 200 dpi, grey" in out and "held out 30, 300 dpi, colour" in out
    assert "held out 31, 200 dpi, colour" in out and "held out 31, 300 dpi, grey" in out
    assert "held out 32, 200 dpi, grey" in out and "held out 32, 300 dpi, colour" in out
    assert "FIGURE ktp held-out 2 nik_right: 0 %" in out
    assert "FIGURE ktp held-out 3 nik_right: 0 %" in out
    assert "FIGURE ktp held-out 4 nik_right: 0 %" in out
    assert "FIGURE ktp held-out 5 nik_right: 0 %" in out
    assert "FIGURE ktp held-out 6 nik_right: 0 %" in out
    assert "FIGURE ktp held-out 7 nik_right: 0 %" in out
    assert "FIGURE ktp held-out 8 nik_right: 0 %" in out
    assert "FIGURE ktp held-out 9 nik_right: 0 %" in out
    assert "FIGURE ktp held-out 10 nik_right: 0 %" in out
    assert "FIGURE ktp held-out 11 nik_right: 0 %" in out
    assert "FIGURE ktp held-out 12 nik_right: 0 %" in out
    assert "FIGURE ktp held-out 13 nik_right: 0 %" in out
    assert "FIGURE ktp held-out 14 nik_right: 0 %" in out
    assert "FIGURE ktp held-out 15 nik_right: 0 %" in out
    assert "FIGURE ktp held-out 16 nik_right: 0 %" in out
    assert "FIGURE ktp held-out 17 nik_right: 0 %" in out
    assert "FIGURE ktp held-out 18 nik_right: 0 %" in out
    assert "FIGURE ktp held-out 19 nik_right: 0 %" in out
    assert "FIGURE ktp held-out 20 nik_right: 0 %" in out
    assert "FIGURE ktp held-out 21 nik_right: 0 %" in out
    assert "FIGURE ktp held-out 22 nik_right: 0 %" in out
    assert "FIGURE ktp held-out 1 nik_right: 100 %" in out
    tuned = ktp_accuracy.run([{}] * 4, cards=2, seed=1, workers=1, designs=list(KD.TUNED))
    assert {c["design"] for c in tuned} <= set(KD.TUNED)


def test_ijazah_benchmark_reports_each_held_out_group(monkeypatch, capsys):
    def read(args):   # the bookkeeping only: no reading; later groups' pages all missed
        design, dpi, copy, *_ = args
        ok = IJ.get_design(design).group < 2
        return {"design": design, "dpi": dpi, "copy": copy, "cpu": 0.2, "doc": "ijazah",
                "nama": ok, "nama_wrong": False, "nama_exact": ok, "nama_inexact": False,
                "jenjang": True,
                "jenjang_wrong": False, "tahun": ok, "nomor_printed": True, "nomor": ok,
                "nomor_wrong": not ok, "color": True, "misses": []}

    monkeypatch.setattr(accuracy, "run_ijazah", read)
    monkeypatch.setattr(accuracy, "ProcessPoolExecutor", _Inline)
    failed = accuracy.ijazah_figures(per_cell=1, seed=1, workers=1, misses=False)
    out = capsys.readouterr().out
    assert failed == ["ijazah_nama"]
    assert "FIGURE accuracy: ijazah nomor (held-out 1 designs): 100 %" in out
    assert "FIGURE accuracy: ijazah nomor taken wrong (held-out 2 designs): 100 %" in out
    assert "-- held-out designs (never tuned on)" in out and "-- held out 2" in out
    assert "-- held out 3 (made after group 2 was measured): smk_hijau, madrasah_arabes" in out
    assert "-- held out 4 (made after group 3 was measured): sarjana_dwibahasa" in out
    assert "-- held out 5 (made after group 4 was measured): sd_pita, akademi_teknik" in out
    assert "-- held out 6 (made after group 5 was measured): sttb_ketik, paket_saudara" in out
    assert "-- held out 7 (made after group 6 was measured): sma_orang_tua, sd_tulis_tangan" \
        in out
    assert "-- held out 8 (made after group 7 was measured): madrasah_arab, garamond_dwikolom" \
        in out
    assert "-- held out 9 (made after group 8 was measured): paket_c_lambang, " \
        "sarjana_dua_tengah" in out
    assert "-- held out 10 (made after group 9 was measured): smk_kotak, smp_isian" in out
    assert "-- held out 11 (made after group 10 was measured): sma_inkjet, smp_legalisir" \
        in out
    assert "-- held out 12 (made after group 11 was measured): mts_bintang, sarjana_emas" \
        in out
    assert "-- held out 13 (made after group 12 was measured): mi_faks, magister_laminasi" \
        in out
    assert "-- held out 14 (made after group 13 was measured): sma_kusut, d1_arsip" in out
    assert "-- held out 15 (made after group 14 was measured): paket_b_sablon, ma_santri" \
        in out
    assert "-- held out 16 (made after group 15 was measured): pengganti_skpi, " \
        "sarjana_elegan" in out
    assert "-- held out 17 (made after group 16 was measured): madrasah_moire, " \
        "politeknik_perkecil" in out
    assert "-- held out 18 (made after group 17 was measured): skhun_dua_satu, " \
        "institut_selotip" in out
    assert "-- held out 19 (made after group 18 was measured): swasta_cap_timbul, " \
        "paket_a_goyang" in out
    assert "-- held out 20 (made after group 19 was measured): sma_nama_renggang, " \
        "mts_bin_ketik" in out
    assert "-- held out 21 (made after group 20 was measured): smk_nama_kuas, " \
        "smp_tulis_tembus" in out
    assert "-- held out 22 (made after group 21 was measured): sarjana_gotik, " \
        "smu_matriks" in out
    assert "-- held out 23 (made after group 22 was measured): slb_wa_cetak, " \
        "poltekkes_hologram" in out
    assert "-- held out 24 (made after group 23 was measured): akper_map_plastik, " \
        "stai_gulung" in out
    assert "-- held out 25 (made after group 24 was measured): stie_bingkai_kaca, " \
        "mts_cap_menimpa" in out
    assert "-- held out 26 (made after group 25 was measured): universitas_sambung, " \
        "politeknik_tangkapan_layar" in out
    assert "-- held out 27 (made after group 26 was measured): smea_rayap, " \
        "stikes_salinan" in out
    assert "-- held out 28 (made after group 27 was measured): stm_ketik_ulang, " \
        "paket_c_tutup_renggang" in out
    assert "-- held out 29 (made after group 28 was measured): smp_banjir, " \
        "universitas_pengumpan" in out
    assert "-- held out 30 (made after group 29 was measured): spg_luntur, ut_hantu" in out
    assert "-- held out 31 (made after group 30 was measured): spma_hangus, pgsd_kedip" in out
    assert "-- held out 32 (made after group 31 was measured): st_mikrofilm, " \
        "ma_pondok_teduh" in out
    assert "-- held out 33 (made after group 32 was measured): smep_karat, " \
        "sarjana_lipat_empat" in out
    assert "FIGURE accuracy: ijazah nama (held-out designs): 3.077 %" in out
    assert "FIGURE accuracy: ijazah nama (held-out 1 designs): 100 %" in out
    assert "FIGURE accuracy: ijazah nama (held-out 2 designs): 0 %" in out
    assert "FIGURE accuracy: ijazah nama (held-out 3 designs): 0 %" in out
    assert "FIGURE accuracy: ijazah nama (held-out 4 designs): 0 %" in out
    assert "FIGURE accuracy: ijazah nama (held-out 5 designs): 0 %" in out
    assert "FIGURE accuracy: ijazah nama (held-out 6 designs): 0 %" in out
    assert "FIGURE accuracy: ijazah nama (held-out 7 designs): 0 %" in out
    assert "FIGURE accuracy: ijazah nama (held-out 8 designs): 0 %" in out
    assert "FIGURE accuracy: ijazah nama (held-out 9 designs): 0 %" in out
    assert "FIGURE accuracy: ijazah nama (held-out 10 designs): 0 %" in out
    assert "FIGURE accuracy: ijazah nama (held-out 11 designs): 0 %" in out
    assert "FIGURE accuracy: ijazah nama (held-out 12 designs): 0 %" in out
    assert "FIGURE accuracy: ijazah nama (held-out 13 designs): 0 %" in out
    assert "FIGURE accuracy: ijazah nama (held-out 14 designs): 0 %" in out
    assert "FIGURE accuracy: ijazah nama (held-out 15 designs): 0 %" in out
    assert "FIGURE accuracy: ijazah nama (held-out 16 designs): 0 %" in out
    assert "FIGURE accuracy: ijazah nama (held-out 17 designs): 0 %" in out
    assert "FIGURE accuracy: ijazah nama (held-out 18 designs): 0 %" in out
    assert "FIGURE accuracy: ijazah nama (held-out 19 designs): 0 %" in out
    assert "FIGURE accuracy: ijazah nama (held-out 20 designs): 0 %" in out
    assert "FIGURE accuracy: ijazah nama (held-out 21 designs): 0 %" in out
    assert "FIGURE accuracy: ijazah nama (held-out 22 designs): 0 %" in out
    assert "FIGURE accuracy: ijazah nama (held-out 23 designs): 0 %" in out
    assert "FIGURE accuracy: ijazah nama (held-out 24 designs): 0 %" in out
    assert "FIGURE accuracy: ijazah nama (held-out 25 designs): 0 %" in out
    assert "FIGURE accuracy: ijazah nama (held-out 26 designs): 0 %" in out
    assert "FIGURE accuracy: ijazah nama (held-out 27 designs): 0 %" in out
    assert "FIGURE accuracy: ijazah nama (held-out 28 designs): 0 %" in out
    assert "FIGURE accuracy: ijazah nama (held-out 29 designs): 0 %" in out
    assert "FIGURE accuracy: ijazah nama (held-out 30 designs): 0 %" in out
    assert "FIGURE accuracy: ijazah nama (held-out 31 designs): 0 %" in out
    assert "FIGURE accuracy: ijazah nama (held-out 32 designs): 0 %" in out
    assert "FIGURE accuracy: ijazah nama (held-out 33 designs): 0 %" in out
    assert "FIGURE accuracy: ijazah nama (tuned designs): 100 %" in out


def test_group_6_differs_from_every_earlier_design():
    earlier = _new_ktp_group(6, KD.HELD_OUT_6)
    packages = {path.rsplit("/", 1)[0] for path, _ in
                (KD.FACES[f] for e in earlier for f in (e.nik_face, e.label_face, e.value_face))}
    for d in (KD.DESIGNS[n] for n in KD.HELD_OUT_6):
        # the NIK's face from a font package no card used, installed here (not DejaVu
        # standing in)
        path = KD.FACES[d.nik_face][0]
        assert path.rsplit("/", 1)[0] not in packages and (KD.FONT_ROOT / path).is_file()
    halftone, moire = (KD.DESIGNS[n] for n in KTP_6)
    # a condensed proportional NIK face beside a monospaced one
    cond, mono = KD.face(halftone.nik_face, 60), KD.face(moire.nik_face, 60)
    assert cond.getlength("i") < 0.6 * cond.getlength("W")
    assert mono.getlength("i") == mono.getlength("W")
    assert cond.getlength("0123456789") < 0.9 * mono.getlength("0123456789")
    # the thermal card's NIK alone is over-inked and off its line, its head has dead dots
    assert moire.nik_spread_mm > 0 and moire.nik_tilt and moire.nik_drop_mm > 0
    assert moire.head_streaks > 0 and not moire.spread_mm
    assert not any(e.nik_spread_mm or e.nik_tilt or e.nik_drop_mm or e.head_streaks
                   for e in [*earlier, halftone])
    assert halftone.label("Kel/Desa") == "KEL./DESA"
    assert moire.label("Status Perkawinan") == "Status perkawinan"


def _marks(img, box=None) -> int:
    """Separate marks darker than their surroundings in ``box`` of a background."""
    grey = np.asarray((img.crop(box) if box else img).convert("L")).astype(np.int16)
    local = cv2.blur(grey.astype(np.uint8), (15, 15)).astype(np.int16)
    return cv2.connectedComponents(np.uint8(grey < local - 6))[0] - 1


@pytest.mark.parametrize("dpi", [200, 300])
def test_group_6_backgrounds_are_a_dot_screen_and_a_line_grid(dpi):
    """The halftone is hundreds of separate dots; the moiré's lines join into a few nets."""
    u = dpi / 25.4
    size = (mm_px(KTP_MM[0], dpi), mm_px(KTP_MM[1], dpi))
    box = (int(10 * u), int(10 * u), int(40 * u), int(30 * u))
    dots = KD.background(KD.DESIGNS["roboto_halftone"], size, random.Random(1), dpi)
    grid = KD.background(KD.DESIGNS["lato_moire"], size, random.Random(1), dpi)
    assert _marks(dots, box) > 600 and _marks(grid, box) < 60
    for img in (dots, grid):   # pale: a tinted card, not a dark one
        assert 170 < np.asarray(img.convert("L")).mean() < 245


@pytest.mark.parametrize("dpi", [200, 300])
def test_group_6_thermal_marks_show(people, dpi):
    """The over-inked NIK is darker and sits lower than on its line; the dead head elements
    leave full-length pale lines, paler only."""
    u = dpi / 25.4
    des = dataclasses.replace(KD.DESIGNS["lato_moire"], fade=0.0, wear=0.0, glare=0.0)
    plain = dataclasses.replace(des, nik_spread_mm=0.0, nik_tilt=0.0, nik_drop_mm=0.0,
                                head_streaks=0)
    box = (int((des.label_x_mm + 13) * u), int((des.nik_y_mm - 1) * u),
           int(des.photo_x_mm * u), int((des.nik_y_mm + des.nik_mm + 2) * u))
    level, _ = make_ktp(people[0], rng=random.Random(3), dpi=dpi, design=plain)
    off, _ = make_ktp(people[0], rng=random.Random(3), dpi=dpi,
                      design=dataclasses.replace(des, head_streaks=0))
    assert _dark_share(off, box) > 1.1 * _dark_share(level, box) > 0

    def centre_row(img) -> float:
        ink = np.asarray(img.crop(box).convert("L")) < 100
        return float(np.nonzero(ink)[0].mean())
    assert centre_row(off) - centre_row(level) > 0.25 * des.nik_drop_mm * u
    streaked, _ = make_ktp(people[0], rng=random.Random(3), dpi=dpi, design=des)
    lift = np.asarray(streaked.convert("L"), float) - np.asarray(off.convert("L"), float)
    assert (lift < -3).mean() < 0.001
    assert (lift.mean(axis=1) > 5).sum() >= des.head_streaks


def test_group_6_diplomas_differ_and_are_numbered(people):
    before = _ijazah_before(6)
    for name in IJAZAH_6:
        d = IJ.get_design(name)
        assert d.name_face not in {b.name_face for b in before}
        assert d.cue not in {b.cue for b in before}
        assert d.cue in IJ.CUE_MAKERS
    sttb = IJ.get_design("sttb_ketik")
    assert sttb.title_text != "IJAZAH" and all(b.title_text == "IJAZAH" for b in before)
    assert sttb.aged > 0 and sttb.era and not any(b.aged or b.era for b in before)
    assert IJ.programs_of(sttb) == ["SMP", "SMA", "STM"]
    assert IJ.programs_of(IJ.get_design("paket_saudara")) == ["PAKET B", "PAKET C"]
    for k in range(4):
        _, truth = IJ.make_ijazah(people[k], rng=random.Random(k), dpi=40, design="sttb_ketik")
        assert truth["jenjang"] in ("SMP", "SMA") and truth["group"] == 6 and truth["held_out"]
        assert 1982 <= truth["tahun"] <= 1999
        assert re.fullmatch(r"\d\d O[bct] \d{6}", truth["nomor"])
        _, truth = IJ.make_ijazah(people[k], rng=random.Random(k), dpi=40,
                                  design="paket_saudara")
        assert truth["program"] in ("PAKET B", "PAKET C") and truth["jenjang"] in ("SMP", "SMA")
        assert re.fullmatch(r"DN-PC/\d\d \d{7}", truth["nomor"])
        assert truth["nama"] == people[k]["nama"].upper()


@pytest.mark.parametrize("dpi", [200, 300])
def test_group_6_sttb_paper_is_aged(people, dpi):
    """The STTB's sheet is yellowed, browner at its edges than inside; the Paket's is not."""
    u = dpi / 25.4

    def tones(name: str):
        page, _ = IJ.make_ijazah(people[1], rng=random.Random(4), dpi=dpi, design=name)
        rgb = np.asarray(page).astype(int)
        rows = slice(int(40 * u), int(250 * u))   # the margins beside the text, blank paper
        edge = rgb[rows, int(1 * u):int(5 * u)].reshape(-1, 3).mean(axis=0)
        inner = rgb[rows, int(16 * u):int(22 * u)].reshape(-1, 3).mean(axis=0)
        return edge, inner
    edge, inner = tones("sttb_ketik")
    assert edge[0] - edge[2] > 40 and inner[0] - inner[2] > 25   # yellow-brown
    assert edge.sum() < inner.sum() - 10                            # darker at the edge
    edge, inner = tones("paket_saudara")
    assert abs(inner[0] - inner[2]) < 12 and abs(edge.sum() - inner.sum()) < 10


def test_group_7_differs_from_every_earlier_design():
    earlier = _new_ktp_group(7, KD.HELD_OUT_7)
    packages = {path.rsplit("/", 1)[0] for path, _ in
                (KD.FACES[f] for e in earlier for f in (e.nik_face, e.label_face, e.value_face))}
    for d in (KD.DESIGNS[n] for n in KD.HELD_OUT_7):
        # every face from a font package no card used, installed here (not DejaVu standing in)
        for name in (d.nik_face, d.label_face, d.value_face):
            path = KD.FACES[name][0]
            assert path.rsplit("/", 1)[0] not in packages and (KD.FONT_ROOT / path).is_file()
        assert d.label("Tempat/Tgl Lahir") not in {e.label("Tempat/Tgl Lahir") for e in earlier}
    rosette, pita = (KD.DESIGNS[n] for n in KTP_7)
    # the rosette card: digits set wide apart, in a blue ink of their own; nothing before
    assert rosette.nik_track_mm > 0 and rosette.nik_ink and rosette.nik_ink != rosette.ink
    assert rosette.nik_ink[2] > 2 * rosette.nik_ink[0]
    assert rosette.label("Kel/Desa") == "Kelurahan/Desa"
    # the worn ribbon: thin, ghosted strokes and the NIK on a pale strip; nothing before
    assert pita.thin > 0 and any(pita.ghost_mm) and pita.nik_strip
    assert pita.fade >= max(e.fade for e in earlier)   # as light as the lightest
    assert not any(e.nik_track_mm or e.nik_ink or e.nik_strip or e.thin or any(e.ghost_mm)
                   for e in earlier)
    # the two differ from each other and from every earlier card in pitch and columns
    steps = {e.step_mm for e in earlier}
    assert rosette.step_mm not in steps and pita.step_mm not in steps
    assert (rosette.colon_x_mm, rosette.first_y_mm) not in {(e.colon_x_mm, e.first_y_mm)
                                                            for e in earlier}
    assert (pita.colon_x_mm, pita.first_y_mm) not in {(e.colon_x_mm, e.first_y_mm)
                                                      for e in earlier}


def _nik_box(des, dpi: int) -> tuple[int, int, int, int]:
    u = dpi / 25.4
    return (int((des.label_x_mm + 13) * u), int((des.nik_y_mm - 0.3) * u),
            int((des.photo_x_mm - 1.5) * u), int((des.nik_y_mm + des.nik_mm + 0.3) * u))


@pytest.mark.parametrize("dpi", [200, 300])
def test_group_7_nik_ink_spacing_and_strip_show(people, dpi):
    """The rosette card's NIK is blue and wider than the same digits set close; the other
    card's NIK sits on a pale yellow strip."""
    rosette = dataclasses.replace(KD.DESIGNS["carlito_rosette"], wear=0.0, glare=0.0)
    card, _ = make_ktp(people[0], rng=random.Random(5), dpi=dpi, design=rosette)
    rgb = np.asarray(card.crop(_nik_box(rosette, dpi))).astype(int).reshape(-1, 3)
    digits = rgb[rgb.sum(axis=1) < 330]
    assert len(digits) > 50 and (digits[:, 2] - digits[:, 0]).mean() > 30

    def span(des) -> int:
        img, _ = make_ktp(people[0], rng=random.Random(5), dpi=dpi, design=des)
        ink = np.asarray(img.crop(_nik_box(rosette, dpi)).convert("L")) < 120
        cols = np.nonzero(ink.any(axis=0))[0]
        return int(cols[-1] - cols[0])
    close = dataclasses.replace(rosette, nik_track_mm=0.0)
    assert span(rosette) > span(close) + 5 * rosette.nik_track_mm * dpi / 25.4
    pita = dataclasses.replace(KD.DESIGNS["cantarell_pita"], wear=0.0, glare=0.0)
    card, _ = make_ktp(people[1], rng=random.Random(5), dpi=dpi, design=pita)
    strip = np.asarray(card.crop(_nik_box(pita, dpi))).astype(int).reshape(-1, 3)
    paper = strip[strip.sum(axis=1) > 600]
    assert len(paper) > 0.4 * len(strip)
    assert (paper[:, 0] - paper[:, 2]).mean() > 40   # yellow, not the card's tint


@pytest.mark.parametrize("dpi", [200, 300])
def test_group_7_worn_ribbon_is_light_and_ghosted(people, dpi):
    """The worn ribbon prints less ink than a full one, and its ghost adds pale ink beside
    the strokes that the print without a ghost lacks."""
    base = dataclasses.replace(KD.DESIGNS["cantarell_pita"], wear=0.0, glare=0.0)
    u = dpi / 25.4
    box = (int(base.colon_x_mm * u), int(base.first_y_mm * u), int(base.photo_x_mm * u),
           int((base.first_y_mm + 10 * base.step_mm) * u))

    def grey(des) -> np.ndarray:
        img, _ = make_ktp(people[2], rng=random.Random(8), dpi=dpi, design=des)
        return np.asarray(img.crop(box).convert("L")).astype(int)
    full = grey(dataclasses.replace(base, thin=0.0, ghost_mm=(0.0, 0.0)))
    thin = grey(dataclasses.replace(base, ghost_mm=(0.0, 0.0)))
    ghosted = grey(base)
    assert (thin < 140).sum() < 0.9 * (full < 140).sum()
    assert (ghosted < thin - 8).sum() > 0.05 * (thin < 140).sum()
    assert (ghosted > thin + 3).mean() < 0.001   # a ghost only adds ink


@pytest.mark.parametrize("dpi", [200, 300])
def test_group_7_backgrounds_are_rosettes_and_two_bands(dpi):
    """Tiled rosettes print the whole card evenly; the two-band card is redder above its
    middle than below; both are pale."""
    size = (mm_px(KTP_MM[0], dpi), mm_px(KTP_MM[1], dpi))
    tiles = KD.background(KD.DESIGNS["carlito_rosette"], size, random.Random(2), dpi)
    bands = KD.background(KD.DESIGNS["cantarell_pita"], size, random.Random(2), dpi)
    for img in (tiles, bands):
        assert 180 < np.asarray(img.convert("L")).mean() < 245
    grey = np.asarray(tiles.convert("L")).astype(int)
    quarters = [grey[:, k * size[0] // 4:(k + 1) * size[0] // 4].mean() for k in range(4)]
    assert max(quarters) - min(quarters) < 8 and _marks(tiles) > 20
    rgb = np.asarray(bands).astype(int)
    top, bottom = rgb[: size[1] // 4].reshape(-1, 3), rgb[-size[1] // 5:].reshape(-1, 3)
    redness = lambda px: (px[:, 0] - px[:, 2]).mean()   # noqa: E731
    assert redness(top) > redness(bottom) + 15


def test_group_7_diplomas_differ_and_are_numbered(people):
    before = _ijazah_before(7)
    faces = _diploma_faces(*before)
    for name in IJAZAH_7:
        d = IJ.get_design(name)
        assert d.name_face not in faces
        assert d.cue not in {b.cue for b in before} and d.cue in IJ.CUE_MAKERS
        assert d.nomor_style not in {b.nomor_style for b in before}
        assert d.era and d.era not in {b.era for b in before}
    modern = IJ.get_design("sma_orang_tua")   # set in the faces of an office's word processor
    assert {modern.title, modern.heading, modern.body}.isdisjoint(faces)
    assert IJ.programs_of(modern) == ["SMA", "SMK"]
    assert IJ.programs_of(IJ.get_design("sd_tulis_tangan")) == ["SD"]
    for k in range(4):
        _, truth = IJ.make_ijazah(people[k], rng=random.Random(k), dpi=40,
                                  design="sma_orang_tua")
        assert truth["jenjang"] == "SMA" and truth["group"] == 7 and truth["held_out"]
        assert 2016 <= truth["tahun"] <= 2024
        assert re.fullmatch(rf"DN-\d\d/M-SM[AK]/K13/{truth['tahun'] % 100:02d}/\d{{7}}",
                            truth["nomor"])
        assert truth["nama"] == people[k]["nama"].upper()
        _, truth = IJ.make_ijazah(people[k], rng=random.Random(k), dpi=40,
                                  design="sd_tulis_tangan")
        assert truth["jenjang"] == "SD" and truth["group"] == 7 and truth["held_out"]
        assert 1972 <= truth["tahun"] <= 1990 and re.fullmatch(r"\d\d Da \d{6}", truth["nomor"])
        assert truth["nama"] == people[k]["nama"].upper()


def test_group_7_parent_is_another_person():
    """The parent under the holder is a full name of its own: never the holder's, the same
    for the same holder."""
    for person in make_people(12, seed=5):
        name = person["nama"].upper()
        parent = IJ_G7.parent_name(name)
        assert parent != name and parent == IJ_G7.parent_name(name) and parent.isupper()
    assert IJ_G7.parent_name("SUPRIYADI") != "SUPRIYADI"


@pytest.mark.parametrize("dpi", [200, 300])
def test_group_7_name_is_written_in_pen(people, dpi):
    """On the SD form the values are blue-black pen ink over the printed black; the modern
    diploma's are all printed in black."""
    def inks(name: str) -> np.ndarray:
        page, _ = IJ.make_ijazah(people[3], rng=random.Random(1), dpi=dpi, design=name)
        u = dpi / 25.4
        rgb = np.asarray(page.crop((int(80 * u), int(120 * u), int(180 * u),
                                    int(185 * u)))).astype(int).reshape(-1, 3)
        dark = rgb[rgb.sum(axis=1) < 420]
        return len(dark), int(((dark[:, 2] - dark[:, 0]) > 30).sum())
    (pen_ink, blue), (printed, printed_blue) = inks("sd_tulis_tangan"), inks("sma_orang_tua")
    assert pen_ink > 200 and printed > 200
    assert blue > 0.3 * pen_ink and printed_blue < 0.02 * printed


KTP_ROWS = 12   # Nama .. Berlaku Hingga


def _every_field_printed(people: list[dict], name: str) -> None:
    """Every row of card design ``name`` has ink left of its colon (the label) and right
    of it (the value), the NIK its digits, on three cards as they are handed in, 200 dpi."""
    dpi = 200
    u = dpi / 25.4
    des = KD.DESIGNS[name]
    for seed in range(3):
        card, truth = make_ktp(people[seed], rng=random.Random(seed), dpi=dpi, design=name)
        assert truth["nik"] == people[seed]["nik"] and truth["design"] == name
        grey = _grey(card)

        def ink(left, top, right, bottom, grey=grey):
            return float((grey[int(top * u):int(bottom * u),
                               int(left * u):int(right * u)] < 190).mean())
        for k in range(KTP_ROWS):
            top = des.first_y_mm + k * des.step_mm
            bottom = top + des.text_mm + 0.4
            assert ink(des.label_x_mm + 0.5, top - 0.8, des.colon_x_mm - 0.8, bottom) > 0.01
            assert ink(des.colon_x_mm + 1.0, top - 0.4, des.colon_x_mm + 9, bottom) > 0.02
        assert ink(des.label_x_mm + 13, des.nik_y_mm - 0.8, des.photo_x_mm - 2,
                   des.nik_y_mm + des.nik_mm + 1) > 0.06


@pytest.mark.parametrize("dpi", [200, 300])
@pytest.mark.parametrize("name", KTP_13 + KTP_14 + KTP_15 + KTP_16 + KTP_17 + KTP_18 +
                         KTP_19 + KTP_20 + KTP_21 + KTP_22)
def test_later_cards_print_every_field(people, name, dpi):
    """Every row has ink left of its colon (the label) and right of it (the value, where
    it lies on this card), the cards drawn as they are measured (groups 13 to 22: stained,
    copied low on toner, scanned too bright, colour-copied, inkjet-copied, written on,
    legalised, copied too dark, highlighted, copied enlarged and back down, copied through
    a scratched drum, copied on a used sheet, printed from a black-and-white scan, punched
    and stapled: a label the punch took went with the paper, its value is still checked;
    copied onto coloured paper, copied under a fingertip and folded; blistered and peeling,
    copied with the lid open; copied onto kertas buram, a paper clip over the copy)."""
    u = dpi / 25.4
    des = KD.DESIGNS[name]
    card, truth = make_ktp(people[0], rng=random.Random(dpi), dpi=dpi, design=name)
    assert truth["design"] == name and truth["nik"] == people[0]["nik"]
    grey = _grey(card)
    took = np.zeros(grey.shape, bool)
    if des.punched:   # the hole and staple come last: the same card without them
        bare, _ = make_ktp(people[0], rng=random.Random(dpi), dpi=dpi,
                           design=dataclasses.replace(des, punched=0.0))
        took = np.abs(_grey(bare) - grey) > 40

    def box(area: np.ndarray, left: float, top: float, right: float, bottom: float):
        return area[int(top * u):int(bottom * u), int(left * u):int(right * u)]

    def ink(left: float, top: float, right: float, bottom: float) -> float:
        return float((box(grey, left, top, right, bottom) < 190).mean())
    for k in range(KTP_ROWS):
        top = des.first_y_mm + k * des.step_mm
        bottom = top + des.text_mm + 0.4
        dy = des.value_dy_mm
        label = (des.label_x_mm + 0.5, top - 0.8, des.colon_x_mm - 0.8, bottom)
        assert ink(*label) > 0.01 or box(took, *label).mean() > 0.05, k
        assert ink(des.colon_x_mm + 1.0, top - 0.4 + dy, des.colon_x_mm + 9, bottom + dy) \
            > 0.02, k
    assert ink(des.label_x_mm + 13, des.nik_y_mm - 0.8, des.photo_x_mm - 2,
               des.nik_y_mm + des.nik_mm + 1) > 0.06


@pytest.mark.parametrize("name", KTP_13 + KTP_14 + KTP_16 + KTP_17 + KTP_19 + KTP_20 +
                         KTP_21 + KTP_22)
def test_later_cards_print_the_truth(people, name, monkeypatch):
    texts = _printed(monkeypatch)
    _, truth = make_ktp(people[1], rng=random.Random(5), dpi=100, design=name)
    for key in ("nik", "nama", "tempat_tgl_lahir", "jenis_kelamin_text", "alamat", "rt_rw",
                "kel_desa", "kecamatan", "agama", "status_perkawinan", "pekerjaan"):
        assert truth[key] in texts, key
    assert truth["nama"] == people[1]["nama"].upper()


def _card(colour=(255, 255, 255), dpi: int = 200) -> Image.Image:
    """A blank card of KTP size at ``dpi``, in ``colour``."""
    return Image.new("RGB", (mm_px(KTP_MM[0], dpi), mm_px(KTP_MM[1], dpi)), colour)


def _pair(person, name: str, dpi: int, seed: int, **off):
    """Card ``name`` as drawn, and the same card (same seed) with ``off`` replaced."""
    des = KD.DESIGNS[name]
    card, truth = make_ktp(person, rng=random.Random(seed), dpi=dpi, design=des)
    bare, _ = make_ktp(person, rng=random.Random(seed), dpi=dpi,
                       design=dataclasses.replace(des, **off))
    return card, bare, truth


# -- what every late group shares: listed in its place, held out, printing the truth ------

LATE_GROUPS = {23: (KTP_23, IJAZAH_23), 24: (KTP_24, IJAZAH_24), 25: (KTP_25, IJAZAH_25),
               26: (KTP_26, IJAZAH_26), 27: (KTP_27, IJAZAH_27), 28: (KTP_28, IJAZAH_28),
               29: (KTP_29, IJAZAH_29), 30: (KTP_30, IJAZAH_30), 31: (KTP_31, IJAZAH_31),
               32: (KTP_32, IJAZAH_32), 33: (KTP_33, IJAZAH_33)}
LEVELS = ("SD", "SMP", "SMA", "D3", "D4", "S1")


@pytest.mark.parametrize("group", sorted(LATE_GROUPS))
def test_a_late_group_is_held_out_and_listed_after_the_one_before(group):
    ktp, ijazah = LATE_GROUPS[group]
    assert KD.HELD_OUT_GROUPS[group] == ktp
    names = tuple(KD.DESIGNS)
    at = names.index(ktp[0])
    assert names[at:at + 2] == ktp and names[at - 2:at] == KD.HELD_OUT_GROUPS[group - 1]
    assert all(KD.DESIGNS[n].group < group for n in names[:at])
    for name in ktp:
        assert KD.DESIGNS[name].group == group
        assert name in KD.HELD_OUT and name not in KD.TUNED and name not in KD.DRAWN
    assert IJ.HELD_OUT_GROUPS[group] == ijazah
    at = IJ.DESIGN_NAMES.index(ijazah[0])
    assert IJ.DESIGN_NAMES[at:at + 2] == ijazah
    assert IJ.DESIGN_NAMES[at - 2:at] == IJ.HELD_OUT_GROUPS[group - 1]
    assert all(d.group < group for d in IJ.DESIGNS[:at])
    held = IJ.HELD_OUT.index(ijazah[0])   # after every earlier group, before any later
    assert IJ.HELD_OUT[held:held + 2] == ijazah
    assert all(IJ.get_design(n).group > group for n in IJ.HELD_OUT[held + 2:])
    for name in ijazah:
        d = IJ.get_design(name)
        assert d.group == group and d.held_out and name not in IJ.NAMED_ONLY
    # never drawn unasked
    person, rng = make_people(1, seed=group)[0], random.Random(group)
    for level in LEVELS:
        for _ in range(20):
            design, _program = IJ.pick(dict(person, pendidikan=level), rng)
            assert design.name not in ijazah and not design.held_out


@pytest.mark.parametrize("name", [n for ktp, _ in LATE_GROUPS.values() for n in ktp])
def test_a_late_group_s_cards_are_deterministic(people, name):
    a, _ = make_ktp(people[0], rng=random.Random(1), dpi=100, design=name)
    b, _ = make_ktp(people[0], rng=random.Random(1), dpi=100, design=name)
    c, _ = make_ktp(people[0], rng=random.Random(2), dpi=100, design=name)
    assert a.tobytes() == b.tobytes() and a.tobytes() != c.tobytes()


@pytest.mark.parametrize("color", [True, False])
@pytest.mark.parametrize("group", sorted(LATE_GROUPS))
def test_a_late_group_s_copy_pages_render(people, group, color):
    for name in LATE_GROUPS[group][0]:
        page, truth = make_ktp_copy_page(people[1], rng=random.Random(8), dpi=150,
                                         color=color, back=True, design=name)
        x0, y0, x1, y1 = truth["card_box"]
        assert (_grey(page)[y0:y1, x0:x1] < 110).mean() > 0.02


@pytest.mark.parametrize("name", [n for ktp, _ in LATE_GROUPS.values() for n in ktp])
def test_a_late_group_s_cards_print_the_truth(name, monkeypatch):
    texts = _printed(monkeypatch)
    _, truth = make_ktp(make_people(2, seed=7)[1], rng=random.Random(5), dpi=100, design=name)
    for key in ("nik", "nama", "tempat_tgl_lahir", "jenis_kelamin_text", "alamat", "rt_rw",
                "kel_desa", "kecamatan", "agama", "status_perkawinan", "pekerjaan"):
        assert truth[key] in texts, key
