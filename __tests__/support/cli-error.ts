/** The message of the `CliError` that `f` throws; fails the test when it throws none or another error. */
import { CliError } from "../../cli/common";

export function cliErrorOf(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(CliError);
    return (e as Error).message;
  }
  throw new Error("expected a CliError");
}
