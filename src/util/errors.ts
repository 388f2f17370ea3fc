/**
 * A mistake of the user's (bad input, a server that is down, a malformed option):
 * printed as one line that says what to do next, never as a stack trace.
 */
export class UserError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UserError';
  }
}

export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
