// The restaurant's face: a live order board, the menu and the settings, for staff only.

import { useState } from "preact/hooks";
import { Route, Router, useLocation } from "preact-iso";
import { staffRestaurantIds } from "@domain";
import { useRestaurant } from "../../data/restaurants";
import { session } from "../../state/session";
import { Empty, ErrorNote, Loading } from "../../components/States";
import { Board } from "./Board";
import { Dashboard as DashboardContext } from "./context";
import { MenuEditor } from "./MenuEditor";
import { Settings } from "./Settings";
import { Today } from "./Today";

function OrdersTab() {
  return (
    <>
      <Today />
      <Board />
    </>
  );
}

const TABS = [
  { path: "/dashboard", title: "Orders" },
  { path: "/dashboard/menu", title: "Menu" },
  { path: "/dashboard/settings", title: "Settings" },
];

export function Dashboard() {
  const s = session.value;
  const ids = staffRestaurantIds(s?.claims);
  const [chosen, setChosen] = useState<string | null>(null);
  const rid = chosen && ids.includes(chosen) ? chosen : (ids[0] ?? null);
  const restaurant = useRestaurant(rid);
  const { path } = useLocation();
  if (s === undefined)
    return (
      <main class="page">
        <Loading what="your account" />
      </main>
    );
  if (!s || !rid) {
    return (
      <main class="page">
        <Empty>
          <p>
            The dashboard is for restaurant staff.{" "}
            {s ? "Ask an admin to add you to your restaurant." : <a href="/signin?next=/dashboard">Sign in</a>}
          </p>
        </Empty>
      </main>
    );
  }
  const r = restaurant.data;
  return (
    <DashboardContext.Provider value={{ rid, restaurant }}>
      <main class="page wide dashboard">
        {restaurant.error ? <ErrorNote error={restaurant.error} /> : null}
        <div class="dash-head">
          <h1>
            {r?.name ?? "…"}{" "}
            <span class={`pill ${r?.isOpen ? "open" : "closed"}`}>{r?.isOpen ? "Open" : "Closed"}</span>
          </h1>
          {ids.length > 1 && <RestaurantChooser ids={ids} rid={rid} onChoose={setChosen} />}
        </div>
        <nav class="tabs" aria-label="Dashboard">
          {TABS.map((t) => (
            <a key={t.path} href={t.path} aria-current={path === t.path ? "page" : undefined}>
              {t.title}
            </a>
          ))}
        </nav>
        <Router>
          <Route path="/" component={OrdersTab} />
          <Route path="/menu" component={MenuEditor} />
          <Route path="/settings" component={Settings} />
        </Router>
      </main>
    </DashboardContext.Provider>
  );
}

function RestaurantChooser({ ids, rid, onChoose }: { ids: string[]; rid: string; onChoose: (id: string) => void }) {
  return (
    <label>
      Restaurant
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
