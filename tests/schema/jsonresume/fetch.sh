#!/usr/bin/env bash
# Re-fetch the official JSON Resume schema (npm package @jsonresume/schema) into this folder.
# Usage: tests/schema/jsonresume/fetch.sh [VERSION]   (default: the version in README.md)
# Needs npm and tar. Review the diff and update README.md (version, sha256) before committing.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
version="${1:-$(sed -n 's/^version: //p' "$here/README.md")}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm pack --silent "@jsonresume/schema@${version}" >/dev/null)
tar -xzf "$tmp"/jsonresume-schema-*.tgz -C "$tmp"
cp "$tmp/package/schema.json" "$tmp/package/LICENSE.md" "$here/"
echo "fetched @jsonresume/schema@${version}"
sha256sum "$here/schema.json"
