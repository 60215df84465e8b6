// Reading /proc/PID/stat (Linux), for the memory watch and for recognising a job process later.
import { readFileSync } from "node:fs";

/**
 * The fields of /proc/PID/stat after the command name, so that index 0 is field 3 (the state) and
 * index N is field N + 3; null when the process is gone or there is no /proc. The command name
 * may hold spaces and parentheses, so the fields start after the last ')'.
 */
export function procStatFields(pid: number | string): string[] | null {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, "latin1");
  } catch {
    return null;
  }
  return stat.slice(stat.lastIndexOf(")") + 2).split(" ");
}
