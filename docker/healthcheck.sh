#!/bin/sh
# The image's HEALTHCHECK: GET /health on the worker's web port (RESOTOWORKER_WEB_PORT, default
# 9956) with whichever HTTP client the base image has, so it needs no JVM start.
url="http://127.0.0.1:${RESOTOWORKER_WEB_PORT:-9956}/health"
if command -v curl >/dev/null 2>&1; then
  exec curl --fail --silent --show-error --max-time 5 --output /dev/null "$url"
elif command -v wget >/dev/null 2>&1; then
  exec wget --quiet --timeout=5 --output-document=/dev/null "$url"
elif command -v bash >/dev/null 2>&1; then
  # bash's /dev/tcp: a plain HTTP/1.0 request, healthy on a 200 status line.
  exec bash -c 'exec 3<>"/dev/tcp/127.0.0.1/$1" || exit 1
    printf "GET /health HTTP/1.0\r\nHost: localhost\r\n\r\n" >&3
    IFS= read -r -t 5 status <&3 && case "$status" in *" 200 "*) exit 0;; *) echo "$status" >&2; exit 1;; esac' \
    healthcheck "${RESOTOWORKER_WEB_PORT:-9956}"
else
  echo "resotoworker-healthcheck: no curl, wget or bash in the image" >&2
  exit 1
fi
