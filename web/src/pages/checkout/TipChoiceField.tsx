// The tip: a share of the food's subtotal, none, or an amount of the customer's own.

import { useState } from "preact/hooks";
import { parseCents, TIP_PERCENTS, type TipChoice } from "@domain";
import { t } from "../../i18n";

export function TipChoiceField({ tip, onChange }: { tip: TipChoice; onChange: (t: TipChoice) => void }) {
  const [custom, setCustom] = useState("");
  const isCustom = "cents" in tip;
  return (
    <fieldset class="tip-choice">
      <legend>{t("co.tip")}</legend>
      {TIP_PERCENTS.map((p) => (
        <label key={p} class="chip">
          <input
            type="radio"
            name="tip"
            checked={!isCustom && "percent" in tip && tip.percent === p}
            onChange={() => onChange({ percent: p })}
          />
          {p === 0 ? t("co.noTip") : `${p} %`}
        </label>
      ))}
      <label class="chip">
        <input
          type="radio"
          name="tip"
          checked={isCustom}
          onChange={() => onChange({ cents: parseCents(custom) ?? 0 })}
        />
        {t("co.otherTip")}
      </label>
      {isCustom && (
        <label>
          {t("co.amount")}
          <input
            inputMode="decimal"
            value={custom}
            onInput={(e) => {
              const v = (e.target as HTMLInputElement).value;
              setCustom(v);
              onChange({ cents: parseCents(v) ?? -1 });
            }}
          />
        </label>
      )}
    </fieldset>
  );
}
