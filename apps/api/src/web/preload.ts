/**
 * Preload hints for the page the api serves: without them a tablet's first load is a chain of
 * round trips (the page, then the entry, then the tablet's layout, then its page, then Vant…),
 * each a full round trip on a slow hall Wi-Fi. Naming every chunk of the first screen in the page
 * itself lets the browser fetch them in parallel. The chunks come from Vite's build manifest
 * (`dist/web/.vite/manifest.json`), so the names stay right whatever the hashes are.
 */
export interface ManifestChunk {
  file: string;
  imports?: string[];
  css?: string[];
}
export type Manifest = Record<string, ManifestChunk>;

/** The source files of the tablet's first screens: its layout, the log-in and the home page. */
export const TABLET_FIRST_SCREEN = [
  'src/areas/tablet/TabletLayout.vue',
  'src/areas/tablet/LoginPage.vue',
  'src/areas/tablet/HomePage.vue',
];

/** The `<link>` tags for `sources` and every chunk they import statically (not the entry's own). */
export function preloadLinks(manifest: Manifest, sources: readonly string[]): string {
  const scripts = new Set<string>();
  const styles = new Set<string>();
  const seen = new Set<string>(['index.html']); // the entry is in the page already
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    const chunk = manifest[key];
    if (!chunk) return;
    scripts.add(chunk.file);
    chunk.css?.forEach((c) => styles.add(c));
    chunk.imports?.forEach(visit);
  };
  sources.forEach(visit);
  return [
    ...[...styles].map((f) => `<link rel="stylesheet" crossorigin href="/${f}">`),
    ...[...scripts].map((f) => `<link rel="modulepreload" crossorigin href="/${f}">`),
  ].join('\n    ');
}

/** `html` with `links` added at the end of its head. */
export function withPreloads(html: string, links: string): string {
  return links ? html.replace('</head>', `    ${links}\n  </head>`) : html;
}
