// Reads firestore.rules far enough to mutate it: tokens with their offsets (strings, comments and
// match paths are never split), the expressions of every function and allow statement as trees,
// and each function's body. Only the subset of the rules language the project uses is parsed; a
// construct it does not know is an error rather than a silent skip.

export interface Token {
  kind: "number" | "string" | "ident" | "op";
  text: string;
  start: number;
  end: number;
}

export type Expr =
  | { kind: "literal"; token: Token; start: number; end: number }
  | { kind: "ident"; name: string; start: number; end: number }
  | { kind: "path"; parts: Expr[]; start: number; end: number }
  | { kind: "paren"; inner: Expr; start: number; end: number }
  | { kind: "list"; items: Expr[]; start: number; end: number }
  | { kind: "map"; entries: [Expr, Expr][]; start: number; end: number }
  | { kind: "unary"; op: Token; arg: Expr; start: number; end: number }
  | { kind: "binary"; op: Token; left: Expr; right: Expr; start: number; end: number }
  | { kind: "ternary"; test: Expr; then: Expr; otherwise: Expr; start: number; end: number }
  | { kind: "member"; object: Expr; name: string; start: number; end: number }
  | { kind: "index"; object: Expr; index: Expr; start: number; end: number }
  | { kind: "call"; callee: Expr; args: Expr[]; start: number; end: number };

export interface RulesFunction {
  name: string;
  /** Where the function is declared: the match paths around it. */
  scope: string;
  /** The body's braces, both included. */
  bodyStart: number;
  bodyEnd: number;
  lets: Expr[];
  returns: Expr;
}

export interface AllowStatement {
  methods: string[];
  scope: string;
  condition: Expr;
}

export interface ParsedRules {
  source: string;
  tokens: Token[];
  functions: RulesFunction[];
  allows: AllowStatement[];
}

const OPERATORS = ["&&", "||", "==", "!=", "<=", ">=", "<", ">", "!", "=", "+", "-", "*", "/", "%", "."];
const PUNCTUATION = ",;:()[]{}$?";

export class RulesSyntaxError extends Error {
  constructor(message: string, source: string, offset: number) {
    const { line, column } = positionOf(source, offset);
    super(`firestore.rules ${line}:${column}: ${message}`);
  }
}

/** 1-based line and column of an offset. */
export function positionOf(source: string, offset: number): { line: number; column: number } {
  const before = source.slice(0, offset);
  const line = before.split("\n").length;
  return { line, column: offset - before.lastIndexOf("\n") };
}

export function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const c = source[i];
    if (/\s/.test(c)) {
      i++;
    } else if (source.startsWith("//", i)) {
      i = source.indexOf("\n", i) < 0 ? source.length : source.indexOf("\n", i);
    } else if (source.startsWith("/*", i)) {
      const end = source.indexOf("*/", i + 2);
      if (end < 0) throw new RulesSyntaxError("unterminated comment", source, i);
      i = end + 2;
    } else if (c === "'" || c === '"') {
      let j = i + 1;
      while (j < source.length && source[j] !== c) j += source[j] === "\\" ? 2 : 1;
      if (j >= source.length) throw new RulesSyntaxError("unterminated string", source, i);
      tokens.push({ kind: "string", text: source.slice(i, j + 1), start: i, end: j + 1 });
      i = j + 1;
    } else if (/[0-9]/.test(c)) {
      const m = /^[0-9]+(\.[0-9]+)?/.exec(source.slice(i))!;
      tokens.push({ kind: "number", text: m[0], start: i, end: i + m[0].length });
      i += m[0].length;
    } else if (/[A-Za-z_]/.test(c)) {
      const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(source.slice(i))!;
      tokens.push({ kind: "ident", text: m[0], start: i, end: i + m[0].length });
      i += m[0].length;
    } else {
      const op = OPERATORS.find((o) => source.startsWith(o, i)) ?? (PUNCTUATION.includes(c) ? c : undefined);
      if (!op) throw new RulesSyntaxError(`unexpected character ${JSON.stringify(c)}`, source, i);
      tokens.push({ kind: "op", text: op, start: i, end: i + op.length });
      i += op.length;
    }
  }
  return tokens;
}

/** Binding power of the binary operators, loosest first (the rules language's precedence). */
const BINARY: Record<string, number> = {
  "||": 1,
  "&&": 2,
  "==": 3,
  "!=": 3,
  is: 4,
  in: 5,
  "<": 6,
  "<=": 6,
  ">": 6,
  ">=": 6,
  "+": 7,
  "-": 7,
  "*": 8,
  "/": 8,
  "%": 8,
};

class Parser {
  private pos = 0;
  readonly functions: RulesFunction[] = [];
  readonly allows: AllowStatement[] = [];

  constructor(
    private readonly source: string,
    private readonly tokens: Token[],
  ) {}

  private peek(offset = 0): Token | undefined {
    return this.tokens[this.pos + offset];
  }

  private fail(message: string): never {
    throw new RulesSyntaxError(message, this.source, this.peek()?.start ?? this.source.length);
  }

  private is(text: string): boolean {
    return this.peek()?.text === text && this.peek()?.kind !== "string";
  }

  private take(text?: string): Token {
    const t = this.peek();
    if (!t) this.fail(`expected ${text ?? "more"} but the file ended`);
    if (text !== undefined && (t.text !== text || t.kind === "string"))
      this.fail(`expected "${text}", found "${t.text}"`);
    this.pos++;
    return t;
  }

  file(): void {
    if (this.is("rules_version")) {
      this.take("rules_version");
      this.take("=");
      this.take();
      this.take(";");
    }
    this.take("service");
    while (!this.is("{")) this.take();
    this.block("");
    if (this.peek()) this.fail("unexpected text after the service block");
  }

  /** A `{ … }` holding matches, functions and allow statements. */
  private block(scope: string): void {
    this.take("{");
    while (!this.is("}")) {
      if (this.is("match")) this.match(scope);
      else if (this.is("function")) this.func(scope);
      else if (this.is("allow")) this.allow(scope);
      else this.fail(`unexpected "${this.peek()?.text}" in a block`);
    }
    this.take("}");
  }

  private match(scope: string): void {
    this.take("match");
    const start = this.peek()!.start;
    while (!(this.is("{") && this.peek(-1)?.text !== "/")) {
      if (this.is("{")) {
        while (!this.is("}")) this.take();
      }
      this.take();
    }
    const path = this.source.slice(start, this.peek(-1)!.end);
    this.block(scope + path);
  }

  private func(scope: string): void {
    this.take("function");
    const name = this.take().text;
    this.take("(");
    while (!this.is(")")) this.take();
    this.take(")");
    const bodyStart = this.take("{").start;
    const lets: Expr[] = [];
    while (this.is("let")) {
      this.take("let");
      this.take();
      this.take("=");
      lets.push(this.expr());
      this.take(";");
    }
    this.take("return");
    const returns = this.expr();
    if (this.is(";")) this.take(";");
    const bodyEnd = this.take("}").end;
    this.functions.push({ name, scope: scope || "/", bodyStart, bodyEnd, lets, returns });
  }

  private allow(scope: string): void {
    this.take("allow");
    const methods: string[] = [this.take().text];
    while (this.is(",")) {
      this.take(",");
      methods.push(this.take().text);
    }
    this.take(":");
    this.take("if");
    const condition = this.expr();
    this.take(";");
    this.allows.push({ methods, scope, condition });
  }

  expr(minPower = 0): Expr {
    let left = this.unary();
    for (;;) {
      const t = this.peek();
      if (t && t.text === "?" && minPower === 0) {
        this.take("?");
        const then = this.expr();
        this.take(":");
        const otherwise = this.expr();
        left = { kind: "ternary", test: left, then, otherwise, start: left.start, end: otherwise.end };
        continue;
      }
      const power = t && t.kind !== "string" && Object.hasOwn(BINARY, t.text) ? BINARY[t.text] : undefined;
      if (power === undefined || power <= minPower) return left;
      this.pos++;
      const right = this.expr(power);
      left = { kind: "binary", op: t!, left, right, start: left.start, end: right.end };
    }
  }

  private unary(): Expr {
    if (this.is("!") || this.is("-")) {
      const op = this.take();
      const arg = this.unary();
      return { kind: "unary", op, arg, start: op.start, end: arg.end };
    }
    return this.postfix(this.primary());
  }

  private postfix(e: Expr): Expr {
    for (;;) {
      if (this.is(".")) {
        this.take(".");
        const name = this.take();
        e = { kind: "member", object: e, name: name.text, start: e.start, end: name.end };
      } else if (this.is("(")) {
        const args = this.list("(", ")");
        e = { kind: "call", callee: e, args, start: e.start, end: this.peek(-1)!.end };
      } else if (this.is("[")) {
        this.take("[");
        const index = this.expr();
        const close = this.take("]");
        e = { kind: "index", object: e, index, start: e.start, end: close.end };
      } else {
        return e;
      }
    }
  }

  private list(open: string, close: string): Expr[] {
    this.take(open);
    const items: Expr[] = [];
    while (!this.is(close)) {
      items.push(this.expr());
      if (!this.is(close)) this.take(",");
    }
    this.take(close);
    return items;
  }

  private primary(): Expr {
    const t = this.peek();
    if (!t) this.fail("expected an expression");
    if (t.kind === "number" || t.kind === "string") {
      this.pos++;
      return { kind: "literal", token: t, start: t.start, end: t.end };
    }
    if (t.kind === "ident") {
      this.pos++;
      return ["true", "false", "null"].includes(t.text)
        ? { kind: "literal", token: t, start: t.start, end: t.end }
        : { kind: "ident", name: t.text, start: t.start, end: t.end };
    }
    if (t.text === "(") {
      this.take("(");
      const inner = this.expr();
      const close = this.take(")");
      return { kind: "paren", inner, start: t.start, end: close.end };
    }
    if (t.text === "[") {
      const items = this.list("[", "]");
      return { kind: "list", items, start: t.start, end: this.peek(-1)!.end };
    }
    if (t.text === "{") {
      this.take("{");
      const entries: [Expr, Expr][] = [];
      while (!this.is("}")) {
        const key = this.expr();
        this.take(":");
        entries.push([key, this.expr()]);
        if (!this.is("}")) this.take(",");
      }
      const close = this.take("}");
      return { kind: "map", entries, start: t.start, end: close.end };
    }
    if (t.text === "/") return this.path();
    this.fail(`unexpected "${t.text}" in an expression`);
  }

  /** A document path such as /databases/$(database)/documents/orders/$(id). */
  private path(): Expr {
    const start = this.peek()!.start;
    const parts: Expr[] = [];
    while (this.is("/")) {
      this.take("/");
      if (this.is("$")) {
        this.take("$");
        this.take("(");
        parts.push(this.expr());
        this.take(")");
      } else {
        const seg = this.take();
        if (seg.kind !== "ident") this.fail("expected a path segment");
      }
    }
    return { kind: "path", parts, start, end: this.peek(-1)!.end };
  }
}

export function parseRules(source: string): ParsedRules {
  const tokens = tokenize(source);
  const parser = new Parser(source, tokens);
  parser.file();
  return { source, tokens, functions: parser.functions, allows: parser.allows };
}

/** Every sub-expression of `e`, `e` first. */
export function walk(e: Expr, visit: (e: Expr) => void): void {
  visit(e);
  const children: Expr[] = (() => {
    switch (e.kind) {
      case "path":
        return e.parts;
      case "paren":
        return [e.inner];
      case "list":
        return e.items;
      case "map":
        return e.entries.flat();
      case "unary":
        return [e.arg];
      case "binary":
        return [e.left, e.right];
      case "ternary":
        return [e.test, e.then, e.otherwise];
      case "member":
        return [e.object];
      case "index":
        return [e.object, e.index];
      case "call":
        return [e.callee, ...e.args];
      default:
        return [];
    }
  })();
  for (const c of children) walk(c, visit);
}
