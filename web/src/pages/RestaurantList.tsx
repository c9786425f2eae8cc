// The first screen: one read of the restaurants with Firestore Lite, filtered and sorted here.

import { useState } from "preact/hooks";
import { asRestaurant, distanceM, isOpenAt, type Restaurant } from "@domain";
import { fetchRestaurants } from "../data/discovery";
import { deliveryAddress } from "../state/address";
import { useAsync } from "../components/useAsync";
import { money } from "../components/format";
import { Empty, ErrorNote, Loading } from "../components/States";

export type RestaurantRow = Restaurant & { id: string };

type Sort = "rating" | "fee" | "name";

export function RestaurantList() {
  const { data, error, loading, reload } = useAsync(async () => {
    // A restaurant whose document cannot be interpreted is left out rather than taking the page down.
    return (await fetchRestaurants()).flatMap(({ id, data }) => {
      const r = asRestaurant(data);
      return r ? [{ id, ...r }] : [];
    });
  }, []);
  const [cuisine, setCuisine] = useState("");
  const [search, setSearch] = useState("");
  const [sort, setSort] = useState<Sort>("rating");
  const address = deliveryAddress.value;
  const now = new Date();

  const cuisines = [...new Set((data ?? []).map((r) => r.cuisine))].sort();
  const rows = (data ?? [])
    .filter((r) => !cuisine || r.cuisine === cuisine)
    .filter((r) => r.name.toLowerCase().includes(search.trim().toLowerCase()))
    .map((r) => ({
      ...r,
      open: r.isOpen && isOpenAt(r.openingHours, r.timeZone, now),
      delivers: address ? distanceM(r.address, address) <= r.deliveryRadiusM : null,
    }))
    .sort(
      (a, b) =>
        Number(b.delivers !== false) - Number(a.delivers !== false) ||
        (sort === "rating"
          ? b.ratingAvg - a.ratingAvg || b.ratingCount - a.ratingCount
          : sort === "fee"
            ? a.deliveryFee - b.deliveryFee
            : a.name.localeCompare(b.name)),
    );

  return (
    <main class="page">
      <h1>Restaurants in Berlin</h1>
      {!address && <p class="notice">Set your delivery address (top of the page) to see who delivers to you.</p>}
      <form class="filters" role="search" onSubmit={(e) => e.preventDefault()}>
        <label>
          Search
          <input
            type="search"
            value={search}
            placeholder="Restaurant name"
            onInput={(e) => setSearch((e.target as HTMLInputElement).value)}
          />
        </label>
        <label>
          Cuisine
          <select value={cuisine} onChange={(e) => setCuisine((e.target as HTMLSelectElement).value)}>
            <option value="">All cuisines</option>
            {cuisines.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </label>
        <label>
          Sort by
          <select value={sort} onChange={(e) => setSort((e.target as HTMLSelectElement).value as Sort)}>
            <option value="rating">Rating</option>
            <option value="fee">Delivery fee</option>
            <option value="name">Name</option>
          </select>
        </label>
      </form>
      {loading && !data && <Loading what="restaurants" />}
      {error !== undefined && <ErrorNote error={error} retry={reload} />}
      {data && rows.length === 0 && (
        <Empty>
          <p>
            No restaurant matches.{" "}
            <button
              type="button"
              class="link"
              onClick={() => {
                setCuisine("");
                setSearch("");
              }}
            >
              Clear the filters
            </button>
          </p>
        </Empty>
      )}
      <ul class="restaurants" aria-label="Restaurants">
        {rows.map((r) => (
          <li
            key={r.id}
            class={`restaurant-card${r.delivers === false ? " out-of-zone" : ""}${r.open ? "" : " closed"}`}
          >
            <a href={`/r/${r.id}`}>
              <div class="thumb" aria-hidden="true" data-cuisine={r.cuisine}>
                {r.cuisine.slice(0, 1)}
              </div>
              <div class="body">
                <h2>{r.name}</h2>
                <p class="meta">
                  <span>{r.cuisine}</span>
                  <span aria-label={`Rating ${r.ratingAvg.toFixed(1)} from ${r.ratingCount} reviews`}>
                    ★ {r.ratingCount ? r.ratingAvg.toFixed(1) : "new"}
                  </span>
                  <span>{money(r.deliveryFee)} delivery</span>
                  <span>{r.prepTimeMin} min</span>
                </p>
                <p class="status">
                  <span class={r.open ? "open" : "closed"}>{r.open ? "Open now" : "Closed"}</span>
                  {r.delivers === false && <span class="zone">Does not deliver to your address</span>}
                </p>
              </div>
            </a>
          </li>
        ))}
      </ul>
    </main>
  );
}
