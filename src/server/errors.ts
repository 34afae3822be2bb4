// API errors: one JSON shape `{ error: { code, message, details? } }` with a stable code.
import type { ValidationIssue } from './schema.js';

export class ApiError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 413 | 415 | 422 | 500 | 502 | 503,
    readonly code: string,
    message: string,
    readonly details?: ValidationIssue[],
  ) {
    super(message);
  }

  toJSON(): { error: { code: string; message: string; details?: ValidationIssue[] } } {
    return { error: { code: this.code, message: this.message, ...(this.details ? { details: this.details } : {}) } };
  }
}

/** A request that does not match its schema: every problem listed, the first in the message. */
export function invalid(where: string, issues: ValidationIssue[]): ApiError {
  const first = issues[0];
  const field = first.path ? `${where} field ${first.path.slice(1)}` : where;
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more problem${issues.length > 2 ? 's' : ''})` : '';
  return new ApiError(400, 'invalid_request', `${field} ${first.message}${more}`, issues);
}
