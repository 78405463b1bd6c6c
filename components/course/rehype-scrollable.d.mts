export default function rehypeScrollable(): (tree: unknown) => void;
