"""Synthetic ijazah (school and university diplomas) in many designs, as printed and copied.

Each design differs in type faces (serif titles, a script-like face for names where the
system has one), portrait or landscape paper, border, seal, paper tint, where the holder's
name stands ("diberikan kepada" above it, "Nama :" before it, "menerangkan bahwa" ...)
and where the diploma number is printed. Held-out designs (``group`` 1 to 33) are only
drawn when asked for by name: they measure the reader on layouts it was not tuned on;
group 2 came after group 1 had been measured, group 3 after group 2 and so on to group 33
after group 32, so nobody tuning has seen the latest.
``make_ijazah`` returns ``(image, truth)``; ``copy_quality`` (scansim.copies) turns a page
into a grey or colour photocopy or a faded print.
"""
from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter, ImageFont

from formgen.core.yamlfile import load_yaml
from scansim.copies import copy_quality as copy_quality
from scansim.draw import mm_px
from scansim.ijazah_cues import CUES
from scansim.ijazah_faces import FACES as FACES
from scansim.ijazah_faces import face
from scansim.ijazah_group7 import GROUP7_CUES
from scansim.ijazah_group8 import GROUP8_CUES
from scansim.ijazah_group9 import GROUP9_CUES
from scansim.ijazah_group10 import GROUP10_CUES
from scansim.ijazah_group11 import GROUP11_BORDERS, GROUP11_CUES, legalised_copy
from scansim.ijazah_group12 import FINISHES, GROUP12_BORDERS, GROUP12_CUES
from scansim.ijazah_group13 import FINISHES as GROUP13_FINISHES
from scansim.ijazah_group13 import GROUP13_BORDERS, GROUP13_CUES
from scansim.ijazah_group14 import FINISHES as GROUP14_FINISHES
from scansim.ijazah_group14 import GROUP14_BORDERS, GROUP14_CUES
from scansim.ijazah_group15 import FINISHES as GROUP15_FINISHES
from scansim.ijazah_group15 import GROUP15_BORDERS, GROUP15_CUES
from scansim.ijazah_group16 import FINISHES as GROUP16_FINISHES
from scansim.ijazah_group16 import GROUP16_BORDERS, GROUP16_CUES, LETTER_CLOSES, LETTERS
from scansim.ijazah_group17 import FINISHES as GROUP17_FINISHES
from scansim.ijazah_group17 import GROUP17_BORDERS, GROUP17_CUES
from scansim.ijazah_group17 import HEADERS as GROUP17_HEADERS
from scansim.ijazah_group18 import FINISHES as GROUP18_FINISHES
from scansim.ijazah_group18 import GROUP18_BORDERS, GROUP18_CUES, TWO_UPS
from scansim.ijazah_group18 import HEADERS as GROUP18_HEADERS
from scansim.ijazah_group19 import FINISHES as GROUP19_FINISHES
from scansim.ijazah_group19 import GROUP19_BORDERS, GROUP19_CUES
from scansim.ijazah_group20 import FINISHES as GROUP20_FINISHES
from scansim.ijazah_group20 import GROUP20_BORDERS, GROUP20_CUES, with_father
from scansim.ijazah_group21 import FINISHES as GROUP21_FINISHES
from scansim.ijazah_group21 import GROUP21_BORDERS, GROUP21_CUES
from scansim.ijazah_group22 import FINISHES as GROUP22_FINISHES
from scansim.ijazah_group22 import GROUP22_BORDERS, GROUP22_CUES
from scansim.ijazah_group22 import HEADERS as GROUP22_HEADERS
from scansim.ijazah_group23 import FINISHES as GROUP23_FINISHES
from scansim.ijazah_group23 import GROUP23_BORDERS, GROUP23_CUES
from scansim.ijazah_group23 import HEADERS as GROUP23_HEADERS
from scansim.ijazah_group23 import STICKERS as GROUP23_STICKERS
from scansim.ijazah_group24 import FINISHES as GROUP24_FINISHES
from scansim.ijazah_group24 import GROUP24_BORDERS, GROUP24_CUES
from scansim.ijazah_group24 import HEADERS as GROUP24_HEADERS
from scansim.ijazah_group25 import FINISHES as GROUP25_FINISHES
from scansim.ijazah_group25 import GROUP25_BORDERS, GROUP25_CUES
from scansim.ijazah_group25 import HEADERS as GROUP25_HEADERS
from scansim.ijazah_group25 import STICKERS as GROUP25_STICKERS
from scansim.ijazah_group26 import FINISHES as GROUP26_FINISHES
from scansim.ijazah_group26 import GROUP26_BORDERS, GROUP26_CUES, NAME_CLEAR
from scansim.ijazah_group26 import HEADERS as GROUP26_HEADERS
from scansim.ijazah_group27 import FINISHES as GROUP27_FINISHES
from scansim.ijazah_group27 import GROUP27_BORDERS, GROUP27_CUES
from scansim.ijazah_group27 import HEADERS as GROUP27_HEADERS
from scansim.ijazah_group27 import NAME_CLEAR as GROUP27_NAME_CLEAR
from scansim.ijazah_group28 import FINISHES as GROUP28_FINISHES
from scansim.ijazah_group28 import GROUP28_BORDERS, GROUP28_CUES
from scansim.ijazah_group28 import HEADERS as GROUP28_HEADERS
from scansim.ijazah_group29 import FILLED as GROUP29_FILLED
from scansim.ijazah_group29 import FINISHES as GROUP29_FINISHES
from scansim.ijazah_group29 import GROUP29_BORDERS, GROUP29_CUES
from scansim.ijazah_group29 import HEADERS as GROUP29_HEADERS
from scansim.ijazah_group30 import FILLED as GROUP30_FILLED
from scansim.ijazah_group30 import FINISHES as GROUP30_FINISHES
from scansim.ijazah_group30 import GROUP30_BORDERS, GROUP30_CUES
from scansim.ijazah_group30 import HEADERS as GROUP30_HEADERS
from scansim.ijazah_group30 import NAME_CLEAR as GROUP30_NAME_CLEAR
from scansim.ijazah_group31 import FINISHES as GROUP31_FINISHES
from scansim.ijazah_group31 import GROUP31_BORDERS, GROUP31_CUES
from scansim.ijazah_group31 import HEADERS as GROUP31_HEADERS
from scansim.ijazah_group31 import NAME_CLEAR as GROUP31_NAME_CLEAR
from scansim.ijazah_group32 import FINISHES as GROUP32_FINISHES
from scansim.ijazah_group32 import GROUP32_BORDERS, GROUP32_CUES
from scansim.ijazah_group32 import HEADERS as GROUP32_HEADERS
from scansim.ijazah_group32 import NAME_CLEAR as GROUP32_NAME_CLEAR
from scansim.ijazah_group33 import FINISHES as GROUP33_FINISHES
from scansim.ijazah_group33 import GROUP33_BORDERS, GROUP33_CUES
from scansim.ijazah_group33 import HEADERS as GROUP33_HEADERS
from scansim.ijazah_group33 import NAME_CLEAR as GROUP33_NAME_CLEAR
from scansim.ijazah_holders import HOLDERS, holder_rows
from scansim.ijazah_numbers import styled_number
from scansim.ijazah_sign import boxed_number, sign_block
from scansim.ijazah_typed import TYPED_CUES, aged_paper
from scansim.ornament import border, draw_seal, paper

DATA = Path(__file__).with_name("data") / "ijazah.yaml"
CUE_MAKERS = {**CUES, **HOLDERS, **TYPED_CUES, **GROUP7_CUES, **GROUP8_CUES, **GROUP9_CUES,
              **GROUP10_CUES, **GROUP11_CUES, **GROUP12_CUES, **GROUP13_CUES, **GROUP14_CUES,
              **GROUP15_CUES, **GROUP16_CUES, **GROUP17_CUES, **GROUP18_CUES,
              **GROUP19_CUES, **GROUP20_CUES, **GROUP21_CUES, **GROUP22_CUES,
              **GROUP23_CUES, **GROUP24_CUES, **GROUP25_CUES, **GROUP26_CUES,
              **GROUP27_CUES, **GROUP28_CUES, **GROUP29_CUES, **GROUP30_CUES,
              **GROUP31_CUES, **GROUP32_CUES, **GROUP33_CUES}
BORDERS = {**GROUP11_BORDERS, **GROUP12_BORDERS,   # frames drawn by a group's own module
           **GROUP13_BORDERS, **GROUP14_BORDERS, **GROUP15_BORDERS,
           **GROUP16_BORDERS, **GROUP17_BORDERS, **GROUP18_BORDERS, **GROUP19_BORDERS,
           **GROUP20_BORDERS, **GROUP21_BORDERS, **GROUP22_BORDERS, **GROUP23_BORDERS,
           **GROUP24_BORDERS, **GROUP25_BORDERS, **GROUP26_BORDERS, **GROUP27_BORDERS,
           **GROUP28_BORDERS, **GROUP29_BORDERS, **GROUP30_BORDERS, **GROUP31_BORDERS,
           **GROUP32_BORDERS, **GROUP33_BORDERS}
HAND_INS = {**FINISHES, **GROUP13_FINISHES,   # how a page was handed in (Design.finish)
            **GROUP14_FINISHES, **GROUP15_FINISHES, **GROUP16_FINISHES,
            **GROUP17_FINISHES, **GROUP18_FINISHES, **GROUP19_FINISHES,
            **GROUP20_FINISHES, **GROUP21_FINISHES, **GROUP22_FINISHES,
            **GROUP23_FINISHES, **GROUP24_FINISHES, **GROUP25_FINISHES,
            **GROUP26_FINISHES, **GROUP27_FINISHES, **GROUP28_FINISHES,
            **GROUP29_FINISHES, **GROUP30_FINISHES, **GROUP31_FINISHES, **GROUP32_FINISHES,
            **GROUP33_FINISHES}
# hand-ins given the name's box (mm) to keep off its line
CLEAR_OF_NAME = set(NAME_CLEAR) | set(GROUP27_NAME_CLEAR) | set(GROUP30_NAME_CLEAR) | \
    set(GROUP31_NAME_CLEAR) | set(GROUP32_NAME_CLEAR) | set(GROUP33_NAME_CLEAR)
# hand-ins given the name's box (mm) and where the particulars' own ink lies (a mask)
GIVEN_FILL_IN = set(GROUP29_FILLED) | set(GROUP30_FILLED)
HEADERS = {**GROUP17_HEADERS, **GROUP18_HEADERS,   # faces above the holder (Design.header)
           **GROUP22_HEADERS, **GROUP23_HEADERS, **GROUP24_HEADERS,
           **GROUP25_HEADERS, **GROUP26_HEADERS, **GROUP27_HEADERS, **GROUP28_HEADERS,
           **GROUP29_HEADERS, **GROUP30_HEADERS, **GROUP31_HEADERS, **GROUP32_HEADERS,
           **GROUP33_HEADERS}
STICKERS = {**GROUP23_STICKERS, **GROUP25_STICKERS}   # laid on the page (Design.sticker)


@dataclass(frozen=True)
class Design:
    name: str
    family: str                  # sekolah, madrasah, kesetaraan, pt (see data/ijazah.yaml)
    landscape: bool
    title: str                   # face of "IJAZAH"
    heading: str                 # face of the programme and institution lines
    body: str
    name_face: str
    tint: tuple[int, int, int]   # paper colour
    pattern: tuple[int, int, int] | None  # faint security print on the paper
    accent: tuple[int, int, int]
    border: str
    seal: str
    cue: str                     # how the name is introduced (see _holder)
    number: str                  # where the diploma number stands: top, top_left, bottom,
    #                              title, boxed (a ruled box top right), under_band,
    #                              bottom_right, under_photo, footer (centred at the foot)
    short: bool = True           # the programme's abbreviation printed with its title
    group: int = 0               # 0 tuned on; 1 to 33: held-out groups, never tuned on
    watermark: bool = False      # a large pale seal printed behind the body text
    spaced_title: bool = False   # "I J A Z A H", letters set apart
    families: tuple[str, ...] = ()
    programs: tuple[str, ...] = ()   # only these programmes of the families (all if empty)
    nomor_style: str = "dn"      # dn: DN-.. serial; pc: DN-PC/..; pin: national 15 digits;
    #                              smk: DN-05 Mk/13 0012345; kemenag: MTs.15.08/PP.01.1/0231/2019;
    #                              seri: UPR.2019.S1.004217 (a university's own series);
    #                              sd: DN-15 Dd 0012345; akademi: 0417/AK.23/D-III/2019;
    #                              pb: DN-PB/14 012345 (a Paket B serial round 2000);
    #                              pa: DN-PA/14 0012345 (a Paket A serial);
    #                              depag_lama: MTs/06/0412/1986 (an old madrasah's register)
    seal_over: bool = False      # the rubber stamp pressed over the signature
    stamp_ink: tuple[int, int, int] | None = None   # the stamp's ink (else the accent over
    #                              the signature, violet beside it)
    big_stamp: bool = False      # a large stamp half over the head's name and NIP
    drop_mm: float = 0.0         # the heading starts this much lower (under a top band)
    watermark_at: tuple[float, float, float] = (0.56, 0.24, 0.16)   # the pale seal: centre
    #                              (share of the page's height), radius (of its shorter side),
    #                              share of the accent in its colour
    name_stroke_mm: float = 0.0  # the name's strokes thickened this much (a heavy face)
    seal_at: float = 0.5         # where across the top the emblem stands (share of width)
    school: str = ""             # the issuer, in data/ijazah.yaml's form (else the programme's)
    title_text: str = "IJAZAH"   # the title as printed ("SURAT TANDA TAMAT BELAJAR")
    ministry: str = ""           # the ministry line (else the family's of today)
    era: tuple[int, int] | None = None   # years it was issued in: the year printed is kept in
    aged: float = 0.0            # 0 new paper .. 1 yellowed, spotted and folded
    photo_beside: bool = False   # the photo beside the holder's rows, not at the foot
    legalised: bool = False      # handed in as a legalised photocopy of a photocopy
    finish: str = ""             # how the page was handed in: phone (a photo under a lamp),
    #                              toner_band (a laser print with a pale band down it), fax
    #                              (a fine-mode fax), laminated (scanned in clear plastic),
    #                              crumpled (crumpled, pressed flat and scanned), filed_copy
    #                              (a copy of a punched filed copy, scanned to a small JPEG),
    #                              water_stain (reached by a flood: a tide line from the
    #                              foot), scan_app (a phone scanning app's export),
    #                              desk_photo (photographed on a desk, a thumb on its edge),
    #                              moire_copy (a copy whose halftone tint beat into a moiré),
    #                              reduced_copy (copied reduced beside its transcript),
    #                              taped_tear (torn along its fold, mended with tape),
    #                              carriage_jitter (scanned on a flatbed whose carriage
    #                              jittered: bands of lines shifted sideways),
    #                              foxed_grey_copy (foxed with rust spots, copied in grey),
    #                              map_folder (scanned in its folder opened flat: the
    #                              cover beyond its edge, the page curving off towards
    #                              the spine), tembus_nilai (scanned on thin paper: the
    #                              list of marks on its back showing through, mirrored),
    #                              memo_tempel (scanned with a clerk's sticky note on it),
    #                              jepret_lipat (stapled to the sheets behind it, a
    #                              corner folded down: the sheet under it shows there),
    #                              wa_cetak (a phone photo sent by WhatsApp, printed on
    #                              a cheap inkjet), map_plastik (scanned in a glossy
    #                              sheet protector: glare, haze, wrinkles, its punched
    #                              strip), gulung (kept rolled, photographed curling up),
    #                              bingkai_kaca (framed behind glass on a wall,
    #                              photographed from below and aside: mat, moulding,
    #                              reflections, an EXIF-oriented JPEG), kertas_gelap (on
    #                              a dark blank, copied in grey: print and ground close),
    #                              sambung (an A3 sheet copied on A4 in two halves taped
    #                              together, that copied again: a seam off the name's
    #                              line, the halves out of line), tangkapan_layar (a
    #                              phone's screenshot of it in a PDF viewer, printed on
    #                              an inkjet to fit A4: small, banded), rayap (eaten by
    #                              termites in a drawer: galleries and holes through to
    #                              the scanner's lid, kept off the name's line), salinan
    #                              (photocopied: its copy-evident ground's hidden words
    #                              come out over the sheet), salin_ulang (a copy of a
    #                              copy: strokes fattened, fine lines gone, grey specks),
    #                              tutup_renggang (printed on an inkjet, scanned with the
    #                              lid not pressed down: one edge lifting off the glass),
    #                              banjir (through a flood: tide lines, the inkjet's
    #                              particulars bled, foxing, cockled), pengumpan (through
    #                              a document feeder in black and white: 200 dpi, one bit,
    #                              dust's lines down the page, stretched, askew), luntur
    #                              (framed for years on a sunny wall: inside the mat's
    #                              window the pen's ink browned and paled, the colours
    #                              bleached, the paper yellowed, a mat burn's line),
    #                              hantu (copied on a worn copier: the fuser's ghost of
    #                              the page a roller's turn down it, a smear of unfused
    #                              toner off the name's line, the drum's haze), hangus
    #                              (caught in a house fire: an edge or a corner burnt
    #                              away, the char and the scorch off the name's line,
    #                              embers' holes, soot), kedip (photographed under
    #                              flickering tube lights: the rolling shutter's dark
    #                              bands across the whole picture), mikrofilm (known
    #                              from an archive's microfilm: a reader-printer's
    #                              print in low greys, the film's black round the page,
    #                              grain, scratches along the roll and dust, all off the
    #                              name's line), bayang_daun (photographed outdoors in a
    #                              tree's dappled shade: sun patches and bluish shade,
    #                              no shadow's edge across the name), karat (kept
    #                              clipped in a folder: a paper clip's and a staple's
    #                              rust, the edges browned, off the name), lipat_empat
    #                              (folded in four and photographed unfolded: creases,
    #                              quarters lit apart, no crease across the name)
    letter: str = ""             # a letter issued in the diploma's stead (a key of LETTERS:
    #                              pengganti, a "Surat Keterangan Pengganti Ijazah")
    header: str = ""             # the face above the holder drawn by a group's own function
    #                              (a key of HEADERS: dua_aksara, in Indonesian and Arabic;
    #                              kepala_kiri, the emblem at the left of the ministry;
    #                              gotik_kampus, a university's in a blackletter;
    #                              smu_blanko, an SMU's blank numbered in red;
    #                              slb_kepala, a special school's blank; kemenkes_kepala,
    #                              a health polytechnic's under the Ministry of Health;
    #                              akper_kepala, a regency nursing academy's; stai_kepala,
    #                              a private Islamic college's; stie_kepala, a school of
    #                              economics'; mts_kepala, a madrasah's dark blank;
    #                              univ_kepala, a university's large sheet; poltek_kepala,
    #                              a polytechnic's electronic diploma with its QR code;
    #                              smea_kepala, an SMEA's blank of the Departemen
    #                              Pendidikan dan Kebudayaan; stikes_kepala, a college of
    #                              health sciences' on copy-evident security paper;
    #                              stm_kepala, an STM's blank of the Departemen
    #                              Pendidikan dan Kebudayaan, its serial typed in;
    #                              pkbm_kepala, a Paket C certificate's 2020s template
    #                              with its QR code; smp_kepala, an SMP's blank of the
    #                              Departemen Pendidikan Nasional, its number printed in
    #                              by the school's inkjet; kampus_kepala, a private
    #                              university's with its national diploma number;
    #                              spg_kepala, an SPG's blank of the Departemen
    #                              Pendidikan dan Kebudayaan, its serial in red;
    #                              ut_kepala, the open university's with the ministry of
    #                              its year and its regional office; spma_kepala, an
    #                              SPMA's blank of the Departemen Pertanian, its number
    #                              typed in; pgsd_kepala, a university's D-II PGSD with
    #                              the ministry of its year and its faculty; st_kepala,
    #                              an ST's blank of the Departemen Pendidikan dan
    #                              Kebudayaan, its serial in red; ma_pondok_kepala, a
    #                              pesantren's Madrasah Aliyah with the basmalah and
    #                              the ministry of its year; smep_kepala, an SMEP's
    #                              blank, the ministry and title as spelt in its year;
    #                              sarjana_kepala, a private university's with its
    #                              foundation)
    two_up: str = ""             # copied "2 in 1" with a companion page (a key of TWO_UPS:
    #                              skhun, its SKHUN beside it): the diploma is drawn upright
    #                              on A4 and comes out on a landscape sheet (``landscape``)
    patronym: bool = False       # the holder named with "bin"/"binti" and the father's name:
    #                              the truth's nama is all of it as printed (its nama_diri
    #                              the holder's own name, nama_ayah the father's)
    sticker: str = ""            # a sticker stuck on the page, by the name or elsewhere (a key
    #                              of STICKERS: hologram, a round hologram as a flatbed
    #                              scans it; cap_nama, the school's round stamp pressed
    #                              partly over the name)
    towns: tuple[str, ...] = ()  # the towns its issuer is named after (else data/ijazah.yaml's)
    upright_sheet: bool = False  # drawn landscape, handed in on an upright sheet (its finish
    #                              lays it there, as a screenshot of it printed on A4):
    #                              ``landscape`` is the sheet's, False

    @property
    def held_out(self) -> bool:
        return self.group > 0


DESIGNS = (
    Design("sekolah_klasik", "sekolah", False, "dejavu_serif_bold", "dejavu_serif_bold",
           "dejavu_serif", "dejavu_serif_bold", (246, 240, 222), (232, 226, 206),
           (20, 70, 40), "double", "garuda", "kepada_below", "bottom"),
    Design("madrasah", "madrasah", False, "bookman_bold", "bookman_bold", "century",
           "century_bold", (236, 246, 234), None, (30, 110, 60), "corners", "kemenag",
           "bahwa_label", "top"),
    Design("kesetaraan", "kesetaraan", True, "times_bold", "times_bold", "sans", "sans_bold",
           (252, 252, 250), None, (40, 60, 130), "double", "tut_wuri", "label_lower", "top"),
    Design("universitas", "pt", True, "century_bold", "century_bold", "century", "chancery",
           (234, 242, 250), (218, 228, 242), (30, 50, 120), "guilloche", "university",
           "kepada_below", "top", short=False),
    Design("politeknik", "pt", False, "palatino_bold", "palatino_bold", "palatino",
           "palatino_bold_italic", (250, 246, 220), None, (120, 80, 20), "rope", "university",
           "bahwa_below", "title"),
    Design("sekolah_modern", "sekolah", False, "times_bold", "times_bold", "sans", "sans_bold",
           (255, 255, 255), None, (150, 30, 40), "band", "tut_wuri", "label_long", "top",
           families=("madrasah",)),
    # Ornate and tinted ones: dense frames, a pale seal behind the text, decorative titles.
    Design("sekolah_piagam", "sekolah", True, "gothic_demi", "gothic_demi", "bookman",
           "bookman_bold", (228, 214, 180), (214, 198, 160), (30, 80, 50), "guilloche_dense",
           "tut_wuri", "label_siswa", "bottom", watermark=True),
    Design("madrasah_lanskap", "madrasah", True, "chancery", "century_bold", "times",
           "times_bold", (214, 232, 210), (198, 220, 194), (20, 90, 50), "filigree",
           "kemenag", "atas_nama", "top", watermark=True),
    Design("paket_berhias", "kesetaraan", False, "bookman_demi_italic", "bookman_bold",
           "palatino", "palatino_bold", (212, 222, 236), (196, 208, 228), (30, 50, 110),
           "guilloche_dense", "garuda", "bahwa_inline", "title", watermark=True),
    Design("diploma_lanskap", "pt", True, "palatino_bold_italic", "sans_narrow_bold", "free_sans",
           "sans_bold", (238, 228, 208), None, (100, 60, 20), "ornate", "university", "anugerah",
           "title", short=False, watermark=True),
    Design("pascasarjana", "pt", False, "gothic_demi", "century_bold", "free_serif", "chancery",
           (226, 218, 198), (212, 202, 178), (70, 30, 80), "filigree", "university",
           "label_lengkap", "top"),
    Design("sekolah_salem", "sekolah", True, "century_bold_italic", "century_bold", "century",
           "free_serif_bold_italic", (242, 216, 196), (228, 200, 178), (130, 50, 30), "rope",
           "garuda", "label_lengkap", "top", watermark=True, families=("kesetaraan",)),
    Design("sekolah_renggang", "sekolah", False, "times_bold", "times_bold", "dejavu_serif",
           "dejavu_serif_bold", (216, 216, 210), None, (40, 40, 40), "guilloche_dense",
           "garuda", "atas_nama", "bottom", short=False, spaced_title=True,
           families=("madrasah",)),
    # Held out, group 1: never tuned on; benchmarks report them apart.
    Design("kampus_resmi", "pt", False, "times_bold", "times_bold", "times",
           "times_bold_italic", (248, 244, 232), None, (90, 30, 30), "ornate", "university",
           "bahwa_upper", "bottom", group=1),
    Design("sekolah_lanskap", "sekolah", True, "free_serif_bold", "free_serif_bold", "gothic",
           "free_serif_bold", (250, 238, 240), (240, 222, 226), (110, 40, 90), "guilloche",
           "garuda", "kepada_inline", "top", short=False, group=1,
           families=("madrasah", "kesetaraan")),
    # Held out, group 2: made after group 1 was measured; nobody tuning has seen them.
    Design("paket_c_pkbm", "kesetaraan", True, "nimbus_sans_bold", "nimbus_sans_bold",
           "nimbus_narrow", "bookman_demi_italic", (242, 248, 238), (226, 238, 222),
           (30, 105, 95), "lattice", "tut_wuri", "kepada_prose", "top_left", group=2,
           programs=("PAKET C",), nomor_style="pc"),
    Design("politeknik_transkrip", "pt", False, "gothic_demi", "gothic_demi", "free_sans",
           "century_bold_italic", (252, 252, 255), None, (25, 65, 160), "meander",
           "university", "table_ruled", "top_left", group=2, programs=("D3", "D4"),
           nomor_style="pin", seal_over=True),
    # Held out, group 3: made after group 2 was measured; nobody tuning has seen them.
    Design("smk_hijau", "sekolah", False, "sans_narrow_lib_bold", "sans_narrow_lib_bold",
           "dejavu_sans", "dejavu_serif_cond_bold", (246, 250, 242), None, (0, 112, 66),
           "twin", "tut_wuri", "menyatakan_spaced", "boxed", group=3, programs=("SMK",),
           nomor_style="smk"),
    Design("madrasah_arabes", "madrasah", False, "bookman_light_italic", "dejavu_serif_cond",
           "liberation_serif", "liberation_serif_bold", (250, 247, 234), None, (12, 92, 58),
           "arabesque", "kemenag", "madrasah_table", "under_band", group=3,
           nomor_style="kemenag", big_stamp=True, drop_mm=7.0),
    # Held out, group 4: made after group 3 was measured; a bilingual university diploma.
    Design("sarjana_dwibahasa", "pt", True, "liberation_serif_bold_italic", "free_sans_bold",
           "liberation_narrow", "palatino_italic", (246, 248, 252), None, (0, 84, 110),
           "side_band", "university", "dwibahasa", "bottom_right", short=False, group=4,
           programs=("S1",), nomor_style="seri"),
    # Tuned on, added after the held-out groups (drawn only when named, see NAMED_ONLY): what
    # real diplomas carry that the tuned ones above lacked.
    Design("sd_kaligrafi", "sekolah", False, "century_bold", "century_bold", "times",
           "chancery", (250, 244, 226), None, (30, 70, 120), "corners", "tut_wuri",
           "kepada_alone", "top", families=("madrasah",), programs=("SD", "MI")),
    Design("paket_renggang", "kesetaraan", True, "bookman_bold", "bookman_bold",
           "liberation_serif", "nimbus_sans_bold", (240, 236, 250), (228, 222, 244),
           (60, 40, 110), "double", "garuda", "peserta_spaced", "bottom",
           programs=("PAKET A", "PAKET B")),
    Design("sekolah_sel", "sekolah", False, "palatino_bold", "palatino_bold",
           "liberation_serif", "century_bold", (252, 250, 240), None, (20, 60, 100), "rope",
           "garuda", "cell_table", "top", programs=("SMP", "SMA", "SMK"), name_stroke_mm=0.12),
    Design("sarjana_dua_baris", "pt", True, "century_bold_italic", "century_bold", "palatino",
           "palatino_bold_italic", (236, 240, 246), (222, 228, 238), (40, 40, 100), "guilloche",
           "university", "split_name", "top", short=False, programs=("S1", "S2")),
    Design("madrasah_lambang", "madrasah", True, "bookman_demi_italic", "bookman_bold",
           "century", "bookman_bold", (222, 238, 222), (206, 226, 206), (20, 100, 50),
           "filigree", "kemenag", "bahwa_below", "title", watermark=True,
           watermark_at=(0.47, 0.34, 0.26)),
    Design("politeknik_label_atas", "pt", False, "gothic_demi", "gothic_demi", "free_sans",
           "chancery", (246, 242, 232), None, (110, 40, 40), "band", "university",
           "label_above", "title", short=False, programs=("D3", "D4")),
    # Held out, group 5: made after group 4 was measured; nobody tuning has seen them.
    # An elementary certificate (SD or Paket A) on pale yellow paper, scalloped frame, the
    # emblem top left, the name on a ribbon after "peserta didik yang bernama".
    Design("sd_pita", "sekolah", False, "go_bold", "go_medium", "go_regular",
           "gothic_demi_oblique", (252, 246, 214), (242, 232, 190), (176, 36, 44), "scallop",
           "tut_wuri", "bernama_pita", "under_photo", group=5, families=("kesetaraan",),
           programs=("SD", "PAKET A"), nomor_style="sd", seal_at=0.22),
    # A D3 academy's diploma, landscape on lilac security paper, an art-deco frame, the
    # emblem top right, the name in a bold italic serif after "Nama Mahasiswa".
    Design("akademi_teknik", "pt", True, "dejavu_serif_cond_bold_italic", "go_smallcaps",
           "dejavu_sans_cond", "dejavu_serif_bold_italic", (240, 236, 246), (226, 220, 238),
           (128, 24, 36), "deco", "university", "mahasiswa_kolom", "footer", group=5,
           programs=("D3",), nomor_style="akademi", seal_at=0.8,
           school="AKADEMI TEKNIK {town}"),
    # Held out, group 6: made after group 5 was measured; nobody tuning has seen them.
    # An STTB of the 1980s-90s (SMP, SMA or STM): the name and rows typed on a typewriter
    # over dotted lines after "Nama Pelajar", a stamp over the last rows, yellowed paper.
    Design("sttb_ketik", "sekolah", False, "dejavu_serif_cond_bold", "century_bold",
           "bookman", "typewriter", (240, 230, 196), None, (96, 52, 30), "double", "garuda",
           "pelajar_ketik", "top_left", group=6, families=("kejuruan_lama",),
           programs=("SMP", "SMA", "STM"), nomor_style="sttb", short=False,
           title_text="SURAT TANDA TAMAT BELAJAR", era=(1982, 1999), aged=0.8,
           ministry="DEPARTEMEN PENDIDIKAN DAN KEBUDAYAAN"),
    # A Paket B or C certificate in a humanist sans: the name in mixed case (bold italic)
    # after "kepada saudara", underlined, the emblem at the left of the top band.
    Design("paket_saudara", "kesetaraan", False, "lato_heavy", "lato_bold", "lato",
           "lato_bold_italic", (250, 250, 246), (236, 240, 230), (176, 84, 20), "band",
           "tut_wuri", "kepada_saudara", "top", group=6, programs=("PAKET B", "PAKET C"),
           nomor_style="pc", seal_at=0.3),
    # Held out, group 7: made after group 6 was measured; nobody tuning has seen them.
    # A modern SMA/SMK ijazah set as an office prints it (Caladea and Carlito): the
    # identity table names the parent right under the holder, both in bold capitals.
    Design("sma_orang_tua", "sekolah", False, "caladea_bold", "caladea_bold", "carlito",
           "caladea_bold", (246, 248, 252), (230, 236, 246), (18, 74, 128), "meander",
           "tut_wuri", "orang_tua_table", "title", group=7, programs=("SMA", "SMK"),
           nomor_style="k13", watermark=True, watermark_at=(0.5, 0.22, 0.14), era=(2016, 2024)),
    # An SD ijazah of the 1970s-80s: a printed form whose name and rows a clerk wrote in
    # with a pen in a joined cursive, on greyish, lightly aged paper.
    Design("sd_tulis_tangan", "sekolah", False, "free_serif_bold", "times_bold", "times",
           "dancing_script", (238, 234, 220), None, (40, 58, 92), "rope", "garuda",
           "tulis_tangan", "top_left", group=7, programs=("SD",), nomor_style="sd_lama",
           era=(1972, 1990), aged=0.35, ministry="DEPARTEMEN PENDIDIKAN DAN KEBUDAYAAN"),
    # Held out, group 8: made after group 7 was measured; nobody tuning has seen them.
    # A madrasah ijazah (Noto Serif, Amiri) under the basmalah and an Arabic title: the
    # NISN on the name's line, a photo stamped over its corner beside the rows.
    Design("madrasah_arab", "madrasah", False, "amiri_bold", "noto_serif_bold", "noto_serif",
           "amiri_bold", (244, 248, 238), None, (16, 96, 70), "filigree", "kemenag",
           "madrasah_arab", "title", group=8, nomor_style="kemenag", seal_at=0.2, drop_mm=12.0,
           era=(2010, 2024), photo_beside=True),
    # An SMP/SMA diploma of the bilingual-school years on grey-green security paper printed
    # dark: the name alone in large EB Garamond small caps, an Indonesian | English table.
    Design("garamond_dwikolom", "sekolah", True, "ebgaramond_bold", "ebgaramond_bold",
           "ebgaramond", "ebgaramond", (218, 224, 212), (168, 184, 162), (44, 64, 52), "twin",
           "garuda", "garamond_dwikolom", "top", group=8, programs=("SMP", "SMA"),
           era=(2008, 2013), watermark=True, watermark_at=(0.52, 0.22, 0.06)),
    # Held out, group 9: made after group 8 was measured; nobody tuning has seen them.
    # A Paket C certificate (Linux Biolinum) on peach paper: "ijazah ini diberikan atas
    # nama" with the name in mixed case, the rows numbered, a large pale crest behind.
    Design("paket_c_lambang", "kesetaraan", True, "libertine_display", "biolinum_bold",
           "biolinum", "biolinum_bold", (250, 228, 208), (240, 212, 188), (128, 52, 30),
           "rope", "tut_wuri", "atas_nama_bernomor", "bottom_right", group=9,
           programs=("PAKET C",), nomor_style="pc", era=(2014, 2024)),
    # A D3 or S1 diploma (Linux Libertine) on pale blue security paper: the name centred
    # in mixed case bold italics on two lines, the rows' labels ending at a centred gutter.
    Design("sarjana_dua_tengah", "pt", False, "libertine_bold", "libertine_bold", "libertine",
           "libertine_bold_italic", (228, 238, 248), (212, 226, 240), (22, 50, 112),
           "guilloche", "university", "nama_dua_baris", "title", short=False, group=9,
           programs=("D3", "S1"), nomor_style="pin"),
    # Held out, group 10: made after group 9 was measured; nobody tuning has seen them.
    # An SMK ijazah (Gillius) on pale aqua paper in a batik parang frame, landscape: the
    # name in capitals in a tinted, ruled box, the rows' labels in the accent colour.
    Design("smk_kotak", "sekolah", True, "gillius_bold", "gillius_bold_cond", "gillius",
           "gillius_bold", (236, 246, 246), (220, 236, 238), (16, 88, 118), "parang",
           "tut_wuri", "nama_kotak", "top_left", group=10, programs=("SMK",),
           nomor_style="smk", era=(2015, 2024)),
    # An SMP ijazah of the 2000s (Charis): a form printed in green in a frame of pearls,
    # "N a m a" spaced out, filled in by the school's dot-matrix printer (Courier Prime)
    # with the sheet fed a little off, so the values sit off their dotted lines.
    Design("smp_isian", "sekolah", False, "charis_bold", "charis_bold", "charis",
           "courier_prime", (244, 246, 238), (226, 234, 218), (30, 96, 60), "beads",
           "garuda", "isian_printer", "top", group=10, programs=("SMP",), era=(2003, 2012),
           ministry="DEPARTEMEN PENDIDIKAN NASIONAL"),
    # Held out, group 11: made after group 10 was measured; nobody tuning has seen them.
    # An SMA or MA ijazah of the 2013 curriculum (Quattrocento, Cabin) in a wave-band frame:
    # a pre-printed blank with lower-case labels on ruled lines, filled in by the school's
    # inkjet with the name in Title Case, the sheet fed a little turned and off the lines.
    Design("sma_inkjet", "sekolah", False, "quattrocento", "cabin_bold", "cabin",
           "cabin_semibold", (250, 250, 246), (232, 238, 230), (28, 84, 74), "wave_band",
           "garuda", "peserta_inkjet", "top", group=11, families=("madrasah",),
           programs=("SMA", "MA"), nomor_style="k13", era=(2017, 2024)),
    # An SMP ijazah (Vollkorn, Gentium), landscape in a wide band of looped guilloche,
    # handed in as a legalised photocopy of a photocopy: the holder in a ruled three-column
    # table, the school's violet stamp over the end of the name's row, a signed
    # "sesuai dengan aslinya" stamp.
    Design("smp_legalisir", "sekolah", True, "vollkorn_black", "vollkorn_bold", "gentium",
           "gentium_bold", (244, 240, 228), (228, 222, 204), (96, 62, 30), "looped_band",
           "tut_wuri", "tabel_tiga", "title", group=11, programs=("SMP",),
           era=(2012, 2019), ministry="KEMENTERIAN PENDIDIKAN DAN KEBUDAYAAN", legalised=True),
    # Held out, group 12: made after group 11 was measured; nobody tuning has seen them.
    # An MTs ijazah (Yrsa, Junction) in a frame of eight-pointed stars: the head of the
    # madrasah introduces the holder with its NSM and NPSN, "Nama" and Title Case labels
    # follow; handed in as a phone photograph taken under a warm lamp.
    Design("mts_bintang", "madrasah", False, "yrsa_bold", "junction", "yrsa", "yrsa_bold",
           (248, 250, 242), (234, 242, 230), (22, 82, 104), "star_band", "kemenag",
           "menerangkan_nsm", "bottom_right", group=12, programs=("MTS",),
           nomor_style="kemenag", era=(2018, 2024), finish="phone"),
    # A D3 or S1 diploma (Old Standard, Cardo), landscape on ivory in a gold frame: the
    # rector "menyatakan bahwa" the holder, whose name stands large and centred over a gold
    # rule, the particulars in centred sentences; printed on an office laser printer whose
    # worn drum leaves a pale band down the page.
    Design("sarjana_emas", "pt", True, "oldstandard_bold", "oldstandard_bold", "cardo",
           "oldstandard_bold", (252, 249, 238), (242, 236, 218), (110, 30, 34), "gold_frame",
           "university", "rektor_menyatakan", "top_left", short=False, group=12,
           programs=("D3", "S1"), nomor_style="pin", era=(2021, 2024), finish="toner_band",
           ministry="KEMENTERIAN PENDIDIKAN, KEBUDAYAAN, RISET, DAN TEKNOLOGI"),
    # Held out, group 13: made after group 12 was measured; nobody tuning has seen them.
    # An MI ijazah of the Departemen Agama years (Century Catalogue) in a frame of a leafy
    # vine: the head states "bahwa anak tersebut di bawah ini", numbered rows filled in on
    # a typewriter (GNU Typewriter); handed in as a fine-mode fax, black and white.
    Design("mi_faks", "madrasah", False, "century_catalogue", "century_catalogue",
           "century_catalogue", "gnu_typewriter", (250, 249, 240), None, (30, 84, 52),
           "sulur_daun", "kemenag", "anak_tersebut", "top_left", group=13, programs=("MI",),
           nomor_style="kemenag", era=(1994, 2004), ministry="DEPARTEMEN AGAMA",
           finish="fax"),
    # A magister's or doctor's diploma (GFS Didot, Goudy Bookletter) in triple rules with
    # laurel sprigs at the corners: the rector "menganugerahkan kepada" the holder, the name
    # centred in bold italics, "Nomor Pokok Mahasiswa"; laminated in clear plastic and
    # scanned (a milky film, bands of caught light, air bubbles, Newton's rings).
    Design("magister_laminasi", "pt", False, "didot_bold", "didot_bold", "goudy_bookletter",
           "didot_bold_italic", (251, 251, 248), (238, 240, 246), (30, 44, 96),
           "laurel_rules", "university", "menganugerahkan", "footer", short=False, group=13,
           programs=("S2", "S3"), nomor_style="seri", era=(2005, 2009),
           ministry="DEPARTEMEN PENDIDIKAN NASIONAL", finish="laminated"),
    # Held out, group 14: made after group 13 was measured; nobody tuning has seen them.
    # An SMA ijazah of the national-examination years (Romande ADF, Baskervald ADF) in a
    # frame of a chain of oval links: the head "menyerahkan Ijazah ini kepada" the examinee
    # on the "Nama Peserta Ujian" row, the "Nomor Peserta Ujian" under it; crumpled once,
    # pressed flat and scanned (creases all over it, its facets lit unevenly).
    Design("sma_kusut", "sekolah", False, "romande_demibold", "baskervald_bold",
           "baskervald", "baskervald_heavy", (248, 246, 236), (236, 232, 216), (84, 40, 96),
           "rantai", "tut_wuri", "peserta_ujian", "title", group=14, programs=("SMA",),
           era=(2003, 2008), ministry="DEPARTEMEN PENDIDIKAN NASIONAL", finish="crumpled"),
    # A community academy's D1 or D2 diploma (Bebas Neue, League Spartan, Tuffy) in a thin
    # rule with solid corner pieces and hatched bands: the director "menetapkan bahwa" the
    # holder, named at the left over an accent rule, the particulars in two columns; handed
    # in as a copy of a punched, filed copy (strokes doubled where the sheet slipped),
    # scanned with a cold cast to a small JPEG.
    Design("d1_arsip", "pt", False, "bebas_neue", "spartan_bold", "tuffy", "spartan_semibold",
           (250, 250, 250), None, (200, 92, 24), "sudut_arsir", "university", "menetapkan",
           "top_left", short=False, group=14, programs=("D1", "D2"), nomor_style="pin",
           era=(2019, 2024), school="AKADEMI KOMUNITAS NEGERI {town}",
           ministry="KEMENTERIAN PENDIDIKAN, KEBUDAYAAN, RISET, DAN TEKNOLOGI",
           finish="filed_copy"),
    # Held out, group 15: made after group 14 was measured; nobody tuning has seen them.
    # A Paket B certificate of the years round 2000 (Tribun ADF) in a frame of tumpal
    # triangles: the learning centre "menerangkan bahwa warga belajar" the holder on the
    # "Nama Warga Belajar" row of a pre-printed form, the values lettered in capitals with
    # a stencil and a technical pen (osifont); reached by a flood before it was scanned
    # (a brown tide line from the foot, the paper stained and cockled, the ink run).
    Design("paket_b_sablon", "kesetaraan", False, "tribun_extrabold", "tribun_bold",
           "tribun", "osifont", (244, 242, 228), (232, 228, 206), (120, 36, 28), "tumpal",
           "tut_wuri", "warga_belajar", "top", short=False, group=15, programs=("PAKET B",),
           nomor_style="pb", era=(1999, 2003), ministry="DEPARTEMEN PENDIDIKAN NASIONAL",
           finish="water_stain"),
    # A pesantren's Madrasah Aliyah diploma, landscape (Mekanus Titling, Accanthis ADF,
    # Fanwood, Berenis ADF, Scheherazade), in a frame whose inner rule rises into a niche
    # over the emblem: the head "menerangkan bahwa santri", the rows labelled in Indonesian
    # and in Arabic at the row's far end ("Nama Santri" ... "اسم الطالب"); sent in as a
    # phone scanning app's export (paper made white, colours hard, the app's line at the
    # foot, a JPEG).
    Design("ma_santri", "madrasah", True, "mekanus_titling_bold", "accanthis_bold",
           "fanwood_text", "berenis_bold", (246, 244, 230), (234, 232, 210), (26, 92, 58),
           "mihrab", "kemenag", "nama_santri", "top_left", short=False, group=15,
           programs=("MA",), nomor_style="kemenag", era=(2016, 2024),
           school="MA PONDOK PESANTREN AL-IKHLAS {town}", finish="scan_app"),
    # Held out, group 16: made after group 15 was measured; nobody tuning has seen them.
    # A "Surat Keterangan Pengganti Ijazah" (Rasa), the letter an education office issues
    # for a lost diploma: its letterhead, the title underlined over the letter's number,
    # "menerangkan bahwa" the holder's rows, then "adalah benar telah lulus dari" the
    # school written out in full (the level shows only there) with the lost diploma's
    # serial; the photo stamped at its corner; folded in three and kept.
    Design("pengganti_skpi", "sekolah", False, "rasa_bold", "rasa_semibold", "rasa",
           "rasa_bold", (250, 250, 246), None, (30, 30, 34), "none", "garuda", "pengganti",
           "letter", short=False, group=16, programs=("SMA", "SMK", "SMP"),
           title_text="SURAT KETERANGAN PENGGANTI IJAZAH", era=(2002, 2022), aged=0.25,
           letter="pengganti"),
    # A university's or polytechnic's diploma, landscape (Elstob, Prociono, Junicode), in a
    # frame of kawung: "dengan ini menyatakan bahwa" and the holder's name large in a
    # copperplate script (Elegante), the rows as centred phrases; photographed on a
    # desk, turned a little, a thumb holding its edge down.
    Design("sarjana_elegan", "pt", True, "elstob_bold", "prociono", "junicode",
           "elegante", (248, 245, 234), (236, 230, 212), (112, 78, 28), "kawung",
           "university", "nama_indah", "title", short=False, group=16,
           programs=("S1", "D3"), nomor_style="seri", era=(2008, 2024), finish="desk_photo"),
    # Held out, group 17: made after group 16 was measured; nobody tuning has seen them.
    # An MTs or MA diploma (PT Serif, Jara, Noto Naskh Arabic) whose head is in Indonesian
    # and in Arabic either side of the emblem, the holder in a table of ruled cells whose
    # labels carry their Arabic under them, in a chain of rings; its halftone security
    # tint beat into a strong moiré when it was copied.
    Design("madrasah_moire", "madrasah", False, "jara_bold", "ptserif_bold", "ptserif",
           "ptserif_bold", (250, 251, 244), None, (0, 98, 84), "cincin", "garuda",
           "tabel_aksara", "header", short=False, group=17, programs=("MTS", "MA"),
           nomor_style="kemenag", era=(2012, 2024), header="dua_aksara",
           finish="moire_copy"),
    # A polytechnic's D3 or D4 diploma (Cantarell, Open Sans) in a frame of mega mendung,
    # the rows with dotted leaders to their colons ("Nama ........ :"); copied reduced to
    # fit A4 beside its transcript in a folder, the transcript's edge past the gutter.
    Design("politeknik_perkecil", "pt", False, "cantarell_extrabold", "cantarell_bold",
           "opensans", "opensans_bold", (250, 250, 252), (236, 240, 248), (24, 70, 140),
           "mega_mendung", "university", "titik_pandu", "top_left", group=17,
           programs=("D3", "D4"), nomor_style="pin", era=(2019, 2024),
           ministry="KEMENTERIAN PENDIDIKAN, KEBUDAYAAN, RISET, DAN TEKNOLOGI",
           finish="reduced_copy"),
    # Held out, group 18: made after group 17 was measured; nobody tuning has seen them.
    # An SMP or SMA diploma of the national-examination years (Noto Serif Display, Quercus)
    # in a band of microprint, the emblem at the left of the head, the holder's rows in a
    # panel with rounded corners; copied "2 in 1" with its SKHUN (Tinos), both at 70 % side
    # by side on one landscape sheet, the SKHUN naming the same holder under its own number.
    Design("skhun_dua_satu", "sekolah", True, "notoserif_display_bold", "quercus_bold",
           "quercus", "quercus_bold", (249, 250, 244), (232, 238, 228), (24, 84, 72),
           "mikroteks", "garuda", "panel_bulat", "header", group=18, programs=("SMP", "SMA"),
           era=(2005, 2009), ministry="DEPARTEMEN PENDIDIKAN NASIONAL", header="kepala_kiri",
           two_up="skhun"),
    # An institute of technology's S1 diploma (Computer Modern Concrete, Serif and Sans) in
    # a band of truntum that names its holder mid-sentence in a justified paragraph; torn
    # across along its fold and mended with tape since yellowed, the pieces a little off.
    Design("institut_selotip", "pt", False, "cmu_bold", "cmu_sans_bold", "cmu_concrete",
           "cmu_serif_extra_bold", (248, 245, 232), None, (88, 52, 28), "truntum", "university",
           "kalimat_nama", "title", short=False, group=18, programs=("S1",),
           nomor_style="seri", era=(1999, 2008), drop_mm=12.0, school="INSTITUT TEKNOLOGI {town}",
           ministry="DEPARTEMEN PENDIDIKAN NASIONAL", finish="taped_tear"),
    # Held out, group 19: made after group 18 was measured; nobody tuning has seen them.
    # A private university's S1 diploma of the 1990s (BABEL, Emerita Latina) in double
    # rules with a twisted cable between them and guilloche rosettes at the corners: the
    # holder's photo beside the particulars, the name large in bold italics at its right,
    # the university's dry seal pressed blind (no ink, the paper in relief) over the
    # photo's edge and the name's first letters, lit from one side by the scanner's lamp.
    Design("swasta_cap_timbul", "pt", False, "babel_bold", "babel_bold", "emerita",
           "babel_bold_italic", (247, 244, 234), (236, 232, 218), (92, 46, 34), "roset_sudut",
           "university", "timbul_nama", "title", short=False, group=19, programs=("S1",),
           nomor_style="seri", era=(1991, 1998), school="UNIVERSITAS PGRI {town}",
           ministry="DEPARTEMEN PENDIDIKAN DAN KEBUDAYAAN", photo_beside=True),
    # A Paket A certificate of a learning centre (Karmilla, PT Sans Narrow, PT Mono) in a
    # band of ceplok flowers: the learner's particulars printed into captioned boxes, the
    # name alone in the first; scanned on a flatbed whose carriage jittered (bands of lines
    # a fraction of a millimetre off to the side, a line read twice here and there).
    Design("paket_a_goyang", "kesetaraan", False, "karmilla_bold", "ptsans_narrow_bold",
           "karmilla", "ptmono_bold", (250, 251, 246), (234, 242, 238), (20, 96, 110),
           "ceplok", "tut_wuri", "kotak_isian", "top_left", group=19, programs=("PAKET A",),
           nomor_style="pa", era=(2012, 2019),
           ministry="KEMENTERIAN PENDIDIKAN DAN KEBUDAYAAN", finish="carriage_jitter"),
    # Held out, group 20: made after group 19 was measured; nobody tuning has seen them.
    # An SMA or MA diploma (Arapey, Doulos SIL) in a band of fish scales: the holder's name
    # centred under "Ijazah ini diberikan kepada :" in capitals set far apart ("A H M A D
    # F A U Z I"), a rule under it; the school's round stamp in red ink pressed partly
    # over the head's signature.
    Design("sma_nama_renggang", "sekolah", False, "arapey_black_display", "arapey_black",
           "doulos", "arapey_black", (250, 250, 247), (234, 238, 246), (24, 52, 112),
           "sisik_ikan", "garuda", "kepada_renggang", "title", group=20,
           families=("madrasah",), programs=("SMA", "MA"), nomor_style="k13",
           era=(2015, 2024), seal_over=True, stamp_ink=(204, 34, 44)),
    # An MTs or MA diploma of the Departemen Agama years (Linden Hill) in a thick-and-thin
    # rule with quatrefoils at the corners: a printed form typed in with a condensed face
    # (Yanone Kaffeesatz), the holder named "... BIN ..." or "... BINTI ..." with the
    # father's name (the name's second half now and then on the dotted line under it);
    # the paper yellowed and foxed, handed in as a grey photocopy.
    Design("mts_bin_ketik", "madrasah", False, "lindenhill", "lindenhill", "lindenhill",
           "yanone", (242, 232, 204), None, (74, 52, 30), "titik_sudut", "kemenag",
           "bin_ayah", "top_left", short=False, group=20, programs=("MTS", "MA"),
           nomor_style="depag_lama", era=(1978, 1993), aged=0.6, ministry="DEPARTEMEN AGAMA",
           patronym=True, finish="foxed_grey_copy"),
    # Held out, group 21: made after group 20 was measured; nobody tuning has seen them.
    # An SMK diploma (STIX) in a frame of gear teeth with a gear wheel at each corner: the
    # head names the school and its NPSN and "menerangkan bahwa :", the holder's name
    # large in a brush script (Kaushan Script) in Title Case in the accent colour, the
    # competency among the rows; scanned still in its padded folder opened flat (the
    # cover beyond the page's edge, the page curving off the glass towards the spine).
    Design("smk_nama_kuas", "sekolah", False, "stix_bold", "stix_bold", "stix", "kaushan",
           (250, 250, 245), (234, 240, 238), (20, 72, 98), "gerigi", "tut_wuri",
           "kuas_npsn", "top_left", group=21, programs=("SMK",), nomor_style="smk",
           era=(2016, 2024), finish="map_folder"),
    # An SMP diploma of the 2000s (Libris ADF) in a band of running spirals (pilin): a
    # printed form whose dotted lines the school's clerk filled in by hand with a
    # ballpoint (Breip), the name in capitals; on thin paper, scanned under a bright lamp
    # so that the list of marks printed on its back shows through, mirrored and faint.
    Design("smp_tulis_tembus", "sekolah", False, "libris_bold", "libris_bold", "libris",
           "breip", (248, 247, 240), None, (36, 58, 112), "pilin", "garuda",
           "isian_bolpoin", "bottom", group=21, programs=("SMP",), era=(2001, 2010),
           finish="tembus_nilai"),
    # Held out, group 22: made after group 21 was measured; nobody tuning has seen them.
    # A private university's diploma worded in English first (GFS Artemisia) in a band of
    # cross-stitch: the university, "Ijazah" and the holder's name in a blackletter
    # (Blankenburg, the name in Title Case), "This is to certify that" over "dengan ini
    # menyatakan bahwa", each row's English label over its Indonesian one, the degree in
    # English before the Indonesian; scanned with a clerk's sticky note stuck on it.
    Design("sarjana_gotik", "pt", False, "blankenburg", "artemisia_bold", "artemisia",
           "blankenburg", (251, 249, 242), (238, 234, 222), (28, 36, 92), "kristik",
           "university", "certify_gotik", "header", short=False, group=22,
           programs=("S1", "S2"), nomor_style="seri", header="gotik_kampus",
           finish="memo_tempel"),
    # A diploma of a Sekolah Menengah Umum (SMU, the name of senior high schools from 1994
    # to 2003; the truth's level is SMA) on the ministry's blank (Essays 1743) in a band
    # of two crossing waves, numbered in red by a numbering machine; its rows filled in by
    # a dot-matrix printer whose pass ran off the dotted lines; handed in stapled to the
    # sheets behind it, a right-hand corner folded down, the sheet under it showing.
    Design("smu_matriks", "sekolah", False, "essays_bold", "essays_bold", "essays",
           "gw_mono_bold", (247, 243, 228), (233, 227, 206), (96, 58, 28), "ombak",
           "tut_wuri", "matriks_isian", "header", group=22, programs=("SMA",),
           school="SMU NEGERI {n} {town}", era=(1996, 2003), header="smu_blanko",
           finish="jepret_lipat"),
    # Held out, group 23: made after group 22 was measured; nobody tuning has seen them.
    # A special school's (SLB) diploma on the 2013 curriculum's blank (Kinnari, Umpush) for
    # its SDLB, SMPLB or SMALB, in a band of woven strips: lower-case rows, the NISN before
    # the name, the kind of special need last; handed in as a phone photo sent by WhatsApp
    # and printed on a cheap inkjet (keystoned, warm, a heavy JPEG, dot grain and bands).
    Design("slb_wa_cetak", "sekolah", False, "kinnari_bold", "kinnari_bold", "umpush",
           "umpush_bold", (250, 250, 246), (232, 240, 238), (0, 86, 116), "anyaman",
           "tut_wuri", "nisn_dulu", "header", group=23, programs=("SD", "SMP", "SMA"),
           school="SLB NEGERI {n} {town}", era=(2014, 2024), header="slb_kepala",
           finish="wa_cetak"),
    # A health polytechnic's applied bachelor's (D4) diploma under the Ministry of Health
    # (Irianis ADF, Ikarius ADF), landscape in a band of jlamprang: the director's decree
    # sentence, the name in Title Case over its NIM, the degree of its health programme;
    # a round hologram sticker stuck by the name's end, over the photo or in a corner.
    Design("poltekkes_hologram", "pt", True, "irianis_caps_bold", "irianis_bold", "irianis",
           "ikarius_bold", (250, 250, 247), (230, 240, 236), (0, 104, 96), "jlamprang",
           "university", "sk_direktur", "header", short=False, group=23, programs=("D4",),
           school="POLITEKNIK KESEHATAN KEMENKES {town}", era=(2016, 2024),
           header="kemenkes_kepala", sticker="hologram",
           towns=("PALANGKA RAYA", "BANJARMASIN", "PONTIANAK", "KALIMANTAN TIMUR")),
    # Held out, group 24: made after group 23 was measured; nobody tuning has seen them.
    # A regency nursing academy's Diploma III diploma (Norasi) of the years higher
    # education stood under the Ministry of Research, Technology and Higher Education,
    # upright in a band of lace: the director's sentence, the name large and centred, the
    # NIM, birth, programme and graduation date in rows, the degree A.Md.Kep.; scanned
    # inside a glossy plastic sheet protector (glare bands, haze, wrinkles, punched strip).
    Design("akper_map_plastik", "pt", False, "norasi_bold", "norasi_bold", "norasi",
           "norasi_bold_italic", (250, 250, 246), (234, 242, 246), (24, 92, 140), "renda",
           "university", "akper_direktur", "header", short=True, group=24,
           programs=("D3",), school="AKADEMI KEPERAWATAN PEMERINTAH KABUPATEN {town}",
           ministry="KEMENTERIAN RISET, TEKNOLOGI, DAN PENDIDIKAN TINGGI", era=(2015, 2019),
           header="akper_kepala", finish="map_plastik",
           towns=("KOTAWARINGIN TIMUR", "KAPUAS", "BARITO UTARA", "LAMANDAU")),
    # A private Islamic college's (STAI) bachelor's diploma under the Ministry of Religious
    # Affairs (Laksaman, "IJAZAH" in Isabella's calligraphy), landscape in a band of
    # stepped kufic squares: the chairman's decree, the name large over its NIM, the
    # birth and the study programme, the degree of that programme; kept rolled in a tube
    # and photographed by a phone as it curls up off the table.
    Design("stai_gulung", "pt", True, "isabella", "laksaman_bold", "laksaman",
           "laksaman_bold_italic", (248, 250, 244), (236, 244, 232), (22, 100, 60), "kufi",
           "kemenag", "stai_ketua", "header", short=False, group=24, programs=("S1",),
           school="SEKOLAH TINGGI AGAMA ISLAM AL-FALAH {town}", ministry="KEMENTERIAN AGAMA",
           era=(2012, 2024), header="stai_kepala", finish="gulung",
           towns=("PANGKALAN BUN", "SAMPIT", "KUALA KAPUAS", "MUARA TEWEH")),
    # Held out, group 25: made after group 24 was measured; nobody tuning has seen them.
    # A private school of economics' (STIE) bachelor's diploma of the years higher
    # education stood under the Ministry of Education, Culture, Research and Technology
    # (Dustismo Roman, "IJAZAH" in Gamaliel), landscape in a band of a chain of lozenges:
    # the chairman's sentence on the graduation board, the name large and centred, the
    # NIM, birth and study programme as centred phrases, the degree of that programme
    # (S.M., S.Ak. or S.E.); hung framed behind glass on a wall and photographed there by
    # a phone from a little below and aside (mat, moulding, a window's reflection and a
    # lamp's hot spot on the glass, the wall round it, an EXIF-oriented JPEG).
    Design("stie_bingkai_kaca", "pt", True, "gamaliel", "dustismo_roman_bold",
           "dustismo_roman", "dustismo_roman_bold_italic", (250, 248, 240), (238, 234, 222),
           (120, 28, 36), "wajik", "university", "stie_ketua", "header", short=True,
           group=25, programs=("S1",), school="SEKOLAH TINGGI ILMU EKONOMI TRI DHARMA {town}",
           ministry="KEMENTERIAN PENDIDIKAN, KEBUDAYAAN, RISET, DAN TEKNOLOGI",
           era=(2021, 2024), header="stie_kepala", finish="bingkai_kaca",
           towns=("MANADO", "GORONTALO", "KENDARI", "PALU")),
    # A state Madrasah Tsanawiyah's diploma on the Ministry of Religious Affairs' dark
    # green blank (Lemonada): a dense guilloche and microtext over the whole sheet inside
    # a band of pale gold lereng stripes, the head's sentence, then rows whose first is
    # the name; the madrasah's round stamp pressed partly over the name; handed in as a
    # grey photocopy in which the print stands only a little darker than the ground.
    Design("mts_cap_menimpa", "madrasah", False, "lemonada_bold", "lemonada_semibold",
           "lemonada", "lemonada_bold", (70, 124, 100), None, (112, 34, 30), "lereng",
           "kemenag", "mts_bertanda", "header", group=25, programs=("MTS",),
           school="MADRASAH TSANAWIYAH NEGERI {n} {town}",
           ministry="KEMENTERIAN AGAMA REPUBLIK INDONESIA", era=(2011, 2016),
           header="mts_kepala", finish="kertas_gelap", sticker="cap_nama",
           towns=("SUMBAWA", "BIMA", "DOMPU", "LOMBOK TIMUR")),
    # Held out, group 26: made after group 25 was measured; nobody tuning has seen them.
    # A private university's bachelor's diploma on a large A3 sheet (Averia Serif, "IJAZAH"
    # in Museum), upright in a band of untu walang teeth: the rector's sentence on the
    # senate's decision, the name large and centred, the NPM, birth, faculty and study
    # programme as centred phrases, the degree of that programme; too large for an A4 copier's
    # glass, so copied in two halves, the halves taped together and that sheet copied
    # again reduced to A4 (a seam off the name's line, the halves out of line, the tape).
    Design("universitas_sambung", "pt", False, "museum_bible", "averia_serif_bold",
           "averia_serif", "averia_serif_bold_italic", (248, 246, 236), (236, 232, 216),
           (28, 70, 120), "untu_walang", "university", "univ_rektor", "header", short=True,
           group=26, programs=("S1",), school="UNIVERSITAS KARYA NUSA {town}",
           era=(2008, 2019), header="univ_kepala", finish="sambung",
           towns=("KUPANG", "ENDE", "MAUMERE", "WAINGAPU")),
    # A state polytechnic's electronic diploma (Verana Sans, "IJAZAH" in Klaudia), drawn
    # landscape in a thin frame of fine slanting lines: the PIN and a QR code to check it
    # at the top, the director's sentence, the name large and centred, NIM, birth and
    # study programme in rows, the degree of that programme, the line on its electronic
    # signature at the foot; opened in a phone's PDF viewer, screenshotted, and the
    # screenshot printed to fit an upright A4 sheet on an inkjet and scanned.
    Design("politeknik_tangkapan_layar", "pt", False, "klaudia_bold", "verana_sans_demi",
           "verana_sans", "verana_sans_bold", (255, 255, 255), None, (0, 92, 150),
           "garis_digital", "university", "poltek_direktur", "header", short=True,
           group=26, programs=("D3", "D4"), school="POLITEKNIK NEGERI {town}",
           era=(2022, 2025), header="poltek_kepala", finish="tangkapan_layar",
           upright_sheet=True, towns=("TANJUNG SELOR", "MAMUJU", "SOFIFI", "MANOKWARI")),
    # Held out, group 27: made after group 26 was measured; nobody tuning has seen them.
    # A state school of economics' (SMEA) diploma of the Departemen Pendidikan dan
    # Kebudayaan, 1980-1996 (BIZ UDPMincho, "IJAZAH" in Jessen Mittel), upright in a band of
    # clove buds: its serial in red at the top right, the head's sentence, the blank's
    # lower-case rows over dotted lines lettered in by a clerk with a broad pen (Hamlet,
    # wavering, the ink fading between dips); yellowed and foxed, eaten into by termites
    # (galleries and holes through to the scanner's lid, kept off the name) and scanned.
    Design("smea_rayap", "sekolah", False, "jessen_mittel", "bizud_pmincho", "bizud_pmincho",
           "hamlet_tertia", (242, 236, 212), None, (104, 44, 36), "cengkeh", "garuda",
           "smea_lettered", "header", short=False, group=27, programs=("SMA",),
           school="SMEA NEGERI {town}", ministry="DEPARTEMEN PENDIDIKAN DAN KEBUDAYAAN",
           era=(1980, 1996), aged=0.7, header="smea_kepala", finish="rayap",
           towns=("PANGKALAN BUN", "SAMPIT", "KUALA KAPUAS", "MUARA TEWEH")),
    # A college of health sciences' (STIKES) diploma (Damase, "IJAZAH" in Oldania ADF, the
    # name in Lobster Two), upright in a band of small crosses, on copy-evident security paper:
    # the PIN at the top right, the ministry of its year, the chairman's sentence on the
    # graduation board's decision, the name large and centred, the NIM, birth and study
    # programme in rows, the degree of that programme; handed in as a photocopy, on which
    # the words hidden in the paper's dotted ground (SALINAN, COPY) come out all over it.
    Design("stikes_salinan", "pt", False, "oldania_bold", "damase", "damase",
           "lobster_two_bold", (250, 250, 246), None, (18, 100, 98), "palang",
           "university", "stikes_ketua", "header", short=True, group=27,
           programs=("D3", "S1"), school="SEKOLAH TINGGI ILMU KESEHATAN {town}",
           era=(2012, 2023), header="stikes_kepala", finish="salinan",
           towns=("HUSADA KAHAYAN", "BINA SEHAT ARUT", "CITRA MEDIKA MENTAYA",
                  "KARYA HUSADA SAMPIT")),
    # Held out, group 28: made after group 27 was measured; nobody tuning has seen them.
    # A state technical school's (STM) diploma of the Departemen Pendidikan dan
    # Kebudayaan, 1976-1993 (IndUni-N, "IJAZAH" in Solide Mirage), upright in a band of
    # cogwheels: its serial, the name and the rows typed into the printed blank on a manual
    # typewriter (TlwgTypewriter: uneven strikes, letters off the line, a faded ribbon, a
    # letter struck twice now and then), then photocopied and the copy copied again.
    Design("stm_ketik_ulang", "sekolah", False, "solide_mirage", "induni_n_bold", "induni_n",
           "tlwg_typewriter_bold", (244, 240, 226), None, (30, 52, 96), "roda_gigi",
           "garuda", "stm_ketik", "header", short=False, group=28, families=("kejuruan_lama",),
           programs=("STM",), school="STM NEGERI {town}",
           ministry="DEPARTEMEN PENDIDIKAN DAN KEBUDAYAAN", era=(1976, 1993),
           header="stm_kepala", finish="salin_ulang",
           towns=("PANGKALAN BUN", "SAMPIT", "MUARA TEWEH", "KUALA KURUN")),
    # A learning centre's (PKBM) Paket C certificate of the 2020s template, landscape (Loma,
    # "IJAZAH" in IndUni-T, the name in Sawasdee), in a band of a two-ply cord: the number, a
    # QR code, the ministry of its year, the head's sentence, the name large and centred,
    # the rows under it, the holder's colour photo at the foot; printed on an office inkjet
    # and scanned with the lid not pressed down (one edge lifting: dark, soft, lines bent).
    Design("paket_c_tutup_renggang", "kesetaraan", True, "induni_t_bold", "loma_bold", "loma",
           "sawasdee_bold", (251, 251, 249), None, (168, 40, 48), "tali_pintal", "garuda",
           "pkbm_data", "header", short=True, group=28, programs=("PAKET C",),
           nomor_style="pc", school="PKBM {town}", era=(2021, 2025), header="pkbm_kepala",
           finish="tutup_renggang", photo_beside=True,
           towns=("BINA KARYA MANDIRI", "NUR HIKMAH", "TUNAS MUDA KUMAI", "SINAR ARUT")),
    # Held out, group 29: made after group 28 was measured; nobody tuning has seen them.
    # A state junior high school's (SMP) diploma of the Departemen Pendidikan Nasional,
    # 2003-2009 (Rachana), upright in a band of nested chevrons, the blank in a dark blue
    # offset ink, its particulars printed in by the school's inkjet in a water-soluble
    # black (Meera); then through a flood (tide lines, the inkjet's ink bled, haloed and
    # run, mould's foxing, the paper cockled), scanned in colour or copied in grey.
    Design("smp_banjir", "sekolah", False, "rachana_bold", "rachana_bold", "rachana", "meera",
           (246, 243, 232), None, (26, 74, 128), "siku_keluang", "garuda", "smp_isian",
           "header", short=True, group=29, programs=("SMP",), school="SMP NEGERI {n} {town}",
           ministry="DEPARTEMEN PENDIDIKAN NASIONAL", era=(2003, 2009), header="smp_kepala",
           finish="banjir",
           towns=("PANGKALAN BUN", "KUMAI", "ARUT SELATAN", "KOTAWARINGIN LAMA")),
    # A private university's S1 diploma with its national diploma number, 2017-2024
    # (Sophia Nubian, "IJAZAH" in Abyssinica SIL, the name and its degree in Havana's
    # script), upright in a band of mangosteen calyx rosettes; scanned through an office
    # copier's document feeder in black and white (200 dpi, one bit, hard on the text,
    # diffused greys, dust's dark lines down the page, stretched or squeezed along the
    # feed, askew, its leading edge curled).
    Design("universitas_pengumpan", "pt", False, "abyssinica", "sophia_nubian_bold",
           "sophia_nubian", "havana", (250, 249, 244), (238, 236, 226), (112, 30, 44),
           "tampuk_manggis", "university", "kampus_kaligrafi", "header", short=False,
           group=29, programs=("S1",), nomor_style="pin", school="UNIVERSITAS {town}",
           era=(2017, 2024), header="kampus_kepala", finish="pengumpan",
           towns=("PERSADA ARUT", "LAMANDAU RAYA", "BUMI TAMBUN", "SATRIA KAPUAS")),
    # Held out, group 30: made after group 29 was measured; nobody tuning has seen them.
    # A state teachers' training school's (SPG) diploma of the Departemen Pendidikan dan
    # Kebudayaan, 1978-1991 (Galatia SIL), upright in a band of strung beads, its
    # serial in red, its particulars written into the dotted lines with a fountain pen in
    # a blue-black ink (Kristi); framed for years on a sunny wall (inside the mat's window
    # the ink browned and paled, the green print and the stamp bleached, the paper
    # yellowed, a mat burn's line along the window's edge), scanned in colour.
    Design("spg_luntur", "sekolah", False, "galatia_bold", "galatia_bold", "galatia",
           "kristi", (245, 241, 228), None, (24, 104, 72), "manik_manik",
           "tut_wuri", "spg_tulis", "header", short=False, group=30, programs=("SMA",),
           school="SPG NEGERI {town}", ministry="DEPARTEMEN PENDIDIKAN DAN KEBUDAYAAN",
           era=(1978, 1991), header="spg_kepala", finish="luntur",
           towns=("PANGKALAN BUN", "SAMPIT", "PALANGKA RAYA", "KUALA KAPUAS")),
    # The open university's (Universitas Terbuka) S1 diploma, 2005-2024 (Summersby, a
    # humanist sans; "IJAZAH", the headings and the name in Apropal's heavy grotesque), upright
    # in a band of a picket fence, the ministry of its year, the regional office, the
    # rector's sentence, the rows under the name, the degree of its study programme;
    # photocopied in grey on a copier whose fuser and drum were worn (the fuser's pale
    # ghost of the page a roller's turn down it and a fainter second, a smear of unfused
    # toner along the feed off the name's line, the drum's haze and specks).
    Design("ut_hantu", "pt", False, "apropal_bold", "apropal_bold", "summersby",
           "apropal_bold", (250, 250, 246),
           (236, 240, 248), (22, 62, 130), "pagar", "university", "ut_rektor", "header",
           short=False, group=30, programs=("S1",), school="UNIVERSITAS TERBUKA",
           era=(2005, 2024), header="ut_kepala", finish="hantu", towns=("PALANGKA RAYA",)),
    # Held out, group 31: made after group 30 was measured; nobody tuning has seen them.
    # A state agricultural senior high school's (SPMA) diploma of the Departemen
    # Pertanian, 1980-1997 (Lexi Saebom; "IJAZAH" and the headings in Alkalami), upright in
    # a garland of rice ears, its numbered rows ruled, its particulars typed in on a
    # manual typewriter (TlwgTypist); caught in a house fire (an edge or a corner burnt
    # away, the char ragged and black, the paper scorched brown and tanned further in, an
    # ember's hole, sooty smudges; all of it off the name's line), scanned in colour.
    Design("spma_hangus", "sekolah", False, "alkalami", "alkalami", "lexi_saebom",
           "tlwg_typist_bold", (244, 241, 230), None, (40, 96, 52), "untai_padi", "garuda",
           "spma_ketik", "header", short=False, group=31, programs=("SMA",),
           school="SPMA NEGERI {town}", ministry="DEPARTEMEN PERTANIAN", era=(1980, 1997),
           header="spma_kepala", finish="hangus",
           towns=("PALANGKA RAYA", "PANGKALAN BUN", "SAMPIT", "BANJARBARU")),
    # A university's two-year diploma for primary school teachers (D-II PGSD of the
    # Universitas Palangka Raya, 1993-2008: Garuda, "IJAZAH" in Uroob), landscape in a
    # band of rattan caning, the ministry of its year, the rector's sentence, the name large
    # and centred, the rows under it, the sebutan Ahli Madya Pendidikan, signed by the
    # rector; photographed with a phone on a desk under flickering tube lights (the rolling
    # shutter's soft dark bands across the whole picture, a green or magenta cast in them),
    # a little from aside, a JPEG.
    Design("pgsd_kedip", "pt", True, "uroob", "garuda_sans_bold", "garuda_sans",
           "garuda_sans_bold", (248, 246, 238), (234, 238, 228), (118, 40, 34), "rotan",
           "university", "pgsd_rektor", "header", short=False, group=31, programs=("D2",),
           school="UNIVERSITAS PALANGKA RAYA", era=(1993, 2008), header="pgsd_kepala",
           finish="kedip", towns=("PALANGKA RAYA",)),
    # Held out, group 32: made after group 31 was measured; nobody tuning has seen them.
    # A state technical junior school's (ST, Sekolah Teknik) "Surat Tanda Tamat Belajar"
    # of the Departemen Pendidikan dan Kebudayaan, 1972-1994 (IPAex Mincho; the title in
    # Train One's outlined capitals), upright in a band of nuts and bolts, its rows dotted,
    # its particulars typed in on a manual typewriter (TlwgTypo); known only from an
    # archive's microfilm as its reader-printer printed it (low greys, the film's black
    # round the page, grain, scratches along the roll and dust, all off the name's line),
    # scanned.
    Design("st_mikrofilm", "sekolah", False, "train_one", "ipaex_mincho", "ipaex_mincho",
           "tlwg_typo_bold", (242, 238, 224), None, (34, 62, 112), "mur_baut", "garuda",
           "st_ketik", "header", short=False, group=32, programs=("SMP",),
           school="SEKOLAH TEKNIK NEGERI {town}", ministry="DEPARTEMEN PENDIDIKAN DAN "
           "KEBUDAYAAN", title_text="SURAT TANDA TAMAT BELAJAR", era=(1972, 1994),
           header="st_kepala", finish="mikrofilm",
           towns=("SAMPIT", "PANGKALAN BUN", "PALANGKA RAYA", "KUALA KAPUAS")),
    # A pesantren's Madrasah Aliyah diploma, 2008-2020 (Lateef, the basmalah over it in
    # Arabic; "IJAZAH" in Le Murmure's tall capitals), upright in a band of kambang
    # kacang (long bean flowers on a winding vine), the ministry of its year and its
    # provincial office, the head's sentence with the madrasah's statistical number, the
    # name large and centred, the rows under it; photographed with a phone outdoors in a
    # tree's dappled shade (sun patches nearly blown out among bluish shade, round sun
    # flecks, no shadow's edge across the name), a little from aside, a JPEG.
    Design("ma_pondok_teduh", "madrasah", False, "le_murmure", "lateef_bold", "lateef",
           "lateef_extrabold", (246, 244, 232), None, (26, 98, 66), "kambang_kacang",
           "kemenag", "ma_pondok_nama", "header", short=False, group=32, programs=("MA",),
           school="MA PONDOK PESANTREN NURUL HIKMAH {town}", era=(2008, 2020),
           header="ma_pondok_kepala", finish="bayang_daun",
           towns=("MARTAPURA", "BANJARMASIN", "AMUNTAI", "KANDANGAN")),
    # Held out, group 33: made after group 32 was measured; nobody tuning has seen them.
    # A state junior school of economics' (SMEP, level SMP) "Surat Tanda Tamat Beladjar"
    # of 1966-1979 (Sawarabi Mincho; the ministry and title as spelt before and after the
    # 1972 spelling), upright in a band of betel leaves, its rows ruled, its particulars
    # written in by hand in a joined school hand (Ecolier) in blue-black ink; kept clipped
    # in a folder for decades (a paper clip's and a staple's rust, rust spots, the edges
    # browned, none of it by the name), scanned in colour.
    Design("smep_karat", "sekolah", False, "sawarabi_mincho", "sawarabi_mincho",
           "sawarabi_mincho", "ecolier", (240, 234, 214), None, (92, 54, 40), "daun_sirih",
           "garuda", "smep_tulis", "header", short=False, group=33, programs=("SMP",),
           school="SMEP NEGERI {town}", era=(1966, 1979), header="smep_kepala",
           finish="karat", towns=("PALANGKA RAYA", "SAMPIT", "BANJARMASIN", "KUALA KAPUAS")),
    # A private university's S1 diploma, 2004-2022 (Tahoma as Wine ships it, the name in
    # Bajaderka's script, a large pale emblem behind it), upright in a band of a stepped
    # meander, the foundation over the university's name, the rector's sentence, the name
    # large and centred, the rows under it; folded in four to fit a bag and photographed
    # unfolded with a phone (the creases, each quarter lit a little differently, no crease
    # across the name), on a desk or a floor, a JPEG.
    Design("sarjana_lipat_empat", "pt", False, "wine_tahoma_bold", "wine_tahoma_bold",
           "wine_tahoma", "bajaderka", (248, 248, 244), None, (30, 70, 120), "tangga_berliku",
           "university", "sarjana_nama", "header", short=False, group=33, programs=("S1",),
           school="UNIVERSITAS TAMBUN BUNGAI", era=(2004, 2022), header="sarjana_kepala",
           finish="lipat_empat", watermark=True, watermark_at=(0.42, 0.2, 0.1),
           towns=("PALANGKA RAYA",)),
)
DESIGN_NAMES = tuple(d.name for d in DESIGNS)
# Tuned designs added after the held-out groups: drawn only when named, so that a seed draws
# the same diploma (and benchmark page) as before them.
NAMED_ONLY = ("sd_kaligrafi", "paket_renggang", "sekolah_sel", "sarjana_dua_baris",
              "madrasah_lambang", "politeknik_label_atas")
HELD_OUT_GROUPS = {g: tuple(d.name for d in DESIGNS if d.group == g)
                   for g in sorted({d.group for d in DESIGNS if d.group})}
(HELD_OUT_1, HELD_OUT_2, HELD_OUT_3, HELD_OUT_4, HELD_OUT_5, HELD_OUT_6, HELD_OUT_7,
 HELD_OUT_8, HELD_OUT_9, HELD_OUT_10, HELD_OUT_11, HELD_OUT_12,
 HELD_OUT_13, HELD_OUT_14, HELD_OUT_15, HELD_OUT_16, HELD_OUT_17,
 HELD_OUT_18, HELD_OUT_19, HELD_OUT_20, HELD_OUT_21, HELD_OUT_22,
 HELD_OUT_23, HELD_OUT_24, HELD_OUT_25, HELD_OUT_26,
 HELD_OUT_27, HELD_OUT_28, HELD_OUT_29, HELD_OUT_30,
 HELD_OUT_31, HELD_OUT_32, HELD_OUT_33) = HELD_OUT_GROUPS.values()
HELD_OUT = sum(HELD_OUT_GROUPS.values(), ())


def load_data() -> dict:
    """Programmes, institutions and names of data/ijazah.yaml."""
    return load_yaml(DATA)


def get_design(name: str) -> Design:
    return next(d for d in DESIGNS if d.name == name)


def programs_of(d: Design) -> list[str]:
    """The programmes (keys of data/ijazah.yaml) design ``d`` is drawn for."""
    fams = (d.family, *d.families)
    return [k for k, p in load_data()["programs"].items()
            if p["family"] in fams and (not d.programs or k in d.programs)]


def pick(person: dict, rng: random.Random) -> tuple[Design, str]:
    """A design (never a held-out one) and programme for the person's pendidikan."""
    data = load_data()
    wanted = data["roster_programs"].get(str(person.get("pendidikan", "SMA")).upper(), ["SMA"])
    options = [(d, p) for d in DESIGNS if not d.held_out and d.name not in NAMED_ONLY
               for p in programs_of(d) if p in wanted]
    return rng.choice(options)


class _Page:
    """A drawing surface with a cursor and mm units."""

    def __init__(self, img: Image.Image, dpi: int, ink) -> None:
        self.img, self.d, self.u, self.ink = img, ImageDraw.Draw(img), dpi / 25.4, ink
        self.w, self.h = img.size

    def text(self, x_mm: float, y_mm: float, text: str, role: str, size_mm: float,
             fill=None, *, anchor: str = "la", width_mm: float | None = None) -> None:
        size = int(size_mm * self.u)
        fnt = face(role, size)
        if width_mm:
            while size > 8 and self.d.textlength(text, font=fnt) > width_mm * self.u:
                size -= 1
                fnt = face(role, size)
        self.d.text((x_mm * self.u, y_mm * self.u), text, font=fnt, fill=fill or self.ink,
                    anchor=anchor)

    def font(self, role: str, size_mm: float) -> ImageFont.FreeTypeFont:
        return face(role, int(size_mm * self.u))

    def fitted(self, role: str, size_mm: float, text: str, width_mm: float,
               least_mm: float) -> tuple[ImageFont.FreeTypeFont, float]:
        """The font of ``role`` at ``size_mm``, made 0.2 mm smaller at a time down to
        ``least_mm`` until ``text`` fits in ``width_mm``; and the size it ends at."""
        fnt = self.font(role, size_mm)
        while size_mm > least_mm and self.d.textlength(text, font=fnt) > width_mm * self.u:
            size_mm -= 0.2
            fnt = self.font(role, size_mm)
        return fnt, size_mm

    def name(self, x_mm: float | None, y_mm: float, text: str, role: str, size_mm: float,
             width_mm: float, least_mm: float, fill=None, anchor: str = "la",
             draw=None) -> float:
        """The holder's name ``text`` drawn by ``anchor`` at (``x_mm``, ``y_mm``; no ``x_mm``:
        the page's middle) in ``fill`` (else the ink), its font as ``fitted`` makes it; its
        box (mm) kept as ``name_box``. ``draw``: the design's own way of putting it down
        (a typewriter's strikes), called as ``draw(at, text, font, fill, anchor)`` (px) in
        the page's drawing's stead. Returns the size (mm) it ends at."""
        fnt, size_mm = self.fitted(role, size_mm, text, width_mm, least_mm)
        at = (self.w / 2 if x_mm is None else x_mm * self.u, y_mm * self.u)
        if draw is None:
            self.d.text(at, text, font=fnt, fill=fill or self.ink, anchor=anchor)
        else:
            draw(at, text, fnt, fill or self.ink, anchor)
        box = self.d.textbbox(at, text, font=fnt, anchor=anchor)
        self.name_box = tuple(v / self.u for v in box)
        return size_mm

    def centre(self, y_mm: float, text: str, role: str, size_mm: float, fill=None, **kw):
        self.text(self.w / self.u / 2, y_mm, text, role, size_mm, fill, anchor="ma", **kw)


def _holder(p: _Page, dz: Design, y: float, name: str, rows: list[tuple[str, str]],
            sizes: tuple[float, float]) -> float:
    """The sentence that introduces the holder, the name and the other rows; returns y."""
    if dz.cue in CUE_MAKERS:
        return CUE_MAKERS[dz.cue](p, dz, y, name, rows, sizes)
    body, big = sizes
    wmm = p.w / p.u
    lab_x, col_x = wmm * 0.15, wmm * 0.15 + (58 if dz.landscape else 56)
    val_w = wmm - col_x - wmm * 0.15

    def table(y: float, items: list[tuple[str, str]], name_row: str | None) -> float:
        if name_row:
            p.text(lab_x, y, name_row, dz.body, body)
            p.text(col_x - 3, y, ":", dz.body, body)
            p.text(col_x, y - (big - body) * 0.6, name, dz.name_face, big, width_mm=val_w)
            y += big + 3.5
        return holder_rows(p, dz, y, items, body, lab_x, col_x)

    if dz.cue == "kepada_below":
        p.centre(y, "diberikan kepada", dz.body, body * 1.05)
        p.centre(y + body + 3, name, dz.name_face, big, width_mm=wmm * 0.7)
        return table(y + body + big + 9, rows, None)
    if dz.cue == "bahwa_below":
        p.centre(y, "dengan ini menerangkan bahwa", dz.body, body)
        p.centre(y + body + 3, name, dz.name_face, big, width_mm=wmm * 0.7)
        return table(y + body + big + 9, rows, None)
    if dz.cue == "bahwa_label":
        p.text(lab_x, y, "Yang bertanda tangan di bawah ini menerangkan bahwa:", dz.body, body)
        return table(y + body + 5, rows, "Nama")
    if dz.cue == "label_lower":
        return table(y, rows, "nama")
    if dz.cue == "label_long":
        p.text(lab_x, y, "Dengan ini menyatakan bahwa:", dz.body, body)
        return table(y + body + 5, rows, "Nama Peserta Didik")
    if dz.cue == "bahwa_upper":
        p.centre(y, "Dengan ini menyatakan bahwa", dz.body, body)
        return table(y + body + 5, [(a.upper(), b) for a, b in rows], "NAMA")
    if dz.cue == "label_siswa":
        return table(y, rows, "Nama Siswa")
    if dz.cue == "label_lengkap":
        return table(y, rows, "Nama Lengkap")
    if dz.cue in ("atas_nama", "anugerah"):
        p.centre(y, "Ijazah ini diberikan atas nama" if dz.cue == "atas_nama" else
                 "dengan ini memberikan ijazah dan gelar kepada", dz.body, body)
        p.centre(y + body + 3, name, dz.name_face, big, width_mm=wmm * 0.7)
        return table(y + body + big + 9, rows, None)
    if dz.cue == "bahwa_inline":
        lead = "Menerangkan bahwa :  "
        p.text(lab_x, y, lead, dz.body, body)
        lead_mm = p.d.textlength(lead, font=face(dz.body, int(body * p.u))) / p.u
        p.text(lab_x + lead_mm, y - (big - body) * 0.6, name, dz.name_face, big,
               width_mm=wmm * 0.85 - lab_x - lead_mm)
        return table(y + big + 4, rows, None)
    # kepada_inline: "diberikan kepada : NAME" on one line
    p.text(lab_x, y, "Diberikan kepada", dz.body, body)
    p.text(col_x - 3, y, ":", dz.body, body)
    p.text(col_x, y - (big - body) * 0.6, name, dz.name_face, big, width_mm=val_w)
    return table(y + big + 4, rows, None)


def _face(p: _Page, dz: Design, rng: random.Random, spec: dict, school: str, tahun: int,
          size_mm: tuple[float, float], data: dict) -> tuple[float, str]:
    """The diploma's face above the holder: the emblem, the republic and its ministry, the
    title, the programme, the school year (or graduation date) and the number; returns
    the y (mm) where the holder's part begins and the number."""
    land = dz.landscape
    scale = 0.85 if land else 1.0
    months = data["months"]
    top = (22 if land else 28) + dz.drop_mm
    draw_seal(p.d, dz.seal, p.w * dz.seal_at, (top + 4) * p.u, (10 if land else 13) * p.u,
              (150, 120, 40) if dz.seal == "garuda" else dz.accent)
    y = top + (18 if land else 24)
    ministry = dz.ministry or {"madrasah": "KEMENTERIAN AGAMA REPUBLIK INDONESIA",
                "pt": "KEMENTERIAN PENDIDIKAN TINGGI, SAINS, DAN TEKNOLOGI"}.get(
        dz.family if spec["family"] != "madrasah" else "madrasah",
        "KEMENTERIAN PENDIDIKAN DASAR DAN MENENGAH")
    p.centre(y, "REPUBLIK INDONESIA", dz.heading, 4.6 * scale)
    p.centre(y + 6.5 * scale, ministry, dz.body, 3.4 * scale, width_mm=size_mm[0] * 0.75)
    if spec["family"] == "pt":
        p.centre(y + 12 * scale, school, dz.heading, 4.6 * scale, fill=dz.accent)
    y += 20 * scale
    p.centre(y, " ".join(dz.title_text) if dz.spaced_title else dz.title_text, dz.title,
             (11 if land else 12) * scale, fill=dz.accent, width_mm=size_mm[0] * 0.8)
    y += 15 * scale
    title = spec["title"] + (f" ({spec['short']})" if dz.short else "")
    p.centre(y, title, dz.heading, 5 * scale, width_mm=size_mm[0] * 0.8)
    y += 8 * scale
    nomor = f"DN-{rng.randint(10, 34)} {rng.choice(['Mk', 'Ma', 'Dl', 'Pc'])} " \
            f"{rng.randint(0, 9999999):07d}"
    if spec["family"] == "pt":
        nomor = f"{rng.randint(100, 9999)}/{rng.choice(['UN24', 'PL12', 'UN8'])}/" \
                f"{spec['jenjang']}/{tahun}"
        p.centre(y, f"Tanggal lulus {rng.randint(1, 28)} {months[rng.randint(6, 11)]} {tahun}",
                 dz.body, 3.6 * scale)
    else:
        p.centre(y, f"TAHUN PELAJARAN {tahun - 1}/{tahun}", dz.body, 3.6 * scale)
    nomor = styled_number(dz.nomor_style, nomor, spec=spec, tahun=tahun, school=school, rng=rng)
    if dz.number == "title":
        p.centre(y + 5.5 * scale, f"Nomor: {nomor}", dz.body, 3.2 * scale)
    elif dz.number == "top":
        p.text(size_mm[0] - 26, 17, f"No. Ijazah: {nomor}", dz.body, 3.0, anchor="ra")
    elif dz.number == "top_left":
        label = {"pin": "Nomor Ijazah Nasional", "pc": "Nomor Seri",
                 "sttb": "No. STTB"}.get(dz.nomor_style, "No. Ijazah")
        p.text(27, 24, f"{label}: {nomor}", dz.body, 3.0)
    elif dz.number == "boxed":
        boxed_number(p, dz, nomor, size_mm[0])
    elif dz.number == "under_band":
        p.text(size_mm[0] - 24, 27, f"Nomor: {nomor}", dz.body, 3.0, anchor="ra")
    y += 13 * scale
    return y, nomor


def make_ijazah(person: dict, *, rng: random.Random, dpi: int = 300, color: bool = True,
                design: str | None = None, program: str | None = None,
                paper_mm: tuple[float, float] | None = None) -> tuple[Image.Image, dict]:
    """A diploma of the person's last schooling, drawn in ``design`` (else one that is not
    held out) for ``program`` (a key of data/ijazah.yaml; else from their pendidikan).

    ``paper_mm`` (portrait): the sheet a scanner's glass takes; a portrait design is drawn
    on it, a landscape one comes out turned a quarter onto it (truth ``turned``)."""
    data = load_data()
    if design is None:
        dz, prog = pick(person, rng)
        prog = program or prog
    else:
        dz = get_design(design)
        prog = program or rng.choice(programs_of(dz))
    spec = data["programs"][prog]
    towns = dz.towns or data["university_towns" if spec["family"] == "pt" else "school_towns"]
    school = (dz.school or spec["school"]).format(n=rng.randint(1, 4), town=rng.choice(towns),
                                   pkbm=rng.choice(data["pkbm"]))
    birth = person["tanggal_lahir"]
    birth = birth if isinstance(birth, dt.date) else dt.date.fromisoformat(str(birth))
    tahun = int(person.get("tahun_lulus") or birth.year + 18)
    if dz.era:   # the holder of an old design is as old at leaving school as they are
        held = min(max(tahun, dz.era[0]), dz.era[1])
        birth = birth.replace(year=birth.year + held - tahun,
                              day=28 if (birth.month, birth.day) == (2, 29) else birth.day)
        tahun = held
    months = data["months"]
    land = dz.landscape and not dz.two_up   # a two-up's diploma is drawn upright on A4
    land = land or dz.upright_sheet   # ... a screenshot's landscape, its sheet upright
    upright = (210, 297) if dz.two_up else tuple(paper_mm or (210, 297))
    size_mm = (297, 210) if land else upright
    w, h = mm_px(size_mm[0], dpi), mm_px(size_mm[1], dpi)
    img = paper((w, h), dz.tint if color else (246, 246, 246), rng, pattern=dz.pattern, dpi=dpi)
    p = _Page(img, dpi, (25, 25, 30))
    margin = rng.uniform(8, 11)
    if dz.border in BORDERS:
        BORDERS[dz.border](img, dz.accent, rng, dpi=dpi, margin_mm=margin)
    else:
        border(img, dz.border, dz.accent, rng, dpi=dpi, margin_mm=margin)
    if dz.watermark:   # pale, behind the holder's rows and name
        at, radius, ink = dz.watermark_at
        pale = tuple(int(t * (1 - ink) + a * ink) for t, a in zip(dz.tint, dz.accent, strict=True))
        draw_seal(p.d, dz.seal, p.w / 2, p.h * at, min(p.w, p.h) * radius, pale)
    scale = 0.85 if land else 1.0
    if dz.letter:   # a letter in the diploma's stead: its letterhead, title and number
        y, nomor = LETTERS[dz.letter](p, dz, rng, school, spec, tahun, data)
    elif dz.header:   # a face of the group's own (its head in two scripts ...)
        y, nomor = HEADERS[dz.header](p, dz, rng, spec, school, tahun, size_mm, data)
    else:
        y, nomor = _face(p, dz, rng, spec, school, tahun, size_mm, data)
    name = person["nama"].upper()
    place = f"{person['tempat_lahir'].title()}, {birth.day} {months[birth.month - 1]} {birth.year}"
    if spec["family"] == "pt":
        rows = [("tempat dan tanggal lahir", place),
                ("nomor induk mahasiswa", f"{tahun - 4}{rng.randint(10000, 99999)}"),
                ("program studi", rng.choice(["Teknik Sipil", "Arsitektur", "Teknik Elektro"]))]
    else:
        rows = [("tempat dan tanggal lahir", place),
                ("nomor induk siswa nasional", f"{rng.randint(10**9, 10**10 - 1)}"),
                ("nama orang tua/wali", rng.choice(["Sukardi", "Hasanah", "Yakobus Dehen"])),
                ("satuan pendidikan", school.title().replace("Smk", "SMK").replace("Sd", "SD"))]
    if "major" in spec:
        rows.append(("kompetensi keahlian", rng.choice(spec["major"])))
    if dz.patronym:   # named with "bin"/"binti" and the father's name: all of it printed
        own = name
        name, father = with_father(person)
        rows = [(k, father if k == "nama orang tua/wali" else v) for k, v in rows]
    if dz.cue == "table_ruled":   # a transcript-like diploma adds the graduation record
        ipk = rng.uniform(2.75, 3.95)
        rows += [("indeks prestasi kumulatif", f"{ipk:.2f}".replace(".", ",")),
                 ("predikat kelulusan", "Dengan Pujian" if ipk >= 3.51 else
                  "Sangat Memuaskan" if ipk >= 3.01 else "Memuaskan")]
    body = 3.6 * scale
    y = _holder(p, dz, y, name, rows, (body, (7.5 if dz.name_face == "chancery" else 6.5) * scale))
    y += 3
    if dz.letter:   # the letter's own close: the photo, the office's signature, the copies
        LETTER_CLOSES[dz.letter](p, dz, rng, person, school, spec, tahun, y, data)
    elif spec["family"] == "pt":
        p.centre(y, f"telah menyelesaikan {spec['title'].lower()}"
                 f" dan kepadanya diberikan gelar", dz.body, body, width_mm=size_mm[0] * 0.8)
        p.centre(y + body + 2.5, getattr(p, "degree", "") or spec["degree"], dz.heading,
                 5 * scale)   # (a cue may name the degree of the holder's programme)
    else:
        p.centre(y, "dinyatakan  LULUS", dz.heading, 4.8 * scale)
        shown = school.title().replace("Stm ", "STM ")   # (no earlier design names an STM)
        if dz.group >= 7:   # the level's abbreviation in capitals (earlier pages stay as drawn)
            shown = " ".join(w.upper() if w in ("Sd", "Smp", "Sma", "Smk", "Smu", "Mi", "Ma",
                                                "Pkbm", "Slb", "Smea", "Spg", "Spma", "Smep") else
                             "MTs" if w == "Mts" else w for w in shown.split(" "))
        p.centre(y + 7 * scale, f"dari {shown} pada tahun {tahun}.", dz.body, body,
                 width_mm=size_mm[0] * 0.8)
    if not dz.letter:
        sign_block(p, dz, rng, person, school, spec, tahun, land, data)
    if dz.number == "bottom":
        p.text(22, size_mm[1] - 22, nomor, "mono_bold", 3.2, fill=(150, 30, 30))
    elif dz.number == "bottom_right":
        p.text(size_mm[0] - 24, size_mm[1] - 19, f"Nomor Seri Ijazah: {nomor}", dz.body, 3.0,
               anchor="ra")
    elif dz.number == "under_photo":   # under the photo box, left
        p.text(size_mm[0] * 0.18, size_mm[1] - 29, f"No. {nomor}", dz.body, 2.8)
    elif dz.number == "footer":
        p.centre(size_mm[1] - 17.5, f"Nomor Ijazah: {nomor}", dz.body, 3.0)
    if dz.aged:
        img = aged_paper(img, rng, dz.aged, dpi)
    if dz.legalised:
        img = legalised_copy(img, rng, school, dpi, getattr(p, "name_box", None))
    if dz.sticker:   # stuck on the page by the name (its box in mm) or elsewhere
        img = STICKERS[dz.sticker](img, rng, dpi, getattr(p, "name_box", None))
    if dz.two_up:   # copied "2 in 1" with its companion, drawn on a page of its own
        blank = _Page(Image.new("RGB", img.size, (251, 251, 247) if color else (246, 246, 246)),
                      dpi, p.ink)
        img = TWO_UPS[dz.two_up](img, blank, dz, rng, {
            "nama": name, "rows": dict(rows), "school": school, "spec": spec, "tahun": tahun,
            "nomor": nomor, "data": data})
    if dz.finish in CLEAR_OF_NAME:   # a hand-in that keeps off the name's line (its box, mm)
        img = HAND_INS[dz.finish](img, rng, dpi, name_box=getattr(p, "name_box", None))
    elif dz.finish in GIVEN_FILL_IN:   # ... or that finds the name and the particulars' ink
        img = HAND_INS[dz.finish](img, rng, dpi, name_box=getattr(p, "name_box", None),
                                  filled=getattr(p, "filled", None))
    elif dz.finish:
        img = HAND_INS[dz.finish](img, rng, dpi)
    img = img.filter(ImageFilter.GaussianBlur(max(0.4, dpi / 600)))
    if not color:
        img = img.convert("L").convert("RGB")
    turned = 0
    if paper_mm and dz.landscape:
        turned = rng.choice([90, 270])
        img = img.rotate(turned, expand=True)
    truth = {"doc": "ijazah", "jenjang": spec["jenjang"], "program": prog, "nama": name,
             "tahun": tahun, "sekolah": school, "nomor": nomor, "nik": person.get("nik"),
             "color": color, "design": dz.name, "held_out": dz.held_out, "group": dz.group,
             "landscape": dz.landscape, "turned": turned}
    if dz.patronym:
        truth.update(nama_diri=own, nama_ayah=father.upper())
    return img, truth
