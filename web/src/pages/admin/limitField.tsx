// One bounded number of a settings form: its text as typed, read as euros (to cents) or as a
// count, and what is wrong with it, naming the field and its bounds in the reader's language.

import { parseCents } from "@domain";
import { money } from "../../components/format";
import { t } from "../../i18n";

export interface Bounded {
  label: string;
  min: number;
  max: number;
  /** Cents typed as euros ("12,50"), or a whole count. */
  euros: boolean;
}

export function readField(text: string, f: Bounded): number | null {
  if (f.euros) return parseCents(text);
  return /^\s*\d{1,7}\s*$/.test(text) ? Number(text) : null;
}

export const showBound = (v: number, f: Bounded) => (f.euros ? money(v) : String(v));

/** The problem with the value typed for `f`, or "". */
export function fieldProblem(text: string, f: Bounded): string {
  const v = readField(text, f);
  return v === null || v < f.min || v > f.max
    ? t("lim.bad", { field: f.label, min: showBound(f.min, f), max: showBound(f.max, f) })
    : "";
}

/** The field with its bounds said under it. */
export function LimitInput({ f, value, onInput }: { f: Bounded; value: string; onInput: (v: string) => void }) {
  return (
    <label>
      {f.label}
      <input
        inputMode={f.euros ? "decimal" : "numeric"}
        value={value}
        aria-invalid={fieldProblem(value, f) ? "true" : undefined}
        onInput={(e) => onInput((e.target as HTMLInputElement).value)}
      />
      <small class="muted">{t("lim.range", { min: showBound(f.min, f), max: showBound(f.max, f) })}</small>
    </label>
  );
}
