import { normalizeText } from '@reachbridge/domain';

/**
 * The words of typed text, as both engines take them: normalised (SPEC §5), split at spaces,
 * punctuation and symbols, so a handle's parts (`sarah.bednar_fit`) are words.
 */
export function searchWords(text: string): string[] {
  return normalizeText(text)
    .split(/[\s\p{P}\p{S}]+/u)
    .filter(Boolean);
}
