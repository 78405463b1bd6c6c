import type { ThemeRegistration } from 'shiki';
export const CODE_BACKGROUND: { light: string; dark: string };
export const shikiThemes: { light: ThemeRegistration; dark: ThemeRegistration };
export function contrast(a: string, b: string): number;
export function readable(color: string, bg: string, dark: boolean): string;
