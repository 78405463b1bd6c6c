export function findChromium(): { path: string; source: string } | null;
export function chromiumPath(): string | null;
export const chromiumFlags: string[];
