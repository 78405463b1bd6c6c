// Code colours for the whole course: GitHub's light and dark Shiki themes, with every
// token colour nudged (darker in light, lighter in dark) until it reaches at least
// 4.6:1 contrast against the code background the site uses (--surface in
// src/styles/global.css). Stock github-light/-dark fall below WCAG AA for comments,
// variables and some keywords on a tinted background, and axe flags them.
//
// Used by astro.config.mjs (markdown code blocks, runnable snippets) and by
// <EngineSource>; anything else that highlights with Shiki should import these too:
//   import { shikiThemes } from '@components/course/shiki-themes.mjs';  // { light, dark }
import { bundledThemes } from 'shiki';

/** Must match --surface in src/styles/global.css (light, dark). */
export const CODE_BACKGROUND = { light: '#f2efe8', dark: '#1d2027' };
const MIN_CONTRAST = 4.6;

function parse(hex) {
  let h = hex.replace('#', '');
  if (h.length === 3 || h.length === 4) h = [...h].map((c) => c + c).join('');
  const n = (i) => parseInt(h.slice(i, i + 2), 16);
  return { r: n(0), g: n(2), b: n(4), a: h.length === 8 ? n(6) / 255 : 1 };
}
const toHex = ({ r, g, b }) => '#' + [r, g, b].map((v) => Math.round(v).toString(16).padStart(2, '0')).join('');
function luminance({ r, g, b }) {
  const f = (v) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
  return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
}
export function contrast(a, b) {
  const [x, y] = [luminance(parse(a)), luminance(parse(b))].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
}
const mix = (c, d, t) => ({ r: c.r + (d.r - c.r) * t, g: c.g + (d.g - c.g) * t, b: c.b + (d.b - c.b) * t });

/** The colour, flattened onto bg and moved towards black/white until it is readable. */
export function readable(color, bg, dark) {
  if (typeof color !== 'string' || !/^#[0-9a-f]{3,8}$/i.test(color)) return color;
  const c = parse(color);
  const back = parse(bg);
  let flat = mix(back, c, c.a);
  const target = dark ? { r: 255, g: 255, b: 255 } : { r: 0, g: 0, b: 0 };
  for (let i = 0; i < 40 && contrast(toHex(flat), bg) < MIN_CONTRAST; i++) flat = mix(flat, target, 0.06);
  return toHex(flat);
}

async function adjusted(base, name, bg, dark) {
  const theme = structuredClone((await bundledThemes[base]()).default);
  theme.name = name;
  theme.displayName = name;
  theme.colors = { ...theme.colors, 'editor.background': bg };
  theme.colors['editor.foreground'] = readable(theme.colors['editor.foreground'] ?? (dark ? '#e1e4e8' : '#24292e'), bg, dark);
  for (const rule of theme.tokenColors ?? []) {
    if (rule.settings?.foreground) rule.settings = { ...rule.settings, foreground: readable(rule.settings.foreground, bg, dark) };
  }
  theme.bg = bg;
  if (theme.fg) theme.fg = readable(theme.fg, bg, dark);
  return theme;
}

export const shikiThemes = {
  light: await adjusted('github-light', 'lernmi-light', CODE_BACKGROUND.light, false),
  dark: await adjusted('github-dark', 'lernmi-dark', CODE_BACKGROUND.dark, true),
};
