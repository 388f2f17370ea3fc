// Live mode: loads one entity's neighbourhood from a running Neo4j over Bolt/WebSocket with the
// browser build of neo4j-driver (loaded only when used). The password lives in this closure for
// the session: never in the URL, never in storage.
import { NEIGHBOURHOOD_QUERY, readNeighbourhood, type LiveNeighbourhood } from './live-query.ts';
import { el, replaceChildren } from './escape.ts';

type Driver = import('neo4j-driver').Driver;

export interface LiveConnection {
  uri: string;
  user: string;
  password: string;
}

export class LiveSource {
  private driver: Driver | null = null;
  private connectedTo = '';

  async neighbourhood(connection: LiveConnection, term: string, limit = 200): Promise<LiveNeighbourhood | null> {
    const { default: neo4j } = await import('neo4j-driver');
    const id = `${connection.uri}\u0000${connection.user}\u0000${connection.password}`;
    if (!this.driver || this.connectedTo !== id) {
      await this.close();
      this.driver = neo4j.driver(connection.uri, neo4j.auth.basic(connection.user, connection.password));
      this.connectedTo = id;
    }
    const session = this.driver.session({ defaultAccessMode: neo4j.session.READ });
    try {
      const result = await session.run(NEIGHBOURHOOD_QUERY, { term, limit: neo4j.int(limit) });
      const record = result.records[0];
      return record ? readNeighbourhood(record) : null;
    } finally {
      await session.close();
    }
  }

  async close(): Promise<void> {
    const driver = this.driver;
    this.driver = null;
    this.connectedTo = '';
    await driver?.close();
  }
}

/** The live-mode form; `onLoad` receives each neighbourhood fetched. */
export function mountLiveForm(container: HTMLElement, source: LiveSource, onLoad: (n: LiveNeighbourhood) => void): void {
  const uri = el('input', { attrs: { name: 'uri', value: 'bolt://localhost:7687', spellcheck: 'false', 'aria-label': 'Bolt URI' } });
  const user = el('input', { attrs: { name: 'user', value: 'neo4j', autocomplete: 'username', 'aria-label': 'user' } });
  const password = el('input', { attrs: { name: 'password', type: 'password', autocomplete: 'current-password', 'aria-label': 'password' } });
  const term = el('input', { attrs: { name: 'term', placeholder: '实体名称或 key', 'aria-label': 'entity' } });
  const status = el('p', { className: 'live-status', attrs: { role: 'status' } });
  const form = el('form', { className: 'live-form' },
    el('label', {}, 'URI ', uri), el('label', {}, 'user ', user), el('label', {}, 'password ', password),
    el('label', {}, 'entity ', term), el('button', { attrs: { type: 'submit' } }, 'load neighbourhood'), status);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    replaceChildren(status, 'loading …');
    try {
      const found = await source.neighbourhood({ uri: uri.value.trim(), user: user.value, password: password.value }, term.value.trim());
      if (!found) {
        replaceChildren(status, `no entity named “${term.value.trim()}” in Neo4j`);
        return;
      }
      onLoad(found);
      replaceChildren(status, `loaded ${found.nodes.length} nodes, ${found.relations.length} relations`);
    } catch (err) {
      replaceChildren(status, `Neo4j: ${(err as Error).message}`);
    }
  });
  replaceChildren(container, form);
  void fillFromServer(uri, user, password);
}

/**
 * `zhengtu serve` prints the viewer's URL with ?live=<token>: the page then asks the server for the Neo4j
 * connection (the password the bundled server generated, or NEO4J_PASSWORD), fills the form in, and drops
 * the token from the address bar. Any other server, or no token, leaves the form for the user to fill.
 */
async function fillFromServer(uri: HTMLInputElement, user: HTMLInputElement, password: HTMLInputElement): Promise<void> {
  const params = new URLSearchParams(location.search);
  const token = params.get('live');
  if (!token) return;
  params.delete('live');
  const query = params.toString();
  history.replaceState(null, '', `${location.pathname}${query ? `?${query}` : ''}${location.hash}`);
  try {
    const response = await fetch(`./.zhengtu/live.json?token=${encodeURIComponent(token)}`, { cache: 'no-store' });
    if (!response.ok) return;
    const given = (await response.json()) as Partial<LiveConnection>;
    if (given.uri) uri.value = given.uri;
    if (given.user) user.value = given.user;
    if (given.password) password.value = given.password;
  } catch {
    // Not served by `zhengtu serve`: the form stays as it is.
  }
}
