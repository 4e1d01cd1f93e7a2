#!/bin/sh
# Starts dockerd as the official docker:dind image does: arguments that start with "-" are
# dockerd's flags. Only the Unix socket inside the container (no TCP, no TLS certificates:
# DOCKER_TLS_CERTDIR is ignored; the lessons use `docker exec`).
set -e
if [ "$#" -eq 0 ] || [ "${1#-}" != "$1" ]; then
  set -- dockerd "$@"
fi
if [ "$1" = dockerd ]; then
  # What a privileged container needs before an engine can run in it (moby's hack/dind does the same).
  if [ -d /sys/kernel/security ] && ! mountpoint -q /sys/kernel/security; then
    mount -t securityfs none /sys/kernel/security || true
  fi
  mount --make-rshared / || true
  rm -f /var/run/docker.pid
fi
exec "$@"
