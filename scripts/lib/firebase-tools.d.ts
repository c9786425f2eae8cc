// The part of firebase-tools' internals the deploy check reads: what it knows of each runtime.
declare module "firebase-tools/lib/deploy/functions/runtimes/supported/types" {
  export const RUNTIMES: Record<
    string,
    { friendly: string; status: string; deprecationDate: string; decommissionDate: string }
  >;
}
