/** A mistake in the command line: reported in one line with exit code 2, nothing opened or sent. */
export class UsageError extends Error {
  override name = 'UsageError';
}
