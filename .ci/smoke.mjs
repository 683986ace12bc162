// Imports the built package under plain Node as ESM, through its exports map.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as pm from 'powermap';

const deal = pm.parseDeal(JSON.parse(readFileSync(new URL('../test/fixtures/harbor-wms.json', import.meta.url), 'utf8')));
const g = pm.buildGraph(deal);
assert.equal(g.n, 6);
assert.equal(g.graphology.order, 6);
assert.ok(pm.dealJsonSchema().$schema);
for (const [name, value] of Object.entries(pm)) assert.ok(value !== undefined, name);
console.log(`ESM ok: ${Object.keys(pm).length} exports`);
