/** Typed errors the simulator raises; routes turn them into Envoke's 400 envelope. */

/** An option or fault description that cannot work (bad port, unknown time zone, ...). */
export class SimConfigError extends Error {
  override readonly name = 'SimConfigError';
  constructor(
    readonly option: string,
    message: string,
  ) {
    super(message);
  }
}

/** Input Envoke would reject with "Validation failed": every reason is kept, in order. */
export class SimValidationError extends Error {
  override readonly name: string = 'SimValidationError';
  readonly errors: readonly string[];
  constructor(errors: readonly string[]) {
    super(errors.join('; '));
    this.errors = errors;
  }
}

/** Envoke reports an unknown id as a validation error with this exact wording. */
export class SimNotFoundError extends SimValidationError {
  override readonly name = 'SimNotFoundError';
  constructor(readonly id: string) {
    super([`Item with id '${id}' not found`]);
  }
}

/** A state file (state-file.ts) that cannot be read back: the reason, said so one can act on it. */
export class SimStateError extends Error {
  override readonly name = 'SimStateError';
}
