import type { Command } from 'commander';
import { UserError } from '../util/errors.ts';

export function register(program: Command): void {
  program
    .command('query')
    .description('(not built yet)')
    .action(() => {
      throw new UserError('`query` is not built yet');
    });
}
