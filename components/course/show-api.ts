// Reads `show` and its functions (show.table, show.plot, …) for the reference page from
// the declarations the runner type-checks snippets against: the `ShowFunction`
// interface somewhere under src/runner/, written as TypeScript or inside a template
// string of declarations. It is searched for rather than imported so the reference
// follows the runner's files when they move; if it is gone, the build fails.
import ts from 'typescript';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { ApiExport } from './engine-api';

const INTERFACE = 'ShowFunction';

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return tsFiles(p);
    return /\.m?ts$/.test(e.name) ? [p] : [];
  });
}

/** The interface, in the file or in one of its template strings, and the file line its text starts at. */
function findInterface(sf: ts.SourceFile): { decl: ts.InterfaceDeclaration; inner: ts.SourceFile; lineOffset: number } | undefined {
  let found: ReturnType<typeof findInterface>;
  const visit = (node: ts.Node) => {
    if (found) return;
    if (ts.isInterfaceDeclaration(node) && node.name.text === INTERFACE) {
      found = { decl: node, inner: sf, lineOffset: 0 };
    } else if (ts.isNoSubstitutionTemplateLiteral(node) && node.text.includes(`interface ${INTERFACE}`)) {
      const inner = ts.createSourceFile('globals.d.ts', node.text, ts.ScriptTarget.Latest, true);
      const decl = inner.statements.find((s): s is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(s) && s.name.text === INTERFACE);
      // The literal's text starts right after its backtick.
      if (decl) found = { decl, inner, lineOffset: sf.getLineAndCharacterOfPosition(node.getStart(sf)).line };
    } else ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

function docOf(member: ts.Node): string {
  return ts
    .getJSDocCommentsAndTags(member)
    .filter(ts.isJSDoc)
    .map((d) => ts.getTextOfJSDocComment(d.comment) ?? '')
    .join('\n')
    .trim();
}

/** `show` and each `show.*` function, with signature, doc comment and source line. */
export function readShowApi(root = process.cwd()): ApiExport[] {
  for (const file of tsFiles(join(root, 'src/runner'))) {
    const text = readFileSync(file, 'utf8');
    if (!text.includes(`interface ${INTERFACE}`)) continue;
    const found = findInterface(ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true));
    if (!found) continue;
    const { decl, inner, lineOffset } = found;
    const path = relative(root, file).split(sep).join('/');
    const line = (n: ts.Node) => lineOffset + inner.getLineAndCharacterOfPosition(n.getStart(inner)).line + 1;
    // `import('lernmi').Network` reads as `Network` to a snippet's author.
    const clean = (s: string) => s.replace(/import\(["']lernmi["']\)\./g, '').replace(/;$/, '').replace(/\s+/g, ' ');
    const out: ApiExport[] = [];
    for (const m of decl.members) {
      if (ts.isCallSignatureDeclaration(m)) {
        out.unshift({ name: 'show', kind: 'function', signature: `show${clean(m.getText(inner))}`, doc: docOf(m), members: [], source: `${path}:${line(m)}` });
      } else if ((ts.isMethodSignature(m) || ts.isPropertySignature(m)) && ts.isIdentifier(m.name)) {
        const rest = clean(m.getText(inner)).slice(m.name.text.length);
        out.push({ name: `show.${m.name.text}`, kind: 'function', signature: `show.${m.name.text}${rest}`, doc: docOf(m), members: [], source: `${path}:${line(m)}` });
      }
    }
    return out;
  }
  throw new Error(`show-api: no interface ${INTERFACE} under src/runner/, so the reference cannot list show and its functions`);
}
