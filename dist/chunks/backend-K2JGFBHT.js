#!/usr/bin/env node
import {
  EXECUTORS,
  LOG_LEVELS,
  registerBackend
} from "./chunk-A67APAVQ.js";
export {
  EXECUTORS,
  LOG_LEVELS,
  registerBackend
};
