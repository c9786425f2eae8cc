// The restaurant's face: a live order board, the menu and the settings, for staff only.

import { useState } from "preact/hooks";
import { Route, Router, useLocation } from "preact-iso";
import { doc } from "firebase/firestore";
import { staffRestaurantIds, type Restaurant } from "@domain";
import { db } from "../../firebase/live";
import { useLiveDoc } from "../../firebase/useLive";
import { session } from "../../state/session";
import { Empty, ErrorNote, Loading } from "../../components/States";
import { Board } from "./Board";
import { MenuEditor } from "./MenuEditor";
import { Settings } from "./Settings";
import { Today } from "./Today";

export function Dashboard() {
  const s = session.value;
  const ids = staffRestaurantIds(s?.claims);
  const [chosen, setChosen] = useState<string | null>(null);
  const { path } = useLocation();
  if (s === undefined)
    return (
      <main class="page">
        <Loading what="your account" />
      </main>
    );
  if (!s || ids.length === 0) {
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
  const rid = chosen && ids.includes(chosen) ? chosen : ids[0];
  return (
    <main class="page wide dashboard">
      <RestaurantHeader rid={rid} ids={ids} onChoose={setChosen} />
      <nav class="tabs" aria-label="Dashboard">
        <a href="/dashboard" aria-current={path === "/dashboard" ? "page" : undefined}>
          Orders
        </a>
        <a href="/dashboard/menu" aria-current={path === "/dashboard/menu" ? "page" : undefined}>
          Menu
        </a>
        <a href="/dashboard/settings" aria-current={path === "/dashboard/settings" ? "page" : undefined}>
          Settings
        </a>
      </nav>
      <Router>
        <Route
          path="/"
          component={() => (
            <>
              <Today rid={rid} />
              <Board rid={rid} />
            </>
          )}
        />
        <Route path="/menu" component={() => <MenuEditor rid={rid} />} />
        <Route path="/settings" component={() => <Settings rid={rid} />} />
      </Router>
    </main>
  );
}

function RestaurantHeader({ rid, ids, onChoose }: { rid: string; ids: string[]; onChoose: (id: string) => void }) {
  const r = useLiveDoc<Restaurant>(doc(db, "restaurants", rid), rid);
  if (r.error) return <ErrorNote error={r.error} />;
  return (
    <div class="dash-head">
      <h1>
        {r.data?.name ?? "…"}{" "}
        <span class={`pill ${r.data?.isOpen ? "open" : "closed"}`}>{r.data?.isOpen ? "Open" : "Closed"}</span>
      </h1>
      {ids.length > 1 && (
        <label>
          Restaurant
          <select value={rid} onChange={(e) => onChoose((e.target as HTMLSelectElement).value)}>
            {ids.map((id) => (
              <option key={id} value={id}>
                {id}
              </option>
            ))}
          </select>
        </label>
      )}
    </div>
  );
}
