#!/usr/bin/env node
import {
  EXECUTORS,
  LOG_LEVELS,
  registerBackend
} from "./chunk-VQMT7T64.js";
export {
  EXECUTORS,
  LOG_LEVELS,
  registerBackend
};
