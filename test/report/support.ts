/**
 * Shared inputs of the report tests: the worked example and the hostile deal, assessed once.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { assessDeal, buildGraph, type DealAssessment, type PowerGraph } from '../../src/index.js';
import { loadFixture } from '../support/fixtures.js';
import { hostileDeal } from './hostile-deal.js';

export interface Case {
  readonly graph: PowerGraph;
  readonly assessment: DealAssessment;
}

export function harbor(locale: 'en' | 'zh-CN' = 'en'): Case {
  const graph = buildGraph(loadFixture('harbor-wms.json'));
  return { graph, assessment: assessDeal(graph, { locale }) };
}

export function hostile(): Case {
  const graph = buildGraph(structuredClone(hostileDeal));
  return { graph, assessment: assessDeal(graph) };
}

/** Asserts well-formed XML with a real parser, and returns the parsed tree (attributes under `@`). */
export function parseXml(xml: string): Record<string, unknown> {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new Error(`not well-formed XML: ${JSON.stringify(valid.err)}`);
  return new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    processEntities: true,
    htmlEntities: true,
    parseAttributeValue: false,
    parseTagValue: false,
    trimValues: false,
    isArray: (_name: string, _path: unknown, _leaf: boolean, isAttribute: boolean) => !isAttribute,
  }).parse(xml) as Record<string, unknown>;
}

/** Every element with the given tag name, anywhere in a parsed tree. */
export function findAll(tree: unknown, tag: string): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      for (const [k, v] of Object.entries(node)) {
        if (k === tag) out.push(...(Array.isArray(v) ? v : [v]).filter((x): x is Record<string, unknown> => typeof x === 'object' && x !== null));
        walk(v);
      }
    }
  };
  walk(tree);
  return out;
}

/** Deep-freezes a value (so that a mutation throws in strict mode) and returns it. */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/** The same deal with people, relations and contacts in reverse order. */
export function reversedDeal<T extends { people: unknown[]; relations: unknown[]; contacts: unknown[] }>(deal: T): T {
  const copy = structuredClone(deal);
  copy.people.reverse();
  copy.relations.reverse();
  copy.contacts.reverse();
  return copy;
}
