// The dependency rules of .dependency-cruiser.mjs, applied to .astro (and .mdx) files.
// dependency-cruiser cannot parse .astro (it knows .js/.ts/.vue/.svelte…), yet layouts,
// pages and most components are .astro, and a planted import there must fail as it would
// in a .ts file. So this reads each .astro file's frontmatter and bundled <script>s,
// lists their imports with TypeScript's pre-processor, resolves them as the build does
// (relative paths and the tsconfig.json aliases) and tests every edge against the same
// rules. It understands `path`/`pathNot` on `from` and `to`; a rule that needs more
// (other than `circular`, which it leaves to dependency-cruiser) is an error here, so
// the two checkers cannot silently disagree.
//
//   node scripts/deps/astro-imports.mjs [root]     exit 1 on an error-level violation
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';

const SCANNED = ['src', 'components', 'content'];
const EXTENSIONS = ['', '.ts', '.mts', '.mjs', '.js', '/index.ts', '/index.mjs'];

function astroFiles(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : astroFiles(p);
    return /\.(astro|mdx)$/.test(e.name) ? [p] : [];
  });
}

/**
 * The code of an .astro file that can import: its frontmatter and its bundled scripts.
 * Of an .mdx file: its top-level import/export lines (MDX's ESM).
 */
export function astroCode(text, mdx = false) {
  if (mdx) return text.split('\n').filter((l) => /^(import|export)\s/.test(l)).join('\n');
  const parts = [];
  const fm = /^\s*---\r?\n([\s\S]*?)\r?\n---/.exec(text);
  if (fm) parts.push(fm[1]);
  // is:inline scripts are copied to the page as they are: not bundled, so not imports of ours.
  for (const m of text.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
    if (!/\bis:inline\b/.test(m[1])) parts.push(m[2]);
  }
  return parts.join('\n');
}

/** tsconfig.json's `paths`, as [prefix, suffix-wildcard?, target] triples. */
function aliases(root) {
  const file = join(root, 'tsconfig.json');
  if (!existsSync(file)) return [];
  const { config } = ts.readConfigFile(file, ts.sys.readFile);
  const paths = config?.compilerOptions?.paths ?? {};
  const base = config?.compilerOptions?.baseUrl ?? '.';
  return Object.entries(paths).map(([key, [target]]) => ({
    key: key.replace(/\*$/, ''),
    wildcard: key.endsWith('*'),
    target: join(base, target.replace(/\*$/, '')),
  }));
}

/** Repository-relative path of what `spec` names, or the bare name of a package or built-in. */
function resolveSpec(spec, fromFile, root, alias) {
  const bare = spec.replace(/\?.*$/, '');
  let abs;
  if (bare.startsWith('.')) abs = resolve(dirname(fromFile), bare);
  else {
    const a = alias.find((x) => (x.wildcard ? bare.startsWith(x.key) : bare === x.key));
    if (!a) return bare; // npm package, node: built-in or astro: virtual module
    abs = resolve(root, a.target + (a.wildcard ? bare.slice(a.key.length) : ''));
  }
  const found = EXTENSIONS.map((e) => abs + e).find((p) => existsSync(p) && statSync(p).isFile()) ?? abs;
  return relative(root, found).split(sep).join('/');
}

/** Every import edge of every .astro and .mdx file under src/, components/ and content/. */
export function astroEdges(root) {
  const alias = aliases(root);
  return SCANNED.flatMap((d) => astroFiles(join(root, d))).flatMap((file) => {
    const from = relative(root, file).split(sep).join('/');
    const { importedFiles } = ts.preProcessFile(astroCode(readFileSync(file, 'utf8'), file.endsWith('.mdx')), true, true);
    return importedFiles.map((i) => ({ from, to: resolveSpec(i.fileName, file, root, alias) }));
  });
}

function matches(side, path) {
  const known = new Set(['path', 'pathNot']);
  const unknown = Object.keys(side).filter((k) => !known.has(k));
  if (unknown.length) throw new Error(`astro-imports: cannot apply rule condition(s) ${unknown.join(', ')}; extend scripts/deps/astro-imports.mjs`);
  if (side.path !== undefined && !new RegExp(side.path).test(path)) return false;
  if (side.pathNot !== undefined && new RegExp(side.pathNot).test(path)) return false;
  return true;
}

/** Violations of the config's forbidden rules by .astro imports. */
export function astroViolations(root, config) {
  const rules = (config.forbidden ?? []).filter((r) => !r.to?.circular);
  const edges = astroEdges(root);
  return rules.flatMap((rule) =>
    edges
      .filter((e) => matches(rule.from ?? {}, e.from) && matches(rule.to ?? {}, e.to))
      .map((e) => ({ rule: rule.name, severity: rule.severity ?? 'warn', from: e.from, to: e.to })),
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const root = resolve(process.argv[2] ?? '.');
  const { default: config } = await import(pathToFileURL(join(root, '.dependency-cruiser.mjs')).href);
  const found = astroViolations(root, config);
  for (const v of found) console.log(`  ${v.severity} ${v.rule}: ${v.from} → ${v.to}`);
  const errors = found.filter((v) => v.severity === 'error').length;
  const files = new Set(astroEdges(root).map((e) => e.from)).size;
  console.log(`${errors ? 'x' : '✔'} .astro imports: ${found.length} violation(s) (${errors} errors) in ${files} files that import.`);
  process.exit(errors ? 1 : 0);
}
