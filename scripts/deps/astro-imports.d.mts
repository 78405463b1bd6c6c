export interface AstroViolation {
  rule: string;
  severity: string;
  from: string;
  to: string;
}
export function astroCode(text: string, mdx?: boolean): string;
export function astroEdges(root: string): { from: string; to: string }[];
export function astroViolations(root: string, config: { forbidden?: unknown[] }): AstroViolation[];
