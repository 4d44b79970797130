#!/usr/bin/env bash
# Installs the npm libraries the tests use as independent checkers of our XML and JOSE signatures
# (xml-crypto for XMLDSig/XAdES, jose for JAdES, PKI.js for CMS/CAdES) into var/tools/node, at pinned versions.
# Called from scripts/deps.sh; safe to run again: it does nothing when the pinned versions are there.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dir="$root/var/tools/node"
# Pinned so that a change in a checker never passes for a change in our output.
packages=("xml-crypto@6.3.2" "@xmldom/xmldom@0.8.15" "jose@6.2.19" "pkijs@3.4.3")

installed() {
  local spec name version
  for spec in "${packages[@]}"; do
    name="${spec%@*}"
    version="${spec##*@}"
    [ -f "$dir/node_modules/$name/package.json" ] || return 1
    grep -q "\"version\": *\"$version\"" "$dir/node_modules/$name/package.json" || return 1
  done
}

if installed; then
  exit 0
fi
command -v npm >/dev/null 2>&1 || { echo "npm is missing: run scripts/deps.sh first" >&2; exit 1; }
mkdir -p "$dir"
[ -f "$dir/package.json" ] || echo '{"name":"kyso-test-tools","private":true}' > "$dir/package.json"
echo "Installing npm checkers into $dir: ${packages[*]}" >&2
npm install --prefix "$dir" --no-audit --no-fund --save-exact --loglevel=error "${packages[@]}"
installed || { echo "npm did not install the pinned checkers" >&2; exit 1; }
