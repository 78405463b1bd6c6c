export const csp: {
  algorithm: 'SHA-256';
  directives: string[];
  scriptDirective: { resources: string[] };
  styleDirective: { resources: string[] };
};
export function finishPolicy(policy: string, html: string): string;
export function finishPolicies(dir: string): number;
export function cspFinish(): { name: string; hooks: Record<string, (...args: never[]) => unknown> };
