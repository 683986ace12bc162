export { buildGraph, decayedStrength } from './build-graph.js';
export { fromGraphology } from './from-graphology.js';
export {
  PowerGraph,
  isPowerGraph,
  type BuildGraphOptions,
  type Csr,
  type PowerEdgeAttributes,
  type PowerNodeAttributes,
} from './power-graph.js';
