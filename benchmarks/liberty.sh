#!/usr/bin/env bash
# The platform on Open Liberty measured against the standalone distribution in the same run, on one PostgreSQL server
# (not a test: figures, not assertions).
#
#   benchmarks/liberty.sh           full run (about 6 minutes)
#   benchmarks/liberty.sh --smoke   every figure for a few seconds (about a minute; CI runs it after the Liberty build)
#
# Needs what run.sh needs (the standalone distribution, this module's jar and target/lib), the Liberty distribution's
# runnable jar (./mvnw -B -Pliberty -f distributions/liberty/pom.xml package, after ./mvnw -B install -DskipTests;
# or LIBERTY_JAR), and a PostgreSQL server with psql: BENCH_PG_HOST (127.0.0.1), BENCH_PG_PORT (5432), BENCH_PG_USER
# (postgres, a user that may create databases, without a password or with PGPASSWORD set).
# The two sides, each started in turn and measured alternately (S L, then L S, ...):
#   S  the standalone distribution (bin/district: Felix HTTP on Jetty), every module, demo data, public rate limit off;
#   L  the same platform and modules as a web application on Open Liberty (Liberty's HTTP server and connection pool).
# Each runs on a database of its own on that server, created here with the demo data and dropped at the end, and with
# the JVM options it ships with (bin/district's, which stop at C1 for a fast start; Liberty's, none: the JVM's defaults)
# unless BENCH_JAVA_OPTS gives both the same. Figures: start to ready, the nearest search's requests/s and latency at
# 16 and 64 connections, resident memory after the load. Prints the medians with the ratio Liberty / standalone and
# writes them to benchmarks/target/results-liberty-<mode>.md.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/benchmarks/lib.sh"
parse_mode "$@"
require_builds java curl awk psql
liberty_jar=${LIBERTY_JAR:-$root/distributions/liberty/target/district-liberty.jar}
if [ ! -f "$liberty_jar" ]; then
  echo "liberty.sh: no $liberty_jar (build it: ./mvnw -B -Pliberty -f distributions/liberty/pom.xml package, or set LIBERTY_JAR)" >&2; exit 2
fi
pg_host=${BENCH_PG_HOST:-127.0.0.1} pg_port=${BENCH_PG_PORT:-5432} pg_user=${BENCH_PG_USER:-postgres}

if [ $mode = smoke ]; then
  rounds=1 warm_seconds=1 seconds=2
else
  rounds=${BENCH_ROUNDS:-3} warm_seconds=${BENCH_WARM_SECONDS:-20} seconds=${BENCH_SECONDS:-15}
fi
connection_counts="16 64"
choose_driver
port_s=${BENCH_PORT:-18191}
port_l=$((port_s + 1))
password=bench-password-$$
nearest_path='/api/courier-stations/public/stations/nearest?lat={lat}&lon={lon}&service=battery_swap&open=true&limit=10'
check_path='/api/courier-stations/public/stations/nearest?lat=30.62&lon=104.06&service=battery_swap&open=true&limit=10&at=2026-12-04T21:30'
db_s=district_bench_s_$$ db_l=district_bench_l_$$

psql_admin() { psql -h "$pg_host" -p "$pg_port" -U "$pg_user" -d postgres -v ON_ERROR_STOP=1 -qAt -c "$1" > /dev/null; }

work=$(mktemp -d)
pid=""
cleanup() {
  if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
  psql_admin "DROP DATABASE IF EXISTS $db_s" 2>/dev/null || true
  psql_admin "DROP DATABASE IF EXISTS $db_l" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
set -E
trap 'echo "liberty.sh: failed at line $LINENO: $BASH_COMMAND" >&2' ERR
results=$work/results.tsv   # side <tab> figure <tab> value
: > "$results"

psql_admin "CREATE DATABASE $db_s" || { echo "liberty.sh: cannot create a database on $pg_user@$pg_host:$pg_port" >&2; exit 2; }
psql_admin "CREATE DATABASE $db_l"

port_of() { [ "$1" = s ] && echo $port_s || echo $port_l; }

# Starts side s or l in the background; sets pid, and ready_ms to the milliseconds until it was ready.
start() {
  local side=$1 t0 log=$work/$1.log
  t0=$(now_ms)
  if [ "$side" = s ]; then
    JAVA_OPTS="${BENCH_JAVA_OPTS:-}" DISTRICT_DATA_DIR="$work/s-data" DISTRICT_HTTP_PORT=$port_s DISTRICT_HTTP_HOST=127.0.0.1 \
      DISTRICT_JDBC_URL="jdbc:postgresql://$pg_host:$pg_port/$db_s" DISTRICT_JDBC_USER="$pg_user" DISTRICT_JDBC_PASSWORD="${PGPASSWORD:-}" \
      DISTRICT_ADMIN_PASSWORD=$password DISTRICT_DEMO_DATA=true DISTRICT_PUBLIC_RATE_LIMIT=0 "$home/bin/district" > "$log" 2>&1 < /dev/null &
    pid=$!
    wait_for "$log" 'District platform ready on'
  else
    # the runnable jar unpacks the server at each start, into a folder that must not exist yet
    rm -rf "$work/wlp"
    WLP_JAR_EXTRACT_DIR="$work/wlp" DISTRICT_DATA_DIR="$work/l-data" DISTRICT_HTTP_PORT=$port_l DISTRICT_HTTP_HOST=127.0.0.1 \
      DISTRICT_JDBC_URL="jdbc:postgresql://$pg_host:$pg_port/$db_l" DISTRICT_JDBC_USER="$pg_user" DISTRICT_JDBC_PASSWORD="${PGPASSWORD:-}" \
      DISTRICT_ADMIN_PASSWORD=$password DISTRICT_DEMO_DATA=true DISTRICT_PUBLIC_RATE_LIMIT=0 \
      java ${BENCH_JAVA_OPTS:-} -jar "$liberty_jar" > "$log" 2>&1 < /dev/null &
    pid=$!
    wait_http "$log" "http://127.0.0.1:$port_l/health/ready"
  fi
  ready_ms=$(( $(now_ms) - t0 ))
}

echo "== District on Open Liberty against the standalone distribution, $mode mode, driver $driver"
echo "   machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo), $(java -version 2>&1 | head -1), load average $(loadavg)"
echo "   PostgreSQL $pg_user@$pg_host:$pg_port, databases $db_s and $db_l"
load_before=$(loadavg)

# --- 1. first starts: each side creates its tables and loads the demo data; both must answer the same
for side in s l; do
  start $side; record $side first_start "$ready_ms"
  curl -sf "http://127.0.0.1:$(port_of $side)$check_path" > "$work/check-$side.json"
  echo "   first start of $([ $side = s ] && echo standalone || echo Liberty) with demo data: ready in $ready_ms ms"
  stop
done
cmp -s "$work/check-s.json" "$work/check-l.json" \
  || { echo "liberty.sh: the two sides answer the nearest search differently:" >&2; diff <(tr ',' '\n' < "$work/check-s.json") <(tr ',' '\n' < "$work/check-l.json") | head -20 >&2; exit 1; }
echo "   both answer the same JSON ($(wc -c < "$work/check-s.json") bytes for nearest-10)"

# --- 2. alternately: S L, L S, ...
for r in $(seq 1 "$rounds"); do
  for side in $([ $((r % 2)) = 1 ] && echo s l || echo l s); do
    name=$([ $side = s ] && echo standalone || echo Liberty)
    start $side; record $side restart "$ready_ms"
    for c in $connection_counts; do
      line=$(drive_url "http://127.0.0.1:$(port_of $side)$nearest_path" "$c" "$warm_seconds" "$seconds" 100000000)
      for k in rps p50 p90 p99 errors; do record $side "nearest.$c.$k" "$(field $k "$line")"; done
      echo "   round $r, $name (ready in $ready_ms ms), nearest, $c connections: $line"
    done
    record $side rss_load "$(rss_mb)"
    stop
  done
done
load_after=$(loadavg)

out=$root/benchmarks/target/results-liberty-$mode.md
{
  echo "Run of $(date -u +%Y-%m-%dT%H:%MZ), $mode mode, driver $driver: $(nproc) cores, $(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo),"
  echo "$(java -version 2>&1 | head -1); JVM options: $([ -n "${BENCH_JAVA_OPTS:-}" ] && echo "\`$BENCH_JAVA_OPTS\` on both sides" || echo "each side's own (bin/district's; Liberty's none)");"
  echo "PostgreSQL on $pg_host:$pg_port; load average before $load_before, after $load_after."
  echo "Medians over $rounds round(s), $warm_seconds s of warm-up and $seconds s measured per figure; ratio = Liberty / standalone."
  echo
  echo "| Figure | Standalone | Liberty | Ratio |"
  echo "| --- | --- | --- | --- |"
  a=$(median s first_start); b=$(median l first_start)
  echo "| first start to ready with the demo data loaded, ms | $a | $b | $(ratio "$b" "$a") |"
  a=$(median s restart); b=$(median l restart)
  echo "| restart to ready, ms | $a | $b | $(ratio "$b" "$a") |"
  for c in $connection_counts; do
    for k in rps p50 p99; do
      a=$(median s "nearest.$c.$k"); b=$(median l "nearest.$c.$k")
      echo "| nearest, $c connections: $([ $k = rps ] && echo "requests/s" || echo "$k ms") | $a | $b | $(ratio "$b" "$a") |"
    done
  done
  echo "| errors (non-2xx answers and broken connections), all runs | $(errors_total s) | $(errors_total l) | — |"
  a=$(median s rss_load); b=$(median l rss_load)
  echo "| resident memory (VmRSS) after the load, MB | $a | $b | $(ratio "$b" "$a") |"
} > "$out"
echo
echo "== Results (also in ${out#$root/})"
cat "$out"
