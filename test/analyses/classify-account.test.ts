import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { OptionError, PUBLIC_SECTORS, ValidationError, buildGraph, classifyAccount } from '../../src/index.js';
import { deal, thrown } from '../support/analysis-fixtures.js';

/** A one-person deal with the given account facts (M1 reads only `account`). */
const account = (facts: Record<string, unknown> | undefined) =>
  deal([{ id: 'buyer', name: 'Head of Purchasing' }], [], facts === undefined ? {} : { account: facts });

/** Facts that decide every kind as "no": small, rare, private, outside the value chain, no growth. */
const NONE = {
  annualVolume: 50_000,
  purchaseFrequency: 2,
  sector: 'manufacturing',
  publicSector: false,
  valueChainLinked: false,
  usesOurProduct: false,
  growthPotential: 0.2,
  competitorTarget: false,
};

const kinds = (facts: Record<string, unknown> | undefined, options = {}) => classifyAccount(account(facts), options).kinds.map((k) => k.kind);
const missing = (facts: Record<string, unknown> | undefined) => classifyAccount(account(facts)).missing.map((m) => m.code);
const example = (name: string) => JSON.parse(readFileSync(new URL(`../../examples/deals/${name}`, import.meta.url), 'utf8')) as unknown;

describe('classifyAccount', () => {
  it.each<[string, Record<string, unknown>, string]>([
    ['classifyAccount(d, { economicVolume: -1 })', { economicVolume: -1 }, 'economicVolume'],
    ['classifyAccount(d, { economicFrequency: NaN })', { economicFrequency: Number.NaN }, 'economicFrequency'],
    ['classifyAccount(d, { strategicGrowth: 2 })', { strategicGrowth: 2 }, 'strategicGrowth'],
    ["classifyAccount(d, { publicSectors: 'hospital' })", { publicSectors: 'hospital' }, 'publicSectors'],
    ['classifyAccount(d, { publicSectors: [1] })', { publicSectors: [1] }, 'publicSectors'],
    ["classifyAccount(d, { locale: 'fr' })", { locale: 'fr' }, 'locale'],
    ['classifyAccount(d, { economicVolumes: 1 }) (unknown option name)', { economicVolumes: 1 }, 'economicVolumes'],
  ])('%s throws OptionError invalid_option', (_name, options, option) => {
    const error = thrown(() => classifyAccount(account(NONE), options as never));
    expect(error).toBeInstanceOf(OptionError);
    expect((error as OptionError).code).toBe('invalid_option');
    expect((error as OptionError).option).toBe(option);
  });

  it('classifyAccount(invalid account) throws ValidationError invalid_input with every path', () => {
    const error = thrown(() => classifyAccount(account({ growthPotential: 1.5, annualVolume: -3, size: 'large' })));
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).code).toBe('invalid_input');
    expect((error as ValidationError).issues.map((i) => [i.code, i.path]).sort()).toEqual([
      ['out_of_range', 'account.annualVolume'],
      ['out_of_range', 'account.growthPotential'],
      ['unknown_field', 'account.size'],
    ]);
  });

  describe('each kind of M1, with its reason', () => {
    it('economic: volume 1,200,000 >= 1,000,000 and 24 purchases >= 12 a year', () => {
      const r = classifyAccount(account({ ...NONE, annualVolume: 1_200_000, purchaseFrequency: 24 }));
      expect(r.kinds.map((k) => [k.kind, k.reason.code, k.reason.params])).toEqual([
        ['economic', 'account_economic', { volume: 1_200_000, frequency: 24 }],
      ]);
      expect(r.kinds[0]!.reason.message).toBe('Economic: buys a lot (1200000 a year) and often (24 times a year).');
      expect(r.isKeyAccount).toBe(true);
    });

    it.each<[string, number, number, boolean]>([
      ['exactly at both thresholds', 1_000_000, 12, true],
      ['large but rare (a one-off capital purchase)', 5_000_000, 1, false],
      ['frequent but small', 999_999, 52, false],
    ])('economic when %s: volume %s, frequency %s => %s', (_name, annualVolume, purchaseFrequency, economic) => {
      expect(kinds({ ...NONE, annualVolume, purchaseFrequency }).includes('economic')).toBe(economic);
    });

    it('important: publicSector true (a state or public body)', () => {
      const r = classifyAccount(account({ ...NONE, publicSector: true }));
      expect(r.kinds.map((k) => [k.kind, k.reason.code])).toEqual([['important', 'account_important_flag']]);
      expect(r.kinds[0]!.reason.message).toBe('Important: a state or public body.');
    });

    it('important: a Chinese public-sector name, 医院 (hospital), in English and Chinese', () => {
      const facts = { ...NONE, publicSector: undefined, sector: '医院' };
      const en = classifyAccount(account(facts));
      expect(en.kinds.map((k) => [k.kind, k.reason.code, k.reason.params])).toEqual([['important', 'account_important_sector', { sector: '医院' }]]);
      expect(en.kinds[0]!.reason.message).toBe('Important: a public body (医院).');
      expect(classifyAccount(account(facts), { locale: 'zh-CN' }).kinds[0]!.reason.message).toBe('重要客户：公共机构（医院）。');
    });

    it.each(['Health Care', ' university ', '公检法', 'News Media', '党政军'])('important: sector %j is matched after trimming and lower-casing', (sector) => {
      expect(kinds({ ...NONE, publicSector: undefined, sector })).toEqual(['important']);
    });

    it('not important: a manufacturing sector and no public-sector flag', () => {
      expect(kinds({ ...NONE, publicSector: undefined, sector: 'manufacturing' })).toEqual([]);
    });

    it('group: linked in the value chain AND uses our product; either alone is not enough', () => {
      const r = classifyAccount(account({ ...NONE, valueChainLinked: true, usesOurProduct: true }));
      expect(r.kinds.map((k) => [k.kind, k.reason.message])).toEqual([['group', 'Group: linked to us in the value chain and uses our product.']]);
      expect(kinds({ ...NONE, valueChainLinked: true, usesOurProduct: false })).toEqual([]);
      expect(kinds({ ...NONE, valueChainLinked: false, usesOurProduct: true })).toEqual([]);
    });

    it('strategic: growth potential 0.7 >= 0.6', () => {
      const r = classifyAccount(account({ ...NONE, growthPotential: 0.7 }));
      expect(r.kinds.map((k) => [k.kind, k.reason.code, k.reason.message])).toEqual([
        ['strategic', 'account_strategic_growth', 'Strategic: growth potential 0.7.'],
      ]);
    });

    it('strategic: a competitor target even with low growth; growth exactly 0.6 counts', () => {
      const r = classifyAccount(account({ ...NONE, growthPotential: 0.3, competitorTarget: true }));
      expect(r.kinds.map((k) => [k.kind, k.reason.message])).toEqual([['strategic', 'Strategic: a likely target for competitors to break into.']]);
      expect(kinds({ ...NONE, growthPotential: 0.6 })).toEqual(['strategic']);
      expect(kinds({ ...NONE, growthPotential: 0.59 })).toEqual([]);
    });

    it('an account can be all four kinds at once, listed in the method order', () => {
      const all = {
        annualVolume: 2_000_000,
        purchaseFrequency: 12,
        publicSector: true,
        valueChainLinked: true,
        usesOurProduct: true,
        growthPotential: 0.9,
      };
      expect(kinds(all)).toEqual(['economic', 'important', 'group', 'strategic']);
    });

    it('an account that is none of the kinds is not a key account, and nothing is missing', () => {
      const r = classifyAccount(account(NONE));
      expect(r.kinds).toEqual([]);
      expect(r.isKeyAccount).toBe(false);
      expect(r.missing).toEqual([]);
    });
  });

  describe('missing facts', () => {
    it('no account at all: every kind is undecided, in the method order', () => {
      const r = classifyAccount(account(undefined));
      expect(r.isKeyAccount).toBe(false);
      expect(r.missing.map((m) => m.code)).toEqual([
        'account_missing_volume',
        'account_missing_sector',
        'account_missing_chain',
        'account_missing_growth',
      ]);
      expect(r.missing[0]!.message).toBe('Annual volume or purchase frequency unknown: cannot tell whether the account is economic.');
    });

    it.each<[string, Record<string, unknown>, string[]]>([
      ['a large volume, frequency unknown: could still be economic', { annualVolume: 3_000_000, purchaseFrequency: undefined }, ['account_missing_volume']],
      ['a small volume, frequency unknown: already not economic', { annualVolume: 50_000, purchaseFrequency: undefined }, []],
      ['a rare buyer, volume unknown: already not economic', { annualVolume: undefined, purchaseFrequency: 1 }, []],
      ['neither flag nor sector', { publicSector: undefined, sector: undefined }, ['account_missing_sector']],
      ['publicSector false and no sector: decided', { publicSector: false, sector: undefined }, []],
      ['linked in the value chain, use of our product unknown', { valueChainLinked: true, usesOurProduct: undefined }, ['account_missing_chain']],
      ['link unknown, uses our product', { valueChainLinked: undefined, usesOurProduct: true }, ['account_missing_chain']],
      ['link unknown, does not use our product: already not a group account', { valueChainLinked: undefined, usesOurProduct: false }, []],
      ['growth unknown, not a competitor target: growth could still make it strategic', { growthPotential: undefined, competitorTarget: false }, ['account_missing_growth']],
      ['growth unknown, a competitor target: strategic already', { growthPotential: undefined, competitorTarget: true }, []],
      ['low growth, target unknown', { growthPotential: 0.3, competitorTarget: undefined }, []],
    ])('%s => %j', (_name, facts, expected) => {
      expect(missing({ ...NONE, ...facts })).toEqual(expected);
    });
  });

  describe('thresholds are options', () => {
    it('{ economicVolume: 400000 } makes a 420,000-a-year, monthly buyer economic (Globex)', () => {
      const globex = { annualVolume: 420_000, purchaseFrequency: 12 };
      expect(kinds({ ...NONE, ...globex })).toEqual([]);
      expect(kinds({ ...NONE, ...globex }, { economicVolume: 400_000 })).toEqual(['economic']);
      expect(kinds({ ...NONE, ...globex }, { economicVolume: 400_000, economicFrequency: 13 })).toEqual([]);
    });

    it('{ strategicGrowth: 0.8 } no longer counts growth 0.7 as strategic', () => {
      expect(kinds({ ...NONE, growthPotential: 0.7 }, { strategicGrowth: 0.8 })).toEqual([]);
    });

    it('{ publicSectors } replaces the list of public-sector names', () => {
      expect(kinds({ ...NONE, publicSector: undefined, sector: 'Utilities' }, { publicSectors: ['utilities'] })).toEqual(['important']);
      expect(kinds({ ...NONE, publicSector: undefined, sector: 'hospital' }, { publicSectors: ['utilities'] })).toEqual([]);
      expect(PUBLIC_SECTORS).toContain('医院');
    });
  });

  describe('the example deals', () => {
    it('滨江市第一人民医院 is important (public body) and strategic (a competitor target; growth 0.55 < 0.6)', () => {
      const r = classifyAccount(example('public-sector.json'));
      expect(r.kinds.map((k) => [k.kind, k.reason.code])).toEqual([
        ['important', 'account_important_flag'],
        ['strategic', 'account_strategic_target'],
      ]);
      // 6.8M a year but only 2 purchases: not economic, and decided so.
      expect(r.missing).toEqual([]);
    });

    it('Northwind Precision is strategic only (growth 0.65; 1.85M a year but 4 purchases)', () => {
      const r = classifyAccount(example('enterprise-software.json'), { locale: 'zh-CN' });
      expect(r.kinds.map((k) => [k.kind, k.reason.message])).toEqual([['strategic', '战略客户：成长潜力 0.65。']]);
    });
  });

  it('classifyAccount(PowerGraph) equals classifyAccount(raw deal)', () => {
    const raw = account({ ...NONE, growthPotential: 0.7 });
    expect(classifyAccount(buildGraph(raw))).toEqual(classifyAccount(raw));
  });
});
