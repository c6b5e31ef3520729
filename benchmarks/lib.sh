# The benchmark scripts' shared parts (sourced by run.sh and liberty.sh; not a command of its own).
# The sourcing script sets root (the repository) before it sources this, and then: work (its temporary folder), results (a file of side <tab> figure <tab> value),
# and pid (the server running now, or empty); parse_mode, require_builds and choose_driver set the rest. Every wait is bounded; everything listens on 127.0.0.1.

me=$(basename "$0")

# The script's one argument: sets mode to full or smoke.
parse_mode() {
  mode=full
  case "${1:-}" in
    "") ;;
    --smoke) mode=smoke ;;
    *) echo "usage: benchmarks/$me [--smoke]" >&2; exit 2 ;;
  esac
}

# Sets home (the standalone distribution), jar and lib (this module's), and checks them and the tools named.
require_builds() {
  home=${DISTRICT_HOME:-$root/distributions/standalone/target/district}
  jar=$root/benchmarks/target/benchmarks.jar
  lib=$root/benchmarks/target/lib
  if [ ! -x "$home/bin/district" ]; then
    echo "$me: no platform distribution at $home (build it: ./mvnw -B install -DskipTests, or set DISTRICT_HOME)" >&2; exit 2
  fi
  if [ ! -f "$jar" ] || [ ! -d "$lib" ]; then
    echo "$me: no $jar with target/lib (build it: ./mvnw -B install -DskipTests, or ./mvnw -pl benchmarks package)" >&2; exit 2
  fi
  local tool
  for tool in "$@"; do
    command -v "$tool" >/dev/null || { echo "$me: $tool is needed" >&2; exit 2; }
  done
}

now_ms() { date +%s%3N; }
record() { printf '%s\t%s\t%s\n' "$1" "$2" "$3" >> "$results"; }
loadavg() { cut -d' ' -f1-3 /proc/loadavg; }
rss_mb() { awk '/^VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$pid/status"; }

wait_for() { # log line; bounded at 120 s
  for _ in $(seq 1 6000); do
    grep -q "$2" "$1" && return 0
    kill -0 "$pid" 2>/dev/null || { echo "$me: the server ended before it was ready:" >&2; tail -40 "$1" >&2; exit 1; }
    sleep 0.02
  done
  echo "$me: not ready within 120 s:" >&2; tail -40 "$1" >&2; exit 1
}

wait_http() { # log url: until the URL answers 200; bounded at 180 s
  for _ in $(seq 1 9000); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "$2")" = 200 ] && return 0
    kill -0 "$pid" 2>/dev/null || { echo "$me: the server ended before it was ready:" >&2; tail -40 "$1" >&2; exit 1; }
    sleep 0.02
  done
  echo "$me: $2 did not answer 200 within 180 s:" >&2; tail -40 "$1" >&2; exit 1
}

# The load driver: BENCH_DRIVER (java or wrk); by default Debian's wrk in a full run when it is installed, else
# this module's Java closed-loop driver.
choose_driver() {
  driver=${BENCH_DRIVER:-auto}
  if [ "$driver" = auto ]; then
    if [ "$mode" = full ] && command -v wrk >/dev/null; then driver=wrk; else driver=java; fi
  fi
  driver_opts="-Xmx256m -XX:+UseSerialGC"
}

stop() { kill "$pid"; wait "$pid" 2>/dev/null || true; pid=""; }

# drive_url url connections warm-up-seconds seconds max-requests: prints "requests= seconds= rps= p50= p90= p99= max= errors="
drive_url() {
  if [ "$driver" = wrk ]; then
    drive_wrk "$1" "$2" "$3" "$4"
  else
    java $driver_opts -Dload.area=30.55,104.00,30.70,104.13 -cp "$jar:$lib/*" org.district.benchmarks.load.LoadDriver "$1" "$2" "$3" "$4" "$5"
  fi
}

# wrk: time-bound only; random points from a Lua script over the same area; latency percentiles from --latency.
drive_wrk() {
  local url=$1 c=$2 warm=$3 secs=$4 lua=$work/points.lua
  cat > "$lua" <<'LUA'
local template = os.getenv("BENCH_TEMPLATE")
math.randomseed(2)
request = function()
  local lat = string.format("%.5f", 30.55 + math.random() * 0.15)
  local lon = string.format("%.5f", 104.00 + math.random() * 0.13)
  return wrk.format("GET", (template:gsub("{lat}", lat):gsub("{lon}", lon)))
end
LUA
  local path=${url#http://127.0.0.1:*/}
  local base=${url%%/"$path"}
  if [ "${warm%.*}" -gt 0 ]; then
    BENCH_TEMPLATE="/$path" timeout 300 wrk -t "$((c < 2 ? 1 : 2))" -c "$c" -d "${warm}s" -s "$lua" "$base/" > /dev/null
  fi
  BENCH_TEMPLATE="/$path" timeout 300 wrk -t "$((c < 2 ? 1 : 2))" -c "$c" -d "${secs}s" --latency -s "$lua" "$base/" | awk '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    /^ +50%/ { p50 = ms($2) } /^ +90%/ { p90 = ms($2) } /^ +99%/ { p99 = ms($2) }
    /^ +Latency +[0-9]/ { max = ms($4) }
    /requests in/ { n = $1; s = $4; sub(/s,?$/, "", s) }
    /Requests\/sec/ { rps = $2 }
    /Non-2xx/ { err += $NF } /Socket errors/ { for (i = 4; i <= NF; i += 2) { v = $i; sub(/,$/, "", v); err += v } }
    END { printf "requests=%d seconds=%s rps=%.0f p50=%.3f p90=%.3f p99=%.3f max=%.3f errors=%d\n", n, s, rps, p50, p90, p99, max, err }'
}

field() { # key line
  echo "$2" | tr ' ' '\n' | awk -F= -v k="$1" '$1 == k { print $2 }'
}

median() { # side figure
  awk -F'\t' -v s="$1" -v f="$2" '$1 == s && $2 == f && $3 != "" { print $3 }' "$results" | sort -g \
    | awk '{ a[NR] = $1 } END { if (NR == 0) print ""; else print (NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2) }'
}
errors_total() { # side: non-2xx answers and broken connections over all of its runs
  awk -F'\t' -v s="$1" '$1 == s && $2 ~ /errors$/ { n += $3 } END { print n + 0 }' "$results"
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "" || b == "" || b + 0 == 0) print "—"; else printf "%.2fx", a / b }'; }
