#!/usr/bin/env bash
# Benchmarks `breachpage build` on synthetic sites of N records against Hugo and Zola
# building an equivalent Markdown site (same pages, same text, an index listing every
# page, a feed), measured side by side in one run. See docs/development.md, "Benchmarks".
#
#   scripts/bench.sh                 # N = 10, 1000 and 10000, 5 runs each
#   RUNS=3 scripts/bench.sh 1000     # other sizes or run counts
#
# Needs GNU time (/usr/bin/time) and hugo: apt-get install -y time hugo. Zola is timed too
# when it is installed (https://www.getzola.org); the script writes the Zola site itself,
# from the Hugo one: the same pages, with a minimal config and templates.
# Environment: RUNS (default 5), BENCH_DIR (default target/bench), NO_HUGO=1 to skip Hugo,
# ZOLA=/path/to/zola (default: zola on the PATH), NO_ZOLA=1 to skip Zola,
# BREACHPAGE=/path/to/breachpage to measure another build (e.g. an older commit's).
# Put BENCH_DIR on tmpfs (BENCH_DIR=/dev/shm/bench) to time the generators, not the disk.
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
ZOLA=${ZOLA:-zola}
if [ -z "${NO_ZOLA:-}" ] && ! command -v "$ZOLA" >/dev/null; then
    echo "bench: no zola found (set ZOLA=/path/to/zola); measuring without it" >&2
    NO_ZOLA=1
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

# Writes a Zola site equivalent to the Hugo site $1 into $2: the same Markdown pages (the
# summary moves under `extra`, the slug is kept whole), an index listing every page
# newest first, and an Atom feed.
write_zola() {
    local hugo=$1 zola=$2
    mkdir -p "$zola/content/notices" "$zola/templates"
    sed -n 's/^baseURL = /base_url = /p; s/^title = /title = /p' "$hugo/config.toml" > "$zola/config.toml"
    cat >> "$zola/config.toml" <<'TOML'
default_language = "en"
compile_sass = false
build_search_index = false
generate_feeds = true
feed_filenames = ["atom.xml"]
TOML
    { printf '+++\nsort_by = "date"\n+++\n'; cat "$hugo/content/_index.md"; } > "$zola/content/_index.md"
    printf '+++\nsort_by = "date"\ntransparent = true\n+++\n' > "$zola/content/notices/_index.md"
    # One awk for every page (one process per page would take longer than the builds).
    find "$hugo/content/notices" -name '*.md' -print0 | xargs -0 awk -v out="$zola/content/notices" '
        FNR == 1 { if (target) close(target); n = split(FILENAME, parts, "/"); name = parts[n]
                   target = out "/" name; slug = name; sub(/\.md$/, "", slug); front = 0 }
        FNR == 1 && $0 == "---" { front = 1; print > target; next }
        front && $0 == "---" { front = 0; printf "slug: \"%s\"\n---\n", slug > target; next }
        front && /^summary: / { print "extra:\n  " $0 > target; next }
        front && /^date: / { printf "date: \"%s\"\n", $2 > target; next }
        { print > target }'
    cat > "$zola/templates/index.html" <<'HTML'
<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{{ config.title }}</title>
<link rel="alternate" type="application/atom+xml" href="{{ get_url(path="atom.xml") }}"></head>
<body><h1>{{ config.title }}</h1>{{ section.content | safe }}
<ul>{% for page in section.pages %}
<li><a href="{{ page.permalink }}">{{ page.title }}</a> <time datetime="{{ page.date | date(format="%Y-%m-%d") }}">{{ page.date | date(format="%B %-d, %Y") }}</time><p>{{ page.extra.summary }}</p></li>{% endfor %}
</ul></body></html>
HTML
    cat > "$zola/templates/section.html" <<'HTML'
<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{{ section.title }}</title></head>
<body><ul>{% for page in section.pages %}<li><a href="{{ page.permalink }}">{{ page.title }}</a></li>{% endfor %}</ul></body></html>
HTML
    cat > "$zola/templates/page.html" <<'HTML'
<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{{ page.title }} | {{ config.title }}</title></head>
<body><p><a href="{{ config.base_url }}">{{ config.title }}</a></p>
<article><h1>{{ page.title }}</h1><p>Posted <time datetime="{{ page.date | date(format="%Y-%m-%d") }}">{{ page.date | date(format="%B %-d, %Y") }}</time></p>
<p>{{ page.extra.summary }}</p>
{{ page.content | safe }}</article></body></html>
HTML
}

median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
maximum() { sort -g | tail -n 1; }

echo "breachpage: $("$BIN" --version 2>/dev/null || echo breachpage)"
[ -n "${NO_HUGO:-}" ] || echo "hugo: $(hugo version | cut -d' ' -f1-2)"
[ -n "${NO_ZOLA:-}" ] || echo "zola: $("$ZOLA" --version)"
echo "machine: $(nproc) cores, $(uname -sr); medians of $RUNS runs; output folders removed before each run"
echo

ROWS=()
for n in "${SIZES[@]}"; do
    site=$BENCH_DIR/site-$n
    hugo_site=$BENCH_DIR/hugo-$n
    zola_site=$BENCH_DIR/zola-$n
    # The sites are made again only when the generator's source or the vocabulary it
    # draws from changed (not whenever breachpage is rebuilt): deleting and creating tens
    # of thousands of files just before the runs would slow both generators down.
    stamp="$(cat examples/gen_site/*.rs src/packs/vocabulary.toml scripts/bench.sh | sha256sum | cut -d' ' -f1) $n"
    if [ "$(cat "$BENCH_DIR/stamp-$n" 2>/dev/null)" != "$stamp" ] || [ ! -d "$site" ] || [ ! -d "$hugo_site" ] || [ ! -d "$zola_site" ]; then
        rm -rf "$site" "$hugo_site" "$zola_site" "$BENCH_DIR/stamp-$n"
        "$GEN" "$n" "$site" --hugo "$hugo_site"
        write_zola "$hugo_site" "$zola_site"
        echo "$zola_site: Zola site with $(find "$zola_site/content/notices" -name '*.md' ! -name _index.md | wc -l) pages"
        echo "$stamp" > "$BENCH_DIR/stamp-$n"
    else
        echo "$site: as generated before (same generator)"
    fi
    # Every generated record must pass the law's checks (warnings for unknowns are fine).
    "$BIN" --root "$site" check --today "$TODAY" >/dev/null 2>&1 \
        || { echo "bench: the generated site does not pass check" >&2; exit 1; }
    bp_times=() bp_rss=() hugo_times=() hugo_rss=() zola_times=() zola_rss=()
    for run in $(seq "$RUNS"); do
        read -r t m < <(measure "$BIN" --root "$site" build --today "$TODAY" --output "$OUT/$n/breachpage-$run")
        bp_times+=("$t") bp_rss+=("$m")
        if [ -z "${NO_HUGO:-}" ]; then
            read -r t m < <(measure hugo --quiet --source "$hugo_site" --destination "$OUT/$n/hugo-$run" --cacheDir "$BENCH_DIR/hugo-cache")
            hugo_times+=("$t") hugo_rss+=("$m")
        fi
        if [ -z "${NO_ZOLA:-}" ]; then
            read -r t m < <(measure "$ZOLA" --root "$zola_site" build --output-dir "$OUT/$n/zola-$run")
            zola_times+=("$t") zola_rss+=("$m")
        fi
        echo "  N=$n run $run: breachpage ${bp_times[-1]} s${hugo_times:+, hugo ${hugo_times[-1]} s}${zola_times:+, zola ${zola_times[-1]} s}"
    done
    pages=$(find "$OUT/$n/breachpage-1" -name '*.html' | wc -l)
    bp_t=$(printf '%s\n' "${bp_times[@]}" | median)
    bp_m=$(printf '%s\n' "${bp_rss[@]}" | maximum)
    hugo_pages=- hugo_t=- hugo_m=0 zola_pages=- zola_t=- zola_m=0
    if [ -z "${NO_HUGO:-}" ]; then
        hugo_pages=$(find "$OUT/$n/hugo-1" -name '*.html' | wc -l)
        hugo_t=$(printf '%s\n' "${hugo_times[@]}" | median)
        hugo_m=$(printf '%s\n' "${hugo_rss[@]}" | maximum)
    fi
    if [ -z "${NO_ZOLA:-}" ]; then
        zola_pages=$(find "$OUT/$n/zola-1" -name '*.html' | wc -l)
        zola_t=$(printf '%s\n' "${zola_times[@]}" | median)
        zola_m=$(printf '%s\n' "${zola_rss[@]}" | maximum)
    fi
    ROWS+=("$(awk -v n="$n" -v p="$pages" -v hp="$hugo_pages" -v zp="$zola_pages" -v bt="$bp_t" -v ht="$hugo_t" -v zt="$zola_t" \
        -v bm="$bp_m" -v hm="$hugo_m" -v zm="$zola_m" '
        function secs(t) { return (t == "-") ? "-" : sprintf("%.3f s", t) }
        function ratio(t) { return (t == "-") ? "-" : sprintf("%.1fx", t / bt) }
        function mb(m) { return m ? sprintf("%.0f MB", m / 1024) : "-" }
        BEGIN { printf "| %d | %s / %s / %s | %.3f s | %s | %s | %s | %s | %s | %s | %s |", n, p, hp, zp, bt,
                secs(ht), secs(zt), ratio(ht), ratio(zt), mb(bm), mb(hm), mb(zm) }')")
done

echo
echo "| N | HTML pages (breachpage / Hugo / Zola) | breachpage | Hugo | Zola | Hugo ÷ breachpage | Zola ÷ breachpage | breachpage peak RSS | Hugo peak RSS | Zola peak RSS |"
echo "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
printf '%s\n' "${ROWS[@]}"
