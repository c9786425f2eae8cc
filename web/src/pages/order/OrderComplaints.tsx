// The problems the customer reported on this order, each with where it stands and its amount.

import type { ComplaintStatus } from "@domain";
import { useOrderComplaints } from "../../data/complaints";
import { session } from "../../state/session";
import { money } from "../../components/format";
import { complaintTypeLabel, t, type Key } from "../../i18n";

const STATUS: Record<ComplaintStatus, Key> = {
  approved: "cp.status.approved",
  review: "cp.status.review",
  declined: "cp.status.declined",
};

export function OrderComplaints({ orderId }: { orderId: string }) {
  const complaints = useOrderComplaints(session.value?.uid, orderId);
  if (!complaints.data?.length) return null;
  return (
    <section aria-labelledby="complaints-title">
      <h2 id="complaints-title">{t("cp.yours")}</h2>
      <ul class="order-complaints">
        {complaints.data.map((c) => (
          <li key={c.id} data-testid="complaint" data-status={c.status}>
            <div>
              <strong>{complaintTypeLabel(c.type)}</strong>
              {c.lines.length > 0 && <small> · {c.lines.map((l) => `${l.quantity} × ${l.name}`).join(", ")}</small>}
              <span class="muted"> · {t(STATUS[c.status])}</span>
            </div>
            <span class="price" data-testid="complaint-amount">
              {money(c.amount, c.currency)}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
