// The menu endpoints. PUT /menu replaces the whole menu in one batch, all or nothing, after every
// dish has passed the same check the menu editor and the backend use (menuItemProblem); every
// problem found is listed with its place in the request. Dishes are matched to the ones there by
// the till's external_id, so they keep their Dishpatch ids (and carts holding them stay good).

import { createHash } from "node:crypto";
import { FieldValue, type Firestore } from "firebase-admin/firestore";
import {
  fromMenuItemDoc,
  LIMITS,
  menuItemProblem,
  OPTION_ID,
  paths,
  QUERIES,
  toMenuItemDoc,
  type Allergen,
  type Diet,
  type MenuItem,
  type OptionGroup,
} from "../domain";
import { adminQuery } from "../query";
import type { ApiCaller } from "./guard";
import { ApiProblem } from "./problem";
import type { MenuItemInputT, MenuItemView } from "./schemas";
import { menuItemView } from "./views";

/** Firestore takes at most 500 writes in one batch: the dishes, the removals and the restaurant. */
const MAX_WRITES = 500;

/** An option or group id from the till's id: the same one on every upload. */
function idFrom(externalId: string): string {
  return OPTION_ID.test(externalId)
    ? externalId
    : `x${createHash("sha256").update(externalId).digest("hex").slice(0, 20)}`;
}

function toMenuItem(input: MenuItemInputT, sortOrder: number): MenuItem & { sortOrder: number } {
  const groups: OptionGroup[] = (input.option_groups ?? []).map((g, i) => ({
    id: g.id ?? (g.external_id ? idFrom(g.external_id) : `g${i + 1}`),
    ...(g.external_id ? { externalId: g.external_id } : {}),
    name: g.name,
    min: g.min,
    max: g.max,
    options: g.options.map((o) => ({
      id: o.id ?? idFrom(o.external_id),
      externalId: o.external_id,
      name: o.name,
      priceDelta: o.price_delta,
    })),
  }));
  return {
    name: input.name,
    description: input.description ?? "",
    category: input.category,
    price: input.price,
    available: input.available ?? true,
    optionGroups: groups,
    ...(input.allergens ? { allergens: input.allergens as Allergen[] } : {}),
    ...(input.diet ? { diet: input.diet as Diet[] } : {}),
    ...(input.image_url ? { imageUrl: input.image_url } : {}),
    externalId: input.external_id,
    sortOrder,
  };
}

/** PUT /menu */
export async function replaceMenu(db: Firestore, caller: ApiCaller, items: MenuItemInputT[]) {
  const problems: { path: string; message: string }[] = [];
  const dishes = items.map((input, i) => toMenuItem(input, i));
  const seen = new Map<string, number>();
  dishes.forEach((dish, i) => {
    const problem = menuItemProblem(dish);
    if (problem) problems.push({ path: `/items/${i}`, message: problem });
    const first = seen.get(dish.externalId!);
    if (first !== undefined) {
      problems.push({ path: `/items/${i}/external_id`, message: `the same external_id as /items/${first}` });
    } else seen.set(dish.externalId!, i);
  });
  const categories = [...new Set(dishes.map((d) => d.category))];
  if (categories.length > LIMITS.maxCategories) {
    problems.push({ path: "/items", message: `at most ${LIMITS.maxCategories} categories` });
  }
  if (problems.length)
    throw new ApiProblem("invalid_menu", "Nothing was changed: the menu has problems.", { problems });

  const menu = await db.collection(paths.menu(caller.restaurantId)).get();
  const byExternal = new Map<string, string>();
  for (const d of menu.docs) {
    const ext = d.get("externalId");
    if (typeof ext === "string" && !byExternal.has(ext)) byExternal.set(ext, d.id);
  }
  const keep = new Set<string>();
  const batch = db.batch();
  const written: MenuItemView[] = [];
  for (const dish of dishes) {
    const known = byExternal.get(dish.externalId!);
    const ref = known
      ? db.doc(paths.menuItem(caller.restaurantId, known))
      : db.collection(paths.menu(caller.restaurantId)).doc();
    keep.add(ref.id);
    // Stored as every menu document is: option groups as text (domain/menuDoc.ts).
    batch.set(ref, { ...toMenuItemDoc(dish), updatedAt: FieldValue.serverTimestamp() });
    written.push(menuItemView(ref.id, dish));
  }
  const removed = menu.docs.filter((d) => !keep.has(d.id));
  if (dishes.length + removed.length + 1 > MAX_WRITES) {
    throw new ApiProblem("invalid_menu", "Nothing was changed: the menu is too large to replace in one go.", {
      problems: [{ path: "/items", message: `at most ${MAX_WRITES - 1} dishes written and removed together` }],
    });
  }
  for (const d of removed) batch.delete(d.ref);
  batch.update(db.doc(paths.restaurant(caller.restaurantId)), { categories, updatedAt: FieldValue.serverTimestamp() });
  await batch.commit();
  return { items: written };
}

/** PATCH /menu/items/{id}: the Dishpatch id, or the till's external_id. */
export async function patchMenuItem(
  db: Firestore,
  caller: ApiCaller,
  id: string,
  patch: { available?: boolean; price?: number },
): Promise<MenuItemView> {
  const notFound = new ApiProblem("not_found", "No dish with this id or external_id on the menu.");
  if (id.length === 0 || id.length > 128 || id.includes("/")) throw notFound;
  let snap = await db.doc(paths.menuItem(caller.restaurantId, id)).get();
  if (!snap.exists) {
    const found = await adminQuery(db, QUERIES.menuItemByExternalId(caller.restaurantId, id)).get();
    if (found.empty) throw notFound;
    snap = found.docs[0];
  }
  const changed = {
    ...(patch.available !== undefined ? { available: patch.available } : {}),
    ...(patch.price !== undefined ? { price: patch.price } : {}),
  };
  const problem = menuItemProblem(fromMenuItemDoc({ ...snap.data(), ...changed }));
  if (problem)
    throw new ApiProblem("invalid_menu", "Nothing was changed.", { problems: [{ path: "", message: problem }] });
  await snap.ref.update({ ...changed, updatedAt: FieldValue.serverTimestamp() });
  const ref = snap.ref;
  return menuItemView(ref.id, fromMenuItemDoc((await ref.get()).data()) as MenuItem);
}
