#!/usr/bin/env bash
# A private Docker Engine for the labs, on a Debian 12 machine where nothing can be pulled.
#
#   labs/engine.sh up       install what is missing, start the engine, build the images (idempotent)
#   labs/engine.sh down     stop the engine started by `up` (by its pid file)
#   labs/engine.sh env      print `export DOCKER_HOST=...` and the PATH with the engine's CLI
#   labs/engine.sh status   say whether the engine answers and which lab images it has
#   labs/engine.sh images   (re)build the base image and the stand-ins that are missing or changed
#
# How and why: /work/shared/design/real-docker-engine.md. In short: Debian 13's docker.io (26.1)
# runs on Debian 12's libc; its debs are downloaded through a private sources list and unpacked
# into the cache, never installed system-wide. Debian 12's containerd, runc, iptables and tini come
# from plain apt. debian:trixie-slim is made with debootstrap; every other official image the
# lessons name is a stand-in built from Debian packages (labs/standins/*/Dockerfile, listed in
# labs/README.md).
#
# Settings (environment):
#   LABS_CACHE   downloads, unpacked engine, debootstrap tarball and the engine's images
#                (default /var/cache/docker-tutorial-labs; kept between runs so reruns are fast)
#   LABS_RUN     socket, pid file, exec-root, log (default /run/docker-tutorial-labs)
#   LABS_DEBIAN_MIRROR  Debian mirror (default http://deb.debian.org/debian)
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

apt_private() {
  # apt-get on Debian 13 sources only, without touching the system's sources or package lists.
  apt-get -o Dir::Etc::sourcelist="$cache/apt/sources.list" -o Dir::Etc::sourceparts=- \
    -o Dir::State::Lists="$cache/apt/lists" -o Dir::Cache::Archives="$cache/apt/archives" \
    -o APT::Sandbox::User=root "$@"
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
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  fi
}

install_engine() {
  if [ -x "$bin/dockerd" ] && [ -x "$bin/docker" ] && [ -e "$bin/docker-compose" ]; then return; fi
  log "downloading Debian 13 docker.io, docker-cli, docker-buildx, docker-compose into $cache"
  mkdir -p "$cache/apt/lists/partial" "$cache/apt/archives/partial" "$cache/apt/debs" "$bin"
  echo "deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] $mirror trixie main" \
    > "$cache/apt/sources.list"
  apt_private -qq update
  (cd "$cache/apt/debs" && apt_private -qq download docker.io docker-cli docker-buildx docker-compose)
  rm -rf "$cache/root"
  mkdir -p "$cache/root"
  for deb in "$cache"/apt/debs/*.deb; do dpkg -x "$deb" "$cache/root"; done
  # One folder with everything dockerd and the CLI look up on the PATH. docker-init is tini's
  # static build (Debian 12's tini package), which `docker run --init` injects as PID 1.
  ln -sf "$cache/root/usr/bin/docker" "$bin/docker"
  ln -sf "$cache/root/usr/sbin/dockerd" "$bin/dockerd"
  ln -sf "$cache/root/usr/sbin/docker-proxy" "$bin/docker-proxy"
  ln -sf "$(command -v tini-static || echo /usr/bin/tini-static)" "$bin/docker-init"
  # The CLI finds plugins in $DOCKER_CONFIG/cli-plugins; the labs point DOCKER_CONFIG here.
  mkdir -p "$cache/docker-config/cli-plugins"
  ln -sf "$cache/root/usr/libexec/docker/cli-plugins/docker-buildx" "$cache/docker-config/cli-plugins/"
  ln -sf "$cache/root/usr/libexec/docker/cli-plugins/docker-compose" "$cache/docker-config/cli-plugins/"
  ln -sf "$cache/root/usr/libexec/docker/cli-plugins/docker-compose" "$bin/docker-compose"
}

start_engine() {
  if answers; then log "already running at unix://$sock"; return; fi
  [ "$(id -u)" = 0 ] || die "dockerd needs root"
  if [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; then
    die "dockerd (pid $(cat "$pidfile")) is running but does not answer; see $run/dockerd.log or run: $0 down"
  fi
  mkdir -p "$run/exec" "$cache/data"
  rm -f "$sock" "$pidfile"
  log "starting dockerd (data-root $cache/data, socket $sock)"
  PATH="$bin:$PATH" setsid nohup "$bin/dockerd" \
    --data-root "$cache/data" --exec-root "$run/exec" --pidfile "$pidfile" \
    -H "unix://$sock" --group root \
    >"$run/dockerd.log" 2>&1 </dev/null &
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
  mkdir -p "$ctx/host-ca"
  cp /usr/local/share/ca-certificates/*.crt "$ctx/host-ca/" 2>/dev/null || true
  local args=(build --network host --label "$standin_label=$hash" -q)
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
           log "ready: $(docker_cli version -f '{{.Server.Version}}'), $(docker_cli image ls -q | sort -u | wc -l) images" ;;
  down)    stop_engine ;;
  env)     print_env ;;
  status)  status ;;
  images)  build_images ;;
  install) install_host_packages; install_engine ;;
  *)       sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
esac
