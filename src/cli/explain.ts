import type { Command } from 'commander';
import { UserError } from '../util/errors.ts';

export function register(program: Command): void {
  program
    .command('explain')
    .description('(not built yet)')
    .action(() => {
      throw new UserError('`explain` is not built yet');
    });
}
