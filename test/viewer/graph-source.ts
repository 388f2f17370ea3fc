// The one place the viewer tests take their graph from. Point ZHENGTU_VIEWER_GRAPH at the real
// seed graph (e.g. out/graph.json) to run every scenario on it instead of the fixture.
import { fileURLToPath } from 'node:url';

export const FIXTURE_GRAPH = fileURLToPath(new URL('../fixtures/viewer/seed-like.graph.json', import.meta.url));

export const VIEWER_TEST_GRAPH = process.env.ZHENGTU_VIEWER_GRAPH || FIXTURE_GRAPH;

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
