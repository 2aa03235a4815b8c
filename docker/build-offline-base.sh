#!/usr/bin/env bash
# Builds a base image for docker/Dockerfile without a registry: a jlink image of the local JDK, FROM scratch,
# with a static busybox for `sh` and the C.UTF-8 locale. Prints the image's name.
#
#   docker/build-offline-base.sh [image-name]        (default: threadlab/jdk-base:<java major>)
#
# Needs: a JDK (JAVA_HOME or the `java` on the PATH) with jlink, a running Docker engine, and Debian's
# busybox-static package (installed with apt-get when missing and running as root).
set -euo pipefail

java_home=${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}
major=$("$java_home/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
image=${1:-threadlab/jdk-base:$major}

busybox=/bin/busybox
if [ ! -x "$busybox" ] || ldd "$busybox" >/dev/null 2>&1; then # ldd fails on a static binary
  echo "build-offline-base: installing Debian's busybox-static" >&2
  apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq busybox-static >&2
fi

root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
# Every module of the JDK: batch grading runs the whole grader in the sandbox (javac, the JaCoCo and vmlens
# agents, AWT for the charts), not only the benchmarks.
modules=$("$java_home/bin/java" --list-modules | sed 's/@.*//' | paste -sd, -)
"$java_home/bin/jlink" --add-modules "$modules" --strip-debug --no-man-pages --no-header-files --compress=2 \
  --output "$root/opt/java" 2>/dev/null \
  || "$java_home/bin/jlink" --add-modules "$modules" --strip-debug --no-man-pages --no-header-files --output "$root/opt/java"
# The runtime is linked against the host's glibc: bring along the loader and every library it needs.
find "$root/opt/java" -type f \( -name '*.so' -o -perm -u+x \) -exec ldd {} \; 2>/dev/null \
  | grep -o '/[^ ]*' | sort -u | while read -r lib; do cp -L --parents "$lib" "$root"; done
mkdir -p "$root/bin" "$root/tmp" "$root/etc" "$root/usr/lib/locale"
chmod 1777 "$root/tmp"
cp "$busybox" "$root/bin/busybox"
for tool in sh ls cat mkdir chown chmod rm cp mv ps kill sleep env id; do ln -s busybox "$root/bin/$tool"; done
cp -r /usr/lib/locale/C.utf8 "$root/usr/lib/locale/" 2>/dev/null || true
# util-linux's setpriv: batch grading's grader (root in the container) runs student code as nobody with it.
setpriv=$(command -v setpriv || true)
if [ -n "$setpriv" ]; then
  cp -L "$setpriv" "$root/bin/setpriv"
  ldd "$setpriv" | grep -o '/[^ ]*' | sort -u | while read -r lib; do cp -L --parents "$lib" "$root"; done
fi
printf 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/bin/sh\n' > "$root/etc/passwd"
printf 'root:x:0:\nnogroup:x:65534:\n' > "$root/etc/group"

tar -C "$root" -c . | docker import \
  -c 'ENV PATH=/opt/java/bin:/bin' -c 'ENV JAVA_HOME=/opt/java' -c 'ENV LANG=C.UTF-8' \
  -c 'CMD ["/bin/sh"]' \
  -m "ThreadLab offline base: jlink runtime of Java $major + busybox" - "$image" >/dev/null
echo "$image"
