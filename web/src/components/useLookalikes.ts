// A form that checks names or replies others will read loads Unicode's confusables data when it
// opens (src/lookalikes.ts), and renders again once it is there, so its check is the backend's.

import { useEffect, useState } from "preact/hooks";
import { loadLookalikes } from "../lookalikes";

export function useLookalikes(): boolean {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    let live = true;
    void loadLookalikes().then(() => live && setReady(true));
    return () => {
      live = false;
    };
  }, []);
  return ready;
}
