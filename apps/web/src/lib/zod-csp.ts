import { config } from 'zod';

/**
 * zod compiles fast object parsers with `new Function` unless told not to, and even its probe for
 * whether that is allowed is reported as a violation by our CSP (`script-src 'self'`, no
 * 'unsafe-eval'). Schemas read this setting when they are created, so this module must be
 * evaluated before any contract module: main.tsx imports it first.
 */
config({ jitless: true });
