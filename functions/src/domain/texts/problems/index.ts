// What the validators say, one file per language; the types make each language complete.
import type { Language } from "../../language";
import { DE_PROBLEMS } from "./de";
import { EN_PROBLEMS } from "./en";
import type { ProblemTexts } from "./types";

export type { ProblemTexts } from "./types";
export { EN_PROBLEMS } from "./en";

export const PROBLEMS: Record<Language, ProblemTexts> = { en: EN_PROBLEMS, de: DE_PROBLEMS };
