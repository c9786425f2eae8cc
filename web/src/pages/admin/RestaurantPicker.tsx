// The admin's way to choose one restaurant among thousands: a word of its name, cuisine or a dish
// finds it (the backend's search words), ten at a time. Nothing is read before a word is typed.

import { useEffect, useRef, useState } from "preact/hooks";
import { findRestaurants, type RestaurantChoice, type RestaurantPage } from "../../data/restaurants";
import { errorText } from "../../components/format";
import { t } from "../../i18n";

const TYPING_PAUSE_MS = 250;

export function RestaurantPicker({
  label,
  value,
  onChange,
  none,
}: {
  label: string;
  value: RestaurantChoice | null;
  onChange: (choice: RestaurantChoice | null) => void;
  /** What no choice means, where none is allowed ("All restaurants"). */
  none?: string;
}) {
  const [text, setText] = useState("");
  const [found, setFound] = useState<{ q: string; items: RestaurantChoice[]; next: RestaurantPage["next"] } | null>(
    null,
  );
  const [error, setError] = useState("");
  const asked = useRef(0);

  useEffect(() => {
    const q = text.trim();
    const ask = ++asked.current;
    const timer = setTimeout(() => {
      findRestaurants(q).then(
        (page) => {
          if (ask !== asked.current) return; // a later word is on its way
          setError("");
          setFound(page && { q, ...page });
        },
        (err: unknown) => ask === asked.current && setError(errorText(err)),
      );
    }, TYPING_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [text]);

  const more = () => {
    if (!found?.next) return;
    const ask = asked.current;
    findRestaurants(found.q, found.next).then(
      (page) => {
        if (ask !== asked.current || !page) return;
        setFound({ q: found.q, items: [...found.items, ...page.items], next: page.next });
      },
      (err: unknown) => setError(errorText(err)),
    );
  };

  return (
    <fieldset class="picker" data-testid="restaurant-picker">
      <legend>{label}</legend>
      {value ? (
        <p class="picked">
          <span data-testid="picked">{t("pick.chosen", { name: value.name })}</span>{" "}
          <button type="button" class="secondary small" onClick={() => onChange(null)}>
            {t("pick.change")}
          </button>
        </p>
      ) : (
        <>
          {none && <p class="picked">{none}</p>}
          <label>
            {t("pick.find")}
            <input type="search" value={text} onInput={(e) => setText((e.target as HTMLInputElement).value)} />
            <small>{t("pick.hint")}</small>
          </label>
          {found && found.items.length === 0 && <p class="hint">{t("pick.none", { q: found.q })}</p>}
          {found && found.items.length > 0 && (
            <ul class="pick-list" aria-label={t("pick.results", { q: found.q })}>
              {found.items.map((r) => (
                <li key={r.id}>
                  <button type="button" class="secondary" data-restaurant={r.id} onClick={() => onChange(r)}>
                    {r.name} <small>{r.line1}</small>
                  </button>
                </li>
              ))}
            </ul>
          )}
          {found?.next && (
            <button type="button" class="secondary small" onClick={more}>
              {t("pick.more")}
            </button>
          )}
        </>
      )}
      {error && <p class="error">{error}</p>}
    </fieldset>
  );
}
