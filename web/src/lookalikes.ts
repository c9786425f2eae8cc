// Stands in for the unhomoglyph package in the web build (vite.config.ts aliases it here). Unicode's
// confusables data is about 28 KB of gzip that only the forms which check names and replies need,
// so they load it (loadLookalikes) instead of every screen carrying it. Until it has loaded, the
// domain's look-alike check sees text as it is written, which is the rules' own check; the
// backend always has the data.

type Prototypes = (text: string) => string;
let prototypes: Prototypes | null = null;
let loading: Promise<void> | null = null;

export default function unhomoglyph(text: string): string {
  return prototypes ? prototypes(text) : text;
}

/** Loads the data once; a form awaits it before it checks what it will write. */
export function loadLookalikes(): Promise<void> {
  loading ??= import("unhomoglyph/index.js").then((m: { default: Prototypes }) => {
    prototypes = m.default;
  });
  return loading;
}
