// `npm run capacity:readme`: writes the README's Capacity section from the domain's list of the
// documents each order writes (functions/src/domain/capacity.ts) and firestore.indexes.json,
// between the capacity markers, so that no figure there is typed by hand.

import { writeReadmeBlock } from "../lib/readmeBlock";
import { CAPACITY_BLOCK, markdown, readIndexFacts } from "./report";

if (!writeReadmeBlock(CAPACITY_BLOCK, markdown(readIndexFacts()))) process.exit(1);
console.log("README.md: capacity written from functions/src/domain/capacity.ts and firestore.indexes.json.");
