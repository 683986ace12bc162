export type { Explanation, Locale, MessageParams } from './types.js';
export { catalogues, en as messagesEn, zhCN as messagesZhCN, type Catalogue } from './catalogue.js';
export { explain, formatMessage } from './format-message.js';
