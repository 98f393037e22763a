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

/**
 * The source files of the tablet's first screen, the log-in a sheet's QR code opens: its layout
 * and the page. Only these: on a slow link every other chunk named here would share the same
 * bandwidth and delay the log-in.
 */
export const TABLET_FIRST_SCREEN = [
  'src/areas/tablet/TabletLayout.vue',
  'src/areas/tablet/LoginPage.vue',
];

/**
 * `<link rel="modulepreload">` for `sources` and every chunk they import statically (not the
 * entry, already in the page), and `<link rel="preload" as="style">` for their stylesheets. A
 * preload does not block the first paint (a `<link rel="stylesheet">` in the head would); without
 * it the stylesheets were asked for only once the scripts had run, one more round trip before the
 * log-in button shows (measured: bench/README.md, "Delegate tablet").
 */
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
    chunk.css?.forEach((f) => styles.add(f));
    chunk.imports?.forEach(visit);
  };
  sources.forEach(visit);
  return [
    ...[...scripts].map((f) => `<link rel="modulepreload" crossorigin href="/${f}">`),
    ...[...styles].map((f) => `<link rel="preload" as="style" crossorigin href="/${f}">`),
  ].join('\n    ');
}

/** `html` with `links` added at the end of its head. */
export function withPreloads(html: string, links: string): string {
  return links ? html.replace('</head>', `    ${links}\n  </head>`) : html;
}
