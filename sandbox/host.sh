#!/usr/bin/env bash
# Prepares a Debian/Ubuntu host for classroom mode (README: "Classroom sandboxes"). Run as root, once;
# running it again only does what is missing.
#
#   sandbox/host.sh            install packages, fetch the engine, make the base image
#   sandbox/host.sh check      say what is there and what is missing (changes nothing)
#   sandbox/host.sh save TAG…  save images from the labs' engine (labs/engine.sh) for every sandbox to load
#
# What it installs with apt: uidmap (newuidmap/newgidmap), slirp4netns, rootlesskit, iptables, runc,
# tini (docker run --init), debootstrap, e2fsprogs. Docker Engine 28.5.2 (docker.io, docker-cli, containerd,
# docker-buildx, docker-compose) is downloaded from Debian unstable through a private sources list and
# unpacked under $SANDBOX_HOME/engine, never installed system-wide (the system's apt sources are not touched).
# The base image is Debian 13 (trixie) minbase from debootstrap, taken from the labs' cache when it has one.
#
# Environment: SANDBOX_HOME (default /var/lib/docker-tutorial-sandbox), SANDBOX_DEBIAN_MIRROR
# (default http://deb.debian.org/debian), LABS_CACHE (default /var/cache/docker-tutorial-labs).
set -euo pipefail

home="${SANDBOX_HOME:-/var/lib/docker-tutorial-sandbox}"
mirror="${SANDBOX_DEBIAN_MIRROR:-http://deb.debian.org/debian}"
labs_cache="${LABS_CACHE:-/var/cache/docker-tutorial-labs}"
engine_debs=(docker.io docker-cli containerd docker-buildx docker-compose)
apt_needs=(uidmap:newuidmap slirp4netns:slirp4netns rootlesskit:rootlesskit iptables:iptables runc:runc
           tini:tini-static debootstrap:debootstrap e2fsprogs:mkfs.ext4 curl:curl)

say() { printf 'sandbox host: %s\n' "$*" >&2; }
die() { say "$*"; exit 1; }

missing_packages() {
  local pair
  for pair in "${apt_needs[@]}"; do
    command -v "${pair#*:}" >/dev/null 2>&1 || [ -x "/usr/sbin/${pair#*:}" ] || echo "${pair%%:*}"
  done
}

apt_install() {
  local need; need=$(missing_packages | tr '\n' ' ')
  [ -z "${need// /}" ] && return 0
  say "apt-get install $need"
  export DEBIAN_FRONTEND=noninteractive
  # Another apt may hold the lock (a shared machine): wait for it, never break it.
  for _ in $(seq 1 60); do
    if apt-get update -qq && apt-get install -y -qq --no-install-recommends $need >/dev/null; then return 0; fi
    say "apt busy or failed, retrying in 10 s"; sleep 10
  done
  die "apt-get install failed: $need"
}

fetch_engine() {
  [ -x "$home/engine/root/usr/sbin/dockerd" ] && [ -x "$home/engine/root/usr/bin/docker" ] && return 0
  local apt="$home/engine/apt"
  mkdir -p "$apt/lists/partial" "$apt/archives/partial" "$apt/debs" "$home/engine/root"
  echo "deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] $mirror sid main" > "$apt/sources.list"
  local opts=(-o Dir::Etc::sourcelist="$apt/sources.list" -o Dir::Etc::sourceparts=-
              -o Dir::State::Lists="$apt/lists" -o Dir::Cache::Archives="$apt/archives"
              -o APT::Sandbox::User=root)
  say "downloading ${engine_debs[*]} from Debian unstable (private sources list)"
  apt-get "${opts[@]}" update -qq
  (cd "$apt/debs" && apt-get "${opts[@]}" download "${engine_debs[@]}" >/dev/null)
  local deb; for deb in "$apt"/debs/*.deb; do dpkg -x "$deb" "$home/engine/root"; done
  "$home/engine/root/usr/sbin/dockerd" --version >&2
}

link_bin() {
  local r="$home/engine/root" b="$home/engine/bin"
  mkdir -p "$b"
  ln -sfn "$r/usr/sbin/dockerd" "$b/dockerd"
  ln -sfn "$r/usr/bin/docker" "$b/docker"
  local f; for f in docker-proxy; do
    for d in "$r/usr/sbin" "$r/usr/bin" "$r/usr/libexec/docker"; do [ -e "$d/$f" ] && ln -sfn "$d/$f" "$b/$f"; done
  done
  for f in containerd containerd-shim-runc-v2 ctr; do ln -sfn "$r/usr/bin/$f" "$b/$f"; done
  # Debian 12's runc: unstable's needs a newer glibc. tini-static for docker run --init.
  ln -sfn "$(command -v runc || echo /usr/sbin/runc)" "$b/runc"
  ln -sfn "$(command -v tini-static || echo /usr/bin/tini-static)" "$b/docker-init"
  install -m 755 "$r/usr/share/docker.io/contrib/dockerd-rootless.sh" "$b/dockerd-rootless.sh"
  mkdir -p "$home/engine/cli-plugins"
  ln -sfn "$r/usr/libexec/docker/cli-plugins/docker-compose" "$home/engine/cli-plugins/docker-compose"
  ln -sfn "$r/usr/libexec/docker/cli-plugins/docker-buildx" "$home/engine/cli-plugins/docker-buildx"
  chmod 755 "$home" "$home/engine" "$b"
}

base_image() {
  local out="$home/images/debian-trixie-slim.tar"
  mkdir -p "$home/images"; chmod 755 "$home/images"
  [ -s "$out" ] && return 0
  local found; found=$(ls "$labs_cache"/*trixie*.tar 2>/dev/null | head -n 1 || true)
  if [ -n "$found" ]; then
    say "base image from the labs' cache: $found"; cp "$found" "$out.part"
  else
    local rootfs; rootfs=$(mktemp -d "$home/images/rootfs.XXXXXX")
    say "debootstrap --variant=minbase trixie from $mirror (about a minute)"
    debootstrap --variant=minbase --keyring=/usr/share/keyrings/debian-archive-keyring.gpg \
      trixie "$rootfs" "$mirror" >"$home/images/debootstrap.log" 2>&1 \
      || { tail -n 20 "$home/images/debootstrap.log" >&2; rm -rf "$rootfs"; die "debootstrap failed"; }
    rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/*
    tar -C "$rootfs" --numeric-owner -cf "$out.part" .
    rm -rf "$rootfs"
  fi
  mv "$out.part" "$out"; chmod 644 "$out"
}

check() {
  local ok=true need; need=$(missing_packages | tr '\n' ' ')
  [ -n "${need// /}" ] && { say "missing packages: $need"; ok=false; }
  [ -x "$home/engine/bin/dockerd" ] || { say "missing engine: $home/engine/bin/dockerd"; ok=false; }
  [ -s "$home/images/debian-trixie-slim.tar" ] || { say "missing base image: $home/images/debian-trixie-slim.tar"; ok=false; }
  $ok && say "ready in $home"
  $ok
}

[ "$(uname -s)" = Linux ] || die "classroom mode needs Linux"
case "${1:-setup}" in
  check) check ;;
  setup)
    [ "$(id -u)" = 0 ] || die "run as root"
    mkdir -p "$home"; chmod 755 "$home"
    apt_install; fetch_engine; link_bin; base_image; check ;;
  save)
    shift; [ $# -gt 0 ] || die "usage: $0 save TAG..."
    here=$(cd "$(dirname "$0")/.." && pwd)
    eval "$("$here/labs/engine.sh" env)"
    mkdir -p "$home/images"
    docker save -o "$home/images/saved.image.tar.part" "$@" && mv "$home/images/saved.image.tar.part" "$home/images/saved.image.tar"
    chmod 644 "$home/images/saved.image.tar"; say "saved $* to $home/images/saved.image.tar" ;;
  *) die "usage: $0 [setup|check|save TAG...]" ;;
esac
