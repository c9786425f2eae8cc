import { RESPOND_MIN } from "../deliveryTimers";
import { LIMITS } from "../limits";
import { MAX_TIP_CENTS } from "../tips";
import type { DomainTexts } from "./types";

export const de: DomainTexts = {
  reasons: {
    too_busy: "Das Restaurant ist gerade zu ausgelastet.",
    item_unavailable: "Ein Gericht der Bestellung ist nicht verfügbar.",
    closing_soon: "Das Restaurant schließt gleich.",
    address_problem: "Das Restaurant kann an diese Adresse nicht liefern.",
    other: "Kein Grund angegeben.",
    changed_mind: "Der Kunde hat es sich anders überlegt.",
    ordered_by_mistake: "Der Kunde hat versehentlich bestellt.",
    taking_too_long: "Dem Kunden dauerte es zu lange.",
    accept_timeout: "Das Restaurant hat die Bestellung nicht rechtzeitig angenommen.",
    customer_request: "Dishpatch hat sie auf Wunsch der Kundin oder des Kunden storniert.",
    restaurant_request: "Dishpatch hat sie auf Wunsch des Restaurants storniert.",
    no_courier: "Dishpatch hat niemanden gefunden, der sie liefert.",
    customer_unreachable: "Der Kurier konnte dich nicht erreichen.",
    address_not_found: "Der Kurier konnte die Adresse nicht finden.",
    unsafe: "Der Kurier konnte nicht sicher liefern.",
    card_declined: "Deine Karte wurde abgelehnt.",
    authentication_failed: "Die Bestätigung deiner Karte ist fehlgeschlagen.",
    payment_timeout: "Die Zahlung wurde nicht rechtzeitig abgeschlossen.",
  },
  cancelChoices: {
    changed_mind: "Ich habe es mir anders überlegt.",
    ordered_by_mistake: "Ich habe versehentlich bestellt.",
    taking_too_long: "Es dauert zu lange.",
    other: "Kein Grund angegeben.",
  },
  rejections: {
    malformed_order: "Die Bestellung konnte nicht gelesen werden.",
    empty_order: "Der Warenkorb ist leer.",
    too_many_lines: `Eine Bestellung kann höchstens ${LIMITS.maxOrderLines} verschiedene Positionen haben.`,
    invalid_quantity: `Jede Menge muss eine ganze Zahl von ${LIMITS.minQuantity} bis ${LIMITS.maxQuantity} sein.`,
    too_many_open_orders: `Du hast schon ${LIMITS.maxOpenOrdersPerCustomer} Bestellungen unterwegs. Warte, bis eine ankommt.`,
    restaurant_not_found: "Dieses Restaurant gibt es nicht.",
    restaurant_unavailable: "Dieses Restaurant kann gerade keine Bestellungen annehmen.",
    restaurant_closed: "Das Restaurant hat gerade geschlossen.",
    restaurant_paused: "Das Restaurant nimmt für eine Weile keine neuen Bestellungen an.",
    slot_invalid: "Diese Lieferzeit ist keines der 15-Minuten-Fenster von heute oder morgen.",
    slot_closed: "Zu dieser Lieferzeit hat das Restaurant geschlossen.",
    slot_too_soon: "Diese Lieferzeit ist für Küche und Kurier zu knapp; wähle eine spätere.",
    invalid_tip: `Ein Trinkgeld ist keins, 5, 10 oder 15 % des Essens oder ein Betrag von höchstens der Hälfte des Essens und nie mehr als ${(MAX_TIP_CENTS / 100).toFixed(2).replace(".", ",")} in der Währung des Restaurants.`,
    tip_too_high: "Ein Trinkgeld kann höchstens die Hälfte des Essens betragen.",
    promo_unknown: "Diesen Gutscheincode gibt es nicht.",
    promo_expired: "Dieser Gutscheincode ist nicht aktiv (abgelaufen, noch nicht gültig oder pausiert).",
    promo_not_applicable: "Dieser Gutscheincode gilt nicht für diese Bestellung.",
    promo_below_minimum: "Die Bestellung liegt unter dem Mindestwert dieses Gutscheincodes.",
    promo_limit_reached: "Du hast diesen Gutscheincode schon so oft benutzt, wie er erlaubt.",
    promo_exhausted: "Dieser Gutscheincode ist aufgebraucht.",
    unknown_item: "Ein Artikel im Warenkorb steht nicht auf der Karte dieses Restaurants.",
    item_unavailable: "Ein Artikel im Warenkorb ist ausverkauft.",
    invalid_options: "Die gewählten Optionen eines Artikels sind nicht gültig.",
    out_of_zone: "Die Lieferadresse liegt außerhalb des Liefergebiets dieses Restaurants.",
    cash_limit: "Diese Bestellung liegt über dem Betrag, der an der Tür bar bezahlt werden kann.",
    card_unavailable: "Kartenzahlungen sind gerade nicht möglich. Bitte zahle bar.",
    below_minimum: "Die Bestellung liegt unter dem Mindestbestellwert des Restaurants.",
  },
  theRestaurant: "dem Restaurant",
  later: "später",
  customer: {
    submitted: ({ r, code }) => ({
      title: "Bestellung gesendet",
      body: `Deine Bestellung${code} bei ${r} wurde gesendet.`,
    }),
    scheduled: ({ r, code, slot }) => ({
      title: "Bestellung geplant",
      body: `Deine Bestellung${code} bei ${r} ist für ${slot} geplant. Du kannst sie stornieren, bis die Küche sie bekommt.`,
    }),
    awaiting_payment: ({ r }) => ({
      title: "Zahlung bestätigen",
      body: `Deine Bestellung bei ${r} wartet auf deine Karte.`,
    }),
    payment_failed: ({ r, reason }) => ({
      title: "Zahlung fehlgeschlagen",
      body: `Deine Bestellung bei ${r} wurde nicht aufgegeben: Die Zahlung ist nicht durchgegangen.${reason} Es wurde nichts belastet.`,
    }),
    placed: ({ r, code }) => ({
      title: "Bestellung aufgegeben",
      body: `Deine Bestellung${code} bei ${r} wurde aufgegeben.`,
    }),
    rejected: ({ r, rejection }) => ({
      title: "Bestellung nicht aufgegeben",
      body: `Deine Bestellung bei ${r} konnte nicht aufgegeben werden. ${rejection}`.trim(),
    }),
    accepted: ({ r, code }) => ({
      title: "Bestellung angenommen",
      body: `${r} hat deine Bestellung${code} angenommen.`,
    }),
    declined: ({ r, code, reason }) => ({
      title: "Bestellung abgelehnt",
      body: `${r} hat deine Bestellung${code} abgelehnt.${reason}`,
    }),
    cancelled: ({ r, code, reason }) => ({
      title: "Bestellung storniert",
      body: `Deine Bestellung${code} bei ${r} wurde storniert.${reason}`,
    }),
    preparing: ({ r, code }) => ({ title: "In Zubereitung", body: `${r} bereitet deine Bestellung${code} zu.` }),
    ready: ({ r, code }) => ({
      title: "Abholbereit",
      body: `Deine Bestellung${code} ist bei ${r} fertig und wartet auf einen Kurier.`,
    }),
    picked_up: ({ r, code }) => ({
      title: "Unterwegs",
      body: `Ein Kurier hat deine Bestellung${code} bei ${r} abgeholt.`,
    }),
    delivered: ({ r, code }) => ({
      title: "Geliefert",
      body: `Deine Bestellung${code} von ${r} wurde geliefert. Guten Appetit!`,
    }),
    undelivered: ({ r, code }) => ({
      title: "Nicht geliefert",
      body: `Deine Bestellung${code} von ${r} konnte nicht geliefert werden. Das tut uns leid.`,
    }),
    delivery_problem: ({ r, code, reason }) => ({
      title: "Dein Kurier kann nicht liefern",
      body: `Dein Kurier hat deine Bestellung${code} von ${r}, kann sie aber nicht übergeben.${reason} Antworte innerhalb von ${RESPOND_MIN} Minuten in der App, sonst endet die Bestellung ohne Lieferung und wird trotzdem berechnet.`,
    }),
    undeliverable: ({ r, code }) => ({
      title: "Nicht geliefert: keine Antwort",
      body: `Deine Bestellung${code} von ${r} konnte nicht übergeben werden, und wir haben nicht rechtzeitig eine Antwort von dir bekommen. Sie wird deshalb berechnet.`,
    }),
  },
  staff: {
    placed: ({ r, code }) => ({
      title: `Neue Bestellung${code}`,
      body: `Eine neue Bestellung wartet darauf, dass ${r} sie annimmt.`,
    }),
    scheduled: ({ r, code, slot }) => ({
      title: `Bestellung für später${code}`,
      body: `Eine Bestellung für ${slot} ist bei ${r} geplant.`,
    }),
    cancelled: ({ r, code, reason }) => ({
      title: `Bestellung storniert${code}`,
      body: `Die Bestellung${code} für ${r} wurde storniert.${reason}`,
    }),
    undelivered: ({ code }) => ({
      title: `Bestellung nicht geliefert${code}`,
      body: `Die Bestellung${code} wurde abgeholt, hat die Kundschaft aber nie erreicht.`,
    }),
  },
  couriers: { title: "Abholung verfügbar", body: "Eine Bestellung ist abholbereit." },
  claimExpired: {
    courier: ({ r, code }, minutes) => ({
      title: "Übernahme abgelaufen",
      body: `Du hast die Bestellung${code} bei ${r} nicht innerhalb von ${minutes} Minuten abgeholt, deshalb wurde sie anderen Kurieren angeboten.`,
    }),
    staff: ({ code }, minutes) => ({
      title: "Kurier ist nicht gekommen",
      body: `Der Kurier, der die Bestellung${code} übernommen hat, hat sie nicht innerhalb von ${minutes} Minuten abgeholt. Sie wird wieder anderen Kurieren angeboten.`,
    }),
  },
  overdue: {
    customer: ({ r, code }) => ({
      title: "Deine Bestellung verspätet sich",
      body: `Deine Bestellung${code} von ${r} dauert viel länger als sie sollte. Wir finden heraus, was passiert ist.`,
    }),
    admin: ({ r, code }) => ({
      title: "Eine Bestellung braucht eine Entscheidung",
      body: `Die Bestellung${code} von ${r} wurde vor langer Zeit abgeholt und nicht geliefert. Entscheide, wie sie endet.`,
    }),
  },
  complaint: {
    refunded: ({ r, code }, amount) => ({
      title: "Geld zurück als Guthaben",
      body: `Das mit deiner Bestellung${code} von ${r} tut uns leid. ${amount} sind jetzt Guthaben auf deinem Konto und werden bei deiner nächsten Bestellung zuerst verwendet.`,
    }),
    review: ({ code }) => ({
      title: "Wir sehen es uns an",
      body: `Deine Meldung zur Bestellung${code} geht an unser Team, das innerhalb eines Tages entscheidet.`,
    }),
    declined: ({ code }) => ({
      title: "Meldung nicht erstattet",
      body: `Unser Team hat deine Meldung zur Bestellung${code} geprüft und kann sie nicht erstatten.`,
    }),
    charged: ({ code }, amount) => ({
      title: "Eine Reklamation wurde erstattet",
      body: `Eine Kundin oder ein Kunde hat ein Problem mit der Bestellung${code} gemeldet: ${amount} werden von deiner nächsten Abrechnung abgezogen. Du kannst das innerhalb von 7 Tagen im Tab Reklamationen anfechten.`,
    }),
    disputeUpheld: ({ code }, amount) => ({
      title: "Einspruch angenommen",
      body: `Deinem Einspruch zur Bestellung${code} wurde stattgegeben: die ${amount} kommen auf deiner Abrechnung zurück.`,
    }),
    disputeRejected: ({ code }) => ({
      title: "Einspruch abgelehnt",
      body: `Dein Einspruch zur Bestellung${code} wurde abgelehnt: die Belastung bleibt.`,
    }),
  },
  notices: {
    autoPaused: (minutes) => ({
      title: "Bestellungen pausiert",
      body: `Mehrere Bestellungen in Folge wurden nicht rechtzeitig angenommen, daher sind neue Bestellungen für ${minutes} Minuten pausiert. Setze sie im Dashboard fort, wenn du bereit bist.`,
    }),
    resumed: {
      title: "Wieder geöffnet für Bestellungen",
      body: "Die Pause ist vorbei: Kunden können wieder bestellen.",
    },
    unreadable: (problem) => ({
      title: "Bestellungen werden abgelehnt",
      body: `Die Einstellungen deines Restaurants haben ein Problem, daher kann niemand bestellen: ${problem} Behebe es in den Einstellungen.`,
    }),
    webhookDown: (client, failingMin, pauseMin) => ({
      title: "Bestellungen pausiert: deine Kasse antwortet nicht",
      body: `Das System „${client}“ nimmt seit ${failingMin} Minuten keine Nachrichten von Dishpatch an, während Bestellungen warten. Neue Bestellungen sind daher für ${pauseMin} Minuten pausiert. Beantworte wartende Bestellungen im Dashboard, prüfe die Kasse und setze fort, wenn sie wieder läuft.`,
    }),
  },
};
