// Choose where to deliver: a saved address (edit, delete, make default), a street, postcode or
// neighbourhood, or a point on the map. The pin and the street text always agree: a pin dropped on
// the map is described by the street index, and a typed street moves the pin.

import { useEffect, useRef, useState } from "preact/hooks";
import { CITY, isLatLng, LIMITS, NEIGHBOURHOODS, type Address, type LatLng } from "@domain";
import { deleteAddress, fetchAddresses, saveAddress, type SavedAddress } from "../data/addresses";
import { fetchProfile, setDefaultAddress } from "../data/profile";
import { geocoder, type Search } from "../geo/geocoder";
import { searchStreets } from "../geo/streets";
import { deliveryAddress } from "../state/address";
import { session } from "../state/session";
import { CityMap } from "./CityMap";
import { errorText } from "./format";
import { ErrorNote, Loading, Outcome } from "./States";
import { useAsync } from "./useAsync";
import { locale, t } from "../i18n";

const asDelivery = (a: Address): Address => ({
  line1: a.line1,
  city: a.city,
  lat: a.lat,
  lng: a.lng,
  ...(a.label ? { label: a.label } : {}),
});

/** On a device with no address chosen yet, a signed-in customer's default (or only) one. */
function useDefaultAddress(uid: string | undefined) {
  useEffect(() => {
    if (!uid || deliveryAddress.value) return;
    let live = true;
    Promise.all([fetchProfile(uid), fetchAddresses(uid)])
      .then(([profile, saved]) => {
        if (!live || deliveryAddress.value || saved.length === 0) return;
        deliveryAddress.value = asDelivery(saved.find((a) => a.id === profile?.defaultAddress) ?? saved[0]);
      })
      .catch(() => undefined); // the picker still works by hand
    return () => {
      live = false;
    };
  }, [uid]);
}

export function AddressPicker() {
  const dialog = useRef<HTMLDialogElement>(null);
  const [opened, setOpened] = useState(0);
  const current = deliveryAddress.value;
  useDefaultAddress(session.value?.uid);
  return (
    <>
      <button
        type="button"
        class="address-button"
        onClick={() => {
          setOpened((n) => n + 1);
          dialog.current?.showModal();
        }}
      >
        <svg class="pin" viewBox="0 0 24 24" aria-hidden="true">
          <path d="M12 2a7 7 0 0 0-7 7c0 5 7 13 7 13s7-8 7-13a7 7 0 0 0-7-7zm0 9.5A2.5 2.5 0 1 1 12 6.5a2.5 2.5 0 0 1 0 5z" />
        </svg>
        {current ? (
          <span>
            {current.label ? `${current.label} · ` : ""}
            {current.line1}
          </span>
        ) : (
          <span>{t("ap.set")}</span>
        )}
      </button>
      <dialog ref={dialog} class="address-dialog" aria-labelledby="address-title">
        {opened > 0 && <AddressForm opened={opened} onDone={() => dialog.current?.close()} />}
      </dialog>
    </>
  );
}

function AddressForm({ opened, onDone }: { opened: number; onDone: () => void }) {
  const [search, setSearch] = useState("");
  const [found, setFound] = useState<Search & { text: string }>({ places: [], elsewhere: null, text: "" });
  const matches = found.places;
  const [point, setPoint] = useState<LatLng | null>(null);
  const [line1, setLine1] = useState("");
  const [label, setLabel] = useState("");
  const [remember, setRemember] = useState(true);
  const [editing, setEditing] = useState<string | null>(null);
  const [confirmDelete, setConfirmDelete] = useState<string | null>(null);
  const [pinNote, setPinNote] = useState("");
  const [error, setError] = useState("");
  const uid = session.value?.uid;

  // Read each time the dialog opens (so a failed read recovers) and when the user changes.
  const loaded = useAsync(async () => {
    if (!uid) return { saved: [] as SavedAddress[], defaultId: null as string | null };
    const [saved, profile] = await Promise.all([fetchAddresses(uid), fetchProfile(uid)]);
    return { saved, defaultId: profile?.defaultAddress ?? null };
  }, [uid, opened]);
  // What this dialog wrote since, shown at once rather than after a re-read.
  const [local, setLocal] = useState<{ saved: SavedAddress[]; defaultId: string | null } | null>(null);
  useEffect(() => setLocal(null), [loaded.data]);
  const view = local ?? loaded.data;
  const saved = view?.saved ?? [];

  const choose = (a: Address) => {
    deliveryAddress.value = asDelivery(a);
    onDone();
  };

  const reset = () => {
    setEditing(null);
    setPoint(null);
    setLine1("");
    setLabel("");
    setSearch("");
    setPinNote("");
  };

  const edit = (a: SavedAddress) => {
    setEditing(a.id);
    setPoint({ lat: a.lat, lng: a.lng });
    setLine1(a.line1);
    setLabel(a.label ?? "");
    setPinNote("");
    setError("");
  };

  const act = async (what: () => Promise<void>) => {
    setError("");
    try {
      await what();
    } catch (err) {
      setError(errorText(err));
    }
  };

  const makeDefault = (id: string) =>
    act(async () => {
      await setDefaultAddress(uid!, id);
      setLocal({ saved, defaultId: id });
    });

  const remove = (id: string) =>
    act(async () => {
      await deleteAddress(uid!, id);
      const defaultId = view?.defaultId === id ? null : (view?.defaultId ?? null);
      if (view?.defaultId === id) await setDefaultAddress(uid!, null);
      setLocal({ saved: saved.filter((a) => a.id !== id), defaultId });
      setConfirmDelete(null);
      if (editing === id) reset();
    });

  const dropPin = async (p: LatLng) => {
    setPoint(p);
    const street = await geocoder.describe(p);
    setLine1(street ?? "");
    setPinNote(street ? "" : t("ap.noStreet"));
  };

  const typeStreet = (text: string) => {
    setLine1(text);
    const hit = searchStreets(text, 1)[0];
    if (hit && hit.number !== null) {
      setPoint({ lat: hit.lat, lng: hit.lng });
      setPinNote("");
    }
  };

  const useNew = async (e: Event) => {
    e.preventDefault();
    setError("");
    if (!point || !isLatLng(point)) return setError(t("ap.pickFirst"));
    const street = line1.trim();
    if (street.length < 1 || street.length > LIMITS.maxAddressLineLength) return setError(t("ap.enterStreet"));
    const address: Address = {
      line1: street,
      city: CITY.name,
      lat: point.lat,
      lng: point.lng,
      ...(label.trim() ? { label: label.trim().slice(0, LIMITS.maxLabelLength) } : {}),
    };
    if (uid && (remember || editing)) {
      try {
        const slot = await saveAddress(uid, address, saved, editing ?? undefined);
        if (!slot) return setError(t("ap.tooMany", { n: LIMITS.maxAddresses }));
        const mine = { ...address, id: slot, label: address.label ?? "" };
        const next = saved.some((a) => a.id === slot) ? saved.map((a) => (a.id === slot ? mine : a)) : [...saved, mine];
        setLocal({ saved: next, defaultId: view?.defaultId ?? null });
      } catch (err) {
        return setError(t("ap.saveFailed", { error: errorText(err) }));
      }
    }
    reset();
    choose(address);
  };

  return (
    <form method="dialog" class="address-form" onSubmit={useNew}>
      <h2 id="address-title">{t("ap.title")}</h2>
      {uid && loaded.error !== undefined && !local && (
        <ErrorNote error={new Error(t("ap.loadFailed", { error: errorText(loaded.error) }))} retry={loaded.reload} />
      )}
      {uid && loaded.loading && !view && <Loading what={t("ap.loading")} />}
      {saved.length > 0 && (
        <fieldset>
          <legend>{t("ap.saved")}</legend>
          <ul class="saved-list">
            {saved.map((a) => (
              <li key={a.id} data-address={a.id}>
                <button type="button" class="use" onClick={() => choose(a)}>
                  {a.label || t("ap.address")} · {a.line1}
                </button>
                {view?.defaultId === a.id ? (
                  <span class="default-tag">{t("ap.default")}</span>
                ) : (
                  <button type="button" class="link" onClick={() => makeDefault(a.id)}>
                    {t("ap.makeDefault")}
                  </button>
                )}
                <button
                  type="button"
                  class="link"
                  onClick={() => edit(a)}
                  aria-label={t("ap.editLabel", { name: a.label || a.line1 })}
                >
                  {t("ap.edit")}
                </button>
                {confirmDelete === a.id ? (
                  <>
                    <button type="button" class="danger small" onClick={() => remove(a.id)}>
                      {t("ap.deleteLabel", { name: a.label || a.line1 })}
                    </button>
                    <button type="button" class="link" onClick={() => setConfirmDelete(null)}>
                      {t("ap.keep")}
                    </button>
                  </>
                ) : (
                  <button
                    type="button"
                    class="link"
                    onClick={() => setConfirmDelete(a.id)}
                    aria-label={t("ap.deleteLabel", { name: a.label || a.line1 })}
                  >
                    {t("ap.delete")}
                  </button>
                )}
              </li>
            ))}
          </ul>
        </fieldset>
      )}
      <fieldset>
        <legend>{editing ? t("ap.editing") : t("ap.new")}</legend>
        <label>
          {t("ap.search")}
          <input
            type="search"
            value={search}
            placeholder={t("ap.searchPlaceholder")}
            onInput={async (e) => {
              const text = (e.target as HTMLInputElement).value;
              setSearch(text);
              const result = text.trim().length > 1 ? await geocoder.search(text) : { places: [], elsewhere: null };
              setFound({ ...result, text });
            }}
          />
        </label>
        {matches.length > 0 && (
          <ul class="matches" aria-label={t("ap.found")}>
            {matches.map((m) => (
              <li key={m.label}>
                <button
                  type="button"
                  onClick={() => {
                    setPoint(m);
                    setFound({ places: [], elsewhere: null, text: "" });
                    setSearch(m.label);
                    if (m.line1) setLine1(m.line1);
                    setPinNote(m.line1 && /\d/.test(m.line1) ? "" : t("ap.houseNumber"));
                  }}
                >
                  {m.label}
                </button>
              </li>
            ))}
          </ul>
        )}
        {found.text === search && search.trim().length > 1 && matches.length === 0 && (
          <p class="notice" role="status" data-testid="address-not-found">
            {found.elsewhere
              ? t("ap.elsewhere", {
                  place: found.elsewhere,
                  city: CITY.name,
                  areas: new Intl.ListFormat(locale(), { type: "conjunction" }).format(
                    NEIGHBOURHOODS.map((n) => n.name),
                  ),
                })
              : t("ap.notFound")}
          </p>
        )}
        <p class="hint">{t("ap.clickMap")}</p>
        <CityMap
          label={t("ap.map")}
          onPick={dropPin}
          markers={point ? [{ ...point, kind: "picked", label: t("ap.yours") }] : []}
        />
        {pinNote && <p class="hint">{pinNote}</p>}
        <label>
          {t("ap.street")}
          <input
            required
            value={line1}
            maxLength={LIMITS.maxAddressLineLength}
            autocomplete="street-address"
            onInput={(e) => typeStreet((e.target as HTMLInputElement).value)}
          />
        </label>
        <label>
          {t("ap.label")}
          <input
            value={label}
            maxLength={LIMITS.maxLabelLength}
            placeholder={t("ap.labelPlaceholder")}
            onInput={(e) => setLabel((e.target as HTMLInputElement).value)}
          />
        </label>
        {uid && !editing && (
          <label class="inline">
            <input
              type="checkbox"
              checked={remember}
              onChange={(e) => setRemember((e.target as HTMLInputElement).checked)}
            />
            {t("ap.remember")}
          </label>
        )}
      </fieldset>
      <Outcome error={error} />
      <div class="actions">
        <button
          type="button"
          class="secondary"
          onClick={() => {
            reset();
            onDone();
          }}
        >
          {t("ap.cancel")}
        </button>
        <button type="submit">{editing ? t("ap.saveUse") : t("ap.use")}</button>
      </div>
    </form>
  );
}
