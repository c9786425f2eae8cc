// The menu's categories, in the order the menu shows them: added, moved up, or removed when unused.

import { useState } from "preact/hooks";
import { LIMITS, nameProblem } from "@domain";
import { updateRestaurant } from "../../../data/restaurants";
import { errorText } from "../../../components/format";
import { Outcome } from "../../../components/States";
import { useLookalikes } from "../../../components/useLookalikes";
import { loadLookalikes } from "../../../lookalikes";
import { t } from "../../../i18n";
import { problems } from "../../../i18n/work";

export function Categories({ rid, categories, used }: { rid: string; categories: string[]; used: string[] }) {
  const [name, setName] = useState("");
  const [error, setError] = useState("");
  useLookalikes();
  const save = async (next: string[]) => {
    setError("");
    try {
      await updateRestaurant(rid, { categories: next });
    } catch (err) {
      setError(errorText(err));
    }
  };
  const add = async (e: Event) => {
    e.preventDefault();
    const n = name.trim();
    if (!n || n.length > LIMITS.maxCategoryLength)
      return setError(t("menu.categoryLength", { max: LIMITS.maxCategoryLength }));
    await loadLookalikes();
    const plain = nameProblem(n, problems().fields.category, problems());
    if (plain) return setError(plain);
    if (categories.includes(n)) return setError(t("menu.categoryExists"));
    if (categories.length >= LIMITS.maxCategories)
      return setError(t("menu.categoryMax", { max: LIMITS.maxCategories }));
    setName("");
    void save([...categories, n]);
  };
  return (
    <section class="categories" aria-labelledby="cat-title">
      <h2 id="cat-title">{t("menu.categories")}</h2>
      <ul class="chips">
        {categories.map((c, i) => (
          <li key={c}>
            {c}
            {i > 0 && (
              <button
                type="button"
                class="link"
                aria-label={t("menu.moveUp", { name: c })}
                onClick={() => save([...categories.slice(0, i - 1), c, categories[i - 1], ...categories.slice(i + 1)])}
              >
                ↑
              </button>
            )}
            <button
              type="button"
              class="link"
              aria-label={t("menu.removeCategory", { name: c })}
              disabled={used.includes(c)}
              title={used.includes(c) ? t("menu.categoryUsed") : undefined}
              onClick={() => save(categories.filter((x) => x !== c))}
            >
              ✕
            </button>
          </li>
        ))}
      </ul>
      <form class="inline-form" onSubmit={add}>
        <label>
          {t("menu.newCategory")}
          <input
            value={name}
            maxLength={LIMITS.maxCategoryLength}
            onInput={(e) => setName((e.target as HTMLInputElement).value)}
          />
        </label>
        <button type="submit" class="secondary">
          {t("menu.addCategory")}
        </button>
      </form>
      <Outcome error={error} />
    </section>
  );
}
