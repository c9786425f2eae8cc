// What the order will cost, or why the backend would refuse it, as the preview's check says.

import { MAX_TIP_CENTS, tipCap, type OrderCheck } from "@domain";
import { cartSubtotal } from "../../state/cart";
import { money } from "../../components/format";
import { Totals } from "../../components/Totals";
import { t } from "../../i18n";
import { rejectionText } from "../../i18n/domainTexts";

/** The tip's limits depend on the food: the checkout says them in amounts, in the restaurant's currency. */
const isTipProblem = (code: string) => code === "invalid_tip" || code === "tip_too_high";

export function Preview({
  hasAddress,
  loading,
  result,
  currency,
  onWithoutCode,
}: {
  hasAddress: boolean;
  loading: boolean;
  result: OrderCheck | undefined;
  currency: string;
  onWithoutCode: () => void;
}) {
  return (
    <section class="preview" aria-live="polite">
      {!hasAddress && <p data-testid="preview-problem">{t("co.chooseAddress")}</p>}
      {hasAddress && loading && <p>{t("co.checking")}</p>}
      {result && result.ok && <Totals pricing={result.pricing} testId="preview-total" />}
      {result && !result.ok && (
        <p class="error" role="alert" data-testid="preview-problem">
          {isTipProblem(result.rejection.code)
            ? t("co.tipLimit", {
                max: money(tipCap(cartSubtotal.value), currency),
                cap: money(MAX_TIP_CENTS, currency),
              })
            : rejectionText(result.rejection)}{" "}
          {result.rejection.code.startsWith("promo_") && (
            <button type="button" class="secondary small" onClick={onWithoutCode}>
              {t("co.withoutCode")}
            </button>
          )}
        </p>
      )}
    </section>
  );
}
