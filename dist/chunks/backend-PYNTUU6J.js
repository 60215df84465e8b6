#!/usr/bin/env node
import {
  EXECUTORS,
  LOG_LEVELS,
  registerBackend
} from "./chunk-5JSA2CAV.js";
export {
  EXECUTORS,
  LOG_LEVELS,
  registerBackend
};
