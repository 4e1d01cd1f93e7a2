#!/bin/sh
# Runs the scripts in /docker-entrypoint.d (as the official image does) before nginx starts.
set -e
if [ "$1" = nginx ] || [ "$1" = nginx-debug ]; then
    for script in /docker-entrypoint.d/*.sh; do
        [ -x "$script" ] && "$script"
    done
fi
exec "$@"
