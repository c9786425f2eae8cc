// What is in a dish, as customers read it: diet badges, the declared allergens, and the filter
// on a restaurant's menu ("vegan", "without gluten").

import { ALLERGENS, DIETS, type Allergen, type Diet, type DietFacts, type DishFilter } from "@domain";
import { allergenLabel, dietLabel, t } from "../i18n";

export function DietBadges({ dish }: { dish: DietFacts }) {
  const diet = (dish.diet ?? []).filter((d) => !(d === "vegetarian" && dish.diet?.includes("vegan")));
  return (
    <>
      {diet.length > 0 && (
        <ul class="diet" aria-label={t("dish.diet")}>
          {diet.map((d) => (
            <li key={d} class={`diet-${d}`}>
              {dietLabel(d as Diet)}
            </li>
          ))}
        </ul>
      )}
      <p class="allergens">
        {dish.allergens === undefined
          ? t("dish.undeclared")
          : dish.allergens.length === 0
            ? t("dish.noAllergens")
            : t("dish.contains", { list: dish.allergens.map((a) => allergenLabel(a as Allergen)).join(", ") })}
      </p>
    </>
  );
}

export function DishFilterBar({
  filter,
  onChange,
  shown,
  total,
}: {
  filter: DishFilter;
  onChange: (f: DishFilter) => void;
  shown: number;
  total: number;
}) {
  const toggle = <T,>(list: T[], v: T) => (list.includes(v) ? list.filter((x) => x !== v) : [...list, v]);
  const active = filter.diet.length + filter.without.length;
  return (
    <details class="dish-filter">
      <summary>
        {t("filter.title")}
        {active > 0 ? ` (${active}) · ${t("filter.shown", { shown, total })}` : ""}
      </summary>
      <fieldset>
        <legend>{t("filter.only")}</legend>
        {DIETS.filter((d) => d !== "spicy").map((d) => (
          <label key={d} class="chip">
            <input
              type="checkbox"
              checked={filter.diet.includes(d)}
              onChange={() => onChange({ ...filter, diet: toggle(filter.diet, d) })}
            />
            {dietLabel(d)}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t("filter.without")}</legend>
        {ALLERGENS.map((a) => (
          <label key={a} class="chip">
            <input
              type="checkbox"
              checked={filter.without.includes(a)}
              onChange={() => onChange({ ...filter, without: toggle(filter.without, a) })}
            />
            {allergenLabel(a)}
          </label>
        ))}
      </fieldset>
      {active > 0 && (
        <button type="button" class="link" onClick={() => onChange({ diet: [], without: [] })}>
          {t("filter.clear")}
        </button>
      )}
    </details>
  );
}
