// The restaurant's face: a live order board, the menu and the settings, for staff only.

import { useState } from "preact/hooks";
import { Route, Router, useLocation } from "preact-iso";
import { ownedRestaurantIds, pausedUntil, staffRestaurantIds } from "@domain";
import { useRestaurant } from "../../data/restaurants";
import { useBoardOrders } from "../../data/orders";
import { session } from "../../state/session";
import { Empty, ErrorNote, Loading } from "../../components/States";
import { AlertBar } from "./AlertBar";
import { useArrivals } from "./alerts";
import { Board } from "./Board";
import { Complaints } from "./Complaints";
import { RushControls } from "./RushControls";
import { Dashboard as DashboardContext, useDashboard } from "./context";
import { MenuEditor } from "./menu/MenuEditor";
import { Settings } from "./Settings";
import { Statements } from "./Statements";
import { Integrations } from "./integrations/Integrations";
import { Reviews } from "../../components/Reviews";
import { ReplyForm } from "./ReplyForm";
import { Today } from "./Today";
import { t, type Key } from "../../i18n";
import "../../i18n/shop"; // this screen's texts
import "../../i18n/work";
import "../../styles/afterOrder.css";

function OrdersTab() {
  return (
    <div class="orders-tab">
      <RushControls />
      <Today />
      <div class="board-area">
        <Board />
      </div>
    </div>
  );
}

function ReviewsTab() {
  const { rid, owner } = useDashboard();
  return (
    <Reviews
      rid={rid}
      reply={owner ? (r) => <ReplyForm rid={rid} orderId={r.id} current={r.reply ?? ""} /> : undefined}
    />
  );
}

const StatementsTab = () => (
  <OwnerOnly>
    <Statements />
  </OwnerOnly>
);
const IntegrationsTab = () => (
  <OwnerOnly>
    <Integrations />
  </OwnerOnly>
);
const SettingsTab = () => (
  <OwnerOnly>
    <Settings />
  </OwnerOnly>
);

/** The dashboard's tabs; the owner's alone manage the restaurant (domain/roles.ts). The kitchen's
 * Menu tab marks dishes sold out, its Reviews tab reads without replying, and its Complaints tab
 * reads without disputing. */
const TABS: { path: string; title: Key; ownerOnly?: boolean }[] = [
  { path: "/dashboard", title: "nav.orders" },
  { path: "/dashboard/menu", title: "dash.menu" },
  { path: "/dashboard/reviews", title: "rev.title" },
  { path: "/dashboard/complaints", title: "dash.complaints" },
  { path: "/dashboard/statements", title: "dash.statements", ownerOnly: true },
  { path: "/dashboard/settings", title: "dash.settings", ownerOnly: true },
  { path: "/dashboard/integrations", title: "dash.integrations", ownerOnly: true },
];

/** A tab only the owner may use, as the kitchen finds it by its address. */
function OwnerOnly({ children }: { children: preact.ComponentChildren }) {
  const { owner } = useDashboard();
  if (owner) return <>{children}</>;
  return (
    <Empty>
      <p>{t("dash.ownerOnly")}</p>
    </Empty>
  );
}

export function Dashboard() {
  const s = session.value;
  const ids = staffRestaurantIds(s?.claims);
  const [chosen, setChosen] = useState<string | null>(null);
  const rid = chosen && ids.includes(chosen) ? chosen : (ids[0] ?? null);
  const owner = rid !== null && ownedRestaurantIds(s?.claims).includes(rid);
  const restaurant = useRestaurant(rid);
  // One subscription to the board's orders for every tab: a new order is announced on any of them.
  const orders = useBoardOrders(rid);
  const arrivals = useArrivals(orders.data);
  const { path } = useLocation();
  if (s === undefined)
    return (
      <main class="page">
        <Loading what={t("req.loading")} />
      </main>
    );
  if (!s || !rid) {
    return (
      <main class="page">
        <Empty>
          <p>
            {t("dash.staffOnly")} {s ? t("dash.askAdmin") : <a href="/signin?next=/dashboard">{t("nav.signIn")}</a>}
          </p>
        </Empty>
      </main>
    );
  }
  const r = restaurant.data;
  const waiting = orders.data?.filter((o) => o.status === "placed").length ?? 0;
  return (
    <DashboardContext.Provider value={{ rid, owner, restaurant, orders, arrivals }}>
      <main class="page wide dashboard">
        {restaurant.error ? <ErrorNote error={restaurant.error} /> : null}
        <div class="dash-head">
          <h1>
            {r?.name ?? "…"} <StatePill />
          </h1>
          {ids.length > 1 && <RestaurantChooser ids={ids} rid={rid} onChoose={setChosen} />}
        </div>
        <AlertBar />
        <nav class="tabs" aria-label={t("nav.dashboard")}>
          {TABS.filter((tab) => owner || !tab.ownerOnly).map((tab) => (
            <a key={tab.path} href={tab.path} aria-current={path === tab.path ? "page" : undefined}>
              {t(tab.title)}
              {tab.path === "/dashboard" && waiting > 0 && (
                <span class="badge" aria-label={t("dash.waiting", { n: waiting })} data-testid="orders-tab-badge">
                  {waiting}
                </span>
              )}
            </a>
          ))}
        </nav>
        <Router>
          <Route path="/" component={OrdersTab} />
          <Route path="/menu" component={MenuEditor} />
          <Route path="/reviews" component={ReviewsTab} />
          <Route path="/complaints" component={Complaints} />
          <Route path="/statements" component={StatementsTab} />
          <Route path="/settings" component={SettingsTab} />
          <Route path="/integrations" component={IntegrationsTab} />
        </Router>
      </main>
    </DashboardContext.Provider>
  );
}

function RestaurantChooser({ ids, rid, onChoose }: { ids: string[]; rid: string; onChoose: (id: string) => void }) {
  return (
    <label>
      {t("op.restaurant")}
      <select value={rid} onChange={(e) => onChoose((e.target as HTMLSelectElement).value)}>
        {ids.map((id) => (
          <RestaurantOption key={id} id={id} />
        ))}
      </select>
    </label>
  );
}

function RestaurantOption({ id }: { id: string }) {
  const r = useRestaurant(id);
  return <option value={id}>{r.data?.name ?? id}</option>;
}

function StatePill() {
  const { restaurant } = useDashboard();
  const r = restaurant.data;
  if (!r) return null;
  const paused = pausedUntil(r, new Date());
  const state = !r.isOpen ? "closed" : paused ? "paused" : "open";
  return <span class={`pill ${state}`}>{t(`dash.${state}`)}</span>;
}
