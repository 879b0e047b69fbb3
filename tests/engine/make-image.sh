#!/usr/bin/env bash
# Builds the test image stackc-test/busybox:1 from Debian's busybox-static with `docker import`
# (no registry, no builder): /bin/busybox with a link per applet, and an index page for httpd. Quick when the
# image is already there.
set -euo pipefail
image="${1:-stackc-test/busybox:1}"
extra_change="${2:-ENV STACKC_TEST_IMAGE=1}"  # a second image differs from the first by this
if docker image inspect "$image" >/dev/null 2>&1; then exit 0; fi
root="$(mktemp -d)"
trap 'rm -rf "$root"' EXIT
mkdir -p "$root/bin" "$root/www" "$root/tmp"
cp /bin/busybox "$root/bin/busybox"
for applet in $(/bin/busybox --list); do
  [ -e "$root/bin/$applet" ] || ln -s busybox "$root/bin/$applet"
done
echo ok > "$root/www/index.html"
tar -C "$root" -c . | docker import -c 'CMD ["sh"]' -c 'ENV PATH=/bin' -c "$extra_change" - "$image" >/dev/null
