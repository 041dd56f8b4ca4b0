import qs from 'qs';
import { FakeStripeError } from './errors.js';

/** A request's parameters as Stripe's form encoding carries them: `metadata[offer_id]=42`, `expand[0]=latest_charge`. */
export type Params = qs.ParsedQs;

/**
 * Parses a form-encoded body or query string the way Stripe reads it: brackets nest, indices
 * make arrays. Limits are generous but finite (qs defaults would flatten arrays above 20).
 */
export function parseParams(encoded: string): Params {
  return qs.parse(encoded, { depth: 10, arrayLimit: 100, parameterLimit: 2000 });
}

export function optionalString(params: Params, name: string): string | undefined {
  const value = params[name];
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'string') throw invalidParam(name, `Invalid string: ${name}`);
  return value;
}

export function requiredString(params: Params, name: string): string {
  const value = optionalString(params, name);
  if (value === undefined) throw missingParam(name);
  return value;
}

export function optionalPositiveInteger(params: Params, name: string): number | undefined {
  const value = optionalString(params, name);
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) <= 0) {
    throw new FakeStripeError(400, { type: 'invalid_request_error', code: 'parameter_invalid_integer', param: name, message: `Invalid positive integer: ${name}` });
  }
  return Number(value);
}

export function requiredPositiveInteger(params: Params, name: string): number {
  const value = optionalPositiveInteger(params, name);
  if (value === undefined) throw missingParam(name);
  return value;
}

export function optionalBoolean(params: Params, name: string): boolean {
  return optionalString(params, name) === 'true';
}

/** `metadata` and other string maps; Stripe keeps values as strings. */
export function stringMap(params: Params, name: string): Record<string, string> {
  const value = params[name];
  if (value === undefined || value === '') return {};
  if (typeof value !== 'object' || Array.isArray(value)) throw invalidParam(name, `Invalid object: ${name}`);
  const map: Record<string, string> = {};
  for (const [key, entry] of Object.entries(value)) {
    if (typeof entry !== 'string') throw invalidParam(`${name}[${key}]`, `Invalid string: ${name}[${key}]`);
    map[key] = entry;
  }
  return map;
}

export function stringList(params: Params, name: string): string[] {
  const value = params[name];
  if (value === undefined || value === '') return [];
  const items = Array.isArray(value) ? value : [value];
  return items.filter((item): item is string => typeof item === 'string');
}

/** Reads a nested object (`controller[fees][payer]` → `nested(params, 'controller', 'fees')`). */
export function nested(params: Params, ...path: string[]): Params {
  let current: Params = params;
  for (const key of path) {
    const value = current[key];
    if (typeof value !== 'object' || Array.isArray(value)) return {};
    current = value;
  }
  return current;
}

function missingParam(name: string): FakeStripeError {
  return new FakeStripeError(400, { type: 'invalid_request_error', code: 'parameter_missing', param: name, message: `Missing required param: ${name}.` });
}

function invalidParam(name: string, message: string): FakeStripeError {
  return new FakeStripeError(400, { type: 'invalid_request_error', code: 'parameter_invalid_empty', param: name, message });
}
