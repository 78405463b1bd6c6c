// Display math, tables and code blocks wider than a phone scroll sideways inside their
// own box (overflow-x: auto in global.css, which also draws a shadow at an edge that
// hides content). A scrolling box must be reachable and named for the keyboard and
// screen readers (WCAG 2.1.1, 4.1.2): each gets tabindex="0" and an accessible name,
// with role="group" where the element has no role that may carry a name. Runs after
// rehype-katex and after Astro's Shiki step.
/** Names a listener understands, for the languages the course writes. */
const LANGUAGES = { ts: 'TypeScript', typescript: 'TypeScript', js: 'JavaScript', javascript: 'JavaScript', sh: 'Shell', bash: 'Shell', json: 'JSON', mdx: 'MDX' };
const text = (n) => (n.type === 'text' ? n.value : (n.children ?? []).map(text).join(''));
const classes = (node) => (Array.isArray(node.properties?.className) ? node.properties.className : []);

/** "Table: Symbol, Meaning, Engine name": its header cells say what it holds. */
function tableName(table) {
  const headers = [];
  const visit = (n) => {
    if (n.type === 'element' && n.tagName === 'th') headers.push(text(n).trim());
    else for (const c of n.children ?? []) visit(c);
  };
  visit(table);
  return headers.length ? `Table: ${headers.filter(Boolean).join(', ')}` : 'Table';
}

export default function rehypeScrollable() {
  return (tree) => {
    const visit = (node) => {
      if (node.type === 'element') {
        const p = (node.properties ??= {});
        if (node.tagName === 'table') {
          p.tabIndex = 0;
          p.ariaLabel ??= tableName(node);
          return;
        }
        if (classes(node).includes('katex-display')) {
          Object.assign(p, { tabIndex: 0, role: 'group', ariaLabel: 'Formula' });
          return; // nothing to do inside the formula
        }
        if (node.tagName === 'pre') {
          const lang = LANGUAGES[p.dataLanguage];
          Object.assign(p, { tabIndex: 0, role: 'group' });
          p.ariaLabel ??= lang ? `${lang} code` : 'Code';
          return;
        }
      }
      for (const child of node.children ?? []) visit(child);
    };
    visit(tree);
  };
}
