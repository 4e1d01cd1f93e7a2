#!/bin/sh
# A config file as the only argument means "serve with it"; registry subcommands pass through.
set -e
case "$1" in
    *.yaml|*.yml) set -- registry serve "$@" ;;
    serve|garbage-collect|help|-*) set -- registry "$@" ;;
esac
exec "$@"
