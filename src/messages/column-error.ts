/**
 * The one error class that carries a catalogue message. Code that needs to
 * know what went wrong compares `error.code` (the catalogue name), never the
 * words; `error.message` is the text a person reads (message and hint), and
 * `format()` is what a terminal shows.
 */
import {
  formatForTerminal,
  isMessageName,
  type DetailsOf,
  type MessageArgs,
  type MessageName,
  renderMessage,
} from './catalogue';

export class ColumnError<N extends MessageName = MessageName> extends Error {
  readonly code: N;
  readonly details: DetailsOf<N>;
  readonly title: string;
  readonly hint: string | undefined;
  /** The message without the hint. */
  readonly summary: string;

  constructor(name: N, ...args: MessageArgs<N>) {
    const rendered = renderMessage(name, ...args);
    super(rendered.text);
    const [details] = args;
    this.name = name;
    this.code = name;
    this.details = (details ?? {}) as DetailsOf<N>;
    this.title = rendered.title;
    this.hint = rendered.hint;
    this.summary = rendered.message;
  }

  /** Title, message and hint for a terminal. */
  format(): string {
    return formatForTerminal({ title: this.title, message: this.summary, hint: this.hint });
  }

  override toString(): string {
    return this.format();
  }

  /** True when `error` carries the catalogue message `name` (one of `names`). */
  static is<M extends MessageName>(error: unknown, ...names: M[]): error is ColumnError<M> {
    return (
      error instanceof ColumnError &&
      (names.length === 0 || names.includes(error.code as M)) &&
      isMessageName(error.code)
    );
  }
}
