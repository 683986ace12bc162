import { z } from 'zod';
import { dealSchema } from './schema.js';

/**
 * The JSON Schema (draft 2020-12) of a Deal as accepted on input: labels, scales and shorthands
 * included. Cross-reference rules (unique ids, known ids, no reporting cycles) cannot be expressed
 * in JSON Schema; {@link parseDeal} checks them. A copy is committed as `docs/deal.schema.json`.
 *
 * @returns a fresh JSON-serialisable schema object
 * @example
 * ```ts
 * dealJsonSchema().$schema; // => 'https://json-schema.org/draft/2020-12/schema'
 * ```
 * @category Model
 */
export function dealJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(dealSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return { ...schema, $id: 'https://powermap.dev/schema/deal-v1.json' };
}
