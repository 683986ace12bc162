/**
 * An explanation: a message code, its parameters, and the rendered text (design section 8).
 *
 * @module
 */

/** Supported locales of the message catalogues. */
export type Locale = 'en' | 'zh-CN';

/** Parameter values a message can interpolate. */
export type MessageParams = Readonly<Record<string, string | number | boolean | readonly string[] | null>>;

/**
 * Why a number is what it is, or what a flag means: a stable `code`, its `params`, and the
 * `message` rendered in the requested locale.
 */
export interface Explanation {
  readonly code: string;
  readonly params: MessageParams;
  readonly message: string;
}
