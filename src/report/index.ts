/**
 * Reports: the deal assessment for people (terminal text, Markdown, an SVG power map, a
 * self-contained HTML page) and the influence graph for other tools (Mermaid, Graphviz DOT,
 * GEXF, GraphML, Cytoscape.js). Pure functions: no I/O, no Node APIs, same input -> same bytes.
 *
 * @module
 */
export { toText, type TextReportOptions } from './to-text.js';
export { toMarkdown, type MarkdownReportOptions } from './to-markdown.js';
export { toCsv, type CsvReportOptions } from './to-csv.js';
export { toSvg, type SvgOptions } from './to-svg.js';
export { toHtml, HTML_REPORT_CSP, type HtmlReportOptions } from './to-html.js';
export { toMermaid } from './to-mermaid.js';
export { toDot } from './to-dot.js';
export { toGexf } from './to-gexf.js';
export { toGraphml } from './to-graphml.js';
export { toCytoscapeJson, type CytoscapeJson, type CytoscapeNode, type CytoscapeEdge } from './to-cytoscape-json.js';
