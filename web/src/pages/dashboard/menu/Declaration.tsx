// A dish's diets and, once someone has checked it, its declared allergens.

import { ALLERGENS, DIETS } from "@domain";
import { allergenLabel, dietLabel, t } from "../../../i18n";
import type { Draft } from "./draft";

export function Declaration({ draft: d, set }: { draft: Draft; set: (patch: Partial<Draft>) => void }) {
  return (
    <fieldset class="declaration">
      <legend>{t("menu.diet")}</legend>
      {DIETS.map((x) => (
        <label key={x} class="chip">
          <input
            type="checkbox"
            checked={d.diet.includes(x)}
            onChange={() => set({ diet: d.diet.includes(x) ? d.diet.filter((y) => y !== x) : [...d.diet, x] })}
          />
          {dietLabel(x)}
        </label>
      ))}
      <label class="inline declared">
        <input
          type="checkbox"
          checked={d.declared}
          onChange={(e) => set({ declared: (e.target as HTMLInputElement).checked })}
        />
        {t("menu.declared")}
      </label>
      {d.declared && (
        <div class="allergen-choice" role="group" aria-label={t("menu.contains")}>
          {ALLERGENS.map((a) => (
            <label key={a} class="chip">
              <input
                type="checkbox"
                checked={d.allergens.includes(a)}
                onChange={() =>
                  set({
                    allergens: d.allergens.includes(a) ? d.allergens.filter((y) => y !== a) : [...d.allergens, a],
                  })
                }
              />
              {allergenLabel(a)}
            </label>
          ))}
        </div>
      )}
    </fieldset>
  );
}
