#!/usr/bin/env bash
# Lighthouse accessibility scores of the home page, the job list and one job's page, on a phone and on a desktop,
# against a running platform (default http://127.0.0.1:5080) with Debian's Chromium, offline.
#   scripts/lighthouse.sh [BASE_URL]
# Lighthouse is pinned in tools/lighthouse/package-lock.json and installed there on first use (npm ci).
# Reports (JSON) land in ${LIGHTHOUSE_OUT:-/tmp/gongjiang-lighthouse}.
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
base="${1:-http://127.0.0.1:5080}"
out="${LIGHTHOUSE_OUT:-/tmp/gongjiang-lighthouse}"
lh="$root/tools/lighthouse/node_modules/.bin/lighthouse"
[ -x "$lh" ] || (cd "$root/tools/lighthouse" && npm ci --no-audit --no-fund --loglevel=error)
mkdir -p "$out"
job="$(curl -fsS "$base/Jobs" | grep -o 'href="/Jobs/Detail/[^"]*"' | head -1 | sed 's/href="//;s/"$//')"
[ -n "$job" ] || { echo "no job link on $base/Jobs" >&2; exit 1; }
export CHROME_PATH="${CHROME_PATH:-/usr/bin/chromium}"
printf '%-28s %-8s %s\n' page form accessibility
for path in / /Jobs "$job"; do
  for form in mobile desktop; do
    name="$(echo "$path" | tr '/' '_')-$form"
    preset=(); [ "$form" = desktop ] && preset=(--preset=desktop)
    "$lh" "$base$path" "${preset[@]}" --only-categories=accessibility --chrome-flags="--no-sandbox --headless" \
      --output=json --output-path="$out/$name.json" --quiet
    score="$(node -e "const r=require(process.argv[1]);const a=r.categories.accessibility;const f=Object.values(r.audits).filter(x=>x.scoreDisplayMode==='binary'&&x.score===0).map(x=>x.id);console.log(Math.round(a.score*100)+(f.length?'  failing: '+f.join(', '):''))" "$out/$name.json")"
    printf '%-28s %-8s %s\n' "$path" "$form" "$score"
  done
done
