// A restaurant's menu, live: a dish that sells out while the customer looks at it says so at once.

import { useState } from "preact/hooks";
import { lazy } from "preact-iso";
import {
  asapState,
  asRestaurant,
  currentPrepMinutes,
  distanceM,
  minutesToDoor,
  NO_FILTER,
  optionProblem,
  passesFilter,
  slotsFor,
  travelMinutes,
  paths,
  type DishFilter,
  type Restaurant,
} from "@domain";
import type { LiveRow } from "../data/live";
import type { MenuEntry } from "../data/menu";
import { useDocSoonLive, useMenuSoonLive } from "../data/soonLive";
import { deliveryAddress } from "../state/address";
import { addToCart, cart, cartSubtotal, clearCart, needsRestaurantSwitch, type CartEntry } from "../state/cart";
import { DietBadges, DishFilterBar } from "../components/Dietary";
import { clockAt, decimal, errorText, money } from "../components/format";
import { Empty, ErrorNote, Loading } from "../components/States";
import { OptionsDialog } from "../components/OptionsDialog";
import { favourites, toggleFavourite } from "../state/favourites";
import { session } from "../state/session";
import { cuisineLabel, t } from "../i18n";
import "../i18n/shop"; // this screen's texts

type MenuRow = LiveRow<MenuEntry>;

// Reviews listen live with the full SDK: they come after the menu, in a chunk of their own.
const Reviews = lazy(() => import("../components/Reviews").then((m) => m.Reviews));

export function RestaurantPage({ id }: { id: string }) {
  // Painted from one Lite read, then live: the full SDK loads after the menu shows.
  const restaurant = useDocSoonLive<Restaurant>(paths.restaurant(id));
  const menu = useMenuSoonLive(id);
  const [choosing, setChoosing] = useState<MenuRow | null>(null);
  const [pending, setPending] = useState<Omit<CartEntry, "key"> | null>(null);
  const [added, setAdded] = useState("");
  const [filter, setFilter] = useState<DishFilter>(NO_FILTER);

  if (restaurant.error)
    return (
      <main class="page">
        <ErrorNote error={restaurant.error} />
      </main>
    );
  if (restaurant.data === undefined)
    return (
      <main class="page">
        <Loading what={t("rp.loadingMenu")} />
      </main>
    );
  if (restaurant.data === null)
    return (
      <main class="page">
        <Empty>
          <p>
            {t("rp.notFound")} <a href="/">{t("rp.seeAll")}</a>
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
            {t("rp.unavailable")} <a href="/">{t("rp.seeOthers")}</a>
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
  const until = !state.open && state.until ? clockAt(state.until, r.timeZone, now) : null;

  const dishes = (menu.data ?? []).filter((m) => passesFilter(m, filter));
  const categories = [...new Set([...(r.categories ?? []), ...dishes.map((m) => m.category)])].filter((c) =>
    dishes.some((m) => m.category === c),
  );
  const inCart = cart.value.restaurantId === id ? cart.value.lines.reduce((n, l) => n + l.quantity, 0) : 0;
  const missing = inCart > 0 ? Math.max(0, r.minOrder - cartSubtotal.value) : 0;

  const commit = (entry: Omit<CartEntry, "key">) => {
    if (needsRestaurantSwitch(id)) return setPending(entry);
    addToCart(id, r.name, entry);
    setAdded(t("rp.added", { n: entry.quantity, name: entry.name }));
  };
  const add = (item: MenuRow) => {
    if (item.optionGroups.length > 0) return setChoosing(item);
    commit({ itemId: item.id, name: item.name, quantity: 1, options: {}, optionNames: [], unitPrice: item.price });
  };

  return (
    <main class="page">
      <section class="restaurant-head">
        {r.imageUrl && <img class="restaurant-photo" src={r.imageUrl} alt="" width={96} height={96} />}
        <h1>{r.name}</h1>
        {session.value && <FavouriteButton rid={id} name={r.name} />}
        <p class="meta">
          <span>{cuisineLabel(r.cuisine)}</span>
          <span>★ {r.ratingCount ? `${decimal(r.ratingAvg)} (${r.ratingCount})` : t("list.new")}</span>
          <span>{t("list.deliveryFee", { fee: money(r.deliveryFee, r.currency) })}</span>
          <span>{t("rp.minimum", { amount: money(r.minOrder, r.currency) })}</span>
          <span data-testid="eta-estimate">
            {state.open ? t("rp.about", { n: minutes }) : t("rp.prep", { n: r.prepTimeMin })}
          </span>
        </p>
        <p>{r.description}</p>
        {!state.open && (
          <p class="notice" role="status" data-testid="restaurant-state">
            {state.why === "paused"
              ? t(until ? "rp.pausedUntil" : "rp.paused", { name: r.name, time: until ?? "" })
              : state.why === "closed"
                ? t(until ? "rp.closedOpens" : "rp.closed", { name: r.name, time: until ?? "" })
                : t("rp.notTaking", { name: r.name })}{" "}
            {aheadOnly ? t("rp.aheadOnly") : t("rp.lookOnly")}
          </p>
        )}
        {state.open && !delivers && (
          <p class="notice" role="status">
            {t("rp.noDelivery", { name: r.name, street: address?.line1 ?? "" })}
          </p>
        )}
      </section>
      {pending && (
        <div class="notice switch" role="alertdialog" aria-labelledby="switch-title">
          <p id="switch-title">{t("rp.switchAsk", { from: cart.value.restaurantName ?? "", to: r.name })}</p>
          <button
            type="button"
            onClick={() => {
              clearCart();
              addToCart(id, r.name, pending);
              setAdded(t("rp.addedNew", { name: pending.name }));
              setPending(null);
            }}
          >
            {t("rp.newCart")}
          </button>
          <button type="button" class="secondary" onClick={() => setPending(null)}>
            {t("rp.keepCart")}
          </button>
        </div>
      )}
      <p class="sr-status" role="status" aria-live="polite">
        {added}
      </p>
      {menu.error !== undefined && <ErrorNote error={menu.error} />}
      {menu.data === undefined && !menu.error && <Loading what={t("rp.loadingDishes")} />}
      {menu.data && menu.data.length === 0 && (
        <Empty>
          <p>{t("rp.noDishes")}</p>
        </Empty>
      )}
      {menu.data && menu.data.length > 0 && (
        <DishFilterBar filter={filter} onChange={setFilter} shown={dishes.length} total={menu.data.length} />
      )}
      {menu.data && menu.data.length > 0 && dishes.length === 0 && (
        <Empty>
          <p>{t("rp.noMatch")}</p>
        </Empty>
      )}
      {categories.map((c) => (
        <section key={c} class="menu-category" aria-labelledby={`cat-${c}`}>
          <h2 id={`cat-${c}`}>{c}</h2>
          <ul class="menu">
            {dishes
              .filter((m) => m.category === c)
              .map((m) => (
                <li
                  key={m.id}
                  class={`menu-item${m.available ? "" : " sold-out"}${m.imageUrl ? " with-photo" : ""}`}
                  data-item={m.name}
                >
                  {m.imageUrl && (
                    <img class="dish-photo" src={m.imageUrl} alt="" width={72} height={72} loading="lazy" />
                  )}
                  <div class="dish-text">
                    <h3>{m.name}</h3>
                    <p class="desc">{m.description}</p>
                    {m.optionGroups.length > 0 && (
                      <p class="opts">{t("rp.options", { list: m.optionGroups.map((g) => g.name).join(", ") })}</p>
                    )}
                    <DietBadges dish={m} />
                  </div>
                  <div class="buy">
                    <span class="price">{money(m.price, r.currency)}</span>
                    {m.available ? (
                      <button
                        type="button"
                        disabled={!orderable}
                        onClick={() => add(m)}
                        aria-label={t("rp.addLabel", { name: m.name })}
                      >
                        {t("rp.add")}
                      </button>
                    ) : (
                      <span class="tag">{t("rp.soldOut")}</span>
                    )}
                  </div>
                </li>
              ))}
          </ul>
        </section>
      ))}
      {/* After the menu, so that the menu arriving does not push reviews already shown down. */}
      {menu.data !== undefined && <Reviews rid={id} />}
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
      {inCart > 0 && (
        <div class="floating checkout-bar">
          {missing > 0 && (
            <p class="missing" data-testid="minimum-missing">
              {t("rp.missing", { amount: money(missing, r.currency), minimum: money(r.minOrder, r.currency) })}
            </p>
          )}
          <a class="button" href="/checkout">
            {t("rp.checkout", { n: inCart })}
          </a>
        </div>
      )}
    </main>
  );
}

function FavouriteButton({ rid, name }: { rid: string; name: string }) {
  const [error, setError] = useState("");
  const on = favourites.value.has(rid);
  return (
    <p class="favourite">
      <button
        type="button"
        class="secondary small"
        aria-pressed={on}
        onClick={() =>
          toggleFavourite(rid).then(
            () => setError(""),
            (err) => setError(errorText(err)),
          )
        }
      >
        {on ? `♥ ${t("list.favourite")}` : `♡ ${t("rp.addFavourite")}`}
      </button>
      {error && (
        <span class="error" role="alert">
          {" "}
          {t("rp.favouriteFailed", { name, error })}
        </span>
      )}
    </p>
  );
}
