/**
 * The page fetches the phone parser chunk on demand (sap-mashup/phone.ts); tests of what the
 * parser answers load it first, as the page does before it asks.
 */
import { PhoneParserLoader } from "../../sap-mashup/phone";

export async function loadPhoneParser(): Promise<void> {
  let error: unknown;
  const loader = new PhoneParserLoader((e) => (error = e));
  const loaded = await loader.load();
  loader.stop();
  if (!loaded) throw new Error(`the phone parser chunk did not load: ${String(error)}`);
}
