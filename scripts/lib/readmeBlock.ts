// The README's generated sections: each sits between `<!-- name:start (written by npm run
// command) -->` and `<!-- name:end -->`, and only its script writes what is between them, so that
// no figure there is typed by hand (bench, mutants, capacity).

import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "./config";

export interface ReadmeBlock {
  name: string;
  /** The npm script that writes it. */
  command: string;
}

export const README_PATH = join(ROOT, "README.md");

export function markersOf({ name, command }: ReadmeBlock) {
  return { start: `<!-- ${name}:start (written by npm run ${command}) -->`, end: `<!-- ${name}:end -->` };
}

/** What the block holds now (as written: a newline on either side), or null without its markers. */
export function readBlock(readme: string, block: ReadmeBlock): string | null {
  const { start, end } = markersOf(block);
  const from = readme.indexOf(start);
  const to = readme.indexOf(end);
  if (from < 0 || to < from) return null;
  return readme.slice(from + start.length, to);
}

/** The README with `body` as the block's content, or null without its markers. */
export function withBlock(readme: string, block: ReadmeBlock, body: string): string | null {
  const { start, end } = markersOf(block);
  const from = readme.indexOf(start);
  const to = readme.indexOf(end);
  if (from < 0 || to < from) return null;
  return `${readme.slice(0, from + start.length)}\n${body}\n${readme.slice(to)}`;
}

/** Writes the block into README.md; says so and returns false when its markers are missing. */
export function writeReadmeBlock(block: ReadmeBlock, body: string): boolean {
  const next = withBlock(readFileSync(README_PATH, "utf8"), block, body);
  if (next === null) {
    const { start, end } = markersOf(block);
    console.error(`npm run ${block.command}: README.md has no "${start}" … "${end}" block.`);
    return false;
  }
  writeFileSync(README_PATH, next);
  return true;
}
