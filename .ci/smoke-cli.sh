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
$cli analyze test/fixtures/harbor-wms.json --format json | node -e 'const a=JSON.parse(require("fs").readFileSync(0,"utf8"));if(a.coverage.decisionMakers[0].best.path.join()!=="whm,coo,ceo")process.exit(1)' || fail "analyze --format json"
$cli export test/fixtures/harbor-wms.json --to graphml | grep -q "<graphml" || fail "export --to graphml"
tmp=$(mktemp -d)
(cd "$tmp" && node "$OLDPWD/dist/cli.js" demo >/dev/null && grep -q "<svg" powermap-report.html) || fail "demo must write powermap-report.html"
rm -rf "$tmp"
out=$($cli validate test/fixtures/ten-mistakes.json 2>&1)
echo "$out" | grep -q "Traceback\|    at " && fail "a stack trace leaked"
echo "CLI ok"
