import { dealJsonSchema } from '../../index.js';
import type { Io } from '../io.js';

/** `powermap schema`: the Deal JSON Schema on stdout. */
export function schemaCommand(io: Io): number {
  io.stdout(`${JSON.stringify(dealJsonSchema(), null, 2)}\n`);
  return 0;
}
