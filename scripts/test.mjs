// `npm test`: every check, in order, stopping at the first failure.
//   npm run deps → astro check → vitest run → npm run build → npm run test:e2e
// The dependency rules go first: they take about two seconds and name the import to undo.
import { spawnSync } from 'node:child_process';

const steps = [
  ['Dependency rules (dependency-cruiser + .astro imports)', 'npm', ['run', 'deps']],
  ['Type check (astro check)', 'npx', ['astro', 'check']],
  ['Unit tests (vitest)', 'npx', ['vitest', 'run']],
  ['Build (astro build + pagefind)', 'npm', ['run', 'build']],
  ['End-to-end tests (Playwright)', 'npm', ['run', 'test:e2e']],
];

const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };
const started = Date.now();
for (const [label, cmd, args] of steps) {
  const t = Date.now();
  console.log(`\n▶ ${label}: ${cmd} ${args.join(' ')}`);
  const { status, signal } = spawnSync(cmd, args, { stdio: 'inherit', env });
  const secs = ((Date.now() - t) / 1000).toFixed(1);
  if (status !== 0) {
    console.error(`\n✗ ${label} failed (${signal ?? `exit ${status}`}) after ${secs} s.`);
    process.exit(status || 1);
  }
  console.log(`✓ ${label} (${secs} s)`);
}
console.log(`\nAll checks passed in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
