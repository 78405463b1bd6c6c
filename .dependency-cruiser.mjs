// Which part of Lernmi may import which (DESIGN.md §1). Dependencies point one way:
//   content → components → runner → "lernmi" (src/lernmi.ts) → engine + datasets
// so the engine runs the same in Node, a Worker and the page, and a chapter can quote
// it without dragging the site along. `npm run deps` (and `npm test`) checks this:
// dependency-cruiser for .ts/.mjs/.cjs, scripts/deps/astro-imports.mjs for .astro files
// (which dependency-cruiser cannot parse), both against the rules below.
//
// Paths are relative to the repository root. Keep `from`/`to` to `path` and `pathNot`
// regexes (plus `circular`): the .astro checker understands exactly that much.

/** @type {import('dependency-cruiser').IConfiguration} */
export default {
  forbidden: [
    {
      name: 'engine-stands-alone',
      comment:
        'src/engine imports nothing outside src/engine: no site code, no datasets, no npm ' +
        'package, no Node built-in. It is quoted in chapters and runs in Node, a Worker and the page.',
      severity: 'error',
      from: { path: '^src/engine/' },
      to: { pathNot: '^src/engine/' },
    },
    {
      name: 'datasets-use-only-the-engine',
      comment: 'src/datasets may use the engine (its seeded Random, its types) and nothing else.',
      severity: 'error',
      from: { path: '^src/datasets/' },
      to: { pathNot: '^src/(engine|datasets)/' },
    },
    {
      name: 'lernmi-is-the-only-joiner',
      comment:
        'src/lernmi.ts is what snippets import as "lernmi": it joins the engine and the ' +
        'datasets. Everything else reaches the datasets through it (tests may test them directly).',
      severity: 'error',
      from: { pathNot: '^(src/lernmi\\.ts$|src/datasets/|tests/)' },
      to: { path: '^src/datasets/' },
    },
    {
      name: 'runner-knows-no-page',
      comment:
        'src/runner runs snippets in a Worker, at build time and in tests: it never imports ' +
        'components, layouts or pages (they import it).',
      severity: 'error',
      from: { path: '^src/runner/' },
      to: { path: '^(components|src/layouts|src/pages)/' },
    },
    {
      name: 'runner-knows-engine-as-lernmi',
      comment:
        'The runner knows the engine only as the module a snippet imports (src/lernmi.ts), so ' +
        'a run and a <Computed> value see exactly what a snippet sees.',
      severity: 'error',
      from: { path: '^src/runner/' },
      to: { path: '^src/(engine|datasets)/' },
    },
    {
      name: 'runner-page-apart-from-worker',
      comment:
        'src/runner/page runs in the reader\'s page; it reaches the worker only by messages ' +
        '(kinds/protocol.ts), never by importing worker/ or build/ code.',
      severity: 'error',
      from: { path: '^src/runner/page/' },
      to: { path: '^src/runner/(worker|build)/' },
    },
    {
      name: 'runner-worker-apart-from-page',
      comment:
        'src/runner/worker runs reader code, in a Worker (and in Node for tests and the build); ' +
        'it never imports page/ or build/ code, so it can move behind a sandbox unchanged.',
      severity: 'error',
      from: { path: '^src/runner/worker/' },
      to: { path: '^src/runner/(page|build)/' },
    },
    {
      name: 'runner-kinds-shared-by-both',
      comment: 'src/runner/kinds is what both sides use, so it imports neither side (nor build/).',
      severity: 'error',
      from: { path: '^src/runner/kinds/' },
      to: { path: '^src/runner/(page|worker|build)/' },
    },
    {
      name: 'course-apart-from-site',
      comment: 'What a chapter uses (components/course) never imports the site frame (components/site).',
      severity: 'error',
      from: { path: '^components/course/' },
      to: { path: '^components/site/' },
    },
    {
      name: 'site-apart-from-course',
      comment: 'The site frame (components/site) never imports what a chapter uses (components/course).',
      severity: 'error',
      from: { path: '^components/site/' },
      to: { path: '^components/course/' },
    },
    {
      name: 'no-circular',
      comment:
        'A cycle makes two modules one: neither can be loaded, tested or quoted alone. Cycles ' +
        'closed only by `import type` are erased at run time and allowed (a Neuron has Links and ' +
        'a Link joins Neurons: the types name each other).',
      severity: 'error',
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
  ],
  options: {
    // Type-only imports count: an engine file that imports a site type is not standalone.
    tsPreCompilationDeps: true,
    // The path aliases ("lernmi", @components/*, @engine/*, @runner/*).
    tsConfig: { fileName: 'tsconfig.json' },
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|\\.astro|node_modules|test-results)/' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.mts', '.d.ts', '.d.mts', '.js', '.mjs', '.cjs', '.json'],
    },
    skipAnalysisNotInRules: true,
  },
};
