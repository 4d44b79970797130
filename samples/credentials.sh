# Sourced by the samples, before they change directory: the API key each step sends when the service
# runs with access control on (samples/README.md). Set one of:
#   KYSO_API_KEYS_FILE=var/demo-api-keys.txt  the demo's keys, one line per principal (KYSO_SECURITY=true
#                                             scripts/run.sh writes them at each start): each step sends
#                                             the key of the principal it acts as
#   KYSO_API_KEY=<secret>                      one key for every step, for a client allowed them all
# Neither: no credentials, for a service with access control off (scripts/run.sh's default).
# The secret reaches curl through a header file only its owner can read, never on a command line that
# `ps` would show to other users of the machine.
kyso_header_file=$(mktemp)
chmod 600 "$kyso_header_file"
trap 'rm -f "$kyso_header_file"' EXIT

if [ -n "${KYSO_API_KEYS_FILE:-}" ]; then
  if [ ! -r "$KYSO_API_KEYS_FILE" ]; then
    echo "KYSO_API_KEYS_FILE: cannot read $KYSO_API_KEYS_FILE" >&2
    exit 1
  fi
  # Relative to where the sample was started, which it is about to leave.
  KYSO_API_KEYS_FILE=$(realpath "$KYSO_API_KEYS_FILE")
fi

# kyso_as <principal>: the curl calls after it (with -H "@$kyso_header_file") authenticate as that principal.
kyso_as() {
  local secret=""
  if [ -n "${KYSO_API_KEYS_FILE:-}" ]; then
    secret=$(awk -F'\t' -v p="$1" '!/^#/ && $2 == p { print $1; exit }' "$KYSO_API_KEYS_FILE")
    if [ -z "$secret" ]; then
      echo "No API key for '$1' in $KYSO_API_KEYS_FILE" >&2
      return 1
    fi
  elif [ -n "${KYSO_API_KEY:-}" ]; then
    secret="$KYSO_API_KEY"
  fi
  if [ -n "$secret" ]; then
    printf 'X-Kyso-Api-Key: %s\n' "$secret" > "$kyso_header_file"
  else
    : > "$kyso_header_file"
  fi
}
