import type { Io } from '../io.js';

/** `powermap demo`: placeholder until the analyses land. */
export async function demoCommand(io: Io): Promise<number> {
  io.stdout('demo: not yet\n');
  return 0;
}
