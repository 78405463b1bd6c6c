// The hostile reader's snippets for tests/e2e/hostile.spec.ts: one per attack in issue 10,
// served on a fixture page made like the runner's (tests/support/runner-fixture.ts). Each
// prints a marker first ("ATTACK … ran"), so a passing test shows the attack ran and
// failed, not that it never ran; each says how every attempt ended.
import type { FixtureSnippet } from './runner-fixture';

export const HOSTILE_PATH = 'test-fixtures/hostile/';

/** The snippets, aimed at a listener at `listener` (an http://127.0.0.1:port origin). */
export function hostileSnippets(listener: string): FixtureSnippet[] {
  const U = JSON.stringify(listener);
  return [
    {
      key: 'network',
      title: 'Reach the network',
      code: `const U = ${U};
const g: any = globalThis;
const W: any = g.WorkerGlobalScope.prototype;
console.log("ATTACK network ran");
async function attempt(name: string, f: () => unknown) {
  try {
    await f();
    console.log(name + ": returned");
  } catch (e: any) {
    console.log(name + ": failed (" + (e && e.name) + ")");
  }
}
await attempt("fetch via prototype", () => W.fetch.call(g, U + "/fetch"));
await attempt("fetch via Function", () => new Function("return WorkerGlobalScope.prototype.fetch.call(self, arguments[0])")(U + "/fetch-fn"));
await attempt("import() via Function", () => new Function("u", "return import(u)")(U + "/import.js"));
await attempt("import() via eval", () => (0, eval)("import(" + JSON.stringify(U + "/eval.js") + ")"));
await attempt("importScripts via prototype", () => W.importScripts.call(g, U + "/importScripts.js"));
await attempt("XMLHttpRequest", () => { const x = new g.XMLHttpRequest(); x.open("GET", U + "/xhr", false); x.send(); });
await attempt("WebSocket", () => new g.WebSocket(U.replace("http", "ws") + "/ws"));
await attempt("WebSocketStream", () => new g.WebSocketStream(U.replace("http", "ws") + "/wss").opened);
await attempt("WebTransport", () => new g.WebTransport(U.replace("http", "https") + "/wt").ready);
await attempt("EventSource", () => new g.EventSource(U + "/sse"));
await attempt("sendBeacon", () => { if (!g.navigator.sendBeacon(U + "/beacon", "x")) throw new Error("refused"); });
await attempt("FontFace", () => new g.FontFace("evil", "url(" + U + "/font.woff2)").load());
await attempt("image via createImageBitmap", async () => g.createImageBitmap(await (await W.fetch.call(g, U + "/img.png")).blob()));
await attempt("a worker from the listener", () => new Worker(U + "/worker.js"));
// A worker of the snippet's own has every global the runner took away from the snippet:
// only the sandbox's policy stands between it and the network.
const nested = (u: string) => {
  const r = (m: string) => postMessage(m);
  fetch(u + "/nested").then(() => r("fetch REACHED"), () => r("nested fetch failed"));
  try { importScripts(u + "/nested.js"); r("importScripts REACHED"); } catch { r("nested importScripts failed"); }
  try { const x = new XMLHttpRequest(); x.open("GET", u + "/nested-xhr", false); x.send(); r("XMLHttpRequest REACHED"); } catch { r("nested XMLHttpRequest failed"); }
  try { const ws = new WebSocket(u.replace("http", "ws") + "/nested-ws"); ws.onerror = () => r("nested WebSocket failed"); ws.onopen = () => r("WebSocket REACHED"); } catch { r("nested WebSocket failed"); }
  try { const es = new EventSource(u + "/nested-sse"); es.onerror = () => { es.close(); r("nested EventSource failed"); }; es.onopen = () => r("EventSource REACHED"); } catch { r("nested EventSource failed"); }
};
await attempt("a nested blob worker", () => new Promise<void>((resolve, reject) => {
  const w = new Worker(URL.createObjectURL(new Blob(["(" + nested.toString() + ")(" + JSON.stringify(U) + ")"])));
  let n = 0;
  w.onmessage = (m: any) => { console.log("  " + m.data); if (/REACHED/.test(m.data)) reject(new Error("REACHED")); if (++n === 5) resolve(); };
  w.onerror = () => reject(new Error("nested worker refused"));
}));
console.log("ATTACK network done");`,
    },
    {
      key: 'storage',
      title: 'Reach storage',
      code: `const g: any = globalThis;
const W: any = g.WorkerGlobalScope.prototype;
const get = (name: string) => Object.getOwnPropertyDescriptor(W, name)?.get?.call(g);
console.log("ATTACK storage ran");
async function attempt(name: string, f: () => Promise<unknown> | unknown) {
  try {
    await f();
    console.log(name + ": WRITTEN");
  } catch (e: any) {
    console.log(name + ": failed (" + (e && e.name) + ")");
  }
}
await attempt("indexedDB", () => new Promise((resolve, reject) => {
  const r = get("indexedDB").open("lernmi-evil");
  r.onsuccess = resolve;
  r.onerror = () => reject(r.error);
}));
await attempt("caches", () => get("caches").open("lernmi-evil"));
await attempt("OPFS", async () => (await g.navigator.storage.getDirectory()).getFileHandle("lernmi-evil", { create: true }));
await attempt("storage buckets", () => g.navigator.storageBuckets.open("lernmi-evil"));
await attempt("localStorage", () => g.localStorage.setItem("lernmi-evil", "1"));
await attempt("cookies", () => { g.document.cookie = "lernmi-evil=1"; });
await attempt("cookieStore", () => g.cookieStore.set("lernmi-evil", "1"));
console.log("ATTACK storage done");`,
    },
    {
      key: 'forged',
      title: 'Forge messages',
      code: `const g: any = globalThis;
console.log("ATTACK forged ran");
const forged = [
  { type: "done", id: 1, ok: true, ms: 1 },
  { type: "output", id: 1, entries: [{ kind: "bogus" }] },
  { type: "output", id: 1, entries: [{ kind: "log", level: "log status-ok", text: "smuggled" }] },
];
for (const [name, post] of [["postMessage", g.postMessage], ["the prototype's postMessage", Object.getPrototypeOf(g).postMessage]] as const) {
  try {
    for (const m of forged) for (let id = 0; id < 50; id++) post.call(g, { ...m, id });
    console.log(name + ": sent");
  } catch (e: any) {
    console.log(name + ": failed (" + e.name + ")");
  }
}
// Wait for the runtime's port: catch it the next time it posts.
const post = MessagePort.prototype.postMessage;
MessagePort.prototype.postMessage = function (this: MessagePort, m: unknown) {
  post.call(this, { type: "done", id: 1, nonce: "guess", ok: true, ms: 1 });
  return post.call(this, m);
} as any;
console.log("port patched");
MessagePort.prototype.postMessage = post;
// Tamper with the runtime so that its own output is malformed: a log text that is not text.
const join = Array.prototype.join;
Array.prototype.join = function () {
  const o: any = { length: 0, kind: "bogus" };
  Object.defineProperty(o, "indexOf", { value: () => -1 });
  return o;
} as any;
console.log("malformed 1");
console.log("malformed 2");
Array.prototype.join = join;
await new Promise((r) => setTimeout(r, 400));
console.log("still running after the forgeries");`,
    },
    {
      key: 'flood',
      title: 'Byte flood',
      code: `console.log("ATTACK flood ran");
const big = "x".repeat(20_000);
for (let i = 0; i < 3000; i++) console.log(i, big);
for (let i = 0; i < 3000; i++) show.table([{ cell: big }], { title: big });`,
    },
    {
      key: 'bombs',
      title: 'Render bombs',
      code: `console.log("ATTACK bombs ran");
const huge = "T".repeat(1_000_000);
show.table([{ a: 1, b: huge }], { title: huge });
show.plot([1, 2, 3], { title: huge, xLabel: huge, yLabel: huge });
const neurons = (n: number) => Array.from({ length: n }, () => ({}));
show.network({ layers: [neurons(2), neurons(30_000), neurons(1)], links: [], propagate() {} } as any, huge);
const a = neurons(3), b = neurons(3);
const links = Array.from({ length: 1_000_000 }, (_, i) => ({ from: a[i % 3], to: b[i % 3], weight: 1 }));
show.network({ layers: [a, b], links, propagate() {} } as any, "a million links");
console.log("ATTACK bombs done");`,
    },
    {
      key: 'microtasks',
      title: 'A microtask loop that never yields',
      code: `console.log("ATTACK microtasks ran");
console.log("the last line before the loop");
for (;;) await null;`,
      timeout: 2,
    },
    {
      key: 'timers',
      title: 'Timers after Stop',
      code: `const g: any = globalThis;
console.log("ATTACK timers ran");
setInterval(() => console.log("tick"), 50);
g.setInterval(() => console.log("raw tick"), 50);
const w = new Worker(URL.createObjectURL(new Blob(["setInterval(() => postMessage('nested tick'), 50)"])));
w.onmessage = (m: any) => console.log(m.data);`,
      timeout: 30,
    },
  ];
}
