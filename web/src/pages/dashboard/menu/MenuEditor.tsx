// Menu management: the dishes in a table, the form for one dish (ItemForm) and, for the owner, the
// categories.

import { useState } from "preact/hooks";
import { LIMITS } from "@domain";
import { updateMenuItem, useMenu } from "../../../data/menu";
import { useDashboard } from "../context";
import { errorText, money } from "../../../components/format";
import { ErrorNote, Loading, Outcome } from "../../../components/States";
import { t } from "../../../i18n";
import { TableBox } from "../../../components/TableBox";
import { Categories } from "./Categories";
import type { Dish } from "./draft";
import { ItemForm } from "./ItemForm";

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
