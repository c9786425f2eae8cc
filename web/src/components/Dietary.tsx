// What is in a dish, as customers read it: diet badges, the declared allergens, and the filter
// on a restaurant's menu ("vegan", "without gluten").

import { ALLERGEN_LABELS, ALLERGENS, DIET_LABELS, DIETS, type DietFacts, type DishFilter } from "@domain";

export function DietBadges({ dish }: { dish: DietFacts }) {
  const diet = (dish.diet ?? []).filter((d) => !(d === "vegetarian" && dish.diet?.includes("vegan")));
  return (
    <>
      {diet.length > 0 && (
        <ul class="diet" aria-label="Diet">
          {diet.map((d) => (
            <li key={d} class={`diet-${d}`}>
              {DIET_LABELS[d as keyof typeof DIET_LABELS]}
            </li>
          ))}
        </ul>
      )}
      <p class="allergens">
        {dish.allergens === undefined
          ? "Allergens not declared: ask the restaurant."
          : dish.allergens.length === 0
            ? "No declared allergens."
            : `Contains: ${dish.allergens.map((a) => ALLERGEN_LABELS[a as keyof typeof ALLERGEN_LABELS]).join(", ")}`}
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
      <summary>Dietary filter{active > 0 ? ` (${active}) · ${shown} of ${total} dishes` : ""}</summary>
      <fieldset>
        <legend>Only</legend>
        {DIETS.filter((d) => d !== "spicy").map((d) => (
          <label key={d} class="chip">
            <input
              type="checkbox"
              checked={filter.diet.includes(d)}
              onChange={() => onChange({ ...filter, diet: toggle(filter.diet, d) })}
            />
            {DIET_LABELS[d]}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>Without</legend>
        {ALLERGENS.map((a) => (
          <label key={a} class="chip">
            <input
              type="checkbox"
              checked={filter.without.includes(a)}
              onChange={() => onChange({ ...filter, without: toggle(filter.without, a) })}
            />
            {ALLERGEN_LABELS[a]}
          </label>
        ))}
      </fieldset>
      {active > 0 && (
        <button type="button" class="link" onClick={() => onChange({ diet: [], without: [] })}>
          Clear filter
        </button>
      )}
    </details>
  );
}
