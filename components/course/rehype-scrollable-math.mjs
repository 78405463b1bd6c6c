// Display math and tables wider than a phone scroll sideways inside their own box
// (.katex-display and table { overflow-x: auto } in global.css). A scrolling box must be
// reachable by keyboard (WCAG 2.1.1), so each gets tabindex="0", as Shiki gives code
// blocks. Runs after rehype-katex.
export default function rehypeScrollableMath() {
  return (tree) => {
    const visit = (node) => {
      if (node.type === 'element') {
        const cls = node.properties?.className;
        if (node.tagName === 'table' || (Array.isArray(cls) && cls.includes('katex-display'))) {
          node.properties.tabIndex = 0;
          return; // nothing to do inside the formula
        }
      }
      for (const child of node.children ?? []) visit(child);
    };
    visit(tree);
  };
}
