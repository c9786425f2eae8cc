// The complaint thresholds (domain/complaints.ts): a claim is refunded at once when it is small
// enough, its customer has not claimed too often, and the order is not of high value.

import { useState } from "preact/hooks";
import { complaintSettingsOf, type ComplaintSettings } from "@domain";
import { saveComplaintSettings, useComplaintSettings } from "../../data/settings";
import { amountInput, errorText } from "../../components/format";
import { Loading, Outcome } from "../../components/States";
import { t } from "../../i18n";
import { fieldProblem, LimitInput, readField, type Bounded } from "./limitField";

type Form = Record<keyof ComplaintSettings, string>;

/** The bounds the rules hold settings/complaints to. */
const BOUNDS: Record<keyof ComplaintSettings, { max: number; euros: boolean }> = {
  autoApproveMaxCents: { max: 100000, euros: true },
  maxClaimsPer30Days: { max: 100, euros: false },
  highValueOrderCents: { max: 1000000, euros: true },
};

const LABELS = {
  autoApproveMaxCents: "lim.autoApprove",
  maxClaimsPer30Days: "lim.maxClaims",
  highValueOrderCents: "lim.highValue",
} as const;

export function ComplaintThresholdsForm() {
  const live = useComplaintSettings();
  const [form, setForm] = useState<Form | null>(null);
  const [message, setMessage] = useState("");
  const [error, setError] = useState("");
  if (live.data === undefined && !live.error) return <Loading what={t("lim.complaints")} />;
  const current = complaintSettingsOf(live.data);
  const keys = Object.keys(BOUNDS) as (keyof ComplaintSettings)[];
  const fields = Object.fromEntries(keys.map((k) => [k, { label: t(LABELS[k]), min: 0, ...BOUNDS[k] }])) as Record<
    keyof ComplaintSettings,
    Bounded
  >;
  const shown: Form =
    form ??
    (Object.fromEntries(keys.map((k) => [k, fields[k].euros ? amountInput(current[k]) : String(current[k])])) as Form);
  const problems = keys.map((k) => fieldProblem(shown[k], fields[k])).filter(Boolean);
  return (
    <form
      class="stack limit-form"
      aria-labelledby="thresholds-title"
      onSubmit={(e) => {
        e.preventDefault();
        if (problems.length) return;
        setError("");
        setMessage("");
        const read = (k: keyof ComplaintSettings) => readField(shown[k], fields[k]) ?? 0;
        const settings: ComplaintSettings = {
          autoApproveMaxCents: read("autoApproveMaxCents"),
          maxClaimsPer30Days: read("maxClaimsPer30Days"),
          highValueOrderCents: read("highValueOrderCents"),
        };
        saveComplaintSettings(settings).then(
          () => setMessage(t("lim.complaintsSaved")),
          (err: unknown) => setError(errorText(err)),
        );
      }}
    >
      <h2 id="thresholds-title">{t("lim.complaints")}</h2>
      <p class="muted">{t("lim.complaintsIntro")}</p>
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
        {t("lim.saveComplaints")}
      </button>
      <Outcome message={message} error={error} />
    </form>
  );
}
