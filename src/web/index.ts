// Placeholder entry for the web page: the web page UI replaces this file.
export {};
