// The dependency rules themselves (.dependency-cruiser.mjs and the .astro checker), run
// on a small project written to a temp folder with the repository's layout: a clean
// copy passes, and each planted import fails with the rule it breaks. `npm run deps`
// then applies the same rules to the real code.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import config from '../../.dependency-cruiser.mjs';
import { astroViolations } from '../../scripts/deps/astro-imports.mjs';

const CONFIG = resolve('.dependency-cruiser.mjs');
const DEPCRUISE = resolve('node_modules/dependency-cruiser/bin/dependency-cruise.mjs');
const { compilerOptions } = JSON.parse(readFileSync('tsconfig.json', 'utf8'));
const made: string[] = [];

/** The layout of Lernmi in miniature, every allowed direction used once. */
const CLEAN: Record<string, string> = {
  'tsconfig.json': JSON.stringify({ compilerOptions: { baseUrl: '.', paths: compilerOptions.paths } }),
  'src/engine/neuron.ts': 'import type { Link } from "./link";\nexport class Neuron { links: Link[] = []; }\n',
  'src/engine/link.ts': 'import type { Neuron } from "./neuron";\nexport class Link { from?: Neuron; }\n',
  'src/engine/random.ts': 'export const seed = 1;\n',
  'src/engine/index.ts': 'export * from "./neuron";\nexport * from "./link";\nexport * from "./random";\n',
  'src/datasets/index.ts': 'import { seed } from "../engine/random";\nexport const xor = () => seed;\n',
  'src/lernmi.ts': 'export * from "./engine/index";\nexport * as datasets from "./datasets/index";\n',
  'src/runner/protocol.ts': 'export const LIMITS = { lines: 1 };\n',
  'src/runner/computed.ts': 'import * as lernmi from "../lernmi";\nexport const names = Object.keys(lernmi);\n',
  'components/course/mdx.ts': 'import { LIMITS } from "../../src/runner/protocol";\nexport const mdx = LIMITS;\n',
  'components/course/Callout.astro': '---\nimport { names } from "@runner/computed";\n---\n<p>{names}</p>\n',
  'src/runner/kinds/log.ts': 'export const log = 1;\n',
  'src/runner/page/view.ts': 'import { log } from "../kinds/log";\nexport const view = log;\n',
  'src/runner/worker/sink.ts': 'import { log } from "../kinds/log";\nexport const sink = log;\n',
  'components/site/progress.ts': 'export const done = new Set<string>();\n',
  'components/site/Search.astro': '---\n---\n<input />\n<script>\n  import { done } from "./progress";\n  console.log(done);\n</script>\n',
  'src/layouts/Base.astro': '---\nimport Search from "@components/site/Search.astro";\nimport { mdx } from "@components/course/mdx";\n---\n<Search />{mdx}\n',
};

/** Each plant: the file it replaces, and the violation it must cause. */
const PLANTS: { file: string; code: string; rule: string; from: string; to: string }[] = [
  { file: 'src/engine/random.ts', code: 'import { LIMITS } from "../runner/protocol";\nexport const seed = LIMITS.lines;\n', rule: 'engine-stands-alone', from: 'src/engine/random.ts', to: 'src/runner/protocol.ts' },
  { file: 'src/engine/link.ts', code: 'import { transform } from "sucrase";\nexport class Link { t = transform; }\n', rule: 'engine-stands-alone', from: 'src/engine/link.ts', to: 'sucrase' },
  { file: 'src/datasets/index.ts', code: 'import { LIMITS } from "../runner/protocol";\nexport const xor = () => LIMITS;\n', rule: 'datasets-use-only-the-engine', from: 'src/datasets/index.ts', to: 'src/runner/protocol.ts' },
  { file: 'src/runner/protocol.ts', code: 'import { mdx } from "@components/course/mdx";\nexport const LIMITS = { lines: 1, mdx };\n', rule: 'runner-knows-no-page', from: 'src/runner/protocol.ts', to: 'components/course/mdx.ts' },
  { file: 'src/runner/computed.ts', code: 'import { xor } from "../datasets/index";\nexport const names = [xor];\n', rule: 'lernmi-is-the-only-joiner', from: 'src/runner/computed.ts', to: 'src/datasets/index.ts' },
  { file: 'src/runner/page/view.ts', code: 'import { sink } from "../worker/sink";\nexport const view = sink;\n', rule: 'runner-page-apart-from-worker', from: 'src/runner/page/view.ts', to: 'src/runner/worker/sink.ts' },
  { file: 'src/runner/worker/sink.ts', code: 'import { view } from "../page/view";\nexport const sink = view;\n', rule: 'runner-worker-apart-from-page', from: 'src/runner/worker/sink.ts', to: 'src/runner/page/view.ts' },
  { file: 'src/runner/kinds/log.ts', code: 'import { sink } from "../worker/sink";\nexport const log = sink;\n', rule: 'runner-kinds-shared-by-both', from: 'src/runner/kinds/log.ts', to: 'src/runner/worker/sink.ts' },
  { file: 'components/site/progress.ts', code: 'import { mdx } from "../course/mdx";\nexport const done = new Set([mdx]);\n', rule: 'site-apart-from-course', from: 'components/site/progress.ts', to: 'components/course/mdx.ts' },
  { file: 'components/course/Callout.astro', code: '---\nimport { done } from "@components/site/progress";\n---\n<p>{done}</p>\n', rule: 'course-apart-from-site', from: 'components/course/Callout.astro', to: 'components/site/progress.ts' },
  { file: 'components/site/Search.astro', code: '<input />\n<script>\n  import { mdx } from "../course/mdx";\n  console.log(mdx);\n</script>\n', rule: 'site-apart-from-course', from: 'components/site/Search.astro', to: 'components/course/mdx.ts' },
];

function project(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'lernmi-deps-'));
  made.push(root);
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    writeFileSync(join(root, file), text);
  }
  return root;
}

interface Found {
  rule: string;
  severity: string;
  from: string;
  to: string;
}

/** dependency-cruiser's violations (its JSON report) plus the .astro checker's. */
function violations(root: string): Found[] {
  const run = spawnSync(process.execPath, [DEPCRUISE, '--config', CONFIG, '--output-type', 'json', 'src', 'components'], {
    cwd: root,
    encoding: 'utf8',
  });
  if (!run.stdout) throw new Error(`dependency-cruiser printed nothing: ${run.stderr}`);
  const report = JSON.parse(run.stdout) as { summary: { violations: { rule: { name: string; severity: string }; from: string; to: string }[] } };
  const cruised = report.summary.violations.map((v) => ({ rule: v.rule.name, severity: v.rule.severity, from: v.from, to: v.to }));
  return [...cruised, ...astroViolations(root, config)];
}

afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('dependency rules', () => {
  it('pass a project laid out as DESIGN.md §1 says (type-only cycles allowed)', () => {
    expect(violations(project(CLEAN))).toEqual([]);
  });

  it('fail on each planted import, naming the rule, the importer and the imported', () => {
    const files = { ...CLEAN };
    for (const p of PLANTS) files[p.file] = p.code;
    const found = violations(project(files));
    for (const p of PLANTS) {
      expect(found, `${p.rule}: ${p.from} → ${p.to}`).toContainEqual({ rule: p.rule, severity: 'error', from: p.from, to: p.to });
    }
    // engine → runner → lernmi → engine is also a cycle of real (not type-only) imports.
    // runner → course component → runner closes a cycle too.
    expect(found).toContainEqual({ rule: 'no-circular', severity: 'error', from: 'components/course/mdx.ts', to: 'src/runner/protocol.ts' });
  });

  it('fail on a cycle of real imports, where the type-only one passed', () => {
    const found = violations(
      project({
        ...CLEAN,
        'src/engine/neuron.ts': 'import { Link } from "./link";\nexport class Neuron { links = [new Link()]; }\n',
        'src/engine/link.ts': 'import { Neuron } from "./neuron";\nexport class Link { make = () => new Neuron(); }\n',
      }),
    );
    expect(found.map((v) => `${v.rule} ${v.from}`)).toEqual(['no-circular src/engine/link.ts']);
  });

  it('fail when the runner reaches past src/lernmi.ts into the engine', () => {
    const found = violations(project({ ...CLEAN, 'src/runner/computed.ts': 'import * as e from "../engine/index";\nexport const names = Object.keys(e);\n' }));
    expect(found).toEqual([{ rule: 'runner-knows-engine-as-lernmi', severity: 'error', from: 'src/runner/computed.ts', to: 'src/engine/index.ts' }]);
  });
});
