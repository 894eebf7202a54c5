#!/usr/bin/env bash
# Installs Debian's chromium, which the HTML report tests load reports in (a real headless browser). Run by the
# test project before its tests (Systematic.csproj); does nothing where /usr/bin/chromium already exists.
set -u
[ -x /usr/bin/chromium ] && exit 0

if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "install-chromium: /usr/bin/chromium is missing and cannot be installed here (needs root and apt-get):" \
    "the HTML report tests will fail until it is installed (apt-get install -y chromium)" >&2
  exit 0
fi

echo "install-chromium: installing Debian's chromium for the HTML report tests (apt-get install -y chromium)"
export DEBIAN_FRONTEND=noninteractive
if ! { apt-get update -qq && apt-get install -y -qq chromium >/dev/null; }; then
  echo "install-chromium: apt-get install chromium failed: the HTML report tests will fail" >&2
fi
exit 0
