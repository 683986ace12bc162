/**
 * Peak memory of one end-to-end assessment, alone in its process:
 * `node --import tsx test/bench/assess-rss.ts <people>` prints the time and the peak RSS (MB).
 */
import * as pm from '../../src/index.js';
import { generateOrg } from './generate-org.js';

const n = Number(process.argv[2]);
const text = JSON.stringify(generateOrg(n));
const before = process.resourceUsage().maxRSS / 1024;
const t = performance.now();
const a = pm.assessDeal(JSON.parse(text));
const ms = performance.now() - t;
console.log(JSON.stringify({ n, ms, flags: a.flags.length, peakRssMb: process.resourceUsage().maxRSS / 1024, rssBeforeMb: before }));
