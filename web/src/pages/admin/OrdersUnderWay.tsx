// Orders under way, newest first, each of which an admin may cancel with a reason (cancelOrder):
// the backend ends it, frees its courier, and tells the customer and the restaurant.

import { useState } from "preact/hooks";
import { ADMIN_CANCEL_REASONS, orderCodeOf, type AdminCancelReason, type Order } from "@domain";
import { cancelOrderAsAdmin, useOrdersUnderWay } from "../../data/orders";
import type { LiveRow } from "../../data/live";
import { dateTime, money } from "../../components/format";
import { refusal } from "../../components/refusal";
import { Empty, ErrorNote, Loading, Outcome } from "../../components/States";
import { statusLabel, t, type Key } from "../../i18n";

const PAGE = 30;
const REFUSALS: Record<string, Key> = { not_open: "cmp.err.not_open", not_found: "cmp.err.not_found" };

export function OrdersUnderWay() {
  const orders = useOrdersUnderWay(PAGE);
  const [message, setMessage] = useState("");
  const [error, setError] = useState("");
  const cancel = (o: LiveRow<Order>, reason: AdminCancelReason) => {
    setMessage("");
    setError("");
    cancelOrderAsAdmin(o.id, reason).then(
      () => setMessage(t("ao.done", { code: orderCodeOf(o, o.id) })),
      (err: unknown) => setError(refusal(err, REFUSALS)),
    );
  };
  return (
    <section class="stack" aria-labelledby="under-way-title">
      <h2 id="under-way-title">{t("adm.orders")}</h2>
      <p class="muted">{t("ao.intro")}</p>
      <Outcome message={message} error={error} />
      {orders.error !== undefined && <ErrorNote error={orders.error} />}
      {orders.data === undefined && !orders.error && <Loading what={t("ao.loading")} />}
      {orders.data?.length === 0 && (
        <Empty>
          <p>{t("ao.none")}</p>
        </Empty>
      )}
      <ul class="decisions">
        {orders.data?.map((o) => (
          <OrderRow key={o.id} order={o} onCancel={(reason) => cancel(o, reason)} />
        ))}
      </ul>
      {orders.hasMore && (
        <button type="button" class="secondary" onClick={orders.more}>
          {t("ao.more")}
        </button>
      )}
    </section>
  );
}

function OrderRow({ order: o, onCancel }: { order: LiveRow<Order>; onCancel: (r: AdminCancelReason) => void }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState<AdminCancelReason>("customer_request");
  const code = orderCodeOf(o, o.id);
  return (
    <li class="decision" data-order={o.id}>
      <div>
        <strong>
          #{code} · {o.restaurantName}
        </strong>
        <span>
          {statusLabel(o.status)} · {o.pricing ? money(o.pricing.total) : "—"}
        </span>
        <span class="muted">
          {o.customerName ?? t("alert.aCustomer")} · {t("ao.placedAt", { time: dateTime(o.createdAt, o.timeZone) })}
        </span>
      </div>
      {!open ? (
        <div class="actions">
          <button type="button" class="secondary" onClick={() => setOpen(true)}>
            {t("ao.cancel")}
          </button>
        </div>
      ) : (
        <form
          class="stack"
          aria-label={t("ao.confirm", { code })}
          onSubmit={(e) => {
            e.preventDefault();
            onCancel(reason);
          }}
        >
          <label>
            {t("board.reason")}
            <select
              value={reason}
              onChange={(e) => setReason((e.target as HTMLSelectElement).value as AdminCancelReason)}
            >
              {ADMIN_CANCEL_REASONS.map((r) => (
                <option key={r} value={r}>
                  {t(`ao.reason.${r}`)}
                </option>
              ))}
            </select>
          </label>
          <div class="actions">
            <button type="submit" class="danger">
              {t("ao.confirm", { code })}
            </button>
            <button type="button" class="secondary" onClick={() => setOpen(false)}>
              {t("ao.keep")}
            </button>
          </div>
        </form>
      )}
    </li>
  );
}
