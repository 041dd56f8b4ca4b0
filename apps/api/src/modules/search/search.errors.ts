import { defineErrors } from '../../http/app-error.js';

export const searchErrors = defineErrors({
  SEARCH_INVALID_CURSOR: { status: 400, message: 'This cursor does not belong to this search. Start again from the first page.' },
  SEARCH_UNAVAILABLE: { status: 503, message: 'Search is unavailable right now. Try again shortly.' },
});

/** An engine's cursor was not made by the same query; the service answers 400. */
export class InvalidCursorError extends Error {
  constructor() {
    super('invalid cursor');
    this.name = 'InvalidCursorError';
  }
}
