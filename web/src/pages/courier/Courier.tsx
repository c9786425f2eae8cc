// The courier's face: unclaimed ready orders around them nearest first, claiming one (one courier
// wins), and the delivery itself, sharing the position while the order is on its way; each says
// how much cash to collect at the door, and an offer whose cash would take what they hold past
// the platform's limit says so and cannot be claimed (the rules refuse it too).

import { useEffect, useRef, useState } from "preact/hooks";
import {
  cashHeld,
  courierMayCarry,
  distanceM,
  etaMinutes,
  nextStatuses,
  orderCodeOf,
  partOf,
  pickupDeadline,
  type LatLng,
  type Order,
  type OrderStatus,
} from "@domain";
import type { LiveRow } from "../../data/live";
import { claimOrder, deliverOrder, moveOrder, useCourierActive, useOpenPickups } from "../../data/orders";
import { shareCourierPosition } from "../../data/tracking";
import { useCourierCash } from "../../data/courierCash";
import { useCashLimits } from "../../data/settings";
import { session } from "../../state/session";
import { DeliveryMap } from "../../components/DeliveryMap";
import { clock, decimal, errorText, money } from "../../components/format";
import { Empty, ErrorNote, Loading, Outcome } from "../../components/States";
import { statusLabel, t, tn } from "../../i18n";
import { AreaLine, useCourierCell } from "./Area";
import { CashToCollect } from "./CashToCollect";
import { CannotDeliver, ProblemWaiting } from "./DeliveryProblem";
import { SHARE_MIN_INTERVAL_MS, shouldShare, usePosition } from "./position";
import "../../i18n/shop"; // this screen's texts
import "../../i18n/work";

type Delivery = LiveRow<Order>;

export function Courier() {
  const s = session.value;
  if (s === undefined)
    return (
      <main class="page">
        <Loading what={t("req.loading")} />
      </main>
    );
  if (!s?.claims.courier) {
    return (
      <main class="page">
        <Empty>
          <p>
            {t("cour.only")} {s ? t("cour.askAdmin") : <a href="/signin?next=/courier">{t("nav.signIn")}</a>}
          </p>
        </Empty>
      </main>
    );
  }
  return <CourierHome uid={s.uid} />;
}

function CourierHome({ uid }: { uid: string }) {
  const { pos, error: posError } = usePosition();
  const [chosen, choose] = useState("");
  const area = useCourierCell(uid, pos, chosen);
  const open = useOpenPickups(area.cell);
  const mine = useCourierActive(uid);
  const held = cashHeld(useCourierCash(uid).data ?? undefined);
  const { limits } = useCashLimits();
  const [notice, setNotice] = useState("");

  const claim = async (id: string) => {
    setNotice("");
    try {
      const result = await claimOrder(uid, id);
      if (result === "taken") setNotice(t("cour.taken"));
      if (result === "busy") setNotice(t("cour.busy"));
    } catch (err) {
      setNotice(t("cour.claimFailed", { error: errorText(err) }));
    }
  };

  const byDistance = (a: Delivery, b: Delivery) =>
    pos ? distanceM(pos, a.restaurantAddress!) - distanceM(pos, b.restaurantAddress!) : 0;
  return (
    <main class="page courier">
      <div class="page-head">
        <h1>{t("nav.deliveries")}</h1>
        <a href="/courier/earnings">{t("cour.earnings")}</a>
      </div>
      {posError && <p class="notice">{posError}</p>}
      {notice && (
        <p class="notice" role="alert" data-testid="claim-notice">
          {notice}
        </p>
      )}
      {mine.error !== undefined && <ErrorNote error={mine.error} />}
      {mine.data?.map((o) => (
        <ActiveDelivery key={o.id} uid={uid} order={o} pos={pos} />
      ))}
      <h2>{t("status.ready")}</h2>
      <AreaLine source={area.source} chosen={chosen} choose={choose} error={area.error} />
      {open.error !== undefined && <ErrorNote error={open.error} />}
      {area.cell && open.data === undefined && !open.error && <Loading what={t("board.loading")} />}
      {open.data?.length === 0 && (
        <Empty>
          <p>{t("cour.none")}</p>
        </Empty>
      )}
      <ul class="pickups">
        {[...(open.data ?? [])].sort(byDistance).map((o) => {
          const tooMuchCash = !courierMayCarry(held, partOf(o.payment?.parts, "cash"), limits);
          return (
            <li key={o.id} class="pickup" data-order={o.id}>
              <div>
                <strong>
                  {o.restaurantName} <span class="order-code">#{orderCodeOf(o, o.id)}</span>
                </strong>
                <span>
                  {o.restaurantAddress?.line1} → {o.deliveryAddress.line1}
                </span>
                {pos && o.restaurantAddress && (
                  <span class="muted">
                    {t("cour.distance", {
                      away: decimal(distanceM(pos, o.restaurantAddress) / 1000),
                      trip: decimal(distanceM(o.restaurantAddress, o.deliveryAddress) / 1000),
                    })}
                  </span>
                )}
                <CashToCollect order={o} />
                {tooMuchCash && (
                  <span class="hint" data-testid="cash-full">
                    {t("cour.cashFull", { held: money(held), max: money(limits.maxCourierCashCents) })}
                  </span>
                )}
              </div>
              <button type="button" onClick={() => claim(o.id)} disabled={tooMuchCash}>
                {t("cour.claim")}
              </button>
            </li>
          );
        })}
      </ul>
    </main>
  );
}

function ActiveDelivery({ uid, order: o, pos }: { uid: string; order: Delivery; pos: LatLng | null }) {
  const [error, setError] = useState("");
  const last = useRef<{ pos: LatLng; at: number } | null>(null);

  // Share the position from the claim until delivery, so the customer's map has it the moment
  // the order is picked up. A heartbeat re-checks, and a failed write is retried on the next beat.
  const [beat, setBeat] = useState(0);
  useEffect(() => {
    const t = setInterval(() => setBeat((b) => b + 1), SHARE_MIN_INTERVAL_MS);
    return () => clearInterval(t);
  }, []);
  useEffect(() => {
    if (!pos || (o.status !== "ready" && o.status !== "picked_up")) return;
    const now = Date.now();
    if (!shouldShare(last.current, pos, now)) return;
    last.current = { pos, at: now };
    shareCourierPosition(o.id, pos)
      .then(() => setError(""))
      .catch((err) => {
        last.current = null;
        setError(t("cour.positionFailed", { error: errorText(err) }));
      });
  }, [o.id, o.status, pos, beat]);

  const move = async (to: OrderStatus) => {
    setError("");
    try {
      await (to === "delivered" ? deliverOrder(uid, o.id) : moveOrder(uid, o.id, to));
    } catch (err) {
      setError(errorText(err));
    }
  };
  return (
    <section class="active-delivery" aria-label={t("cour.yours")} data-order={o.id} data-status={o.status}>
      <h2>
        {statusLabel(o.status)}: {o.restaurantName}
      </h2>
      <dl>
        <dt>{t("cour.pickUpAt")}</dt>
        <dd>
          {o.restaurantName}, {o.restaurantAddress?.line1}
        </dd>
        {o.status === "ready" && o.claimedAt && (
          <>
            <dt>{t("cour.pickUpBy")}</dt>
            <dd data-testid="pickup-by">
              {t("cour.pickUpByTime", { time: clock({ toMillis: () => pickupDeadline(o.claimedAt!) }, o.timeZone) })}
            </dd>
          </>
        )}
        <dt>{t("cour.deliverTo")}</dt>
        <dd>
          {o.customerName ?? t("alert.aCustomer")}, {o.deliveryAddress.line1}
        </dd>
        {o.note && (
          <>
            <dt>{t("cour.note")}</dt>
            <dd>“{o.note}”</dd>
          </>
        )}
        {o.pricing && (
          <>
            <dt>{t("orders.order")}</dt>
            <dd>
              <strong class="order-code" data-testid="order-code">
                #{orderCodeOf(o, o.id)}
              </strong>{" "}
              ·{" "}
              {tn(
                "board.items",
                o.pricing.lines.reduce((n, l) => n + l.quantity, 0),
              )}{" "}
              · {money(o.pricing.total)}
            </dd>
          </>
        )}
        {o.payment && (
          <>
            <dt>{t("cour.atDoor")}</dt>
            <dd>
              <CashToCollect order={o} />
            </dd>
          </>
        )}
        {pos && (
          <>
            <dt>{t("cour.eta")}</dt>
            <dd>
              {t(o.status === "ready" ? "cour.etaRestaurant" : "cour.etaCustomer", {
                n: etaMinutes(pos, o.status === "ready" ? o.restaurantAddress! : o.deliveryAddress),
              })}
            </dd>
          </>
        )}
      </dl>
      <DeliveryMap
        label={t("cour.map")}
        follow="courier"
        markers={[
          ...(pos ? [{ ...pos, kind: "courier" as const, label: t("op.you") }] : []),
          { ...o.restaurantAddress!, kind: "restaurant", label: o.restaurantName ?? t("op.restaurant") },
          { ...o.deliveryAddress, kind: "destination", label: t("cour.customer") },
        ]}
        open={
          o.status === "ready"
            ? { place: o.restaurantAddress!, label: o.restaurantName ?? t("op.restaurant"), route: true }
            : { place: o.deliveryAddress, label: o.deliveryAddress.line1, route: true }
        }
      />
      {o.status === "delivery_problem" ? (
        <ProblemWaiting uid={uid} orderId={o.id} order={o} />
      ) : (
        nextStatuses(o.status, "courier")
          .filter((to) => to !== "delivery_problem")
          .map((to) => (
            <button key={to} type="button" onClick={() => move(to)}>
              {to === "picked_up" ? t("cour.pickedUp") : t("status.delivered")}
            </button>
          ))
      )}
      {o.status === "picked_up" && <CannotDeliver uid={uid} orderId={o.id} />}
      <Outcome error={error} />
    </section>
  );
}
