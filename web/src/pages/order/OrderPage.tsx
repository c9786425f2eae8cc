// Live tracking of one order: every status as it happens (the wait for a card's authorisation
// too), the backend's totals, the reason when it ends early, how it is paid, the courier on the
// map, and once it is delivered a review and a way to report a problem.

import { canTransition, isFinal } from "@domain";
import { useOrder } from "../../data/orders";
import { useReadWhileWatching } from "../../data/inbox";
import { Empty, ErrorNote, Loading } from "../../components/States";
import { OrderAgain } from "../../components/OrderAgain";
import { PushOffer } from "../../components/PushOffer";
import { session } from "../../state/session";
import { statusLabel, t } from "../../i18n";
import { Arrival } from "./Arrival";
import { CancelButton } from "./CancelButton";
import { CourierMap } from "./CourierMap";
import { DeliveryProblemNotice } from "./DeliveryProblemNotice";
import { EndReason } from "./EndReason";
import { OrderComplaints } from "./OrderComplaints";
import { OrderLines } from "./OrderLines";
import { PaymentNote } from "./PaymentNote";
import { PaymentWait } from "./PaymentWait";
import { RaiseTip } from "./RaiseTip";
import { ReportProblem } from "./ReportProblem";
import { ReviewForm } from "./ReviewForm";
import { Timeline } from "./Timeline";
import "../../i18n/shop"; // this screen's texts

export function OrderPage({ id }: { id: string }) {
  const order = useOrder(id);
  useReadWhileWatching(session.value?.uid, id);
  if (order.error)
    return (
      <main class="page narrow">
        <ErrorNote error={order.error} />
      </main>
    );
  if (order.data === undefined)
    return (
      <main class="page narrow">
        <Loading what={t("op.loading")} />
      </main>
    );
  if (order.data === null)
    return (
      <main class="page narrow">
        {/* Offline, the cache may simply not have it yet: that is not the same as "no such order". */}
        {order.fromCache ? (
          <p class="notice" role="status" data-testid="reconnecting">
            {t("op.reconnectingFirst")}
          </p>
        ) : (
          <Empty>
            <p>{t("op.none")}</p>
          </Empty>
        )}
      </main>
    );
  const o = order.data;

  return (
    <main class="page narrow">
      <h1>{t("op.title", { name: o.restaurantName || t("op.theRestaurant") })}</h1>
      {o.code && (
        <p class="order-code" data-testid="order-code">
          {t("op.code", { code: o.code })}
        </p>
      )}
      <p class="status-line" data-testid="order-status" data-status={o.status} role="status" aria-live="polite">
        {statusLabel(o.status)}
        {o.pending && (
          <span class="pending" data-testid="not-sent">
            {" "}
            · {t("op.notSent")}
          </span>
        )}
      </p>
      <Arrival order={o} />
      {order.fromCache && !o.pending && (
        <p class="muted" data-testid="reconnecting">
          {t("op.reconnecting")}
        </p>
      )}
      {o.status === "awaiting_payment" && <PaymentWait orderId={id} />}
      <EndReason order={o} />
      <DeliveryProblemNotice orderId={id} order={o} />
      <Timeline order={o} />
      {o.status === "picked_up" && o.restaurantAddress && <CourierMap orderId={id} order={o} />}
      {o.pricing ? <OrderLines pricing={o.pricing} /> : o.status === "submitted" ? <p>{t("op.checking")}</p> : null}
      <PaymentNote orderId={id} order={o} />
      <p>
        {t("op.deliverTo", { street: o.deliveryAddress.line1 })}
        {o.note ? ` · ${t("op.note", { note: o.note })}` : ""}
      </p>
      {!isFinal(o.status) && session.value && <PushOffer uid={session.value.uid} />}
      {canTransition(o.status, "cancelled", "customer") && <CancelButton orderId={id} />}
      {isFinal(o.status) && o.pricing && <OrderAgain order={o} />}
      {o.status === "undeliverable" && (
        <p>
          <a href={`/receipts/${id}`} data-testid="receipt-link">
            {t("op.receipt")}
          </a>
        </p>
      )}
      {o.status === "delivered" && (
        <>
          <p>
            <a href={`/receipts/${id}`} data-testid="receipt-link">
              {t("op.receipt")}
            </a>
          </p>
          <OrderComplaints orderId={id} />
          <ReportProblem orderId={id} order={o} />
          <RaiseTip orderId={id} order={o} />
          <ReviewForm orderId={id} order={o} />
        </>
      )}
    </main>
  );
}
