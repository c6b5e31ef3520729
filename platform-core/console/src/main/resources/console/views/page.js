import { api } from '../api.js';
import { t, language, pick, formatNumber, formatTime } from '../i18n.js';
import { h } from '../dom.js';
import { state, showProblem, clearProblem, library, announce } from '../app.js';

/**
 * A module's console page: its script, served from the module's bundle, is imported and mounted
 * with what the console gives every page (see org.district.platform.api.console).
 */
export async function pageView(main, moduleId, pageId) {
  const page = state.pages.find((p) => p.module === moduleId && p.id === pageId);
  const problem = h('p', { class: 'problem', role: 'alert', hidden: true });
  if (!page) {
    main.append(h('h1', { tabindex: '-1' }, pageId), problem);
    showProblem(problem, { detail: t('notAvailable') });
    return null;
  }
  const root = h('section', { class: 'module-page', dataset: { page: `${moduleId}/${pageId}` } });
  main.append(h('h1', { tabindex: '-1' }, pick(page.title, pageId)), problem, root);
  const context = {
    lang: language(),
    module: moduleId,
    h,
    /** Calls the module's own REST API: path is relative to /api/<module>. */
    api: (path, options) => api(`/api/${moduleId}${path}`, options),
    /** The address of one of the module's endpoints, for an img or a download link. */
    url: (path) => `/api/${moduleId}${path}`,
    /** Picks the current language's text from {"zh-CN": ..., en: ...}. */
    text: (texts) => texts[language()] ?? texts.en,
    showProblem,
    clearProblem,
    announce,
    library,
    /** Adds the page's own stylesheet (a file next to its script) once. */
    stylesheet: (href) => {
      if (![...document.querySelectorAll('link[rel="stylesheet"]')].some((link) => link.href === href)) {
        document.head.append(h('link', { rel: 'stylesheet', href }));
      }
    },
    formatNumber,
    formatTime,
  };
  try {
    const script = await import(page.script);
    const cleanup = await script.mount(root, context);
    return typeof cleanup === 'function' ? cleanup : null;
  } catch (failure) {
    showProblem(problem, failure.status ? failure : { detail: `${t('notAvailable')} (${failure.message})` });
    return null;
  }
}
