export type { Explanation, Locale, MessageParams } from './types.js';
export { catalogues, en as messagesEn, zhCN as messagesZhCN, type Catalogue } from './catalogue.js';
export { explain, formatMessage, renderTemplate } from './format-message.js';
export { spinQuestions, type SpinQuestion } from './spin-questions.js';
