import { safeParseDeal } from '../../index.js';
import { readJsonFile, type Io } from '../io.js';

/** `powermap validate <deal.json>`: every issue as `path: message`; exit 1 when invalid. */
export async function validateCommand(io: Io, file: string): Promise<number> {
  const result = safeParseDeal(await readJsonFile(io, file));
  if (result.success) {
    const d = result.data;
    io.stdout(`${file}: valid deal "${d.id}" with ${d.people.length} people, ${d.relations.length} relations, ${d.contacts.length} contacts.\n`);
    return 0;
  }
  const issues = result.error.issues;
  io.stderr(`${file}: ${issues.length} ${issues.length === 1 ? 'problem' : 'problems'}\n`);
  for (const issue of issues) io.stderr(`  ${issue.path || '(root)'}: ${issue.message} [${issue.code}]\n`);
  return 1;
}
