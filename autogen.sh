#!/bin/sh
# autogen.sh: regenerate the build system; with --install-deps, first
# install the Debian packages that building and testing need.
set -e
cd "$(dirname "$0")"

# What a fresh Debian machine lacks to build, run and test rehearse.
deps="build-essential autoconf automake pkg-config libsqlite3-dev
libyaml-dev libreadline-dev libcmocka-dev expect python3 tmux valgrind
mandoc sqlite3 clang libclang-rt-dev zsh gettext autopoint locales
espeak-ng libespeak-ng-dev"

missing() {
	for p in $deps; do
		dpkg-query -W -f '${Status}\n' "$p" 2>/dev/null |
		    grep -q 'ok installed' || printf '%s ' "$p"
	done
}

if [ "${1:-}" = --install-deps ]; then
	need=$(missing)
	if [ -n "$need" ]; then
		if [ "$(id -u)" -ne 0 ]; then
			echo "autogen.sh: missing packages; as root, run:" >&2
			echo "  apt-get update && apt-get install -y $need" >&2
			exit 1
		fi
		export DEBIAN_FRONTEND=noninteractive
		apt-get update -q
		# shellcheck disable=SC2086
		apt-get install -y -q $need
	fi
fi
autoreconf --install --force --warnings=all
