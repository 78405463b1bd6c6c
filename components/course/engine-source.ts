// Finds one declaration in a TypeScript source file, for <EngineSource>: a class
// ("Link"), a member of a class ("Neuron.backpropagate", "Network.constructor"), a
// function, a const, an interface or a type ("sigmoid", "Activation"). The text keeps
// the declaration's leading JSDoc and comments and is de-indented, so a method reads
// as it would at the top level.
import ts from 'typescript';

export interface Extracted {
  /** The declaration's source text, leading comments included, de-indented. */
  code: string;
  /** 1-based line of the first line of `code` in the file. */
  startLine: number;
  endLine: number;
  kind: string;
}

export class DeclarationNotFound extends Error {}

function nameOf(node: ts.Node): string | undefined {
  if (ts.isConstructorDeclaration(node)) return 'constructor';
  const name = (node as { name?: ts.Node }).name;
  if (!name) return undefined;
  if (ts.isIdentifier(name) || ts.isPrivateIdentifier(name) || ts.isStringLiteral(name)) return name.text;
  return undefined;
}

/** Top-level declarations by name. `export const f = …` is found by its variable name. */
function topLevel(sf: ts.SourceFile): Map<string, ts.Node> {
  const found = new Map<string, ts.Node>();
  for (const st of sf.statements) {
    if (ts.isVariableStatement(st)) {
      for (const d of st.declarationList.declarations) {
        if (ts.isIdentifier(d.name)) found.set(d.name.text, st);
      }
      continue;
    }
    const n = nameOf(st);
    if (n && !found.has(n)) found.set(n, st);
  }
  return found;
}

function membersOf(node: ts.Node): Map<string, ts.Node> {
  const found = new Map<string, ts.Node>();
  if (ts.isClassDeclaration(node) || ts.isInterfaceDeclaration(node)) {
    for (const m of node.members) {
      const n = nameOf(m);
      // Overloads: keep the first signature, so the comment and the overloads come along.
      if (n && !found.has(n)) found.set(n, m);
    }
  }
  return found;
}

/** The declaration's text from its first leading comment to its end. */
function textWithComments(sf: ts.SourceFile, node: ts.Node, last: ts.Node = node): { text: string; start: number } {
  const full = sf.getFullText();
  const comments = ts.getLeadingCommentRanges(full, node.getFullStart()) ?? [];
  const start = comments.length ? comments[0].pos : node.getStart(sf);
  // Start at the beginning of the line, so the first line's indentation is kept for de-indenting.
  const lineStart = full.lastIndexOf('\n', start - 1) + 1;
  const prefix = full.slice(lineStart, start);
  const from = /^\s*$/.test(prefix) ? lineStart : start;
  return { text: full.slice(from, last.getEnd()), start: from };
}

/** For overloaded methods, the declaration runs on to the implementation. */
function lastOverload(node: ts.Node): ts.Node {
  const parent = node.parent;
  if (!parent || !(ts.isClassDeclaration(parent) || ts.isInterfaceDeclaration(parent))) return node;
  const name = nameOf(node);
  let last = node;
  for (const m of parent.members) if (nameOf(m) === name && m.pos >= node.pos) last = m;
  return last;
}

export function dedent(text: string): string {
  const lines = text.replace(/\s+$/, '').split('\n');
  const indents = lines.filter((l) => l.trim()).map((l) => /^[ \t]*/.exec(l)![0].length);
  const cut = indents.length ? Math.min(...indents) : 0;
  return lines.map((l) => l.slice(Math.min(cut, /^[ \t]*/.exec(l)![0].length))).join('\n');
}

/**
 * Extract `name` from `source`. Throws DeclarationNotFound with the names that do
 * exist when it is missing, so a renamed method fails the build with a useful message.
 */
export function extractDeclaration(source: string, name: string, fileName = 'source.ts'): Extracted {
  const sf = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const [head, member, ...rest] = name.split('.');
  const tops = topLevel(sf);
  const top = tops.get(head);
  if (!top || rest.length) {
    throw new DeclarationNotFound(
      `no declaration "${name}" in ${fileName}. Top-level names there: ${[...tops.keys()].join(', ') || '(none)'}.`,
    );
  }
  let node = top;
  if (member !== undefined) {
    const members = membersOf(top);
    const m = members.get(member);
    if (!m) {
      throw new DeclarationNotFound(
        `no member "${member}" in ${head} (${fileName}). Its members: ${[...members.keys()].join(', ') || '(none)'}.`,
      );
    }
    node = m;
  }
  const { text, start } = textWithComments(sf, node, lastOverload(node));
  const startLine = sf.getLineAndCharacterOfPosition(start).line + 1;
  const endLine = sf.getLineAndCharacterOfPosition(node.getEnd()).line + 1;
  return { code: dedent(text), startLine, endLine, kind: ts.SyntaxKind[node.kind] };
}
