// Menu management. The form checks a dish with menuItemProblem (what the backend and, for the
// top-level fields, the rules check) so it says what is wrong before a write is refused.

import { useState } from "preact/hooks";
import { deleteField } from "firebase/firestore";
import {
  ALLERGENS,
  DIETS,
  LIMITS,
  menuItemProblem,
  nameProblem,
  parseCents,
  photoRule,
  type Allergen,
  type Diet,
  type MenuItem,
  type OptionGroup,
} from "@domain";
import type { LiveRow } from "../../data/live";
import { addMenuItem, deleteMenuItem, updateMenuItem, useMenu, type MenuEntry } from "../../data/menu";
import { updateRestaurant } from "../../data/restaurants";
import { useDashboard } from "./context";
import { amountInput, errorText, money } from "../../components/format";
import { ErrorNote, Loading, Outcome } from "../../components/States";
import { useLookalikes } from "../../components/useLookalikes";
import { loadLookalikes } from "../../lookalikes";
import { allergenLabel, dietLabel, t } from "../../i18n";
import { problems } from "../../i18n/work";
import { TableBox } from "../../components/TableBox";

type Dish = LiveRow<MenuEntry>;

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

/** The menu: the owner edits it; the kitchen marks dishes sold out (and back). */
export function MenuEditor() {
  const { rid, owner, restaurant } = useDashboard();
  const items = useMenu(rid);
  const [editing, setEditing] = useState<Dish | "new" | null>(null);
  const [error, setError] = useState("");
  if (items.error) return <ErrorNote error={items.error} />;
  if (!items.data || !restaurant.data) return <Loading what={t("rp.loadingMenu")} />;
  const categories = restaurant.data.categories ?? [];
  // The menu shows this many dishes at most (its query's limit).
  const full = items.data.length >= LIMITS.maxMenuItems;

  const toggle = async (item: Dish) => {
    setError("");
    try {
      await updateMenuItem(rid, item.id, { available: !item.available });
    } catch (err) {
      setError(errorText(err));
    }
  };

  return (
    <section class="menu-editor">
      {owner && <Categories rid={rid} categories={categories} used={items.data.map((i) => i.category)} />}
      <div class="row">
        <h2>{t("menu.dishes")}</h2>
        {owner && (
          <button type="button" onClick={() => setEditing("new")} disabled={full}>
            {t("menu.addDish")}
          </button>
        )}
      </div>
      {owner && full && <p class="hint">{t("menu.full", { n: LIMITS.maxMenuItems })}</p>}
      {!owner && <p class="muted">{t("menu.kitchenNote")}</p>}
      <Outcome error={error} />
      {editing && (
        <ItemForm
          rid={rid}
          categories={categories}
          item={editing === "new" ? null : editing}
          nextSort={Math.max(0, ...items.data.map((i) => i.sortOrder ?? 0)) + 1}
          onDone={() => setEditing(null)}
        />
      )}
      <TableBox label={t("menu.dishes")}>
        <table class="menu-table">
          <thead>
            <tr>
              <th>{t("menu.dish")}</th>
              <th>{t("menu.category")}</th>
              <th>{t("menu.priceShort")}</th>
              <th>{t("menu.available")}</th>
              <th>
                <span class="sr-only">{t("menu.actions")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {items.data.map((item) => (
              <tr key={item.id} data-item={item.name}>
                <td>{item.name}</td>
                <td>{item.category}</td>
                <td>{money(item.price)}</td>
                <td>
                  <label class="switch">
                    <input
                      type="checkbox"
                      checked={item.available}
                      onChange={() => toggle(item)}
                      aria-label={t("menu.availableLabel", { name: item.name })}
                    />
                    <span>{item.available ? t("menu.available") : t("rp.soldOut")}</span>
                  </label>
                </td>
                <td>
                  {owner && (
                    <button type="button" class="link" onClick={() => setEditing(item)}>
                      {t("ap.edit")}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableBox>
    </section>
  );
}

function Categories({ rid, categories, used }: { rid: string; categories: string[]; used: string[] }) {
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

interface Draft {
  name: string;
  description: string;
  category: string;
  price: string;
  available: boolean;
  /** Whether the allergens below are a declaration; off for a dish nobody has checked yet. */
  declared: boolean;
  allergens: Allergen[];
  diet: Diet[];
  imageUrl: string;
  optionGroups: (Omit<OptionGroup, "options"> & { options: { id: string; name: string; delta: string }[] })[];
}

function toDraft(item: Dish | null, categories: string[]): Draft {
  return {
    name: item?.name ?? "",
    description: item?.description ?? "",
    category: item?.category ?? categories[0] ?? "",
    price: item ? amountInput(item.price) : "",
    available: item?.available ?? true,
    declared: item ? item.allergens !== undefined : true,
    allergens: item?.allergens ?? [],
    diet: item?.diet ?? [],
    imageUrl: item?.imageUrl ?? "",
    optionGroups: (item?.optionGroups ?? []).map((g) => ({
      ...g,
      options: g.options.map((o) => ({
        id: o.id,
        name: o.name,
        delta: (o.priceDelta < 0 ? "-" : "") + amountInput(Math.abs(o.priceDelta)),
      })),
    })),
  };
}

/** The document to write, or the reason it cannot be written. */
function fromDraft(d: Draft): { item: MenuItem } | { problem: string } {
  const price = parseCents(d.price);
  if (price === null) return { problem: t("menu.priceProblem") };
  const optionGroups: OptionGroup[] = [];
  for (const g of d.optionGroups) {
    const options = [];
    for (const o of g.options) {
      const negative = o.delta.trim().startsWith("-");
      const cents = parseCents(o.delta.trim().replace(/^[-+]/, "") || "0");
      if (cents === null) return { problem: t("menu.deltaProblem", { name: o.name }) };
      options.push({ id: o.id, name: o.name.trim(), priceDelta: negative ? -cents : cents });
    }
    optionGroups.push({ id: g.id, name: g.name.trim(), min: Number(g.min), max: Number(g.max), options });
  }
  const item: MenuItem = {
    name: d.name.trim(),
    description: d.description.trim(),
    category: d.category.trim(),
    price,
    available: d.available,
    optionGroups,
    ...(d.declared ? { allergens: ALLERGENS.filter((a) => d.allergens.includes(a)) } : {}),
    diet: DIETS.filter((x) => d.diet.includes(x)),
    ...(d.imageUrl.trim() ? { imageUrl: d.imageUrl.trim() } : {}),
  };
  const problem = menuItemProblem(item, problems());
  return problem ? { problem } : { item };
}

function ItemForm({
  rid,
  categories,
  item,
  nextSort,
  onDone,
}: {
  rid: string;
  categories: string[];
  item: Dish | null;
  nextSort: number;
  onDone: () => void;
}) {
  const [d, setD] = useState<Draft>(() => toDraft(item, categories));
  const [error, setError] = useState("");
  const [confirmDelete, setConfirmDelete] = useState(false);
  useLookalikes(); // renders again with the full check of names once the data is there
  const checked = fromDraft(d);
  const set = (patch: Partial<Draft>) => setD({ ...d, ...patch });
  const setGroup = (i: number, patch: Partial<Draft["optionGroups"][number]>) =>
    set({ optionGroups: d.optionGroups.map((g, j) => (j === i ? { ...g, ...patch } : g)) });

  const save = async (e: Event) => {
    e.preventDefault();
    await loadLookalikes();
    const checked = fromDraft(d);
    if ("problem" in checked) return setError(checked.problem);
    setError("");
    try {
      // Fields the form left empty are removed from a saved dish, not left as they were.
      const cleared = {
        ...(checked.item.allergens ? {} : { allergens: deleteField() }),
        ...(checked.item.imageUrl ? {} : { imageUrl: deleteField() }),
      } as Partial<MenuEntry>;
      if (item) await updateMenuItem(rid, item.id, { ...checked.item, ...cleared });
      else await addMenuItem(rid, { ...checked.item, sortOrder: nextSort });
      onDone();
    } catch (err) {
      setError(errorText(err));
    }
  };
  const remove = async () => {
    try {
      await deleteMenuItem(rid, item!.id);
      onDone();
    } catch (err) {
      setError(errorText(err));
    }
  };

  return (
    <form
      class="item-form stack"
      onSubmit={save}
      aria-label={item ? t("ap.editLabel", { name: item.name }) : t("menu.newDish")}
    >
      <h3>{item ? t("ap.editLabel", { name: item.name }) : t("menu.newDish")}</h3>
      <div class="grid2">
        <label>
          {t("menu.name")}
          <input
            value={d.name}
            maxLength={LIMITS.maxNameLength}
            required
            onInput={(e) => set({ name: (e.target as HTMLInputElement).value })}
          />
        </label>
        <label>
          {t("menu.price")}
          <input
            value={d.price}
            inputMode="decimal"
            required
            placeholder="9.50"
            onInput={(e) => set({ price: (e.target as HTMLInputElement).value })}
          />
        </label>
        <label>
          {t("menu.category")}
          <select value={d.category} onChange={(e) => set({ category: (e.target as HTMLSelectElement).value })}>
            {categories.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </label>
        <label class="inline">
          <input
            type="checkbox"
            checked={d.available}
            onChange={(e) => set({ available: (e.target as HTMLInputElement).checked })}
          />{" "}
          {t("menu.available")}
        </label>
      </div>
      <label>
        {t("menu.description")}
        <textarea
          value={d.description}
          maxLength={LIMITS.maxDescriptionLength}
          onInput={(e) => set({ description: (e.target as HTMLTextAreaElement).value })}
        />
      </label>
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
      <label>
        {t("set.photo")}
        <input
          value={d.imageUrl}
          inputMode="url"
          placeholder="https://firebasestorage.googleapis.com/…"
          onInput={(e) => set({ imageUrl: (e.target as HTMLInputElement).value })}
        />
        <small>{photoRule(problems())}</small>
      </label>
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
      {"problem" in checked && (
        <p class="hint" data-testid="item-problem">
          {checked.problem}
        </p>
      )}
      <Outcome error={error} />
      <div class="actions">
        <button type="submit" disabled={"problem" in checked}>
          {t("menu.save")}
        </button>
        <button type="button" class="secondary" onClick={onDone}>
          {t("opt.cancel")}
        </button>
        {item && !confirmDelete && (
          <button type="button" class="danger" onClick={() => setConfirmDelete(true)}>
            {t("menu.delete")}
          </button>
        )}
        {item && confirmDelete && (
          <button type="button" class="danger" onClick={remove}>
            {t("menu.reallyDelete", { name: item.name })}
          </button>
        )}
      </div>
    </form>
  );
}
