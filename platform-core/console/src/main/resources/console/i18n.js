// The console's own texts in Chinese (the default) and English. Modules bring their own texts.
const MESSAGES = {
  'zh-CN': {
    brand: '城市服务平台',
    title: '城市服务平台 · 管理台',
    console: '管理台',
    skip: '跳到主要内容',
    nav: '导航',
    switchTo: 'English',
    switchLabel: 'Switch to English',
    signOut: '退出登录',
    signedInAs: '已登录：{user}',
    signInTitle: '登录管理台',
    signInIntro: '请使用平台账号登录。',
    username: '用户名',
    password: '密码',
    signIn: '登录',
    signInAgain: '重新登录',
    signedOut: '已退出登录。',
    modules: '模块',
    modulesIntro: '本市平台的全部模块。启用或停用立即生效，数据保留。',
    audit: '审计记录',
    version: '版本',
    state: '状态',
    'state.enabled': '已启用',
    'state.disabled': '已停用',
    'state.failed': '故障',
    requires: '依赖',
    requiredBy: '被依赖',
    none: '无',
    reason: '故障原因',
    trouble: '运行异常',
    enable: '启用',
    disable: '停用',
    retry: '重新启用',
    details: '设置与记录',
    pages: '页面',
    confirmDisable: '停用“{name}”？',
    confirmEnable: '启用“{name}”？',
    alsoDisables: '以下依赖它的模块也将停用：',
    alsoEnables: '它所依赖的以下模块也将启用：',
    confirm: '确认',
    cancel: '取消',
    enabledNow: '“{name}”已启用。',
    disabledNow: '“{name}”已停用。',
    settings: '设置',
    noSettings: '此模块没有可修改的设置。',
    save: '保存',
    saved: '已保存。',
    nothingChanged: '没有修改。',
    defaultValue: '默认值：{value}',
    defaultCount: '默认 {count} 项；全部删除即恢复默认',
    range: '范围：{range}',
    atLeast: '不小于 {min}',
    atMost: '不大于 {max}',
    onePerLine: '每行一项',
    passwordUnchanged: '留空则不修改',
    requiredField: '必填',
    yes: '是',
    history: '记录',
    noHistory: '暂无记录。',
    when: '时间',
    who: '操作人',
    action: '操作',
    subject: '对象',
    change: '内容',
    module: '模块',
    allModules: '全部模块',
    filter: '筛选',
    previous: '上一页',
    next: '下一页',
    pageOf: '第 {page} 页，共 {total} 条',
    notAvailable: '此页面不可用：模块可能已停用。',
    nothingToShow: '您的账号没有可用的页面。',
    loading: '加载中…',
    back: '返回模块列表',
    'action.module.enable': '启用模块',
    'action.module.disable': '停用模块',
    'action.module.config': '修改设置',
    'action.sign-in': '登录',
    'action.sign-in.failed': '登录失败',
    'action.session.start': '登录管理台',
    'action.session.end': '退出管理台',
    'action.personal-data.read': '查看个人信息',
    'action.export': '导出',
  },
  en: {
    brand: 'City services platform',
    title: 'City services platform · Console',
    console: 'Console',
    skip: 'Skip to main content',
    nav: 'Navigation',
    switchTo: '中文',
    switchLabel: '切换到中文',
    signOut: 'Sign out',
    signedInAs: 'Signed in as {user}',
    signInTitle: 'Sign in to the console',
    signInIntro: 'Sign in with your platform account.',
    username: 'User name',
    password: 'Password',
    signIn: 'Sign in',
    signInAgain: 'Sign in again',
    signedOut: 'Signed out.',
    modules: 'Modules',
    modulesIntro: "The city's modules. Enabling or disabling takes effect at once; data is kept.",
    audit: 'Audit trail',
    version: 'Version',
    state: 'State',
    'state.enabled': 'Enabled',
    'state.disabled': 'Disabled',
    'state.failed': 'Failed',
    requires: 'Requires',
    requiredBy: 'Required by',
    none: 'none',
    reason: 'Why it failed',
    trouble: 'Misbehaving',
    enable: 'Enable',
    disable: 'Disable',
    retry: 'Enable again',
    details: 'Settings and history',
    pages: 'Pages',
    confirmDisable: 'Disable “{name}”?',
    confirmEnable: 'Enable “{name}”?',
    alsoDisables: 'These modules require it and will be disabled too:',
    alsoEnables: 'It requires these modules, which will be enabled too:',
    confirm: 'Confirm',
    cancel: 'Cancel',
    enabledNow: '“{name}” is enabled.',
    disabledNow: '“{name}” is disabled.',
    settings: 'Settings',
    noSettings: 'This module has no settings to change.',
    save: 'Save',
    saved: 'Saved.',
    nothingChanged: 'Nothing was changed.',
    defaultValue: 'Default: {value}',
    defaultCount: 'Default: {count} entries; remove them all to restore the default',
    range: 'Range: {range}',
    atLeast: 'at least {min}',
    atMost: 'at most {max}',
    onePerLine: 'one per line',
    passwordUnchanged: 'leave empty to keep it',
    requiredField: 'required',
    yes: 'yes',
    history: 'History',
    noHistory: 'Nothing recorded yet.',
    when: 'When',
    who: 'Who',
    action: 'Action',
    subject: 'Subject',
    change: 'Change',
    module: 'Module',
    allModules: 'All modules',
    filter: 'Filter',
    previous: 'Previous',
    next: 'Next',
    pageOf: 'Page {page}, {total} entries',
    notAvailable: 'This page is not available: its module may have been disabled.',
    nothingToShow: 'Your account has no pages.',
    loading: 'Loading…',
    back: 'Back to the modules',
    'action.module.enable': 'Module enabled',
    'action.module.disable': 'Module disabled',
    'action.module.config': 'Settings changed',
    'action.sign-in': 'Signed in',
    'action.sign-in.failed': 'Failed sign-in',
    'action.session.start': 'Console sign-in',
    'action.session.end': 'Console sign-out',
    'action.personal-data.read': 'Personal data read',
    'action.export': 'Export',
  },
};

const STORE = 'district.console.language';
let current = localStorage.getItem(STORE) === 'en' ? 'en' : 'zh-CN';

export function language() {
  return current;
}

export function setLanguage(language) {
  current = language === 'en' ? 'en' : 'zh-CN';
  localStorage.setItem(STORE, current);
  document.documentElement.lang = current;
}

/** The text for key in the current language, with {name} placeholders filled in. */
export function t(key, values = {}) {
  const text = MESSAGES[current][key] ?? MESSAGES.en[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (match, name) => (name in values ? String(values[name]) : match));
}

export function has(key) {
  return key in MESSAGES[current];
}

/** A text from a map keyed by language, as the API answers module names: the current language first. */
export function pick(texts, fallback = '') {
  if (!texts) return fallback;
  return texts[current] ?? texts.en ?? texts['zh-CN'] ?? Object.values(texts)[0] ?? fallback;
}

export function formatTime(iso) {
  if (!iso) return '';
  return new Date(iso).toLocaleString(current, { dateStyle: 'medium', timeStyle: 'short' });
}

export function formatNumber(value, options = {}) {
  return new Intl.NumberFormat(current, options).format(value);
}
