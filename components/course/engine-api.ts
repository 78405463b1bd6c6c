// Reads the engine's public API from src/engine/index.ts with the TypeScript type
// checker, for the reference page: every export with its kind, signatures and JSDoc.
// Names starting with "_", private/protected members and @internal ones are skipped.
import ts from 'typescript';
import { existsSync } from 'node:fs';

export interface ApiMember {
  name: string;
  kind: 'constructor' | 'method' | 'property' | 'getter' | 'static method' | 'static property';
  signature: string;
  doc: string;
}
export interface ApiExport {
  name: string;
  kind: 'class' | 'function' | 'const' | 'type' | 'interface' | 'enum' | 'other';
  signature: string;
  doc: string;
  members: ApiMember[];
  file: string;
}

const hidden = (sym: ts.Symbol, decl?: ts.Declaration) =>
  sym.name.startsWith('_') ||
  sym.name.startsWith('#') ||
  sym.getJsDocTags().some((t) => t.name === 'internal') ||
  (decl !== undefined &&
    ts.getCombinedModifierFlags(decl) & (ts.ModifierFlags.Private | ts.ModifierFlags.Protected));

export function readEngineApi(entry: string): ApiExport[] | null {
  if (!existsSync(entry)) return null;
  const program = ts.createProgram([entry], {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    strict: true,
    noEmit: true,
    skipLibCheck: true,
  });
  const checker = program.getTypeChecker();
  const sf = program.getSourceFile(entry);
  const moduleSymbol = sf && checker.getSymbolAtLocation(sf);
  if (!moduleSymbol) return [];
  const doc = (s: ts.Symbol) => ts.displayPartsToString(s.getDocumentationComment(checker)).trim();
  const flags = ts.TypeFormatFlags.NoTruncation | ts.TypeFormatFlags.UseAliasDefinedOutsideCurrentScope;
  const sig = (s: ts.Signature) => checker.signatureToString(s, undefined, flags);
  const out: ApiExport[] = [];

  for (const exported of checker.getExportsOfModule(moduleSymbol)) {
    const sym = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
    const decl = sym.declarations?.[0];
    if (!decl || hidden(exported)) continue;
    const file = decl.getSourceFile().fileName.replace(/^.*\/src\/engine\//, '');
    const item: ApiExport = { name: exported.name, kind: 'other', signature: '', doc: doc(sym), members: [], file };

    if (ts.isClassDeclaration(decl)) {
      item.kind = 'class';
      const classType = checker.getTypeOfSymbolAtLocation(sym, decl);
      for (const s of classType.getConstructSignatures()) {
        item.members.push({ name: 'constructor', kind: 'constructor', signature: `new ${exported.name}${sig(s).replace(/: [^:]+$/, '')}`, doc: ts.displayPartsToString(s.getDocumentationComment(checker)).trim() });
      }
      const instance = checker.getDeclaredTypeOfSymbol(sym);
      const seen = new Set<string>();
      const add = (m: ts.Symbol, isStatic: boolean) => {
        const d = m.valueDeclaration ?? m.declarations?.[0];
        const key = (isStatic ? 'static ' : '') + m.name;
        if (!d || hidden(m, d) || m.name === 'prototype' || seen.has(key)) return;
        seen.add(key);
        const qualified = `${isStatic ? `${exported.name}.` : ''}${m.name}`;
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
      item.signature = t.getCallSignatures().map((s) => `${exported.name}${sig(s)}`).join('\n');
    } else if (ts.isVariableDeclaration(decl)) {
      const t = checker.getTypeOfSymbolAtLocation(sym, decl);
      const calls = t.getCallSignatures();
      item.kind = calls.length ? 'function' : 'const';
      item.signature = calls.length
        ? calls.map((s) => `${exported.name}${sig(s)}`).join('\n')
        : `const ${exported.name}: ${checker.typeToString(t, undefined, flags)}`;
    } else if (ts.isTypeAliasDeclaration(decl) || ts.isInterfaceDeclaration(decl) || ts.isEnumDeclaration(decl)) {
      item.kind = ts.isTypeAliasDeclaration(decl) ? 'type' : ts.isInterfaceDeclaration(decl) ? 'interface' : 'enum';
      const text = decl.getText().replace(/^export\s+/, '');
      // Keep the declaration itself, without its JSDoc (shown as prose).
      item.signature = text.replace(/\/\*\*[\s\S]*?\*\/\s*/g, '');
    }
    out.push(item);
  }
  return out;
}
