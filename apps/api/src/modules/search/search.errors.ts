import { defineErrors } from '../../http/app-error.js';

export const searchErrors = defineErrors({
  SEARCH_INVALID_CURSOR: { status: 400, message: 'This cursor does not belong to this search. Start again from the first page.' },
  SEARCH_UNAVAILABLE: { status: 503, message: 'Search is unavailable right now. Try again shortly.' },
  INFLUENCER_NOT_FOUND: { status: 404, message: 'There is no such influencer, or the profile is not public.' },
});

/** An engine's cursor was not made by the same query; the service answers 400. */
export class InvalidCursorError extends Error {
  constructor() {
    super('invalid cursor');
    this.name = 'InvalidCursorError';
  }
}
