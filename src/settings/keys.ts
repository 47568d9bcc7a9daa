/** Where settings are kept in storage.sync and storage.local (validator-free, for every context). */
export const SETTINGS_KEY = 'settings';
