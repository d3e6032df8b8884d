#!/usr/bin/env bash
# Benchmarks `breachpage build` on synthetic sites of N records against Hugo building an
# equivalent Markdown site (same pages, same text, an index listing every page, a feed),
# measured side by side in one run. See docs/development.md, "Benchmarks".
#
#   scripts/bench.sh                 # N = 10, 1000 and 10000, 5 runs each
#   RUNS=3 scripts/bench.sh 1000     # other sizes or run counts
#
# Needs GNU time (/usr/bin/time) and hugo: apt-get install -y time hugo.
# Environment: RUNS (default 5), BENCH_DIR (default target/bench), NO_HUGO=1 to skip Hugo,
# BREACHPAGE=/path/to/breachpage to measure another build (e.g. an older commit's).
#
# Every run builds into a new, empty output folder; the folders are removed only at the
# end. Removing tens of thousands of files makes ext4 without a journal slow to create
# new ones for several minutes, which would measure the file system's history rather
# than the generators: wait ten minutes before running the script again.
set -euo pipefail

cd "$(dirname "$0")/.."
RUNS=${RUNS:-5}
BENCH_DIR=${BENCH_DIR:-target/bench}
TODAY=2026-11-22
SIZES=("$@")
[ ${#SIZES[@]} -gt 0 ] || SIZES=(10 1000 10000)

[ -x /usr/bin/time ] || { echo "bench: needs GNU time: apt-get install -y time" >&2; exit 2; }
if [ -z "${NO_HUGO:-}" ] && ! command -v hugo >/dev/null; then
    echo "bench: needs hugo (apt-get install -y hugo), or set NO_HUGO=1" >&2
    exit 2
fi

cargo build --release --quiet --bin breachpage --example gen_site
BIN=${BREACHPAGE:-$PWD/target/release/breachpage}
GEN=$PWD/target/release/examples/gen_site
mkdir -p "$BENCH_DIR"
BENCH_DIR=$(cd "$BENCH_DIR" && pwd)
OUT=$BENCH_DIR/out
rm -rf "$OUT"
trap 'rm -rf "$OUT"' EXIT

# Runs a command once, after flushing what earlier runs wrote; prints "seconds
# max-rss-kB". Output goes to $BENCH_DIR/last.log.
measure() {
    local start end
    # What the previous run wrote goes to disk first, so that writing it back does not
    # run during this one (it would slow whichever generator happens to come next).
    sync
    start=$EPOCHREALTIME
    if ! /usr/bin/time -f "%M" -o "$BENCH_DIR/rss" "$@" >"$BENCH_DIR/last.log" 2>&1; then
        echo "bench: failed: $*" >&2
        cat "$BENCH_DIR/last.log" >&2
        exit 1
    fi
    end=$EPOCHREALTIME
    echo "$(awk -v s="$start" -v e="$end" 'BEGIN { printf "%.4f", e - s }') $(tail -n 1 "$BENCH_DIR/rss")"
}

median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
maximum() { sort -g | tail -n 1; }

echo "breachpage: $("$BIN" --version 2>/dev/null || echo breachpage)"
[ -n "${NO_HUGO:-}" ] || echo "hugo: $(hugo version | cut -d' ' -f1-2)"
echo "machine: $(nproc) cores, $(uname -sr); medians of $RUNS runs; output folders removed before each run"
echo

ROWS=()
for n in "${SIZES[@]}"; do
    site=$BENCH_DIR/site-$n
    hugo_site=$BENCH_DIR/hugo-$n
    # The sites are made again only when the generator's source or the vocabulary it
    # draws from changed (not whenever breachpage is rebuilt): deleting and creating tens
    # of thousands of files just before the runs would slow both generators down.
    stamp="$(cat examples/gen_site/*.rs src/packs/vocabulary.toml | sha256sum | cut -d' ' -f1) $n"
    if [ "$(cat "$BENCH_DIR/stamp-$n" 2>/dev/null)" != "$stamp" ] || [ ! -d "$site" ] || [ ! -d "$hugo_site" ]; then
        rm -rf "$site" "$hugo_site" "$BENCH_DIR/stamp-$n"
        "$GEN" "$n" "$site" --hugo "$hugo_site"
        echo "$stamp" > "$BENCH_DIR/stamp-$n"
    else
        echo "$site: as generated before (same generator)"
    fi
    # Every generated record must pass the law's checks (warnings for unknowns are fine).
    "$BIN" --root "$site" check --today "$TODAY" >/dev/null 2>&1 \
        || { echo "bench: the generated site does not pass check" >&2; exit 1; }
    bp_times=() bp_rss=() hugo_times=() hugo_rss=()
    for run in $(seq "$RUNS"); do
        read -r t m < <(measure "$BIN" --root "$site" build --today "$TODAY" --output "$OUT/$n/breachpage-$run")
        bp_times+=("$t") bp_rss+=("$m")
        if [ -z "${NO_HUGO:-}" ]; then
            read -r t m < <(measure hugo --quiet --source "$hugo_site" --destination "$OUT/$n/hugo-$run" --cacheDir "$BENCH_DIR/hugo-cache")
            hugo_times+=("$t") hugo_rss+=("$m")
        fi
        echo "  N=$n run $run: breachpage ${bp_times[-1]} s${hugo_times:+, hugo ${hugo_times[-1]} s}"
    done
    pages=$(find "$OUT/$n/breachpage-1" -name '*.html' | wc -l)
    bp_t=$(printf '%s\n' "${bp_times[@]}" | median)
    bp_m=$(printf '%s\n' "${bp_rss[@]}" | maximum)
    if [ -z "${NO_HUGO:-}" ]; then
        hugo_pages=$(find "$OUT/$n/hugo-1" -name '*.html' | wc -l)
        hugo_t=$(printf '%s\n' "${hugo_times[@]}" | median)
        hugo_m=$(printf '%s\n' "${hugo_rss[@]}" | maximum)
        ratio=$(awk -v b="$bp_t" -v h="$hugo_t" 'BEGIN { printf "%.1fx", h / b }')
    else
        hugo_pages=- hugo_t=- hugo_m=0 ratio=-
    fi
    ROWS+=("$(awk -v n="$n" -v p="$pages" -v hp="$hugo_pages" -v bt="$bp_t" -v ht="$hugo_t" -v r="$ratio" -v bm="$bp_m" -v hm="$hugo_m" \
        'BEGIN { printf "| %d | %s / %s | %.3f s | %s | %s | %.0f MB | %s |", n, p, hp, bt, (ht == "-") ? "-" : sprintf("%.3f s", ht), r, bm / 1024, hm ? sprintf("%.0f MB", hm / 1024) : "-" }')")
done

echo
echo "| N | HTML pages (breachpage / Hugo) | breachpage | Hugo | Hugo ÷ breachpage | breachpage peak RSS | Hugo peak RSS |"
echo "| ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
printf '%s\n' "${ROWS[@]}"
