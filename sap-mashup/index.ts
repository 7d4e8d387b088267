/** Bundle entry for the mashup page. */
import { startMashup } from "./main";

(window as unknown as { wxccSapMashup?: unknown }).wxccSapMashup = startMashup(window);
