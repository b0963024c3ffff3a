#!/bin/sh
# The image's HEALTHCHECK: GET /health on the worker's web port (RESOTOWORKER_WEB_PORT, default
# 9956) with whichever HTTP client the base image has, so it needs no JVM start.
# With an https core (and resotoworker.no_tls not set) the worker serves HTTPS with a certificate
# its core signed: plain HTTP is tried first, then HTTPS without verifying the certificate (the
# check only asks the worker in the same container).
port="${RESOTOWORKER_WEB_PORT:-9956}"
url="http://127.0.0.1:${port}/health"
tls_url="https://127.0.0.1:${port}/health"
if command -v curl >/dev/null 2>&1; then
  curl --fail --silent --max-time 5 --output /dev/null "$url" 2>/dev/null && exit 0
  exec curl --fail --silent --show-error --insecure --max-time 5 --output /dev/null "$tls_url"
elif command -v wget >/dev/null 2>&1; then
  wget --quiet --timeout=5 --output-document=/dev/null "$url" 2>/dev/null && exit 0
  exec wget --quiet --no-check-certificate --timeout=5 --output-document=/dev/null "$tls_url"
elif command -v bash >/dev/null 2>&1; then
  # bash's /dev/tcp: a plain HTTP/1.0 request, healthy on a 200 status line (no HTTPS: with an
  # https core set resotoworker.no_tls, or use a base image with curl or wget).
  exec bash -c 'exec 3<>"/dev/tcp/127.0.0.1/$1" || exit 1
    printf "GET /health HTTP/1.0\r\nHost: localhost\r\n\r\n" >&3
    IFS= read -r -t 5 status <&3 && case "$status" in *" 200 "*) exit 0;; *) echo "$status" >&2; exit 1;; esac' \
    healthcheck "$port"
else
  echo "resotoworker-healthcheck: no curl, wget or bash in the image" >&2
  exit 1
fi
