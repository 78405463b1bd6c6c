// What a reader types as a number answer: a decimal (0.35, -1.2e-3, .5), a fraction
// (7/20), or a short arithmetic expression (0.2*0.7 − 0.1, (1 + 2) / 4). Typographic
// signs are accepted too (− × · ÷ and a decimal comma), since readers copy them from
// the prose. Anything else gets a message that says what would be understood.
// Hand-written rather than a library: the grammar is four operators and brackets,
// and a general math library (mathjs) would be over 150 KB for the page.

export type ParsedAnswer = { ok: true; value: number } | { ok: false; message: string };

const EXAMPLES = 'a number such as 0.35, a fraction such as 7/20, or an expression such as 0.5*0.7';

export function parseAnswer(text: string): ParsedAnswer {
  const source = text
    .trim()
    .replace(/[−–]/g, '-')
    .replace(/[×·]/g, '*')
    .replace(/÷/g, '/')
    .replace(/(\d),(\d)/g, '$1.$2');
  if (source === '') return { ok: false, message: `Type an answer first: ${EXAMPLES}.` };
  const notANumber: ParsedAnswer = { ok: false, message: `“${text.trim().slice(0, 40)}” is not a number. Type ${EXAMPLES}.` };
  const tokens = source.match(/(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?|[-+*/()]|\S/gi);
  if (!tokens) return notANumber;
  let at = 0;
  // expression := term (("+" | "-") term)*; term := factor (("*" | "/") factor)*;
  // factor := ("+" | "-") factor | number | "(" expression ")"
  const expression = (): number => {
    let value = term();
    while (tokens[at] === '+' || tokens[at] === '-') value = tokens[at++] === '+' ? value + term() : value - term();
    return value;
  };
  const term = (): number => {
    let value = factor();
    while (tokens[at] === '*' || tokens[at] === '/') value = tokens[at++] === '*' ? value * factor() : value / factor();
    return value;
  };
  const factor = (): number => {
    const token = tokens[at++];
    if (token === '-') return -factor();
    if (token === '+') return factor();
    if (token === '(') {
      const value = expression();
      if (tokens[at++] !== ')') throw new SyntaxError('missing )');
      return value;
    }
    if (token !== undefined && /^[\d.]/.test(token)) return Number(token);
    throw new SyntaxError(`unexpected ${token ?? 'end'}`);
  };
  try {
    const value = expression();
    if (at !== tokens.length) return notANumber;
    if (!Number.isFinite(value)) return { ok: false, message: `“${text.trim()}” does not give a finite number (a division by zero?).` };
    return { ok: true, value };
  } catch {
    return notANumber;
  }
}
