// The first screen: the restaurants near the delivery point (or the city centre), a page at a
// time, open ones and those that deliver to you first; or the results of a search.

import { useState } from "preact/hooks";
import {
  asapState,
  CITY,
  currentPrepMinutes,
  distanceKm,
  minutesToDoor,
  POPULAR_CUISINES,
  travelMinutes,
  type LatLng,
} from "@domain";
import { fetchFavourites, fetchNearby, searchRestaurants, type Card } from "../data/discovery";
import { deliveryAddress } from "../state/address";
import { favourites } from "../state/favourites";
import { useAsync } from "../components/useAsync";
import { clockAt, decimal, money } from "../components/format";
import { cuisineLabel, locale, t, tn, type Key } from "../i18n";
import { Empty, ErrorNote, Loading } from "../components/States";

type Sort = "recommended" | "rating" | "fee" | "distance";

interface Shown extends Card {
  open: boolean;
  /** Why it takes no order now, in words, when it does not. */
  closedText: string;
  delivers: boolean | null;
  km: number;
  /** Minutes to the door for an order now (to the city centre without an address). */
  minutes: number;
}

function annotate(c: Card, center: LatLng, hasAddress: boolean, now: Date): Shown {
  const state = c.available ? asapState(c, now) : null;
  const km = distanceKm(center, c.address);
  const at = (d: Date | null) => (d ? clockAt(d, c.timeZone, now) : null);
  let closedText = "";
  if (!c.available) closedText = t("list.notAvailable");
  else if (state && !state.open) {
    const time = at(state.until);
    closedText =
      state.why === "paused"
        ? t("list.pausedUntil", { time: time ?? "" })
        : state.why === "closed" && time
          ? t("list.opensAt", { time })
          : t("list.closed");
  }
  return {
    ...c,
    open: state?.open ?? false,
    closedText,
    delivers: hasAddress ? km * 1000 <= c.deliveryRadiusM : null,
    km,
    minutes: minutesToDoor(currentPrepMinutes(c, now), travelMinutes(c.address, center)),
  };
}

const order: Record<Sort, (a: Shown, b: Shown) => number> = {
  recommended: (a, b) =>
    Number(favourites.value.has(b.id)) - Number(favourites.value.has(a.id)) ||
    Number(b.available) - Number(a.available) ||
    Number(b.delivers !== false) - Number(a.delivers !== false) ||
    Number(b.open) - Number(a.open) ||
    b.ratingAvg - a.ratingAvg ||
    a.km - b.km,
  rating: (a, b) => b.ratingAvg - a.ratingAvg || b.ratingCount - a.ratingCount,
  fee: (a, b) => a.deliveryFee - b.deliveryFee,
  distance: (a, b) => a.km - b.km,
};

export function RestaurantList() {
  const address = deliveryAddress.value;
  const center: LatLng = address ?? CITY.center;
  const [pages, setPages] = useState<{
    key: string;
    cards: Card[];
    next: Awaited<ReturnType<typeof fetchNearby>>["next"];
  }>();
  const [query, setQuery] = useState("");
  const [submitted, setSubmitted] = useState("");
  const [cuisine, setCuisine] = useState("");
  const [sort, setSort] = useState<Sort>("recommended");
  const [more, setMore] = useState(false);
  const key = `${center.lat},${center.lng},${cuisine}`;
  // Every cuisine seen around here, so the choice stays offered once the list is filtered by it.
  const [seen, setSeen] = useState<ReadonlySet<string>>(new Set());

  // The nearest cards show as soon as the first round brings them; wider rings follow. With a
  // cuisine chosen, the query asks for that cuisine only.
  const nearby = useAsync(async () => {
    const page = await fetchNearby(center, undefined, (cards) => setPages({ key, cards, next: null }), cuisine);
    setPages({ key, ...page });
    return page;
  }, [key]);
  const search = useAsync(async () => (submitted ? searchRestaurants(submitted) : null), [submitted]);
  const favouriteIds = [...favourites.value].sort();
  const favs = useAsync(async () => fetchFavourites(favouriteIds), [favouriteIds.join(",")]);

  const loadMore = async () => {
    if (!pages?.next) return;
    setMore(true);
    try {
      const page = await fetchNearby(center, pages.next, undefined, cuisine);
      setPages({ key, cards: [...pages.cards, ...page.cards], next: page.next });
    } finally {
      setMore(false);
    }
  };

  const now = new Date();
  const nearest = pages?.key === key ? pages.cards : (nearby.data?.cards ?? []);
  const missing = (favs.data ?? []).filter((f) => !nearest.some((c) => c.id === f.id));
  const source = submitted ? (search.data ?? []) : [...nearest, ...missing];
  const cards = source.map((c) => annotate(c, center, !!address, now));
  const found = cards.map((c) => c.cuisine).filter((c) => c && !seen.has(c));
  if (found.length) setSeen(new Set([...seen, ...found]));
  const cuisines = [...new Set([...POPULAR_CUISINES, ...seen, ...found, ...(cuisine ? [cuisine] : [])])].sort((a, b) =>
    cuisineLabel(a).localeCompare(cuisineLabel(b), locale()),
  );
  const rows = cards.filter((c) => !cuisine || c.cuisine === cuisine).sort(order[sort]);
  const loading = submitted ? search.loading : nearby.loading && pages?.key !== key;
  const error = submitted ? search.error : nearby.error;

  return (
    <main class="page">
      <h1>
        {submitted
          ? t("list.resultsFor", { q: submitted })
          : t("list.near", { place: address ? address.line1 : CITY.name })}
      </h1>
      {!address && <p class="notice">{t("list.setAddress")}</p>}
      <form
        class="filters"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          setSubmitted(query.trim());
        }}
      >
        <label>
          {t("list.search")}
          <input
            type="search"
            value={query}
            placeholder={t("list.searchPlaceholder")}
            onInput={(e) => {
              const text = (e.target as HTMLInputElement).value;
              setQuery(text);
              if (!text.trim()) setSubmitted("");
            }}
          />
        </label>
        <button type="submit">{t("list.search")}</button>
        <label>
          {t("list.cuisine")}
          <select value={cuisine} onChange={(e) => setCuisine((e.target as HTMLSelectElement).value)}>
            <option value="">{t("list.allCuisines")}</option>
            {cuisines.map((c) => (
              <option key={c} value={c}>
                {cuisineLabel(c)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("list.sortBy")}
          <select value={sort} onChange={(e) => setSort((e.target as HTMLSelectElement).value as Sort)}>
            {(Object.keys(order) as Sort[]).map((s) => (
              <option key={s} value={s}>
                {t(`list.sort.${s}` as Key)}
              </option>
            ))}
          </select>
        </label>
      </form>
      {loading && <Loading what={t("list.loading")} />}
      {error !== undefined && <ErrorNote error={error} retry={submitted ? search.reload : nearby.reload} />}
      {!loading && rows.length === 0 && (
        <Empty>
          <p>
            {submitted ? t("list.nothingFor", { q: submitted }) : t("list.noMatch")}{" "}
            <button
              type="button"
              class="link"
              onClick={() => {
                setCuisine("");
                setQuery("");
                setSubmitted("");
              }}
            >
              {t("list.clear")}
            </button>
          </p>
        </Empty>
      )}
      <ul class="restaurants" aria-label={t("list.restaurants")}>
        {rows.map((r) => (
          <li
            key={r.id}
            class={`restaurant-card${r.delivers === false ? " out-of-zone" : ""}${r.open ? "" : " closed"}`}
            data-restaurant={r.id}
          >
            <a href={`/r/${r.id}`}>
              {r.imageUrl && <img class="thumb" src={r.imageUrl} alt="" width={64} height={64} loading="lazy" />}
              <div class="body">
                <h2>
                  {r.name}
                  {favourites.value.has(r.id) && (
                    <span class="fav" aria-label={t("list.favourite")} title={t("list.favourite")}>
                      {" "}
                      ♥
                    </span>
                  )}
                </h2>
                {r.available ? (
                  <p class="meta">
                    <span>{cuisineLabel(r.cuisine)}</span>
                    <span aria-label={tn("list.rating", r.ratingCount, { avg: decimal(r.ratingAvg) })}>
                      ★ {r.ratingCount ? decimal(r.ratingAvg) : t("list.new")}
                    </span>
                    <span>{t("list.deliveryFee", { fee: money(r.deliveryFee, r.currency) })}</span>
                    <span aria-label={t("list.minutesLabel", { n: r.minutes })}>
                      {t("list.minutes", { n: r.minutes })}
                    </span>
                    <span>{decimal(r.km)} km</span>
                  </p>
                ) : null}
                <p class="status">
                  {r.open ? <span class="open">{t("list.openNow")}</span> : <span class="closed">{r.closedText}</span>}
                  {r.delivers === false && <span class="zone">{t("list.outOfZone")}</span>}
                </p>
              </div>
            </a>
          </li>
        ))}
      </ul>
      {!submitted && pages?.key === key && pages.next && (
        <button type="button" class="secondary" disabled={more} onClick={loadMore}>
          {more ? t("list.loadingMore") : t("list.more")}
        </button>
      )}
    </main>
  );
}
