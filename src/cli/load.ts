import type { Command } from 'commander';
import { UserError } from '../util/errors.ts';

export function register(program: Command): void {
  program
    .command('load')
    .description('(not built yet)')
    .action(() => {
      throw new UserError('`load` is not built yet');
    });
}
