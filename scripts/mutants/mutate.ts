// The mutants of firestore.rules, one change each, in a stable order (by position in the file,
// then by operator). Each has a key that names it by what it changes and where (the enclosing
// function or allow statement and the source line), not by line number, so the list of
// equivalent mutants stays valid while other parts of the rules change.

import { parseRules, positionOf, walk, type Expr, type ParsedRules, type RulesFunction } from "./rulesSyntax";

export const OPERATORS = {
  "and-or": "flip && and ||",
  "eq-ne": "flip == and !=",
  relational: "swap < with <= and > with >=",
  number: "shift a number by ±1",
  "drop-conjunct": "drop a conjunct",
  "function-true": "replace a function's body with true",
} as const;
export type Operator = keyof typeof OPERATORS;
const OPERATOR_ORDER = Object.keys(OPERATORS) as Operator[];

export interface Mutant {
  /** 1-based position in the full list. */
  id: number;
  operator: Operator;
  /** The replaced range of the original source. */
  start: number;
  end: number;
  replacement: string;
  line: number;
  column: number;
  /** The enclosing function or allow statement. */
  where: string;
  /** The source line where the change starts, before and after. */
  before: string;
  after: string;
  key: string;
}

const FLIP: Record<string, string> = {
  "&&": "||",
  "||": "&&",
  "==": "!=",
  "!=": "==",
  "<": "<=",
  "<=": "<",
  ">": ">=",
  ">=": ">",
};
const OPERATOR_OF: Record<string, Operator> = {
  "&&": "and-or",
  "||": "and-or",
  "==": "eq-ne",
  "!=": "eq-ne",
  "<": "relational",
  "<=": "relational",
  ">": "relational",
  ">=": "relational",
};
/** Methods and functions of the rules language that answer true or false. */
const BOOLEAN_CALLS = ["matches", "hasAll", "hasOnly", "hasAny", "exists", "existsAfter", "isSubsetOf"];
const BOOLEAN_OPS = ["&&", "||", "==", "!=", "<", "<=", ">", ">=", "in", "is"];

type Draft = Omit<Mutant, "id" | "line" | "column" | "where" | "before" | "after" | "key"> & { label: string };

const collapse = (s: string) => s.replace(/\s+/g, " ").trim();

/** Functions whose result is true or false: only their bodies may become `true`. */
function predicates(rules: ParsedRules): Set<RulesFunction> {
  const names = new Set<string>();
  const isBool = (e: Expr): boolean => {
    switch (e.kind) {
      case "binary":
        return BOOLEAN_OPS.includes(e.op.text);
      case "unary":
        return e.op.text === "!";
      case "literal":
        return e.token.text === "true" || e.token.text === "false";
      case "paren":
        return isBool(e.inner);
      case "ternary":
        return isBool(e.then) && isBool(e.otherwise);
      case "call":
        if (e.callee.kind === "ident") return names.has(e.callee.name) || BOOLEAN_CALLS.includes(e.callee.name);
        return e.callee.kind === "member" && BOOLEAN_CALLS.includes(e.callee.name);
      default:
        return false;
    }
  };
  // A predicate may be defined as a call of another one: repeat until nothing changes.
  for (let grew = true; grew;) {
    grew = false;
    for (const f of rules.functions) {
      if (!names.has(f.name) && isBool(f.returns)) {
        names.add(f.name);
        grew = true;
      }
    }
  }
  return new Set(rules.functions.filter((f) => names.has(f.name)));
}

/** The operands of every `a && b && …` chain, each chain once. */
function conjunctions(rules: ParsedRules): Expr[][] {
  const chains: Expr[][] = [];
  const leftOfAnd = new Set<Expr>();
  const roots = [...rules.functions.flatMap((f) => [...f.lets, f.returns]), ...rules.allows.map((a) => a.condition)];
  const isAnd = (e: Expr) => e.kind === "binary" && e.op.text === "&&";
  for (const root of roots) {
    walk(root, (e) => {
      if (e.kind === "binary" && isAnd(e) && isAnd(e.left)) leftOfAnd.add(e.left);
    });
    walk(root, (e) => {
      if (e.kind !== "binary" || !isAnd(e) || leftOfAnd.has(e)) return;
      const operands: Expr[] = [];
      const flatten = (x: Expr) => {
        if (x.kind === "binary" && isAnd(x)) {
          flatten(x.left);
          operands.push(x.right);
        } else operands.push(x);
      };
      flatten(e);
      chains.push(operands);
    });
  }
  return chains;
}

function drafts(rules: ParsedRules): Draft[] {
  const out: Draft[] = [];
  const { source } = rules;
  for (const t of rules.tokens) {
    if (t.kind === "op" && FLIP[t.text]) {
      out.push({ operator: OPERATOR_OF[t.text], start: t.start, end: t.end, replacement: FLIP[t.text], label: "" });
    } else if (t.kind === "number") {
      const value = Number(t.text);
      for (const shifted of [value - 1, value + 1]) {
        out.push({ operator: "number", start: t.start, end: t.end, replacement: String(shifted), label: "" });
      }
    }
  }
  for (const operands of conjunctions(rules)) {
    operands.forEach((o, i) => {
      const last = i === operands.length - 1;
      const start = last ? operands[i - 1].end : o.start;
      const end = last ? o.end : operands[i + 1].start;
      out.push({
        operator: "drop-conjunct",
        start,
        end,
        replacement: "",
        label: `drop ${collapse(source.slice(o.start, o.end))}`,
      });
    });
  }
  for (const f of predicates(rules)) {
    out.push({
      operator: "function-true",
      start: f.bodyStart,
      end: f.bodyEnd,
      replacement: "{ return true; }",
      label: `${f.name}() { return true; }`,
    });
  }
  return out;
}

function lineAt(text: string, offset: number): string {
  const from = text.lastIndexOf("\n", offset - 1) + 1;
  const to = text.indexOf("\n", offset);
  return text.slice(from, to < 0 ? text.length : to);
}

function enclosing(rules: ParsedRules, offset: number): string {
  const f = rules.functions.find((fn) => fn.bodyStart <= offset && offset < fn.bodyEnd);
  const shortScope = (scope: string) => scope.replace("/databases/{database}/documents", "") || "/";
  if (f) return `function ${f.name} (${shortScope(f.scope)})`;
  const a = rules.allows.find((al) => al.condition.start <= offset && offset < al.condition.end);
  if (a) return `allow ${a.methods.join(", ")} (${shortScope(a.scope)})`;
  return "top level";
}

export function applyMutant(source: string, m: Pick<Mutant, "start" | "end" | "replacement">): string {
  return source.slice(0, m.start) + m.replacement + source.slice(m.end);
}

/** Every mutant of `source`, in file order; a change that leaves the text as it was, or repeats
 * an earlier mutant's, is left out. */
export function mutantsOf(source: string): Mutant[] {
  const rules = parseRules(source);
  const sorted = drafts(rules).sort(
    (a, b) =>
      a.start - b.start ||
      OPERATOR_ORDER.indexOf(a.operator) - OPERATOR_ORDER.indexOf(b.operator) ||
      a.end - b.end ||
      a.replacement.localeCompare(b.replacement),
  );
  const seen = new Set<string>();
  const keys = new Map<string, number>();
  const mutants: Mutant[] = [];
  for (const d of sorted) {
    const edit = `${d.start}:${d.end}:${d.replacement}`;
    if (seen.has(edit) || source.slice(d.start, d.end) === d.replacement) continue;
    seen.add(edit);
    const text = applyMutant(source, d);
    const { line, column } = positionOf(source, d.start);
    const where = enclosing(rules, d.start);
    const before = lineAt(source, d.start).trim();
    const after = lineAt(text, d.start).trim();
    const change = d.label || `${collapse(source.slice(d.start, d.end))} → ${d.replacement}`;
    const base = [d.operator, where, collapse(before), change].join(" | ");
    const n = (keys.get(base) ?? 0) + 1;
    keys.set(base, n);
    mutants.push({
      id: mutants.length + 1,
      operator: d.operator,
      start: d.start,
      end: d.end,
      replacement: d.replacement,
      line,
      column,
      where,
      before,
      after,
      key: n === 1 ? base : `${base} #${n}`,
    });
  }
  return mutants;
}

/** A fixed sample of `size` mutants (all of them when there are fewer), in list order. */
export function sampleOf<T>(items: T[], size: number, seed: number): T[] {
  if (size >= items.length) return [...items];
  // mulberry32: a small seeded generator, so the same seed picks the same mutants everywhere.
  let state = seed >>> 0;
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const index = items.map((_, i) => i);
  for (let i = 0; i < size; i++) {
    const j = i + Math.floor(random() * (index.length - i));
    [index[i], index[j]] = [index[j], index[i]];
  }
  return index
    .slice(0, size)
    .sort((a, b) => a - b)
    .map((i) => items[i]);
}
