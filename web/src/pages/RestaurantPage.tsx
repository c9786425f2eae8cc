// A restaurant's menu, live: a dish that sells out while the customer looks at it says so at once.

import { useState } from "preact/hooks";
import {
  asapState,
  asRestaurant,
  clockTime,
  currentPrepMinutes,
  distanceM,
  minutesToDoor,
  optionProblem,
  slotsFor,
  travelMinutes,
} from "@domain";
import type { LiveRow } from "../data/live";
import { useMenu, type MenuEntry } from "../data/menu";
import { useRestaurant } from "../data/restaurants";
import { deliveryAddress } from "../state/address";
import { addToCart, cart, clearCart, needsRestaurantSwitch, type CartEntry } from "../state/cart";
import { money } from "../components/format";
import { Empty, ErrorNote, Loading } from "../components/States";
import { OptionsDialog } from "../components/OptionsDialog";

type MenuRow = LiveRow<MenuEntry>;

export function RestaurantPage({ id }: { id: string }) {
  const restaurant = useRestaurant(id);
  const menu = useMenu(id);
  const [choosing, setChoosing] = useState<MenuRow | null>(null);
  const [pending, setPending] = useState<Omit<CartEntry, "key"> | null>(null);
  const [added, setAdded] = useState("");

  if (restaurant.error)
    return (
      <main class="page">
        <ErrorNote error={restaurant.error} />
      </main>
    );
  if (restaurant.data === undefined)
    return (
      <main class="page">
        <Loading what="the menu" />
      </main>
    );
  if (restaurant.data === null)
    return (
      <main class="page">
        <Empty>
          <p>
            This restaurant does not exist. <a href="/">See all restaurants</a>
          </p>
        </Empty>
      </main>
    );
  const r = asRestaurant(restaurant.data);
  if (!r)
    return (
      <main class="page">
        <Empty>
          <p data-testid="restaurant-unavailable">
            This restaurant is not available right now. <a href="/">See other restaurants</a>
          </p>
        </Empty>
      </main>
    );
  const now = new Date();
  const state = asapState(r, now);
  const address = deliveryAddress.value;
  const delivers = address ? distanceM(r.address, address) <= r.deliveryRadiusM : true;
  const minutes = minutesToDoor(currentPrepMinutes(r, now), travelMinutes(r.address, address ?? r.address));
  // Closed or paused for now, it may still take orders for later today or tomorrow.
  const aheadOnly = !state.open && r.isOpen && slotsFor(r, now, minutes).length > 0;
  const orderable = (state.open || aheadOnly) && delivers;
  const until = !state.open && state.until ? clockTime(state.until, r.timeZone, now) : null;

  const categories = [...new Set([...(r.categories ?? []), ...(menu.data ?? []).map((m) => m.category)])].filter((c) =>
    (menu.data ?? []).some((m) => m.category === c),
  );

  const commit = (entry: Omit<CartEntry, "key">) => {
    if (needsRestaurantSwitch(id)) return setPending(entry);
    addToCart(id, r.name, entry);
    setAdded(`${entry.quantity} × ${entry.name} added to your cart.`);
  };
  const add = (item: MenuRow) => {
    if (item.optionGroups.length > 0) return setChoosing(item);
    commit({ itemId: item.id, name: item.name, quantity: 1, options: {}, optionNames: [], unitPrice: item.price });
  };

  return (
    <main class="page">
      <section class="restaurant-head">
        <h1>{r.name}</h1>
        <p class="meta">
          <span>{r.cuisine}</span>
          <span>★ {r.ratingCount ? `${r.ratingAvg.toFixed(1)} (${r.ratingCount})` : "new"}</span>
          <span>{money(r.deliveryFee)} delivery</span>
          <span>Minimum {money(r.minOrder)}</span>
          <span data-testid="eta-estimate">{state.open ? `About ${minutes} min` : `${r.prepTimeMin} min prep`}</span>
        </p>
        <p>{r.description}</p>
        {!state.open && (
          <p class="notice" role="status" data-testid="restaurant-state">
            {state.why === "paused"
              ? `${r.name} has paused new orders${until ? ` until ${until}` : ""}.`
              : state.why === "closed"
                ? `${r.name} is closed${until ? ` · opens ${until}` : ""}.`
                : `${r.name} is not taking orders right now.`}{" "}
            {aheadOnly ? "Schedule for later: choose a delivery time at checkout." : "You can look, but not order."}
          </p>
        )}
        {state.open && !delivers && (
          <p class="notice" role="status">
            {r.name} does not deliver to {address?.line1}. Choose another address to order.
          </p>
        )}
      </section>
      {pending && (
        <div class="notice switch" role="alertdialog" aria-labelledby="switch-title">
          <p id="switch-title">
            Your cart has dishes from {cart.value.restaurantName}. Start a new cart with {r.name}?
          </p>
          <button
            type="button"
            onClick={() => {
              clearCart();
              addToCart(id, r.name, pending);
              setAdded(`${pending.name} added to a new cart.`);
              setPending(null);
            }}
          >
            Start a new cart
          </button>
          <button type="button" class="secondary" onClick={() => setPending(null)}>
            Keep my cart
          </button>
        </div>
      )}
      <p class="sr-status" role="status" aria-live="polite">
        {added}
      </p>
      {menu.error !== undefined && <ErrorNote error={menu.error} />}
      {menu.data === undefined && !menu.error && <Loading what="dishes" />}
      {menu.data && menu.data.length === 0 && (
        <Empty>
          <p>No dishes on the menu yet.</p>
        </Empty>
      )}
      {categories.map((c) => (
        <section key={c} class="menu-category" aria-labelledby={`cat-${c}`}>
          <h2 id={`cat-${c}`}>{c}</h2>
          <ul class="menu">
            {(menu.data ?? [])
              .filter((m) => m.category === c)
              .map((m) => (
                <li key={m.id} class={`menu-item${m.available ? "" : " sold-out"}`} data-item={m.name}>
                  <div>
                    <h3>{m.name}</h3>
                    <p class="desc">{m.description}</p>
                    {m.optionGroups.length > 0 && (
                      <p class="opts">Options: {m.optionGroups.map((g) => g.name).join(", ")}</p>
                    )}
                  </div>
                  <div class="buy">
                    <span class="price">{money(m.price)}</span>
                    {m.available ? (
                      <button type="button" disabled={!orderable} onClick={() => add(m)} aria-label={`Add ${m.name}`}>
                        Add
                      </button>
                    ) : (
                      <span class="tag">Sold out</span>
                    )}
                  </div>
                </li>
              ))}
          </ul>
        </section>
      ))}
      {choosing && (
        <OptionsDialog
          item={choosing}
          onClose={() => setChoosing(null)}
          onAdd={(options, optionNames, unitPrice, quantity) => {
            if (optionProblem(choosing, options)) return;
            commit({ itemId: choosing.id, name: choosing.name, quantity, options, optionNames, unitPrice });
            setChoosing(null);
          }}
        />
      )}
      {cart.value.restaurantId === id && cart.value.lines.length > 0 && (
        <a class="button floating" href="/checkout">
          Go to checkout ({cart.value.lines.reduce((n, l) => n + l.quantity, 0)})
        </a>
      )}
    </main>
  );
}
