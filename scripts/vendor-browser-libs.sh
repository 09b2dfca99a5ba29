#!/usr/bin/env bash
# Refreshes the browser-side test tools that are committed to the repository, so tests run without a network:
# installs the exact versions pinned in tools/browser-libs/package-lock.json (npm ci) and copies
#   axe-core's axe.min.js -> tests/Gongjiang.Web.Tests/Browser/axe/axe.min.js (the accessibility audit of the browser tests).
# To move to a newer axe-core: change the version in tools/browser-libs/package.json, run `npm install` there, then this
# script, and commit the three files. The app never serves these files.
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
cd "$root/tools/browser-libs"
npm ci --no-audit --no-fund --loglevel=error
target="$root/tests/Gongjiang.Web.Tests/Browser/axe"
mkdir -p "$target"
cp node_modules/axe-core/axe.min.js "$target/axe.min.js"
cp node_modules/axe-core/LICENSE "$target/LICENSE"
version="$(node -p "require('./node_modules/axe-core/package.json').version")"
echo "axe-core $version -> ${target#"$root"/}/axe.min.js"
