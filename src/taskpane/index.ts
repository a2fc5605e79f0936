// Placeholder entry for the task pane: the pane UI replaces this file.
export {};
