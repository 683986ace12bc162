import { buildGraph, toCytoscapeJson, toDot, toGexf, toGraphml, toMermaid } from '../../index.js';
import { readDeal, writeOutput } from './analyze.js';
import type { Io } from '../io.js';

export const EXPORT_FORMATS = ['gexf', 'graphml', 'dot', 'mermaid', 'cytoscape'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** `powermap export <deal.json> --to gexf|graphml|dot|mermaid|cytoscape [--out FILE]`. */
export async function exportCommand(io: Io, args: { file: string; to: ExportFormat; out?: string }): Promise<number> {
  const graph = buildGraph(await readDeal(io, args.file));
  const text =
    args.to === 'gexf' ? toGexf(graph) :
    args.to === 'graphml' ? toGraphml(graph) :
    args.to === 'dot' ? toDot(graph) :
    args.to === 'mermaid' ? toMermaid(graph) :
    `${JSON.stringify(toCytoscapeJson(graph), null, 2)}\n`;
  await writeOutput(io, text.endsWith('\n') ? text : `${text}\n`, args.out);
  return 0;
}
