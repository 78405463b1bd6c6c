// Reads the public API of the module snippets import as "lernmi" with the TypeScript
// type checker, for the reference page: every export with its kind, signatures, doc
// comment and repository-relative source location. A namespace export
// (`export * as datasets from …`) is listed as the namespace and then each of its
// exports as `datasets.xor`, … Names starting with "_", private/protected members
// and @internal ones are skipped.
import ts from 'typescript';
import { existsSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

export interface ApiMember {
  name: string;
  kind: 'constructor' | 'method' | 'property' | 'getter' | 'static method' | 'static property';
  signature: string;
  /** The doc comment, Markdown as written. */
  doc: string;
}
export interface ApiExport {
  /** As a snippet writes it: `Network`, `datasets.xor`, `show.table`. */
  name: string;
  kind: 'class' | 'function' | 'const' | 'type' | 'interface' | 'enum' | 'namespace' | 'other';
  signature: string;
  /** The doc comment, Markdown as written. */
  doc: string;
  members: ApiMember[];
  /** Repository-relative file and line, e.g. `src/datasets/index.ts:12`: never a path of the machine that built the site. */
  source: string;
}

/** The file tsconfig.json maps "lernmi" to: the module snippets import. */
export function lernmiEntry(root = process.cwd()): string {
  const { config } = ts.readConfigFile(join(root, 'tsconfig.json'), ts.sys.readFile);
  const target: string | undefined = config?.compilerOptions?.paths?.lernmi?.[0];
  if (!target) throw new Error('tsconfig.json maps no path for "lernmi"');
  return join(config.compilerOptions.baseUrl ?? '.', target);
}

/** `file:line` relative to the repository root, with forward slashes on every system. */
export function sourceOf(node: ts.Node, root: string): string {
  const sf = node.getSourceFile();
  const line = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
  return `${relative(root, sf.fileName).split(sep).join('/')}:${line}`;
}

const hidden = (sym: ts.Symbol, decl?: ts.Declaration) =>
  sym.name.startsWith('_') ||
  sym.name.startsWith('#') ||
  sym.getJsDocTags().some((t) => t.name === 'internal') ||
  (decl !== undefined &&
    ts.getCombinedModifierFlags(decl) & (ts.ModifierFlags.Private | ts.ModifierFlags.Protected));

/** The first /** comment of a file: a module's own documentation. */
function fileDoc(sf: ts.SourceFile): string {
  const text = sf.getFullText();
  const first = ts.getLeadingCommentRanges(text, 0)?.find((c) => text.startsWith('/**', c.pos));
  if (!first) return '';
  return text
    .slice(first.pos + 3, first.end - 2)
    .split('\n')
    .map((l) => l.replace(/^\s*\* ?/, ''))
    .join('\n')
    .trim();
}

/** Every export of `entry` (a path relative to `root`), or null when the file does not exist. */
export function readApi(entry: string, root = process.cwd()): ApiExport[] | null {
  const file = join(root, entry);
  if (!existsSync(file)) return null;
  const program = ts.createProgram([file], {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    strict: true,
    noEmit: true,
    skipLibCheck: true,
  });
  const checker = program.getTypeChecker();
  const sf = program.getSourceFile(file);
  const moduleSymbol = sf && checker.getSymbolAtLocation(sf);
  if (!moduleSymbol) return [];
  const doc = (s: ts.Symbol) => ts.displayPartsToString(s.getDocumentationComment(checker)).trim();
  const flags = ts.TypeFormatFlags.NoTruncation | ts.TypeFormatFlags.UseAliasDefinedOutsideCurrentScope;
  const sig = (s: ts.Signature) => checker.signatureToString(s, undefined, flags);
  const out: ApiExport[] = [];
  const listed = new Set<ts.Declaration>();
  const namespaces: [string, ts.Symbol][] = [];

  const describe = (exported: ts.Symbol, name: string) => {
    const sym = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
    const decl = sym.declarations?.[0];
    if (!decl || hidden(exported) || listed.has(decl)) return;
    listed.add(decl);
    if (ts.isSourceFile(decl)) {
      // `export * as name from "…"`: the namespace first, its contents after the top level.
      const path = relative(root, decl.fileName).split(sep).join('/');
      out.push({ name, kind: 'namespace', signature: '', doc: fileDoc(decl), members: [], source: `${path}:1` });
      namespaces.push([name, sym]);
      return;
    }
    const item: ApiExport = { name, kind: 'other', signature: '', doc: doc(sym), members: [], source: sourceOf(decl, root) };
    const local = name.split('.').pop()!;

    if (ts.isClassDeclaration(decl)) {
      item.kind = 'class';
      const classType = checker.getTypeOfSymbolAtLocation(sym, decl);
      for (const s of classType.getConstructSignatures()) {
        item.members.push({ name: 'constructor', kind: 'constructor', signature: `new ${name}${sig(s).replace(/: [^:]+$/, '')}`, doc: ts.displayPartsToString(s.getDocumentationComment(checker)).trim() });
      }
      const instance = checker.getDeclaredTypeOfSymbol(sym);
      const seen = new Set<string>();
      const add = (m: ts.Symbol, isStatic: boolean) => {
        const d = m.valueDeclaration ?? m.declarations?.[0];
        const key = (isStatic ? 'static ' : '') + m.name;
        if (!d || hidden(m, d) || m.name === 'prototype' || seen.has(key)) return;
        seen.add(key);
        const qualified = `${isStatic ? `${name}.` : ''}${m.name}`;
        const t = checker.getTypeOfSymbolAtLocation(m, d);
        const calls = t.getCallSignatures();
        if (m.flags & ts.SymbolFlags.Method && calls.length) {
          for (const s of calls) {
            item.members.push({ name: m.name, kind: isStatic ? 'static method' : 'method', signature: `${qualified}${sig(s)}`, doc: doc(m) });
          }
        } else {
          const readonly = ts.getCombinedModifierFlags(d) & ts.ModifierFlags.Readonly ? 'readonly ' : '';
          const kind = m.flags & ts.SymbolFlags.GetAccessor ? 'getter' : isStatic ? 'static property' : 'property';
          item.members.push({ name: m.name, kind, signature: `${readonly}${qualified}: ${checker.typeToString(t, undefined, flags)}`, doc: doc(m) });
        }
      };
      for (const m of checker.getPropertiesOfType(instance)) add(m, false);
      for (const m of checker.getPropertiesOfType(classType)) add(m, true);
    } else if (ts.isFunctionDeclaration(decl)) {
      item.kind = 'function';
      const t = checker.getTypeOfSymbolAtLocation(sym, decl);
      item.signature = t.getCallSignatures().map((s) => `${name}${sig(s)}`).join('\n');
    } else if (ts.isVariableDeclaration(decl)) {
      const t = checker.getTypeOfSymbolAtLocation(sym, decl);
      const calls = t.getCallSignatures();
      item.kind = calls.length ? 'function' : 'const';
      item.signature = calls.length
        ? calls.map((s) => `${name}${sig(s)}`).join('\n')
        : `const ${name}: ${checker.typeToString(t, undefined, flags)}`;
    } else if (ts.isTypeAliasDeclaration(decl) || ts.isInterfaceDeclaration(decl) || ts.isEnumDeclaration(decl)) {
      item.kind = ts.isTypeAliasDeclaration(decl) ? 'type' : ts.isInterfaceDeclaration(decl) ? 'interface' : 'enum';
      // The declaration itself, without `export` and without its JSDoc (shown as prose).
      item.signature = decl.getText().replace(/^export\s+/, '').replace(/\/\*\*[\s\S]*?\*\/\s*/g, '');
      if (local !== decl.name.text) item.signature = item.signature.replace(decl.name.text, local);
    }
    out.push(item);
  };

  for (const exported of checker.getExportsOfModule(moduleSymbol)) describe(exported, exported.name);
  for (const [prefix, ns] of namespaces) {
    for (const exported of checker.getExportsOfModule(ns)) describe(exported, `${prefix}.${exported.name}`);
  }
  return out;
}
