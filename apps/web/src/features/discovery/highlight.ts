import { normalizeText } from '@reachbridge/domain';

export interface HighlightPart {
  text: string;
  isMatch: boolean;
}

/**
 * The server marks matched words in a highlight with «…». Splits it into plain and matched parts,
 * to render as text and <mark> — never as HTML. An unmatched « is kept as text.
 */
export function parseHighlight(highlight: string): HighlightPart[] {
  const parts: HighlightPart[] = [];
  const push = (text: string, isMatch: boolean) => {
    if (!text) return;
    const last = parts[parts.length - 1];
    if (last && last.isMatch === isMatch) last.text += text;
    else parts.push({ text, isMatch });
  };
  let rest = highlight;
  while (rest) {
    const open = rest.indexOf('«');
    const close = open >= 0 ? rest.indexOf('»', open + 1) : -1;
    if (open < 0 || close < 0) {
      push(rest, false);
      break;
    }
    push(rest.slice(0, open), false);
    push(rest.slice(open + 1, close), true);
    rest = rest.slice(close + 1);
  }
  return parts;
}

/** Each code point of `text` normalised like the search index does, with the original position of each normalised character. */
function normaliseWithMap(text: string): { normalised: string; origin: number[] } {
  let normalised = '';
  const origin: number[] = [];
  let index = 0;
  for (const char of text) {
    const folded = /[\s\u200c]/u.test(char) ? ' ' : normalizeText(char);
    for (const out of folded) {
      if (out === ' ' && (normalised === '' || normalised.endsWith(' '))) continue;
      normalised += out;
      origin.push(index);
    }
    index += char.length;
  }
  return { normalised, origin };
}

const WORD = /[\p{L}\p{N}]/u;
const EXCERPT_LEAD = 60;

/**
 * The server's highlight is a normalised fragment (lower-cased, Persian letters folded, name and
 * bio run together). This puts its matched words back on the text as written: the original bio
 * with the same words marked, cut to start shortly before the first match when that is far in.
 * Null when none of the matched words is in the bio (e.g. the match was the name).
 */
export function projectHighlight(text: string, highlight: string): HighlightPart[] | null {
  const terms = [...new Set(parseHighlight(highlight).filter((part) => part.isMatch).map((part) => normalizeText(part.text)))].filter(Boolean);
  if (!terms.length || !text) return null;
  const { normalised, origin } = normaliseWithMap(text);
  const ranges: [number, number][] = [];
  for (const term of terms) {
    let from = normalised.indexOf(term);
    while (from >= 0) {
      const to = from + term.length;
      const before = normalised[from - 1];
      const after = normalised[to];
      if ((!before || !WORD.test(before)) && (!after || !WORD.test(after))) {
        const start = origin[from]!;
        const endChar = origin[to - 1]!;
        const end = endChar + (text.codePointAt(endChar)! > 0xffff ? 2 : 1);
        ranges.push([start, end]);
      }
      from = normalised.indexOf(term, from + 1);
    }
  }
  if (!ranges.length) return null;
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const range of ranges) {
    const last = merged[merged.length - 1];
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([...range]);
  }

  const firstMatch = merged[0]![0];
  let cut = 0;
  if (firstMatch > EXCERPT_LEAD) {
    const space = text.lastIndexOf(' ', firstMatch - EXCERPT_LEAD / 2);
    cut = space > 0 ? space + 1 : firstMatch;
  }
  const parts: HighlightPart[] = cut > 0 ? [{ text: '… ', isMatch: false }] : [];
  let position = cut;
  for (const [start, end] of merged) {
    if (start > position) parts.push({ text: text.slice(position, start), isMatch: false });
    parts.push({ text: text.slice(start, end), isMatch: true });
    position = end;
  }
  if (position < text.length) parts.push({ text: text.slice(position), isMatch: false });
  return parts;
}
