// Components every chapter can use without importing them: the chapter route passes
// this map to each MDX page's <Content components={…} />. Remark plugins that turn
// markdown into components (runnable snippets) rely on the names registered here.
export const mdxComponents = {};
