// Choose where to deliver: a saved address, a neighbourhood, or a point on the map.

import { useRef, useState } from "preact/hooks";
import { CITY, isLatLng, LIMITS, type Address, type LatLng } from "@domain";
import { fetchAddresses, saveAddress } from "../data/addresses";
import { geocoder, type Place } from "../geo/geocoder";
import { deliveryAddress } from "../state/address";
import { session } from "../state/session";
import { CityMap } from "./CityMap";
import { errorText } from "./format";
import { useAsync } from "./useAsync";

export function AddressPicker() {
  const dialog = useRef<HTMLDialogElement>(null);
  const current = deliveryAddress.value;
  return (
    <>
      <button type="button" class="address-button" onClick={() => dialog.current?.showModal()}>
        <svg class="pin" viewBox="0 0 24 24" aria-hidden="true">
          <path d="M12 2a7 7 0 0 0-7 7c0 5 7 13 7 13s7-8 7-13a7 7 0 0 0-7-7zm0 9.5A2.5 2.5 0 1 1 12 6.5a2.5 2.5 0 0 1 0 5z" />
        </svg>
        {current ? (
          <span>
            {current.label ? `${current.label} · ` : ""}
            {current.line1}
          </span>
        ) : (
          <span>Set delivery address</span>
        )}
      </button>
      <dialog ref={dialog} class="address-dialog" aria-labelledby="address-title">
        <AddressForm onDone={() => dialog.current?.close()} />
      </dialog>
    </>
  );
}

function AddressForm({ onDone }: { onDone: () => void }) {
  const [search, setSearch] = useState("");
  const [matches, setMatches] = useState<Place[]>([]);
  const [point, setPoint] = useState<LatLng | null>(null);
  const [line1, setLine1] = useState("");
  const [label, setLabel] = useState("");
  const [remember, setRemember] = useState(true);
  const [error, setError] = useState("");
  const uid = session.value?.uid;

  // Read when the signed-in user changes, never from render; a new user never sees the last one's.
  const savedList = useAsync(async () => (uid ? fetchAddresses(uid) : []), [uid]);
  const saved = savedList.data ?? null;

  const choose = (a: Address) => {
    deliveryAddress.value = {
      line1: a.line1,
      city: a.city,
      lat: a.lat,
      lng: a.lng,
      ...(a.label ? { label: a.label } : {}),
    };
    onDone();
  };

  const useNew = async (e: Event) => {
    e.preventDefault();
    setError("");
    if (!point || !isLatLng(point)) return setError("Pick a point on the map or a neighbourhood first.");
    const street = line1.trim();
    if (street.length < 1 || street.length > LIMITS.maxAddressLineLength)
      return setError("Enter the street and number.");
    const address: Address = {
      line1: street,
      city: CITY.name,
      lat: point.lat,
      lng: point.lng,
      ...(label.trim() ? { label: label.trim().slice(0, LIMITS.maxLabelLength) } : {}),
    };
    if (uid && remember) {
      try {
        const slot = await saveAddress(uid, address, saved ?? []);
        if (!slot) return setError(`You can save up to ${LIMITS.maxAddresses} addresses. Untick "Save to my account".`);
        savedList.reload();
      } catch (err) {
        return setError(`Could not save the address: ${errorText(err)}`);
      }
    }
    choose(address);
  };

  return (
    <form method="dialog" class="address-form" onSubmit={useNew}>
      <h2 id="address-title">Where should we deliver?</h2>
      {saved && saved.length > 0 && (
        <fieldset>
          <legend>Saved addresses</legend>
          <ul class="saved">
            {saved.map((a) => (
              <li key={a.id}>
                <button type="button" onClick={() => choose(a)}>
                  {a.label || "Address"} · {a.line1}
                </button>
              </li>
            ))}
          </ul>
        </fieldset>
      )}
      <fieldset>
        <legend>A new address</legend>
        <label>
          Neighbourhood
          <input
            type="search"
            value={search}
            placeholder="e.g. Kreuzberg"
            onInput={async (e) => {
              const text = (e.target as HTMLInputElement).value;
              setSearch(text);
              setMatches(text.length > 1 ? await geocoder.search(text) : []);
            }}
          />
        </label>
        {matches.length > 0 && (
          <ul class="matches">
            {matches.map((m) => (
              <li key={m.label}>
                <button
                  type="button"
                  onClick={() => {
                    setPoint(m);
                    setMatches([]);
                    setSearch(m.label);
                  }}
                >
                  {m.label}
                </button>
              </li>
            ))}
          </ul>
        )}
        <p class="hint">Or click the map where the door is.</p>
        <CityMap
          label="Map of Berlin: click to place your address"
          onPick={setPoint}
          markers={point ? [{ ...point, kind: "picked", label: "Your address" }] : []}
        />
        <label>
          Street and number
          <input
            required
            value={line1}
            maxLength={LIMITS.maxAddressLineLength}
            onInput={(e) => setLine1((e.target as HTMLInputElement).value)}
          />
        </label>
        <label>
          Label (optional)
          <input
            value={label}
            maxLength={LIMITS.maxLabelLength}
            placeholder="Home, Work…"
            onInput={(e) => setLabel((e.target as HTMLInputElement).value)}
          />
        </label>
        {uid && (
          <label class="inline">
            <input
              type="checkbox"
              checked={remember}
              onChange={(e) => setRemember((e.target as HTMLInputElement).checked)}
            />
            Save to my account
          </label>
        )}
      </fieldset>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <div class="actions">
        <button type="button" class="secondary" onClick={onDone}>
          Cancel
        </button>
        <button type="submit">Use this address</button>
      </div>
    </form>
  );
}
