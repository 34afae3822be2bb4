/** An input rasd refuses, with a message meant for a person (one line, no stack trace). */
export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}
