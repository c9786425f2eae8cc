// A promo code: typed in, or picked from the codes on offer now; the preview asks the backend
// what it gives.

import { useState } from "preact/hooks";
import { normalizeCode } from "@domain";
import { usePublicPromos } from "../../data/money";
import { t } from "../../i18n";

export function PromoField({ code, onApply }: { code: string | null; onApply: (c: string | null) => void }) {
  const [text, setText] = useState("");
  const promos = usePublicPromos();
  const now = Date.now();
  const offered = (promos.data ?? []).filter((p) => p.validFrom.toMillis() <= now && now < p.validUntil.toMillis());
  return (
    <fieldset class="promo">
      <legend>{t("co.promo")}</legend>
      {code ? (
        <p>
          {t("co.code")} <strong data-testid="applied-code">{code}</strong>{" "}
          <button type="button" class="secondary small" onClick={() => onApply(null)}>
            {t("co.removeCode")}
          </button>
        </p>
      ) : (
        <div class="row">
          <input
            aria-label={t("co.promo")}
            value={text}
            placeholder="WELCOME"
            onInput={(e) => setText((e.target as HTMLInputElement).value)}
          />
          <button type="button" class="secondary" disabled={!text.trim()} onClick={() => onApply(normalizeCode(text))}>
            {t("co.apply")}
          </button>
        </div>
      )}
      {!code && offered.length > 0 && (
        <ul class="offered" aria-label={t("co.offered")}>
          {offered.map((p) => (
            <li key={p.code}>
              <strong>{p.code}</strong> {p.description}{" "}
              <button type="button" class="secondary small" onClick={() => onApply(p.code)}>
                {t("co.use")}
              </button>
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}
