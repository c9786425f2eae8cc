// A dish's option groups (a choice of size, extras and the like), each with its options and what
// they add to the price.

import { t } from "../../../i18n";
import type { Draft } from "./draft";

/** An id made from a name, unlike the ids already taken. */
const slug = (s: string, taken: string[]) => {
  const base =
    s
      .toLowerCase()
      .normalize("NFKD")
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "")
      .slice(0, 40) || "option";
  let id = base;
  for (let i = 2; taken.includes(id); i++) id = `${base}-${i}`;
  return id;
};

export function OptionGroups({ draft: d, set }: { draft: Draft; set: (patch: Partial<Draft>) => void }) {
  const setGroup = (i: number, patch: Partial<Draft["optionGroups"][number]>) =>
    set({ optionGroups: d.optionGroups.map((g, j) => (j === i ? { ...g, ...patch } : g)) });
  return (
    <fieldset>
      <legend>{t("menu.options")}</legend>
      {d.optionGroups.map((g, i) => (
        <div key={g.id} class="option-group">
          <div class="grid3">
            <label>
              {t("menu.group")}
              <input value={g.name} onInput={(e) => setGroup(i, { name: (e.target as HTMLInputElement).value })} />
            </label>
            <label>
              {t("menu.min")}
              <input
                type="number"
                min={0}
                value={g.min}
                onInput={(e) => setGroup(i, { min: Number((e.target as HTMLInputElement).value) })}
              />
            </label>
            <label>
              {t("menu.max")}
              <input
                type="number"
                min={1}
                value={g.max}
                onInput={(e) => setGroup(i, { max: Number((e.target as HTMLInputElement).value) })}
              />
            </label>
          </div>
          {g.options.map((o, k) => (
            <div key={o.id} class="grid3">
              <label>
                {t("menu.option")}
                <input
                  value={o.name}
                  onInput={(e) =>
                    setGroup(i, {
                      options: g.options.map((x, j) =>
                        j === k ? { ...x, name: (e.target as HTMLInputElement).value } : x,
                      ),
                    })
                  }
                />
              </label>
              <label>
                {t("menu.delta")}
                <input
                  value={o.delta}
                  onInput={(e) =>
                    setGroup(i, {
                      options: g.options.map((x, j) =>
                        j === k ? { ...x, delta: (e.target as HTMLInputElement).value } : x,
                      ),
                    })
                  }
                />
              </label>
              <button
                type="button"
                class="link"
                onClick={() => setGroup(i, { options: g.options.filter((_, j) => j !== k) })}
              >
                {t("menu.removeOption")}
              </button>
            </div>
          ))}
          <button
            type="button"
            class="secondary small"
            onClick={() =>
              setGroup(i, {
                options: [
                  ...g.options,
                  {
                    id: slug(
                      `option ${g.options.length + 1}`,
                      g.options.map((o) => o.id),
                    ),
                    name: "",
                    delta: "0.00",
                  },
                ],
              })
            }
          >
            {t("menu.addOption")}
          </button>
          <button
            type="button"
            class="link"
            onClick={() => set({ optionGroups: d.optionGroups.filter((_, j) => j !== i) })}
          >
            {t("menu.removeGroup")}
          </button>
        </div>
      ))}
      <button
        type="button"
        class="secondary small"
        onClick={() =>
          set({
            optionGroups: [
              ...d.optionGroups,
              {
                id: slug(
                  `group ${d.optionGroups.length + 1}`,
                  d.optionGroups.map((g) => g.id),
                ),
                name: "",
                min: 0,
                max: 1,
                options: [{ id: "option-1", name: "", delta: "0.00" }],
              },
            ],
          })
        }
      >
        {t("menu.addGroup")}
      </button>
    </fieldset>
  );
}
