// Whether card payments are on, without loading Stripe's SDK (order placement asks on every order).
import { STRIPE_SECRET_KEY } from "../config";

/** The secret key is a Stripe key, not `none` (what npm start writes when none is given). */
export function cardsEnabled(): boolean {
  return /^(sk|rk)_(test|live)_/.test(STRIPE_SECRET_KEY.value());
}
