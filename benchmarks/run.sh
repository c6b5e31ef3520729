#!/usr/bin/env bash
# What the platform costs, measured against a bare baseline in the same run (not a test: figures, not assertions).
#
#   benchmarks/run.sh           full run (about 15 minutes): the figures of docs/performance.md
#   benchmarks/run.sh --smoke   every figure for a few seconds (about a minute and a half; CI runs it)
#
# Needs the built distribution and this module's jar (./mvnw -B install -DskipTests, or verify):
#   DISTRICT_HOME (default distributions/standalone/target/district) and benchmarks/target/benchmarks.jar + target/lib.
# The two servers, each started in turn and measured alternately (A B A B ...):
#   A  the platform distribution, every module enabled, demo data, public rate limit off;
#   B  the bare baseline: the same two read endpoints on plain Jersey + Jetty, no OSGi, from the same stations.
# Both run with the same JVM options (the platform's default JAVA_OPTS, or BENCH_JAVA_OPTS). The load driver is the
# module's Java closed-loop driver, or Debian's wrk when installed (full mode; BENCH_DRIVER=java|wrk chooses).
# Everything listens on 127.0.0.1; every loop is bounded; every process started here is killed on exit.
# Prints medians per figure with the platform/baseline ratio, and writes them to benchmarks/target/results-<mode>.md.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
# shared with liberty.sh: the checks below, starting, waiting, driving the load, medians
. "$root/benchmarks/lib.sh"
parse_mode "$@"
require_builds java jcmd curl awk

if [ $mode = smoke ]; then
  starts=1 rounds=1 warm_seconds=1 seconds=2 load_requests=10000 load_seconds=10 toggles=3
  jmh_args="-f 1 -wi 1 -w 1s -i 1 -r 1s"
else
  starts=${BENCH_STARTS:-5} rounds=${BENCH_ROUNDS:-3} warm_seconds=2 seconds=${BENCH_SECONDS:-10} load_requests=100000 load_seconds=90 toggles=20
  jmh_args="-f 1 -wi 3 -w 2s -i 5 -r 2s"
fi
connection_counts="1 16 64"
choose_driver
java_opts=${BENCH_JAVA_OPTS:--Xms64m -Xmx512m -XX:+UseSerialGC -XX:TieredStopAtLevel=1}
port_a=${BENCH_PORT:-18181}
port_b=$((port_a + 1))
password=bench-password-$$
nearest_path='/api/courier-stations/public/stations/nearest?lat={lat}&lon={lon}&service=battery_swap&open=true&limit=10'
services_path='/api/courier-stations/public/services'
check_path='/api/courier-stations/public/stations/nearest?lat=30.62&lon=104.06&service=battery_swap&open=true&limit=10&at=2026-12-04T21:30'

work=$(mktemp -d)
pid=""
cleanup() {
  if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
set -E
trap 'echo "run.sh: failed at line $LINENO: $BASH_COMMAND" >&2' ERR
results=$work/results.tsv   # side <tab> figure <tab> value
: > "$results"

# heap used (young + old) and metaspace used after two full collections, in MB (serial GC's GC.heap_info)
jcmd_retry() { # jcmd's attach can time out on a loaded machine: three tries
  local try
  for try in 1 2 3; do
    jcmd "$pid" "$@" 2>/dev/null && return 0
    sleep 1
  done
  echo "run.sh: jcmd $pid $* failed three times" >&2; return 1
}
heap_mb() {
  jcmd_retry GC.run >/dev/null && jcmd_retry GC.run >/dev/null
  jcmd_retry GC.heap_info | awk '
    /generation/ { for (i = 1; i <= NF; i++) if ($i == "used") { v = $(i + 1); sub(/K,?$/, "", v); heap += v } }
    /Metaspace/ { for (i = 1; i <= NF; i++) if ($i == "used") { v = $(i + 1); sub(/K,?$/, "", v); meta = v } }
    END { printf "%.1f %.1f\n", heap / 1024, meta / 1024 }'
}

# Starts side a (platform) or b (baseline) in the background; sets pid, and ready_ms to the milliseconds until it was ready.
# a with "fresh" starts on an empty data folder without demo data; otherwise on $work/demo with demo data.
start() {
  local side=$1 data=${2:-demo} t0 log=$work/$1.log
  ready_ms=
  t0=$(now_ms)
  if [ "$side" = a ]; then
    [ "$data" = fresh ] && rm -rf "$work/fresh"
    JAVA_OPTS="$java_opts" DISTRICT_DATA_DIR="$work/$data" DISTRICT_HTTP_PORT=$port_a DISTRICT_HTTP_HOST=127.0.0.1 \
      DISTRICT_ADMIN_PASSWORD=$password DISTRICT_DEMO_DATA=$([ "$data" = demo ] && echo true || echo false) \
      DISTRICT_PUBLIC_RATE_LIMIT=0 "$home/bin/district" > "$log" 2>&1 < /dev/null &
    pid=$!
    wait_for "$log" 'District platform ready on'
  else
    java $java_opts -cp "$jar:$lib/*" org.district.benchmarks.baseline.BaselineServer $port_b "$work/stations.json" > "$log" 2>&1 < /dev/null &
    pid=$!
    wait_for "$log" 'baseline ready on'
  fi
  ready_ms=$(( $(now_ms) - t0 ))
}

port_of() { [ "$1" = a ] && echo $port_a || echo $port_b; }

# drive side path connections warm-up-seconds seconds max-requests: prints "requests= seconds= rps= p50= p90= p99= max= errors="
drive() { drive_url "http://127.0.0.1:$(port_of "$1")$2" "$3" "$4" "$5" "$6"; }

toggle() { # action expected-status: milliseconds until the module's endpoint answers that status
  local t0 code
  t0=$(now_ms)
  curl -sf -o /dev/null -u "admin:$password" -X POST "http://127.0.0.1:$port_a/api/admin/modules/notice-board/$1"
  for _ in $(seq 1 500); do
    code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port_a/api/notice-board/notices")
    [ "$code" = "$2" ] && break
  done
  [ "$code" = "$2" ] || { echo "run.sh: notice-board never answered $2 after $1" >&2; exit 1; }
  echo $(( $(now_ms) - t0 ))
}

admin() { curl -sf -u "admin:$password" "$@"; }

module_states() { # id=state per line
  curl -s "http://127.0.0.1:$port_a/health" | tr '{' '\n' | sed -n 's/.*"id":"\([^"]*\)","state":"\([^"]*\)".*/\1=\2/p'
}

enable_all() {
  local m
  for m in $(module_states | awk -F= '$2 != "enabled" { print $1 }'); do
    admin -o /dev/null -X POST "http://127.0.0.1:$port_a/api/admin/modules/$m/enable?cascade=true"
  done
  [ -z "$(module_states | awk -F= '$2 != "enabled"')" ] || { echo "run.sh: could not enable every module again" >&2; module_states >&2; exit 1; }
}

echo "== District benchmarks, $mode mode: platform $home, driver $driver"
echo "   machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo), $(java -version 2>&1 | head -1), load average $(loadavg)"
load_before=$(loadavg)

# --- 1. the platform with demo data, once: the stations it serves, for the baseline to serve the same
echo "== Platform with demo data: first start (creates the database, loads every module's demo data)"
start a demo; ms=$ready_ms; record a first_demo_start "$ms"
curl -sf "http://127.0.0.1:$port_a/api/courier-stations/public/stations?bbox=-180,-90,180,90&limit=2000" > "$work/stations.json"
curl -sf "http://127.0.0.1:$port_a$check_path" > "$work/check-a.json"
modules=$(module_states | cut -d= -f1 | tr '\n' ' ')
echo "   ready in $ms ms; modules: $modules; $(grep -o '"count":[0-9]*' "$work/stations.json" | cut -d: -f2) stations exported for the baseline"
stop

# --- 2. cold start to ready, alternately
echo "== Cold start to ready, $starts x each: platform on an empty data folder (every module), baseline"
for i in $(seq 1 "$starts"); do
  start a fresh; ms=$ready_ms; record a cold_start "$ms"; stop
  start b; record b cold_start "$ready_ms"; stop
  echo "   run $i: platform $ms ms, baseline $ready_ms ms"
done

# --- 3. throughput, latency and memory, alternately: A B B A A B ...
for r in $(seq 1 "$rounds"); do
  # A B, then B A, ...: a drift in the machine's other load (builds, say) weighs on both sides alike
  for side in $([ $((r % 2)) = 1 ] && echo a b || echo b a); do
    name=$([ $side = a ] && echo platform || echo baseline)
    start $side; ms=$ready_ms; record $side restart "$ms"
    # ready, but is the first answer quick too? (the platform builds its REST applications once its modules have started)
    t0=$(now_ms); curl -sf -o /dev/null "http://127.0.0.1:$(port_of $side)$check_path"; record $side first_answer $(( $(now_ms) - t0 ))
    if [ $side = b ] && [ ! -f "$work/check-b.json" ]; then
      curl -sf "http://127.0.0.1:$port_b$check_path" > "$work/check-b.json"
      cmp -s "$work/check-a.json" "$work/check-b.json" \
        || { echo "run.sh: the baseline's nearest answer differs from the platform's:" >&2; diff <(tr ',' '\n' < "$work/check-a.json") <(tr ',' '\n' < "$work/check-b.json") | head -20 >&2; exit 1; }
      echo "   the baseline answers the same JSON as the platform ($(wc -c < "$work/check-b.json") bytes for nearest-10)"
    fi
    record $side rss_start "$(rss_mb)"
    line=$(drive $side "$nearest_path" 16 0 "$load_seconds" "$load_requests")
    record $side rss_load "$(rss_mb)"
    read -r heap meta <<< "$(heap_mb)"
    record $side heap_load "$heap"; record $side meta_load "$meta"
    echo "   round $r, $name: ready in $ms ms; $(field requests "$line") requests in $(field seconds "$line") s (also the warm-up); RSS $(awk -F'\t' -v s=$side '$1 == s && $2 == "rss_start" { a = $3 } $1 == s && $2 == "rss_load" { b = $3 } END { print a " -> " b }' "$results") MB; heap after GC $heap MB"
    for ep in services nearest; do
      path=$([ $ep = nearest ] && echo "$nearest_path" || echo "$services_path")
      for c in $connection_counts; do
        line=$(drive $side "$path" "$c" "$warm_seconds" "$seconds" 100000000)
        for k in rps p50 p90 p99 errors; do record $side "$ep.$c.$k" "$(field $k "$line")"; done
        echo "   round $r, $name, $ep, $c connections: $line"
      done
    done
    if [ $side = a ] && [ "$r" = "$rounds" ]; then
      echo "== Enable and disable notice-board, $toggles x each, until its endpoint answers 200 / 404"
      for _ in $(seq 1 "$toggles"); do
        record a disable "$(toggle disable 404)"
        record a enable "$(toggle enable 200)"
      done
      echo "== Heap and metaspace used after full GC, every module enabled vs each module disabled (with the modules that require it)"
      for m in $modules; do
        read -r heap_all meta_all <<< "$(heap_mb)"
        admin -o /dev/null -X POST "http://127.0.0.1:$port_a/api/admin/modules/$m/disable?cascade=true"
        off=$(module_states | awk -F= '$2 != "enabled" { print $1 }' | tr '\n' ' ')
        read -r heap_off meta_off <<< "$(heap_mb)"
        enable_all
        record a "module.$m.heap" "$(awk -v a="$heap_all" -v b="$heap_off" 'BEGIN { printf "%.1f", a - b }')"
        record a "module.$m.meta" "$(awk -v a="$meta_all" -v b="$meta_off" 'BEGIN { printf "%.1f", a - b }')"
        echo "   $m (disabled: $off): heap $heap_all -> $heap_off MB, metaspace $meta_all -> $meta_off MB"
      done
    fi
    stop
  done
done
load_after=$(loadavg)

# --- 4. microbenchmarks
echo "== JMH microbenchmarks ($jmh_args)"
java -Xmx1g -cp "$jar:$lib/*" org.openjdk.jmh.Main $jmh_args -rf csv -rff "$work/jmh.csv" 'org.district.benchmarks.jmh' > "$work/jmh.log" 2>&1 \
  || { tail -30 "$work/jmh.log" >&2; echo "run.sh: JMH failed" >&2; exit 1; }
grep -A20 '^Benchmark' "$work/jmh.log" | sed 's/^/   /'

# --- 5. medians, ratios, targets
maximum() { awk -F'\t' -v s="$1" -v f="$2" '$1 == s && $2 == f { print $3 }' "$results" | sort -g | tail -1; }
verdict() { awk -v v="$1" -v op="$2" -v t="$3" 'BEGIN { ok = (op == "<" ? v + 0 < t + 0 : v + 0 >= t + 0); print (ok ? "met" : "**not met**") }'; }

out=$root/benchmarks/target/results-$mode.md
{
  echo "Run of $(date -u +%Y-%m-%dT%H:%MZ), $mode mode, driver $driver: $(nproc) cores, $(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo),"
  echo "$(java -version 2>&1 | head -1); JVM options of both servers: \`$java_opts\`; load average before $load_before, after $load_after."
  echo "Medians over $rounds round(s) ($starts for cold starts); ratio = platform / baseline."
  echo
  echo "| Figure | Platform | Baseline | Ratio | Target |"
  echo "| --- | --- | --- | --- | --- |"
  a=$(median a cold_start); b=$(median b cold_start)
  echo "| cold start to ready, ms (platform: empty data folder, every module) | $a | $b | $(ratio "$a" "$b") | under 2,000 ms: $(verdict "$a" '<' 2000) |"
  a=$(median a restart); b=$(median b restart)
  echo "| restart to ready, ms (platform: data and demo data present) | $a | $b | $(ratio "$a" "$b") | under 2,000 ms: $(verdict "$a" '<' 2000) |"
  a=$(median a first_answer); b=$(median b first_answer)
  echo "| first nearest answer right after the restart's ready, ms | $a | $b | $(ratio "$a" "$b") | — |"
  echo "| first start with demo data loaded, ms | $(median a first_demo_start) | — | — | — |"
  a=$(median a enable); echo "| enable notice-board until it answers 200, ms (median; max) | $a; $(maximum a enable) | — | — | under 300 ms: $(verdict "$(maximum a enable)" '<' 300) |"
  a=$(median a disable); echo "| disable notice-board until it answers 404, ms (median; max) | $a; $(maximum a disable) | — | — | under 300 ms: $(verdict "$(maximum a disable)" '<' 300) |"
  for ep in services nearest; do
    for c in $connection_counts; do
      a=$(median a "$ep.$c.rps"); b=$(median b "$ep.$c.rps")
      target="—"
      [ $ep = nearest ] && target="at least 0.80x: $(verdict "$(awk -v a="$a" -v b="$b" 'BEGIN { print (b > 0 ? a / b : 0) }')" '>=' 0.8)"
      echo "| $ep, $c connections: requests/s | $a | $b | $(ratio "$a" "$b") | $target |"
      a=$(median a "$ep.$c.p50"); b=$(median b "$ep.$c.p50")
      echo "| $ep, $c connections: p50 ms | $a | $b | $(ratio "$a" "$b") | — |"
      a=$(median a "$ep.$c.p99"); b=$(median b "$ep.$c.p99")
      target="—"; [ "$c" = 64 ] && target="under 20 ms: $(verdict "$a" '<' 20)"
      echo "| $ep, $c connections: p99 ms | $a | $b | $(ratio "$a" "$b") | $target |"
    done
  done
  echo "| errors (non-2xx answers and broken connections), all runs | $(errors_total a) | $(errors_total b) | — | — |"
  a=$(median a rss_start); b=$(median b rss_start)
  echo "| resident memory (VmRSS) after start, MB | $a | $b | $(ratio "$a" "$b") | under 300 MB: $(verdict "$a" '<' 300) |"
  a=$(median a rss_load); b=$(median b rss_load)
  echo "| resident memory after $load_requests requests, MB | $a | $b | $(ratio "$a" "$b") | under 300 MB: $(verdict "$a" '<' 300) |"
  a=$(median a heap_load); b=$(median b heap_load)
  echo "| heap used after full GC, after the load, MB | $a | $b | $(ratio "$a" "$b") | — |"
  a=$(median a meta_load); b=$(median b meta_load)
  echo "| metaspace used, after the load, MB | $a | $b | $(ratio "$a" "$b") | — |"
  for m in $modules; do
    echo "| $m: heap used after full GC it adds (with its dependents), MB; metaspace | $(median a "module.$m.heap"); $(median a "module.$m.meta") | — | — | — |"
  done
  echo
  echo "JMH (\`$jmh_args\`, one thread; score ± 99.9% error):"
  echo
  echo "| Benchmark | Parameters | Score | Error | Unit |"
  echo "| --- | --- | --- | --- | --- |"
  awk -F',' 'NR > 1 { gsub(/["\r]/, ""); name = $1; sub(/^org\.district\.benchmarks\.jmh\./, "", name); params = ""; for (i = 8; i <= NF; i++) params = params (params == "" ? "" : " ") $i
    printf "| %s | %s | %.3f | %.3f | %s |\n", name, (params == "" ? "—" : params), $5, $6, $7 }' "$work/jmh.csv"
} > "$out"
echo
echo "== Results (also in ${out#$root/})"
cat "$out"
