// The Dishpatch domain: plain TypeScript with no Firebase imports, shared by the functions,
// the web app and the tests.
export * from "./cart";
export * from "./city";
export * from "./collections";
export * from "./deployment";
export * from "./eta";
export * from "./geo";
export * from "./hours";
export * from "./limits";
export * from "./listing";
export * from "./locale";
export * from "./menuItem";
export * from "./money";
export * from "./notifications";
export * from "./options";
export * from "./orderCheck";
export * from "./pricing";
export * from "./queries";
export * from "./reasons";
export * from "./restaurant";
export * from "./roles";
export * from "./rush";
export * from "./slots";
export * from "./status";
export * from "./types";
