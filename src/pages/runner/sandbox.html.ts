// runner/sandbox.html: the page of the sandboxed frame that reader code runs in
// (src/runner/sandbox/). A static file in the build; nothing links to it.
import type { APIRoute } from 'astro';
import { sandboxPage } from '../../runner/sandbox/frame-page';

export const GET: APIRoute = () => new Response(sandboxPage(), { headers: { 'content-type': 'text/html; charset=utf-8' } });
