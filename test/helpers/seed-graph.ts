// The real seed graph, built once per test process by the real pipeline (`zhengtu build data/corpus`),
// so that viewer, report and Neo4j tests run on what the product makes, not on a hand-made fixture.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
let built: string | undefined;

/** Path of graph.json of the bundled seed page (data/corpus), built on first use. */
export function seedGraphPath(): string {
  if (built && existsSync(built)) return built;
  const out = mkdtempSync(join(tmpdir(), 'zt-seed-'));
  execFileSync(process.execPath, [join(ROOT, 'bin/zhengtu.js'), 'build', join(ROOT, 'data/corpus'), '--out', out, '--no-viewer', '--no-cache', '--quiet', '--workers', '1'], {
    cwd: ROOT,
    stdio: 'pipe',
  });
  built = join(out, 'graph.json');
  return built;
}
