// Reads every document of the test project (every collection and subcollection, at any depth,
// documents that exist only as parents of others too), for a test that must show something is
// nowhere: a collection added tomorrow is scanned without being named here.

import type { CollectionReference, DocumentReference } from "firebase-admin/firestore";
import { adminDb } from "../../scripts/lib/clients";

export interface Scan {
  /** "<path> holds <needle>", for every document whose path or data holds a needle. */
  hits: string[];
  documents: number;
  collections: Set<string>;
}

const CHUNK = 100;

export async function scanEverything(needles: readonly string[]): Promise<Scan> {
  const scan: Scan = { hits: [], documents: 0, collections: new Set() };
  const look = (ref: DocumentReference, data: unknown) => {
    const text = `${ref.path}\n${data === undefined ? "" : JSON.stringify(data)}`;
    for (const n of needles) if (text.includes(n)) scan.hits.push(`${ref.path} holds ${n}`);
  };
  const visit = async (collection: CollectionReference): Promise<void> => {
    scan.collections.add(collection.id);
    const refs = await collection.listDocuments();
    for (let i = 0; i < refs.length; i += CHUNK) {
      const chunk = refs.slice(i, i + CHUNK);
      const snaps = await adminDb.getAll(...chunk);
      snaps.forEach((s) => look(s.ref, s.exists ? s.data() : undefined));
      scan.documents += snaps.length;
      const subs = await Promise.all(chunk.map((ref) => ref.listCollections()));
      for (const sub of subs.flat()) await visit(sub);
    }
  };
  for (const collection of await adminDb.listCollections()) await visit(collection);
  return scan;
}
