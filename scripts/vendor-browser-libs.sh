#!/usr/bin/env bash
# Refreshes the browser-side libraries that are committed to the repository, so builds and tests run without a network:
# installs the exact versions pinned in tools/browser-libs/package-lock.json (npm ci) and copies
#   axe-core's axe.min.js -> tests/Gongjiang.Web.Tests/Browser/axe/axe.min.js (the accessibility audit of the browser tests;
#     the app never serves it);
#   echarts.common.min.js -> src/Gongjiang.Web/wwwroot/lib/echarts/ (the shortage catalogue's charts; no CDN).
#   @microsoft/signalr's signalr.min.js -> src/Gongjiang.Web/wwwroot/lib/signalr/ (the chat pages' live delivery).
#   hls.js and mpegts.js -> src/Gongjiang.Web/wwwroot/lib/hls/ and lib/mpegts/ (the live rooms' stream players).
# To move to a newer version: change it in tools/browser-libs/package.json, run `npm install` there, then this script,
# and commit package.json, package-lock.json and the copied files.
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

# ECharts (the catalogue page's charts), served by the app from wwwroot/lib: the common build (bar, line, pie …).
lib="$root/src/Gongjiang.Web/wwwroot/lib/echarts"
mkdir -p "$lib"
cp node_modules/echarts/dist/echarts.common.min.js "$lib/echarts.common.min.js"
cp node_modules/echarts/LICENSE "$lib/LICENSE"
version="$(node -p "require('./node_modules/echarts/package.json').version")"
echo "echarts $version -> ${lib#"$root"/}/echarts.common.min.js"

# The official SignalR client (the chat pages' live delivery), served by the app from wwwroot/lib.
lib="$root/src/Gongjiang.Web/wwwroot/lib/signalr"
mkdir -p "$lib"
cp node_modules/@microsoft/signalr/dist/browser/signalr.min.js "$lib/signalr.min.js"
version="$(node -p "require('./node_modules/@microsoft/signalr/package.json').version")"
echo "@microsoft/signalr $version -> ${lib#"$root"/}/signalr.min.js"

# The live rooms' players: hls.js for HLS (.m3u8) streams, mpegts.js for HTTP-FLV streams, served from wwwroot/lib.
lib="$root/src/Gongjiang.Web/wwwroot/lib/hls"
mkdir -p "$lib"
cp node_modules/hls.js/dist/hls.min.js "$lib/hls.min.js"
cp node_modules/hls.js/LICENSE "$lib/LICENSE"
version="$(node -p "require('./node_modules/hls.js/package.json').version")"
echo "hls.js $version -> ${lib#"$root"/}/hls.min.js"
lib="$root/src/Gongjiang.Web/wwwroot/lib/mpegts"
mkdir -p "$lib"
cp node_modules/mpegts.js/dist/mpegts.js "$lib/mpegts.js"
cp node_modules/mpegts.js/LICENSE "$lib/LICENSE"
version="$(node -p "require('./node_modules/mpegts.js/package.json').version")"
echo "mpegts.js $version -> ${lib#"$root"/}/mpegts.js"
