#!/usr/bin/env bash
# Full-page PNG screenshots of the back-office's main pages (login, today, follow-ups,
# contacts, one contact, rota, figures, content) at desktop (1280×900) and phone (360×800) widths,
# on the demo with a little simulated traffic, logged in as the supervisor.
# Needs Debian's chromium and chromium-driver (see .ci/run), or NUMEROVERT_CHROMIUM and
# NUMEROVERT_CHROMEDRIVER. Usage, from anywhere: bash scripts/screenshots.sh [folder]
# (default: screenshots/ at the repository root). report.txt lists what overflows.
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-screenshots}"
mkdir -p "$out"
out="$(cd "$out" && pwd)"
NUMEROVERT_REQUIRE_BROWSER=1 NUMEROVERT_SCREENSHOTS_DIR="$out" \
  cargo test --test browser -- --ignored --exact screenshots --nocapture
echo "== screenshots in $out"
ls "$out"
