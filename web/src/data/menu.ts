// A restaurant's menu: the live list customers and staff see, the staff's edits, and the dishes
// of a cart read fresh for the checkout's price check. Dishes are stored with their options as
// strings (domain/menuDoc.ts); everything here reads and writes them as MenuItem.
import { addDoc, collection, deleteDoc, doc, getDoc, serverTimestamp, updateDoc } from "firebase/firestore";
import { asMenuItem, menuFromDocs, toMenuItemDoc, paths, QUERIES, type MenuItem } from "@domain";
import { liveDb, liveQuery } from "../firebase/live";
import { useMemo } from "preact/hooks";
import { useLiveQuery } from "./live";

export type MenuEntry = MenuItem & { sortOrder?: number };

export function useMenu(rid: string) {
  const live = useLiveQuery<MenuEntry>(liveQuery(QUERIES.menu(rid)));
  return useMemo(() => (live.data ? { ...live, data: menuFromDocs(live.data) } : live), [live]);
}

export async function addMenuItem(rid: string, item: MenuEntry): Promise<string> {
  return (await addDoc(collection(liveDb, paths.menu(rid)), { ...toMenuItemDoc(item), updatedAt: serverTimestamp() }))
    .id;
}

export function updateMenuItem(rid: string, itemId: string, patch: Partial<MenuEntry>): Promise<void> {
  return updateDoc(doc(liveDb, paths.menuItem(rid, itemId)), { ...toMenuItemDoc(patch), updatedAt: serverTimestamp() });
}

export function deleteMenuItem(rid: string, itemId: string): Promise<void> {
  return deleteDoc(doc(liveDb, paths.menuItem(rid, itemId)));
}

/** The dishes with these ids as they are now; malformed or missing ones are left out. */
export async function readDishes(rid: string, ids: string[]): Promise<Map<string, MenuItem>> {
  const menu = new Map<string, MenuItem>();
  await Promise.all(
    [...new Set(ids)].map(async (id) => {
      const snap = await getDoc(doc(liveDb, paths.menuItem(rid, id)));
      const item = snap.exists() ? asMenuItem(snap.data()) : null;
      if (item) menu.set(id, item);
    }),
  );
  return menu;
}
