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
