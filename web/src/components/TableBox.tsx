// A table wider than a phone scrolls sideways in its own box, its first column kept in view, so
// the page itself never grows wider than the screen. The box takes focus, so the keyboard scrolls
// it too.
import type { ComponentChildren } from "preact";

export function TableBox({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    <div class="table-box" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
