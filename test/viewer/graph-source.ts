// The one place the viewer tests take their graph from: the real seed graph, built by the pipeline.
// Point ZHENGTU_VIEWER_GRAPH at another graph.json (e.g. the hand-made fixture) to run the scenarios on it.
import { fileURLToPath } from 'node:url';
import { seedGraphPath } from '../helpers/seed-graph.ts';

export const FIXTURE_GRAPH = fileURLToPath(new URL('../fixtures/viewer/seed-like.graph.json', import.meta.url));

export const VIEWER_TEST_GRAPH = process.env.ZHENGTU_VIEWER_GRAPH || seedGraphPath();

/** Names the scenarios look for; both graphs hold them. */
export const SCENARIO = {
  /** Typed into the search box (an alias). */
  searchTerm: '氢进万家',
  /** The node the search must reach, by name. */
  programName: '氢进万家示范工程',
  /** A neighbour the program's panel must list. */
  neighbourName: '国家燃料电池技术创新中心',
  /** The type the filter scenario hides. */
  hiddenType: 'Industry',
  hostileName: '<img src=x onerror=alert(1)>',
};
