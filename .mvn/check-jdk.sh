#!/bin/sh
# Fails the build with one readable line when no JDK >= $1 can be found.
# Maven itself may run on an older JDK; maven-toolchains-plugin (select-jdk-toolchain) then picks
# the JDK that compiles, tests and runs our code. This script only looks in the places that plugin
# discovers from, so that a machine without any suitable JDK gets a clear message instead of a
# toolchain stack trace. It prints nothing when a suitable JDK exists.
need="${1:-21}"

major_of() { # $1 = JDK home; prints its major version, or nothing
  [ -x "$1/bin/javac" ] || return 0
  [ -f "$1/release" ] || return 0
  v=$(sed -n 's/^JAVA_VERSION="\([0-9][0-9]*\).*/\1/p' "$1/release")
  [ "$v" = "1" ] && v=8
  echo "$v"
}

candidates() {
  [ -n "${JAVA_HOME:-}" ] && echo "$JAVA_HOME"
  env | sed -n 's/^JAVA[0-9]*_HOME=//p'
  j=$(command -v javac 2>/dev/null) && [ -n "$j" ] && dirname "$(dirname "$(readlink -f "$j")")"
  for d in /usr/lib/jvm/* /usr/java/* /opt/java/* /opt/jdk* /usr/local/java/* \
           "$HOME"/.sdkman/candidates/java/* "$HOME"/.jdks/* "$HOME"/.asdf/installs/java/* \
           /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [ -d "$d" ] && echo "$d"
  done
}

for home in $(candidates); do
  m=$(major_of "$home")
  if [ -n "$m" ] && [ "$m" -ge "$need" ] 2>/dev/null; then exit 0; fi
done
# A hand-written toolchains.xml may point anywhere: let the toolchains plugin decide.
[ -f "$HOME/.m2/toolchains.xml" ] && exit 0

echo "restake4j needs a JDK $need or newer to build; none was found (looked in JAVA_HOME, JAVA*_HOME, PATH, /usr/lib/jvm, /usr/java, /opt, ~/.sdkman, ~/.jdks). Install one, e.g. Temurin $need, or set JAVA_HOME." >&2
exit 1
