// The `zhengtu` command line: one module a subcommand, each exporting `register(program)`.
import { Command } from 'commander';
import { UserError } from '../util/errors.ts';
import { register as build } from './build.ts';
import { register as inspect } from './inspect.ts';
import { register as evaluate } from './eval.ts';
import { register as explain } from './explain.ts';
import { register as load } from './load.ts';
import { register as query } from './query.ts';
import { register as report } from './report.ts';
import { register as serve } from './serve.ts';
import { register as merge } from './merge.ts';
import { register as tag } from './tag.ts';

const program = new Command();
program
  .name('zhengtu')
  .description('政图: knowledge graphs of who does what in Chinese policy and government-news documents')
  .version('0.1.0');

for (const add of [build, inspect, evaluate, explain, load, query, report, serve, merge, tag]) add(program);

try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof UserError) {
    process.stderr.write(`zhengtu: ${err.message}\n`);
    process.exit(1);
  }
  throw err;
}
