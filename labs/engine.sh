#!/usr/bin/env bash
# A private Docker Engine for the labs, on a Debian 12 machine where nothing can be pulled.
#
#   labs/engine.sh up       install what is missing, start the engine, build the images (idempotent)
#   labs/engine.sh down     stop the engine started by `up` (by its pid file)
#   labs/engine.sh env      print `export DOCKER_HOST=...` and the PATH with the engine's CLI
#   labs/engine.sh status   say whether the engine answers and which lab images it has
#   labs/engine.sh images   (re)build the base image and the stand-ins that are missing or changed
#   labs/engine.sh version  one line: engine, buildx and Compose versions (and a fallback note)
#
# How and why: /work/shared/design/real-docker-engine.md. In short: Debian unstable's docker.io
# (28.5.2, with buildx 0.29.1 and Compose 2.40.3) runs on Debian 12's libc; its debs are downloaded
# by exact version through a private sources list and unpacked into the cache, never installed
# system-wide (fallback: Debian 13's 26.1.5, announced loudly). Debian 12's containerd, runc, iptables and tini come
# from plain apt. debian:trixie-slim is made with debootstrap; every other official image the
# lessons name is a stand-in built from Debian packages (labs/standins/*/Dockerfile, listed in
# labs/README.md).
#
# Settings (environment):
#   LABS_CACHE   downloads, unpacked engine, debootstrap tarball and the engine's images
#                (default /var/cache/docker-tutorial-labs; kept between runs so reruns are fast)
#   LABS_RUN     socket, pid file, exec-root, log (default /run/docker-tutorial-labs)
#   LABS_DEBIAN_MIRROR  Debian mirror (default http://deb.debian.org/debian)
#   LABS_ENGINE  sid (default: Debian unstable's 28.5.2) or trixie (Debian 13's 26.1.5)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cache="${LABS_CACHE:-/var/cache/docker-tutorial-labs}"
run="${LABS_RUN:-/run/docker-tutorial-labs}"
mirror="${LABS_DEBIAN_MIRROR:-http://deb.debian.org/debian}"
sock="$run/docker.sock"
pidfile="$run/dockerd.pid"
bin="$cache/bin"
standin_label="io.dockertutorial.labs.standin"

log() { echo "engine: $*" >&2; }
die() { echo "engine: $*" >&2; exit 1; }

# LABS_DOCKER_HOST: build the images into another engine (a teacher's own); LABS_KEEP_EXISTING=1
# then leaves every tag it already has alone, stand-ins only fill in the missing ones.
docker_cli() {
  local cli="$bin/docker"; [ -x "$cli" ] || cli=docker
  DOCKER_HOST="${LABS_DOCKER_HOST:-unix://$sock}" "$cli" "$@"
}

answers() { [ -S "$sock" ] && docker_cli version >/dev/null 2>&1; }

# The engine the labs want: Debian unstable's Docker Engine 28.5 with its buildx and Compose, by exact
# version (apt checks it against the signed index; when unstable has moved on, the same file is
# fetched from the mirror's pool and checked against the SHA-256 below). When neither works, or the
# binaries do not run on this machine's glibc, the labs fall back to Debian 13's 26.1.5 and say so
# loudly (`engine.sh version`, the labs' summary line). LABS_ENGINE=trixie picks the fallback on purpose.
#   package  version  pool file  sha256
wanted_sid='
docker.io 28.5.2+dfsg4-5 pool/main/d/docker.io/docker.io_28.5.2+dfsg4-5_amd64.deb 69a59cc77a1fb8ee9ad6859abc2e6de5d76b70887405595c2b1307818fecf682
docker-cli 28.5.2+dfsg4-5 pool/main/d/docker.io/docker-cli_28.5.2+dfsg4-5_amd64.deb 8ea2428acdda666f41263f5a0d3a85681a696491361574eb7bd721a1194939b9
docker-buildx 0.29.1+ds1-4 pool/main/d/docker-buildx/docker-buildx_0.29.1+ds1-4_amd64.deb 6103bcc4eab8169ae679f806d3949ffc99a1545a61fddea6124da826f115f2bf
docker-compose 2.40.3-3 pool/main/d/docker-compose/docker-compose_2.40.3-3_amd64.deb e7603d5e6df0f8404f7b03da478022b87d7b50644cffe68884b071e5cfc17fd3
'
engine_set="${LABS_ENGINE:-sid}"

apt_private() {
  # apt-get on one suite's sources only ($suite), without touching the system's sources or lists.
  apt-get -o Dir::Etc::sourcelist="$cache/apt/$suite/sources.list" -o Dir::Etc::sourceparts=- \
    -o Dir::State::Lists="$cache/apt/$suite/lists" -o Dir::Cache::Archives="$cache/apt/$suite/archives" \
    -o APT::Sandbox::User=root "$@"
}

apt_suite() {
  suite="$1"
  mkdir -p "$cache/apt/$suite/lists/partial" "$cache/apt/$suite/archives/partial"
  echo "deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] $mirror $suite main" \
    > "$cache/apt/$suite/sources.list"
  apt_private -qq update
}

install_host_packages() {
  local need=() cmd pkg
  for pair in containerd:containerd runc:runc iptables:iptables tini-static:tini \
              debootstrap:debootstrap curl:curl; do
    cmd="${pair%%:*}"; pkg="${pair##*:}"
    command -v "$cmd" >/dev/null 2>&1 || [ -x "/usr/sbin/$cmd" ] || need+=("$pkg")
  done
  if [ ${#need[@]} -gt 0 ]; then
    [ "$(id -u)" = 0 ] || die "needs root to install: ${need[*]}"
    log "installing from Debian 12: ${need[*]}"
    export DEBIAN_FRONTEND=noninteractive
    # Another apt on this machine (another engineer, CI's own installs): wait for its lock.
    apt-get -o DPkg::Lock::Timeout=900 update -qq
    apt-get -o DPkg::Lock::Timeout=900 install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  fi
}

# Downloads Debian unstable's pinned debs into $1; fails (status 1) when a file cannot be had.
fetch_sid() {
  local debs="$1" pkg ver pool sum file specs=()
  while read -r pkg ver pool sum; do [ -n "$pkg" ] && specs+=("$pkg=$ver"); done <<<"$wanted_sid"
  if apt_suite sid >/dev/null 2>&1 && (cd "$debs" && apt_private -qq download "${specs[@]}") >/dev/null 2>&1; then
    return 0
  fi
  log "Debian unstable's index no longer lists ${specs[*]}; trying the mirror's pool"
  while read -r pkg ver pool sum; do
    [ -n "$pkg" ] || continue
    file="$debs/$(basename "$pool")"
    curl -fsS --retry 2 -o "$file.part" "$mirror/$pool" 2>/dev/null || { rm -f "$file.part"; return 1; }
    echo "$sum  $file.part" | sha256sum -c --quiet - >/dev/null 2>&1 || { rm -f "$file.part"; log "$pool: wrong SHA-256"; return 1; }
    mv "$file.part" "$file"
  done <<<"$wanted_sid"
}

fetch_trixie() {
  apt_suite trixie >/dev/null
  (cd "$1" && apt_private -qq download docker.io docker-cli docker-buildx docker-compose)
}

# Whether the unpacked binaries run here (glibc): each prints its version.
binaries_run() {
  local root="$1"
  "$root/usr/sbin/dockerd" --version >/dev/null 2>&1 && "$root/usr/bin/docker" --version >/dev/null 2>&1 \
    && "$root/usr/libexec/docker/cli-plugins/docker-buildx" version >/dev/null 2>&1 \
    && "$root/usr/libexec/docker/cli-plugins/docker-compose" version >/dev/null 2>&1
}

# Unpacks set $1 (sid or trixie) into $cache/engines/$1; fails when it cannot be had or does not run here.
unpack_set() {
  local set="$1" dir="$cache/engines/$1"
  if [ -f "$dir/ok" ] && binaries_run "$dir/root"; then return 0; fi
  log "downloading the $set Docker Engine debs into $dir"
  rm -rf "$dir"; mkdir -p "$dir/debs" "$dir/root"
  "fetch_$set" "$dir/debs" || return 1
  local deb; for deb in "$dir"/debs/*.deb; do dpkg -x "$deb" "$dir/root"; done
  binaries_run "$dir/root" || { log "the $set binaries do not run here: $("$dir/root/usr/sbin/dockerd" --version 2>&1 | head -n 1)"; return 1; }
  touch "$dir/ok"
}

install_engine() {
  local set="$engine_set" note=""
  mkdir -p "$cache" "$bin"
  if [ "$set" = sid ] && ! unpack_set sid; then
    note="FALLBACK: Debian unstable's Docker Engine 28.5.2 could not be fetched or does not run here; the labs use Debian 13's engine"
    echo "engine: ******** $note ********" >&2
    set=trixie
  fi
  if [ "$set" = trixie ]; then unpack_set trixie || die "neither Debian unstable's nor Debian 13's Docker Engine could be installed (see above)"; fi
  if [ -z "$note" ] && [ "$engine_set" = trixie ]; then note="Debian 13's engine, chosen with LABS_ENGINE=trixie"; fi
  echo "$set" > "$cache/engine.set"; printf '%s\n' "$note" > "$cache/engine.note"
  local root="$cache/engines/$set/root"
  # One folder with everything dockerd and the CLI look up on the PATH. docker-init is tini's
  # static build (Debian 12's tini package), which `docker run --init` injects as PID 1.
  ln -sfn "$root/usr/bin/docker" "$bin/docker"
  ln -sfn "$root/usr/sbin/dockerd" "$bin/dockerd"
  ln -sfn "$root/usr/sbin/docker-proxy" "$bin/docker-proxy"
  ln -sfn "$(command -v tini-static || echo /usr/bin/tini-static)" "$bin/docker-init"
  # The CLI finds plugins in $DOCKER_CONFIG/cli-plugins; the labs point DOCKER_CONFIG here.
  mkdir -p "$cache/docker-config/cli-plugins"
  ln -sfn "$root/usr/libexec/docker/cli-plugins/docker-buildx" "$cache/docker-config/cli-plugins/docker-buildx"
  ln -sfn "$root/usr/libexec/docker/cli-plugins/docker-compose" "$cache/docker-config/cli-plugins/docker-compose"
  ln -sfn "$root/usr/libexec/docker/cli-plugins/docker-compose" "$bin/docker-compose"
}

# One line: the engine, its buildx and Compose, and the fallback note when there is one.
version_line() {
  local note=""; [ -f "$cache/engine.note" ] && note="$(cat "$cache/engine.note")"
  local server; server="$(docker_cli version -f '{{.Server.Version}}' 2>/dev/null || echo 'not running')"
  local bx; bx="$(DOCKER_CONFIG="$cache/docker-config" docker_cli buildx version 2>/dev/null | awk '{print $2}')"
  local cp; cp="$(DOCKER_CONFIG="$cache/docker-config" docker_cli compose version --short 2>/dev/null)"
  echo "Docker Engine $server ($(cat "$cache/engine.set" 2>/dev/null || echo '?')), buildx ${bx:-?}, Compose ${cp:-?}${note:+; $note}"
}

start_engine() {
  local set; set="$(cat "$cache/engine.set")"
  local want; want="$("$bin/dockerd" --version | sed -n 's/^Docker version \([^,]*\),.*/\1/p')"
  if answers; then
    local have; have="$(docker_cli version -f '{{.Server.Version}}')"
    log "already running at unix://$sock ($have)"
    # Others may be using it: never restart it behind their back; say what `down` + `up` would change.
    [ "$have" = "$want" ] || log "******** the running engine is $have, the installed one $want: run '$0 down' then '$0 up' when nobody uses it ********"
    return
  fi
  [ "$(id -u)" = 0 ] || die "dockerd needs root"
  if [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; then
    die "dockerd (pid $(cat "$pidfile")) is running but does not answer; see $run/dockerd.log or run: $0 down"
  fi
  # One data-root per engine set: images stay between runs, and a fallback never opens a newer
  # engine's data with an older one.
  local data="$cache/data-$set"
  mkdir -p "$run/exec" "$data"
  rm -f "$sock" "$pidfile"
  log "starting dockerd $want (data-root $data, socket $sock)"
  # 9>&- : the daemon must not inherit the lock's descriptor, or it would hold the lock for as long
  # as it runs and the next `up` would wait for it.
  PATH="$bin:$PATH" setsid nohup "$bin/dockerd" \
    --data-root "$data" --exec-root "$run/exec" --pidfile "$pidfile" \
    -H "unix://$sock" --group root \
    >"$run/dockerd.log" 2>&1 </dev/null 9>&- &
  for _ in $(seq 1 60); do
    if answers; then log "ready: unix://$sock"; return; fi
    sleep 1
  done
  tail -n 30 "$run/dockerd.log" >&2 || true
  die "dockerd did not answer within 60 s (log: $run/dockerd.log)"
}

stop_engine() {
  if [ ! -f "$pidfile" ]; then log "not running (no $pidfile)"; return; fi
  local pid; pid="$(cat "$pidfile")"
  if ! kill -0 "$pid" 2>/dev/null; then rm -f "$pidfile"; log "not running"; return; fi
  grep -q dockerd "/proc/$pid/cmdline" 2>/dev/null || die "pid $pid in $pidfile is not dockerd; not stopping it"
  log "stopping dockerd (pid $pid)"
  kill -TERM "$pid"
  for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || { log "stopped"; return; }; sleep 1; done
  die "dockerd (pid $pid) still running after 60 s"
}

base_image() {
  if docker_cli image inspect debian:trixie-slim >/dev/null 2>&1; then return; fi
  local tarball="$cache/debian-trixie-minbase.tar"
  if [ ! -s "$tarball" ]; then
    log "debootstrap trixie (minbase) from $mirror"
    local rootfs; rootfs="$(mktemp -d "$cache/rootfs.XXXXXX")"
    debootstrap --variant=minbase --keyring=/usr/share/keyrings/debian-archive-keyring.gpg \
      trixie "$rootfs" "$mirror" >"$cache/debootstrap.log" 2>&1 \
      || { tail -n 20 "$cache/debootstrap.log" >&2; rm -rf "$rootfs"; die "debootstrap failed"; }
    # What the official slim image also does: no package lists or caches left in the image.
    rm -rf "$rootfs"/var/lib/apt/lists/* "$rootfs"/var/cache/apt/*.bin "$rootfs"/var/cache/apt/archives/*.deb
    tar --numeric-owner -C "$rootfs" -cf "$tarball.part" . && mv "$tarball.part" "$tarball"
    rm -rf "$rootfs"
  fi
  log "importing debian:trixie-slim"
  docker_cli import \
    --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
    --change 'CMD ["bash"]' "$tarball" debian:trixie-slim >/dev/null
}

# The tags a stand-in provides: the "# stand-in for:" line(s) of its Dockerfile.
standin_tags() { sed -n 's/^# stand-in for: *//p' "$1/Dockerfile" | tr ' ,' '\n\n' | sed '/^$/d'; }

# A stand-in's base: the first FROM of its Dockerfile (a tag built earlier, e.g. debian:trixie-slim).
standin_from() { awk 'toupper($1)=="FROM"{for(i=2;i<=NF;i++) if ($i !~ /^--/) {print $i; exit}}' "$1/Dockerfile"; }

standin_hash() { (cd "$1" && find . -type f -print0 | sort -z | xargs -0 sha256sum | sha256sum | cut -c1-16); }

build_standin() {
  local dir="$1" hash tags first current ctx
  hash="$(standin_hash "$dir")"
  mapfile -t tags < <(standin_tags "$dir")
  [ ${#tags[@]} -gt 0 ] || die "$dir/Dockerfile has no '# stand-in for: TAG' line"
  first="${tags[0]}"
  current="$(docker_cli image inspect -f "{{index .Config.Labels \"$standin_label\"}}" "$first" 2>/dev/null || true)"
  if [ "$current" = "$hash" ] || { [ "${LABS_KEEP_EXISTING:-}" = 1 ] && docker_cli image inspect "$first" >/dev/null 2>&1; }; then
    for t in "${tags[@]}"; do docker_cli image inspect "$t" >/dev/null 2>&1 || docker_cli tag "$first" "$t"; done
    return
  fi
  log "building stand-in ${tags[*]} ($(basename "$dir"))"
  # The context is the stand-in's folder plus host-ca/: the CA certificates this host trusts
  # beyond Debian's (a TLS proxy in CI). Only stand-ins that fetch over HTTPS copy them in.
  ctx="$(mktemp -d)"
  cp -a "$dir/." "$ctx/"
  mkdir -p "$ctx/host-ca" "$ctx/engine-debs"
  cp /usr/local/share/ca-certificates/*.crt "$ctx/host-ca/" 2>/dev/null || true
  # engine-debs/: the labs engine's own Debian unstable debs, so a stand-in that runs an engine
  # (dind) needs no download, even after Debian unstable has moved on.
  cp "$cache"/engines/sid/debs/*.deb "$ctx/engine-debs/" 2>/dev/null || true
  local args=(build --network host --label "$standin_label=$hash" -q)
  grep -q '^ARG MIRROR' "$dir/Dockerfile" && args+=(--build-arg "MIRROR=$mirror")
  for t in "${tags[@]}"; do args+=(-t "$t"); done
  local config="$cache/docker-config"
  [ -z "${LABS_DOCKER_HOST:-}" ] || config="${DOCKER_CONFIG:-$HOME/.docker}"
  if ! DOCKER_CONFIG="$config" docker_cli "${args[@]}" "$ctx" >"$run/build.log" 2>&1; then
    tail -n 40 "$run/build.log" >&2; rm -rf "$ctx"; die "stand-in $(basename "$dir") failed to build"
  fi
  rm -rf "$ctx"
}

build_images() {
  mkdir -p "$run"
  base_image
  # Build in dependency order: a stand-in whose FROM is another stand-in's tag waits for it.
  local pending=() next=() dir from progress
  for dir in "$here"/standins/*/; do [ -f "$dir/Dockerfile" ] && pending+=("${dir%/}"); done
  while [ ${#pending[@]} -gt 0 ]; do
    next=(); progress=0
    for dir in "${pending[@]}"; do
      from="$(standin_from "$dir")"
      if [ "$from" = scratch ] || docker_cli image inspect "$from" >/dev/null 2>&1 \
         || ! grep -rqs "^# stand-in for:.*\b${from}\b" "$here"/standins/*/Dockerfile; then
        build_standin "$dir"; progress=1
      else
        next+=("$dir")
      fi
    done
    [ $progress = 1 ] || die "stand-ins wait on each other: ${next[*]}"
    pending=("${next[@]+"${next[@]}"}")
  done
}

print_env() {
  echo "export DOCKER_HOST=unix://$sock"
  echo "export DOCKER_CONFIG=$cache/docker-config"
  echo "export PATH=$bin:\$PATH"
}

status() {
  if answers; then
    echo "engine: running at unix://$sock ($(docker_cli version -f '{{.Server.Version}}'))"
    docker_cli image ls --format '{{.Repository}}:{{.Tag}}' | sort
  else
    echo "engine: not running"; return 1
  fi
}

# One builder at a time: concurrent runs (two test JVMs, a helper and CI) wait for each other.
lock() { mkdir -p "$run"; exec 9>"$run/engine.lock"; flock -w 1800 9 || die "another engine.sh held $run/engine.lock for 30 min"; }

case "${1:-}" in
  up|images|install) lock ;;
esac
case "${1:-}" in
  up)      install_host_packages; install_engine; start_engine; build_images
           log "ready: $(version_line), $(docker_cli image ls -q | sort -u | wc -l) images" ;;
  version) version_line ;;
  down)    stop_engine ;;
  env)     print_env ;;
  status)  status ;;
  images)  build_images ;;
  install) install_host_packages; install_engine ;;
  *)       sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
esac
