"""Type faces of the synthetic ijazah by role (serif titles, script-like names), found among
the installed fonts by file name."""
from __future__ import annotations

from functools import cache, lru_cache
from pathlib import Path

from PIL import ImageFont

from scansim.draw import font

FONT_ROOT = Path("/usr/share/fonts")
# Faces by role, each a list of files tried in turn (Debian: fonts-urw-base35,
# fonts-liberation, fonts-freefont-ttf, fonts-go, fonts-lato, fonts-crosextra-caladea,
# fonts-crosextra-carlito, fonts-dancingscript, and of group 8 fonts-hosny-amiri,
# fonts-noto-core, fonts-ebgaramond, of group 9 fonts-linuxlibertine, of group 10
# fonts-adf-gillius, fonts-sil-charis, fonts-courier-prime, of group 11 fonts-quattrocento,
# fonts-cabin, fonts-vollkorn, fonts-sil-gentiumplus, of group 12 fonts-yrsa-rasa,
# fonts-junction, fonts-oldstandard, fonts-cardo, of group 13 fonts-century-catalogue,
# fonts-gnutypewriter, fonts-gfs-didot, fonts-goudybookletter, of group 14
# fonts-adf-romande, fonts-adf-baskervald, fonts-bebas-neue, fonts-league-spartan,
# fonts-tuffy, of group 15 fonts-adf-tribun, fonts-osifont, fonts-adf-mekanus,
# fonts-adf-accanthis, fonts-adf-berenis, fonts-fanwood, fonts-sil-scheherazade, of group
# 16 fonts-yrsa-rasa's Rasa, fonts-elstob, fonts-prociono, fonts-junicode,
# fonts-linex's Elegante, of group 17 fonts-paratype's PT Serif, fonts-linex's Jara,
# fonts-noto-core's Noto Naskh Arabic, fonts-cantarell, fonts-open-sans, of group 18
# fonts-noto-core's Noto Serif Display, fonts-linex's Quercus, fonts-croscore's Tinos,
# fonts-cmu's Computer Modern Serif, Sans and Concrete, of group 19 fonts-linex's BABEL
# and Emerita Latina, fonts-karmilla, fonts-paratype's PT Sans Narrow and PT Mono, of
# group 20 fonts-arapey, fonts-sil-doulos, fonts-lindenhill, fonts-yanone-kaffeesatz, of
# group 21 fonts-stix, fonts-kaushanscript, fonts-adf-libris, fonts-breip, of group 22
# fonts-blankenburg, fonts-gfs-artemisia, fonts-essays1743, fonts-georgewilliams); DejaVu
# when none is installed.
FACES = {
    "times": (["NimbusRoman-Regular.otf", "LiberationSerif-Regular.ttf"], "serif"),
    "times_bold": (["NimbusRoman-Bold.otf", "LiberationSerif-Bold.ttf"], "serif_bold"),
    "times_bold_italic": (["NimbusRoman-BoldItalic.otf", "LiberationSerif-BoldItalic.ttf"],
                          "serif_italic"),
    "bookman": (["URWBookman-Light.otf"], "serif"),
    "bookman_bold": (["URWBookman-Demi.otf"], "serif_bold"),
    "palatino": (["P052-Roman.otf"], "serif"),
    "palatino_bold": (["P052-Bold.otf"], "serif_bold"),
    "palatino_bold_italic": (["P052-BoldItalic.otf"], "serif_italic"),
    "century": (["C059-Roman.otf"], "serif"),
    "century_bold": (["C059-Bold.otf"], "serif_bold"),
    "chancery": (["Z003-MediumItalic.otf"], "serif_italic"),
    "sans": (["LiberationSans-Regular.ttf", "NimbusSans-Regular.otf"], "sans"),
    "sans_bold": (["LiberationSans-Bold.ttf", "NimbusSans-Bold.otf"], "bold"),
    "gothic": (["URWGothic-Book.otf"], "sans"),
    "gothic_demi": (["URWGothic-Demi.otf"], "bold"),
    "bookman_demi_italic": (["URWBookman-DemiItalic.otf"], "serif_italic"),
    "century_bold_italic": (["C059-BdIta.otf"], "serif_italic"),
    "sans_narrow_bold": (["NimbusSansNarrow-Bold.otf"], "bold"),
    "free_sans": (["FreeSans.ttf"], "sans"),
    "free_serif_bold_italic": (["FreeSerifBoldItalic.ttf"], "serif_italic"),
    "nimbus_sans_bold": (["NimbusSans-Bold.otf"], "bold"),
    "nimbus_narrow": (["NimbusSansNarrow-Regular.otf"], "cond"),
    "free_serif": (["FreeSerif.ttf"], "serif"),
    "free_serif_bold": (["FreeSerifBold.ttf"], "serif_bold"),
    "dejavu_serif": ([], "serif"),
    "dejavu_serif_bold": ([], "serif_bold"),
    "dejavu_serif_italic": ([], "serif_italic"),
    "mono_bold": ([], "mono_bold"),
    "dejavu_sans": ([], "sans"),
    "sans_narrow_lib_bold": (["LiberationSansNarrow-Bold.ttf"], "cond_bold"),
    "dejavu_serif_cond_bold": (["DejaVuSerifCondensed-Bold.ttf"], "serif_bold"),
    "dejavu_serif_cond": (["DejaVuSerifCondensed.ttf"], "serif"),
    "bookman_light_italic": (["URWBookman-LightItalic.otf"], "serif_italic"),
    "liberation_serif": (["LiberationSerif-Regular.ttf"], "serif"),
    "liberation_serif_bold": (["LiberationSerif-Bold.ttf"], "serif_bold"),
    "liberation_serif_bold_italic": (["LiberationSerif-BoldItalic.ttf"], "serif_italic"),
    "free_sans_bold": (["FreeSansBold.ttf"], "bold"),
    "liberation_narrow": (["LiberationSansNarrow-Regular.ttf"], "cond"),
    "palatino_italic": (["P052-Italic.otf"], "serif_italic"),
    "go_regular": (["Go-Regular.ttf"], "sans"),
    "go_medium": (["Go-Medium.ttf"], "bold"),
    "go_bold": (["Go-Bold.ttf"], "bold"),
    "go_smallcaps": (["Go-Smallcaps.ttf"], "bold"),
    "gothic_demi_oblique": (["URWGothic-DemiOblique.otf"], "bold"),
    "dejavu_sans_cond": (["DejaVuSansCondensed.ttf"], "cond"),
    "dejavu_serif_bold_italic": (["DejaVuSerif-BoldItalic.ttf"], "serif_italic"),
    "dejavu_serif_cond_bold_italic": (["DejaVuSerifCondensed-BoldItalic.ttf"], "serif_italic"),
    "typewriter": (["NimbusMonoPS-Regular.otf", "LiberationMono-Regular.ttf"], "mono_bold"),
    "lato": (["Lato-Regular.ttf"], "sans"),
    "lato_bold": (["Lato-Bold.ttf"], "bold"),
    "lato_heavy": (["Lato-Heavy.ttf"], "bold"),
    "lato_bold_italic": (["Lato-BoldItalic.ttf"], "bold"),
    "caladea": (["Caladea-Regular.ttf"], "serif"),
    "caladea_bold": (["Caladea-Bold.ttf"], "serif_bold"),
    "carlito": (["Carlito-Regular.ttf"], "sans"),
    "carlito_bold": (["Carlito-Bold.ttf"], "bold"),
    "dancing_script": (["DancingScript-Regular.otf"], "serif_italic"),
    "amiri": (["Amiri-Regular.ttf"], "serif"),
    "amiri_bold": (["Amiri-Bold.ttf"], "serif_bold"),
    "noto_serif": (["NotoSerif-Regular.ttf"], "serif"),
    "noto_serif_bold": (["NotoSerif-Bold.ttf"], "serif_bold"),
    "ebgaramond": (["EBGaramond12-Regular.otf"], "serif"),
    "ebgaramond_bold": (["EBGaramond12-Bold.otf"], "serif_bold"),
    "ebgaramond_italic": (["EBGaramond12-Italic.otf"], "serif_italic"),
    "libertine": (["LinLibertine_R.otf"], "serif"),
    "libertine_bold": (["LinLibertine_RB.otf"], "serif_bold"),
    "libertine_bold_italic": (["LinLibertine_RBI.otf"], "serif_italic"),
    "libertine_display": (["LinLibertine_DR.otf"], "serif"),
    "biolinum": (["LinBiolinum_R.otf"], "sans"),
    "biolinum_bold": (["LinBiolinum_RB.otf"], "bold"),
    "gillius": (["GilliusADF-Regular.otf"], "sans"),
    "gillius_bold": (["GilliusADF-Bold.otf"], "bold"),
    "gillius_bold_cond": (["GilliusADF-BoldCond.otf"], "cond_bold"),
    "charis": (["CharisSIL-Regular.ttf"], "serif"),
    "charis_bold": (["CharisSIL-Bold.ttf"], "serif_bold"),
    "courier_prime": (["Courier Prime.otf"], "mono_bold"),
    "quattrocento": (["Quattrocento-Regular.otf"], "serif"),
    "cabin": (["Cabin-Regular.otf"], "sans"),
    "cabin_semibold": (["Cabin-SemiBold.otf"], "bold"),
    "cabin_bold": (["Cabin-Bold.otf"], "bold"),
    "vollkorn_bold": (["Vollkorn-Bold.ttf"], "serif_bold"),
    "vollkorn_black": (["Vollkorn-Black.ttf"], "serif_bold"),
    "gentium": (["GentiumPlus-Regular.ttf"], "serif"),
    "gentium_bold": (["GentiumPlus-Bold.ttf"], "serif_bold"),
    "yrsa": (["Yrsa-Regular.ttf"], "serif"),
    "yrsa_bold": (["Yrsa-Bold.ttf"], "serif_bold"),
    "junction": (["Junction.otf"], "bold"),
    "oldstandard_bold": (["OldStandard-Bold.ttf"], "serif_bold"),
    "cardo": (["Cardo104s.ttf"], "serif"),
    "century_catalogue": (["Century-Catalogue.ttf"], "serif"),
    "gnu_typewriter": (["GNUTypewriter.ttf"], "mono_bold"),
    "didot_bold": (["GFSDidotBold.otf"], "serif_bold"),
    "didot_bold_italic": (["GFSDidotBoldItalic.otf"], "serif_italic"),
    "goudy_bookletter": (["GoudyBookletter1911.otf"], "serif"),
    "romande_demibold": (["RomandeADFStd-DemiBold.otf"], "serif_bold"),
    "baskervald": (["BaskervaldADFStd.otf"], "serif"),
    "baskervald_bold": (["BaskervaldADFStd-Bold.otf"], "serif_bold"),
    "baskervald_heavy": (["BaskervaldADFStd-Heavy.otf"], "serif_bold"),
    "bebas_neue": (["BebasNeue-Bold.otf"], "bold"),
    "spartan_bold": (["LeagueSpartan-Bold.otf"], "bold"),
    "spartan_semibold": (["LeagueSpartan-SemiBold.otf"], "bold"),
    "tuffy": (["Tuffy.ttf", "tuffy_regular.ttf"], "sans"),
    "tribun": (["TribunADFStd-Regular.otf"], "serif"),
    "tribun_bold": (["TribunADFStd-Bold.otf"], "serif_bold"),
    "tribun_extrabold": (["TribunADFStd-ExtraBold.otf"], "serif_bold"),
    "osifont": (["osifont.ttf"], "sans"),
    "mekanus_titling_bold": (["MekanusADFTitlingStd-Bold.otf"], "serif_bold"),
    "accanthis_bold": (["AccanthisADFStd-Bold.otf"], "serif_bold"),
    "berenis_bold": (["BerenisADFPro-Bold.otf"], "serif_bold"),
    "fanwood_text": (["FanwoodText.otf"], "serif"),
    "scheherazade": (["Scheherazade-Regular.ttf"], "serif"),
    "rasa": (["Rasa-Regular.ttf"], "serif"),
    "rasa_semibold": (["Rasa-SemiBold.ttf"], "serif_bold"),
    "rasa_bold": (["Rasa-Bold.ttf"], "serif_bold"),
    "elstob_bold": (["ElstobD-18ptBold.otf"], "serif_bold"),
    "prociono": (["Prociono.otf"], "serif"),
    "junicode": (["JunicodeTwoBeta-Regular.otf"], "serif"),
    "elegante": (["elegital.ttf"], "serif_italic"),
    "ptserif": (["PTF55F.ttf"], "serif"),
    "ptserif_bold": (["PTF75F.ttf"], "serif_bold"),
    "jara_bold": (["Jara_Bold.ttf"], "serif_bold"),
    "naskh": (["NotoNaskhArabic-Regular.ttf"], "serif"),
    "naskh_bold": (["NotoNaskhArabic-Bold.ttf"], "serif_bold"),
    "cantarell_extrabold": (["Cantarell-ExtraBold.otf"], "bold"),
    "cantarell_bold": (["Cantarell-Bold.otf"], "bold"),
    "opensans": (["OpenSans-Regular.ttf"], "sans"),
    "opensans_bold": (["OpenSans-Bold.ttf"], "bold"),
    "notoserif_display_bold": (["NotoSerifDisplay-Bold.ttf"], "serif_bold"),
    "quercus": (["Quercus.ttf"], "serif"),
    "quercus_bold": (["Quercus_Bold.ttf"], "serif_bold"),
    "tinos": (["Tinos-Regular.ttf"], "serif"),
    "tinos_bold": (["Tinos-Bold.ttf"], "serif_bold"),
    "cmu_bold": (["cmunbx.ttf"], "serif_bold"),
    "cmu_sans_bold": (["cmunsx.ttf"], "bold"),
    "cmu_concrete": (["cmunorm.ttf"], "serif"),
    "cmu_serif_extra_bold": (["cmunrb.ttf"], "serif_bold"),
    "babel_bold": (["BABEbold.ttf"], "serif_bold"),
    "babel_bold_italic": (["BABEboit.ttf"], "serif_bold"),
    "emerita": (["emerita_latina.ttf"], "serif"),
    "karmilla": (["Karmilla-Regular.ttf"], "sans"),
    "karmilla_bold": (["Karmilla-Bold.ttf"], "bold"),
    "ptsans_narrow_bold": (["PTN77F.ttf"], "bold"),
    "ptmono_bold": (["PTM75F.ttf"], "mono_bold"),
    "arapey_black_display": (["Arapey-Black-Display.otf"], "serif_bold"),
    "arapey_black": (["Arapey-Black.otf"], "serif_bold"),
    "doulos": (["DoulosSIL-Regular.ttf"], "serif"),
    "lindenhill": (["LindenHill.otf"], "serif"),
    "yanone": (["YanoneKaffeesatz-Regular.otf"], "cond"),
    "stix": (["STIXGeneral-Regular.otf"], "serif"),
    "stix_bold": (["STIXGeneral-Bold.otf"], "serif_bold"),
    "kaushan": (["KaushanScript-Regular.otf"], "serif_italic"),
    "libris": (["LibrisADFStd-Regular.otf"], "sans"),
    "libris_bold": (["LibrisADFStd-Bold.otf"], "bold"),
    "breip": (["Breip.ttf"], "sans"),
    "blankenburg": (["Blankenburg_UNZ1A.ttf"], "serif_bold"),
    "artemisia": (["GFSArtemisia.otf"], "serif"),
    "artemisia_bold": (["GFSArtemisiaBold.otf"], "serif_bold"),
    "artemisia_italic": (["GFSArtemisiaIt.otf"], "serif_italic"),
    "essays": (["Essays1743.ttf"], "serif"),
    "essays_bold": (["Essays1743-Bold.ttf"], "serif_bold"),
    "gw_mono": (["GWMonospace.ttf"], "mono_bold"),
    "gw_mono_bold": (["GWMonospaceBold.ttf"], "mono_bold"),
}


@cache
def _font_files() -> dict[str, Path]:
    return {p.name: p for p in FONT_ROOT.rglob("*") if p.suffix in (".ttf", ".otf")} \
        if FONT_ROOT.is_dir() else {}


@lru_cache(maxsize=256)
def face(role: str, size: int) -> ImageFont.FreeTypeFont:
    """The face of ``role`` (see FACES) at ``size`` px."""
    files, fallback = FACES[role]
    for name in files:
        path = _font_files().get(name)
        if path:
            return ImageFont.truetype(str(path), max(4, int(size)))
    return font(fallback, size)


__all__ = ["FACES", "FONT_ROOT", "face"]
