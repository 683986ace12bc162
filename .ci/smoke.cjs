// Requires the built package under plain Node as CommonJS, through its exports map.
const assert = require('node:assert/strict');
const { readFileSync } = require('node:fs');
const path = require('node:path');
const pm = require('powermap');

const deal = pm.parseDeal(JSON.parse(readFileSync(path.join(__dirname, '../test/fixtures/harbor-wms.json'), 'utf8')));
const g = pm.buildGraph(deal);
assert.equal(g.n, 6);
assert.equal(g.graphology.order, 6);
assert.throws(() => pm.parseDeal({}), (e) => e instanceof pm.ValidationError && e.code === 'invalid_input');
console.log(`CJS ok: ${Object.keys(pm).length} exports`);
