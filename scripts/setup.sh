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
# Type faces of the simulated KTP-el designs (an OCR-A NIK among them).
[ -f /usr/share/fonts/truetype/ocr-a/OCRA.ttf ] || need_apt+=(fonts-ocr-a)
[ -d /usr/share/fonts/truetype/liberation ] || need_apt+=(fonts-liberation)
[ -d /usr/share/fonts/truetype/freefont ] || need_apt+=(fonts-freefont-ttf)
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
