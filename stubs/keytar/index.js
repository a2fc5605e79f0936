'use strict';
/**
 * keytar's API with nothing behind it. The real keytar keeps Microsoft 365
 * sign-in tokens in the system's keychain and needs a native build; sideloading
 * an XML manifest (npm start) signs in nowhere, so nothing here is ever asked to
 * keep a secret. Reads find nothing; an attempt to store one fails loudly
 * instead of pretending the token was kept.
 */
function refuse() {
  return Promise.reject(new Error('keytar is replaced by a stub in this project (stubs/keytar): credentials cannot be stored. Sign in with the Microsoft 365 tools from a project that installs the real keytar.'));
}

module.exports = {
  getPassword: () => Promise.resolve(null),
  findPassword: () => Promise.resolve(null),
  findCredentials: () => Promise.resolve([]),
  deletePassword: () => Promise.resolve(false),
  setPassword: refuse,
};
