import type { Command } from 'commander';
import { UserError } from '../util/errors.ts';

export function register(program: Command): void {
  program
    .command('inspect')
    .description('(not built yet)')
    .action(() => {
      throw new UserError('`inspect` is not built yet');
    });
}
