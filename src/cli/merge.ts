import type { Command } from 'commander';
import { UserError } from '../util/errors.ts';

export function register(program: Command): void {
  program
    .command('merge')
    .description('(not built yet)')
    .action(() => {
      throw new UserError('`merge` is not built yet');
    });
}
