import type { Pricing } from "@domain";
import { t } from "../i18n";
import { deduction, money } from "./format";

/** Subtotal, discount, fees, tip and total of a priced order (the checkout preview or the
 * backend's figures; orders priced before discounts and tips existed have neither). */
export function Totals({ pricing, testId }: { pricing: Pricing; testId: string }) {
  return (
    <dl class="totals">
      <dt>{t("totals.subtotal")}</dt>
      <dd>{money(pricing.subtotal)}</dd>
      {(pricing.discount ?? 0) > 0 && (
        <>
          <dt>
            {t("totals.discount")}
            {pricing.promo ? ` (${pricing.promo.code})` : ""}
          </dt>
          <dd data-testid="discount">{deduction(pricing.discount)}</dd>
        </>
      )}
      <dt>{t("totals.delivery")}</dt>
      <dd>{money(pricing.deliveryFee)}</dd>
      <dt>{t("totals.serviceFee")}</dt>
      <dd>{money(pricing.serviceFee)}</dd>
      {(pricing.tip ?? 0) > 0 && (
        <>
          <dt>{t("totals.tip")}</dt>
          <dd data-testid="tip">{money(pricing.tip)}</dd>
        </>
      )}
      <dt>{t("totals.total")}</dt>
      <dd>
        <strong data-testid={testId}>{money(pricing.total)}</strong>
      </dd>
    </dl>
  );
}
