import flagship from '../../../examples/deals/enterprise-software.json' with { type: 'json' };
import { assessDeal, buildGraph, toHtml, toText } from '../../index.js';
import { useColor } from './analyze.js';
import { CliError, type Io } from '../io.js';

export const DEMO_HTML = 'powermap-report.html';

/**
 * `powermap demo`: analyse the bundled flagship deal, print the report, write the HTML report to
 * `powermap-report.html` in the current directory, and say where.
 */
export async function demoCommand(io: Io): Promise<number> {
  const graph = buildGraph(flagship);
  const assessment = assessDeal(graph);
  io.stdout(toText(assessment, { graph, color: useColor(io), width: 100 }));
  try {
    await io.writeFile(DEMO_HTML, toHtml(assessment, graph));
  } catch (error) {
    throw new CliError(`cannot write ${DEMO_HTML}: ${(error as Error).message}`);
  }
  io.stdout(
    `\nThe example deal is examples/deals/enterprise-software.json.\n` +
      `HTML report with the power map: ${DEMO_HTML} (open it in a browser).\n` +
      `Your own deal: powermap analyze your-deal.json   (check it first: powermap validate your-deal.json)\n`,
  );
  return 0;
}
