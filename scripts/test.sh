#!/usr/bin/env bash
# The whole test suite, on a fresh Debian machine as root or on a developer's machine:
# installs what the tests need when missing (PostgreSQL, Redis, Chromium, CJK fonts, pdftotext), starts a throw-away
# PostgreSQL and Redis on loopback ports (PostgreSQL in a temporary folder), runs `dotnet test`, stops them, and exits
# non-zero on any failure.
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
cd "$root"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

need=()
[ -x /usr/lib/postgresql/15/bin/initdb ] || need+=(postgresql)
[ -x /usr/bin/redis-server ] || need+=(redis-server)
[ -x /usr/bin/chromium ] || need+=(chromium)
fc-list 2>/dev/null | grep -qi "WenQuanYi Micro Hei" || need+=(fonts-wqy-microhei)
command -v pdftotext >/dev/null || need+=(poppler-utils) # reads the résumé PDFs' text in the tests
if [ ${#need[@]} -gt 0 ]; then
  echo "installing: ${need[*]}"
  if [ "$(id -u)" -ne 0 ]; then echo "run as root (or install ${need[*]} yourself)" >&2; exit 2; fi
  apt-get update -q >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${need[@]}" >/dev/null
fi

pgdir="$(mktemp -d /tmp/gongjiang-pg.XXXXXX)"
pgport="${GONGJIANG_PG_PORT:-$(( 55000 + RANDOM % 1000 ))}"
pgbin=/usr/lib/postgresql/15/bin
as_postgres() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
redisport="${GONGJIANG_REDIS_PORT:-$(( 56000 + RANDOM % 1000 ))}"
cleanup() {
  as_postgres "$pgbin/pg_ctl" -D "$pgdir/data" -m immediate stop >/dev/null 2>&1 || true
  [ -f "$pgdir/redis.pid" ] && kill "$(cat "$pgdir/redis.pid")" 2>/dev/null || true
  rm -rf "$pgdir"
}
trap cleanup EXIT
[ "$(id -u)" -eq 0 ] && chown postgres "$pgdir"
as_postgres "$pgbin/initdb" -D "$pgdir/data" -A trust -U postgres -E UTF8 --locale=C.UTF-8 >/dev/null
# A random loopback port; another one when it is taken.
for attempt in 1 2 3 4 5; do
  if as_postgres "$pgbin/pg_ctl" -D "$pgdir/data" -o "-c listen_addresses=127.0.0.1 -p $pgport -k $pgdir -c fsync=off -c max_connections=200" \
    -l "$pgdir/log" -w start >/dev/null; then break; fi
  [ "$attempt" -eq 5 ] && { cat "$pgdir/log" >&2; exit 1; }
  pgport=$(( 55000 + RANDOM % 1000 ))
done
export GONGJIANG_TEST_PG="Host=127.0.0.1;Port=$pgport;Username=postgres;Database=postgres;Pooling=true"
echo "PostgreSQL 15 on 127.0.0.1:$pgport"
# Redis for the SignalR backplane tests (two web nodes sharing one Redis): nothing persisted, loopback only.
for attempt in 1 2 3 4 5; do
  if redis-server --port "$redisport" --bind 127.0.0.1 --save "" --appendonly no --daemonize yes \
    --pidfile "$pgdir/redis.pid" --logfile "$pgdir/redis.log" >/dev/null && sleep 0.5 && redis-cli -p "$redisport" ping >/dev/null 2>&1; then break; fi
  [ "$attempt" -eq 5 ] && { cat "$pgdir/redis.log" >&2; exit 1; }
  redisport=$(( 56000 + RANDOM % 1000 ))
done
export GONGJIANG_TEST_REDIS="127.0.0.1:$redisport"
echo "Redis on 127.0.0.1:$redisport"

results="$root/artifacts/test-results"
rm -rf "$results"; mkdir -p "$results"
start=$SECONDS
set +e
# Any build warning (compiler or analyzer) is an error here, so the suite and CI fail on it; `dotnet build` only shows it.
dotnet test "$root/Gongjiang.slnx" -c Release -p:TreatWarningsAsErrors=true --logger "console;verbosity=normal" --logger "trx" --results-directory "$results" 2>&1 | tee "$results/output.log"
status=${PIPESTATUS[0]}
set -e
# dotnet test prints "Passed: N" / "Failed: N" per test assembly; add them up (grep finding none is not an error).
passed=$( (grep -Eo '^ +Passed: +[0-9]+' "$results/output.log" || true) | awk '{s+=$2} END {print s+0}')
failed=$( (grep -Eo '^ +Failed: +[0-9]+' "$results/output.log" || true) | awk '{s+=$2} END {print s+0}')
echo "suite took $((SECONDS - start)) s"
echo "$passed passed, $failed failed"
if [ "$status" -ne 0 ] || [ "$failed" -ne 0 ] || [ "$passed" -eq 0 ]; then exit 1; fi
