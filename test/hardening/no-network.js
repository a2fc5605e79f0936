'use strict';
// Preloaded (node -r) into a command under test: any attempt to reach the network is
// recorded in $NO_NETWORK_LOG and refused, so a test can prove that none was made.
const fs = require('fs');
const net = require('net');
const dns = require('dns');
const http = require('http');
const https = require('https');

const log = process.env.NO_NETWORK_LOG;
function refuse(what) {
  if (log) fs.appendFileSync(log, `${what}\n`);
  throw new Error(`network access refused: ${what}`);
}
net.Socket.prototype.connect = function connect() {
  refuse('net.Socket.connect');
};
dns.lookup = () => refuse('dns.lookup');
dns.resolve = () => refuse('dns.resolve');
http.request = () => refuse('http.request');
http.get = () => refuse('http.get');
https.request = () => refuse('https.request');
https.get = () => refuse('https.get');
if (typeof globalThis.fetch === 'function') globalThis.fetch = () => refuse('fetch');
