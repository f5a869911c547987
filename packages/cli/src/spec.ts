/** One option of the command line: a flag (`--debug`) or an option with a value (`--region R`). */
export interface OptionSpec {
  name: string;
  /** The value's placeholder in help (`ARN`); absent for a flag that takes no value. */
  value?: string;
  short?: string;
  summary: string;
  /** The values accepted, checked before the command runs. */
  choices?: readonly string[];
  required?: boolean;
}

/** A command's name, help text and options; kept free of imports so `--help` loads nothing. */
export interface CommandSpec {
  name: string;
  summary: string;
  usage: string;
  options: readonly OptionSpec[];
  /** Paragraphs printed after the options in `--help`. */
  notes?: readonly string[];
  examples?: readonly string[];
}

/** Option values as given: a string for options with a value, `true` for flags. */
export type RawOptions = Readonly<Record<string, string | true>>;
