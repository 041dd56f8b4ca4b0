import argon2 from 'argon2';

/** argon2id with the library's defaults (m=64 MiB, t=3, p=4), which meet OWASP's minimums. */
export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id });
}

export function verifyPassword(hash: string, password: string): Promise<boolean> {
  return argon2.verify(hash, password);
}

let dummyHash: Promise<string> | undefined;

/**
 * Spends the same time as a real verification, so an unknown email cannot be told apart from a
 * wrong password by how long the answer takes.
 */
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummyHash ??= hashPassword('reachbridge-timing-equaliser');
  await argon2.verify(await dummyHash, password);
  return false;
}
