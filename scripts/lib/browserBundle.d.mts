import type { Plugin } from 'esbuild';

export const browserOnly: Plugin;
export const BROWSER_DEFINE: Record<string, string>;
