#!/usr/bin/env bash
# Measures the platform foundation on this machine (not a test: figures, not assertions):
#   cold start to ready, with every bundled module enabled (fresh data folder each run);
#   enable and disable of one module until its endpoint answers 200 / 404;
#   resident memory after start.
# Usage: benchmarks/foundation.sh [runs]   (after ./mvnw install -DskipTests)
# Loopback only; every loop is bounded.
set -euo pipefail
runs=${1:-5}
here=$(cd "$(dirname "$0")/.." && pwd)
home="$here/distributions/standalone/target/district"
[ -x "$home/bin/district" ] || { echo "build first: ./mvnw install -DskipTests" >&2; exit 2; }
port=${BENCH_PORT:-18181}
work=$(mktemp -d)
trap 'kill $pid 2>/dev/null || true; rm -rf "$work"' EXIT
pw=bench-password
base="http://127.0.0.1:$port"

now_ms() { date +%s%3N; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

start_platform() {
  rm -rf "$work/data"
  t0=$(now_ms)
  DISTRICT_DATA_DIR="$work/data" DISTRICT_HTTP_PORT=$port DISTRICT_HTTP_HOST=127.0.0.1 DISTRICT_ADMIN_PASSWORD=$pw \
    "$home/bin/district" > "$work/out.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 600); do
    grep -q 'ready on' "$work/out.log" && break
    kill -0 $pid 2>/dev/null || { cat "$work/out.log"; exit 1; }
    sleep 0.02
  done
  t1=$(now_ms)
  echo $((t1 - t0)) >> "$work/start.txt"
  grep -o 'started in [0-9]* ms' "$work/out.log" | grep -o '[0-9]*' >> "$work/jvm-start.txt"
}

stop_platform() { kill $pid; wait $pid 2>/dev/null || true; }

toggle() { # action expected-status
  t0=$(now_ms)
  curl -sf -o /dev/null -u admin:$pw -X POST "$base/api/admin/modules/notice-board/$1"
  for _ in $(seq 1 500); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "$base/api/notice-board/notices")" = "$2" ] && break
  done
  echo $(( $(now_ms) - t0 ))
}

for i in $(seq 1 "$runs"); do
  start_platform
  if [ "$i" = 1 ]; then
    rss=$(awk '/VmRSS/ {print int($2/1024)}' /proc/$(pgrep -f "district.home=$home" | head -1)/status)
    for _ in $(seq 1 20); do toggle disable 404 >> "$work/disable.txt"; toggle enable 200 >> "$work/enable.txt"; done
  fi
  stop_platform
done

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(java -version 2>&1 | head -1)"
echo "cold start to ready (wall clock, $runs runs): median $(median < "$work/start.txt") ms; JVM start to ready: median $(median < "$work/jvm-start.txt") ms"
echo "enable until the endpoint answers 200 (20 toggles): median $(median < "$work/enable.txt") ms, max $(sort -n "$work/enable.txt" | tail -1) ms"
echo "disable until the endpoint answers 404 (20 toggles): median $(median < "$work/disable.txt") ms, max $(sort -n "$work/disable.txt" | tail -1) ms"
echo "resident memory after start: $rss MB"
