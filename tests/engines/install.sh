#!/usr/bin/env bash
# Installs the engines the multi-server tests start for themselves: Debian's `postgresql` and
# `redis-server` packages. Why a script: CI runs on a clean machine as root, without systemd; the
# packages' own services are neither needed nor started (each test starts its own instance on a
# free port in a temporary folder). Safe to run again: it installs only what is missing.
set -euo pipefail
# Test files that start at once wait for one another here, rather than fight over apt's lock.
exec 9>"${TMPDIR:-/tmp}/olifant-engines.lock"
flock 9

missing=()
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
if [ ${#missing[@]} -eq 0 ]; then
  echo "engines: postgresql and redis-server are installed"
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "engines: missing ${missing[*]}; install them as root: apt-get install -y ${missing[*]}" >&2
  exit 1
fi
echo "engines: installing ${missing[*]} from Debian's packages"
export DEBIAN_FRONTEND=noninteractive
# Keep the packages' services from starting (there is no systemd here, and tests use their own ports).
if [ ! -e /usr/sbin/policy-rc.d ]; then
  printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d
  trap 'rm -f /usr/sbin/policy-rc.d' EXIT
fi
apt-get update -q >/dev/null || echo "engines: apt-get update failed; trying the package lists already here" >&2
apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null
echo "engines: installed ${missing[*]}"
