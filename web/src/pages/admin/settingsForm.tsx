// A settings document an admin edits as a few bounded numbers (the cash limits, the complaint
// thresholds): shown as stored, checked as typed, saved whole.

import { useState } from "preact/hooks";
import { amountInput, errorText } from "../../components/format";
import { Outcome } from "../../components/States";
import { fieldProblem, LimitInput, readField, type Bounded } from "./limitField";

export function SettingsForm<K extends string>({
  id,
  title,
  intro,
  fields,
  current,
  saveLabel,
  saved,
  save,
}: {
  id: string;
  title: string;
  intro: string;
  fields: Record<K, Bounded>;
  current: Record<K, number>;
  saveLabel: string;
  saved: string;
  save: (values: Record<K, number>) => Promise<void>;
}) {
  const keys = Object.keys(fields) as K[];
  const [form, setForm] = useState<Record<K, string> | null>(null);
  const [message, setMessage] = useState("");
  const [error, setError] = useState("");
  const shown =
    form ??
    (Object.fromEntries(keys.map((k) => [k, fields[k].euros ? amountInput(current[k]) : String(current[k])])) as Record<
      K,
      string
    >);
  const problems = keys.map((k) => fieldProblem(shown[k], fields[k])).filter(Boolean);
  return (
    <form
      class="stack limit-form"
      aria-labelledby={`${id}-title`}
      onSubmit={(e) => {
        e.preventDefault();
        if (problems.length) return;
        setError("");
        setMessage("");
        const values = Object.fromEntries(keys.map((k) => [k, readField(shown[k], fields[k]) ?? 0])) as Record<
          K,
          number
        >;
        save(values).then(
          () => setMessage(saved),
          (err: unknown) => setError(errorText(err)),
        );
      }}
    >
      <h2 id={`${id}-title`}>{title}</h2>
      <p class="muted">{intro}</p>
      <div class="grid3">
        {keys.map((k) => (
          <LimitInput key={k} f={fields[k]} value={shown[k]} onInput={(v) => setForm({ ...shown, [k]: v })} />
        ))}
      </div>
      {problems.map((p) => (
        <p key={p} class="hint" data-testid="limit-problem">
          {p}
        </p>
      ))}
      <button type="submit" disabled={problems.length > 0}>
        {saveLabel}
      </button>
      <Outcome message={message} error={error} />
    </form>
  );
}
