import { toMessageToken } from '../../lib/form-errors';
import { parseLocaleNumber } from '../../lib/numbers';

/** Client-side checks are about form (filled in, a number); the server checks the rest and says where. */
export function requiredText(value: string): true | string {
  return value.trim() ? true : toMessageToken('validation.required');
}

export function optionalNumber(value: string): true | string {
  const parsed = parseLocaleNumber(value);
  return parsed === null || !Number.isNaN(parsed) ? true : toMessageToken('validation.number');
}

export function requiredCount(value: string): true | string {
  const parsed = parseLocaleNumber(value);
  if (parsed === null) return toMessageToken('validation.required');
  if (Number.isNaN(parsed)) return toMessageToken('validation.number');
  return Number.isInteger(parsed) ? true : toMessageToken('validation.wholeNumber');
}

export function optionalCount(value: string): true | string {
  const parsed = parseLocaleNumber(value);
  if (parsed === null) return true;
  if (Number.isNaN(parsed)) return toMessageToken('validation.number');
  return Number.isInteger(parsed) ? true : toMessageToken('validation.wholeNumber');
}

export function requiredAmount(value: string): true | string {
  const parsed = parseLocaleNumber(value);
  if (parsed === null) return toMessageToken('validation.required');
  return Number.isNaN(parsed) ? toMessageToken('validation.number') : true;
}
