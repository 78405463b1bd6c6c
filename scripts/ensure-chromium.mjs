// Makes sure a Chromium exists for the end-to-end tests and the audit.
// Found already (CHROMIUM_PATH, Playwright's browser, a system chromium)? Done.
// Otherwise: `npx playwright install chromium`, the standard way; and where that cannot
// download and we are root on Debian, Debian's own `chromium` package.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { findChromium } from './find-chromium.mjs';

function run(cmd, args) {
  return spawnSync(cmd, args, { stdio: 'inherit' }).status === 0;
}

let found = findChromium();
if (!found) {
  console.log('No Chromium found; running `npx playwright install chromium`.');
  run('npx', ['playwright', 'install', 'chromium']);
  found = findChromium();
}
if (!found && process.getuid?.() === 0 && existsSync('/etc/debian_version')) {
  console.log("Playwright could not download Chromium; installing Debian's chromium package with apt-get (as root).");
  run('apt-get', ['update', '-qq']); // a stale mirror list may still install: try regardless
  if (run('apt-get', ['install', '-y', '-qq', 'chromium'])) found = findChromium();
}
if (!found) {
  console.error(
    'No Chromium available. Install one (e.g. `npx playwright install chromium` or your system package) ' +
      'or point CHROMIUM_PATH at a Chromium/Chrome binary.',
  );
  process.exit(1);
}
console.log(`Chromium: ${found.path} (${found.source})`);
