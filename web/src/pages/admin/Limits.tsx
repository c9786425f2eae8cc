// The admin's limits beside the fees: how much may be paid in cash (settings/payments) and which
// complaints are refunded at once (settings/complaints), each field checked against its bounds.

import { CashLimitsForm } from "./CashLimitsForm";
import { ComplaintThresholdsForm } from "./ComplaintThresholdsForm";

export function Limits() {
  return (
    <div class="stack">
      <CashLimitsForm />
      <ComplaintThresholdsForm />
    </div>
  );
}
