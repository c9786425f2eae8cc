// Mutants of firestore.rules that survive because they mean the same as the rules as written:
// no test can tell them apart. Each is named by its key (the runner's report prints it beside
// every survivor) and says why. A key that no longer matches a mutant shows up in the README as
// such, to be looked at again.

export const EQUIVALENT: { key: string; reason: string }[] = [];

export function equivalentReason(key: string): string | undefined {
  return EQUIVALENT.find((e) => e.key === key)?.reason;
}
