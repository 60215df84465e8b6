#!/usr/bin/env node
import {
  EXECUTORS,
  LOG_LEVELS,
  registerBackend
} from "./chunk-MRC3Z5WJ.js";
export {
  EXECUTORS,
  LOG_LEVELS,
  registerBackend
};
