#!/usr/bin/env node
import {
  EXECUTORS,
  LOG_LEVELS,
  registerBackend
} from "./chunk-WVMR5CH2.js";
export {
  EXECUTORS,
  LOG_LEVELS,
  registerBackend
};
