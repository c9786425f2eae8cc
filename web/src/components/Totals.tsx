import type { Pricing } from "@domain";
import { money } from "./format";

/** Subtotal, fees and total of a priced order (the checkout preview or the backend's figures). */
export function Totals({ pricing, testId }: { pricing: Pricing; testId: string }) {
  return (
    <dl class="totals">
      <dt>Subtotal</dt>
      <dd>{money(pricing.subtotal)}</dd>
      <dt>Delivery</dt>
      <dd>{money(pricing.deliveryFee)}</dd>
      <dt>Service fee</dt>
      <dd>{money(pricing.serviceFee)}</dd>
      <dt>Total</dt>
      <dd>
        <strong data-testid={testId}>{money(pricing.total)}</strong>
      </dd>
    </dl>
  );
}
