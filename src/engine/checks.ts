/** Argument checks shared by Network and CompiledNetwork, with messages that name what was expected and what came. */

/*
 * Throw unless an input or an expected output holds `size` finite numbers, naming what
 * was expected and what came. They run on every step, so they stay small (the messages
 * are built elsewhere), and they are two functions, not one: inputs are mostly
 * fractions and expected values mostly whole numbers, and V8 keeps one record of the
 * kinds of array a loop has seen: one loop seeing both made each step of a small
 * network about 8% slower.
 */

export function checkInputs(inputs: readonly number[], size: number): void {
  checkSize(inputs, size, "input");
  for (let i = 0; i < size; i++) {
    if (!Number.isFinite(inputs[i])) throw notFinite(inputs[i], i, "input");
  }
}

export function checkExpected(expected: readonly number[], size: number): void {
  checkSize(expected, size, "expected value");
  for (let i = 0; i < size; i++) {
    if (!Number.isFinite(expected[i])) throw notFinite(expected[i], i, "expected value");
  }
}

/** Throws unless `values` is an array (or typed array) of `size` elements. */
export function checkSize(values: readonly number[], size: number, what: "input" | "expected value"): void {
  if ((!Array.isArray(values) || values.length !== size) && !isNumberArray(values, size)) {
    throw wrongSize(values, size, what);
  }
}

function isNumberArray(values: unknown, size: number): boolean {
  return ArrayBuffer.isView(values) && (values as unknown as ArrayLike<number>).length === size;
}

function wrongSize(values: unknown, size: number, what: string): Error {
  const plural = size === 1 ? what : `${what}s`;
  const per = what === "input" ? "input neuron" : "output neuron";
  if (!Array.isArray(values) && !ArrayBuffer.isView(values)) {
    return new Error(`expected ${size} ${plural} (an array of numbers); received ${describe(values)}`);
  }
  return new Error(`expected ${size} ${plural} (one per ${per}); received ${(values as ArrayLike<number>).length}`);
}

export function notFinite(value: unknown, index: number, what: string): Error {
  return new Error(`${what} ${index} must be a finite number; received ${describe(value)}`);
}

/** Throws unless `value` is an integer of at least `min` (train's epochs and batchSize). */
export function checkCount(name: string, value: number, min: number): void {
  if (typeof value !== "number" || !Number.isInteger(value) || value < min) {
    throw new Error(`${name} must be an integer of at least ${min}; received ${describe(value)}`);
  }
}

/** The message when training blows up: which step, and what to try. */
export function diverged(step: number, what: string, trainingRate: number): Error {
  return new Error(`diverged at step ${step}: ${what}; try a smaller trainingRate than ${trainingRate}`);
}

/**
 * Throws unless every key of `options` is one of `known`. A misspelt option would
 * otherwise be ignored without a word, and the reader would see other numbers than
 * the chapter's with no clue why.
 */
export function checkOptions<T extends object>(where: string, options: T, known: readonly (keyof T & string)[]): T {
  if (options === null || typeof options !== "object" || Array.isArray(options)) {
    throw new Error(`${where}: expected an options object such as { ${known[0]}: … }; received ${describe(options)}`);
  }
  for (const key of Object.keys(options)) {
    if ((known as readonly string[]).includes(key)) continue;
    const nearest = nearestName(key, known);
    const hint = nearest === undefined ? "" : ` (did you mean ${nearest}?)`;
    throw new Error(`${where}: unknown option "${key}"${hint}; known options: ${known.join(", ")}`);
  }
  return options;
}

/** The known name closest to a misspelt one, if it is close enough to be what was meant. */
function nearestName(name: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of known) {
    const distance = editDistance(name.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
  }
  return bestDistance <= Math.max(2, Math.floor(name.length / 3)) ? best : undefined;
}

/** Levenshtein distance: the fewest single-letter insertions, deletions and changes from a to b. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const change = a[i - 1] === b[j - 1] ? 0 : 1;
      current.push(Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + change));
    }
    previous = current;
  }
  return previous[b.length];
}

export function describe(value: unknown): string {
  if (typeof value === "string") return `"${value}"`;
  if (Array.isArray(value)) return value.length > 8 ? `an array of ${value.length}` : `[${value.map(describe).join(", ")}]`;
  if (value === null) return "null";
  if (typeof value === "object") return "an object";
  return String(value);
}
