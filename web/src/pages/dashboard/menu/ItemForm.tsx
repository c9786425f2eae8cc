// The form for one dish, new or saved: its fields, the problem fromDraft finds, save, and delete
// after a second click.

import { useState } from "preact/hooks";
import { deleteField } from "firebase/firestore";
import { LIMITS, photoRule } from "@domain";
import { addMenuItem, deleteMenuItem, updateMenuItem, type MenuEntry } from "../../../data/menu";
import { errorText } from "../../../components/format";
import { Outcome } from "../../../components/States";
import { useLookalikes } from "../../../components/useLookalikes";
import { loadLookalikes } from "../../../lookalikes";
import { t } from "../../../i18n";
import { problems } from "../../../i18n/work";
import { Declaration } from "./Declaration";
import { fromDraft, toDraft, type Dish, type Draft } from "./draft";
import { OptionGroups } from "./OptionGroups";

export function ItemForm({
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
      <Declaration draft={d} set={set} />
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
      <OptionGroups draft={d} set={set} />
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
