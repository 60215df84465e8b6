#!/usr/bin/env node

// src/cli/exit-codes.ts
var EXIT_OK = 0;
var EXIT_FAILED = 1;
var EXIT_USAGE = 2;

export {
  EXIT_OK,
  EXIT_FAILED,
  EXIT_USAGE
};
