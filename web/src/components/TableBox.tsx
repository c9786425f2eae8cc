// A table wider than a phone scrolls sideways in its own box, its first column kept in view, so
// the page itself never grows wider than the screen. The box takes focus, so the keyboard scrolls
// it too. While columns lie beyond its right edge, a shade there says the box scrolls.
import type { ComponentChildren } from "preact";
import { useEffect, useRef, useState } from "preact/hooks";

export function TableBox({ label, children }: { label: string; children: ComponentChildren }) {
  const box = useRef<HTMLDivElement>(null);
  const [more, setMore] = useState(false);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const check = () => setMore(el.scrollLeft + el.clientWidth < el.scrollWidth - 1);
    check();
    el.addEventListener("scroll", check, { passive: true });
    // Rows arrive after the first paint, and a phone turns: the table's width changes with both.
    const resized = new ResizeObserver(check);
    resized.observe(el);
    for (const child of Array.from(el.children)) resized.observe(child);
    return () => {
      el.removeEventListener("scroll", check);
      resized.disconnect();
    };
  }, []);
  return (
    <div class={more ? "table-wrap more" : "table-wrap"}>
      <div ref={box} class="table-box" role="region" aria-label={label} tabIndex={0}>
        {children}
      </div>
    </div>
  );
}
