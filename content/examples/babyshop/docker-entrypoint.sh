#!/bin/sh
# Runs each time the container starts: bring the database up to date, then hand
# PID 1 over to the real command (CMD), so it receives docker stop's SIGTERM.
set -e
python manage.py migrate --noinput
exec "$@"
