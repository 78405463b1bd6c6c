// The sandbox frame's page (served at runner/sandbox.html): its own strict policy in a
// meta tag, so any static host serves it without special headers, and its one script
// inline, allowed by hash. No 'self' in script-src: the worker (which inherits this
// policy) cannot importScripts or import() even the site's own files, only blob: code.
// 'unsafe-eval' is for the runner itself (a snippet runs as an AsyncFunction).
import { createHash } from 'node:crypto';
import frameScript from './frame.js?raw';

export function sandboxPolicy(script: string): string {
  const hash = createHash('sha256').update(script).digest('base64');
  return [
    "default-src 'none'",
    `script-src 'sha256-${hash}' blob: 'unsafe-eval'`,
    'worker-src blob:',
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

export function sandboxPage(script: string = frameScript): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${sandboxPolicy(script)}">
<title>Lernmi runner sandbox</title>
</head>
<body>
<script>${script}</script>
</body>
</html>
`;
}
