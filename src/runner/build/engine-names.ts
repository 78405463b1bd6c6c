// The names the snippet editor completes, read from the code itself with the TypeScript
// type checker when the site is built: every value and type the engine exports (from the
// module snippets import as "lernmi"), the public members of its classes, the keys of its
// options objects, and `show` with its functions (from ShowFunction). A new engine export
// appears in the editor without anyone editing a list.
import { join } from 'node:path';
import ts from 'typescript';
import type { NameInfo } from 'virtual:lernmi/engine-names';

/** The module snippets import as "lernmi", and where `show` is declared, from the repository root. */
export const ENGINE_ENTRY = 'src/lernmi.ts';
export const SHOW_ENTRY = 'src/runner/worker/show.ts';

const MAX_INFO = 240;

const skip = (s: ts.Symbol, decl?: ts.Declaration) =>
  s.name.startsWith('_') ||
  s.name.startsWith('#') ||
  s.name === 'prototype' ||
  s.getJsDocTags().some((t) => t.name === 'internal') ||
  (decl !== undefined && (ts.getCombinedModifierFlags(decl) & (ts.ModifierFlags.Private | ts.ModifierFlags.Protected)) !== 0);

/** Reads the names; `root` is the repository root. Also returns the files it read (for watching). */
export function readEngineNames(root: string): { names: NameInfo[]; files: string[] } {
  const entry = join(root, ENGINE_ENTRY);
  const showFile = join(root, SHOW_ENTRY);
  const program = ts.createProgram([entry, showFile], {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    baseUrl: root,
    paths: { lernmi: [`./${ENGINE_ENTRY}`] },
  });
  const checker = program.getTypeChecker();
  const fmt = ts.TypeFormatFlags.NoTruncation | ts.TypeFormatFlags.UseAliasDefinedOutsideCurrentScope;
  const firstSentence = (s: ts.Symbol | ts.Signature) => {
    const text = ts.displayPartsToString(s.getDocumentationComment(checker)).replace(/\s+/g, ' ').trim();
    return /^(.*?[.!?])(\s|$)/.exec(text)?.[1] ?? text;
  };
  const info = (signature: string, doc: string) => {
    const s = doc ? `${signature}: ${doc}` : signature;
    return s.length > MAX_INFO ? `${s.slice(0, MAX_INFO - 1)}…` : s;
  };
  const names = new Map<string, NameInfo>();
  const add = (label: string, type: NameInfo['type'], text: string) => {
    if (!names.has(label)) names.set(label, { label, type, info: text });
  };

  /** Properties and methods of a type, as `owner.name` entries. */
  const members = (owner: string, type: ts.Type, kind: 'method' | 'property' | 'auto') => {
    for (const m of checker.getPropertiesOfType(type)) {
      const d = m.valueDeclaration ?? m.declarations?.[0];
      if (!d || skip(m, d)) continue;
      const t = checker.getTypeOfSymbolAtLocation(m, d);
      const calls = t.getCallSignatures();
      if (calls.length && kind !== 'property') {
        add(m.name, 'method', info(`${owner}.${m.name}${checker.signatureToString(calls[0]!, undefined, fmt)}`, firstSentence(m)));
      } else {
        add(m.name, 'property', info(`${owner}.${m.name}: ${checker.typeToString(t, undefined, fmt)}`, firstSentence(m)));
      }
    }
  };

  const entryFile = program.getSourceFile(entry);
  const moduleSymbol = entryFile && checker.getSymbolAtLocation(entryFile);
  const exports = moduleSymbol ? checker.getExportsOfModule(moduleSymbol) : [];
  const later: (() => void)[] = []; // members after every export, so an export's own entry wins
  for (const exported of exports) {
    const sym = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
    const decl = sym.valueDeclaration ?? sym.declarations?.[0];
    if (!decl || skip(exported)) continue;
    const name = exported.name;
    if (ts.isClassDeclaration(decl)) {
      const classType = checker.getTypeOfSymbolAtLocation(sym, decl);
      const ctor = classType.getConstructSignatures()[0];
      const sig = ctor ? `new ${name}${checker.signatureToString(ctor, undefined, fmt).replace(/: [^:]+$/, '')}` : `class ${name}`;
      add(name, 'class', info(sig, firstSentence(sym)));
      const lower = name[0]!.toLowerCase() + name.slice(1);
      later.push(() => members(lower, checker.getDeclaredTypeOfSymbol(sym), 'auto'));
      later.push(() => members(name, classType, 'auto'));
    } else if (ts.isInterfaceDeclaration(decl) || ts.isTypeAliasDeclaration(decl)) {
      add(name, ts.isInterfaceDeclaration(decl) ? 'interface' : 'type', info(`type ${name}`, firstSentence(sym)));
      // The keys of options objects (activation, trainingRate, epochs…) complete too.
      const t = checker.getDeclaredTypeOfSymbol(sym);
      if (t.flags & ts.TypeFlags.Object) later.push(() => members(name, t, 'property'));
    } else if (ts.isSourceFile(decl) || sym.flags & ts.SymbolFlags.ValueModule) {
      add(name, 'variable', info(`${name}: { ${checker.getExportsOfModule(sym).filter((s) => !skip(s)).map((s) => s.name).join(', ')} }`, ''));
      const t = checker.getTypeOfSymbolAtLocation(sym, decl);
      later.push(() => members(name, t, 'auto'));
    } else {
      const t = checker.getTypeOfSymbolAtLocation(sym, decl);
      const calls = t.getCallSignatures();
      if (calls.length) add(name, 'function', info(`${name}${checker.signatureToString(calls[0]!, undefined, fmt)}`, firstSentence(sym)));
      else {
        add(name, 'constant', info(`${name}: ${checker.typeToString(t, undefined, fmt)}`, firstSentence(sym)));
        if (t.flags & ts.TypeFlags.Object && !checker.isArrayType(t)) later.push(() => members(name, t, 'auto'));
      }
    }
  }

  // `show` and its functions, from the type the worker gives a snippet.
  const showSource = program.getSourceFile(showFile);
  const showModule = showSource && checker.getSymbolAtLocation(showSource);
  const showSym = showModule && checker.getExportsOfModule(showModule).find((s) => s.name === 'ShowFunction');
  if (showSym) {
    const t = checker.getDeclaredTypeOfSymbol(showSym);
    const call = t.getCallSignatures()[0];
    add('show', 'function', info(`show${call ? checker.signatureToString(call, undefined, fmt) : '(value)'}`, call ? firstSentence(call) : ''));
    later.unshift(() => members('show', t, 'method'));
  }
  for (const f of later) f();

  const files = program.getSourceFiles().map((f) => f.fileName).filter((f) => f.startsWith(root) && !f.includes('/node_modules/'));
  return { names: [...names.values()], files };
}
