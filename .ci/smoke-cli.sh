#!/usr/bin/env bash
# The built CLI under plain node: help, version, validate (exit codes 0/1/2), schema.
set -u
cli="node dist/cli.js"
fail() { echo "smoke-cli: $*"; exit 1; }
$cli --help >/dev/null || fail "--help"
$cli --version | grep -qE '^[0-9]+\.[0-9]+\.[0-9]+' || fail "--version"
$cli validate test/fixtures/harbor-wms.json >/dev/null || fail "validate on a valid deal"
$cli validate test/fixtures/ten-mistakes.json >/dev/null 2>&1; [ $? -eq 1 ] || fail "validate on an invalid deal must exit 1"
$cli validate does-not-exist.json >/dev/null 2>&1; [ $? -eq 2 ] || fail "validate on a missing file must exit 2"
$cli schema | node -e 'JSON.parse(require("fs").readFileSync(0,"utf8"))' || fail "schema is not JSON"
out=$($cli validate test/fixtures/ten-mistakes.json 2>&1)
echo "$out" | grep -q "Traceback\|    at " && fail "a stack trace leaked"
echo "CLI ok"
