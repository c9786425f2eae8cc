// Stripe's loader, in a chunk of its own that payments/stripe.ts imports on demand. The service
// worker does not precache it (vite.config.ts): what it loads from js.stripe.com needs the network.
export { loadStripe } from "@stripe/stripe-js";
