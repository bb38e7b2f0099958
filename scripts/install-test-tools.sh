#!/usr/bin/env bash
# Installs what the tests need beyond the build tools: Debian's Chromium, its driver and a CJK
# font (so Chinese renders in screenshots); LibreOffice's headless Writer, Impress and Calc and
# poppler's tools (the end-to-end tests open the exported Office files in a real office suite,
# convert them to PDF and read its text); and Playwright from npm without any browser download
# (the tests drive Debian's Chromium); and the other two engines a standalone page is opened in:
# WebKit (Debian's WebKitWebDriver drives WebKitGTK's MiniBrowser, under xvfb-run) and Firefox
# (firefox-esr, driven by puppeteer-core from npm over WebDriver BiDi, no download).
set -euo pipefail
cd "$(dirname "$0")/.."

# Installs the Debian packages of $2… that are missing; $1 is extra apt-get options.
install_missing() {
  local options=$1
  shift
  local missing=()
  for package in "$@"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" ||
      missing+=("$package")
  done
  [ ${#missing[@]} -gt 0 ] || return 0
  echo "installing ${missing[*]}"
  local sudo_cmd=()
  [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  # shellcheck disable=SC2086
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq $options "${missing[@]}"
}

install_missing "" chromium chromium-driver fonts-noto-cjk
install_missing --no-install-recommends webkit2gtk-driver xvfb xauth firefox-esr
# Without recommends: LibreOffice's converters need none of them, and they are most of its size.
install_missing --no-install-recommends \
  libreoffice-writer-nogui libreoffice-impress-nogui libreoffice-calc-nogui poppler-utils

lock=tests/e2e/package-lock.json
stamp=tests/e2e/node_modules/.installed-lock
if [ ! -f "$stamp" ] || ! cmp -s "$lock" "$stamp"; then
  echo "installing Playwright and puppeteer-core (no browser download)"
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 PUPPETEER_SKIP_DOWNLOAD=1 npm ci --prefix tests/e2e --no-audit --no-fund
  cp "$lock" "$stamp"
fi
