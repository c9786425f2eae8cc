import type { Allergen } from "../../diet";
import type { Weekday } from "../../hours";

/** What the domain's validators say is wrong with a dish, a restaurant, a promo code or the fees:
 * one set per language, so the menu editor, settings and admin screens speak the reader's. */
export interface ProblemTexts {
  allergens: Record<Allergen, string>;
  days: Record<Weekday, string>;
  diet: {
    notEu: string;
    notDiet: string;
    once: string;
    veganIsVegetarian: string;
    veganContains: (names: string) => string;
    vegetarianContains: (names: string) => string;
  };
  hours: {
    missing: string;
    notADay: (day: string) => string;
    shape: (day: string, max: number) => string;
    endAfterStart: (day: string) => string;
    order: (day: string) => string;
  };
  item: {
    empty: string;
    name: (max: number) => string;
    description: (max: number) => string;
    category: (max: number) => string;
    price: string;
    available: string;
    groups: (max: number) => string;
    groupId: string;
    groupName: string;
    groupOptions: (group: string, max: number) => string;
    groupChoose: (group: string) => string;
    optionId: (group: string) => string;
    optionName: (group: string) => string;
    optionPrice: (option: string) => string;
    negative: string;
  };
  photo: string;
  /** Text others read (publicText.ts): `what` names the field ("The dish's name"). */
  publicText: {
    hidden: (what: string) => string;
    hiddenReply: string;
    link: (what: string) => string;
    brand: (what: string) => string;
  };
  /** The fields whose text others read, as the subject of a sentence. */
  fields: {
    displayName: string;
    restaurantName: string;
    legalName: string;
    dishName: string;
    category: string;
    optionGroup: string;
    option: (group: string) => string;
    reply: string;
  };
  restaurant: {
    empty: string;
    name: string;
    legalName: (max: number) => string;
    timeZone: (zone: string) => string;
    currency: (currency: string) => string;
    address: string;
    openSwitch: string;
    prepTime: string;
    radius: string;
    amounts: string;
    categories: string;
    pauseOrBusy: string;
    busyExtra: string;
  };
  promo: {
    missing: string;
    code: string;
    description: string;
    kind: string;
    percent: string;
    amount: string;
    minSubtotal: string;
    maxDiscount: string;
    dates: string;
    endAfterStart: string;
    switches: string;
    perCustomer: string;
    cap: string;
    budget: string;
    restaurant: string;
    fundedBy: string;
    ownCode: string;
  };
  fees: {
    missing: string;
    serviceFee: string;
    commission: string;
    courierShare: string;
  };
}
