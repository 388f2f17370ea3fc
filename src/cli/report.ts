import type { Command } from 'commander';
import { UserError } from '../util/errors.ts';

export function register(program: Command): void {
  program
    .command('report')
    .description('(not built yet)')
    .action(() => {
      throw new UserError('`report` is not built yet');
    });
}
