// Remark plugin: turns every ```ts run … block of a chapter into a <Snippet …/> MDX element
// (the component is registered in components/mdx.ts, so chapters need no import) and drops
// the ```output block it consumed (the snippet shows it as "Expected output").
import { collectRunnable, slugFromPath, type MdNode } from './parse';

interface VFileLike {
  path?: string;
  history?: string[];
}

function attr(name: string, value: string | number | undefined) {
  if (value === undefined) return [];
  return [{ type: 'mdxJsxAttribute', name, value: String(value) }];
}

export default function remarkSnippets() {
  return (tree: MdNode, file: VFileLike) => {
    const path = file?.path ?? file?.history?.[0];
    const label = path ? path.replace(/\\/g, '/').replace(/^.*?(content\/)/, '$1') : 'chapter';
    const chapter = slugFromPath(path);
    const found = collectRunnable(tree, label);
    // Replace from the end so earlier indices stay valid.
    for (const f of [...found].reverse()) {
      const s = f.snippet;
      const element = {
        type: 'mdxJsxFlowElement',
        name: 'Snippet',
        attributes: [
          ...attr('code', s.code),
          ...attr('setup', s.setup || undefined),
          ...attr('title', s.title),
          ...attr('timeout', s.timeout),
          ...attr('expect', s.expect),
          ...attr('chapter', chapter),
          ...attr('snippetKey', s.key),
          ...attr('index', s.index),
          ...attr('lang', s.lang),
        ],
        children: [],
        position: f.node.position,
      };
      f.parent.children!.splice(f.at, f.consumedOutput ? 2 : 1, element as unknown as MdNode);
    }
  };
}
