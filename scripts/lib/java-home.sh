# Sourced by ./registry and .ci/run: makes sure JAVA_HOME names a JDK 21 or newer.
# Order: $JAVA_HOME if it is new enough, then `java` on the PATH, then /usr/lib/jvm/*.

registry_java_major() {
  # Prints the major version of the java binary $1, or 0.
  local v
  v=$("$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p' | head -n1)
  case "$v" in
    1.*) echo "${v#1.}" | cut -d. -f1 ;;
    "") echo 0 ;;
    *) echo "${v%%.*}" ;;
  esac
}

registry_pick_java() {
  local candidate
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ] \
      && [ "$(registry_java_major "$JAVA_HOME/bin/java")" -ge 21 ]; then
    return 0
  fi
  if command -v java >/dev/null 2>&1; then
    candidate=$(command -v java)
    candidate=$(readlink -f "$candidate")
    if [ "$(registry_java_major "$candidate")" -ge 21 ]; then
      JAVA_HOME=$(dirname "$(dirname "$candidate")")
      export JAVA_HOME
      return 0
    fi
  fi
  for candidate in /usr/lib/jvm/*/bin/java /Library/Java/JavaVirtualMachines/*/Contents/Home/bin/java; do
    [ -x "$candidate" ] || continue
    if [ "$(registry_java_major "$candidate")" -ge 21 ]; then
      JAVA_HOME=$(dirname "$(dirname "$candidate")")
      export JAVA_HOME
      return 0
    fi
  done
  echo "registry: needs a JDK 21 or newer; set JAVA_HOME to one" >&2
  return 1
}
