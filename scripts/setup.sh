#!/usr/bin/env bash
# Installs everything formgen needs on a Debian/Ubuntu machine:
# Tesseract 5 with Indonesian data (system packages, only when missing)
# and a virtual environment .venv with the Python dependencies.
set -euo pipefail
cd "$(dirname "$0")/.."

need_apt=()
command -v tesseract >/dev/null 2>&1 || need_apt+=(tesseract-ocr)
if ! tesseract --list-langs 2>/dev/null | grep -qx ind; then need_apt+=(tesseract-ocr-ind); fi
[ -d /usr/share/fonts/truetype/dejavu ] || need_apt+=(fonts-dejavu-core)
# the browser tests of the web app drive Debian's Chromium
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
command -v chromedriver >/dev/null 2>&1 || need_apt+=(chromium-driver)
# Type faces of the simulated ijazah designs (serif titles, a script-like face for names).
[ -d /usr/share/fonts/opentype/urw-base35 ] || need_apt+=(fonts-urw-base35)
[ -d /usr/share/fonts/truetype/liberation ] || need_apt+=(fonts-liberation)
[ -d /usr/share/fonts/truetype/freefont ] || need_apt+=(fonts-freefont-ttf)
# Type faces of the simulated KTP-el designs (an OCR-A NIK among them; Liberation and
# FreeFont above); the KTP reader matches NIK digits against OCR-A and the mono faces.
[ -f /usr/share/fonts/truetype/ocr-a/OCRA.ttf ] || need_apt+=(fonts-ocr-a)
# Faces of later card and diploma designs: Inconsolata for one card's NIK, the Go family
# (Go Mono for a dot-matrix NIK, Go and Go Smallcaps for text); the NIK reader knows neither.
[ -f /usr/share/fonts/truetype/inconsolata/Inconsolata.otf ] || need_apt+=(fonts-inconsolata)
[ -f /usr/share/fonts/fonts-go/Go-Mono.ttf ] || need_apt+=(fonts-go)
# Faces of the sixth group of card and diploma designs: Roboto (Condensed Bold for one
# card's NIK) and JetBrains Mono (another card's NIK), Lato for text; the NIK reader knows
# neither NIK face.
[ -f /usr/share/fonts/truetype/roboto/unhinted/RobotoCondensed-Bold.ttf ] \
    || need_apt+=(fonts-roboto-unhinted)
[ -f /usr/share/fonts/truetype/jetbrains-mono/JetBrainsMono-Bold.ttf ] \
    || need_apt+=(fonts-jetbrains-mono)
[ -f /usr/share/fonts/truetype/lato/Lato-Regular.ttf ] || need_apt+=(fonts-lato)
# Faces of the seventh group of card and diploma designs: Fira Code and Anonymous Pro for
# two cards' NIKs (the NIK reader knows neither), Carlito and Cantarell for card text,
# Caladea and Dancing Script (a pen's cursive) for diplomas.
[ -f /usr/share/fonts/truetype/firacode/FiraCode-Bold.ttf ] || need_apt+=(fonts-firacode)
[ -f "/usr/share/fonts/truetype/anonymous-pro/Anonymous Pro B.ttf" ] \
    || need_apt+=(fonts-anonymous-pro)
[ -f /usr/share/fonts/truetype/crosextra/Carlito-Regular.ttf ] \
    || need_apt+=(fonts-crosextra-carlito)
[ -f /usr/share/fonts/truetype/crosextra/Caladea-Bold.ttf ] \
    || need_apt+=(fonts-crosextra-caladea)
[ -f /usr/share/fonts/opentype/cantarell/Cantarell-Regular.otf ] || need_apt+=(fonts-cantarell)
[ -f /usr/share/fonts/opentype/dancingscript/DancingScript-Regular.otf ] \
    || need_apt+=(fonts-dancingscript)
# Faces of the eighth group of card and diploma designs: Hack and Cousine for two cards'
# NIKs (the NIK reader knows neither), Noto Sans, Arimo and Tinos for card text, Amiri
# (Arabic script), Noto Serif and EB Garamond (small capitals) for diplomas.
[ -f /usr/share/fonts/truetype/hack/Hack-Bold.ttf ] || need_apt+=(fonts-hack)
[ -f /usr/share/fonts/truetype/croscore/Cousine-Bold.ttf ] || need_apt+=(fonts-croscore)
[ -f /usr/share/fonts/truetype/noto/NotoSerif-Regular.ttf ] || need_apt+=(fonts-noto-core)
[ -f /usr/share/fonts/opentype/fonts-hosny-amiri/Amiri-Regular.ttf ] \
    || need_apt+=(fonts-hosny-amiri)
[ -f /usr/share/fonts/opentype/ebgaramond/EBGaramond12-Regular.otf ] \
    || need_apt+=(fonts-ebgaramond)
# Faces of the ninth group of card designs: Open Sans and B612 for card text, mononoki and
# B612 Mono for two cards' NIKs (the NIK reader knows neither).
[ -f /usr/share/fonts/truetype/open-sans/OpenSans-Regular.ttf ] || need_apt+=(fonts-open-sans)
[ -f /usr/share/fonts/truetype/mononoki/mononoki-Bold.ttf ] || need_apt+=(fonts-mononoki)
[ -f /usr/share/fonts/opentype/b612/B612Mono-Bold.otf ] || need_apt+=(fonts-b612)
# Linux Libertine and Biolinum for the ninth group's diplomas.
[ -f /usr/share/fonts/opentype/linux-libertine/LinLibertine_R.otf ] \
    || need_apt+=(fonts-linuxlibertine)
# Faces of the tenth group of card designs: PT Sans and Clear Sans for card text, OCR-B and
# League Mono for two cards' NIKs (the NIK reader knows neither).
[ -f /usr/share/fonts/truetype/paratype/PTS55F.ttf ] || need_apt+=(fonts-paratype)
[ -f /usr/share/fonts/opentype/ocr-b/OCRB.otf ] || need_apt+=(fonts-ocr-b)
[ -f /usr/share/fonts/truetype/clear-sans/ClearSans-Regular.ttf ] || need_apt+=(fonts-clear-sans)
[ -f /usr/share/fonts/opentype/league-mono/LeagueMono-SemiBold.otf ] \
    || need_apt+=(fonts-league-mono)
# ADF Gillius, Charis SIL and Courier Prime (a dot-matrix printer's fill) for the tenth
# group's diplomas.
[ -f /usr/share/fonts/truetype/adf/GilliusADF-Regular.otf ] || need_apt+=(fonts-adf-gillius)
[ -f /usr/share/fonts/truetype/charis/CharisSIL-Regular.ttf ] || need_apt+=(fonts-sil-charis)
[ -f "/usr/share/fonts/opentype/courier-prime/Courier Prime.otf" ] \
    || need_apt+=(fonts-courier-prime)
# Faces of the eleventh group of card designs: Inter and Oxygen for card text, Fantasque
# Sans Mono and M+ 1 Code for two cards' NIKs (the NIK reader knows neither).
[ -f /usr/share/fonts/opentype/inter/Inter-Regular.otf ] || need_apt+=(fonts-inter)
[ -f /usr/share/fonts/truetype/fantasque-sans/Normal/TTF/FantasqueSansMono-Bold.ttf ] \
    || need_apt+=(fonts-fantasque-sans)
[ -f /usr/share/fonts/truetype/oxygen/Oxygen-Sans.ttf ] || need_apt+=(fonts-oxygen)
[ -f /usr/share/fonts/opentype/mplus/Mplus1Code-Bold.otf ] || need_apt+=(fonts-mplus)
# Quattrocento and Cabin (an office inkjet's fill), Vollkorn and Gentium Plus for the
# eleventh group's diplomas.
[ -f /usr/share/fonts/opentype/quattrocento/Quattrocento-Regular.otf ] \
    || need_apt+=(fonts-quattrocento)
[ -f /usr/share/fonts/opentype/cabin/Cabin-Regular.otf ] || need_apt+=(fonts-cabin)
[ -f /usr/share/fonts/truetype/vollkorn/Vollkorn-Bold.ttf ] || need_apt+=(fonts-vollkorn)
[ -f /usr/share/fonts/truetype/gentiumplus/GentiumPlus-Regular.ttf ] \
    || need_apt+=(fonts-sil-gentiumplus)
# Faces of the twelfth group of card designs: Karla and Manrope for card text, Hermit and
# Monoid for two cards' NIKs (the NIK reader knows neither).
[ -f /usr/share/fonts/truetype/karla/Karla-Regular.otf ] || need_apt+=(fonts-karla)
[ -f /usr/share/fonts/truetype/hermit/Hermit-bold.otf ] || need_apt+=(fonts-hermit)
[ -f /usr/share/fonts/truetype/manrope/Manrope-Medium.ttf ] || need_apt+=(fonts-manrope)
[ -f /usr/share/fonts/truetype/monoid/Monoid-Bold.ttf ] || need_apt+=(fonts-monoid)
# Yrsa and Junction, Old Standard and Cardo for the twelfth group's diplomas.
[ -f /usr/share/fonts/truetype/fonts-yrsa-rasa/Yrsa-Regular.ttf ] \
    || need_apt+=(fonts-yrsa-rasa)
[ -f /usr/share/fonts/opentype/junction/Junction.otf ] || need_apt+=(fonts-junction)
[ -f /usr/share/fonts/truetype/fonts-oldstandard/OldStandard-Bold.ttf ] \
    || need_apt+=(fonts-oldstandard)
[ -f /usr/share/fonts/truetype/cardo/Cardo104s.ttf ] || need_apt+=(fonts-cardo)
# Faces of the thirteenth group of card designs: Andika and Open DIN for card text, Agave
# and IBM 3270 for two cards' NIKs (the NIK reader knows neither).
[ -f /usr/share/fonts/truetype/andika/Andika-Regular.ttf ] || need_apt+=(fonts-sil-andika)
[ -f /usr/share/fonts/truetype/agave/agave-b-autohinted.ttf ] || need_apt+=(fonts-agave)
[ -f /usr/share/fonts/truetype/opendin/OSP-DIN.ttf ] || need_apt+=(fonts-opendin)
[ -f /usr/share/fonts/truetype/3270/3270-Regular.ttf ] || need_apt+=(fonts-3270)
# Century Catalogue and GNU Typewriter, GFS Didot and Goudy Bookletter for the thirteenth
# group's diplomas.
[ -f /usr/share/fonts/truetype/fonts-century-catalogue/Century-Catalogue.ttf ] \
    || need_apt+=(fonts-century-catalogue)
[ -f /usr/share/fonts/truetype/gnutypewriter/GNUTypewriter.ttf ] \
    || need_apt+=(fonts-gnutypewriter)
[ -f /usr/share/fonts/opentype/didot/GFSDidotBold.otf ] || need_apt+=(fonts-gfs-didot)
[ -f /usr/share/fonts/opentype/sortsmill/GoudyBookletter1911.otf ] \
    || need_apt+=(fonts-goudybookletter)
# Faces of the fourteenth group of card designs: Sora and Tiresias Infofont for card text,
# D2Coding and Tlwg Mono for two cards' NIKs (the NIK reader knows neither).
[ -f /usr/share/fonts/opentype/sora/Sora-Regular.otf ] || need_apt+=(fonts-sora)
[ -f /usr/share/fonts/truetype/naver-d2coding/D2Coding-Ver1.3.2-20180524-all.ttc ] \
    || need_apt+=(fonts-naver-d2coding)
[ -f /usr/share/fonts/truetype/tiresias/tiresias_infofont.ttf ] || need_apt+=(fonts-tiresias)
[ -f /usr/share/fonts/truetype/tlwg/TlwgMono-Bold.ttf ] || need_apt+=(fonts-tlwg-mono-ttf)
# Romande ADF and Baskervald ADF, Bebas Neue, League Spartan and Tuffy for the fourteenth
# group's diplomas.
[ -f /usr/share/fonts/truetype/adf/RomandeADFStd-DemiBold.otf ] || need_apt+=(fonts-adf-romande)
[ -f /usr/share/fonts/truetype/adf/BaskervaldADFStd.otf ] || need_apt+=(fonts-adf-baskervald)
[ -f /usr/share/fonts/opentype/bebas-neue/BebasNeue-Bold.otf ] || need_apt+=(fonts-bebas-neue)
[ -f /usr/share/fonts/opentype/league-spartan/LeagueSpartan-Bold.otf ] \
    || need_apt+=(fonts-league-spartan)
[ -f /usr/share/fonts/truetype/tuffy/Tuffy.ttf ] || need_apt+=(fonts-tuffy)
# Faces of the fifteenth group of card designs: Switzera ADF and Universalis ADF for card
# text, BIZ UDGothic and CMU Typewriter for two cards' NIKs (the NIK reader knows neither).
[ -f /usr/share/fonts/truetype/adf/SwitzeraADF-Regular.otf ] || need_apt+=(fonts-adf-switzera)
[ -f /usr/share/fonts/truetype/adf/UniversalisADFStd-Regular.otf ] \
    || need_apt+=(fonts-adf-universalis)
[ -f /usr/share/fonts/truetype/bizud-gothic/BIZUDGothic-Bold.ttf ] \
    || need_apt+=(fonts-morisawa-bizud-gothic)
[ -f /usr/share/fonts/truetype/cmu/cmuntb.ttf ] || need_apt+=(fonts-cmu)
# Tribun ADF and osifont (stencil lettering), Mekanus ADF, Accanthis ADF, Berenis ADF,
# Fanwood and Scheherazade (Arabic) for the fifteenth group's diplomas.
[ -f /usr/share/fonts/truetype/adf/TribunADFStd-Regular.otf ] || need_apt+=(fonts-adf-tribun)
[ -f /usr/share/fonts/truetype/osifont/osifont.ttf ] || need_apt+=(fonts-osifont)
[ -f /usr/share/fonts/truetype/adf/MekanusADFTitlingStd-Bold.otf ] \
    || need_apt+=(fonts-adf-mekanus)
[ -f /usr/share/fonts/truetype/adf/AccanthisADFStd-Bold.otf ] \
    || need_apt+=(fonts-adf-accanthis)
[ -f /usr/share/fonts/truetype/adf/BerenisADFPro-Bold.otf ] || need_apt+=(fonts-adf-berenis)
[ -f /usr/share/fonts/truetype/fanwood/FanwoodText.otf ] || need_apt+=(fonts-fanwood)
[ -f /usr/share/fonts/truetype/scheherazade/Scheherazade-Regular.ttf ] \
    || need_apt+=(fonts-sil-scheherazade)
# Faces of the sixteenth group of card designs: Roboto Slab and Dosis for card text, Jura
# and Play for two cards' NIKs (the NIK reader knows neither).
[ -f /usr/share/fonts/opentype/roboto/slab/RobotoSlab-Regular.otf ] \
    || need_apt+=(fonts-roboto-slab)
[ -f /usr/share/fonts/opentype/dosis/Dosis-Bold.otf ] || need_apt+=(fonts-dosis)
[ -f /usr/share/fonts/opentype/jura/Jura-Bold.otf ] || need_apt+=(fonts-jura)
[ -f /usr/share/fonts/truetype/play/Play-Bold.ttf ] || need_apt+=(fonts-play)
# Rasa (fonts-yrsa-rasa, above), Elstob, Prociono, Junicode and Elegante (a copperplate
# script, in fonts-linex) for the sixteenth group's diplomas.
[ -f /usr/share/fonts/opentype/elstob/ElstobD-18ptBold.otf ] || need_apt+=(fonts-elstob)
[ -f /usr/share/fonts/opentype/fonts-prociono/Prociono.otf ] || need_apt+=(fonts-prociono)
[ -f /usr/share/fonts/opentype/junicode/JunicodeTwoBeta-Regular.otf ] \
    || need_apt+=(fonts-junicode)
[ -f /usr/share/fonts/truetype/linex/elegital.ttf ] || need_apt+=(fonts-linex)
# Faces of the nineteenth group of card designs: Routed Gothic and Beteckna for card text,
# Monofur and Allerta for two cards' NIKs (the NIK reader knows neither).
[ -f /usr/share/fonts/truetype/routed-gothic/routed-gothic.ttf ] \
    || need_apt+=(fonts-routed-gothic)
[ -f /usr/share/fonts/truetype/beteckna/BetecknaGS.ttf ] || need_apt+=(fonts-beteckna)
[ -f /usr/share/fonts/truetype/monofur/monof55.ttf ] || need_apt+=(fonts-monofur)
[ -f /usr/share/fonts/opentype/allerta/allerta_medium.otf ] || need_apt+=(fonts-allerta)
# Karmilla for the nineteenth group's diplomas (their BABEL and Emerita Latina come with
# fonts-linex, PT Sans Narrow and PT Mono with fonts-paratype, both above).
[ -f /usr/share/fonts/truetype/karmilla/Karmilla-Regular.ttf ] || need_apt+=(fonts-karmilla)
# Faces of the twentieth group of card designs: Averia Sans and GFS Neohellenic for card
# text, Road Geek (Series E) and National Park for two cards' NIKs (the NIK reader knows
# neither).
[ -f /usr/share/fonts/truetype/averia-gwf/AveriaSansGWF-Regular.ttf ] \
    || need_apt+=(fonts-averia-sans-gwf)
[ -f /usr/share/fonts/truetype/roadgeek/RG2014E.ttf ] || need_apt+=(fonts-roadgeek)
[ -f /usr/share/fonts/opentype/neohellenic/GFSNeohellenic.otf ] \
    || need_apt+=(fonts-gfs-neohellenic)
[ -f /usr/share/fonts/opentype/national-park/NationalPark-Heavy.otf ] \
    || need_apt+=(fonts-national-park)
# Arapey, Doulos SIL, Linden Hill and Yanone Kaffeesatz (a condensed typed fill-in) for the
# twentieth group's diplomas.
[ -f /usr/share/fonts/opentype/arapey/Arapey-Black.otf ] || need_apt+=(fonts-arapey)
[ -f /usr/share/fonts/truetype/doulos/DoulosSIL-Regular.ttf ] || need_apt+=(fonts-sil-doulos)
[ -f /usr/share/fonts/truetype/lindenhill/LindenHill.otf ] || need_apt+=(fonts-lindenhill)
[ -f /usr/share/fonts/opentype/yanone-kaffeesatz/YanoneKaffeesatz-Regular.otf ] \
    || need_apt+=(fonts-yanone-kaffeesatz)
# Faces of the twenty-first group of card designs: Nanum Barun Gothic and Quicksand for card
# text, Nanum Gothic Coding and DotGothic16 for two cards' NIKs.
[ -f /usr/share/fonts/truetype/nanum/NanumGothicCodingBold.ttf ] || need_apt+=(fonts-nanum)
[ -f /usr/share/fonts/truetype/quicksand/Quicksand-Bold.ttf ] || need_apt+=(fonts-quicksand)
[ -f /usr/share/fonts/truetype/dotgothic16/DotGothic16-Regular.ttf ] \
    || need_apt+=(fonts-dotgothic16)
# STIX, Kaushan Script (a brush script), Libris ADF and Breip (a ballpoint hand) for the
# twenty-first group's diplomas.
[ -f /usr/share/fonts/opentype/stix/STIXGeneral-Bold.otf ] || need_apt+=(fonts-stix)
[ -f /usr/share/fonts/opentype/kaushanscript/KaushanScript-Regular.otf ] \
    || need_apt+=(fonts-kaushanscript)
[ -f /usr/share/fonts/truetype/adf/LibrisADFStd-Bold.otf ] || need_apt+=(fonts-adf-libris)
[ -f /usr/share/fonts/truetype/breip/Breip.ttf ] || need_apt+=(fonts-breip)
# Faces of the twenty-second group of card designs: UnDotum and Sawarabi Gothic for card
# text, Ricty Diminished and IPA Gothic for two cards' NIKs.
[ -f /usr/share/fonts/truetype/unfonts-core/UnDotumBold.ttf ] || need_apt+=(fonts-unfonts-core)
[ -f /usr/share/fonts/truetype/ricty-diminished/RictyDiminished-Bold.ttf ] \
    || need_apt+=(fonts-ricty-diminished)
[ -f /usr/share/fonts/truetype/sawarabi-gothic/sawarabi-gothic-medium.ttf ] \
    || need_apt+=(fonts-sawarabi-gothic)
[ -f /usr/share/fonts/opentype/ipafont-gothic/ipag.ttf ] || need_apt+=(fonts-ipafont-gothic)
# Blankenburg (a blackletter), GFS Artemisia, Essays 1743 and George Williams' monospace
# (struck as a dot-matrix printer's) for the twenty-second group's diplomas.
[ -f /usr/share/fonts/truetype/blankenburg/Blankenburg_UNZ1A.ttf ] \
    || need_apt+=(fonts-blankenburg)
[ -f /usr/share/fonts/opentype/artemisia/GFSArtemisiaBold.otf ] \
    || need_apt+=(fonts-gfs-artemisia)
[ -f /usr/share/fonts/truetype/essays1743/Essays1743-Bold.ttf ] || need_apt+=(fonts-essays1743)
[ -f /usr/share/fonts/truetype/fonts-georgewilliams/GWMonospaceBold.ttf ] \
    || need_apt+=(fonts-georgewilliams)
# Kinnari and Umpush (Thai packages' Latin), Irianis ADF and Ikarius ADF for the
# twenty-third group's diplomas.
[ -f /usr/share/fonts/truetype/tlwg/Kinnari-Bold.ttf ] || need_apt+=(fonts-tlwg-kinnari-ttf)
[ -f /usr/share/fonts/truetype/tlwg/Umpush-Bold.ttf ] || need_apt+=(fonts-tlwg-umpush-ttf)
[ -f /usr/share/fonts/truetype/adf/IrianisADFStyleStd-Bold.otf ] || need_apt+=(fonts-adf-irianis)
[ -f /usr/share/fonts/truetype/adf/IkariusADFStd-Bold.otf ] || need_apt+=(fonts-adf-ikarius)
# Faces of the twenty-third group of card designs: Aerial (an Arial-like grotesque) and
# Lexi Gulim for card text, WenQuanYi Micro Hei and Motoya L Maruberi for two cards' NIKs.
[ -f /usr/share/fonts/truetype/arkpandora/AerialBd.ttf ] || need_apt+=(fonts-arkpandora)
[ -f /usr/share/fonts/truetype/wqy/wqy-microhei.ttc ] || need_apt+=(fonts-wqy-microhei)
[ -f /usr/share/fonts/truetype/lexi/LexiGulim.ttf ] || need_apt+=(fonts-lexi-gulim)
[ -f /usr/share/fonts/truetype/motoya-l-maruberi/MTLmr3m.ttf ] \
    || need_apt+=(fonts-motoya-l-maruberi)
# Norasi and Laksaman (Thai packages' Latin) and Isabella for the twenty-fourth group's
# diplomas.
[ -f /usr/share/fonts/truetype/tlwg/Norasi-BoldItalic.ttf ] || need_apt+=(fonts-tlwg-norasi-ttf)
[ -f /usr/share/fonts/truetype/tlwg/Laksaman-BoldItalic.ttf ] \
    || need_apt+=(fonts-tlwg-laksaman-ttf)
[ -f /usr/share/fonts/truetype/isabella/Isabella.ttf ] || need_apt+=(fonts-isabella)
# Faces of the twenty-fourth group of card designs: Ume P Gothic for one card's text and
# Ume Gothic for its NIK, Baekmuk Dotum and Gulim for the other's text, Comfortaa for its NIK.
[ -f /usr/share/fonts/truetype/horai-umefont/ume-tgo5.ttf ] || need_apt+=(fonts-horai-umefont)
[ -f /usr/share/fonts/truetype/baekmuk/dotum.ttf ] || need_apt+=(fonts-baekmuk)
[ -f /usr/share/fonts/truetype/comfortaa/Comfortaa-Bold.ttf ] || need_apt+=(fonts-comfortaa)
# Dustismo Roman and Gamaliel for one of the twenty-fifth group's diplomas, Lemonada for
# the other.
[ -f /usr/share/fonts/truetype/dustin/Dustismo_Roman_Italic_Bold.ttf ] \
    || need_apt+=(fonts-dustin)
[ -f /usr/share/fonts/truetype/gamaliel/Gamaliel.ttf ] || need_apt+=(fonts-gamaliel)
[ -f /usr/share/fonts/opentype/lemonada/Lemonada-Bold.otf ] || need_apt+=(fonts-lemonada)
# Faces of the twenty-fifth group of card designs: Eurofurence for one card's text and its
# condensed bold for its NIK, Dustismo (of fonts-dustin, above) for the other's text,
# Compagnon for its NIK.
[ -f /usr/share/fonts/truetype/eurofurence/eurofc75.ttf ] || need_apt+=(fonts-eurofurence)
[ -f /usr/share/fonts/opentype/compagnon/Compagnon-Medium.otf ] || need_apt+=(fonts-compagnon)
# Museum (a Centaur revival) and Averia Serif for one of the twenty-sixth group's diplomas,
# Verana Sans and Klaudia for the other.
[ -f /usr/share/fonts/opentype/levien/MuseumBible.otf ] || need_apt+=(fonts-levien-museum)
[ -f /usr/share/fonts/truetype/averia-gwf/AveriaSerifGWF-BoldItalic.ttf ] \
    || need_apt+=(fonts-averia-serif-gwf)
[ -f /usr/share/fonts/truetype/adf/VeranaSansDemi-Regular.otf ] || need_apt+=(fonts-adf-verana)
[ -f /usr/share/fonts/truetype/klaudia-berenika/Klaudia-Bold.ttf ] \
    || need_apt+=(fonts-klaudia-berenika)
# Faces of the twenty-sixth group of card designs: Millimetre for one card's text and
# Komatuna for its NIK, Konatu for the other's text and its even-width cut for its NIK.
[ -f "/usr/share/fonts/opentype/millimetre/millimetreA Bold 01.otf" ] \
    || need_apt+=(fonts-millimetre)
[ -f /usr/share/fonts/truetype/komatuna/komatuna.ttf ] || need_apt+=(fonts-komatuna)
[ -f /usr/share/fonts/truetype/konatu/KonatuTohaba.ttf ] || need_apt+=(fonts-konatu)
# Jessen and Hamlet (of the Gotico-Antiqua revivals) and BIZ UDPMincho for one of the
# twenty-seventh group's diplomas, Oldania ADF, Damase and Lobster Two for the other.
[ -f /usr/share/fonts/opentype/gotico-antiqua/Hamlet-Tertia18.otf ] \
    || need_apt+=(fonts-gotico-antiqua)
[ -f /usr/share/fonts/truetype/bizud-mincho/BIZUDPMincho-Regular.ttf ] \
    || need_apt+=(fonts-morisawa-bizud-mincho)
[ -f /usr/share/fonts/truetype/adf/OldaniaADFStd-Bold.otf ] || need_apt+=(fonts-adf-oldania)
[ -f /usr/share/fonts/truetype/mph-2b-damase/damase.ttf ] || need_apt+=(fonts-mph-2b-damase)
[ -f /usr/share/fonts/opentype/lobstertwo/LobsterTwo-Bold.otf ] || need_apt+=(fonts-lobstertwo)
# Faces of the twenty-seventh group of card designs: Aboriginal Sans for one card's text and
# POV-Ray's Crystal for its NIK, BPG Sans for the other's text and BPG Courier S for its NIK.
[ -f /usr/share/fonts/truetype/aboriginal/AboriginalSansBOLD9433.ttf ] \
    || need_apt+=(fonts-lg-aboriginal)
[ -f /usr/share/fonts/truetype/povray/crystal.ttf ] || need_apt+=(fonts-povray)
[ -f "/usr/share/fonts/truetype/fonts-bpg-georgian/BPG_Courier_S_GPL&GNU.ttf" ] \
    || need_apt+=(fonts-bpg-georgian)
# Solide Mirage, IndUni-N and TlwgTypewriter for one of the twenty-eighth group's
# diplomas, IndUni-T, Loma and Sawasdee for the other.
[ -f /usr/share/fonts/opentype/solid-mirage/SolideMirageEtroit.otf ] \
    || need_apt+=(fonts-solide-mirage)
[ -f /usr/share/fonts/opentype/fonts-johnsmith-induni/IndUni-N/IndUni-N-Roman.otf ] \
    || need_apt+=(fonts-johnsmith-induni)
[ -f /usr/share/fonts/truetype/tlwg/TlwgTypewriter-Bold.ttf ] \
    || need_apt+=(fonts-tlwg-typewriter-ttf)
[ -f /usr/share/fonts/truetype/tlwg/Loma-Bold.ttf ] || need_apt+=(fonts-tlwg-loma-ttf)
[ -f /usr/share/fonts/truetype/tlwg/Sawasdee-Bold.ttf ] || need_apt+=(fonts-tlwg-sawasdee-ttf)
# Faces of the twenty-eighth group of card designs: IndUni-H for one card's text and
# Okolaks Bold for its NIK, the Uralic fonts' narrow grotesque for the other's text and
# Radis Sans for its NIK.
[ -f /usr/share/fonts/truetype/okolaks/okolaksBold.ttf ] || need_apt+=(fonts-okolaks)
[ -f /usr/share/fonts/truetype/uralic/sanscub_.ttf ] || need_apt+=(fonts-uralic)
[ -f /usr/share/fonts/opentype/radisnoir/RadisSans-medium.otf ] || need_apt+=(fonts-radisnoir)
# Rachana and Meera for one of the twenty-ninth group's diplomas, Abyssinica SIL, Sophia
# Nubian and Havana for the other.
[ -f /usr/share/fonts/truetype/malayalam/Rachana-Bold.ttf ] || need_apt+=(fonts-smc-rachana)
[ -f /usr/share/fonts/truetype/malayalam/Meera-Regular.ttf ] || need_apt+=(fonts-smc-meera)
[ -f /usr/share/fonts/truetype/abyssinica/AbyssinicaSIL-Regular.ttf ] \
    || need_apt+=(fonts-sil-abyssinica)
[ -f /usr/share/fonts/truetype/sophia-nubian/SNB.ttf ] || need_apt+=(fonts-sil-sophia-nubian)
[ -f /usr/share/fonts/opentype/havana/Havana-Regular.otf ] || need_apt+=(fonts-havana)
# Faces of the twenty-ninth group of card designs: Padauk for one card's text and Gemunu
# Libre ExtraBold for its NIK, Gayathri for the other's text and Manjari Bold for its NIK.
[ -f /usr/share/fonts/truetype/padauk/Padauk-Bold.ttf ] || need_apt+=(fonts-sil-padauk)
[ -f /usr/share/fonts/opentype/gemunu-libre/GemunuLibre-ExtraBold.otf ] \
    || need_apt+=(fonts-gemunu-libre)
[ -f /usr/share/fonts/opentype/malayalam/Gayathri-Bold.otf ] || need_apt+=(fonts-smc-gayathri)
[ -f /usr/share/fonts/opentype/malayalam/Manjari-Bold.otf ] || need_apt+=(fonts-smc-manjari)
# Galatia SIL and Kristi (a felt-tip hand) for one of the thirtieth group's diplomas,
# Summersby and Apropal for the other.
[ -f /usr/share/fonts/truetype/galatia/GalSILB.ttf ] || need_apt+=(fonts-sil-galatia)
[ -f /usr/share/fonts/truetype/kristi/Kristi.ttf ] || need_apt+=(fonts-kristi)
[ -f /usr/share/fonts/truetype/summersby/summersby.ttf ] || need_apt+=(fonts-summersby)
[ -f /usr/share/fonts/opentype/apropal/Apropal-Bold.otf ] || need_apt+=(fonts-apropal)
# Faces of the thirtieth group of card designs: Comic Neue for one card's text and the IBM
# VGA face of fonts-pc for its NIK (Glass TTY VT220 for its fax machine's header line),
# OpenDyslexic for the other's text and BabelStone Modern for its NIK.
[ -f /usr/share/fonts/opentype/comic-neue/ComicNeue-Bold.otf ] || need_apt+=(fonts-comic-neue)
[ -f /usr/share/fonts/pc/Px_IBM_VGA8.ttf ] || need_apt+=(fonts-pc)
[ -f /usr/share/fonts/truetype/glasstty/Glass_TTY_VT220.ttf ] || need_apt+=(fonts-glasstty)
[ -f /usr/share/fonts/opentype/opendyslexic/OpenDyslexic-Bold.otf ] \
    || need_apt+=(fonts-opendyslexic)
[ -f /usr/share/fonts/truetype/babelstone/BabelStoneModern.ttf ] \
    || need_apt+=(fonts-babelstone-modern)
# Alkalami, Lexi Saebom and TlwgTypist (its typewriter) for one of the thirty-first group's
# diplomas, Garuda and Uroob for the other.
[ -f /usr/share/fonts/truetype/alkalami/Alkalami-Regular.ttf ] || need_apt+=(fonts-sil-alkalami)
[ -f /usr/share/fonts/truetype/lexi/LexiSaebomR.ttf ] || need_apt+=(fonts-lexi-saebom)
[ -f /usr/share/fonts/truetype/tlwg/TlwgTypist-Bold.ttf ] || need_apt+=(fonts-tlwg-typist-ttf)
[ -f /usr/share/fonts/truetype/tlwg/Garuda-Bold.ttf ] || need_apt+=(fonts-tlwg-garuda-ttf)
[ -f /usr/share/fonts/truetype/malayalam/Uroob-Regular.ttf ] || need_apt+=(fonts-smc-uroob)
# Faces of the thirty-first group of card designs: Harmattan for one card's text and Thabit
# Bold for its NIK, Motoya L Cedar for the other's text and MMCedar for its NIK.
[ -f /usr/share/fonts/truetype/harmattan/Harmattan-Bold.ttf ] || need_apt+=(fonts-sil-harmattan)
[ -f /usr/share/fonts/opentype/fonts-hosny-thabit/Thabit-Bold.ttf ] \
    || need_apt+=(fonts-hosny-thabit)
[ -f /usr/share/fonts/truetype/motoya-l-cedar/MTLc3m.ttf ] || need_apt+=(fonts-motoya-l-cedar)
[ -f /usr/share/fonts/truetype/mmcedar/MMCedar.ttf ] || need_apt+=(fonts-mmcedar)
# IPAex Mincho, Train One and TlwgTypo (its typewriter) for one of the thirty-second
# group's diplomas, Lateef and Le Murmure for the other.
[ -f /usr/share/fonts/opentype/ipaexfont-mincho/ipaexm.ttf ] || need_apt+=(fonts-ipaexfont-mincho)
[ -f /usr/share/fonts/truetype/train/TrainOne-Regular.ttf ] || need_apt+=(fonts-train)
[ -f /usr/share/fonts/truetype/tlwg/TlwgTypo-Bold.ttf ] || need_apt+=(fonts-tlwg-typo-ttf)
[ -f /usr/share/fonts/opentype/lateef/Lateef-ExtraBold.ttf ] || need_apt+=(fonts-sil-lateef)
[ -f /usr/share/fonts/opentype/le-murmure/le-murmure.otf ] || need_apt+=(fonts-le-murmure)
# Faces of the thirty-second group of card designs: Klee One for one card's text and
# Engadget for its NIK, Kiloji for the other's text and Smiley Sans for its NIK.
[ -f /usr/share/fonts/truetype/klee/KleeOne-SemiBold.ttf ] || need_apt+=(fonts-klee)
[ -f /usr/share/fonts/truetype/engadget/Engadget.ttf ] || need_apt+=(fonts-engadget)
[ -f /usr/share/fonts/truetype/kiloji/kiloji_b.ttf ] || need_apt+=(fonts-kiloji)
[ -f /usr/share/fonts/truetype/smiley-sans/SmileySans-Oblique.ttf ] || need_apt+=(fonts-smiley-sans)
# Sawarabi Mincho and Ecolier (its handwriting) for one of the thirty-third group's
# diplomas, Wine's Tahoma and Bajaderka for the other.
[ -f /usr/share/fonts/truetype/sawarabi-mincho/sawarabi-mincho-medium.ttf ] \
    || need_apt+=(fonts-sawarabi-mincho)
[ -f /usr/share/fonts/truetype/ecolier-court/Ecolier-court.ttf ] || need_apt+=(fonts-ecolier-court)
[ -f /usr/share/wine/fonts/tahoma.ttf ] || need_apt+=(fonts-wine)
[ -f /usr/share/fonts/opentype/bajaderka/Bajaderka-Regular.otf ] || need_apt+=(fonts-bajaderka)
# Faces of the thirty-third group of card designs: Wine's Tahoma for one card's text and
# Noto Sans Mono for its NIK, RocknRoll One for the other's text and Triod Postnaja for
# its NIK.
[ -f /usr/share/fonts/truetype/noto/NotoSansMono-Bold.ttf ] || need_apt+=(fonts-noto-mono)
[ -f /usr/share/fonts/truetype/rocknroll/RocknRollOne-Regular.ttf ] || need_apt+=(fonts-rocknroll)
[ -f /usr/share/fonts/truetype/triod-postnaja/TriodPostnaja.ttf ] || need_apt+=(fonts-triod-postnaja)
# Handwriting-like faces the scan simulator writes walk-in packs' digits with.
[ -f /usr/share/fonts/truetype/humor-sans/Humor-Sans.ttf ] || need_apt+=(fonts-humor-sans)
[ -f /usr/share/fonts/truetype/fifthhorseman/dkg.ttf ] || need_apt+=(fonts-dkg-handwriting)
[ -f /usr/share/fonts/truetype/rufscript/Rufscript010.ttf ] || need_apt+=(fonts-rufscript)
if [ ${#need_apt[@]} -gt 0 ]; then
    echo "Memasang paket sistem: ${need_apt[*]}" >&2
    SUDO=""
    [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

PY=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
    "$PY" -m venv .venv
fi
.venv/bin/python -m pip install -q --upgrade pip >/dev/null
.venv/bin/python -m pip install -q -e '.[test]'
echo "formgen siap: .venv/bin/formgen" >&2
