#!/usr/bin/env bash
# Fonts the card renderers of bench/cards draw with (each renderer's FONT_PACKAGES). Only the
# benchmark needs them: the tests read cards committed under tests/ocr/data/cards.
set -eu
# a list may go on over lines (render_f's does): everything from FONT_PACKAGES to its closing
# bracket, in every module of bench/cards and of its renderers' packages
pkgs=$(find "$(dirname "$0")"/../bench/cards -name '*.py' -exec awk '/^FONT_PACKAGES/ {on = 1} on {print} on && /]/ {on = 0}' {} + | grep -o '"[^"]*"' | tr -d '"' | sort -u)
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $pkgs >/dev/null
echo "installed: $pkgs"
