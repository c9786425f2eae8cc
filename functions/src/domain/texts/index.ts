// Every text the backend sends people, one file per language. The types make each language
// complete; tests/unit checks it again at run time.
import type { Language } from "../language";
import { de } from "./de";
import { en } from "./en";
import type { DomainTexts } from "./types";

export type { DomainTexts, Mention, Message } from "./types";

export const TEXTS: Record<Language, DomainTexts> = { en, de };
export { EN_PROBLEMS } from "./problems/en";
export type { ProblemTexts } from "./problems/types";
