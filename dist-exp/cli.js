#!/usr/bin/env node
import { createRequire as __trestleCreateRequire } from 'node:module'; const require = __trestleCreateRequire(import.meta.url);
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __require = /* @__PURE__ */ ((x) => typeof require !== "undefined" ? require : typeof Proxy !== "undefined" ? new Proxy(x, {
  get: (a, b) => (typeof require !== "undefined" ? require : a)[b]
}) : x)(function(x) {
  if (typeof require !== "undefined") return require.apply(this, arguments);
  throw Error('Dynamic require of "' + x + '" is not supported');
});
var __esm = (fn, res, err) => function __init() {
  if (err) throw err[0];
  try {
    return fn && (res = (0, fn[__getOwnPropNames(fn)[0]])(fn = 0)), res;
  } catch (e) {
    throw err = [e], e;
  }
};
var __commonJS = (cb, mod) => function __require2() {
  try {
    return mod || (0, cb[__getOwnPropNames(cb)[0]])((mod = { exports: {} }).exports, mod), mod.exports;
  } catch (e) {
    throw mod = 0, e;
  }
};
var __export = (target, all) => {
  for (var name3 in all)
    __defProp(target, name3, { get: all[name3], enumerable: true });
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
  mod
));

// node_modules/commander/lib/error.js
var require_error = __commonJS({
  "node_modules/commander/lib/error.js"(exports) {
    var CommanderError2 = class extends Error {
      /**
       * Constructs the CommanderError class
       * @param {number} exitCode suggested exit code which could be used with process.exit
       * @param {string} code an id string representing the error
       * @param {string} message human-readable description of the error
       */
      constructor(exitCode, code3, message) {
        super(message);
        Error.captureStackTrace(this, this.constructor);
        this.name = this.constructor.name;
        this.code = code3;
        this.exitCode = exitCode;
        this.nestedError = void 0;
      }
    };
    var InvalidArgumentError2 = class extends CommanderError2 {
      /**
       * Constructs the InvalidArgumentError class
       * @param {string} [message] explanation of why argument is invalid
       */
      constructor(message) {
        super(1, "commander.invalidArgument", message);
        Error.captureStackTrace(this, this.constructor);
        this.name = this.constructor.name;
      }
    };
    exports.CommanderError = CommanderError2;
    exports.InvalidArgumentError = InvalidArgumentError2;
  }
});

// node_modules/commander/lib/argument.js
var require_argument = __commonJS({
  "node_modules/commander/lib/argument.js"(exports) {
    var { InvalidArgumentError: InvalidArgumentError2 } = require_error();
    var Argument2 = class {
      /**
       * Initialize a new command argument with the given name and description.
       * The default is that the argument is required, and you can explicitly
       * indicate this with <> around the name. Put [] around the name for an optional argument.
       *
       * @param {string} name
       * @param {string} [description]
       */
      constructor(name3, description) {
        this.description = description || "";
        this.variadic = false;
        this.parseArg = void 0;
        this.defaultValue = void 0;
        this.defaultValueDescription = void 0;
        this.argChoices = void 0;
        switch (name3[0]) {
          case "<":
            this.required = true;
            this._name = name3.slice(1, -1);
            break;
          case "[":
            this.required = false;
            this._name = name3.slice(1, -1);
            break;
          default:
            this.required = true;
            this._name = name3;
            break;
        }
        if (this._name.endsWith("...")) {
          this.variadic = true;
          this._name = this._name.slice(0, -3);
        }
      }
      /**
       * Return argument name.
       *
       * @return {string}
       */
      name() {
        return this._name;
      }
      /**
       * @package
       */
      _collectValue(value, previous) {
        if (previous === this.defaultValue || !Array.isArray(previous)) {
          return [value];
        }
        previous.push(value);
        return previous;
      }
      /**
       * Set the default value, and optionally supply the description to be displayed in the help.
       *
       * @param {*} value
       * @param {string} [description]
       * @return {Argument}
       */
      default(value, description) {
        this.defaultValue = value;
        this.defaultValueDescription = description;
        return this;
      }
      /**
       * Set the custom handler for processing CLI command arguments into argument values.
       *
       * @param {Function} [fn]
       * @return {Argument}
       */
      argParser(fn) {
        this.parseArg = fn;
        return this;
      }
      /**
       * Only allow argument value to be one of choices.
       *
       * @param {string[]} values
       * @return {Argument}
       */
      choices(values) {
        this.argChoices = values.slice();
        this.parseArg = (arg, previous) => {
          if (!this.argChoices.includes(arg)) {
            throw new InvalidArgumentError2(
              `Allowed choices are ${this.argChoices.join(", ")}.`
            );
          }
          if (this.variadic) {
            return this._collectValue(arg, previous);
          }
          return arg;
        };
        return this;
      }
      /**
       * Make argument required.
       *
       * @returns {Argument}
       */
      argRequired() {
        this.required = true;
        return this;
      }
      /**
       * Make argument optional.
       *
       * @returns {Argument}
       */
      argOptional() {
        this.required = false;
        return this;
      }
    };
    function humanReadableArgName(arg) {
      const nameOutput = arg.name() + (arg.variadic === true ? "..." : "");
      return arg.required ? "<" + nameOutput + ">" : "[" + nameOutput + "]";
    }
    exports.Argument = Argument2;
    exports.humanReadableArgName = humanReadableArgName;
  }
});

// node_modules/commander/lib/help.js
var require_help = __commonJS({
  "node_modules/commander/lib/help.js"(exports) {
    var { humanReadableArgName } = require_argument();
    var Help2 = class {
      constructor() {
        this.helpWidth = void 0;
        this.minWidthToWrap = 40;
        this.sortSubcommands = false;
        this.sortOptions = false;
        this.showGlobalOptions = false;
      }
      /**
       * prepareContext is called by Commander after applying overrides from `Command.configureHelp()`
       * and just before calling `formatHelp()`.
       *
       * Commander just uses the helpWidth and the rest is provided for optional use by more complex subclasses.
       *
       * @param {{ error?: boolean, helpWidth?: number, outputHasColors?: boolean }} contextOptions
       */
      prepareContext(contextOptions) {
        this.helpWidth = this.helpWidth ?? contextOptions.helpWidth ?? 80;
      }
      /**
       * Get an array of the visible subcommands. Includes a placeholder for the implicit help command, if there is one.
       *
       * @param {Command} cmd
       * @returns {Command[]}
       */
      visibleCommands(cmd) {
        const visibleCommands = cmd.commands.filter((cmd2) => !cmd2._hidden);
        const helpCommand2 = cmd._getHelpCommand();
        if (helpCommand2 && !helpCommand2._hidden) {
          visibleCommands.push(helpCommand2);
        }
        if (this.sortSubcommands) {
          visibleCommands.sort((a, b) => {
            return a.name().localeCompare(b.name());
          });
        }
        return visibleCommands;
      }
      /**
       * Compare options for sort.
       *
       * @param {Option} a
       * @param {Option} b
       * @returns {number}
       */
      compareOptions(a, b) {
        const getSortKey = (option) => {
          return option.short ? option.short.replace(/^-/, "") : option.long.replace(/^--/, "");
        };
        return getSortKey(a).localeCompare(getSortKey(b));
      }
      /**
       * Get an array of the visible options. Includes a placeholder for the implicit help option, if there is one.
       *
       * @param {Command} cmd
       * @returns {Option[]}
       */
      visibleOptions(cmd) {
        const visibleOptions = cmd.options.filter((option) => !option.hidden);
        const helpOption = cmd._getHelpOption();
        if (helpOption && !helpOption.hidden) {
          const removeShort = helpOption.short && cmd._findOption(helpOption.short);
          const removeLong = helpOption.long && cmd._findOption(helpOption.long);
          if (!removeShort && !removeLong) {
            visibleOptions.push(helpOption);
          } else if (helpOption.long && !removeLong) {
            visibleOptions.push(
              cmd.createOption(helpOption.long, helpOption.description)
            );
          } else if (helpOption.short && !removeShort) {
            visibleOptions.push(
              cmd.createOption(helpOption.short, helpOption.description)
            );
          }
        }
        if (this.sortOptions) {
          visibleOptions.sort(this.compareOptions);
        }
        return visibleOptions;
      }
      /**
       * Get an array of the visible global options. (Not including help.)
       *
       * @param {Command} cmd
       * @returns {Option[]}
       */
      visibleGlobalOptions(cmd) {
        if (!this.showGlobalOptions) return [];
        const globalOptions = [];
        for (let ancestorCmd = cmd.parent; ancestorCmd; ancestorCmd = ancestorCmd.parent) {
          const visibleOptions = ancestorCmd.options.filter(
            (option) => !option.hidden
          );
          globalOptions.push(...visibleOptions);
        }
        if (this.sortOptions) {
          globalOptions.sort(this.compareOptions);
        }
        return globalOptions;
      }
      /**
       * Get an array of the arguments if any have a description.
       *
       * @param {Command} cmd
       * @returns {Argument[]}
       */
      visibleArguments(cmd) {
        if (cmd._argsDescription) {
          cmd.registeredArguments.forEach((argument) => {
            argument.description = argument.description || cmd._argsDescription[argument.name()] || "";
          });
        }
        if (cmd.registeredArguments.find((argument) => argument.description)) {
          return cmd.registeredArguments;
        }
        return [];
      }
      /**
       * Get the command term to show in the list of subcommands.
       *
       * @param {Command} cmd
       * @returns {string}
       */
      subcommandTerm(cmd) {
        const args = cmd.registeredArguments.map((arg) => humanReadableArgName(arg)).join(" ");
        return cmd._name + (cmd._aliases[0] ? "|" + cmd._aliases[0] : "") + (cmd.options.length ? " [options]" : "") + // simplistic check for non-help option
        (args ? " " + args : "");
      }
      /**
       * Get the option term to show in the list of options.
       *
       * @param {Option} option
       * @returns {string}
       */
      optionTerm(option) {
        return option.flags;
      }
      /**
       * Get the argument term to show in the list of arguments.
       *
       * @param {Argument} argument
       * @returns {string}
       */
      argumentTerm(argument) {
        return argument.name();
      }
      /**
       * Get the longest command term length.
       *
       * @param {Command} cmd
       * @param {Help} helper
       * @returns {number}
       */
      longestSubcommandTermLength(cmd, helper) {
        return helper.visibleCommands(cmd).reduce((max, command) => {
          return Math.max(
            max,
            this.displayWidth(
              helper.styleSubcommandTerm(helper.subcommandTerm(command))
            )
          );
        }, 0);
      }
      /**
       * Get the longest option term length.
       *
       * @param {Command} cmd
       * @param {Help} helper
       * @returns {number}
       */
      longestOptionTermLength(cmd, helper) {
        return helper.visibleOptions(cmd).reduce((max, option) => {
          return Math.max(
            max,
            this.displayWidth(helper.styleOptionTerm(helper.optionTerm(option)))
          );
        }, 0);
      }
      /**
       * Get the longest global option term length.
       *
       * @param {Command} cmd
       * @param {Help} helper
       * @returns {number}
       */
      longestGlobalOptionTermLength(cmd, helper) {
        return helper.visibleGlobalOptions(cmd).reduce((max, option) => {
          return Math.max(
            max,
            this.displayWidth(helper.styleOptionTerm(helper.optionTerm(option)))
          );
        }, 0);
      }
      /**
       * Get the longest argument term length.
       *
       * @param {Command} cmd
       * @param {Help} helper
       * @returns {number}
       */
      longestArgumentTermLength(cmd, helper) {
        return helper.visibleArguments(cmd).reduce((max, argument) => {
          return Math.max(
            max,
            this.displayWidth(
              helper.styleArgumentTerm(helper.argumentTerm(argument))
            )
          );
        }, 0);
      }
      /**
       * Get the command usage to be displayed at the top of the built-in help.
       *
       * @param {Command} cmd
       * @returns {string}
       */
      commandUsage(cmd) {
        let cmdName = cmd._name;
        if (cmd._aliases[0]) {
          cmdName = cmdName + "|" + cmd._aliases[0];
        }
        let ancestorCmdNames = "";
        for (let ancestorCmd = cmd.parent; ancestorCmd; ancestorCmd = ancestorCmd.parent) {
          ancestorCmdNames = ancestorCmd.name() + " " + ancestorCmdNames;
        }
        return ancestorCmdNames + cmdName + " " + cmd.usage();
      }
      /**
       * Get the description for the command.
       *
       * @param {Command} cmd
       * @returns {string}
       */
      commandDescription(cmd) {
        return cmd.description();
      }
      /**
       * Get the subcommand summary to show in the list of subcommands.
       * (Fallback to description for backwards compatibility.)
       *
       * @param {Command} cmd
       * @returns {string}
       */
      subcommandDescription(cmd) {
        return cmd.summary() || cmd.description();
      }
      /**
       * Get the option description to show in the list of options.
       *
       * @param {Option} option
       * @return {string}
       */
      optionDescription(option) {
        const extraInfo = [];
        if (option.argChoices) {
          extraInfo.push(
            // use stringify to match the display of the default value
            `choices: ${option.argChoices.map((choice) => JSON.stringify(choice)).join(", ")}`
          );
        }
        if (option.defaultValue !== void 0) {
          const showDefault = option.required || option.optional || option.isBoolean() && typeof option.defaultValue === "boolean";
          if (showDefault) {
            extraInfo.push(
              `default: ${option.defaultValueDescription || JSON.stringify(option.defaultValue)}`
            );
          }
        }
        if (option.presetArg !== void 0 && option.optional) {
          extraInfo.push(`preset: ${JSON.stringify(option.presetArg)}`);
        }
        if (option.envVar !== void 0) {
          extraInfo.push(`env: ${option.envVar}`);
        }
        if (extraInfo.length > 0) {
          const extraDescription = `(${extraInfo.join(", ")})`;
          if (option.description) {
            return `${option.description} ${extraDescription}`;
          }
          return extraDescription;
        }
        return option.description;
      }
      /**
       * Get the argument description to show in the list of arguments.
       *
       * @param {Argument} argument
       * @return {string}
       */
      argumentDescription(argument) {
        const extraInfo = [];
        if (argument.argChoices) {
          extraInfo.push(
            // use stringify to match the display of the default value
            `choices: ${argument.argChoices.map((choice) => JSON.stringify(choice)).join(", ")}`
          );
        }
        if (argument.defaultValue !== void 0) {
          extraInfo.push(
            `default: ${argument.defaultValueDescription || JSON.stringify(argument.defaultValue)}`
          );
        }
        if (extraInfo.length > 0) {
          const extraDescription = `(${extraInfo.join(", ")})`;
          if (argument.description) {
            return `${argument.description} ${extraDescription}`;
          }
          return extraDescription;
        }
        return argument.description;
      }
      /**
       * Format a list of items, given a heading and an array of formatted items.
       *
       * @param {string} heading
       * @param {string[]} items
       * @param {Help} helper
       * @returns string[]
       */
      formatItemList(heading, items, helper) {
        if (items.length === 0) return [];
        return [helper.styleTitle(heading), ...items, ""];
      }
      /**
       * Group items by their help group heading.
       *
       * @param {Command[] | Option[]} unsortedItems
       * @param {Command[] | Option[]} visibleItems
       * @param {Function} getGroup
       * @returns {Map<string, Command[] | Option[]>}
       */
      groupItems(unsortedItems, visibleItems, getGroup) {
        const result = /* @__PURE__ */ new Map();
        unsortedItems.forEach((item) => {
          const group = getGroup(item);
          if (!result.has(group)) result.set(group, []);
        });
        visibleItems.forEach((item) => {
          const group = getGroup(item);
          if (!result.has(group)) {
            result.set(group, []);
          }
          result.get(group).push(item);
        });
        return result;
      }
      /**
       * Generate the built-in help text.
       *
       * @param {Command} cmd
       * @param {Help} helper
       * @returns {string}
       */
      formatHelp(cmd, helper) {
        const termWidth = helper.padWidth(cmd, helper);
        const helpWidth = helper.helpWidth ?? 80;
        function callFormatItem(term, description) {
          return helper.formatItem(term, termWidth, description, helper);
        }
        let output2 = [
          `${helper.styleTitle("Usage:")} ${helper.styleUsage(helper.commandUsage(cmd))}`,
          ""
        ];
        const commandDescription = helper.commandDescription(cmd);
        if (commandDescription.length > 0) {
          output2 = output2.concat([
            helper.boxWrap(
              helper.styleCommandDescription(commandDescription),
              helpWidth
            ),
            ""
          ]);
        }
        const argumentList = helper.visibleArguments(cmd).map((argument) => {
          return callFormatItem(
            helper.styleArgumentTerm(helper.argumentTerm(argument)),
            helper.styleArgumentDescription(helper.argumentDescription(argument))
          );
        });
        output2 = output2.concat(
          this.formatItemList("Arguments:", argumentList, helper)
        );
        const optionGroups = this.groupItems(
          cmd.options,
          helper.visibleOptions(cmd),
          (option) => option.helpGroupHeading ?? "Options:"
        );
        optionGroups.forEach((options, group) => {
          const optionList = options.map((option) => {
            return callFormatItem(
              helper.styleOptionTerm(helper.optionTerm(option)),
              helper.styleOptionDescription(helper.optionDescription(option))
            );
          });
          output2 = output2.concat(this.formatItemList(group, optionList, helper));
        });
        if (helper.showGlobalOptions) {
          const globalOptionList = helper.visibleGlobalOptions(cmd).map((option) => {
            return callFormatItem(
              helper.styleOptionTerm(helper.optionTerm(option)),
              helper.styleOptionDescription(helper.optionDescription(option))
            );
          });
          output2 = output2.concat(
            this.formatItemList("Global Options:", globalOptionList, helper)
          );
        }
        const commandGroups = this.groupItems(
          cmd.commands,
          helper.visibleCommands(cmd),
          (sub) => sub.helpGroup() || "Commands:"
        );
        commandGroups.forEach((commands2, group) => {
          const commandList = commands2.map((sub) => {
            return callFormatItem(
              helper.styleSubcommandTerm(helper.subcommandTerm(sub)),
              helper.styleSubcommandDescription(helper.subcommandDescription(sub))
            );
          });
          output2 = output2.concat(this.formatItemList(group, commandList, helper));
        });
        return output2.join("\n");
      }
      /**
       * Return display width of string, ignoring ANSI escape sequences. Used in padding and wrapping calculations.
       *
       * @param {string} str
       * @returns {number}
       */
      displayWidth(str2) {
        return stripColor(str2).length;
      }
      /**
       * Style the title for displaying in the help. Called with 'Usage:', 'Options:', etc.
       *
       * @param {string} str
       * @returns {string}
       */
      styleTitle(str2) {
        return str2;
      }
      styleUsage(str2) {
        return str2.split(" ").map((word) => {
          if (word === "[options]") return this.styleOptionText(word);
          if (word === "[command]") return this.styleSubcommandText(word);
          if (word[0] === "[" || word[0] === "<")
            return this.styleArgumentText(word);
          return this.styleCommandText(word);
        }).join(" ");
      }
      styleCommandDescription(str2) {
        return this.styleDescriptionText(str2);
      }
      styleOptionDescription(str2) {
        return this.styleDescriptionText(str2);
      }
      styleSubcommandDescription(str2) {
        return this.styleDescriptionText(str2);
      }
      styleArgumentDescription(str2) {
        return this.styleDescriptionText(str2);
      }
      styleDescriptionText(str2) {
        return str2;
      }
      styleOptionTerm(str2) {
        return this.styleOptionText(str2);
      }
      styleSubcommandTerm(str2) {
        return str2.split(" ").map((word) => {
          if (word === "[options]") return this.styleOptionText(word);
          if (word[0] === "[" || word[0] === "<")
            return this.styleArgumentText(word);
          return this.styleSubcommandText(word);
        }).join(" ");
      }
      styleArgumentTerm(str2) {
        return this.styleArgumentText(str2);
      }
      styleOptionText(str2) {
        return str2;
      }
      styleArgumentText(str2) {
        return str2;
      }
      styleSubcommandText(str2) {
        return str2;
      }
      styleCommandText(str2) {
        return str2;
      }
      /**
       * Calculate the pad width from the maximum term length.
       *
       * @param {Command} cmd
       * @param {Help} helper
       * @returns {number}
       */
      padWidth(cmd, helper) {
        return Math.max(
          helper.longestOptionTermLength(cmd, helper),
          helper.longestGlobalOptionTermLength(cmd, helper),
          helper.longestSubcommandTermLength(cmd, helper),
          helper.longestArgumentTermLength(cmd, helper)
        );
      }
      /**
       * Detect manually wrapped and indented strings by checking for line break followed by whitespace.
       *
       * @param {string} str
       * @returns {boolean}
       */
      preformatted(str2) {
        return /\n[^\S\r\n]/.test(str2);
      }
      /**
       * Format the "item", which consists of a term and description. Pad the term and wrap the description, indenting the following lines.
       *
       * So "TTT", 5, "DDD DDDD DD DDD" might be formatted for this.helpWidth=17 like so:
       *   TTT  DDD DDDD
       *        DD DDD
       *
       * @param {string} term
       * @param {number} termWidth
       * @param {string} description
       * @param {Help} helper
       * @returns {string}
       */
      formatItem(term, termWidth, description, helper) {
        const itemIndent = 2;
        const itemIndentStr = " ".repeat(itemIndent);
        if (!description) return itemIndentStr + term;
        const paddedTerm = term.padEnd(
          termWidth + term.length - helper.displayWidth(term)
        );
        const spacerWidth = 2;
        const helpWidth = this.helpWidth ?? 80;
        const remainingWidth = helpWidth - termWidth - spacerWidth - itemIndent;
        let formattedDescription;
        if (remainingWidth < this.minWidthToWrap || helper.preformatted(description)) {
          formattedDescription = description;
        } else {
          const wrappedDescription = helper.boxWrap(description, remainingWidth);
          formattedDescription = wrappedDescription.replace(
            /\n/g,
            "\n" + " ".repeat(termWidth + spacerWidth)
          );
        }
        return itemIndentStr + paddedTerm + " ".repeat(spacerWidth) + formattedDescription.replace(/\n/g, `
${itemIndentStr}`);
      }
      /**
       * Wrap a string at whitespace, preserving existing line breaks.
       * Wrapping is skipped if the width is less than `minWidthToWrap`.
       *
       * @param {string} str
       * @param {number} width
       * @returns {string}
       */
      boxWrap(str2, width) {
        if (width < this.minWidthToWrap) return str2;
        const rawLines = str2.split(/\r\n|\n/);
        const chunkPattern = /[\s]*[^\s]+/g;
        const wrappedLines = [];
        rawLines.forEach((line) => {
          const chunks = line.match(chunkPattern);
          if (chunks === null) {
            wrappedLines.push("");
            return;
          }
          let sumChunks = [chunks.shift()];
          let sumWidth = this.displayWidth(sumChunks[0]);
          chunks.forEach((chunk) => {
            const visibleWidth = this.displayWidth(chunk);
            if (sumWidth + visibleWidth <= width) {
              sumChunks.push(chunk);
              sumWidth += visibleWidth;
              return;
            }
            wrappedLines.push(sumChunks.join(""));
            const nextChunk = chunk.trimStart();
            sumChunks = [nextChunk];
            sumWidth = this.displayWidth(nextChunk);
          });
          wrappedLines.push(sumChunks.join(""));
        });
        return wrappedLines.join("\n");
      }
    };
    function stripColor(str2) {
      const sgrPattern = /\x1b\[\d*(;\d*)*m/g;
      return str2.replace(sgrPattern, "");
    }
    exports.Help = Help2;
    exports.stripColor = stripColor;
  }
});

// node_modules/commander/lib/option.js
var require_option = __commonJS({
  "node_modules/commander/lib/option.js"(exports) {
    var { InvalidArgumentError: InvalidArgumentError2 } = require_error();
    var Option2 = class {
      /**
       * Initialize a new `Option` with the given `flags` and `description`.
       *
       * @param {string} flags
       * @param {string} [description]
       */
      constructor(flags, description) {
        this.flags = flags;
        this.description = description || "";
        this.required = flags.includes("<");
        this.optional = flags.includes("[");
        this.variadic = /\w\.\.\.[>\]]$/.test(flags);
        this.mandatory = false;
        const optionFlags = splitOptionFlags(flags);
        this.short = optionFlags.shortFlag;
        this.long = optionFlags.longFlag;
        this.negate = false;
        if (this.long) {
          this.negate = this.long.startsWith("--no-");
        }
        this.defaultValue = void 0;
        this.defaultValueDescription = void 0;
        this.presetArg = void 0;
        this.envVar = void 0;
        this.parseArg = void 0;
        this.hidden = false;
        this.argChoices = void 0;
        this.conflictsWith = [];
        this.implied = void 0;
        this.helpGroupHeading = void 0;
      }
      /**
       * Set the default value, and optionally supply the description to be displayed in the help.
       *
       * @param {*} value
       * @param {string} [description]
       * @return {Option}
       */
      default(value, description) {
        this.defaultValue = value;
        this.defaultValueDescription = description;
        return this;
      }
      /**
       * Preset to use when option used without option-argument, especially optional but also boolean and negated.
       * The custom processing (parseArg) is called.
       *
       * @example
       * new Option('--color').default('GREYSCALE').preset('RGB');
       * new Option('--donate [amount]').preset('20').argParser(parseFloat);
       *
       * @param {*} arg
       * @return {Option}
       */
      preset(arg) {
        this.presetArg = arg;
        return this;
      }
      /**
       * Add option name(s) that conflict with this option.
       * An error will be displayed if conflicting options are found during parsing.
       *
       * @example
       * new Option('--rgb').conflicts('cmyk');
       * new Option('--js').conflicts(['ts', 'jsx']);
       *
       * @param {(string | string[])} names
       * @return {Option}
       */
      conflicts(names) {
        this.conflictsWith = this.conflictsWith.concat(names);
        return this;
      }
      /**
       * Specify implied option values for when this option is set and the implied options are not.
       *
       * The custom processing (parseArg) is not called on the implied values.
       *
       * @example
       * program
       *   .addOption(new Option('--log', 'write logging information to file'))
       *   .addOption(new Option('--trace', 'log extra details').implies({ log: 'trace.txt' }));
       *
       * @param {object} impliedOptionValues
       * @return {Option}
       */
      implies(impliedOptionValues) {
        let newImplied = impliedOptionValues;
        if (typeof impliedOptionValues === "string") {
          newImplied = { [impliedOptionValues]: true };
        }
        this.implied = Object.assign(this.implied || {}, newImplied);
        return this;
      }
      /**
       * Set environment variable to check for option value.
       *
       * An environment variable is only used if when processed the current option value is
       * undefined, or the source of the current value is 'default' or 'config' or 'env'.
       *
       * @param {string} name
       * @return {Option}
       */
      env(name3) {
        this.envVar = name3;
        return this;
      }
      /**
       * Set the custom handler for processing CLI option arguments into option values.
       *
       * @param {Function} [fn]
       * @return {Option}
       */
      argParser(fn) {
        this.parseArg = fn;
        return this;
      }
      /**
       * Whether the option is mandatory and must have a value after parsing.
       *
       * @param {boolean} [mandatory=true]
       * @return {Option}
       */
      makeOptionMandatory(mandatory = true) {
        this.mandatory = !!mandatory;
        return this;
      }
      /**
       * Hide option in help.
       *
       * @param {boolean} [hide=true]
       * @return {Option}
       */
      hideHelp(hide = true) {
        this.hidden = !!hide;
        return this;
      }
      /**
       * @package
       */
      _collectValue(value, previous) {
        if (previous === this.defaultValue || !Array.isArray(previous)) {
          return [value];
        }
        previous.push(value);
        return previous;
      }
      /**
       * Only allow option value to be one of choices.
       *
       * @param {string[]} values
       * @return {Option}
       */
      choices(values) {
        this.argChoices = values.slice();
        this.parseArg = (arg, previous) => {
          if (!this.argChoices.includes(arg)) {
            throw new InvalidArgumentError2(
              `Allowed choices are ${this.argChoices.join(", ")}.`
            );
          }
          if (this.variadic) {
            return this._collectValue(arg, previous);
          }
          return arg;
        };
        return this;
      }
      /**
       * Return option name.
       *
       * @return {string}
       */
      name() {
        if (this.long) {
          return this.long.replace(/^--/, "");
        }
        return this.short.replace(/^-/, "");
      }
      /**
       * Return option name, in a camelcase format that can be used
       * as an object attribute key.
       *
       * @return {string}
       */
      attributeName() {
        if (this.negate) {
          return camelcase(this.name().replace(/^no-/, ""));
        }
        return camelcase(this.name());
      }
      /**
       * Set the help group heading.
       *
       * @param {string} heading
       * @return {Option}
       */
      helpGroup(heading) {
        this.helpGroupHeading = heading;
        return this;
      }
      /**
       * Check if `arg` matches the short or long flag.
       *
       * @param {string} arg
       * @return {boolean}
       * @package
       */
      is(arg) {
        return this.short === arg || this.long === arg;
      }
      /**
       * Return whether a boolean option.
       *
       * Options are one of boolean, negated, required argument, or optional argument.
       *
       * @return {boolean}
       * @package
       */
      isBoolean() {
        return !this.required && !this.optional && !this.negate;
      }
    };
    var DualOptions = class {
      /**
       * @param {Option[]} options
       */
      constructor(options) {
        this.positiveOptions = /* @__PURE__ */ new Map();
        this.negativeOptions = /* @__PURE__ */ new Map();
        this.dualOptions = /* @__PURE__ */ new Set();
        options.forEach((option) => {
          if (option.negate) {
            this.negativeOptions.set(option.attributeName(), option);
          } else {
            this.positiveOptions.set(option.attributeName(), option);
          }
        });
        this.negativeOptions.forEach((value, key) => {
          if (this.positiveOptions.has(key)) {
            this.dualOptions.add(key);
          }
        });
      }
      /**
       * Did the value come from the option, and not from possible matching dual option?
       *
       * @param {*} value
       * @param {Option} option
       * @returns {boolean}
       */
      valueFromOption(value, option) {
        const optionKey = option.attributeName();
        if (!this.dualOptions.has(optionKey)) return true;
        const preset = this.negativeOptions.get(optionKey).presetArg;
        const negativeValue = preset !== void 0 ? preset : false;
        return option.negate === (negativeValue === value);
      }
    };
    function camelcase(str2) {
      return str2.split("-").reduce((str3, word) => {
        return str3 + word[0].toUpperCase() + word.slice(1);
      });
    }
    function splitOptionFlags(flags) {
      let shortFlag;
      let longFlag;
      const shortFlagExp = /^-[^-]$/;
      const longFlagExp = /^--[^-]/;
      const flagParts = flags.split(/[ |,]+/).concat("guard");
      if (shortFlagExp.test(flagParts[0])) shortFlag = flagParts.shift();
      if (longFlagExp.test(flagParts[0])) longFlag = flagParts.shift();
      if (!shortFlag && shortFlagExp.test(flagParts[0]))
        shortFlag = flagParts.shift();
      if (!shortFlag && longFlagExp.test(flagParts[0])) {
        shortFlag = longFlag;
        longFlag = flagParts.shift();
      }
      if (flagParts[0].startsWith("-")) {
        const unsupportedFlag = flagParts[0];
        const baseError = `option creation failed due to '${unsupportedFlag}' in option flags '${flags}'`;
        if (/^-[^-][^-]/.test(unsupportedFlag))
          throw new Error(
            `${baseError}
- a short flag is a single dash and a single character
  - either use a single dash and a single character (for a short flag)
  - or use a double dash for a long option (and can have two, like '--ws, --workspace')`
          );
        if (shortFlagExp.test(unsupportedFlag))
          throw new Error(`${baseError}
- too many short flags`);
        if (longFlagExp.test(unsupportedFlag))
          throw new Error(`${baseError}
- too many long flags`);
        throw new Error(`${baseError}
- unrecognised flag format`);
      }
      if (shortFlag === void 0 && longFlag === void 0)
        throw new Error(
          `option creation failed due to no flags found in '${flags}'.`
        );
      return { shortFlag, longFlag };
    }
    exports.Option = Option2;
    exports.DualOptions = DualOptions;
  }
});

// node_modules/commander/lib/suggestSimilar.js
var require_suggestSimilar = __commonJS({
  "node_modules/commander/lib/suggestSimilar.js"(exports) {
    var maxDistance = 3;
    function editDistance2(a, b) {
      if (Math.abs(a.length - b.length) > maxDistance)
        return Math.max(a.length, b.length);
      const d = [];
      for (let i = 0; i <= a.length; i++) {
        d[i] = [i];
      }
      for (let j = 0; j <= b.length; j++) {
        d[0][j] = j;
      }
      for (let j = 1; j <= b.length; j++) {
        for (let i = 1; i <= a.length; i++) {
          let cost = 1;
          if (a[i - 1] === b[j - 1]) {
            cost = 0;
          } else {
            cost = 1;
          }
          d[i][j] = Math.min(
            d[i - 1][j] + 1,
            // deletion
            d[i][j - 1] + 1,
            // insertion
            d[i - 1][j - 1] + cost
            // substitution
          );
          if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
            d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
          }
        }
      }
      return d[a.length][b.length];
    }
    function suggestSimilar(word, candidates) {
      if (!candidates || candidates.length === 0) return "";
      candidates = Array.from(new Set(candidates));
      const searchingOptions = word.startsWith("--");
      if (searchingOptions) {
        word = word.slice(2);
        candidates = candidates.map((candidate) => candidate.slice(2));
      }
      let similar = [];
      let bestDistance = maxDistance;
      const minSimilarity = 0.4;
      candidates.forEach((candidate) => {
        if (candidate.length <= 1) return;
        const distance = editDistance2(word, candidate);
        const length = Math.max(word.length, candidate.length);
        const similarity = (length - distance) / length;
        if (similarity > minSimilarity) {
          if (distance < bestDistance) {
            bestDistance = distance;
            similar = [candidate];
          } else if (distance === bestDistance) {
            similar.push(candidate);
          }
        }
      });
      similar.sort((a, b) => a.localeCompare(b));
      if (searchingOptions) {
        similar = similar.map((candidate) => `--${candidate}`);
      }
      if (similar.length > 1) {
        return `
(Did you mean one of ${similar.join(", ")}?)`;
      }
      if (similar.length === 1) {
        return `
(Did you mean ${similar[0]}?)`;
      }
      return "";
    }
    exports.suggestSimilar = suggestSimilar;
  }
});

// node_modules/commander/lib/command.js
var require_command = __commonJS({
  "node_modules/commander/lib/command.js"(exports) {
    var EventEmitter = __require("node:events").EventEmitter;
    var childProcess = __require("node:child_process");
    var path2 = __require("node:path");
    var fs = __require("node:fs");
    var process2 = __require("node:process");
    var { Argument: Argument2, humanReadableArgName } = require_argument();
    var { CommanderError: CommanderError2 } = require_error();
    var { Help: Help2, stripColor } = require_help();
    var { Option: Option2, DualOptions } = require_option();
    var { suggestSimilar } = require_suggestSimilar();
    var Command2 = class _Command extends EventEmitter {
      /**
       * Initialize a new `Command`.
       *
       * @param {string} [name]
       */
      constructor(name3) {
        super();
        this.commands = [];
        this.options = [];
        this.parent = null;
        this._allowUnknownOption = false;
        this._allowExcessArguments = false;
        this.registeredArguments = [];
        this._args = this.registeredArguments;
        this.args = [];
        this.rawArgs = [];
        this.processedArgs = [];
        this._scriptPath = null;
        this._name = name3 || "";
        this._optionValues = {};
        this._optionValueSources = {};
        this._storeOptionsAsProperties = false;
        this._actionHandler = null;
        this._executableHandler = false;
        this._executableFile = null;
        this._executableDir = null;
        this._defaultCommandName = null;
        this._exitCallback = null;
        this._aliases = [];
        this._combineFlagAndOptionalValue = true;
        this._description = "";
        this._summary = "";
        this._argsDescription = void 0;
        this._enablePositionalOptions = false;
        this._passThroughOptions = false;
        this._lifeCycleHooks = {};
        this._showHelpAfterError = false;
        this._showSuggestionAfterError = true;
        this._savedState = null;
        this._outputConfiguration = {
          writeOut: (str2) => process2.stdout.write(str2),
          writeErr: (str2) => process2.stderr.write(str2),
          outputError: (str2, write) => write(str2),
          getOutHelpWidth: () => process2.stdout.isTTY ? process2.stdout.columns : void 0,
          getErrHelpWidth: () => process2.stderr.isTTY ? process2.stderr.columns : void 0,
          getOutHasColors: () => useColor() ?? (process2.stdout.isTTY && process2.stdout.hasColors?.()),
          getErrHasColors: () => useColor() ?? (process2.stderr.isTTY && process2.stderr.hasColors?.()),
          stripColor: (str2) => stripColor(str2)
        };
        this._hidden = false;
        this._helpOption = void 0;
        this._addImplicitHelpCommand = void 0;
        this._helpCommand = void 0;
        this._helpConfiguration = {};
        this._helpGroupHeading = void 0;
        this._defaultCommandGroup = void 0;
        this._defaultOptionGroup = void 0;
      }
      /**
       * Copy settings that are useful to have in common across root command and subcommands.
       *
       * (Used internally when adding a command using `.command()` so subcommands inherit parent settings.)
       *
       * @param {Command} sourceCommand
       * @return {Command} `this` command for chaining
       */
      copyInheritedSettings(sourceCommand) {
        this._outputConfiguration = sourceCommand._outputConfiguration;
        this._helpOption = sourceCommand._helpOption;
        this._helpCommand = sourceCommand._helpCommand;
        this._helpConfiguration = sourceCommand._helpConfiguration;
        this._exitCallback = sourceCommand._exitCallback;
        this._storeOptionsAsProperties = sourceCommand._storeOptionsAsProperties;
        this._combineFlagAndOptionalValue = sourceCommand._combineFlagAndOptionalValue;
        this._allowExcessArguments = sourceCommand._allowExcessArguments;
        this._enablePositionalOptions = sourceCommand._enablePositionalOptions;
        this._showHelpAfterError = sourceCommand._showHelpAfterError;
        this._showSuggestionAfterError = sourceCommand._showSuggestionAfterError;
        return this;
      }
      /**
       * @returns {Command[]}
       * @private
       */
      _getCommandAndAncestors() {
        const result = [];
        for (let command = this; command; command = command.parent) {
          result.push(command);
        }
        return result;
      }
      /**
       * Define a command.
       *
       * There are two styles of command: pay attention to where to put the description.
       *
       * @example
       * // Command implemented using action handler (description is supplied separately to `.command`)
       * program
       *   .command('clone <source> [destination]')
       *   .description('clone a repository into a newly created directory')
       *   .action((source, destination) => {
       *     console.log('clone command called');
       *   });
       *
       * // Command implemented using separate executable file (description is second parameter to `.command`)
       * program
       *   .command('start <service>', 'start named service')
       *   .command('stop [service]', 'stop named service, or all if no name supplied');
       *
       * @param {string} nameAndArgs - command name and arguments, args are `<required>` or `[optional]` and last may also be `variadic...`
       * @param {(object | string)} [actionOptsOrExecDesc] - configuration options (for action), or description (for executable)
       * @param {object} [execOpts] - configuration options (for executable)
       * @return {Command} returns new command for action handler, or `this` for executable command
       */
      command(nameAndArgs, actionOptsOrExecDesc, execOpts) {
        let desc = actionOptsOrExecDesc;
        let opts = execOpts;
        if (typeof desc === "object" && desc !== null) {
          opts = desc;
          desc = null;
        }
        opts = opts || {};
        const [, name3, args] = nameAndArgs.match(/([^ ]+) *(.*)/);
        const cmd = this.createCommand(name3);
        if (desc) {
          cmd.description(desc);
          cmd._executableHandler = true;
        }
        if (opts.isDefault) this._defaultCommandName = cmd._name;
        cmd._hidden = !!(opts.noHelp || opts.hidden);
        cmd._executableFile = opts.executableFile || null;
        if (args) cmd.arguments(args);
        this._registerCommand(cmd);
        cmd.parent = this;
        cmd.copyInheritedSettings(this);
        if (desc) return this;
        return cmd;
      }
      /**
       * Factory routine to create a new unattached command.
       *
       * See .command() for creating an attached subcommand, which uses this routine to
       * create the command. You can override createCommand to customise subcommands.
       *
       * @param {string} [name]
       * @return {Command} new command
       */
      createCommand(name3) {
        return new _Command(name3);
      }
      /**
       * You can customise the help with a subclass of Help by overriding createHelp,
       * or by overriding Help properties using configureHelp().
       *
       * @return {Help}
       */
      createHelp() {
        return Object.assign(new Help2(), this.configureHelp());
      }
      /**
       * You can customise the help by overriding Help properties using configureHelp(),
       * or with a subclass of Help by overriding createHelp().
       *
       * @param {object} [configuration] - configuration options
       * @return {(Command | object)} `this` command for chaining, or stored configuration
       */
      configureHelp(configuration) {
        if (configuration === void 0) return this._helpConfiguration;
        this._helpConfiguration = configuration;
        return this;
      }
      /**
       * The default output goes to stdout and stderr. You can customise this for special
       * applications. You can also customise the display of errors by overriding outputError.
       *
       * The configuration properties are all functions:
       *
       *     // change how output being written, defaults to stdout and stderr
       *     writeOut(str)
       *     writeErr(str)
       *     // change how output being written for errors, defaults to writeErr
       *     outputError(str, write) // used for displaying errors and not used for displaying help
       *     // specify width for wrapping help
       *     getOutHelpWidth()
       *     getErrHelpWidth()
       *     // color support, currently only used with Help
       *     getOutHasColors()
       *     getErrHasColors()
       *     stripColor() // used to remove ANSI escape codes if output does not have colors
       *
       * @param {object} [configuration] - configuration options
       * @return {(Command | object)} `this` command for chaining, or stored configuration
       */
      configureOutput(configuration) {
        if (configuration === void 0) return this._outputConfiguration;
        this._outputConfiguration = {
          ...this._outputConfiguration,
          ...configuration
        };
        return this;
      }
      /**
       * Display the help or a custom message after an error occurs.
       *
       * @param {(boolean|string)} [displayHelp]
       * @return {Command} `this` command for chaining
       */
      showHelpAfterError(displayHelp = true) {
        if (typeof displayHelp !== "string") displayHelp = !!displayHelp;
        this._showHelpAfterError = displayHelp;
        return this;
      }
      /**
       * Display suggestion of similar commands for unknown commands, or options for unknown options.
       *
       * @param {boolean} [displaySuggestion]
       * @return {Command} `this` command for chaining
       */
      showSuggestionAfterError(displaySuggestion = true) {
        this._showSuggestionAfterError = !!displaySuggestion;
        return this;
      }
      /**
       * Add a prepared subcommand.
       *
       * See .command() for creating an attached subcommand which inherits settings from its parent.
       *
       * @param {Command} cmd - new subcommand
       * @param {object} [opts] - configuration options
       * @return {Command} `this` command for chaining
       */
      addCommand(cmd, opts) {
        if (!cmd._name) {
          throw new Error(`Command passed to .addCommand() must have a name
- specify the name in Command constructor or using .name()`);
        }
        opts = opts || {};
        if (opts.isDefault) this._defaultCommandName = cmd._name;
        if (opts.noHelp || opts.hidden) cmd._hidden = true;
        this._registerCommand(cmd);
        cmd.parent = this;
        cmd._checkForBrokenPassThrough();
        return this;
      }
      /**
       * Factory routine to create a new unattached argument.
       *
       * See .argument() for creating an attached argument, which uses this routine to
       * create the argument. You can override createArgument to return a custom argument.
       *
       * @param {string} name
       * @param {string} [description]
       * @return {Argument} new argument
       */
      createArgument(name3, description) {
        return new Argument2(name3, description);
      }
      /**
       * Define argument syntax for command.
       *
       * The default is that the argument is required, and you can explicitly
       * indicate this with <> around the name. Put [] around the name for an optional argument.
       *
       * @example
       * program.argument('<input-file>');
       * program.argument('[output-file]');
       *
       * @param {string} name
       * @param {string} [description]
       * @param {(Function|*)} [parseArg] - custom argument processing function or default value
       * @param {*} [defaultValue]
       * @return {Command} `this` command for chaining
       */
      argument(name3, description, parseArg, defaultValue) {
        const argument = this.createArgument(name3, description);
        if (typeof parseArg === "function") {
          argument.default(defaultValue).argParser(parseArg);
        } else {
          argument.default(parseArg);
        }
        this.addArgument(argument);
        return this;
      }
      /**
       * Define argument syntax for command, adding multiple at once (without descriptions).
       *
       * See also .argument().
       *
       * @example
       * program.arguments('<cmd> [env]');
       *
       * @param {string} names
       * @return {Command} `this` command for chaining
       */
      arguments(names) {
        names.trim().split(/ +/).forEach((detail) => {
          this.argument(detail);
        });
        return this;
      }
      /**
       * Define argument syntax for command, adding a prepared argument.
       *
       * @param {Argument} argument
       * @return {Command} `this` command for chaining
       */
      addArgument(argument) {
        const previousArgument = this.registeredArguments.slice(-1)[0];
        if (previousArgument?.variadic) {
          throw new Error(
            `only the last argument can be variadic '${previousArgument.name()}'`
          );
        }
        if (argument.required && argument.defaultValue !== void 0 && argument.parseArg === void 0) {
          throw new Error(
            `a default value for a required argument is never used: '${argument.name()}'`
          );
        }
        this.registeredArguments.push(argument);
        return this;
      }
      /**
       * Customise or override default help command. By default a help command is automatically added if your command has subcommands.
       *
       * @example
       *    program.helpCommand('help [cmd]');
       *    program.helpCommand('help [cmd]', 'show help');
       *    program.helpCommand(false); // suppress default help command
       *    program.helpCommand(true); // add help command even if no subcommands
       *
       * @param {string|boolean} enableOrNameAndArgs - enable with custom name and/or arguments, or boolean to override whether added
       * @param {string} [description] - custom description
       * @return {Command} `this` command for chaining
       */
      helpCommand(enableOrNameAndArgs, description) {
        if (typeof enableOrNameAndArgs === "boolean") {
          this._addImplicitHelpCommand = enableOrNameAndArgs;
          if (enableOrNameAndArgs && this._defaultCommandGroup) {
            this._initCommandGroup(this._getHelpCommand());
          }
          return this;
        }
        const nameAndArgs = enableOrNameAndArgs ?? "help [command]";
        const [, helpName, helpArgs] = nameAndArgs.match(/([^ ]+) *(.*)/);
        const helpDescription = description ?? "display help for command";
        const helpCommand2 = this.createCommand(helpName);
        helpCommand2.helpOption(false);
        if (helpArgs) helpCommand2.arguments(helpArgs);
        if (helpDescription) helpCommand2.description(helpDescription);
        this._addImplicitHelpCommand = true;
        this._helpCommand = helpCommand2;
        if (enableOrNameAndArgs || description) this._initCommandGroup(helpCommand2);
        return this;
      }
      /**
       * Add prepared custom help command.
       *
       * @param {(Command|string|boolean)} helpCommand - custom help command, or deprecated enableOrNameAndArgs as for `.helpCommand()`
       * @param {string} [deprecatedDescription] - deprecated custom description used with custom name only
       * @return {Command} `this` command for chaining
       */
      addHelpCommand(helpCommand2, deprecatedDescription) {
        if (typeof helpCommand2 !== "object") {
          this.helpCommand(helpCommand2, deprecatedDescription);
          return this;
        }
        this._addImplicitHelpCommand = true;
        this._helpCommand = helpCommand2;
        this._initCommandGroup(helpCommand2);
        return this;
      }
      /**
       * Lazy create help command.
       *
       * @return {(Command|null)}
       * @package
       */
      _getHelpCommand() {
        const hasImplicitHelpCommand = this._addImplicitHelpCommand ?? (this.commands.length && !this._actionHandler && !this._findCommand("help"));
        if (hasImplicitHelpCommand) {
          if (this._helpCommand === void 0) {
            this.helpCommand(void 0, void 0);
          }
          return this._helpCommand;
        }
        return null;
      }
      /**
       * Add hook for life cycle event.
       *
       * @param {string} event
       * @param {Function} listener
       * @return {Command} `this` command for chaining
       */
      hook(event, listener) {
        const allowedValues = ["preSubcommand", "preAction", "postAction"];
        if (!allowedValues.includes(event)) {
          throw new Error(`Unexpected value for event passed to hook : '${event}'.
Expecting one of '${allowedValues.join("', '")}'`);
        }
        if (this._lifeCycleHooks[event]) {
          this._lifeCycleHooks[event].push(listener);
        } else {
          this._lifeCycleHooks[event] = [listener];
        }
        return this;
      }
      /**
       * Register callback to use as replacement for calling process.exit.
       *
       * @param {Function} [fn] optional callback which will be passed a CommanderError, defaults to throwing
       * @return {Command} `this` command for chaining
       */
      exitOverride(fn) {
        if (fn) {
          this._exitCallback = fn;
        } else {
          this._exitCallback = (err) => {
            if (err.code !== "commander.executeSubCommandAsync") {
              throw err;
            } else {
            }
          };
        }
        return this;
      }
      /**
       * Call process.exit, and _exitCallback if defined.
       *
       * @param {number} exitCode exit code for using with process.exit
       * @param {string} code an id string representing the error
       * @param {string} message human-readable description of the error
       * @return never
       * @private
       */
      _exit(exitCode, code3, message) {
        if (this._exitCallback) {
          this._exitCallback(new CommanderError2(exitCode, code3, message));
        }
        process2.exit(exitCode);
      }
      /**
       * Register callback `fn` for the command.
       *
       * @example
       * program
       *   .command('serve')
       *   .description('start service')
       *   .action(function() {
       *      // do work here
       *   });
       *
       * @param {Function} fn
       * @return {Command} `this` command for chaining
       */
      action(fn) {
        const listener = (args) => {
          const expectedArgsCount = this.registeredArguments.length;
          const actionArgs = args.slice(0, expectedArgsCount);
          if (this._storeOptionsAsProperties) {
            actionArgs[expectedArgsCount] = this;
          } else {
            actionArgs[expectedArgsCount] = this.opts();
          }
          actionArgs.push(this);
          return fn.apply(this, actionArgs);
        };
        this._actionHandler = listener;
        return this;
      }
      /**
       * Factory routine to create a new unattached option.
       *
       * See .option() for creating an attached option, which uses this routine to
       * create the option. You can override createOption to return a custom option.
       *
       * @param {string} flags
       * @param {string} [description]
       * @return {Option} new option
       */
      createOption(flags, description) {
        return new Option2(flags, description);
      }
      /**
       * Wrap parseArgs to catch 'commander.invalidArgument'.
       *
       * @param {(Option | Argument)} target
       * @param {string} value
       * @param {*} previous
       * @param {string} invalidArgumentMessage
       * @private
       */
      _callParseArg(target, value, previous, invalidArgumentMessage) {
        try {
          return target.parseArg(value, previous);
        } catch (err) {
          if (err.code === "commander.invalidArgument") {
            const message = `${invalidArgumentMessage} ${err.message}`;
            this.error(message, { exitCode: err.exitCode, code: err.code });
          }
          throw err;
        }
      }
      /**
       * Check for option flag conflicts.
       * Register option if no conflicts found, or throw on conflict.
       *
       * @param {Option} option
       * @private
       */
      _registerOption(option) {
        const matchingOption = option.short && this._findOption(option.short) || option.long && this._findOption(option.long);
        if (matchingOption) {
          const matchingFlag = option.long && this._findOption(option.long) ? option.long : option.short;
          throw new Error(`Cannot add option '${option.flags}'${this._name && ` to command '${this._name}'`} due to conflicting flag '${matchingFlag}'
-  already used by option '${matchingOption.flags}'`);
        }
        this._initOptionGroup(option);
        this.options.push(option);
      }
      /**
       * Check for command name and alias conflicts with existing commands.
       * Register command if no conflicts found, or throw on conflict.
       *
       * @param {Command} command
       * @private
       */
      _registerCommand(command) {
        const knownBy = (cmd) => {
          return [cmd.name()].concat(cmd.aliases());
        };
        const alreadyUsed = knownBy(command).find(
          (name3) => this._findCommand(name3)
        );
        if (alreadyUsed) {
          const existingCmd = knownBy(this._findCommand(alreadyUsed)).join("|");
          const newCmd = knownBy(command).join("|");
          throw new Error(
            `cannot add command '${newCmd}' as already have command '${existingCmd}'`
          );
        }
        this._initCommandGroup(command);
        this.commands.push(command);
      }
      /**
       * Add an option.
       *
       * @param {Option} option
       * @return {Command} `this` command for chaining
       */
      addOption(option) {
        this._registerOption(option);
        const oname = option.name();
        const name3 = option.attributeName();
        if (option.negate) {
          const positiveLongFlag = option.long.replace(/^--no-/, "--");
          if (!this._findOption(positiveLongFlag)) {
            this.setOptionValueWithSource(
              name3,
              option.defaultValue === void 0 ? true : option.defaultValue,
              "default"
            );
          }
        } else if (option.defaultValue !== void 0) {
          this.setOptionValueWithSource(name3, option.defaultValue, "default");
        }
        const handleOptionValue = (val, invalidValueMessage, valueSource) => {
          if (val == null && option.presetArg !== void 0) {
            val = option.presetArg;
          }
          const oldValue = this.getOptionValue(name3);
          if (val !== null && option.parseArg) {
            val = this._callParseArg(option, val, oldValue, invalidValueMessage);
          } else if (val !== null && option.variadic) {
            val = option._collectValue(val, oldValue);
          }
          if (val == null) {
            if (option.negate) {
              val = false;
            } else if (option.isBoolean() || option.optional) {
              val = true;
            } else {
              val = "";
            }
          }
          this.setOptionValueWithSource(name3, val, valueSource);
        };
        this.on("option:" + oname, (val) => {
          const invalidValueMessage = `error: option '${option.flags}' argument '${val}' is invalid.`;
          handleOptionValue(val, invalidValueMessage, "cli");
        });
        if (option.envVar) {
          this.on("optionEnv:" + oname, (val) => {
            const invalidValueMessage = `error: option '${option.flags}' value '${val}' from env '${option.envVar}' is invalid.`;
            handleOptionValue(val, invalidValueMessage, "env");
          });
        }
        return this;
      }
      /**
       * Internal implementation shared by .option() and .requiredOption()
       *
       * @return {Command} `this` command for chaining
       * @private
       */
      _optionEx(config, flags, description, fn, defaultValue) {
        if (typeof flags === "object" && flags instanceof Option2) {
          throw new Error(
            "To add an Option object use addOption() instead of option() or requiredOption()"
          );
        }
        const option = this.createOption(flags, description);
        option.makeOptionMandatory(!!config.mandatory);
        if (typeof fn === "function") {
          option.default(defaultValue).argParser(fn);
        } else if (fn instanceof RegExp) {
          const regex = fn;
          fn = (val, def) => {
            const m = regex.exec(val);
            return m ? m[0] : def;
          };
          option.default(defaultValue).argParser(fn);
        } else {
          option.default(fn);
        }
        return this.addOption(option);
      }
      /**
       * Define option with `flags`, `description`, and optional argument parsing function or `defaultValue` or both.
       *
       * The `flags` string contains the short and/or long flags, separated by comma, a pipe or space. A required
       * option-argument is indicated by `<>` and an optional option-argument by `[]`.
       *
       * See the README for more details, and see also addOption() and requiredOption().
       *
       * @example
       * program
       *     .option('-p, --pepper', 'add pepper')
       *     .option('--pt, --pizza-type <TYPE>', 'type of pizza') // required option-argument
       *     .option('-c, --cheese [CHEESE]', 'add extra cheese', 'mozzarella') // optional option-argument with default
       *     .option('-t, --tip <VALUE>', 'add tip to purchase cost', parseFloat) // custom parse function
       *
       * @param {string} flags
       * @param {string} [description]
       * @param {(Function|*)} [parseArg] - custom option processing function or default value
       * @param {*} [defaultValue]
       * @return {Command} `this` command for chaining
       */
      option(flags, description, parseArg, defaultValue) {
        return this._optionEx({}, flags, description, parseArg, defaultValue);
      }
      /**
       * Add a required option which must have a value after parsing. This usually means
       * the option must be specified on the command line. (Otherwise the same as .option().)
       *
       * The `flags` string contains the short and/or long flags, separated by comma, a pipe or space.
       *
       * @param {string} flags
       * @param {string} [description]
       * @param {(Function|*)} [parseArg] - custom option processing function or default value
       * @param {*} [defaultValue]
       * @return {Command} `this` command for chaining
       */
      requiredOption(flags, description, parseArg, defaultValue) {
        return this._optionEx(
          { mandatory: true },
          flags,
          description,
          parseArg,
          defaultValue
        );
      }
      /**
       * Alter parsing of short flags with optional values.
       *
       * @example
       * // for `.option('-f,--flag [value]'):
       * program.combineFlagAndOptionalValue(true);  // `-f80` is treated like `--flag=80`, this is the default behaviour
       * program.combineFlagAndOptionalValue(false) // `-fb` is treated like `-f -b`
       *
       * @param {boolean} [combine] - if `true` or omitted, an optional value can be specified directly after the flag.
       * @return {Command} `this` command for chaining
       */
      combineFlagAndOptionalValue(combine = true) {
        this._combineFlagAndOptionalValue = !!combine;
        return this;
      }
      /**
       * Allow unknown options on the command line.
       *
       * @param {boolean} [allowUnknown] - if `true` or omitted, no error will be thrown for unknown options.
       * @return {Command} `this` command for chaining
       */
      allowUnknownOption(allowUnknown = true) {
        this._allowUnknownOption = !!allowUnknown;
        return this;
      }
      /**
       * Allow excess command-arguments on the command line. Pass false to make excess arguments an error.
       *
       * @param {boolean} [allowExcess] - if `true` or omitted, no error will be thrown for excess arguments.
       * @return {Command} `this` command for chaining
       */
      allowExcessArguments(allowExcess = true) {
        this._allowExcessArguments = !!allowExcess;
        return this;
      }
      /**
       * Enable positional options. Positional means global options are specified before subcommands which lets
       * subcommands reuse the same option names, and also enables subcommands to turn on passThroughOptions.
       * The default behaviour is non-positional and global options may appear anywhere on the command line.
       *
       * @param {boolean} [positional]
       * @return {Command} `this` command for chaining
       */
      enablePositionalOptions(positional = true) {
        this._enablePositionalOptions = !!positional;
        return this;
      }
      /**
       * Pass through options that come after command-arguments rather than treat them as command-options,
       * so actual command-options come before command-arguments. Turning this on for a subcommand requires
       * positional options to have been enabled on the program (parent commands).
       * The default behaviour is non-positional and options may appear before or after command-arguments.
       *
       * @param {boolean} [passThrough] for unknown options.
       * @return {Command} `this` command for chaining
       */
      passThroughOptions(passThrough = true) {
        this._passThroughOptions = !!passThrough;
        this._checkForBrokenPassThrough();
        return this;
      }
      /**
       * @private
       */
      _checkForBrokenPassThrough() {
        if (this.parent && this._passThroughOptions && !this.parent._enablePositionalOptions) {
          throw new Error(
            `passThroughOptions cannot be used for '${this._name}' without turning on enablePositionalOptions for parent command(s)`
          );
        }
      }
      /**
       * Whether to store option values as properties on command object,
       * or store separately (specify false). In both cases the option values can be accessed using .opts().
       *
       * @param {boolean} [storeAsProperties=true]
       * @return {Command} `this` command for chaining
       */
      storeOptionsAsProperties(storeAsProperties = true) {
        if (this.options.length) {
          throw new Error("call .storeOptionsAsProperties() before adding options");
        }
        if (Object.keys(this._optionValues).length) {
          throw new Error(
            "call .storeOptionsAsProperties() before setting option values"
          );
        }
        this._storeOptionsAsProperties = !!storeAsProperties;
        return this;
      }
      /**
       * Retrieve option value.
       *
       * @param {string} key
       * @return {object} value
       */
      getOptionValue(key) {
        if (this._storeOptionsAsProperties) {
          return this[key];
        }
        return this._optionValues[key];
      }
      /**
       * Store option value.
       *
       * @param {string} key
       * @param {object} value
       * @return {Command} `this` command for chaining
       */
      setOptionValue(key, value) {
        return this.setOptionValueWithSource(key, value, void 0);
      }
      /**
       * Store option value and where the value came from.
       *
       * @param {string} key
       * @param {object} value
       * @param {string} source - expected values are default/config/env/cli/implied
       * @return {Command} `this` command for chaining
       */
      setOptionValueWithSource(key, value, source) {
        if (this._storeOptionsAsProperties) {
          this[key] = value;
        } else {
          this._optionValues[key] = value;
        }
        this._optionValueSources[key] = source;
        return this;
      }
      /**
       * Get source of option value.
       * Expected values are default | config | env | cli | implied
       *
       * @param {string} key
       * @return {string}
       */
      getOptionValueSource(key) {
        return this._optionValueSources[key];
      }
      /**
       * Get source of option value. See also .optsWithGlobals().
       * Expected values are default | config | env | cli | implied
       *
       * @param {string} key
       * @return {string}
       */
      getOptionValueSourceWithGlobals(key) {
        let source;
        this._getCommandAndAncestors().forEach((cmd) => {
          if (cmd.getOptionValueSource(key) !== void 0) {
            source = cmd.getOptionValueSource(key);
          }
        });
        return source;
      }
      /**
       * Get user arguments from implied or explicit arguments.
       * Side-effects: set _scriptPath if args included script. Used for default program name, and subcommand searches.
       *
       * @private
       */
      _prepareUserArgs(argv, parseOptions) {
        if (argv !== void 0 && !Array.isArray(argv)) {
          throw new Error("first parameter to parse must be array or undefined");
        }
        parseOptions = parseOptions || {};
        if (argv === void 0 && parseOptions.from === void 0) {
          if (process2.versions?.electron) {
            parseOptions.from = "electron";
          }
          const execArgv = process2.execArgv ?? [];
          if (execArgv.includes("-e") || execArgv.includes("--eval") || execArgv.includes("-p") || execArgv.includes("--print")) {
            parseOptions.from = "eval";
          }
        }
        if (argv === void 0) {
          argv = process2.argv;
        }
        this.rawArgs = argv.slice();
        let userArgs;
        switch (parseOptions.from) {
          case void 0:
          case "node":
            this._scriptPath = argv[1];
            userArgs = argv.slice(2);
            break;
          case "electron":
            if (process2.defaultApp) {
              this._scriptPath = argv[1];
              userArgs = argv.slice(2);
            } else {
              userArgs = argv.slice(1);
            }
            break;
          case "user":
            userArgs = argv.slice(0);
            break;
          case "eval":
            userArgs = argv.slice(1);
            break;
          default:
            throw new Error(
              `unexpected parse option { from: '${parseOptions.from}' }`
            );
        }
        if (!this._name && this._scriptPath)
          this.nameFromFilename(this._scriptPath);
        this._name = this._name || "program";
        return userArgs;
      }
      /**
       * Parse `argv`, setting options and invoking commands when defined.
       *
       * Use parseAsync instead of parse if any of your action handlers are async.
       *
       * Call with no parameters to parse `process.argv`. Detects Electron and special node options like `node --eval`. Easy mode!
       *
       * Or call with an array of strings to parse, and optionally where the user arguments start by specifying where the arguments are `from`:
       * - `'node'`: default, `argv[0]` is the application and `argv[1]` is the script being run, with user arguments after that
       * - `'electron'`: `argv[0]` is the application and `argv[1]` varies depending on whether the electron application is packaged
       * - `'user'`: just user arguments
       *
       * @example
       * program.parse(); // parse process.argv and auto-detect electron and special node flags
       * program.parse(process.argv); // assume argv[0] is app and argv[1] is script
       * program.parse(my-args, { from: 'user' }); // just user supplied arguments, nothing special about argv[0]
       *
       * @param {string[]} [argv] - optional, defaults to process.argv
       * @param {object} [parseOptions] - optionally specify style of options with from: node/user/electron
       * @param {string} [parseOptions.from] - where the args are from: 'node', 'user', 'electron'
       * @return {Command} `this` command for chaining
       */
      parse(argv, parseOptions) {
        this._prepareForParse();
        const userArgs = this._prepareUserArgs(argv, parseOptions);
        this._parseCommand([], userArgs);
        return this;
      }
      /**
       * Parse `argv`, setting options and invoking commands when defined.
       *
       * Call with no parameters to parse `process.argv`. Detects Electron and special node options like `node --eval`. Easy mode!
       *
       * Or call with an array of strings to parse, and optionally where the user arguments start by specifying where the arguments are `from`:
       * - `'node'`: default, `argv[0]` is the application and `argv[1]` is the script being run, with user arguments after that
       * - `'electron'`: `argv[0]` is the application and `argv[1]` varies depending on whether the electron application is packaged
       * - `'user'`: just user arguments
       *
       * @example
       * await program.parseAsync(); // parse process.argv and auto-detect electron and special node flags
       * await program.parseAsync(process.argv); // assume argv[0] is app and argv[1] is script
       * await program.parseAsync(my-args, { from: 'user' }); // just user supplied arguments, nothing special about argv[0]
       *
       * @param {string[]} [argv]
       * @param {object} [parseOptions]
       * @param {string} parseOptions.from - where the args are from: 'node', 'user', 'electron'
       * @return {Promise}
       */
      async parseAsync(argv, parseOptions) {
        this._prepareForParse();
        const userArgs = this._prepareUserArgs(argv, parseOptions);
        await this._parseCommand([], userArgs);
        return this;
      }
      _prepareForParse() {
        if (this._savedState === null) {
          this.saveStateBeforeParse();
        } else {
          this.restoreStateBeforeParse();
        }
      }
      /**
       * Called the first time parse is called to save state and allow a restore before subsequent calls to parse.
       * Not usually called directly, but available for subclasses to save their custom state.
       *
       * This is called in a lazy way. Only commands used in parsing chain will have state saved.
       */
      saveStateBeforeParse() {
        this._savedState = {
          // name is stable if supplied by author, but may be unspecified for root command and deduced during parsing
          _name: this._name,
          // option values before parse have default values (including false for negated options)
          // shallow clones
          _optionValues: { ...this._optionValues },
          _optionValueSources: { ...this._optionValueSources }
        };
      }
      /**
       * Restore state before parse for calls after the first.
       * Not usually called directly, but available for subclasses to save their custom state.
       *
       * This is called in a lazy way. Only commands used in parsing chain will have state restored.
       */
      restoreStateBeforeParse() {
        if (this._storeOptionsAsProperties)
          throw new Error(`Can not call parse again when storeOptionsAsProperties is true.
- either make a new Command for each call to parse, or stop storing options as properties`);
        this._name = this._savedState._name;
        this._scriptPath = null;
        this.rawArgs = [];
        this._optionValues = { ...this._savedState._optionValues };
        this._optionValueSources = { ...this._savedState._optionValueSources };
        this.args = [];
        this.processedArgs = [];
      }
      /**
       * Throw if expected executable is missing. Add lots of help for author.
       *
       * @param {string} executableFile
       * @param {string} executableDir
       * @param {string} subcommandName
       */
      _checkForMissingExecutable(executableFile, executableDir, subcommandName) {
        if (fs.existsSync(executableFile)) return;
        const executableDirMessage = executableDir ? `searched for local subcommand relative to directory '${executableDir}'` : "no directory for search for local subcommand, use .executableDir() to supply a custom directory";
        const executableMissing = `'${executableFile}' does not exist
 - if '${subcommandName}' is not meant to be an executable command, remove description parameter from '.command()' and use '.description()' instead
 - if the default executable name is not suitable, use the executableFile option to supply a custom name or path
 - ${executableDirMessage}`;
        throw new Error(executableMissing);
      }
      /**
       * Execute a sub-command executable.
       *
       * @private
       */
      _executeSubCommand(subcommand, args) {
        args = args.slice();
        let launchWithNode = false;
        const sourceExt = [".js", ".ts", ".tsx", ".mjs", ".cjs"];
        function findFile(baseDir, baseName) {
          const localBin = path2.resolve(baseDir, baseName);
          if (fs.existsSync(localBin)) return localBin;
          if (sourceExt.includes(path2.extname(baseName))) return void 0;
          const foundExt = sourceExt.find(
            (ext) => fs.existsSync(`${localBin}${ext}`)
          );
          if (foundExt) return `${localBin}${foundExt}`;
          return void 0;
        }
        this._checkForMissingMandatoryOptions();
        this._checkForConflictingOptions();
        let executableFile = subcommand._executableFile || `${this._name}-${subcommand._name}`;
        let executableDir = this._executableDir || "";
        if (this._scriptPath) {
          let resolvedScriptPath;
          try {
            resolvedScriptPath = fs.realpathSync(this._scriptPath);
          } catch {
            resolvedScriptPath = this._scriptPath;
          }
          executableDir = path2.resolve(
            path2.dirname(resolvedScriptPath),
            executableDir
          );
        }
        if (executableDir) {
          let localFile = findFile(executableDir, executableFile);
          if (!localFile && !subcommand._executableFile && this._scriptPath) {
            const legacyName = path2.basename(
              this._scriptPath,
              path2.extname(this._scriptPath)
            );
            if (legacyName !== this._name) {
              localFile = findFile(
                executableDir,
                `${legacyName}-${subcommand._name}`
              );
            }
          }
          executableFile = localFile || executableFile;
        }
        launchWithNode = sourceExt.includes(path2.extname(executableFile));
        let proc;
        if (process2.platform !== "win32") {
          if (launchWithNode) {
            args.unshift(executableFile);
            args = incrementNodeInspectorPort(process2.execArgv).concat(args);
            proc = childProcess.spawn(process2.argv[0], args, { stdio: "inherit" });
          } else {
            proc = childProcess.spawn(executableFile, args, { stdio: "inherit" });
          }
        } else {
          this._checkForMissingExecutable(
            executableFile,
            executableDir,
            subcommand._name
          );
          args.unshift(executableFile);
          args = incrementNodeInspectorPort(process2.execArgv).concat(args);
          proc = childProcess.spawn(process2.execPath, args, { stdio: "inherit" });
        }
        if (!proc.killed) {
          const signals = ["SIGUSR1", "SIGUSR2", "SIGTERM", "SIGINT", "SIGHUP"];
          signals.forEach((signal) => {
            process2.on(signal, () => {
              if (proc.killed === false && proc.exitCode === null) {
                proc.kill(signal);
              }
            });
          });
        }
        const exitCallback = this._exitCallback;
        proc.on("close", (code3) => {
          code3 = code3 ?? 1;
          if (!exitCallback) {
            process2.exit(code3);
          } else {
            exitCallback(
              new CommanderError2(
                code3,
                "commander.executeSubCommandAsync",
                "(close)"
              )
            );
          }
        });
        proc.on("error", (err) => {
          if (err.code === "ENOENT") {
            this._checkForMissingExecutable(
              executableFile,
              executableDir,
              subcommand._name
            );
          } else if (err.code === "EACCES") {
            throw new Error(`'${executableFile}' not executable`);
          }
          if (!exitCallback) {
            process2.exit(1);
          } else {
            const wrappedError = new CommanderError2(
              1,
              "commander.executeSubCommandAsync",
              "(error)"
            );
            wrappedError.nestedError = err;
            exitCallback(wrappedError);
          }
        });
        this.runningCommand = proc;
      }
      /**
       * @private
       */
      _dispatchSubcommand(commandName, operands, unknown) {
        const subCommand = this._findCommand(commandName);
        if (!subCommand) this.help({ error: true });
        subCommand._prepareForParse();
        let promiseChain;
        promiseChain = this._chainOrCallSubCommandHook(
          promiseChain,
          subCommand,
          "preSubcommand"
        );
        promiseChain = this._chainOrCall(promiseChain, () => {
          if (subCommand._executableHandler) {
            this._executeSubCommand(subCommand, operands.concat(unknown));
          } else {
            return subCommand._parseCommand(operands, unknown);
          }
        });
        return promiseChain;
      }
      /**
       * Invoke help directly if possible, or dispatch if necessary.
       * e.g. help foo
       *
       * @private
       */
      _dispatchHelpCommand(subcommandName) {
        if (!subcommandName) {
          this.help();
        }
        const subCommand = this._findCommand(subcommandName);
        if (subCommand && !subCommand._executableHandler) {
          subCommand.help();
        }
        return this._dispatchSubcommand(
          subcommandName,
          [],
          [this._getHelpOption()?.long ?? this._getHelpOption()?.short ?? "--help"]
        );
      }
      /**
       * Check this.args against expected this.registeredArguments.
       *
       * @private
       */
      _checkNumberOfArguments() {
        this.registeredArguments.forEach((arg, i) => {
          if (arg.required && this.args[i] == null) {
            this.missingArgument(arg.name());
          }
        });
        if (this.registeredArguments.length > 0 && this.registeredArguments[this.registeredArguments.length - 1].variadic) {
          return;
        }
        if (this.args.length > this.registeredArguments.length) {
          this._excessArguments(this.args);
        }
      }
      /**
       * Process this.args using this.registeredArguments and save as this.processedArgs!
       *
       * @private
       */
      _processArguments() {
        const myParseArg = (argument, value, previous) => {
          let parsedValue = value;
          if (value !== null && argument.parseArg) {
            const invalidValueMessage = `error: command-argument value '${value}' is invalid for argument '${argument.name()}'.`;
            parsedValue = this._callParseArg(
              argument,
              value,
              previous,
              invalidValueMessage
            );
          }
          return parsedValue;
        };
        this._checkNumberOfArguments();
        const processedArgs = [];
        this.registeredArguments.forEach((declaredArg, index) => {
          let value = declaredArg.defaultValue;
          if (declaredArg.variadic) {
            if (index < this.args.length) {
              value = this.args.slice(index);
              if (declaredArg.parseArg) {
                value = value.reduce((processed, v) => {
                  return myParseArg(declaredArg, v, processed);
                }, declaredArg.defaultValue);
              }
            } else if (value === void 0) {
              value = [];
            }
          } else if (index < this.args.length) {
            value = this.args[index];
            if (declaredArg.parseArg) {
              value = myParseArg(declaredArg, value, declaredArg.defaultValue);
            }
          }
          processedArgs[index] = value;
        });
        this.processedArgs = processedArgs;
      }
      /**
       * Once we have a promise we chain, but call synchronously until then.
       *
       * @param {(Promise|undefined)} promise
       * @param {Function} fn
       * @return {(Promise|undefined)}
       * @private
       */
      _chainOrCall(promise, fn) {
        if (promise?.then && typeof promise.then === "function") {
          return promise.then(() => fn());
        }
        return fn();
      }
      /**
       *
       * @param {(Promise|undefined)} promise
       * @param {string} event
       * @return {(Promise|undefined)}
       * @private
       */
      _chainOrCallHooks(promise, event) {
        let result = promise;
        const hooks = [];
        this._getCommandAndAncestors().reverse().filter((cmd) => cmd._lifeCycleHooks[event] !== void 0).forEach((hookedCommand) => {
          hookedCommand._lifeCycleHooks[event].forEach((callback) => {
            hooks.push({ hookedCommand, callback });
          });
        });
        if (event === "postAction") {
          hooks.reverse();
        }
        hooks.forEach((hookDetail) => {
          result = this._chainOrCall(result, () => {
            return hookDetail.callback(hookDetail.hookedCommand, this);
          });
        });
        return result;
      }
      /**
       *
       * @param {(Promise|undefined)} promise
       * @param {Command} subCommand
       * @param {string} event
       * @return {(Promise|undefined)}
       * @private
       */
      _chainOrCallSubCommandHook(promise, subCommand, event) {
        let result = promise;
        if (this._lifeCycleHooks[event] !== void 0) {
          this._lifeCycleHooks[event].forEach((hook) => {
            result = this._chainOrCall(result, () => {
              return hook(this, subCommand);
            });
          });
        }
        return result;
      }
      /**
       * Process arguments in context of this command.
       * Returns action result, in case it is a promise.
       *
       * @private
       */
      _parseCommand(operands, unknown) {
        const parsed = this.parseOptions(unknown);
        this._parseOptionsEnv();
        this._parseOptionsImplied();
        operands = operands.concat(parsed.operands);
        unknown = parsed.unknown;
        this.args = operands.concat(unknown);
        if (operands && this._findCommand(operands[0])) {
          return this._dispatchSubcommand(operands[0], operands.slice(1), unknown);
        }
        if (this._getHelpCommand() && operands[0] === this._getHelpCommand().name()) {
          return this._dispatchHelpCommand(operands[1]);
        }
        if (this._defaultCommandName) {
          this._outputHelpIfRequested(unknown);
          return this._dispatchSubcommand(
            this._defaultCommandName,
            operands,
            unknown
          );
        }
        if (this.commands.length && this.args.length === 0 && !this._actionHandler && !this._defaultCommandName) {
          this.help({ error: true });
        }
        this._outputHelpIfRequested(parsed.unknown);
        this._checkForMissingMandatoryOptions();
        this._checkForConflictingOptions();
        const checkForUnknownOptions = () => {
          if (parsed.unknown.length > 0) {
            this.unknownOption(parsed.unknown[0]);
          }
        };
        const commandEvent = `command:${this.name()}`;
        if (this._actionHandler) {
          checkForUnknownOptions();
          this._processArguments();
          let promiseChain;
          promiseChain = this._chainOrCallHooks(promiseChain, "preAction");
          promiseChain = this._chainOrCall(
            promiseChain,
            () => this._actionHandler(this.processedArgs)
          );
          if (this.parent) {
            promiseChain = this._chainOrCall(promiseChain, () => {
              this.parent.emit(commandEvent, operands, unknown);
            });
          }
          promiseChain = this._chainOrCallHooks(promiseChain, "postAction");
          return promiseChain;
        }
        if (this.parent?.listenerCount(commandEvent)) {
          checkForUnknownOptions();
          this._processArguments();
          this.parent.emit(commandEvent, operands, unknown);
        } else if (operands.length) {
          if (this._findCommand("*")) {
            return this._dispatchSubcommand("*", operands, unknown);
          }
          if (this.listenerCount("command:*")) {
            this.emit("command:*", operands, unknown);
          } else if (this.commands.length) {
            this.unknownCommand();
          } else {
            checkForUnknownOptions();
            this._processArguments();
          }
        } else if (this.commands.length) {
          checkForUnknownOptions();
          this.help({ error: true });
        } else {
          checkForUnknownOptions();
          this._processArguments();
        }
      }
      /**
       * Find matching command.
       *
       * @private
       * @return {Command | undefined}
       */
      _findCommand(name3) {
        if (!name3) return void 0;
        return this.commands.find(
          (cmd) => cmd._name === name3 || cmd._aliases.includes(name3)
        );
      }
      /**
       * Return an option matching `arg` if any.
       *
       * @param {string} arg
       * @return {Option}
       * @package
       */
      _findOption(arg) {
        return this.options.find((option) => option.is(arg));
      }
      /**
       * Display an error message if a mandatory option does not have a value.
       * Called after checking for help flags in leaf subcommand.
       *
       * @private
       */
      _checkForMissingMandatoryOptions() {
        this._getCommandAndAncestors().forEach((cmd) => {
          cmd.options.forEach((anOption) => {
            if (anOption.mandatory && cmd.getOptionValue(anOption.attributeName()) === void 0) {
              cmd.missingMandatoryOptionValue(anOption);
            }
          });
        });
      }
      /**
       * Display an error message if conflicting options are used together in this.
       *
       * @private
       */
      _checkForConflictingLocalOptions() {
        const definedNonDefaultOptions = this.options.filter((option) => {
          const optionKey = option.attributeName();
          if (this.getOptionValue(optionKey) === void 0) {
            return false;
          }
          return this.getOptionValueSource(optionKey) !== "default";
        });
        const optionsWithConflicting = definedNonDefaultOptions.filter(
          (option) => option.conflictsWith.length > 0
        );
        optionsWithConflicting.forEach((option) => {
          const conflictingAndDefined = definedNonDefaultOptions.find(
            (defined) => option.conflictsWith.includes(defined.attributeName())
          );
          if (conflictingAndDefined) {
            this._conflictingOption(option, conflictingAndDefined);
          }
        });
      }
      /**
       * Display an error message if conflicting options are used together.
       * Called after checking for help flags in leaf subcommand.
       *
       * @private
       */
      _checkForConflictingOptions() {
        this._getCommandAndAncestors().forEach((cmd) => {
          cmd._checkForConflictingLocalOptions();
        });
      }
      /**
       * Parse options from `argv` removing known options,
       * and return argv split into operands and unknown arguments.
       *
       * Side effects: modifies command by storing options. Does not reset state if called again.
       *
       * Examples:
       *
       *     argv => operands, unknown
       *     --known kkk op => [op], []
       *     op --known kkk => [op], []
       *     sub --unknown uuu op => [sub], [--unknown uuu op]
       *     sub -- --unknown uuu op => [sub --unknown uuu op], []
       *
       * @param {string[]} args
       * @return {{operands: string[], unknown: string[]}}
       */
      parseOptions(args) {
        const operands = [];
        const unknown = [];
        let dest = operands;
        function maybeOption(arg) {
          return arg.length > 1 && arg[0] === "-";
        }
        const negativeNumberArg = (arg) => {
          if (!/^-(\d+|\d*\.\d+)(e[+-]?\d+)?$/.test(arg)) return false;
          return !this._getCommandAndAncestors().some(
            (cmd) => cmd.options.map((opt) => opt.short).some((short) => /^-\d$/.test(short))
          );
        };
        let activeVariadicOption = null;
        let activeGroup = null;
        let i = 0;
        while (i < args.length || activeGroup) {
          const arg = activeGroup ?? args[i++];
          activeGroup = null;
          if (arg === "--") {
            if (dest === unknown) dest.push(arg);
            dest.push(...args.slice(i));
            break;
          }
          if (activeVariadicOption && (!maybeOption(arg) || negativeNumberArg(arg))) {
            this.emit(`option:${activeVariadicOption.name()}`, arg);
            continue;
          }
          activeVariadicOption = null;
          if (maybeOption(arg)) {
            const option = this._findOption(arg);
            if (option) {
              if (option.required) {
                const value = args[i++];
                if (value === void 0) this.optionMissingArgument(option);
                this.emit(`option:${option.name()}`, value);
              } else if (option.optional) {
                let value = null;
                if (i < args.length && (!maybeOption(args[i]) || negativeNumberArg(args[i]))) {
                  value = args[i++];
                }
                this.emit(`option:${option.name()}`, value);
              } else {
                this.emit(`option:${option.name()}`);
              }
              activeVariadicOption = option.variadic ? option : null;
              continue;
            }
          }
          if (arg.length > 2 && arg[0] === "-" && arg[1] !== "-") {
            const option = this._findOption(`-${arg[1]}`);
            if (option) {
              if (option.required || option.optional && this._combineFlagAndOptionalValue) {
                this.emit(`option:${option.name()}`, arg.slice(2));
              } else {
                this.emit(`option:${option.name()}`);
                activeGroup = `-${arg.slice(2)}`;
              }
              continue;
            }
          }
          if (/^--[^=]+=/.test(arg)) {
            const index = arg.indexOf("=");
            const option = this._findOption(arg.slice(0, index));
            if (option && (option.required || option.optional)) {
              this.emit(`option:${option.name()}`, arg.slice(index + 1));
              continue;
            }
          }
          if (dest === operands && maybeOption(arg) && !(this.commands.length === 0 && negativeNumberArg(arg))) {
            dest = unknown;
          }
          if ((this._enablePositionalOptions || this._passThroughOptions) && operands.length === 0 && unknown.length === 0) {
            if (this._findCommand(arg)) {
              operands.push(arg);
              unknown.push(...args.slice(i));
              break;
            } else if (this._getHelpCommand() && arg === this._getHelpCommand().name()) {
              operands.push(arg, ...args.slice(i));
              break;
            } else if (this._defaultCommandName) {
              unknown.push(arg, ...args.slice(i));
              break;
            }
          }
          if (this._passThroughOptions) {
            dest.push(arg, ...args.slice(i));
            break;
          }
          dest.push(arg);
        }
        return { operands, unknown };
      }
      /**
       * Return an object containing local option values as key-value pairs.
       *
       * @return {object}
       */
      opts() {
        if (this._storeOptionsAsProperties) {
          const result = {};
          const len = this.options.length;
          for (let i = 0; i < len; i++) {
            const key = this.options[i].attributeName();
            result[key] = key === this._versionOptionName ? this._version : this[key];
          }
          return result;
        }
        return this._optionValues;
      }
      /**
       * Return an object containing merged local and global option values as key-value pairs.
       *
       * @return {object}
       */
      optsWithGlobals() {
        return this._getCommandAndAncestors().reduce(
          (combinedOptions, cmd) => Object.assign(combinedOptions, cmd.opts()),
          {}
        );
      }
      /**
       * Display error message and exit (or call exitOverride).
       *
       * @param {string} message
       * @param {object} [errorOptions]
       * @param {string} [errorOptions.code] - an id string representing the error
       * @param {number} [errorOptions.exitCode] - used with process.exit
       */
      error(message, errorOptions) {
        this._outputConfiguration.outputError(
          `${message}
`,
          this._outputConfiguration.writeErr
        );
        if (typeof this._showHelpAfterError === "string") {
          this._outputConfiguration.writeErr(`${this._showHelpAfterError}
`);
        } else if (this._showHelpAfterError) {
          this._outputConfiguration.writeErr("\n");
          this.outputHelp({ error: true });
        }
        const config = errorOptions || {};
        const exitCode = config.exitCode || 1;
        const code3 = config.code || "commander.error";
        this._exit(exitCode, code3, message);
      }
      /**
       * Apply any option related environment variables, if option does
       * not have a value from cli or client code.
       *
       * @private
       */
      _parseOptionsEnv() {
        this.options.forEach((option) => {
          if (option.envVar && option.envVar in process2.env) {
            const optionKey = option.attributeName();
            if (this.getOptionValue(optionKey) === void 0 || ["default", "config", "env"].includes(
              this.getOptionValueSource(optionKey)
            )) {
              if (option.required || option.optional) {
                this.emit(`optionEnv:${option.name()}`, process2.env[option.envVar]);
              } else {
                this.emit(`optionEnv:${option.name()}`);
              }
            }
          }
        });
      }
      /**
       * Apply any implied option values, if option is undefined or default value.
       *
       * @private
       */
      _parseOptionsImplied() {
        const dualHelper = new DualOptions(this.options);
        const hasCustomOptionValue = (optionKey) => {
          return this.getOptionValue(optionKey) !== void 0 && !["default", "implied"].includes(this.getOptionValueSource(optionKey));
        };
        this.options.filter(
          (option) => option.implied !== void 0 && hasCustomOptionValue(option.attributeName()) && dualHelper.valueFromOption(
            this.getOptionValue(option.attributeName()),
            option
          )
        ).forEach((option) => {
          Object.keys(option.implied).filter((impliedKey) => !hasCustomOptionValue(impliedKey)).forEach((impliedKey) => {
            this.setOptionValueWithSource(
              impliedKey,
              option.implied[impliedKey],
              "implied"
            );
          });
        });
      }
      /**
       * Argument `name` is missing.
       *
       * @param {string} name
       * @private
       */
      missingArgument(name3) {
        const message = `error: missing required argument '${name3}'`;
        this.error(message, { code: "commander.missingArgument" });
      }
      /**
       * `Option` is missing an argument.
       *
       * @param {Option} option
       * @private
       */
      optionMissingArgument(option) {
        const message = `error: option '${option.flags}' argument missing`;
        this.error(message, { code: "commander.optionMissingArgument" });
      }
      /**
       * `Option` does not have a value, and is a mandatory option.
       *
       * @param {Option} option
       * @private
       */
      missingMandatoryOptionValue(option) {
        const message = `error: required option '${option.flags}' not specified`;
        this.error(message, { code: "commander.missingMandatoryOptionValue" });
      }
      /**
       * `Option` conflicts with another option.
       *
       * @param {Option} option
       * @param {Option} conflictingOption
       * @private
       */
      _conflictingOption(option, conflictingOption) {
        const findBestOptionFromValue = (option2) => {
          const optionKey = option2.attributeName();
          const optionValue = this.getOptionValue(optionKey);
          const negativeOption = this.options.find(
            (target) => target.negate && optionKey === target.attributeName()
          );
          const positiveOption = this.options.find(
            (target) => !target.negate && optionKey === target.attributeName()
          );
          if (negativeOption && (negativeOption.presetArg === void 0 && optionValue === false || negativeOption.presetArg !== void 0 && optionValue === negativeOption.presetArg)) {
            return negativeOption;
          }
          return positiveOption || option2;
        };
        const getErrorMessage = (option2) => {
          const bestOption = findBestOptionFromValue(option2);
          const optionKey = bestOption.attributeName();
          const source = this.getOptionValueSource(optionKey);
          if (source === "env") {
            return `environment variable '${bestOption.envVar}'`;
          }
          return `option '${bestOption.flags}'`;
        };
        const message = `error: ${getErrorMessage(option)} cannot be used with ${getErrorMessage(conflictingOption)}`;
        this.error(message, { code: "commander.conflictingOption" });
      }
      /**
       * Unknown option `flag`.
       *
       * @param {string} flag
       * @private
       */
      unknownOption(flag) {
        if (this._allowUnknownOption) return;
        let suggestion = "";
        if (flag.startsWith("--") && this._showSuggestionAfterError) {
          let candidateFlags = [];
          let command = this;
          do {
            const moreFlags = command.createHelp().visibleOptions(command).filter((option) => option.long).map((option) => option.long);
            candidateFlags = candidateFlags.concat(moreFlags);
            command = command.parent;
          } while (command && !command._enablePositionalOptions);
          suggestion = suggestSimilar(flag, candidateFlags);
        }
        const message = `error: unknown option '${flag}'${suggestion}`;
        this.error(message, { code: "commander.unknownOption" });
      }
      /**
       * Excess arguments, more than expected.
       *
       * @param {string[]} receivedArgs
       * @private
       */
      _excessArguments(receivedArgs) {
        if (this._allowExcessArguments) return;
        const expected = this.registeredArguments.length;
        const s = expected === 1 ? "" : "s";
        const forSubcommand = this.parent ? ` for '${this.name()}'` : "";
        const message = `error: too many arguments${forSubcommand}. Expected ${expected} argument${s} but got ${receivedArgs.length}.`;
        this.error(message, { code: "commander.excessArguments" });
      }
      /**
       * Unknown command.
       *
       * @private
       */
      unknownCommand() {
        const unknownName = this.args[0];
        let suggestion = "";
        if (this._showSuggestionAfterError) {
          const candidateNames = [];
          this.createHelp().visibleCommands(this).forEach((command) => {
            candidateNames.push(command.name());
            if (command.alias()) candidateNames.push(command.alias());
          });
          suggestion = suggestSimilar(unknownName, candidateNames);
        }
        const message = `error: unknown command '${unknownName}'${suggestion}`;
        this.error(message, { code: "commander.unknownCommand" });
      }
      /**
       * Get or set the program version.
       *
       * This method auto-registers the "-V, --version" option which will print the version number.
       *
       * You can optionally supply the flags and description to override the defaults.
       *
       * @param {string} [str]
       * @param {string} [flags]
       * @param {string} [description]
       * @return {(this | string | undefined)} `this` command for chaining, or version string if no arguments
       */
      version(str2, flags, description) {
        if (str2 === void 0) return this._version;
        this._version = str2;
        flags = flags || "-V, --version";
        description = description || "output the version number";
        const versionOption = this.createOption(flags, description);
        this._versionOptionName = versionOption.attributeName();
        this._registerOption(versionOption);
        this.on("option:" + versionOption.name(), () => {
          this._outputConfiguration.writeOut(`${str2}
`);
          this._exit(0, "commander.version", str2);
        });
        return this;
      }
      /**
       * Set the description.
       *
       * @param {string} [str]
       * @param {object} [argsDescription]
       * @return {(string|Command)}
       */
      description(str2, argsDescription) {
        if (str2 === void 0 && argsDescription === void 0)
          return this._description;
        this._description = str2;
        if (argsDescription) {
          this._argsDescription = argsDescription;
        }
        return this;
      }
      /**
       * Set the summary. Used when listed as subcommand of parent.
       *
       * @param {string} [str]
       * @return {(string|Command)}
       */
      summary(str2) {
        if (str2 === void 0) return this._summary;
        this._summary = str2;
        return this;
      }
      /**
       * Set an alias for the command.
       *
       * You may call more than once to add multiple aliases. Only the first alias is shown in the auto-generated help.
       *
       * @param {string} [alias]
       * @return {(string|Command)}
       */
      alias(alias) {
        if (alias === void 0) return this._aliases[0];
        let command = this;
        if (this.commands.length !== 0 && this.commands[this.commands.length - 1]._executableHandler) {
          command = this.commands[this.commands.length - 1];
        }
        if (alias === command._name)
          throw new Error("Command alias can't be the same as its name");
        const matchingCommand = this.parent?._findCommand(alias);
        if (matchingCommand) {
          const existingCmd = [matchingCommand.name()].concat(matchingCommand.aliases()).join("|");
          throw new Error(
            `cannot add alias '${alias}' to command '${this.name()}' as already have command '${existingCmd}'`
          );
        }
        command._aliases.push(alias);
        return this;
      }
      /**
       * Set aliases for the command.
       *
       * Only the first alias is shown in the auto-generated help.
       *
       * @param {string[]} [aliases]
       * @return {(string[]|Command)}
       */
      aliases(aliases) {
        if (aliases === void 0) return this._aliases;
        aliases.forEach((alias) => this.alias(alias));
        return this;
      }
      /**
       * Set / get the command usage `str`.
       *
       * @param {string} [str]
       * @return {(string|Command)}
       */
      usage(str2) {
        if (str2 === void 0) {
          if (this._usage) return this._usage;
          const args = this.registeredArguments.map((arg) => {
            return humanReadableArgName(arg);
          });
          return [].concat(
            this.options.length || this._helpOption !== null ? "[options]" : [],
            this.commands.length ? "[command]" : [],
            this.registeredArguments.length ? args : []
          ).join(" ");
        }
        this._usage = str2;
        return this;
      }
      /**
       * Get or set the name of the command.
       *
       * @param {string} [str]
       * @return {(string|Command)}
       */
      name(str2) {
        if (str2 === void 0) return this._name;
        this._name = str2;
        return this;
      }
      /**
       * Set/get the help group heading for this subcommand in parent command's help.
       *
       * @param {string} [heading]
       * @return {Command | string}
       */
      helpGroup(heading) {
        if (heading === void 0) return this._helpGroupHeading ?? "";
        this._helpGroupHeading = heading;
        return this;
      }
      /**
       * Set/get the default help group heading for subcommands added to this command.
       * (This does not override a group set directly on the subcommand using .helpGroup().)
       *
       * @example
       * program.commandsGroup('Development Commands:);
       * program.command('watch')...
       * program.command('lint')...
       * ...
       *
       * @param {string} [heading]
       * @returns {Command | string}
       */
      commandsGroup(heading) {
        if (heading === void 0) return this._defaultCommandGroup ?? "";
        this._defaultCommandGroup = heading;
        return this;
      }
      /**
       * Set/get the default help group heading for options added to this command.
       * (This does not override a group set directly on the option using .helpGroup().)
       *
       * @example
       * program
       *   .optionsGroup('Development Options:')
       *   .option('-d, --debug', 'output extra debugging')
       *   .option('-p, --profile', 'output profiling information')
       *
       * @param {string} [heading]
       * @returns {Command | string}
       */
      optionsGroup(heading) {
        if (heading === void 0) return this._defaultOptionGroup ?? "";
        this._defaultOptionGroup = heading;
        return this;
      }
      /**
       * @param {Option} option
       * @private
       */
      _initOptionGroup(option) {
        if (this._defaultOptionGroup && !option.helpGroupHeading)
          option.helpGroup(this._defaultOptionGroup);
      }
      /**
       * @param {Command} cmd
       * @private
       */
      _initCommandGroup(cmd) {
        if (this._defaultCommandGroup && !cmd.helpGroup())
          cmd.helpGroup(this._defaultCommandGroup);
      }
      /**
       * Set the name of the command from script filename, such as process.argv[1],
       * or require.main.filename, or __filename.
       *
       * (Used internally and public although not documented in README.)
       *
       * @example
       * program.nameFromFilename(require.main.filename);
       *
       * @param {string} filename
       * @return {Command}
       */
      nameFromFilename(filename) {
        this._name = path2.basename(filename, path2.extname(filename));
        return this;
      }
      /**
       * Get or set the directory for searching for executable subcommands of this command.
       *
       * @example
       * program.executableDir(__dirname);
       * // or
       * program.executableDir('subcommands');
       *
       * @param {string} [path]
       * @return {(string|null|Command)}
       */
      executableDir(path3) {
        if (path3 === void 0) return this._executableDir;
        this._executableDir = path3;
        return this;
      }
      /**
       * Return program help documentation.
       *
       * @param {{ error: boolean }} [contextOptions] - pass {error:true} to wrap for stderr instead of stdout
       * @return {string}
       */
      helpInformation(contextOptions) {
        const helper = this.createHelp();
        const context = this._getOutputContext(contextOptions);
        helper.prepareContext({
          error: context.error,
          helpWidth: context.helpWidth,
          outputHasColors: context.hasColors
        });
        const text = helper.formatHelp(this, helper);
        if (context.hasColors) return text;
        return this._outputConfiguration.stripColor(text);
      }
      /**
       * @typedef HelpContext
       * @type {object}
       * @property {boolean} error
       * @property {number} helpWidth
       * @property {boolean} hasColors
       * @property {function} write - includes stripColor if needed
       *
       * @returns {HelpContext}
       * @private
       */
      _getOutputContext(contextOptions) {
        contextOptions = contextOptions || {};
        const error = !!contextOptions.error;
        let baseWrite;
        let hasColors;
        let helpWidth;
        if (error) {
          baseWrite = (str2) => this._outputConfiguration.writeErr(str2);
          hasColors = this._outputConfiguration.getErrHasColors();
          helpWidth = this._outputConfiguration.getErrHelpWidth();
        } else {
          baseWrite = (str2) => this._outputConfiguration.writeOut(str2);
          hasColors = this._outputConfiguration.getOutHasColors();
          helpWidth = this._outputConfiguration.getOutHelpWidth();
        }
        const write = (str2) => {
          if (!hasColors) str2 = this._outputConfiguration.stripColor(str2);
          return baseWrite(str2);
        };
        return { error, write, hasColors, helpWidth };
      }
      /**
       * Output help information for this command.
       *
       * Outputs built-in help, and custom text added using `.addHelpText()`.
       *
       * @param {{ error: boolean } | Function} [contextOptions] - pass {error:true} to write to stderr instead of stdout
       */
      outputHelp(contextOptions) {
        let deprecatedCallback;
        if (typeof contextOptions === "function") {
          deprecatedCallback = contextOptions;
          contextOptions = void 0;
        }
        const outputContext = this._getOutputContext(contextOptions);
        const eventContext = {
          error: outputContext.error,
          write: outputContext.write,
          command: this
        };
        this._getCommandAndAncestors().reverse().forEach((command) => command.emit("beforeAllHelp", eventContext));
        this.emit("beforeHelp", eventContext);
        let helpInformation = this.helpInformation({ error: outputContext.error });
        if (deprecatedCallback) {
          helpInformation = deprecatedCallback(helpInformation);
          if (typeof helpInformation !== "string" && !Buffer.isBuffer(helpInformation)) {
            throw new Error("outputHelp callback must return a string or a Buffer");
          }
        }
        outputContext.write(helpInformation);
        if (this._getHelpOption()?.long) {
          this.emit(this._getHelpOption().long);
        }
        this.emit("afterHelp", eventContext);
        this._getCommandAndAncestors().forEach(
          (command) => command.emit("afterAllHelp", eventContext)
        );
      }
      /**
       * You can pass in flags and a description to customise the built-in help option.
       * Pass in false to disable the built-in help option.
       *
       * @example
       * program.helpOption('-?, --help' 'show help'); // customise
       * program.helpOption(false); // disable
       *
       * @param {(string | boolean)} flags
       * @param {string} [description]
       * @return {Command} `this` command for chaining
       */
      helpOption(flags, description) {
        if (typeof flags === "boolean") {
          if (flags) {
            if (this._helpOption === null) this._helpOption = void 0;
            if (this._defaultOptionGroup) {
              this._initOptionGroup(this._getHelpOption());
            }
          } else {
            this._helpOption = null;
          }
          return this;
        }
        this._helpOption = this.createOption(
          flags ?? "-h, --help",
          description ?? "display help for command"
        );
        if (flags || description) this._initOptionGroup(this._helpOption);
        return this;
      }
      /**
       * Lazy create help option.
       * Returns null if has been disabled with .helpOption(false).
       *
       * @returns {(Option | null)} the help option
       * @package
       */
      _getHelpOption() {
        if (this._helpOption === void 0) {
          this.helpOption(void 0, void 0);
        }
        return this._helpOption;
      }
      /**
       * Supply your own option to use for the built-in help option.
       * This is an alternative to using helpOption() to customise the flags and description etc.
       *
       * @param {Option} option
       * @return {Command} `this` command for chaining
       */
      addHelpOption(option) {
        this._helpOption = option;
        this._initOptionGroup(option);
        return this;
      }
      /**
       * Output help information and exit.
       *
       * Outputs built-in help, and custom text added using `.addHelpText()`.
       *
       * @param {{ error: boolean }} [contextOptions] - pass {error:true} to write to stderr instead of stdout
       */
      help(contextOptions) {
        this.outputHelp(contextOptions);
        let exitCode = Number(process2.exitCode ?? 0);
        if (exitCode === 0 && contextOptions && typeof contextOptions !== "function" && contextOptions.error) {
          exitCode = 1;
        }
        this._exit(exitCode, "commander.help", "(outputHelp)");
      }
      /**
       * // Do a little typing to coordinate emit and listener for the help text events.
       * @typedef HelpTextEventContext
       * @type {object}
       * @property {boolean} error
       * @property {Command} command
       * @property {function} write
       */
      /**
       * Add additional text to be displayed with the built-in help.
       *
       * Position is 'before' or 'after' to affect just this command,
       * and 'beforeAll' or 'afterAll' to affect this command and all its subcommands.
       *
       * @param {string} position - before or after built-in help
       * @param {(string | Function)} text - string to add, or a function returning a string
       * @return {Command} `this` command for chaining
       */
      addHelpText(position, text) {
        const allowedValues = ["beforeAll", "before", "after", "afterAll"];
        if (!allowedValues.includes(position)) {
          throw new Error(`Unexpected value for position to addHelpText.
Expecting one of '${allowedValues.join("', '")}'`);
        }
        const helpEvent = `${position}Help`;
        this.on(helpEvent, (context) => {
          let helpStr;
          if (typeof text === "function") {
            helpStr = text({ error: context.error, command: context.command });
          } else {
            helpStr = text;
          }
          if (helpStr) {
            context.write(`${helpStr}
`);
          }
        });
        return this;
      }
      /**
       * Output help information if help flags specified
       *
       * @param {Array} args - array of options to search for help flags
       * @private
       */
      _outputHelpIfRequested(args) {
        const helpOption = this._getHelpOption();
        const helpRequested = helpOption && args.find((arg) => helpOption.is(arg));
        if (helpRequested) {
          this.outputHelp();
          this._exit(0, "commander.helpDisplayed", "(outputHelp)");
        }
      }
    };
    function incrementNodeInspectorPort(args) {
      return args.map((arg) => {
        if (!arg.startsWith("--inspect")) {
          return arg;
        }
        let debugOption;
        let debugHost = "127.0.0.1";
        let debugPort = "9229";
        let match;
        if ((match = arg.match(/^(--inspect(-brk)?)$/)) !== null) {
          debugOption = match[1];
        } else if ((match = arg.match(/^(--inspect(-brk|-port)?)=([^:]+)$/)) !== null) {
          debugOption = match[1];
          if (/^\d+$/.test(match[3])) {
            debugPort = match[3];
          } else {
            debugHost = match[3];
          }
        } else if ((match = arg.match(/^(--inspect(-brk|-port)?)=([^:]+):(\d+)$/)) !== null) {
          debugOption = match[1];
          debugHost = match[3];
          debugPort = match[4];
        }
        if (debugOption && debugPort !== "0") {
          return `${debugOption}=${debugHost}:${parseInt(debugPort) + 1}`;
        }
        return arg;
      });
    }
    function useColor() {
      if (process2.env.NO_COLOR || process2.env.FORCE_COLOR === "0" || process2.env.FORCE_COLOR === "false")
        return false;
      if (process2.env.FORCE_COLOR || process2.env.CLICOLOR_FORCE !== void 0)
        return true;
      return void 0;
    }
    exports.Command = Command2;
    exports.useColor = useColor;
  }
});

// node_modules/commander/index.js
var require_commander = __commonJS({
  "node_modules/commander/index.js"(exports) {
    var { Argument: Argument2 } = require_argument();
    var { Command: Command2 } = require_command();
    var { CommanderError: CommanderError2, InvalidArgumentError: InvalidArgumentError2 } = require_error();
    var { Help: Help2 } = require_help();
    var { Option: Option2 } = require_option();
    exports.program = new Command2();
    exports.createCommand = (name3) => new Command2(name3);
    exports.createOption = (flags, description) => new Option2(flags, description);
    exports.createArgument = (name3, description) => new Argument2(name3, description);
    exports.Command = Command2;
    exports.Option = Option2;
    exports.Argument = Argument2;
    exports.Help = Help2;
    exports.CommanderError = CommanderError2;
    exports.InvalidArgumentError = InvalidArgumentError2;
    exports.InvalidOptionArgumentError = InvalidArgumentError2;
  }
});

// node_modules/commander/esm.mjs
var import_index, program, createCommand, createArgument, createOption, CommanderError, InvalidArgumentError, InvalidOptionArgumentError, Command, Argument, Option, Help;
var init_esm = __esm({
  "node_modules/commander/esm.mjs"() {
    import_index = __toESM(require_commander(), 1);
    ({
      program,
      createCommand,
      createArgument,
      createOption,
      CommanderError,
      InvalidArgumentError,
      InvalidOptionArgumentError,
      Command: (
        // deprecated old name
        Command
      ),
      Argument,
      Option,
      Help
    } = import_index.default);
  }
});

// src/cli/exit-codes.ts
var EXIT_OK, EXIT_FAILED, EXIT_USAGE;
var init_exit_codes = __esm({
  "src/cli/exit-codes.ts"() {
    "use strict";
    EXIT_OK = 0;
    EXIT_FAILED = 1;
    EXIT_USAGE = 2;
  }
});

// src/pipeline/counting.ts
function thousands(n) {
  if (!Number.isFinite(n)) return String(n);
  const [whole = "", fraction] = String(Math.abs(n)).split(".");
  const grouped = whole.length > 3 && !whole.includes("e") ? whole.replace(/\B(?=(\d{3})+$)/g, ",") : whole;
  return `${n < 0 ? "-" : ""}${grouped}${fraction === void 0 ? "" : `.${fraction}`}`;
}
function count(n, one, many = `${one}s`) {
  return `${thousands(n)} ${n === 1 ? one : many}`;
}
var init_counting = __esm({
  "src/pipeline/counting.ts"() {
    "use strict";
  }
});

// src/pipeline/render/visible-name.ts
function picture(ch) {
  const code3 = ch.codePointAt(0);
  if (code3 < 32) return String.fromCodePoint(9216 + code3);
  if (code3 === 127) return "\u2421";
  return `<U+${code3.toString(16).toUpperCase().padStart(4, "0")}>`;
}
function visibleName(name3) {
  if (name3 === "") return '""';
  return name3.replace(INVISIBLE, picture);
}
function truncate(text, max) {
  const points = Array.from(text);
  if (points.length <= max) return text;
  return `${points.slice(0, Math.max(0, max - 1)).join("")}\u2026`;
}
function showInvisible(text) {
  return text.replace(INVISIBLE, (ch) => ch === "\n" ? ch : picture(ch));
}
var INVISIBLE;
var init_visible_name = __esm({
  "src/pipeline/render/visible-name.ts"() {
    "use strict";
    INVISIBLE = /[\p{Cc}\p{Cf}\p{Co}\p{Cn}\p{Cs}\p{Zl}\p{Zp}]/gu;
  }
});

// src/pipeline/format.ts
function formatIssues(result, options) {
  if (options.format === "json") return `${JSON.stringify(resultJson(result), null, 2)}
`;
  const line = options.format === "github" ? githubIssue : textIssue;
  return sortedIssues(result).map((issue) => `${line(issue, options.file)}
`).join("");
}
function sortedIssues(result) {
  const at = (n) => n ?? 0;
  return [...result.errors, ...result.warnings].sort(
    (a, b) => at(a.line) - at(b.line) || at(a.column) - at(b.column)
  );
}
function textIssue(issue, file) {
  let where = file;
  if (issue.line !== null) where += `:${issue.line}`;
  if (issue.line !== null && issue.column !== null) where += `:${issue.column}`;
  const [first, ...rest] = messageLines(issue.message);
  return [`${where}: ${issue.severity}: ${first}`, ...rest.map((l) => `    ${l}`)].join("\n");
}
function githubIssue(issue, file) {
  const props = [`file=${escapeProperty(file)}`];
  if (issue.line !== null) props.push(`line=${issue.line}`);
  if (issue.line !== null && issue.column !== null) props.push(`col=${issue.column}`);
  return `::${issue.severity} ${props.join(",")}::${escapeData(messageLines(issue.message).join("\n"))}`;
}
function resultJson(result) {
  const issue = (i) => ({
    message: i.message,
    line: i.line,
    column: i.column,
    path: i.path
  });
  return {
    valid: result.valid,
    errors: result.errors.map(issue),
    warnings: result.warnings.map(issue),
    actions: result.pipeline === null ? [] : [...result.pipeline.actions.keys()]
  };
}
function formatVerdict(result, file) {
  const parts = [];
  if (result.pipeline !== null) parts.push(count(result.pipeline.actions.size, "action"));
  if (result.errors.length > 0) parts.push(count(result.errors.length, "error"));
  if (result.warnings.length > 0) parts.push(count(result.warnings.length, "warning"));
  const detail = parts.length === 0 ? "" : ` (${parts.join(", ")})`;
  return `${file}: ${result.valid ? "valid" : "invalid"}${detail}`;
}
function messageLines(message) {
  const lines = showInvisible(message.replace(/\r\n?/g, "\n")).split("\n");
  while (lines.length > 1 && lines[lines.length - 1].trim() === "") lines.pop();
  return lines;
}
function escapeData(text) {
  return text.replaceAll("%", "%25").replaceAll("\r", "%0D").replaceAll("\n", "%0A");
}
function escapeProperty(text) {
  return escapeData(text).replaceAll(":", "%3A").replaceAll(",", "%2C");
}
var ISSUE_FORMATS;
var init_format = __esm({
  "src/pipeline/format.ts"() {
    "use strict";
    init_counting();
    init_visible_name();
    ISSUE_FORMATS = ["text", "json", "github"];
  }
});

// src/pipeline/model.ts
var PRIVACY_LEVELS, RUN_ALL;
var init_model = __esm({
  "src/pipeline/model.ts"() {
    "use strict";
    PRIVACY_LEVELS = ["highly_sensitive", "moderately_sensitive", "minimally_sensitive"];
    RUN_ALL = "run_all";
  }
});

// src/pipeline/graph.ts
function buildGraph(pipeline2) {
  const nodes = [...pipeline2.actions.keys()];
  const needs = /* @__PURE__ */ new Map();
  const dependents = /* @__PURE__ */ new Map();
  for (const name3 of nodes) dependents.set(name3, []);
  for (const [name3, action] of pipeline2.actions) {
    const unique = [...new Set(action.needs)];
    needs.set(name3, unique);
    for (const dep of unique) dependents.get(dep)?.push(name3);
  }
  return { nodes, needs, dependents, order: topologicalOrder(nodes, needs) };
}
function topologicalOrder(nodes, needs) {
  const index = new Map(nodes.map((n, i) => [n, i]));
  const remaining = /* @__PURE__ */ new Map();
  const dependents = /* @__PURE__ */ new Map();
  for (const n of nodes) dependents.set(n, []);
  for (const n of nodes) {
    const deps = (needs.get(n) ?? []).filter((d) => index.has(d) && d !== n);
    remaining.set(n, new Set(deps).size);
    for (const d of new Set(deps)) dependents.get(d).push(n);
  }
  const heap = [];
  const push = (i) => {
    heap.push(i);
    let c = heap.length - 1;
    while (c > 0) {
      const p = c - 1 >> 1;
      if (heap[p] <= heap[c]) break;
      [heap[p], heap[c]] = [heap[c], heap[p]];
      c = p;
    }
  };
  const pop = () => {
    const top = heap[0];
    const last = heap.pop();
    if (heap.length > 0) {
      heap[0] = last;
      let p = 0;
      for (; ; ) {
        const l = 2 * p + 1;
        const r = l + 1;
        let m = p;
        if (l < heap.length && heap[l] < heap[m]) m = l;
        if (r < heap.length && heap[r] < heap[m]) m = r;
        if (m === p) break;
        [heap[p], heap[m]] = [heap[m], heap[p]];
        p = m;
      }
    }
    return top;
  };
  nodes.forEach((n, i) => {
    if (remaining.get(n) === 0) push(i);
  });
  const order = [];
  const placed = /* @__PURE__ */ new Set();
  while (heap.length > 0) {
    const n = nodes[pop()];
    order.push(n);
    placed.add(n);
    for (const d of dependents.get(n)) {
      const left = remaining.get(d) - 1;
      remaining.set(d, left);
      if (left === 0) push(index.get(d));
    }
  }
  for (const n of nodes) if (!placed.has(n)) order.push(n);
  return order;
}
function findCycle(nodes, needs) {
  const state = /* @__PURE__ */ new Map();
  for (const start of nodes) {
    if (state.has(start)) continue;
    const path2 = [];
    const stack = [{ node: start, next: 0 }];
    state.set(start, 1);
    path2.push(start);
    while (stack.length > 0) {
      const frame = stack[stack.length - 1];
      const deps = needs.get(frame.node) ?? [];
      if (frame.next < deps.length) {
        const dep = deps[frame.next++];
        if (!needs.has(dep)) continue;
        const s = state.get(dep);
        if (s === 1) return [...path2.slice(path2.indexOf(dep)), dep];
        if (s === void 0) {
          state.set(dep, 1);
          path2.push(dep);
          stack.push({ node: dep, next: 0 });
        }
      } else {
        state.set(frame.node, 2);
        path2.pop();
        stack.pop();
      }
    }
  }
  return null;
}
function closure(graph2, requested) {
  const wanted = /* @__PURE__ */ new Set();
  const stack = [...requested];
  while (stack.length > 0) {
    const name3 = stack.pop();
    if (wanted.has(name3)) continue;
    wanted.add(name3);
    for (const dep of graph2.needs.get(name3) ?? []) stack.push(dep);
  }
  return graph2.order.filter((n) => wanted.has(n));
}
function downstream(graph2, changed) {
  const start = new Set(changed);
  const seen = /* @__PURE__ */ new Set();
  const stack = [...start];
  while (stack.length > 0) {
    const name3 = stack.pop();
    for (const dep of graph2.dependents.get(name3) ?? []) {
      if (!seen.has(dep)) {
        seen.add(dep);
        stack.push(dep);
      }
    }
  }
  return graph2.order.filter((n) => seen.has(n) && !start.has(n));
}
var init_graph = __esm({
  "src/pipeline/graph.ts"() {
    "use strict";
    init_model();
  }
});

// src/pipeline/load/bounds.ts
function checkBounds(root) {
  const sizes = /* @__PURE__ */ new Map();
  let tooDeep = false;
  const size = (value, depth) => {
    if (value === null || typeof value !== "object" || !(value instanceof Map || Array.isArray(value)))
      return 1;
    if (depth > MAX_DEPTH) {
      tooDeep = true;
      return 1;
    }
    const known = sizes.get(value);
    if (known !== void 0) return known;
    let total2 = 1;
    for (const child of value instanceof Map ? value.values() : value) {
      total2 += size(child, depth + 1);
      if (total2 > MAX_EXPANDED_VALUES || tooDeep) break;
    }
    sizes.set(value, total2);
    return total2;
  };
  const total = size(root, 0);
  if (tooDeep) {
    return { code: "yaml-too-deep", message: `the file nests values more than ${MAX_DEPTH} levels deep` };
  }
  if (total > MAX_EXPANDED_VALUES) {
    return {
      code: "yaml-too-large",
      message: `the file expands to more than ${thousands(MAX_EXPANDED_VALUES)} values (through aliases); this looks like a resource exhaustion attack`
    };
  }
  return null;
}
var MAX_EXPANDED_VALUES, MAX_DEPTH, MAX_BYTES;
var init_bounds = __esm({
  "src/pipeline/load/bounds.ts"() {
    "use strict";
    init_counting();
    MAX_EXPANDED_VALUES = 2e6;
    MAX_DEPTH = 200;
    MAX_BYTES = 8 * 1024 * 1024;
  }
});

// node_modules/js-yaml/dist/js-yaml.mjs
var js_yaml_exports = {};
__export(js_yaml_exports, {
  CORE_SCHEMA: () => CORE_SCHEMA,
  DEFAULT_SCHEMA: () => DEFAULT_SCHEMA,
  FAILSAFE_SCHEMA: () => FAILSAFE_SCHEMA,
  JSON_SCHEMA: () => JSON_SCHEMA,
  Schema: () => Schema,
  Type: () => Type,
  YAMLException: () => YAMLException,
  default: () => yaml,
  dump: () => dump,
  load: () => load,
  loadAll: () => loadAll,
  safeDump: () => safeDump,
  safeLoad: () => safeLoad,
  safeLoadAll: () => safeLoadAll,
  types: () => types
});
function getDefaultExportFromCjs(x) {
  return x && x.__esModule && Object.prototype.hasOwnProperty.call(x, "default") ? x["default"] : x;
}
function requireCommon() {
  if (hasRequiredCommon) return common;
  hasRequiredCommon = 1;
  function isNothing(subject) {
    return typeof subject === "undefined" || subject === null;
  }
  function isObject(subject) {
    return typeof subject === "object" && subject !== null;
  }
  function toArray(sequence) {
    if (Array.isArray(sequence)) return sequence;
    else if (isNothing(sequence)) return [];
    return [sequence];
  }
  function extend(target, source) {
    if (source) {
      const sourceKeys = Object.keys(source);
      for (let index = 0, length = sourceKeys.length; index < length; index += 1) {
        const key = sourceKeys[index];
        target[key] = source[key];
      }
    }
    return target;
  }
  function repeat(string2, count2) {
    let result = "";
    for (let cycle = 0; cycle < count2; cycle += 1) {
      result += string2;
    }
    return result;
  }
  function isNegativeZero(number) {
    return number === 0 && Number.NEGATIVE_INFINITY === 1 / number;
  }
  common.isNothing = isNothing;
  common.isObject = isObject;
  common.toArray = toArray;
  common.repeat = repeat;
  common.isNegativeZero = isNegativeZero;
  common.extend = extend;
  return common;
}
function requireException() {
  if (hasRequiredException) return exception;
  hasRequiredException = 1;
  function formatError(exception2, compact) {
    let where = "";
    const message = exception2.reason || "(unknown reason)";
    if (!exception2.mark) return message;
    if (exception2.mark.name) {
      where += 'in "' + exception2.mark.name + '" ';
    }
    where += "(" + (exception2.mark.line + 1) + ":" + (exception2.mark.column + 1) + ")";
    if (!compact && exception2.mark.snippet) {
      where += "\n\n" + exception2.mark.snippet;
    }
    return message + " " + where;
  }
  function YAMLException2(reason, mark) {
    Error.call(this);
    this.name = "YAMLException";
    this.reason = reason;
    this.mark = mark;
    this.message = formatError(this, false);
    if (Error.captureStackTrace) {
      Error.captureStackTrace(this, this.constructor);
    } else {
      this.stack = new Error().stack || "";
    }
  }
  YAMLException2.prototype = Object.create(Error.prototype);
  YAMLException2.prototype.constructor = YAMLException2;
  YAMLException2.prototype.toString = function toString(compact) {
    return this.name + ": " + formatError(this, compact);
  };
  exception = YAMLException2;
  return exception;
}
function requireSnippet() {
  if (hasRequiredSnippet) return snippet;
  hasRequiredSnippet = 1;
  const common2 = requireCommon();
  function getLine(buffer, lineStart, lineEnd, position, maxLineLength) {
    let head = "";
    let tail = "";
    const maxHalfLength = Math.floor(maxLineLength / 2) - 1;
    if (position - lineStart > maxHalfLength) {
      head = " ... ";
      lineStart = position - maxHalfLength + head.length;
    }
    if (lineEnd - position > maxHalfLength) {
      tail = " ...";
      lineEnd = position + maxHalfLength - tail.length;
    }
    return {
      str: head + buffer.slice(lineStart, lineEnd).replace(/\t/g, "\u2192") + tail,
      pos: position - lineStart + head.length
      // relative position
    };
  }
  function padStart(string2, max) {
    return common2.repeat(" ", max - string2.length) + string2;
  }
  function makeSnippet(mark, options) {
    options = Object.create(options || null);
    if (!mark.buffer) return null;
    if (!options.maxLength) options.maxLength = 79;
    if (typeof options.indent !== "number") options.indent = 1;
    if (typeof options.linesBefore !== "number") options.linesBefore = 3;
    if (typeof options.linesAfter !== "number") options.linesAfter = 2;
    const re = /\r?\n|\r|\0/g;
    const lineStarts = [0];
    const lineEnds = [];
    let match;
    let foundLineNo = -1;
    while (match = re.exec(mark.buffer)) {
      lineEnds.push(match.index);
      lineStarts.push(match.index + match[0].length);
      if (mark.position <= match.index && foundLineNo < 0) {
        foundLineNo = lineStarts.length - 2;
      }
    }
    if (foundLineNo < 0) foundLineNo = lineStarts.length - 1;
    let result = "";
    const lineNoLength = Math.min(mark.line + options.linesAfter, lineEnds.length).toString().length;
    const maxLineLength = options.maxLength - (options.indent + lineNoLength + 3);
    for (let i = 1; i <= options.linesBefore; i++) {
      if (foundLineNo - i < 0) break;
      const line2 = getLine(
        mark.buffer,
        lineStarts[foundLineNo - i],
        lineEnds[foundLineNo - i],
        mark.position - (lineStarts[foundLineNo] - lineStarts[foundLineNo - i]),
        maxLineLength
      );
      result = common2.repeat(" ", options.indent) + padStart((mark.line - i + 1).toString(), lineNoLength) + " | " + line2.str + "\n" + result;
    }
    const line = getLine(mark.buffer, lineStarts[foundLineNo], lineEnds[foundLineNo], mark.position, maxLineLength);
    result += common2.repeat(" ", options.indent) + padStart((mark.line + 1).toString(), lineNoLength) + " | " + line.str + "\n";
    result += common2.repeat("-", options.indent + lineNoLength + 3 + line.pos) + "^\n";
    for (let i = 1; i <= options.linesAfter; i++) {
      if (foundLineNo + i >= lineEnds.length) break;
      const line2 = getLine(
        mark.buffer,
        lineStarts[foundLineNo + i],
        lineEnds[foundLineNo + i],
        mark.position - (lineStarts[foundLineNo] - lineStarts[foundLineNo + i]),
        maxLineLength
      );
      result += common2.repeat(" ", options.indent) + padStart((mark.line + i + 1).toString(), lineNoLength) + " | " + line2.str + "\n";
    }
    return result.replace(/\n$/, "");
  }
  snippet = makeSnippet;
  return snippet;
}
function requireType() {
  if (hasRequiredType) return type;
  hasRequiredType = 1;
  const YAMLException2 = requireException();
  const TYPE_CONSTRUCTOR_OPTIONS = [
    "kind",
    "multi",
    "resolve",
    "construct",
    "instanceOf",
    "predicate",
    "represent",
    "representName",
    "defaultStyle",
    "styleAliases"
  ];
  const YAML_NODE_KINDS = [
    "scalar",
    "sequence",
    "mapping"
  ];
  function compileStyleAliases(map2) {
    const result = {};
    if (map2 !== null) {
      Object.keys(map2).forEach(function(style) {
        map2[style].forEach(function(alias) {
          result[String(alias)] = style;
        });
      });
    }
    return result;
  }
  function Type22(tag, options) {
    options = options || {};
    Object.keys(options).forEach(function(name3) {
      if (TYPE_CONSTRUCTOR_OPTIONS.indexOf(name3) === -1) {
        throw new YAMLException2('Unknown option "' + name3 + '" is met in definition of "' + tag + '" YAML type.');
      }
    });
    this.options = options;
    this.tag = tag;
    this.kind = options["kind"] || null;
    this.resolve = options["resolve"] || function() {
      return true;
    };
    this.construct = options["construct"] || function(data) {
      return data;
    };
    this.instanceOf = options["instanceOf"] || null;
    this.predicate = options["predicate"] || null;
    this.represent = options["represent"] || null;
    this.representName = options["representName"] || null;
    this.defaultStyle = options["defaultStyle"] || null;
    this.multi = options["multi"] || false;
    this.styleAliases = compileStyleAliases(options["styleAliases"] || null);
    if (YAML_NODE_KINDS.indexOf(this.kind) === -1) {
      throw new YAMLException2('Unknown kind "' + this.kind + '" is specified for "' + tag + '" YAML type.');
    }
  }
  type = Type22;
  return type;
}
function requireSchema() {
  if (hasRequiredSchema) return schema;
  hasRequiredSchema = 1;
  const YAMLException2 = requireException();
  const Type22 = requireType();
  function compileList(schema22, name3) {
    const result = [];
    schema22[name3].forEach(function(currentType) {
      let newIndex = result.length;
      result.forEach(function(previousType, previousIndex) {
        if (previousType.tag === currentType.tag && previousType.kind === currentType.kind && previousType.multi === currentType.multi) {
          newIndex = previousIndex;
        }
      });
      result[newIndex] = currentType;
    });
    return result;
  }
  function compileMap() {
    const result = {
      scalar: {},
      sequence: {},
      mapping: {},
      fallback: {},
      multi: {
        scalar: [],
        sequence: [],
        mapping: [],
        fallback: []
      }
    };
    function collectType(type2) {
      if (type2.multi) {
        result.multi[type2.kind].push(type2);
        result.multi["fallback"].push(type2);
      } else {
        result[type2.kind][type2.tag] = result["fallback"][type2.tag] = type2;
      }
    }
    for (let index = 0, length = arguments.length; index < length; index += 1) {
      arguments[index].forEach(collectType);
    }
    return result;
  }
  function Schema2(definition) {
    return this.extend(definition);
  }
  Schema2.prototype.extend = function extend(definition) {
    let implicit = [];
    let explicit = [];
    if (definition instanceof Type22) {
      explicit.push(definition);
    } else if (Array.isArray(definition)) {
      explicit = explicit.concat(definition);
    } else if (definition && (Array.isArray(definition.implicit) || Array.isArray(definition.explicit))) {
      if (definition.implicit) implicit = implicit.concat(definition.implicit);
      if (definition.explicit) explicit = explicit.concat(definition.explicit);
    } else {
      throw new YAMLException2("Schema.extend argument should be a Type, [ Type ], or a schema definition ({ implicit: [...], explicit: [...] })");
    }
    implicit.forEach(function(type2) {
      if (!(type2 instanceof Type22)) {
        throw new YAMLException2("Specified list of YAML types (or a single Type object) contains a non-Type object.");
      }
      if (type2.loadKind && type2.loadKind !== "scalar") {
        throw new YAMLException2("There is a non-scalar type in the implicit list of a schema. Implicit resolving of such types is not supported.");
      }
      if (type2.multi) {
        throw new YAMLException2("There is a multi type in the implicit list of a schema. Multi tags can only be listed as explicit.");
      }
    });
    explicit.forEach(function(type2) {
      if (!(type2 instanceof Type22)) {
        throw new YAMLException2("Specified list of YAML types (or a single Type object) contains a non-Type object.");
      }
    });
    const result = Object.create(Schema2.prototype);
    result.implicit = (this.implicit || []).concat(implicit);
    result.explicit = (this.explicit || []).concat(explicit);
    result.compiledImplicit = compileList(result, "implicit");
    result.compiledExplicit = compileList(result, "explicit");
    result.compiledTypeMap = compileMap(result.compiledImplicit, result.compiledExplicit);
    return result;
  };
  schema = Schema2;
  return schema;
}
function requireStr() {
  if (hasRequiredStr) return str;
  hasRequiredStr = 1;
  const Type22 = requireType();
  str = new Type22("tag:yaml.org,2002:str", {
    kind: "scalar",
    construct: function(data) {
      return data !== null ? data : "";
    }
  });
  return str;
}
function requireSeq() {
  if (hasRequiredSeq) return seq;
  hasRequiredSeq = 1;
  const Type22 = requireType();
  seq = new Type22("tag:yaml.org,2002:seq", {
    kind: "sequence",
    construct: function(data) {
      return data !== null ? data : [];
    }
  });
  return seq;
}
function requireMap() {
  if (hasRequiredMap) return map;
  hasRequiredMap = 1;
  const Type22 = requireType();
  map = new Type22("tag:yaml.org,2002:map", {
    kind: "mapping",
    construct: function(data) {
      return data !== null ? data : {};
    }
  });
  return map;
}
function requireFailsafe() {
  if (hasRequiredFailsafe) return failsafe;
  hasRequiredFailsafe = 1;
  const Schema2 = requireSchema();
  failsafe = new Schema2({
    explicit: [
      requireStr(),
      requireSeq(),
      requireMap()
    ]
  });
  return failsafe;
}
function require_null() {
  if (hasRequired_null) return _null;
  hasRequired_null = 1;
  const Type22 = requireType();
  function resolveYamlNull(data) {
    if (data === null) return true;
    const max = data.length;
    return max === 1 && data === "~" || max === 4 && (data === "null" || data === "Null" || data === "NULL");
  }
  function constructYamlNull() {
    return null;
  }
  function isNull(object) {
    return object === null;
  }
  _null = new Type22("tag:yaml.org,2002:null", {
    kind: "scalar",
    resolve: resolveYamlNull,
    construct: constructYamlNull,
    predicate: isNull,
    represent: {
      canonical: function() {
        return "~";
      },
      lowercase: function() {
        return "null";
      },
      uppercase: function() {
        return "NULL";
      },
      camelcase: function() {
        return "Null";
      },
      empty: function() {
        return "";
      }
    },
    defaultStyle: "lowercase"
  });
  return _null;
}
function requireBool() {
  if (hasRequiredBool) return bool;
  hasRequiredBool = 1;
  const Type22 = requireType();
  function resolveYamlBoolean(data) {
    if (data === null) return false;
    const max = data.length;
    return max === 4 && (data === "true" || data === "True" || data === "TRUE") || max === 5 && (data === "false" || data === "False" || data === "FALSE");
  }
  function constructYamlBoolean(data) {
    return data === "true" || data === "True" || data === "TRUE";
  }
  function isBoolean(object) {
    return Object.prototype.toString.call(object) === "[object Boolean]";
  }
  bool = new Type22("tag:yaml.org,2002:bool", {
    kind: "scalar",
    resolve: resolveYamlBoolean,
    construct: constructYamlBoolean,
    predicate: isBoolean,
    represent: {
      lowercase: function(object) {
        return object ? "true" : "false";
      },
      uppercase: function(object) {
        return object ? "TRUE" : "FALSE";
      },
      camelcase: function(object) {
        return object ? "True" : "False";
      }
    },
    defaultStyle: "lowercase"
  });
  return bool;
}
function requireInt() {
  if (hasRequiredInt) return int;
  hasRequiredInt = 1;
  const common2 = requireCommon();
  const Type22 = requireType();
  function isHexCode(c) {
    return c >= 48 && c <= 57 || c >= 65 && c <= 70 || c >= 97 && c <= 102;
  }
  function isOctCode(c) {
    return c >= 48 && c <= 55;
  }
  function isDecCode(c) {
    return c >= 48 && c <= 57;
  }
  function resolveYamlInteger(data) {
    if (data === null) return false;
    const max = data.length;
    let index = 0;
    let hasDigits = false;
    if (!max) return false;
    let ch = data[index];
    if (ch === "-" || ch === "+") {
      ch = data[++index];
    }
    if (ch === "0") {
      if (index + 1 === max) return true;
      ch = data[++index];
      if (ch === "b") {
        index++;
        for (; index < max; index++) {
          ch = data[index];
          if (ch !== "0" && ch !== "1") return false;
          hasDigits = true;
        }
        return hasDigits && isFinite(parseYamlInteger(data));
      }
      if (ch === "x") {
        index++;
        for (; index < max; index++) {
          if (!isHexCode(data.charCodeAt(index))) return false;
          hasDigits = true;
        }
        return hasDigits && isFinite(parseYamlInteger(data));
      }
      if (ch === "o") {
        index++;
        for (; index < max; index++) {
          if (!isOctCode(data.charCodeAt(index))) return false;
          hasDigits = true;
        }
        return hasDigits && isFinite(parseYamlInteger(data));
      }
    }
    for (; index < max; index++) {
      if (!isDecCode(data.charCodeAt(index))) {
        return false;
      }
      hasDigits = true;
    }
    if (!hasDigits) return false;
    return isFinite(parseYamlInteger(data));
  }
  function parseYamlInteger(data) {
    let value = data;
    let sign = 1;
    let ch = value[0];
    if (ch === "-" || ch === "+") {
      if (ch === "-") sign = -1;
      value = value.slice(1);
      ch = value[0];
    }
    if (value === "0") return 0;
    if (ch === "0") {
      if (value[1] === "b") return sign * parseInt(value.slice(2), 2);
      if (value[1] === "x") return sign * parseInt(value.slice(2), 16);
      if (value[1] === "o") return sign * parseInt(value.slice(2), 8);
    }
    return sign * parseInt(value, 10);
  }
  function constructYamlInteger(data) {
    return parseYamlInteger(data);
  }
  function isInteger(object) {
    return Object.prototype.toString.call(object) === "[object Number]" && (object % 1 === 0 && !common2.isNegativeZero(object));
  }
  int = new Type22("tag:yaml.org,2002:int", {
    kind: "scalar",
    resolve: resolveYamlInteger,
    construct: constructYamlInteger,
    predicate: isInteger,
    represent: {
      binary: function(obj) {
        return obj >= 0 ? "0b" + obj.toString(2) : "-0b" + obj.toString(2).slice(1);
      },
      octal: function(obj) {
        return obj >= 0 ? "0o" + obj.toString(8) : "-0o" + obj.toString(8).slice(1);
      },
      decimal: function(obj) {
        return obj.toString(10);
      },
      hexadecimal: function(obj) {
        return obj >= 0 ? "0x" + obj.toString(16).toUpperCase() : "-0x" + obj.toString(16).toUpperCase().slice(1);
      }
    },
    defaultStyle: "decimal",
    styleAliases: {
      binary: [2, "bin"],
      octal: [8, "oct"],
      decimal: [10, "dec"],
      hexadecimal: [16, "hex"]
    }
  });
  return int;
}
function requireFloat() {
  if (hasRequiredFloat) return float;
  hasRequiredFloat = 1;
  const common2 = requireCommon();
  const Type22 = requireType();
  const YAML_FLOAT_PATTERN = new RegExp(
    // 2.5e4, 2.5 and integers
    "^(?:[-+]?(?:[0-9]+)(?:\\.[0-9]*)?(?:[eE][-+]?[0-9]+)?|\\.[0-9]+(?:[eE][-+]?[0-9]+)?|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$"
  );
  const YAML_FLOAT_SPECIAL_PATTERN = new RegExp(
    "^(?:[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$"
  );
  function resolveYamlFloat(data) {
    if (data === null) return false;
    if (!YAML_FLOAT_PATTERN.test(data)) {
      return false;
    }
    if (isFinite(parseFloat(data, 10))) {
      return true;
    }
    return YAML_FLOAT_SPECIAL_PATTERN.test(data);
  }
  function constructYamlFloat(data) {
    let value = data.toLowerCase();
    const sign = value[0] === "-" ? -1 : 1;
    if ("+-".indexOf(value[0]) >= 0) {
      value = value.slice(1);
    }
    if (value === ".inf") {
      return sign === 1 ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
    } else if (value === ".nan") {
      return NaN;
    }
    return sign * parseFloat(value, 10);
  }
  const SCIENTIFIC_WITHOUT_DOT = /^[-+]?[0-9]+e/;
  function representYamlFloat(object, style) {
    if (isNaN(object)) {
      switch (style) {
        case "lowercase":
          return ".nan";
        case "uppercase":
          return ".NAN";
        case "camelcase":
          return ".NaN";
      }
    } else if (Number.POSITIVE_INFINITY === object) {
      switch (style) {
        case "lowercase":
          return ".inf";
        case "uppercase":
          return ".INF";
        case "camelcase":
          return ".Inf";
      }
    } else if (Number.NEGATIVE_INFINITY === object) {
      switch (style) {
        case "lowercase":
          return "-.inf";
        case "uppercase":
          return "-.INF";
        case "camelcase":
          return "-.Inf";
      }
    } else if (common2.isNegativeZero(object)) {
      return "-0.0";
    }
    const res = object.toString(10);
    return SCIENTIFIC_WITHOUT_DOT.test(res) ? res.replace("e", ".e") : res;
  }
  function isFloat(object) {
    return Object.prototype.toString.call(object) === "[object Number]" && (object % 1 !== 0 || common2.isNegativeZero(object));
  }
  float = new Type22("tag:yaml.org,2002:float", {
    kind: "scalar",
    resolve: resolveYamlFloat,
    construct: constructYamlFloat,
    predicate: isFloat,
    represent: representYamlFloat,
    defaultStyle: "lowercase"
  });
  return float;
}
function requireJson() {
  if (hasRequiredJson) return json;
  hasRequiredJson = 1;
  json = requireFailsafe().extend({
    implicit: [
      require_null(),
      requireBool(),
      requireInt(),
      requireFloat()
    ]
  });
  return json;
}
function requireCore() {
  if (hasRequiredCore) return core;
  hasRequiredCore = 1;
  core = requireJson();
  return core;
}
function requireTimestamp() {
  if (hasRequiredTimestamp) return timestamp;
  hasRequiredTimestamp = 1;
  const Type22 = requireType();
  const YAML_DATE_REGEXP = new RegExp(
    "^([0-9][0-9][0-9][0-9])-([0-9][0-9])-([0-9][0-9])$"
  );
  const YAML_TIMESTAMP_REGEXP = new RegExp(
    "^([0-9][0-9][0-9][0-9])-([0-9][0-9]?)-([0-9][0-9]?)(?:[Tt]|[ \\t]+)([0-9][0-9]?):([0-9][0-9]):([0-9][0-9])(?:\\.([0-9]*))?(?:[ \\t]*(Z|([-+])([0-9][0-9]?)(?::([0-9][0-9]))?))?$"
  );
  function resolveYamlTimestamp(data) {
    if (data === null) return false;
    if (YAML_DATE_REGEXP.exec(data) !== null) return true;
    if (YAML_TIMESTAMP_REGEXP.exec(data) !== null) return true;
    return false;
  }
  function constructYamlTimestamp(data) {
    let fraction = 0;
    let delta = null;
    let match = YAML_DATE_REGEXP.exec(data);
    if (match === null) match = YAML_TIMESTAMP_REGEXP.exec(data);
    if (match === null) throw new Error("Date resolve error");
    const year = +match[1];
    const month = +match[2] - 1;
    const day = +match[3];
    if (!match[4]) {
      return new Date(Date.UTC(year, month, day));
    }
    const hour = +match[4];
    const minute = +match[5];
    const second = +match[6];
    if (match[7]) {
      fraction = match[7].slice(0, 3);
      while (fraction.length < 3) {
        fraction += "0";
      }
      fraction = +fraction;
    }
    if (match[9]) {
      const tzHour = +match[10];
      const tzMinute = +(match[11] || 0);
      delta = (tzHour * 60 + tzMinute) * 6e4;
      if (match[9] === "-") delta = -delta;
    }
    const date = new Date(Date.UTC(year, month, day, hour, minute, second, fraction));
    if (delta) date.setTime(date.getTime() - delta);
    return date;
  }
  function representYamlTimestamp(object) {
    return object.toISOString();
  }
  timestamp = new Type22("tag:yaml.org,2002:timestamp", {
    kind: "scalar",
    resolve: resolveYamlTimestamp,
    construct: constructYamlTimestamp,
    instanceOf: Date,
    represent: representYamlTimestamp
  });
  return timestamp;
}
function requireMerge() {
  if (hasRequiredMerge) return merge;
  hasRequiredMerge = 1;
  const Type22 = requireType();
  function resolveYamlMerge(data) {
    return data === "<<" || data === null;
  }
  merge = new Type22("tag:yaml.org,2002:merge", {
    kind: "scalar",
    resolve: resolveYamlMerge
  });
  return merge;
}
function requireBinary() {
  if (hasRequiredBinary) return binary;
  hasRequiredBinary = 1;
  const Type22 = requireType();
  const BASE64_MAP = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=\n\r";
  function resolveYamlBinary(data) {
    if (data === null) return false;
    let bitlen = 0;
    const max = data.length;
    const map2 = BASE64_MAP;
    for (let idx = 0; idx < max; idx++) {
      const code3 = map2.indexOf(data.charAt(idx));
      if (code3 > 64) continue;
      if (code3 < 0) return false;
      bitlen += 6;
    }
    return bitlen % 8 === 0;
  }
  function constructYamlBinary(data) {
    const input = data.replace(/[\r\n=]/g, "");
    const max = input.length;
    const map2 = BASE64_MAP;
    let bits = 0;
    const result = [];
    for (let idx = 0; idx < max; idx++) {
      if (idx % 4 === 0 && idx) {
        result.push(bits >> 16 & 255);
        result.push(bits >> 8 & 255);
        result.push(bits & 255);
      }
      bits = bits << 6 | map2.indexOf(input.charAt(idx));
    }
    const tailbits = max % 4 * 6;
    if (tailbits === 0) {
      result.push(bits >> 16 & 255);
      result.push(bits >> 8 & 255);
      result.push(bits & 255);
    } else if (tailbits === 18) {
      result.push(bits >> 10 & 255);
      result.push(bits >> 2 & 255);
    } else if (tailbits === 12) {
      result.push(bits >> 4 & 255);
    }
    return new Uint8Array(result);
  }
  function representYamlBinary(object) {
    let result = "";
    let bits = 0;
    const max = object.length;
    const map2 = BASE64_MAP;
    for (let idx = 0; idx < max; idx++) {
      if (idx % 3 === 0 && idx) {
        result += map2[bits >> 18 & 63];
        result += map2[bits >> 12 & 63];
        result += map2[bits >> 6 & 63];
        result += map2[bits & 63];
      }
      bits = (bits << 8) + object[idx];
    }
    const tail = max % 3;
    if (tail === 0) {
      result += map2[bits >> 18 & 63];
      result += map2[bits >> 12 & 63];
      result += map2[bits >> 6 & 63];
      result += map2[bits & 63];
    } else if (tail === 2) {
      result += map2[bits >> 10 & 63];
      result += map2[bits >> 4 & 63];
      result += map2[bits << 2 & 63];
      result += map2[64];
    } else if (tail === 1) {
      result += map2[bits >> 2 & 63];
      result += map2[bits << 4 & 63];
      result += map2[64];
      result += map2[64];
    }
    return result;
  }
  function isBinary(obj) {
    return Object.prototype.toString.call(obj) === "[object Uint8Array]";
  }
  binary = new Type22("tag:yaml.org,2002:binary", {
    kind: "scalar",
    resolve: resolveYamlBinary,
    construct: constructYamlBinary,
    predicate: isBinary,
    represent: representYamlBinary
  });
  return binary;
}
function requireOmap() {
  if (hasRequiredOmap) return omap;
  hasRequiredOmap = 1;
  const Type22 = requireType();
  const _hasOwnProperty = Object.prototype.hasOwnProperty;
  const _toString = Object.prototype.toString;
  function resolveYamlOmap(data) {
    if (data === null) return true;
    const objectKeys = {};
    const object = data;
    for (let index = 0, length = object.length; index < length; index += 1) {
      const pair = object[index];
      let pairHasKey = false;
      if (_toString.call(pair) !== "[object Object]") return false;
      let pairKey;
      for (pairKey in pair) {
        if (_hasOwnProperty.call(pair, pairKey)) {
          if (!pairHasKey) pairHasKey = true;
          else return false;
        }
      }
      if (!pairHasKey) return false;
      if (_hasOwnProperty.call(objectKeys, pairKey)) return false;
      Object.defineProperty(objectKeys, pairKey, { value: true });
    }
    return true;
  }
  function constructYamlOmap(data) {
    return data !== null ? data : [];
  }
  omap = new Type22("tag:yaml.org,2002:omap", {
    kind: "sequence",
    resolve: resolveYamlOmap,
    construct: constructYamlOmap
  });
  return omap;
}
function requirePairs() {
  if (hasRequiredPairs) return pairs;
  hasRequiredPairs = 1;
  const Type22 = requireType();
  const _toString = Object.prototype.toString;
  function resolveYamlPairs(data) {
    if (data === null) return true;
    const object = data;
    const result = new Array(object.length);
    for (let index = 0, length = object.length; index < length; index += 1) {
      const pair = object[index];
      if (_toString.call(pair) !== "[object Object]") return false;
      const keys = Object.keys(pair);
      if (keys.length !== 1) return false;
      result[index] = [keys[0], pair[keys[0]]];
    }
    return true;
  }
  function constructYamlPairs(data) {
    if (data === null) return [];
    const object = data;
    const result = new Array(object.length);
    for (let index = 0, length = object.length; index < length; index += 1) {
      const pair = object[index];
      const keys = Object.keys(pair);
      result[index] = [keys[0], pair[keys[0]]];
    }
    return result;
  }
  pairs = new Type22("tag:yaml.org,2002:pairs", {
    kind: "sequence",
    resolve: resolveYamlPairs,
    construct: constructYamlPairs
  });
  return pairs;
}
function requireSet() {
  if (hasRequiredSet) return set;
  hasRequiredSet = 1;
  const Type22 = requireType();
  const _hasOwnProperty = Object.prototype.hasOwnProperty;
  function resolveYamlSet(data) {
    if (data === null) return true;
    const object = data;
    for (const key in object) {
      if (_hasOwnProperty.call(object, key)) {
        if (object[key] !== null) return false;
      }
    }
    return true;
  }
  function constructYamlSet(data) {
    return data !== null ? data : {};
  }
  set = new Type22("tag:yaml.org,2002:set", {
    kind: "mapping",
    resolve: resolveYamlSet,
    construct: constructYamlSet
  });
  return set;
}
function require_default() {
  if (hasRequired_default) return _default;
  hasRequired_default = 1;
  _default = requireCore().extend({
    implicit: [
      requireTimestamp(),
      requireMerge()
    ],
    explicit: [
      requireBinary(),
      requireOmap(),
      requirePairs(),
      requireSet()
    ]
  });
  return _default;
}
function requireLoader() {
  if (hasRequiredLoader) return loader;
  hasRequiredLoader = 1;
  const common2 = requireCommon();
  const YAMLException2 = requireException();
  const makeSnippet = requireSnippet();
  const DEFAULT_SCHEMA2 = require_default();
  const _hasOwnProperty = Object.prototype.hasOwnProperty;
  const CONTEXT_FLOW_IN = 1;
  const CONTEXT_FLOW_OUT = 2;
  const CONTEXT_BLOCK_IN = 3;
  const CONTEXT_BLOCK_OUT = 4;
  const CHOMPING_CLIP = 1;
  const CHOMPING_STRIP = 2;
  const CHOMPING_KEEP = 3;
  const PATTERN_NON_PRINTABLE = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x84\x86-\x9F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?:[^\uD800-\uDBFF]|^)[\uDC00-\uDFFF]/;
  const PATTERN_NON_ASCII_LINE_BREAKS = /[\x85\u2028\u2029]/;
  const PATTERN_FLOW_INDICATORS = /[,\[\]{}]/;
  const PATTERN_TAG_HANDLE = /^(?:!|!!|![0-9A-Za-z-]+!)$/;
  const PATTERN_TAG_URI = /^(?:!|[^,\[\]{}])(?:%[0-9a-f]{2}|[0-9a-z\-#;/?:@&=+$,_.!~*'()\[\]])*$/i;
  function _class(obj) {
    return Object.prototype.toString.call(obj);
  }
  function isEol(c) {
    return c === 10 || c === 13;
  }
  function isWhiteSpace(c) {
    return c === 9 || c === 32;
  }
  function isWsOrEol(c) {
    return c === 9 || c === 32 || c === 10 || c === 13;
  }
  function isFlowIndicator(c) {
    return c === 44 || c === 91 || c === 93 || c === 123 || c === 125;
  }
  function fromHexCode(c) {
    if (c >= 48 && c <= 57) {
      return c - 48;
    }
    const lc = c | 32;
    if (lc >= 97 && lc <= 102) {
      return lc - 97 + 10;
    }
    return -1;
  }
  function escapedHexLen(c) {
    if (c === 120) {
      return 2;
    }
    if (c === 117) {
      return 4;
    }
    if (c === 85) {
      return 8;
    }
    return 0;
  }
  function fromDecimalCode(c) {
    if (c >= 48 && c <= 57) {
      return c - 48;
    }
    return -1;
  }
  function simpleEscapeSequence(c) {
    switch (c) {
      case 48:
        return "\0";
      case 97:
        return "\x07";
      case 98:
        return "\b";
      case 116:
        return "	";
      case 9:
        return "	";
      case 110:
        return "\n";
      case 118:
        return "\v";
      case 102:
        return "\f";
      case 114:
        return "\r";
      case 101:
        return "\x1B";
      case 32:
        return " ";
      case 34:
        return '"';
      case 47:
        return "/";
      case 92:
        return "\\";
      case 78:
        return "\x85";
      case 95:
        return "\xA0";
      case 76:
        return "\u2028";
      case 80:
        return "\u2029";
      default:
        return "";
    }
  }
  function charFromCodepoint(c) {
    if (c <= 65535) {
      return String.fromCharCode(c);
    }
    return String.fromCharCode(
      (c - 65536 >> 10) + 55296,
      (c - 65536 & 1023) + 56320
    );
  }
  function setProperty(object, key, value) {
    if (key === "__proto__") {
      Object.defineProperty(object, key, {
        configurable: true,
        enumerable: true,
        writable: true,
        value
      });
    } else {
      object[key] = value;
    }
  }
  const simpleEscapeCheck = new Array(256);
  const simpleEscapeMap = new Array(256);
  for (let i = 0; i < 256; i++) {
    simpleEscapeCheck[i] = simpleEscapeSequence(i) ? 1 : 0;
    simpleEscapeMap[i] = simpleEscapeSequence(i);
  }
  function State(input, options) {
    this.input = input;
    this.filename = options["filename"] || null;
    this.schema = options["schema"] || DEFAULT_SCHEMA2;
    this.onWarning = options["onWarning"] || null;
    this.legacy = options["legacy"] || false;
    this.json = options["json"] || false;
    this.listener = options["listener"] || null;
    this.maxDepth = typeof options["maxDepth"] === "number" ? options["maxDepth"] : 100;
    this.maxTotalMergeKeys = typeof options["maxTotalMergeKeys"] === "number" ? options["maxTotalMergeKeys"] : 1e4;
    this.implicitTypes = this.schema.compiledImplicit;
    this.typeMap = this.schema.compiledTypeMap;
    this.length = input.length;
    this.position = 0;
    this.line = 0;
    this.lineStart = 0;
    this.lineIndent = 0;
    this.depth = 0;
    this.totalMergeKeys = 0;
    this.firstTabInLine = -1;
    this.documents = [];
    this.anchorMapTransactions = [];
  }
  function generateError(state, message) {
    const mark = {
      name: state.filename,
      buffer: state.input.slice(0, -1),
      // omit trailing \0
      position: state.position,
      line: state.line,
      column: state.position - state.lineStart
    };
    mark.snippet = makeSnippet(mark);
    return new YAMLException2(message, mark);
  }
  function throwError(state, message) {
    throw generateError(state, message);
  }
  function throwWarning(state, message) {
    if (state.onWarning) {
      state.onWarning.call(null, generateError(state, message));
    }
  }
  function storeAnchor(state, name3, value) {
    const transactions = state.anchorMapTransactions;
    if (transactions.length !== 0) {
      const transaction = transactions[transactions.length - 1];
      if (!_hasOwnProperty.call(transaction, name3)) {
        transaction[name3] = {
          existed: _hasOwnProperty.call(state.anchorMap, name3),
          value: state.anchorMap[name3]
        };
      }
    }
    state.anchorMap[name3] = value;
  }
  function beginAnchorTransaction(state) {
    state.anchorMapTransactions.push(/* @__PURE__ */ Object.create(null));
  }
  function commitAnchorTransaction(state) {
    const transaction = state.anchorMapTransactions.pop();
    const transactions = state.anchorMapTransactions;
    if (transactions.length === 0) return;
    const parent = transactions[transactions.length - 1];
    const names = Object.keys(transaction);
    for (let index = 0, length = names.length; index < length; index += 1) {
      const name3 = names[index];
      if (!_hasOwnProperty.call(parent, name3)) {
        parent[name3] = transaction[name3];
      }
    }
  }
  function rollbackAnchorTransaction(state) {
    const transaction = state.anchorMapTransactions.pop();
    const names = Object.keys(transaction);
    for (let index = names.length - 1; index >= 0; index -= 1) {
      const entry = transaction[names[index]];
      if (entry.existed) {
        state.anchorMap[names[index]] = entry.value;
      } else {
        delete state.anchorMap[names[index]];
      }
    }
  }
  function snapshotState(state) {
    return {
      position: state.position,
      line: state.line,
      lineStart: state.lineStart,
      lineIndent: state.lineIndent,
      firstTabInLine: state.firstTabInLine,
      tag: state.tag,
      anchor: state.anchor,
      kind: state.kind,
      result: state.result
    };
  }
  function restoreState(state, snapshot) {
    state.position = snapshot.position;
    state.line = snapshot.line;
    state.lineStart = snapshot.lineStart;
    state.lineIndent = snapshot.lineIndent;
    state.firstTabInLine = snapshot.firstTabInLine;
    state.tag = snapshot.tag;
    state.anchor = snapshot.anchor;
    state.kind = snapshot.kind;
    state.result = snapshot.result;
  }
  const directiveHandlers = {
    YAML: function handleYamlDirective(state, name3, args) {
      if (state.version !== null) {
        throwError(state, "duplication of %YAML directive");
      }
      if (args.length !== 1) {
        throwError(state, "YAML directive accepts exactly one argument");
      }
      const match = /^([0-9]+)\.([0-9]+)$/.exec(args[0]);
      if (match === null) {
        throwError(state, "ill-formed argument of the YAML directive");
      }
      const major = parseInt(match[1], 10);
      const minor = parseInt(match[2], 10);
      if (major !== 1) {
        throwError(state, "unacceptable YAML version of the document");
      }
      state.version = args[0];
      state.checkLineBreaks = minor < 2;
      if (minor !== 1 && minor !== 2) {
        throwWarning(state, "unsupported YAML version of the document");
      }
    },
    TAG: function handleTagDirective(state, name3, args) {
      let prefix;
      if (args.length !== 2) {
        throwError(state, "TAG directive accepts exactly two arguments");
      }
      const handle = args[0];
      prefix = args[1];
      if (!PATTERN_TAG_HANDLE.test(handle)) {
        throwError(state, "ill-formed tag handle (first argument) of the TAG directive");
      }
      if (_hasOwnProperty.call(state.tagMap, handle)) {
        throwError(state, 'there is a previously declared suffix for "' + handle + '" tag handle');
      }
      if (!PATTERN_TAG_URI.test(prefix)) {
        throwError(state, "ill-formed tag prefix (second argument) of the TAG directive");
      }
      try {
        prefix = decodeURIComponent(prefix);
      } catch (err) {
        throwError(state, "tag prefix is malformed: " + prefix);
      }
      state.tagMap[handle] = prefix;
    }
  };
  function captureSegment(state, start, end, checkJson) {
    if (start < end) {
      const _result = state.input.slice(start, end);
      if (checkJson) {
        for (let _position = 0, _length = _result.length; _position < _length; _position += 1) {
          const _character = _result.charCodeAt(_position);
          if (!(_character === 9 || _character >= 32 && _character <= 1114111)) {
            throwError(state, "expected valid JSON character");
          }
        }
      } else if (PATTERN_NON_PRINTABLE.test(_result)) {
        throwError(state, "the stream contains non-printable characters");
      }
      state.result += _result;
    }
  }
  function chargeMergeWork(state) {
    state.totalMergeKeys++;
    if (state.maxTotalMergeKeys !== -1 && state.totalMergeKeys > state.maxTotalMergeKeys) {
      throwError(state, "merge keys exceeded maxTotalMergeKeys (" + state.maxTotalMergeKeys + ")");
    }
  }
  function mergeMappings(state, destination, source, overridableKeys) {
    if (!common2.isObject(source)) {
      throwError(state, "cannot merge mappings; the provided source object is unacceptable");
    }
    chargeMergeWork(state);
    const sourceKeys = Object.keys(source);
    for (let index = 0, quantity = sourceKeys.length; index < quantity; index += 1) {
      const key = sourceKeys[index];
      chargeMergeWork(state);
      if (!_hasOwnProperty.call(destination, key)) {
        setProperty(destination, key, source[key]);
        overridableKeys[key] = true;
      }
    }
  }
  function storeMappingPair(state, _result, overridableKeys, keyTag, keyNode, valueNode, startLine, startLineStart, startPos) {
    if (Array.isArray(keyNode)) {
      keyNode = Array.prototype.slice.call(keyNode);
      for (let index = 0, quantity = keyNode.length; index < quantity; index += 1) {
        if (Array.isArray(keyNode[index])) {
          throwError(state, "nested arrays are not supported inside keys");
        }
        if (typeof keyNode === "object" && _class(keyNode[index]) === "[object Object]") {
          keyNode[index] = "[object Object]";
        }
      }
    }
    if (typeof keyNode === "object" && _class(keyNode) === "[object Object]") {
      keyNode = "[object Object]";
    }
    keyNode = String(keyNode);
    if (_result === null) {
      _result = {};
    }
    if (keyTag === "tag:yaml.org,2002:merge") {
      if (Array.isArray(valueNode)) {
        if (valueNode.length > 100) {
          throwError(state, "abnormal merge sequence size");
        }
        for (let index = 0, quantity = valueNode.length; index < quantity; index += 1) {
          mergeMappings(state, _result, valueNode[index], overridableKeys);
        }
      } else {
        mergeMappings(state, _result, valueNode, overridableKeys);
      }
    } else {
      if (!state.json && !_hasOwnProperty.call(overridableKeys, keyNode) && _hasOwnProperty.call(_result, keyNode)) {
        state.line = startLine || state.line;
        state.lineStart = startLineStart || state.lineStart;
        state.position = startPos || state.position;
        throwError(state, "duplicated mapping key");
      }
      setProperty(_result, keyNode, valueNode);
      delete overridableKeys[keyNode];
    }
    return _result;
  }
  function readLineBreak(state) {
    const ch = state.input.charCodeAt(state.position);
    if (ch === 10) {
      state.position++;
    } else if (ch === 13) {
      state.position++;
      if (state.input.charCodeAt(state.position) === 10) {
        state.position++;
      }
    } else {
      throwError(state, "a line break is expected");
    }
    state.line += 1;
    state.lineStart = state.position;
    state.firstTabInLine = -1;
  }
  function skipSeparationSpace(state, allowComments, checkIndent) {
    let lineBreaks = 0;
    let ch = state.input.charCodeAt(state.position);
    while (ch !== 0) {
      while (isWhiteSpace(ch)) {
        if (ch === 9 && state.firstTabInLine === -1) {
          state.firstTabInLine = state.position;
        }
        ch = state.input.charCodeAt(++state.position);
      }
      if (allowComments && ch === 35) {
        do {
          ch = state.input.charCodeAt(++state.position);
        } while (ch !== 10 && ch !== 13 && ch !== 0);
      }
      if (isEol(ch)) {
        readLineBreak(state);
        ch = state.input.charCodeAt(state.position);
        lineBreaks++;
        state.lineIndent = 0;
        while (ch === 32) {
          state.lineIndent++;
          ch = state.input.charCodeAt(++state.position);
        }
      } else {
        break;
      }
    }
    if (checkIndent !== -1 && lineBreaks !== 0 && state.lineIndent < checkIndent) {
      throwWarning(state, "deficient indentation");
    }
    return lineBreaks;
  }
  function testDocumentSeparator(state) {
    let _position = state.position;
    let ch = state.input.charCodeAt(_position);
    if ((ch === 45 || ch === 46) && ch === state.input.charCodeAt(_position + 1) && ch === state.input.charCodeAt(_position + 2)) {
      _position += 3;
      ch = state.input.charCodeAt(_position);
      if (ch === 0 || isWsOrEol(ch)) {
        return true;
      }
    }
    return false;
  }
  function writeFoldedLines(state, count2) {
    if (count2 === 1) {
      state.result += " ";
    } else if (count2 > 1) {
      state.result += common2.repeat("\n", count2 - 1);
    }
  }
  function readPlainScalar(state, nodeIndent, withinFlowCollection) {
    let captureStart;
    let captureEnd;
    let hasPendingContent;
    let _line;
    let _lineStart;
    let _lineIndent;
    const _kind = state.kind;
    const _result = state.result;
    let ch = state.input.charCodeAt(state.position);
    if (isWsOrEol(ch) || isFlowIndicator(ch) || ch === 35 || ch === 38 || ch === 42 || ch === 33 || ch === 124 || ch === 62 || ch === 39 || ch === 34 || ch === 37 || ch === 64 || ch === 96) {
      return false;
    }
    if (ch === 63 || ch === 45) {
      const following = state.input.charCodeAt(state.position + 1);
      if (isWsOrEol(following) || withinFlowCollection && isFlowIndicator(following)) {
        return false;
      }
    }
    state.kind = "scalar";
    state.result = "";
    captureStart = captureEnd = state.position;
    hasPendingContent = false;
    while (ch !== 0) {
      if (ch === 58) {
        const following = state.input.charCodeAt(state.position + 1);
        if (isWsOrEol(following) || withinFlowCollection && isFlowIndicator(following)) {
          break;
        }
      } else if (ch === 35) {
        const preceding = state.input.charCodeAt(state.position - 1);
        if (isWsOrEol(preceding)) {
          break;
        }
      } else if (state.position === state.lineStart && testDocumentSeparator(state) || withinFlowCollection && isFlowIndicator(ch)) {
        break;
      } else if (isEol(ch)) {
        _line = state.line;
        _lineStart = state.lineStart;
        _lineIndent = state.lineIndent;
        skipSeparationSpace(state, false, -1);
        if (state.lineIndent >= nodeIndent) {
          hasPendingContent = true;
          ch = state.input.charCodeAt(state.position);
          continue;
        } else {
          state.position = captureEnd;
          state.line = _line;
          state.lineStart = _lineStart;
          state.lineIndent = _lineIndent;
          break;
        }
      }
      if (hasPendingContent) {
        captureSegment(state, captureStart, captureEnd, false);
        writeFoldedLines(state, state.line - _line);
        captureStart = captureEnd = state.position;
        hasPendingContent = false;
      }
      if (!isWhiteSpace(ch)) {
        captureEnd = state.position + 1;
      }
      ch = state.input.charCodeAt(++state.position);
    }
    captureSegment(state, captureStart, captureEnd, false);
    if (state.result) {
      return true;
    }
    state.kind = _kind;
    state.result = _result;
    return false;
  }
  function readSingleQuotedScalar(state, nodeIndent) {
    let captureStart;
    let captureEnd;
    let ch = state.input.charCodeAt(state.position);
    if (ch !== 39) {
      return false;
    }
    state.kind = "scalar";
    state.result = "";
    state.position++;
    captureStart = captureEnd = state.position;
    while ((ch = state.input.charCodeAt(state.position)) !== 0) {
      if (ch === 39) {
        captureSegment(state, captureStart, state.position, true);
        ch = state.input.charCodeAt(++state.position);
        if (ch === 39) {
          captureStart = state.position;
          state.position++;
          captureEnd = state.position;
        } else {
          return true;
        }
      } else if (isEol(ch)) {
        captureSegment(state, captureStart, captureEnd, true);
        writeFoldedLines(state, skipSeparationSpace(state, false, nodeIndent));
        captureStart = captureEnd = state.position;
      } else if (state.position === state.lineStart && testDocumentSeparator(state)) {
        throwError(state, "unexpected end of the document within a single quoted scalar");
      } else {
        state.position++;
        if (!isWhiteSpace(ch)) {
          captureEnd = state.position;
        }
      }
    }
    throwError(state, "unexpected end of the stream within a single quoted scalar");
  }
  function readDoubleQuotedScalar(state, nodeIndent) {
    let captureStart;
    let captureEnd;
    let tmp;
    let ch = state.input.charCodeAt(state.position);
    if (ch !== 34) {
      return false;
    }
    state.kind = "scalar";
    state.result = "";
    state.position++;
    captureStart = captureEnd = state.position;
    while ((ch = state.input.charCodeAt(state.position)) !== 0) {
      if (ch === 34) {
        captureSegment(state, captureStart, state.position, true);
        state.position++;
        return true;
      } else if (ch === 92) {
        captureSegment(state, captureStart, state.position, true);
        ch = state.input.charCodeAt(++state.position);
        if (isEol(ch)) {
          skipSeparationSpace(state, false, nodeIndent);
        } else if (ch < 256 && simpleEscapeCheck[ch]) {
          state.result += simpleEscapeMap[ch];
          state.position++;
        } else if ((tmp = escapedHexLen(ch)) > 0) {
          let hexLength = tmp;
          let hexResult = 0;
          for (; hexLength > 0; hexLength--) {
            ch = state.input.charCodeAt(++state.position);
            if ((tmp = fromHexCode(ch)) >= 0) {
              hexResult = (hexResult << 4) + tmp;
            } else {
              throwError(state, "expected hexadecimal character");
            }
          }
          state.result += charFromCodepoint(hexResult);
          state.position++;
        } else {
          throwError(state, "unknown escape sequence");
        }
        captureStart = captureEnd = state.position;
      } else if (isEol(ch)) {
        captureSegment(state, captureStart, captureEnd, true);
        writeFoldedLines(state, skipSeparationSpace(state, false, nodeIndent));
        captureStart = captureEnd = state.position;
      } else if (state.position === state.lineStart && testDocumentSeparator(state)) {
        throwError(state, "unexpected end of the document within a double quoted scalar");
      } else {
        state.position++;
        if (!isWhiteSpace(ch)) {
          captureEnd = state.position;
        }
      }
    }
    throwError(state, "unexpected end of the stream within a double quoted scalar");
  }
  function readFlowCollection(state, nodeIndent) {
    let readNext = true;
    let _line;
    let _lineStart;
    let _pos;
    const _tag = state.tag;
    let _result;
    const _anchor = state.anchor;
    let terminator;
    let isPair;
    let isExplicitPair;
    let isMapping;
    const overridableKeys = /* @__PURE__ */ Object.create(null);
    let keyNode;
    let keyTag;
    let valueNode;
    let ch = state.input.charCodeAt(state.position);
    if (ch === 91) {
      terminator = 93;
      isMapping = false;
      _result = [];
    } else if (ch === 123) {
      terminator = 125;
      isMapping = true;
      _result = {};
    } else {
      return false;
    }
    if (state.anchor !== null) {
      storeAnchor(state, state.anchor, _result);
    }
    ch = state.input.charCodeAt(++state.position);
    while (ch !== 0) {
      skipSeparationSpace(state, true, nodeIndent);
      ch = state.input.charCodeAt(state.position);
      if (ch === terminator) {
        state.position++;
        state.tag = _tag;
        state.anchor = _anchor;
        state.kind = isMapping ? "mapping" : "sequence";
        state.result = _result;
        return true;
      } else if (!readNext) {
        throwError(state, "missed comma between flow collection entries");
      } else if (ch === 44) {
        throwError(state, "expected the node content, but found ','");
      }
      keyTag = keyNode = valueNode = null;
      isPair = isExplicitPair = false;
      if (ch === 63) {
        const following = state.input.charCodeAt(state.position + 1);
        if (isWsOrEol(following)) {
          isPair = isExplicitPair = true;
          state.position++;
          skipSeparationSpace(state, true, nodeIndent);
        }
      }
      _line = state.line;
      _lineStart = state.lineStart;
      _pos = state.position;
      composeNode(state, nodeIndent, CONTEXT_FLOW_IN, false, true);
      keyTag = state.tag;
      keyNode = state.result;
      skipSeparationSpace(state, true, nodeIndent);
      ch = state.input.charCodeAt(state.position);
      if ((isExplicitPair || state.line === _line) && ch === 58) {
        isPair = true;
        ch = state.input.charCodeAt(++state.position);
        skipSeparationSpace(state, true, nodeIndent);
        composeNode(state, nodeIndent, CONTEXT_FLOW_IN, false, true);
        valueNode = state.result;
      }
      if (isMapping) {
        storeMappingPair(state, _result, overridableKeys, keyTag, keyNode, valueNode, _line, _lineStart, _pos);
      } else if (isPair) {
        _result.push(storeMappingPair(state, null, overridableKeys, keyTag, keyNode, valueNode, _line, _lineStart, _pos));
      } else {
        _result.push(keyNode);
      }
      skipSeparationSpace(state, true, nodeIndent);
      ch = state.input.charCodeAt(state.position);
      if (ch === 44) {
        readNext = true;
        ch = state.input.charCodeAt(++state.position);
      } else {
        readNext = false;
      }
    }
    throwError(state, "unexpected end of the stream within a flow collection");
  }
  function readBlockScalar(state, nodeIndent) {
    let folding;
    let chomping = CHOMPING_CLIP;
    let didReadContent = false;
    let detectedIndent = false;
    let textIndent = nodeIndent;
    let emptyLines = 0;
    let atMoreIndented = false;
    let tmp;
    let ch = state.input.charCodeAt(state.position);
    if (ch === 124) {
      folding = false;
    } else if (ch === 62) {
      folding = true;
    } else {
      return false;
    }
    state.kind = "scalar";
    state.result = "";
    while (ch !== 0) {
      ch = state.input.charCodeAt(++state.position);
      if (ch === 43 || ch === 45) {
        if (CHOMPING_CLIP === chomping) {
          chomping = ch === 43 ? CHOMPING_KEEP : CHOMPING_STRIP;
        } else {
          throwError(state, "repeat of a chomping mode identifier");
        }
      } else if ((tmp = fromDecimalCode(ch)) >= 0) {
        if (tmp === 0) {
          throwError(state, "bad explicit indentation width of a block scalar; it cannot be less than one");
        } else if (!detectedIndent) {
          textIndent = nodeIndent + tmp - 1;
          detectedIndent = true;
        } else {
          throwError(state, "repeat of an indentation width identifier");
        }
      } else {
        break;
      }
    }
    if (isWhiteSpace(ch)) {
      do {
        ch = state.input.charCodeAt(++state.position);
      } while (isWhiteSpace(ch));
      if (ch === 35) {
        do {
          ch = state.input.charCodeAt(++state.position);
        } while (!isEol(ch) && ch !== 0);
      }
    }
    while (ch !== 0) {
      readLineBreak(state);
      state.lineIndent = 0;
      ch = state.input.charCodeAt(state.position);
      while ((!detectedIndent || state.lineIndent < textIndent) && ch === 32) {
        state.lineIndent++;
        ch = state.input.charCodeAt(++state.position);
      }
      if (!detectedIndent && state.lineIndent > textIndent) {
        textIndent = state.lineIndent;
      }
      if (isEol(ch)) {
        emptyLines++;
        continue;
      }
      if (!detectedIndent && textIndent === 0) {
        throwError(state, "missing indentation for block scalar");
      }
      if (state.lineIndent < textIndent) {
        if (chomping === CHOMPING_KEEP) {
          state.result += common2.repeat("\n", didReadContent ? 1 + emptyLines : emptyLines);
        } else if (chomping === CHOMPING_CLIP) {
          if (didReadContent) {
            state.result += "\n";
          }
        }
        break;
      }
      if (folding) {
        if (isWhiteSpace(ch)) {
          atMoreIndented = true;
          state.result += common2.repeat("\n", didReadContent ? 1 + emptyLines : emptyLines);
        } else if (atMoreIndented) {
          atMoreIndented = false;
          state.result += common2.repeat("\n", emptyLines + 1);
        } else if (emptyLines === 0) {
          if (didReadContent) {
            state.result += " ";
          }
        } else {
          state.result += common2.repeat("\n", emptyLines);
        }
      } else {
        state.result += common2.repeat("\n", didReadContent ? 1 + emptyLines : emptyLines);
      }
      didReadContent = true;
      detectedIndent = true;
      emptyLines = 0;
      const captureStart = state.position;
      while (!isEol(ch) && ch !== 0) {
        ch = state.input.charCodeAt(++state.position);
      }
      captureSegment(state, captureStart, state.position, false);
    }
    return true;
  }
  function readBlockSequence(state, nodeIndent) {
    const _tag = state.tag;
    const _anchor = state.anchor;
    const _result = [];
    let detected = false;
    if (state.firstTabInLine !== -1) return false;
    if (state.anchor !== null) {
      storeAnchor(state, state.anchor, _result);
    }
    let ch = state.input.charCodeAt(state.position);
    while (ch !== 0) {
      if (state.firstTabInLine !== -1) {
        state.position = state.firstTabInLine;
        throwError(state, "tab characters must not be used in indentation");
      }
      if (ch !== 45) {
        break;
      }
      const following = state.input.charCodeAt(state.position + 1);
      if (!isWsOrEol(following)) {
        break;
      }
      detected = true;
      state.position++;
      if (skipSeparationSpace(state, true, -1)) {
        if (state.lineIndent <= nodeIndent) {
          _result.push(null);
          ch = state.input.charCodeAt(state.position);
          continue;
        }
      }
      const _line = state.line;
      composeNode(state, nodeIndent, CONTEXT_BLOCK_IN, false, true);
      _result.push(state.result);
      skipSeparationSpace(state, true, -1);
      ch = state.input.charCodeAt(state.position);
      if ((state.line === _line || state.lineIndent > nodeIndent) && ch !== 0) {
        throwError(state, "bad indentation of a sequence entry");
      } else if (state.lineIndent < nodeIndent) {
        break;
      }
    }
    if (detected) {
      state.tag = _tag;
      state.anchor = _anchor;
      state.kind = "sequence";
      state.result = _result;
      return true;
    }
    return false;
  }
  function readBlockMapping(state, nodeIndent, flowIndent) {
    let allowCompact;
    let _keyLine;
    let _keyLineStart;
    let _keyPos;
    const _tag = state.tag;
    const _anchor = state.anchor;
    const _result = {};
    const overridableKeys = /* @__PURE__ */ Object.create(null);
    let keyTag = null;
    let keyNode = null;
    let valueNode = null;
    let atExplicitKey = false;
    let detected = false;
    if (state.firstTabInLine !== -1) return false;
    if (state.anchor !== null) {
      storeAnchor(state, state.anchor, _result);
    }
    let ch = state.input.charCodeAt(state.position);
    while (ch !== 0) {
      if (!atExplicitKey && state.firstTabInLine !== -1) {
        state.position = state.firstTabInLine;
        throwError(state, "tab characters must not be used in indentation");
      }
      const following = state.input.charCodeAt(state.position + 1);
      const _line = state.line;
      if ((ch === 63 || ch === 58) && isWsOrEol(following)) {
        if (ch === 63) {
          if (atExplicitKey) {
            storeMappingPair(state, _result, overridableKeys, keyTag, keyNode, null, _keyLine, _keyLineStart, _keyPos);
            keyTag = keyNode = valueNode = null;
          }
          detected = true;
          atExplicitKey = true;
          allowCompact = true;
        } else if (atExplicitKey) {
          atExplicitKey = false;
          allowCompact = true;
        } else {
          throwError(state, "incomplete explicit mapping pair; a key node is missed; or followed by a non-tabulated empty line");
        }
        state.position += 1;
        ch = following;
      } else {
        _keyLine = state.line;
        _keyLineStart = state.lineStart;
        _keyPos = state.position;
        if (!composeNode(state, flowIndent, CONTEXT_FLOW_OUT, false, true)) {
          break;
        }
        if (state.line === _line) {
          ch = state.input.charCodeAt(state.position);
          while (isWhiteSpace(ch)) {
            ch = state.input.charCodeAt(++state.position);
          }
          if (ch === 58) {
            ch = state.input.charCodeAt(++state.position);
            if (!isWsOrEol(ch)) {
              throwError(state, "a whitespace character is expected after the key-value separator within a block mapping");
            }
            if (atExplicitKey) {
              storeMappingPair(state, _result, overridableKeys, keyTag, keyNode, null, _keyLine, _keyLineStart, _keyPos);
              keyTag = keyNode = valueNode = null;
            }
            detected = true;
            atExplicitKey = false;
            allowCompact = false;
            keyTag = state.tag;
            keyNode = state.result;
          } else if (detected) {
            throwError(state, "can not read an implicit mapping pair; a colon is missed");
          } else {
            state.tag = _tag;
            state.anchor = _anchor;
            return true;
          }
        } else if (detected) {
          throwError(state, "can not read a block mapping entry; a multiline key may not be an implicit key");
        } else {
          state.tag = _tag;
          state.anchor = _anchor;
          return true;
        }
      }
      if (state.line === _line || state.lineIndent > nodeIndent) {
        if (atExplicitKey) {
          _keyLine = state.line;
          _keyLineStart = state.lineStart;
          _keyPos = state.position;
        }
        if (composeNode(state, nodeIndent, CONTEXT_BLOCK_OUT, true, allowCompact)) {
          if (atExplicitKey) {
            keyNode = state.result;
          } else {
            valueNode = state.result;
          }
        }
        if (!atExplicitKey) {
          storeMappingPair(state, _result, overridableKeys, keyTag, keyNode, valueNode, _keyLine, _keyLineStart, _keyPos);
          keyTag = keyNode = valueNode = null;
        }
        skipSeparationSpace(state, true, -1);
        ch = state.input.charCodeAt(state.position);
      }
      if ((state.line === _line || state.lineIndent > nodeIndent) && ch !== 0) {
        throwError(state, "bad indentation of a mapping entry");
      } else if (state.lineIndent < nodeIndent) {
        break;
      }
    }
    if (atExplicitKey) {
      storeMappingPair(state, _result, overridableKeys, keyTag, keyNode, null, _keyLine, _keyLineStart, _keyPos);
    }
    if (detected) {
      state.tag = _tag;
      state.anchor = _anchor;
      state.kind = "mapping";
      state.result = _result;
    }
    return detected;
  }
  function readTagProperty(state) {
    let isVerbatim = false;
    let isNamed = false;
    let tagHandle;
    let tagName;
    let ch = state.input.charCodeAt(state.position);
    if (ch !== 33) return false;
    if (state.tag !== null) {
      throwError(state, "duplication of a tag property");
    }
    ch = state.input.charCodeAt(++state.position);
    if (ch === 60) {
      isVerbatim = true;
      ch = state.input.charCodeAt(++state.position);
    } else if (ch === 33) {
      isNamed = true;
      tagHandle = "!!";
      ch = state.input.charCodeAt(++state.position);
    } else {
      tagHandle = "!";
    }
    let _position = state.position;
    if (isVerbatim) {
      do {
        ch = state.input.charCodeAt(++state.position);
      } while (ch !== 0 && ch !== 62);
      if (state.position < state.length) {
        tagName = state.input.slice(_position, state.position);
        ch = state.input.charCodeAt(++state.position);
      } else {
        throwError(state, "unexpected end of the stream within a verbatim tag");
      }
    } else {
      while (ch !== 0 && !isWsOrEol(ch)) {
        if (ch === 33) {
          if (!isNamed) {
            tagHandle = state.input.slice(_position - 1, state.position + 1);
            if (!PATTERN_TAG_HANDLE.test(tagHandle)) {
              throwError(state, "named tag handle cannot contain such characters");
            }
            isNamed = true;
            _position = state.position + 1;
          } else {
            throwError(state, "tag suffix cannot contain exclamation marks");
          }
        }
        ch = state.input.charCodeAt(++state.position);
      }
      tagName = state.input.slice(_position, state.position);
      if (PATTERN_FLOW_INDICATORS.test(tagName)) {
        throwError(state, "tag suffix cannot contain flow indicator characters");
      }
    }
    if (tagName && !PATTERN_TAG_URI.test(tagName)) {
      throwError(state, "tag name cannot contain such characters: " + tagName);
    }
    try {
      tagName = decodeURIComponent(tagName);
    } catch (err) {
      throwError(state, "tag name is malformed: " + tagName);
    }
    if (isVerbatim) {
      state.tag = tagName;
    } else if (_hasOwnProperty.call(state.tagMap, tagHandle)) {
      state.tag = state.tagMap[tagHandle] + tagName;
    } else if (tagHandle === "!") {
      state.tag = "!" + tagName;
    } else if (tagHandle === "!!") {
      state.tag = "tag:yaml.org,2002:" + tagName;
    } else {
      throwError(state, 'undeclared tag handle "' + tagHandle + '"');
    }
    return true;
  }
  function readAnchorProperty(state) {
    let ch = state.input.charCodeAt(state.position);
    if (ch !== 38) return false;
    if (state.anchor !== null) {
      throwError(state, "duplication of an anchor property");
    }
    ch = state.input.charCodeAt(++state.position);
    const _position = state.position;
    while (ch !== 0 && !isWsOrEol(ch) && !isFlowIndicator(ch)) {
      ch = state.input.charCodeAt(++state.position);
    }
    if (state.position === _position) {
      throwError(state, "name of an anchor node must contain at least one character");
    }
    state.anchor = state.input.slice(_position, state.position);
    return true;
  }
  function readAlias(state) {
    let ch = state.input.charCodeAt(state.position);
    if (ch !== 42) return false;
    ch = state.input.charCodeAt(++state.position);
    const _position = state.position;
    while (ch !== 0 && !isWsOrEol(ch) && !isFlowIndicator(ch)) {
      ch = state.input.charCodeAt(++state.position);
    }
    if (state.position === _position) {
      throwError(state, "name of an alias node must contain at least one character");
    }
    const alias = state.input.slice(_position, state.position);
    if (!_hasOwnProperty.call(state.anchorMap, alias)) {
      throwError(state, 'unidentified alias "' + alias + '"');
    }
    state.result = state.anchorMap[alias];
    skipSeparationSpace(state, true, -1);
    return true;
  }
  function tryReadBlockMappingFromProperty(state, propertyStart, nodeIndent, flowIndent) {
    const fallbackState = snapshotState(state);
    beginAnchorTransaction(state);
    restoreState(state, propertyStart);
    state.tag = null;
    state.anchor = null;
    state.kind = null;
    state.result = null;
    if (readBlockMapping(state, nodeIndent, flowIndent) && state.kind === "mapping") {
      commitAnchorTransaction(state);
      return true;
    }
    rollbackAnchorTransaction(state);
    restoreState(state, fallbackState);
    return false;
  }
  function composeNode(state, parentIndent, nodeContext, allowToSeek, allowCompact) {
    let allowBlockScalars;
    let allowBlockCollections;
    let indentStatus = 1;
    let atNewLine = false;
    let hasContent = false;
    let propertyStart = null;
    let type2;
    let flowIndent;
    let blockIndent;
    if (state.depth >= state.maxDepth) {
      throwError(state, "nesting exceeded maxDepth (" + state.maxDepth + ")");
    }
    state.depth += 1;
    if (state.listener !== null) {
      state.listener("open", state);
    }
    state.tag = null;
    state.anchor = null;
    state.kind = null;
    state.result = null;
    const allowBlockStyles = allowBlockScalars = allowBlockCollections = CONTEXT_BLOCK_OUT === nodeContext || CONTEXT_BLOCK_IN === nodeContext;
    if (allowToSeek) {
      if (skipSeparationSpace(state, true, -1)) {
        atNewLine = true;
        if (state.lineIndent > parentIndent) {
          indentStatus = 1;
        } else if (state.lineIndent === parentIndent) {
          indentStatus = 0;
        } else if (state.lineIndent < parentIndent) {
          indentStatus = -1;
        }
      }
    }
    if (indentStatus === 1) {
      while (true) {
        const ch = state.input.charCodeAt(state.position);
        const propertyState = snapshotState(state);
        if (atNewLine && (ch === 33 && state.tag !== null || ch === 38 && state.anchor !== null)) {
          break;
        }
        if (!readTagProperty(state) && !readAnchorProperty(state)) {
          break;
        }
        if (propertyStart === null) {
          propertyStart = propertyState;
        }
        if (skipSeparationSpace(state, true, -1)) {
          atNewLine = true;
          allowBlockCollections = allowBlockStyles;
          if (state.lineIndent > parentIndent) {
            indentStatus = 1;
          } else if (state.lineIndent === parentIndent) {
            indentStatus = 0;
          } else if (state.lineIndent < parentIndent) {
            indentStatus = -1;
          }
        } else {
          allowBlockCollections = false;
        }
      }
    }
    if (allowBlockCollections) {
      allowBlockCollections = atNewLine || allowCompact;
    }
    if (indentStatus === 1 || CONTEXT_BLOCK_OUT === nodeContext) {
      if (CONTEXT_FLOW_IN === nodeContext || CONTEXT_FLOW_OUT === nodeContext) {
        flowIndent = parentIndent;
      } else {
        flowIndent = parentIndent + 1;
      }
      blockIndent = state.position - state.lineStart;
      if (indentStatus === 1) {
        if (allowBlockCollections && (readBlockSequence(state, blockIndent) || readBlockMapping(state, blockIndent, flowIndent)) || readFlowCollection(state, flowIndent)) {
          hasContent = true;
        } else {
          const ch = state.input.charCodeAt(state.position);
          if (propertyStart !== null && allowBlockStyles && !allowBlockCollections && ch !== 124 && ch !== 62 && tryReadBlockMappingFromProperty(
            state,
            propertyStart,
            propertyStart.position - propertyStart.lineStart,
            flowIndent
          )) {
            hasContent = true;
          } else if (allowBlockScalars && readBlockScalar(state, flowIndent) || readSingleQuotedScalar(state, flowIndent) || readDoubleQuotedScalar(state, flowIndent)) {
            hasContent = true;
          } else if (readAlias(state)) {
            hasContent = true;
            if (state.tag !== null || state.anchor !== null) {
              throwError(state, "alias node should not have any properties");
            }
          } else if (readPlainScalar(state, flowIndent, CONTEXT_FLOW_IN === nodeContext)) {
            hasContent = true;
            if (state.tag === null) {
              state.tag = "?";
            }
          }
          if (state.anchor !== null) {
            storeAnchor(state, state.anchor, state.result);
          }
        }
      } else if (indentStatus === 0) {
        hasContent = allowBlockCollections && readBlockSequence(state, blockIndent);
      }
    }
    if (state.tag === null) {
      if (state.anchor !== null) {
        storeAnchor(state, state.anchor, state.result);
      }
    } else if (state.tag === "?") {
      if (state.result !== null && state.kind !== "scalar") {
        throwError(state, 'unacceptable node kind for !<?> tag; it should be "scalar", not "' + state.kind + '"');
      }
      for (let typeIndex = 0, typeQuantity = state.implicitTypes.length; typeIndex < typeQuantity; typeIndex += 1) {
        type2 = state.implicitTypes[typeIndex];
        if (type2.resolve(state.result)) {
          state.result = type2.construct(state.result);
          state.tag = type2.tag;
          if (state.anchor !== null) {
            storeAnchor(state, state.anchor, state.result);
          }
          break;
        }
      }
    } else if (state.tag !== "!") {
      if (_hasOwnProperty.call(state.typeMap[state.kind || "fallback"], state.tag)) {
        type2 = state.typeMap[state.kind || "fallback"][state.tag];
      } else {
        type2 = null;
        const typeList = state.typeMap.multi[state.kind || "fallback"];
        for (let typeIndex = 0, typeQuantity = typeList.length; typeIndex < typeQuantity; typeIndex += 1) {
          if (state.tag.slice(0, typeList[typeIndex].tag.length) === typeList[typeIndex].tag) {
            type2 = typeList[typeIndex];
            break;
          }
        }
      }
      if (!type2) {
        throwError(state, "unknown tag !<" + state.tag + ">");
      }
      if (state.result !== null && type2.kind !== state.kind) {
        throwError(state, "unacceptable node kind for !<" + state.tag + '> tag; it should be "' + type2.kind + '", not "' + state.kind + '"');
      }
      if (!type2.resolve(state.result, state.tag)) {
        throwError(state, "cannot resolve a node with !<" + state.tag + "> explicit tag");
      } else {
        state.result = type2.construct(state.result, state.tag);
        if (state.anchor !== null) {
          storeAnchor(state, state.anchor, state.result);
        }
      }
    }
    if (state.listener !== null) {
      state.listener("close", state);
    }
    state.depth -= 1;
    return state.tag !== null || state.anchor !== null || hasContent;
  }
  function readDocument(state) {
    const documentStart = state.position;
    let hasDirectives = false;
    let ch;
    state.version = null;
    state.checkLineBreaks = state.legacy;
    state.tagMap = /* @__PURE__ */ Object.create(null);
    state.anchorMap = /* @__PURE__ */ Object.create(null);
    while ((ch = state.input.charCodeAt(state.position)) !== 0) {
      skipSeparationSpace(state, true, -1);
      ch = state.input.charCodeAt(state.position);
      if (state.lineIndent > 0 || ch !== 37) {
        break;
      }
      hasDirectives = true;
      ch = state.input.charCodeAt(++state.position);
      let _position = state.position;
      while (ch !== 0 && !isWsOrEol(ch)) {
        ch = state.input.charCodeAt(++state.position);
      }
      const directiveName = state.input.slice(_position, state.position);
      const directiveArgs = [];
      if (directiveName.length < 1) {
        throwError(state, "directive name must not be less than one character in length");
      }
      while (ch !== 0) {
        while (isWhiteSpace(ch)) {
          ch = state.input.charCodeAt(++state.position);
        }
        if (ch === 35) {
          do {
            ch = state.input.charCodeAt(++state.position);
          } while (ch !== 0 && !isEol(ch));
          break;
        }
        if (isEol(ch)) break;
        _position = state.position;
        while (ch !== 0 && !isWsOrEol(ch)) {
          ch = state.input.charCodeAt(++state.position);
        }
        directiveArgs.push(state.input.slice(_position, state.position));
      }
      if (ch !== 0) readLineBreak(state);
      if (_hasOwnProperty.call(directiveHandlers, directiveName)) {
        directiveHandlers[directiveName](state, directiveName, directiveArgs);
      } else {
        throwWarning(state, 'unknown document directive "' + directiveName + '"');
      }
    }
    skipSeparationSpace(state, true, -1);
    if (state.lineIndent === 0 && state.input.charCodeAt(state.position) === 45 && state.input.charCodeAt(state.position + 1) === 45 && state.input.charCodeAt(state.position + 2) === 45) {
      state.position += 3;
      skipSeparationSpace(state, true, -1);
    } else if (hasDirectives) {
      throwError(state, "directives end mark is expected");
    }
    composeNode(state, state.lineIndent - 1, CONTEXT_BLOCK_OUT, false, true);
    skipSeparationSpace(state, true, -1);
    if (state.checkLineBreaks && PATTERN_NON_ASCII_LINE_BREAKS.test(state.input.slice(documentStart, state.position))) {
      throwWarning(state, "non-ASCII line breaks are interpreted as content");
    }
    state.documents.push(state.result);
    if (state.position === state.lineStart && testDocumentSeparator(state)) {
      if (state.input.charCodeAt(state.position) === 46) {
        state.position += 3;
        skipSeparationSpace(state, true, -1);
      }
      return;
    }
    if (state.position < state.length - 1) {
      throwError(state, "end of the stream or a document separator is expected");
    }
  }
  function loadDocuments(input, options) {
    input = String(input);
    options = options || {};
    if (input.length !== 0) {
      if (input.charCodeAt(input.length - 1) !== 10 && input.charCodeAt(input.length - 1) !== 13) {
        input += "\n";
      }
      if (input.charCodeAt(0) === 65279) {
        input = input.slice(1);
      }
    }
    const state = new State(input, options);
    const nullpos = input.indexOf("\0");
    if (nullpos !== -1) {
      state.position = nullpos;
      throwError(state, "null byte is not allowed in input");
    }
    state.input += "\0";
    while (state.input.charCodeAt(state.position) === 32) {
      state.lineIndent += 1;
      state.position += 1;
    }
    while (state.position < state.length - 1) {
      readDocument(state);
    }
    return state.documents;
  }
  function loadAll2(input, iterator, options) {
    if (iterator !== null && typeof iterator === "object" && typeof options === "undefined") {
      options = iterator;
      iterator = null;
    }
    const documents = loadDocuments(input, options);
    if (typeof iterator !== "function") {
      return documents;
    }
    for (let index = 0, length = documents.length; index < length; index += 1) {
      iterator(documents[index]);
    }
  }
  function load22(input, options) {
    const documents = loadDocuments(input, options);
    if (documents.length === 0) {
      return void 0;
    } else if (documents.length === 1) {
      return documents[0];
    }
    throw new YAMLException2("expected a single document in the stream, but found more");
  }
  loader.loadAll = loadAll2;
  loader.load = load22;
  return loader;
}
function requireDumper() {
  if (hasRequiredDumper) return dumper;
  hasRequiredDumper = 1;
  const common2 = requireCommon();
  const YAMLException2 = requireException();
  const DEFAULT_SCHEMA2 = require_default();
  const _toString = Object.prototype.toString;
  const _hasOwnProperty = Object.prototype.hasOwnProperty;
  const CHAR_BOM = 65279;
  const CHAR_TAB = 9;
  const CHAR_LINE_FEED = 10;
  const CHAR_CARRIAGE_RETURN = 13;
  const CHAR_SPACE = 32;
  const CHAR_EXCLAMATION = 33;
  const CHAR_DOUBLE_QUOTE = 34;
  const CHAR_SHARP = 35;
  const CHAR_PERCENT = 37;
  const CHAR_AMPERSAND = 38;
  const CHAR_SINGLE_QUOTE = 39;
  const CHAR_ASTERISK = 42;
  const CHAR_COMMA = 44;
  const CHAR_MINUS = 45;
  const CHAR_COLON = 58;
  const CHAR_EQUALS = 61;
  const CHAR_GREATER_THAN = 62;
  const CHAR_QUESTION = 63;
  const CHAR_COMMERCIAL_AT = 64;
  const CHAR_LEFT_SQUARE_BRACKET = 91;
  const CHAR_RIGHT_SQUARE_BRACKET = 93;
  const CHAR_GRAVE_ACCENT = 96;
  const CHAR_LEFT_CURLY_BRACKET = 123;
  const CHAR_VERTICAL_LINE = 124;
  const CHAR_RIGHT_CURLY_BRACKET = 125;
  const ESCAPE_SEQUENCES = {};
  ESCAPE_SEQUENCES[0] = "\\0";
  ESCAPE_SEQUENCES[7] = "\\a";
  ESCAPE_SEQUENCES[8] = "\\b";
  ESCAPE_SEQUENCES[9] = "\\t";
  ESCAPE_SEQUENCES[10] = "\\n";
  ESCAPE_SEQUENCES[11] = "\\v";
  ESCAPE_SEQUENCES[12] = "\\f";
  ESCAPE_SEQUENCES[13] = "\\r";
  ESCAPE_SEQUENCES[27] = "\\e";
  ESCAPE_SEQUENCES[34] = '\\"';
  ESCAPE_SEQUENCES[92] = "\\\\";
  ESCAPE_SEQUENCES[133] = "\\N";
  ESCAPE_SEQUENCES[160] = "\\_";
  ESCAPE_SEQUENCES[8232] = "\\L";
  ESCAPE_SEQUENCES[8233] = "\\P";
  const DEPRECATED_BOOLEANS_SYNTAX = [
    "y",
    "Y",
    "yes",
    "Yes",
    "YES",
    "on",
    "On",
    "ON",
    "n",
    "N",
    "no",
    "No",
    "NO",
    "off",
    "Off",
    "OFF"
  ];
  const DEPRECATED_BASE60_SYNTAX = /^[-+]?[0-9_]+(?::[0-9_]+)+(?:\.[0-9_]*)?$/;
  function compileStyleMap(schema22, map2) {
    if (map2 === null) return {};
    const result = {};
    const keys = Object.keys(map2);
    for (let index = 0, length = keys.length; index < length; index += 1) {
      let tag = keys[index];
      let style = String(map2[tag]);
      if (tag.slice(0, 2) === "!!") {
        tag = "tag:yaml.org,2002:" + tag.slice(2);
      }
      const type2 = schema22.compiledTypeMap["fallback"][tag];
      if (type2 && _hasOwnProperty.call(type2.styleAliases, style)) {
        style = type2.styleAliases[style];
      }
      result[tag] = style;
    }
    return result;
  }
  function encodeHex(character) {
    let handle;
    let length;
    const string2 = character.toString(16).toUpperCase();
    if (character <= 255) {
      handle = "x";
      length = 2;
    } else if (character <= 65535) {
      handle = "u";
      length = 4;
    } else if (character <= 4294967295) {
      handle = "U";
      length = 8;
    } else {
      throw new YAMLException2("code point within a string may not be greater than 0xFFFFFFFF");
    }
    return "\\" + handle + common2.repeat("0", length - string2.length) + string2;
  }
  const QUOTING_TYPE_SINGLE = 1;
  const QUOTING_TYPE_DOUBLE = 2;
  function State(options) {
    this.schema = options["schema"] || DEFAULT_SCHEMA2;
    this.indent = Math.max(1, options["indent"] || 2);
    this.noArrayIndent = options["noArrayIndent"] || false;
    this.skipInvalid = options["skipInvalid"] || false;
    this.flowLevel = common2.isNothing(options["flowLevel"]) ? -1 : options["flowLevel"];
    this.styleMap = compileStyleMap(this.schema, options["styles"] || null);
    this.sortKeys = options["sortKeys"] || false;
    this.lineWidth = options["lineWidth"] || 80;
    this.noRefs = options["noRefs"] || false;
    this.noCompatMode = options["noCompatMode"] || false;
    this.condenseFlow = options["condenseFlow"] || false;
    this.quotingType = options["quotingType"] === '"' ? QUOTING_TYPE_DOUBLE : QUOTING_TYPE_SINGLE;
    this.forceQuotes = options["forceQuotes"] || false;
    this.replacer = typeof options["replacer"] === "function" ? options["replacer"] : null;
    this.implicitTypes = this.schema.compiledImplicit;
    this.explicitTypes = this.schema.compiledExplicit;
    this.tag = null;
    this.result = "";
    this.duplicates = [];
    this.usedDuplicates = null;
  }
  function indentString(string2, spaces) {
    const ind = common2.repeat(" ", spaces);
    let position = 0;
    let result = "";
    const length = string2.length;
    while (position < length) {
      let line;
      const next = string2.indexOf("\n", position);
      if (next === -1) {
        line = string2.slice(position);
        position = length;
      } else {
        line = string2.slice(position, next + 1);
        position = next + 1;
      }
      if (line.length && line !== "\n") result += ind;
      result += line;
    }
    return result;
  }
  function generateNextLine(state, level) {
    return "\n" + common2.repeat(" ", state.indent * level);
  }
  function testImplicitResolving(state, str2) {
    for (let index = 0, length = state.implicitTypes.length; index < length; index += 1) {
      const type2 = state.implicitTypes[index];
      if (type2.resolve(str2)) {
        return true;
      }
    }
    return false;
  }
  function isWhitespace(c) {
    return c === CHAR_SPACE || c === CHAR_TAB;
  }
  function isPrintable(c) {
    return c >= 32 && c <= 126 || c >= 161 && c <= 55295 && c !== 8232 && c !== 8233 || c >= 57344 && c <= 65533 && c !== CHAR_BOM || c >= 65536 && c <= 1114111;
  }
  function isNsCharOrWhitespace(c) {
    return isPrintable(c) && c !== CHAR_BOM && // - b-char
    c !== CHAR_CARRIAGE_RETURN && c !== CHAR_LINE_FEED;
  }
  function isPlainSafe(c, prev, inblock) {
    const cIsNsCharOrWhitespace = isNsCharOrWhitespace(c);
    const cIsNsChar = cIsNsCharOrWhitespace && !isWhitespace(c);
    return (
      // ns-plain-safe
      (inblock ? cIsNsCharOrWhitespace : cIsNsCharOrWhitespace && // - c-flow-indicator
      c !== CHAR_COMMA && c !== CHAR_LEFT_SQUARE_BRACKET && c !== CHAR_RIGHT_SQUARE_BRACKET && c !== CHAR_LEFT_CURLY_BRACKET && c !== CHAR_RIGHT_CURLY_BRACKET) && // ns-plain-char
      c !== CHAR_SHARP && // false on '#'
      !(prev === CHAR_COLON && !cIsNsChar) || // false on ': '
      isNsCharOrWhitespace(prev) && !isWhitespace(prev) && c === CHAR_SHARP || // change to true on '[^ ]#'
      prev === CHAR_COLON && cIsNsChar
    );
  }
  function isPlainSafeFirst(c) {
    return isPrintable(c) && c !== CHAR_BOM && !isWhitespace(c) && // - s-white
    // - (c-indicator ::=
    // “-” | “?” | “:” | “,” | “[” | “]” | “{” | “}”
    c !== CHAR_MINUS && c !== CHAR_QUESTION && c !== CHAR_COLON && c !== CHAR_COMMA && c !== CHAR_LEFT_SQUARE_BRACKET && c !== CHAR_RIGHT_SQUARE_BRACKET && c !== CHAR_LEFT_CURLY_BRACKET && c !== CHAR_RIGHT_CURLY_BRACKET && // | “#” | “&” | “*” | “!” | “|” | “=” | “>” | “'” | “"”
    c !== CHAR_SHARP && c !== CHAR_AMPERSAND && c !== CHAR_ASTERISK && c !== CHAR_EXCLAMATION && c !== CHAR_VERTICAL_LINE && c !== CHAR_EQUALS && c !== CHAR_GREATER_THAN && c !== CHAR_SINGLE_QUOTE && c !== CHAR_DOUBLE_QUOTE && // | “%” | “@” | “`”)
    c !== CHAR_PERCENT && c !== CHAR_COMMERCIAL_AT && c !== CHAR_GRAVE_ACCENT;
  }
  function isPlainSafeLast(c) {
    return !isWhitespace(c) && c !== CHAR_COLON;
  }
  function codePointAt(string2, pos) {
    const first = string2.charCodeAt(pos);
    let second;
    if (first >= 55296 && first <= 56319 && pos + 1 < string2.length) {
      second = string2.charCodeAt(pos + 1);
      if (second >= 56320 && second <= 57343) {
        return (first - 55296) * 1024 + second - 56320 + 65536;
      }
    }
    return first;
  }
  function needIndentIndicator(string2) {
    const leadingSpaceRe = /^\n* /;
    return leadingSpaceRe.test(string2);
  }
  const STYLE_PLAIN = 1;
  const STYLE_SINGLE = 2;
  const STYLE_LITERAL = 3;
  const STYLE_FOLDED = 4;
  const STYLE_DOUBLE = 5;
  function chooseScalarStyle(string2, singleLineOnly, indentPerLevel, lineWidth, testAmbiguousType, quotingType, forceQuotes, inblock) {
    let i;
    let char = 0;
    let prevChar = null;
    let hasLineBreak = false;
    let hasFoldableLine = false;
    const shouldTrackWidth = lineWidth !== -1;
    let previousLineBreak = -1;
    let plain = isPlainSafeFirst(codePointAt(string2, 0)) && isPlainSafeLast(codePointAt(string2, string2.length - 1));
    if (singleLineOnly || forceQuotes) {
      for (i = 0; i < string2.length; char >= 65536 ? i += 2 : i++) {
        char = codePointAt(string2, i);
        if (!isPrintable(char)) {
          return STYLE_DOUBLE;
        }
        plain = plain && isPlainSafe(char, prevChar, inblock);
        prevChar = char;
      }
    } else {
      for (i = 0; i < string2.length; char >= 65536 ? i += 2 : i++) {
        char = codePointAt(string2, i);
        if (char === CHAR_LINE_FEED) {
          hasLineBreak = true;
          if (shouldTrackWidth) {
            hasFoldableLine = hasFoldableLine || // Foldable line = too long, and not more-indented.
            i - previousLineBreak - 1 > lineWidth && string2[previousLineBreak + 1] !== " ";
            previousLineBreak = i;
          }
        } else if (!isPrintable(char)) {
          return STYLE_DOUBLE;
        }
        plain = plain && isPlainSafe(char, prevChar, inblock);
        prevChar = char;
      }
      hasFoldableLine = hasFoldableLine || shouldTrackWidth && (i - previousLineBreak - 1 > lineWidth && string2[previousLineBreak + 1] !== " ");
    }
    if (!hasLineBreak && !hasFoldableLine) {
      if (plain && !forceQuotes && !testAmbiguousType(string2)) {
        return STYLE_PLAIN;
      }
      return quotingType === QUOTING_TYPE_DOUBLE ? STYLE_DOUBLE : STYLE_SINGLE;
    }
    if (indentPerLevel > 9 && needIndentIndicator(string2)) {
      return STYLE_DOUBLE;
    }
    if (!forceQuotes) {
      return hasFoldableLine ? STYLE_FOLDED : STYLE_LITERAL;
    }
    return quotingType === QUOTING_TYPE_DOUBLE ? STYLE_DOUBLE : STYLE_SINGLE;
  }
  function writeScalar(state, string2, level, iskey, inblock) {
    state.dump = (function() {
      if (string2.length === 0) {
        return state.quotingType === QUOTING_TYPE_DOUBLE ? '""' : "''";
      }
      if (!state.noCompatMode) {
        if (DEPRECATED_BOOLEANS_SYNTAX.indexOf(string2) !== -1 || DEPRECATED_BASE60_SYNTAX.test(string2)) {
          return state.quotingType === QUOTING_TYPE_DOUBLE ? '"' + string2 + '"' : "'" + string2 + "'";
        }
      }
      const indent2 = state.indent * Math.max(1, level);
      const lineWidth = state.lineWidth === -1 ? -1 : Math.max(Math.min(state.lineWidth, 40), state.lineWidth - indent2);
      const singleLineOnly = iskey || // No block styles in flow mode.
      state.flowLevel > -1 && level >= state.flowLevel;
      function testAmbiguity(string22) {
        return testImplicitResolving(state, string22);
      }
      switch (chooseScalarStyle(
        string2,
        singleLineOnly,
        state.indent,
        lineWidth,
        testAmbiguity,
        state.quotingType,
        state.forceQuotes && !iskey,
        inblock
      )) {
        case STYLE_PLAIN:
          return string2;
        case STYLE_SINGLE:
          return "'" + string2.replace(/'/g, "''") + "'";
        case STYLE_LITERAL:
          return "|" + blockHeader(string2, state.indent) + dropEndingNewline(indentString(string2, indent2));
        case STYLE_FOLDED:
          return ">" + blockHeader(string2, state.indent) + dropEndingNewline(indentString(foldString(string2, lineWidth), indent2));
        case STYLE_DOUBLE:
          return '"' + escapeString(string2) + '"';
        default:
          throw new YAMLException2("impossible error: invalid scalar style");
      }
    })();
  }
  function blockHeader(string2, indentPerLevel) {
    const indentIndicator = needIndentIndicator(string2) ? String(indentPerLevel) : "";
    const clip = string2[string2.length - 1] === "\n";
    const keep = clip && (string2[string2.length - 2] === "\n" || string2 === "\n");
    const chomp = keep ? "+" : clip ? "" : "-";
    return indentIndicator + chomp + "\n";
  }
  function dropEndingNewline(string2) {
    return string2[string2.length - 1] === "\n" ? string2.slice(0, -1) : string2;
  }
  function foldString(string2, width) {
    const lineRe = /(\n+)([^\n]*)/g;
    let result = (function() {
      let nextLF = string2.indexOf("\n");
      nextLF = nextLF !== -1 ? nextLF : string2.length;
      lineRe.lastIndex = nextLF;
      return foldLine(string2.slice(0, nextLF), width);
    })();
    let prevMoreIndented = string2[0] === "\n" || string2[0] === " ";
    let moreIndented;
    let match;
    while (match = lineRe.exec(string2)) {
      const prefix = match[1];
      const line = match[2];
      moreIndented = line[0] === " ";
      result += prefix + (!prevMoreIndented && !moreIndented && line !== "" ? "\n" : "") + foldLine(line, width);
      prevMoreIndented = moreIndented;
    }
    return result;
  }
  function foldLine(line, width) {
    if (line === "" || line[0] === " ") return line;
    const breakRe = / [^ ]/g;
    let match;
    let start = 0;
    let end;
    let curr = 0;
    let next = 0;
    let result = "";
    while (match = breakRe.exec(line)) {
      next = match.index;
      if (next - start > width) {
        end = curr > start ? curr : next;
        result += "\n" + line.slice(start, end);
        start = end + 1;
      }
      curr = next;
    }
    result += "\n";
    if (line.length - start > width && curr > start) {
      result += line.slice(start, curr) + "\n" + line.slice(curr + 1);
    } else {
      result += line.slice(start);
    }
    return result.slice(1);
  }
  function escapeString(string2) {
    let result = "";
    let char = 0;
    for (let i = 0; i < string2.length; char >= 65536 ? i += 2 : i++) {
      char = codePointAt(string2, i);
      const escapeSeq = ESCAPE_SEQUENCES[char];
      if (!escapeSeq && isPrintable(char)) {
        result += string2[i];
        if (char >= 65536) result += string2[i + 1];
      } else {
        result += escapeSeq || encodeHex(char);
      }
    }
    return result;
  }
  function writeFlowSequence(state, level, object) {
    let _result = "";
    const _tag = state.tag;
    for (let index = 0, length = object.length; index < length; index += 1) {
      let value = object[index];
      if (state.replacer) {
        value = state.replacer.call(object, String(index), value);
      }
      if (writeNode(state, level, value, false, false) || typeof value === "undefined" && writeNode(state, level, null, false, false)) {
        if (_result !== "") _result += "," + (!state.condenseFlow ? " " : "");
        _result += state.dump;
      }
    }
    state.tag = _tag;
    state.dump = "[" + _result + "]";
  }
  function writeBlockSequence(state, level, object, compact) {
    let _result = "";
    const _tag = state.tag;
    for (let index = 0, length = object.length; index < length; index += 1) {
      let value = object[index];
      if (state.replacer) {
        value = state.replacer.call(object, String(index), value);
      }
      if (writeNode(state, level + 1, value, true, true, false, true) || typeof value === "undefined" && writeNode(state, level + 1, null, true, true, false, true)) {
        if (!compact || _result !== "") {
          _result += generateNextLine(state, level);
        }
        if (state.dump && CHAR_LINE_FEED === state.dump.charCodeAt(0)) {
          _result += "-";
        } else {
          _result += "- ";
        }
        _result += state.dump;
      }
    }
    state.tag = _tag;
    state.dump = _result || "[]";
  }
  function writeFlowMapping(state, level, object) {
    let _result = "";
    const _tag = state.tag;
    const objectKeyList = Object.keys(object);
    for (let index = 0, length = objectKeyList.length; index < length; index += 1) {
      let pairBuffer = "";
      if (_result !== "") pairBuffer += ", ";
      if (state.condenseFlow) pairBuffer += '"';
      const objectKey = objectKeyList[index];
      let objectValue = object[objectKey];
      if (state.replacer) {
        objectValue = state.replacer.call(object, objectKey, objectValue);
      }
      if (!writeNode(state, level, objectKey, false, false)) {
        continue;
      }
      if (state.dump.length > 1024) pairBuffer += "? ";
      pairBuffer += state.dump + (state.condenseFlow ? '"' : "") + ":" + (state.condenseFlow ? "" : " ");
      if (!writeNode(state, level, objectValue, false, false)) {
        continue;
      }
      pairBuffer += state.dump;
      _result += pairBuffer;
    }
    state.tag = _tag;
    state.dump = "{" + _result + "}";
  }
  function writeBlockMapping(state, level, object, compact) {
    let _result = "";
    const _tag = state.tag;
    const objectKeyList = Object.keys(object);
    if (state.sortKeys === true) {
      objectKeyList.sort();
    } else if (typeof state.sortKeys === "function") {
      objectKeyList.sort(state.sortKeys);
    } else if (state.sortKeys) {
      throw new YAMLException2("sortKeys must be a boolean or a function");
    }
    for (let index = 0, length = objectKeyList.length; index < length; index += 1) {
      let pairBuffer = "";
      if (!compact || _result !== "") {
        pairBuffer += generateNextLine(state, level);
      }
      const objectKey = objectKeyList[index];
      let objectValue = object[objectKey];
      if (state.replacer) {
        objectValue = state.replacer.call(object, objectKey, objectValue);
      }
      if (!writeNode(state, level + 1, objectKey, true, true, true)) {
        continue;
      }
      const explicitPair = state.tag !== null && state.tag !== "?" || state.dump && state.dump.length > 1024;
      if (explicitPair) {
        if (state.dump && CHAR_LINE_FEED === state.dump.charCodeAt(0)) {
          pairBuffer += "?";
        } else {
          pairBuffer += "? ";
        }
      }
      pairBuffer += state.dump;
      if (explicitPair) {
        pairBuffer += generateNextLine(state, level);
      }
      if (!writeNode(state, level + 1, objectValue, true, explicitPair)) {
        continue;
      }
      if (state.dump && CHAR_LINE_FEED === state.dump.charCodeAt(0)) {
        pairBuffer += ":";
      } else {
        pairBuffer += ": ";
      }
      pairBuffer += state.dump;
      _result += pairBuffer;
    }
    state.tag = _tag;
    state.dump = _result || "{}";
  }
  function detectType(state, object, explicit) {
    const typeList = explicit ? state.explicitTypes : state.implicitTypes;
    for (let index = 0, length = typeList.length; index < length; index += 1) {
      const type2 = typeList[index];
      if ((type2.instanceOf || type2.predicate) && (!type2.instanceOf || typeof object === "object" && object instanceof type2.instanceOf) && (!type2.predicate || type2.predicate(object))) {
        if (explicit) {
          if (type2.multi && type2.representName) {
            state.tag = type2.representName(object);
          } else {
            state.tag = type2.tag;
          }
        } else {
          state.tag = "?";
        }
        if (type2.represent) {
          const style = state.styleMap[type2.tag] || type2.defaultStyle;
          let _result;
          if (_toString.call(type2.represent) === "[object Function]") {
            _result = type2.represent(object, style);
          } else if (_hasOwnProperty.call(type2.represent, style)) {
            _result = type2.represent[style](object, style);
          } else {
            throw new YAMLException2("!<" + type2.tag + '> tag resolver accepts not "' + style + '" style');
          }
          state.dump = _result;
        }
        return true;
      }
    }
    return false;
  }
  function writeNode(state, level, object, block, compact, iskey, isblockseq) {
    state.tag = null;
    state.dump = object;
    if (!detectType(state, object, false)) {
      detectType(state, object, true);
    }
    const type2 = _toString.call(state.dump);
    const inblock = block;
    if (block) {
      block = state.flowLevel < 0 || state.flowLevel > level;
    }
    const objectOrArray = type2 === "[object Object]" || type2 === "[object Array]";
    let duplicateIndex;
    let duplicate;
    if (objectOrArray) {
      duplicateIndex = state.duplicates.indexOf(object);
      duplicate = duplicateIndex !== -1;
    }
    if (state.tag !== null && state.tag !== "?" || duplicate || state.indent !== 2 && level > 0) {
      compact = false;
    }
    if (duplicate && state.usedDuplicates[duplicateIndex]) {
      state.dump = "*ref_" + duplicateIndex;
    } else {
      if (objectOrArray && duplicate && !state.usedDuplicates[duplicateIndex]) {
        state.usedDuplicates[duplicateIndex] = true;
      }
      if (type2 === "[object Object]") {
        if (block && Object.keys(state.dump).length !== 0) {
          writeBlockMapping(state, level, state.dump, compact);
          if (duplicate) {
            state.dump = "&ref_" + duplicateIndex + state.dump;
          }
        } else {
          writeFlowMapping(state, level, state.dump);
          if (duplicate) {
            state.dump = "&ref_" + duplicateIndex + " " + state.dump;
          }
        }
      } else if (type2 === "[object Array]") {
        if (block && state.dump.length !== 0) {
          if (state.noArrayIndent && !isblockseq && level > 0) {
            writeBlockSequence(state, level - 1, state.dump, compact);
          } else {
            writeBlockSequence(state, level, state.dump, compact);
          }
          if (duplicate) {
            state.dump = "&ref_" + duplicateIndex + state.dump;
          }
        } else {
          writeFlowSequence(state, level, state.dump);
          if (duplicate) {
            state.dump = "&ref_" + duplicateIndex + " " + state.dump;
          }
        }
      } else if (type2 === "[object String]") {
        if (state.tag !== "?") {
          writeScalar(state, state.dump, level, iskey, inblock);
        }
      } else if (type2 === "[object Undefined]") {
        return false;
      } else {
        if (state.skipInvalid) return false;
        throw new YAMLException2("unacceptable kind of an object to dump " + type2);
      }
      if (state.tag !== null && state.tag !== "?") {
        let tagStr = encodeURI(
          state.tag[0] === "!" ? state.tag.slice(1) : state.tag
        ).replace(/!/g, "%21");
        if (state.tag[0] === "!") {
          tagStr = "!" + tagStr;
        } else if (tagStr.slice(0, 18) === "tag:yaml.org,2002:") {
          tagStr = "!!" + tagStr.slice(18);
        } else {
          tagStr = "!<" + tagStr + ">";
        }
        state.dump = tagStr + " " + state.dump;
      }
    }
    return true;
  }
  function getDuplicateReferences(object, state) {
    const objects = [];
    const duplicatesIndexes = [];
    inspectNode(object, objects, duplicatesIndexes);
    const length = duplicatesIndexes.length;
    for (let index = 0; index < length; index += 1) {
      state.duplicates.push(objects[duplicatesIndexes[index]]);
    }
    state.usedDuplicates = new Array(length);
  }
  function inspectNode(object, objects, duplicatesIndexes) {
    if (object !== null && typeof object === "object") {
      const index = objects.indexOf(object);
      if (index !== -1) {
        if (duplicatesIndexes.indexOf(index) === -1) {
          duplicatesIndexes.push(index);
        }
      } else {
        objects.push(object);
        if (Array.isArray(object)) {
          for (let i = 0, length = object.length; i < length; i += 1) {
            inspectNode(object[i], objects, duplicatesIndexes);
          }
        } else {
          const objectKeyList = Object.keys(object);
          for (let i = 0, length = objectKeyList.length; i < length; i += 1) {
            inspectNode(object[objectKeyList[i]], objects, duplicatesIndexes);
          }
        }
      }
    }
  }
  function dump2(input, options) {
    options = options || {};
    const state = new State(options);
    if (!state.noRefs) getDuplicateReferences(input, state);
    let value = input;
    if (state.replacer) {
      value = state.replacer.call({ "": value }, "", value);
    }
    if (writeNode(state, 0, value, true, true)) return state.dump + "\n";
    return "";
  }
  dumper.dump = dump2;
  return dumper;
}
function requireJsYaml() {
  if (hasRequiredJsYaml) return jsYaml;
  hasRequiredJsYaml = 1;
  const loader2 = requireLoader();
  const dumper2 = requireDumper();
  function renamed(from, to) {
    return function() {
      throw new Error("Function yaml." + from + " is removed in js-yaml 4. Use yaml." + to + " instead, which is now safe by default.");
    };
  }
  jsYaml.Type = requireType();
  jsYaml.Schema = requireSchema();
  jsYaml.FAILSAFE_SCHEMA = requireFailsafe();
  jsYaml.JSON_SCHEMA = requireJson();
  jsYaml.CORE_SCHEMA = requireCore();
  jsYaml.DEFAULT_SCHEMA = require_default();
  jsYaml.load = loader2.load;
  jsYaml.loadAll = loader2.loadAll;
  jsYaml.dump = dumper2.dump;
  jsYaml.YAMLException = requireException();
  jsYaml.types = {
    binary: requireBinary(),
    float: requireFloat(),
    map: requireMap(),
    null: require_null(),
    pairs: requirePairs(),
    set: requireSet(),
    timestamp: requireTimestamp(),
    bool: requireBool(),
    int: requireInt(),
    merge: requireMerge(),
    omap: requireOmap(),
    seq: requireSeq(),
    str: requireStr()
  };
  jsYaml.safeLoad = renamed("safeLoad", "load");
  jsYaml.safeLoadAll = renamed("safeLoadAll", "loadAll");
  jsYaml.safeDump = renamed("safeDump", "dump");
  return jsYaml;
}
var jsYaml, loader, common, hasRequiredCommon, exception, hasRequiredException, snippet, hasRequiredSnippet, type, hasRequiredType, schema, hasRequiredSchema, str, hasRequiredStr, seq, hasRequiredSeq, map, hasRequiredMap, failsafe, hasRequiredFailsafe, _null, hasRequired_null, bool, hasRequiredBool, int, hasRequiredInt, float, hasRequiredFloat, json, hasRequiredJson, core, hasRequiredCore, timestamp, hasRequiredTimestamp, merge, hasRequiredMerge, binary, hasRequiredBinary, omap, hasRequiredOmap, pairs, hasRequiredPairs, set, hasRequiredSet, _default, hasRequired_default, hasRequiredLoader, dumper, hasRequiredDumper, hasRequiredJsYaml, jsYamlExports, yaml, Type, Schema, FAILSAFE_SCHEMA, JSON_SCHEMA, CORE_SCHEMA, DEFAULT_SCHEMA, load, loadAll, dump, YAMLException, types, safeLoad, safeLoadAll, safeDump;
var init_js_yaml = __esm({
  "node_modules/js-yaml/dist/js-yaml.mjs"() {
    jsYaml = {};
    loader = {};
    common = {};
    dumper = {};
    jsYamlExports = requireJsYaml();
    yaml = /* @__PURE__ */ getDefaultExportFromCjs(jsYamlExports);
    ({
      Type,
      Schema,
      FAILSAFE_SCHEMA,
      JSON_SCHEMA,
      CORE_SCHEMA,
      DEFAULT_SCHEMA,
      load,
      loadAll,
      dump,
      YAMLException,
      types,
      safeLoad,
      safeLoadAll,
      safeDump
    } = yaml);
  }
});

// src/pipeline/load/flow-indentation.ts
function laterLinesIndented(text, from, to) {
  const lineStart = text.lastIndexOf("\n", from - 1) + 1;
  const column = LINE_CONTENT.exec(text.slice(lineStart, from))[0].length;
  for (let nl = text.indexOf("\n", from); nl !== -1 && nl < to; nl = text.indexOf("\n", nl + 1)) {
    let i = nl + 1;
    while (text[i] === " ") i++;
    const blank = i >= text.length || text[i] === "\n" || text[i] === "\r";
    if (!blank && i - (nl + 1) <= column) return false;
  }
  return true;
}
var LINE_CONTENT, PROPERTIES, FlowIndentationGuard;
var init_flow_indentation = __esm({
  "src/pipeline/load/flow-indentation.ts"() {
    "use strict";
    LINE_CONTENT = /^ *(?:-[ \t]+)*/;
    PROPERTIES = /[ \t\r\n]*(?:&[^\s]*[ \t]+)*/y;
    FlowIndentationGuard = class {
      open = [];
      doubtful = false;
      listener = (event, state) => {
        if (event === "open") {
          this.open.push({ position: state.position, line: state.line });
          return;
        }
        const start = this.open.pop();
        if (start === void 0 || this.doubtful) return;
        PROPERTIES.lastIndex = start.position;
        PROPERTIES.test(state.input);
        const first = PROPERTIES.lastIndex;
        const char = state.input[first];
        if (char === "!") this.doubtful = true;
        else if (state.line !== start.line && (char === '"' || char === "'" || char === "[" || char === "{")) {
          if (!laterLinesIndented(state.input, first, state.position)) this.doubtful = true;
        }
      };
    };
  }
});

// src/pipeline/load/values.ts
function keyString(key) {
  if (key === null || key === void 0) return "null";
  if (key instanceof PyFloat) return String(key.value);
  return String(key);
}
var PyFloat, YDate, YTagged, isYMap, isYList, isYDate, isYTagged;
var init_values = __esm({
  "src/pipeline/load/values.ts"() {
    "use strict";
    PyFloat = class {
      constructor(value) {
        this.value = value;
      }
      value;
      toString() {
        return String(this.value);
      }
    };
    YDate = class {
      constructor(text) {
        this.text = text;
      }
      text;
      toString() {
        return this.text;
      }
    };
    YTagged = class {
      constructor(tag, text) {
        this.tag = tag;
        this.text = text;
      }
      tag;
      text;
      toString() {
        return `${this.tag} ${this.text}`;
      }
    };
    isYMap = (v) => v instanceof Map;
    isYList = (v) => Array.isArray(v);
    isYDate = (v) => v instanceof YDate;
    isYTagged = (v) => v instanceof YTagged;
  }
});

// src/pipeline/load/scalars.ts
function constructInt(text) {
  let s = text.replaceAll("_", "");
  let sign = 1n;
  if (s.startsWith("-")) {
    sign = -1n;
    s = s.slice(1);
  } else if (s.startsWith("+")) s = s.slice(1);
  let n;
  if (s.startsWith("0b")) n = BigInt(s);
  else if (s.startsWith("0x")) n = BigInt(s);
  else if (s.startsWith("0o")) n = BigInt(s);
  else n = s === "" ? 0n : BigInt(s);
  n *= sign;
  return n >= BigInt(Number.MIN_SAFE_INTEGER) && n <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(n) : n;
}
function constructFloat(text) {
  const s = text.replaceAll("_", "").toLowerCase();
  if (s.endsWith(".inf")) return new PyFloat(s.startsWith("-") ? -Infinity : Infinity);
  if (s.endsWith(".nan")) return new PyFloat(Number.NaN);
  return new PyFloat(Number(s));
}
function resolvePlain(text) {
  const first = text.charAt(0);
  for (const rule of SCALAR_RULES) {
    if (rule.firstChars.includes(first) && rule.pattern.test(text)) return rule.construct(text);
  }
  return text;
}
function resolveExplicit(tag, text) {
  const rule = SCALAR_RULES.find((r) => r.tag === tag);
  if (rule === void 0) return void 0;
  if (rule.kind === "null") return null;
  return rule.pattern.test(text) ? rule.construct(text) : void 0;
}
var DIGITS, SCALAR_RULES;
var init_scalars = __esm({
  "src/pipeline/load/scalars.ts"() {
    "use strict";
    init_values();
    DIGITS = "0123456789".split("");
    SCALAR_RULES = [
      {
        kind: "bool",
        tag: "tag:yaml.org,2002:bool",
        firstChars: ["t", "T", "f", "F"],
        pattern: /^(?:true|True|TRUE|false|False|FALSE)$/,
        construct: (t) => t.toLowerCase() === "true"
      },
      {
        kind: "float",
        tag: "tag:yaml.org,2002:float",
        firstChars: ["-", "+", ".", ...DIGITS],
        pattern: /^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+]?[0-9]+)?|[-+]?(?:[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)|\.[0-9_]+(?:[eE][-+][0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/,
        construct: constructFloat
      },
      {
        kind: "int",
        tag: "tag:yaml.org,2002:int",
        firstChars: ["-", "+", ...DIGITS],
        pattern: /^(?:[-+]?0b[0-1_]+|[-+]?0o?[0-7_]+|[-+]?[0-9_]+|[-+]?0x[0-9a-fA-F_]+)$/,
        construct: constructInt
      },
      {
        kind: "null",
        tag: "tag:yaml.org,2002:null",
        firstChars: ["~", "n", "N", ""],
        pattern: /^(?:~|null|Null|NULL|)$/,
        construct: () => null
      },
      {
        kind: "timestamp",
        tag: "tag:yaml.org,2002:timestamp",
        firstChars: DIGITS,
        pattern: /^(?:[0-9]{4}-[0-9]{2}-[0-9]{2}|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt]|[ \t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9]{1,2}(?::[0-9]{2})?))?)$/,
        construct: (t) => new YDate(t)
      }
    ];
  }
});

// src/pipeline/load/fast-parse.ts
function fits(rule, text) {
  return FIRST_CHARS.get(rule).has(text.charAt(0)) && rule.pattern.test(text);
}
function fastParse(text) {
  const guard = new FlowIndentationGuard();
  const options = { schema: schema2, maxDepth: FAST_MAX_DEPTH, listener: guard.listener };
  let parsed;
  try {
    parsed = load2(text, options);
  } catch {
    return void 0;
  }
  if (guard.doubtful) return void 0;
  const value = convert(parsed, text.includes("&") ? /* @__PURE__ */ new Map() : null);
  return value === REFUSED ? void 0 : value;
}
function convert(value, shared) {
  if (value === null || typeof value !== "object") {
    return value === void 0 ? null : value;
  }
  if (value instanceof PyFloat || value instanceof YDate) return value;
  const known = shared?.get(value);
  if (known !== void 0) return known;
  if (Array.isArray(value)) {
    const list = [];
    shared?.set(value, list);
    for (const item of value) {
      const converted = convert(item, shared);
      if (converted === REFUSED) return REFUSED;
      list.push(converted);
    }
    return list;
  }
  const map2 = /* @__PURE__ */ new Map();
  shared?.set(value, map2);
  for (const key of Object.keys(value)) {
    const first = key.charCodeAt(0);
    if (first >= 48 && first <= 57 && ARRAY_INDEX.test(key)) return REFUSED;
    if (key.length >= 15 && key.includes("[object Object]")) return REFUSED;
    const converted = convert(value[key], shared);
    if (converted === REFUSED) return REFUSED;
    map2.set(key, converted);
  }
  return map2;
}
var FAILSAFE_SCHEMA2, load2, Type2, types2, scalarTypes, FIRST_CHARS, schema2, FAST_MAX_DEPTH, ARRAY_INDEX, REFUSED;
var init_fast_parse = __esm({
  "src/pipeline/load/fast-parse.ts"() {
    "use strict";
    init_js_yaml();
    init_bounds();
    init_flow_indentation();
    init_scalars();
    init_values();
    ({ FAILSAFE_SCHEMA: FAILSAFE_SCHEMA2, load: load2, Type: Type2, types: types2 } = js_yaml_exports);
    scalarTypes = SCALAR_RULES.map(
      (rule) => new Type2(rule.tag, {
        kind: "scalar",
        // Also asked of explicitly tagged text (`!!int 5`). The platform's loader reads `!!null x` as
        // null whatever x is; that is refused here and left to the positioned parse.
        resolve: (text) => fits(rule, text ?? ""),
        construct: (text) => rule.construct(text ?? "")
      })
    );
    FIRST_CHARS = new Map(SCALAR_RULES.map((r) => [r, new Set(r.firstChars)]));
    schema2 = FAILSAFE_SCHEMA2.extend({ implicit: [...scalarTypes, types2.merge] });
    FAST_MAX_DEPTH = MAX_DEPTH - 50;
    ARRAY_INDEX = /^(?:0|[1-9]\d{0,9})$/;
    REFUSED = /* @__PURE__ */ Symbol("refused");
  }
});

// src/pipeline/load/yaml-library.ts
import { createRequire } from "node:module";
async function preloadYamlLibrary() {
  const loaded = await import("yaml");
  library ??= typeof loaded.LineCounter === "function" ? loaded : loaded.default;
  if (library === void 0) throw new Error("the yaml library did not load");
}
function yamlLibraryLoaded() {
  return library !== void 0;
}
function yamlLibrary() {
  library ??= createRequire(import.meta.url)("yaml");
  return library;
}
var library;
var init_yaml_library = __esm({
  "src/pipeline/load/yaml-library.ts"() {
    "use strict";
  }
});

// src/pipeline/load/positioned-parse.ts
function syntaxProblem(error) {
  const pos = error.linePos?.[0];
  const firstLine2 = error.message.split("\n")[0].replace(/ at line \d+, column \d+:?$/, "");
  return {
    code: `yaml-${error.code.toLowerCase().replaceAll("_", "-")}`,
    message: MESSAGE_FOR[error.code] ?? firstLine2,
    line: pos?.line ?? null,
    column: pos?.col ?? null
  };
}
function positionedParse(text) {
  const yaml2 = yamlLibrary();
  const lines = new yaml2.LineCounter();
  const doc = yaml2.parseDocument(text, {
    lineCounter: lines,
    schema: "failsafe",
    uniqueKeys: false,
    strict: true,
    keepSourceTokens: false,
    merge: false
  });
  if (doc.errors.length > 0) {
    const overflow = doc.errors.find((e) => e.code === "RESOURCE_EXHAUSTION" && /call stack/.test(e.message));
    if (overflow) {
      const { line, column } = { ...syntaxProblem(overflow) };
      return {
        ok: false,
        problems: [
          { code: "yaml-too-deep", message: "the file nests values too deeply to read", line, column }
        ]
      };
    }
    return { ok: false, problems: doc.errors.slice(0, MAX_SYNTAX_PROBLEMS).map(syntaxProblem) };
  }
  const converter = new Converter(yaml2, lines, doc);
  const value = converter.convert(doc.contents);
  if (converter.problems.length > 0) return { ok: false, problems: converter.problems };
  return {
    ok: true,
    value,
    positions: {
      maps: converter.maps,
      lists: converter.lists,
      root: doc.contents ? converter.pos(doc.contents) : null
    }
  };
}
var MAX_SYNTAX_PROBLEMS, STANDARD_TAG_PREFIX, Converter, MESSAGE_FOR;
var init_positioned_parse = __esm({
  "src/pipeline/load/positioned-parse.ts"() {
    "use strict";
    init_scalars();
    init_values();
    init_yaml_library();
    MAX_SYNTAX_PROBLEMS = 20;
    STANDARD_TAG_PREFIX = "tag:yaml.org,2002:";
    Converter = class {
      constructor(yaml2, lines, doc) {
        this.yaml = yaml2;
        this.lines = lines;
        this.doc = doc;
      }
      yaml;
      lines;
      doc;
      maps = /* @__PURE__ */ new WeakMap();
      lists = /* @__PURE__ */ new WeakMap();
      problems = [];
      done = /* @__PURE__ */ new Map();
      active = /* @__PURE__ */ new Set();
      pos(node) {
        const range = node?.range;
        const { line, col } = this.lines.linePos(range ? range[0] : 0);
        return { line, column: col };
      }
      convert(node) {
        if (node === null || node === void 0) return null;
        if (this.yaml.isAlias(node)) {
          const target = node.resolve(this.doc);
          if (target === void 0) return null;
          if (this.active.has(target)) {
            this.problem("yaml-recursive-alias", "an alias refers to a node that contains it", node);
            return null;
          }
          return this.convert(target);
        }
        const known = this.done.get(node);
        if (known !== void 0) return known;
        this.active.add(node);
        const value = this.convertNode(node);
        this.active.delete(node);
        this.done.set(node, value);
        return value;
      }
      convertNode(node) {
        if (this.yaml.isScalar(node)) return this.scalar(node);
        const tag = node.tag;
        if (tag !== void 0 && !tag.startsWith(STANDARD_TAG_PREFIX)) {
          return new YTagged(tag, this.yaml.isMap(node) ? "{\u2026}" : "[\u2026]");
        }
        if (this.yaml.isSeq(node)) {
          const list = [];
          const positions = [];
          this.lists.set(list, positions);
          for (const item of node.items) {
            list.push(this.convert(item));
            positions.push(this.pos(item));
          }
          return list;
        }
        if (this.yaml.isMap(node)) return this.mapping(node);
        return null;
      }
      scalar(node) {
        const text = String(node.value ?? "");
        const tag = node.tag;
        if (tag !== void 0) {
          if (tag === "!" || tag === `${STANDARD_TAG_PREFIX}str`) return text;
          const value = resolveExplicit(tag, text);
          if (value !== void 0) return value;
          if (tag.startsWith(STANDARD_TAG_PREFIX)) {
            this.problem("yaml-bad-tag", `could not read ${JSON.stringify(text)} as ${tag.slice(18)}`, node);
          }
          return new YTagged(tag, text);
        }
        if (node.type === "PLAIN") return resolvePlain(text);
        return text;
      }
      mapping(node) {
        const map2 = /* @__PURE__ */ new Map();
        const where = /* @__PURE__ */ new Map();
        this.maps.set(map2, where);
        const merged = /* @__PURE__ */ new Set();
        const firstSeen = /* @__PURE__ */ new Map();
        for (const pair of node.items) {
          const keyNode = pair.key;
          if (this.yaml.isScalar(keyNode) && keyNode.type === "PLAIN" && keyNode.value === "<<" && !keyNode.tag) {
            this.merge(map2, where, merged, pair.value);
            continue;
          }
          const key = keyString(this.convert(keyNode));
          if (map2.has(key) && !merged.has(key)) {
            this.duplicate(key, firstSeen.get(key), pair, node);
            continue;
          }
          merged.delete(key);
          firstSeen.set(key, pair.value);
          map2.set(key, this.convert(pair.value));
          where.set(key, { key: this.pos(keyNode), value: this.pos(pair.value ?? keyNode) });
        }
        return map2;
      }
      merge(map2, where, merged, valueNode) {
        const sources = this.yaml.isSeq(valueNode) ? valueNode.items : [valueNode];
        for (const source of sources) {
          const value = this.convert(source);
          if (!(value instanceof Map)) {
            this.problem(
              "yaml-bad-merge",
              "a merge key (<<) must refer to a mapping or a list of mappings",
              source
            );
            continue;
          }
          const sourceWhere = this.maps.get(value);
          for (const [k, v] of value) {
            if (map2.has(k)) continue;
            map2.set(k, v);
            merged.add(k);
            const at = sourceWhere?.get(k);
            if (at) where.set(k, at);
          }
        }
      }
      duplicate(key, original, pair, parent) {
        const show = (v) => this.yaml.isScalar(v) ? String(v.value ?? "") : v ? String(v) : "";
        const message = `found duplicate key "${key}" with value "${show(pair.value)}" (original value: "${show(original)}") in the mapping that starts at line ${this.pos(parent).line}`;
        this.problem("yaml-duplicate-key", message, pair.key);
      }
      problem(code3, message, node) {
        const { line, column } = this.pos(node);
        this.problems.push({ code: code3, message, line, column });
      }
    };
    MESSAGE_FOR = {
      MULTIPLE_DOCS: "expected a single document in the stream, but found another document",
      TAB_AS_INDENT: "found character '\\t' that cannot start any token (tabs are not allowed in indentation)"
    };
  }
});

// src/pipeline/load/positions.ts
function positionOf(root, index, path2) {
  let node = root;
  let at = index.root;
  for (const segment of path2) {
    if (isYMap(node) && typeof segment === "string") {
      const where = index.maps.get(node)?.get(segment);
      if (where === void 0) return at;
      at = where.key;
      node = node.get(segment);
    } else if (isYList(node) && typeof segment === "number") {
      const where = index.lists.get(node)?.[segment];
      if (where === void 0) return at;
      at = where;
      node = node[segment];
    } else return at;
  }
  return at;
}
function topLevelKeyLine(text, key) {
  const escaped = key.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const match = new RegExp(`^(?:${escaped}|"${escaped}"|'${escaped}')[ \\t]*:(?:[ \\t]|$)`, "m").exec(text);
  if (match === null) return null;
  let line = 1;
  for (let i = 0; i < match.index; i++) if (text.charCodeAt(i) === 10) line++;
  return { line, column: 1 };
}
var init_positions = __esm({
  "src/pipeline/load/positions.ts"() {
    "use strict";
    init_values();
  }
});

// src/pipeline/python/numbers.ts
function pyFloat(value) {
  if (typeof value === "boolean") return value ? 1 : 0;
  if (typeof value === "number") return value;
  if (typeof value === "bigint") return Number(value);
  if (value instanceof PyFloat) return value.value;
  if (typeof value === "string") {
    const text = value.trim();
    if (SPECIAL_FLOAT.test(text)) {
      const negative = text.startsWith("-");
      if (/nan/i.test(text)) return Number.NaN;
      return negative ? -Infinity : Infinity;
    }
    if (!FLOAT_TEXT.test(text)) return null;
    return Number(text.replaceAll("_", ""));
  }
  return null;
}
function pyInt(value) {
  if (typeof value === "boolean") return value ? 1n : 0n;
  if (typeof value === "number") return BigInt(value);
  if (typeof value === "bigint") return value;
  if (value instanceof PyFloat) {
    return Number.isFinite(value.value) ? BigInt(Math.trunc(value.value)) : null;
  }
  if (typeof value === "string") {
    const text = value.trim();
    if (!INT_TEXT.test(text)) return null;
    return BigInt(text.replaceAll("_", ""));
  }
  return null;
}
function pyFloatRepr(x) {
  if (Number.isNaN(x)) return "nan";
  if (!Number.isFinite(x)) return x > 0 ? "inf" : "-inf";
  if (x === 0) return Object.is(x, -0) ? "-0.0" : "0.0";
  const [mantissa, expText] = x.toExponential().split("e");
  const exp = Number(expText);
  const negative = mantissa.startsWith("-");
  const digits = mantissa.replace("-", "").replace(".", "");
  const sign = negative ? "-" : "";
  if (exp < -4 || exp >= 16) {
    const m = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    const e = Math.abs(exp).toString().padStart(2, "0");
    return `${sign}${m}e${exp < 0 ? "-" : "+"}${e}`;
  }
  if (exp < 0) return `${sign}0.${"0".repeat(-exp - 1)}${digits}`;
  if (digits.length <= exp + 1) return `${sign}${digits}${"0".repeat(exp + 1 - digits.length)}.0`;
  return `${sign}${digits.slice(0, exp + 1)}.${digits.slice(exp + 1)}`;
}
function pyStr(value) {
  if (value === null) return "None";
  if (typeof value === "boolean") return value ? "True" : "False";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "bigint") return String(value);
  if (value instanceof PyFloat) return pyFloatRepr(value.value);
  if (isYDate(value)) return value.text;
  if (isYTagged(value)) return value.text;
  if (isYMap(value)) return "{\u2026}";
  return "[\u2026]";
}
var FLOAT_TEXT, SPECIAL_FLOAT, INT_TEXT;
var init_numbers = __esm({
  "src/pipeline/python/numbers.ts"() {
    "use strict";
    init_values();
    FLOAT_TEXT = /^[+-]?(?:(?:\d(?:_?\d)*)(?:\.(?:\d(?:_?\d)*)?)?|\.\d(?:_?\d)*)(?:[eE][+-]?\d(?:_?\d)*)?$/;
    SPECIAL_FLOAT = /^[+-]?(?:inf|infinity|nan)$/i;
    INT_TEXT = /^[+-]?\d(?:_?\d)*$/;
  }
});

// src/pipeline/python/json.ts
function quote(s) {
  let out = '"';
  for (const ch of s) {
    const code3 = ch.codePointAt(0);
    if (ch === '"') out += '\\"';
    else if (ch === "\\") out += "\\\\";
    else if (ch === "\n") out += "\\n";
    else if (ch === "\r") out += "\\r";
    else if (ch === "	") out += "\\t";
    else if (ch === "\b") out += "\\b";
    else if (ch === "\f") out += "\\f";
    else if (code3 >= 32 && code3 <= 126) out += ch;
    else if (code3 > 65535) {
      const v = code3 - 65536;
      out += `\\u${(55296 | v >> 10).toString(16).padStart(4, "0")}\\u${(56320 | v & 1023).toString(16).padStart(4, "0")}`;
    } else out += `\\u${code3.toString(16).padStart(4, "0")}`;
  }
  return `${out}"`;
}
function floatText(x) {
  if (Number.isNaN(x)) return "NaN";
  if (!Number.isFinite(x)) return x > 0 ? "Infinity" : "-Infinity";
  return pyFloatRepr(x);
}
function pyJsonDumps(value) {
  const unserialisable = [];
  const dump2 = (v) => {
    if (v === null) return "null";
    if (typeof v === "string") return quote(v);
    if (typeof v === "boolean") return v ? "true" : "false";
    if (typeof v === "number" || typeof v === "bigint") return String(v);
    if (v instanceof PyFloat) return floatText(v.value);
    if (v instanceof YDate || v instanceof YTagged) {
      unserialisable.push(v.toString());
      return quote(v.toString());
    }
    if (Array.isArray(v)) return `[${v.map(dump2).join(", ")}]`;
    const items = [];
    for (const [k, child] of v) items.push(`${quote(k)}: ${dump2(child)}`);
    return `{${items.join(", ")}}`;
  };
  return { json: dump2(value), unserialisable };
}
var init_json = __esm({
  "src/pipeline/python/json.ts"() {
    "use strict";
    init_values();
    init_numbers();
  }
});

// src/pipeline/python/shlex.ts
function shlexSplit(s) {
  if (!PLAIN_NEEDS_LEXER.test(s)) return s.split(WHITESPACE_RUN).filter((w) => w !== "");
  const words = [];
  let i = 0;
  for (; ; ) {
    let state = " ";
    let token = "";
    let quoted = false;
    let escapedState = "a";
    for (; ; ) {
      const ch = i < s.length ? s[i++] : "";
      if (state === " ") {
        if (ch === "") {
          state = null;
          break;
        } else if (WHITESPACE.includes(ch)) {
          if (token || quoted) break;
        } else if (ch === "\\") {
          escapedState = "a";
          state = ch;
        } else if (QUOTES.includes(ch)) {
          state = ch;
        } else {
          token = ch;
          state = "a";
        }
      } else if (state === "'" || state === '"') {
        quoted = true;
        if (ch === "") throw new ShlexError("No closing quotation");
        if (ch === state) state = "a";
        else if (ch === "\\" && state === '"') {
          escapedState = state;
          state = ch;
        } else token += ch;
      } else if (state === "\\") {
        if (ch === "") throw new ShlexError("No escaped character");
        if (QUOTES.includes(escapedState) && ch !== state && ch !== escapedState) token += state;
        token += ch;
        state = escapedState;
      } else {
        if (ch === "") {
          state = null;
          break;
        } else if (WHITESPACE.includes(ch)) {
          state = " ";
          if (token || quoted) break;
        } else if (QUOTES.includes(ch)) {
          state = ch;
        } else if (ch === "\\") {
          escapedState = "a";
          state = ch;
        } else token += ch;
      }
    }
    if (!quoted && token === "") {
      if (state === null) return words;
      continue;
    }
    words.push(token);
    if (state === null) return words;
  }
}
function shlexQuote(s) {
  if (s === "") return "''";
  if (!UNSAFE.test(s)) return s;
  return `'${s.replaceAll("'", `'"'"'`)}'`;
}
function shlexJoin(words) {
  return words.map(shlexQuote).join(" ");
}
var ShlexError, WHITESPACE, QUOTES, PLAIN_NEEDS_LEXER, WHITESPACE_RUN, UNSAFE;
var init_shlex = __esm({
  "src/pipeline/python/shlex.ts"() {
    "use strict";
    ShlexError = class extends Error {
      name = "ShlexError";
    };
    WHITESPACE = " 	\r\n";
    QUOTES = `'"`;
    PLAIN_NEEDS_LEXER = /['"\\]/;
    WHITESPACE_RUN = /[ \t\r\n]+/;
    UNSAFE = /[^\w@%+=:,./-]/;
  }
});

// src/pipeline/build-model.ts
function toPlain(value) {
  if (value instanceof Map) {
    const out = {};
    for (const [k, v] of value) Object.defineProperty(out, k, { value: toPlain(v), enumerable: true });
    return Object.freeze(out);
  }
  if (Array.isArray(value)) return Object.freeze(value.map(toPlain));
  if (value instanceof PyFloat) return value.value;
  if (typeof value === "bigint") return Number(value);
  if (value instanceof YDate || value instanceof YTagged) return value.toString();
  return value;
}
function jobArgs(action, config, report) {
  const words = [...action.run.parts];
  if (config !== null && config.size > 0) {
    const { json: json3, unserialisable } = pyJsonDumps(config);
    if (unserialisable.length > 0) {
      report.warning(
        "config-unserialisable",
        `\`config\` for action ${action.id} contains ${unserialisable.map((v) => `\`${v}\``).join(", ")}, which the platform cannot pass to the job (quote it to make it a string)`,
        ["actions", action.id, "config"]
      );
    }
    words.push("--config", json3.replaceAll("'", "\\u0027"));
  }
  return words;
}
function buildModel(version, parsed, expectations, report) {
  const actions = /* @__PURE__ */ new Map();
  for (const p of parsed) {
    const args = jobArgs(p, p.config, report);
    actions.set(
      p.id,
      Object.freeze({
        id: p.id,
        run: p.run,
        outputs: p.outputs,
        needs: Object.freeze([...p.needs]),
        config: p.config === null ? null : toPlain(p.config),
        dummyDataFile: p.dummyDataFile,
        jobArgs: Object.freeze(args),
        jobCommand: shlexJoin(args)
      })
    );
  }
  return Object.freeze({
    version,
    actions,
    allActions: Object.freeze([...actions.keys()].filter((n) => n !== RUN_ALL)),
    expectations: expectations === null ? null : Object.freeze({ ...expectations })
  });
}
var init_build_model = __esm({
  "src/pipeline/build-model.ts"() {
    "use strict";
    init_values();
    init_model();
    init_json();
    init_shlex();
  }
});

// src/pipeline/features.ts
function featuresFor(version) {
  return {
    uniqueOutputPath: on(version, 2),
    expectationsPopulation: on(version, 3, 3),
    removeCohortExtractor: on(version, 4),
    removeRunAllAction: on(version, 5),
    removeLatestTag: on(version, 5)
  };
}
var LATEST_VERSION, on;
var init_features = __esm({
  "src/pipeline/features.ts"() {
    "use strict";
    LATEST_VERSION = 5;
    on = (version, introduced, last) => introduced <= version && (last === void 0 || version <= last);
  }
});

// src/pipeline/report.ts
var Report;
var init_report = __esm({
  "src/pipeline/report.ts"() {
    "use strict";
    Report = class {
      issues = [];
      errors = 0;
      error(code3, message, path2) {
        this.errors++;
        this.issues.push({ severity: "error", code: code3, message, path: path2 });
      }
      warning(code3, message, path2) {
        this.issues.push({ severity: "warning", code: code3, message, path: path2 });
      }
      get errorCount() {
        return this.errors;
      }
    };
  }
});

// src/pipeline/rules/cycles.ts
function findCycles(actions) {
  const nodes = actions.map((a) => a.id);
  const needs = new Map(actions.map((a) => [a.id, a.needs]));
  const cycles = [];
  const remaining = new Map(needs);
  for (; ; ) {
    const cycle = findCycle(
      nodes.filter((n) => remaining.has(n)),
      remaining
    );
    if (cycle === null) return cycles;
    cycles.push(cycle);
    for (const name3 of cycle) remaining.delete(name3);
  }
}
var init_cycles = __esm({
  "src/pipeline/rules/cycles.ts"() {
    "use strict";
    init_graph();
  }
});

// src/pipeline/rules/across-actions.ts
function checkAcrossActions(actions, allNames, features, report) {
  if (features.removeCohortExtractor) {
    for (const a of actions) {
      if (a.run?.parts[0]?.startsWith("cohortextractor")) {
        report.error(
          "cohortextractor-removed",
          `Action ${a.id} uses cohortextractor actions, which are not supported in this version.`,
          ["actions", a.id, "run"]
        );
      }
    }
  }
  if (features.removeLatestTag) {
    for (const a of actions) {
      const first = a.run?.parts[0];
      if (first?.endsWith(":latest")) {
        report.error(
          "latest-tag",
          `Action ${a.id} uses \`${first}\`, which is not supported. Provide a version e.g. \`:v2\` instead`,
          ["actions", a.id, "run"]
        );
      }
    }
  }
  const firstWithRun = /* @__PURE__ */ new Map();
  for (const a of actions) {
    if (a.run === null) continue;
    const earlier = firstWithRun.get(a.run.raw);
    if (earlier !== void 0) {
      report.error(
        "duplicate-run",
        `Action ${a.id} has the same 'run' command as other actions: ${earlier}`,
        ["actions", a.id, "run"]
      );
    } else firstWithRun.set(a.run.raw, a.id);
  }
  if (features.uniqueOutputPath) {
    const seen = /* @__PURE__ */ new Set();
    for (const a of actions) {
      for (const level of PRIVACY_LEVELS) {
        for (const [name3, pattern] of Object.entries(a.outputs?.[level] ?? {})) {
          if (seen.has(pattern)) {
            report.error("duplicate-output", `Output path ${pattern} is not unique`, [
              "actions",
              a.id,
              "outputs",
              level,
              name3
            ]);
          }
          seen.add(pattern);
        }
      }
    }
  }
  for (const a of actions) {
    for (const [i, need] of a.needs.entries()) {
      if (!allNames.has(need)) {
        report.error(
          "unknown-needs",
          `Action \`${a.id}\` references an unknown action in its \`needs\` list: ${need}`,
          ["actions", a.id, "needs", i]
        );
      }
    }
  }
  for (const cycle of findCycles(actions)) {
    const [first] = cycle;
    const message = cycle.length === 2 ? `Action \`${first}\` needs itself: ${cycle.join(" -> ")}` : `Actions form a cycle through their \`needs\`: ${cycle.join(" -> ")}`;
    report.error("needs-cycle", message, ["actions", first, "needs"]);
  }
}
var init_across_actions = __esm({
  "src/pipeline/rules/across-actions.ts"() {
    "use strict";
    init_model();
    init_cycles();
  }
});

// src/pipeline/python/paths.ts
function normpath(path2) {
  if (path2 === "") return ".";
  let initialSlashes = path2.startsWith("/") ? 1 : 0;
  if (path2.startsWith("//") && !path2.startsWith("///")) initialSlashes = 2;
  const out = [];
  for (const comp of path2.split("/")) {
    if (comp === "" || comp === ".") continue;
    if (comp !== ".." || !initialSlashes && out.length === 0 || out.length > 0 && out[out.length - 1] === "..") {
      out.push(comp);
    } else if (out.length > 0) out.pop();
  }
  const joined = out.join("/");
  return "/".repeat(initialSlashes) + joined || ".";
}
function pureParts(path2) {
  let root = "";
  if (path2.startsWith("/")) root = path2.startsWith("//") && !path2.startsWith("///") ? "//" : "/";
  const parts = path2.split("/").filter((p) => p !== "" && p !== ".");
  return { root, parts };
}
function purePath(path2) {
  const { root, parts } = pureParts(path2);
  return root + parts.join("/") || ".";
}
function pureSuffix(path2) {
  const { parts } = pureParts(path2);
  const name3 = parts[parts.length - 1] ?? "";
  const i = name3.lastIndexOf(".");
  return i > 0 && i < name3.length - 1 ? name3.slice(i) : "";
}
function pureParent(path2) {
  const { root, parts } = pureParts(path2);
  if (parts.length <= 1) return root || ".";
  return root + parts.slice(0, -1).join("/");
}
function fnmatchCase(name3, pattern) {
  return fnmatchRegExp(pattern).test(name3);
}
function fnmatchRegExp(pattern) {
  let re = "";
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === "*") re += "[\\s\\S]*";
    else if (c === "?") re += "[\\s\\S]";
    else if (c === "[") {
      let j = i + 1;
      if (pattern[j] === "!") j++;
      if (pattern[j] === "]") j++;
      while (j < pattern.length && pattern[j] !== "]") j++;
      if (j >= pattern.length) re += "\\[";
      else {
        let body = pattern.slice(i + 1, j).replaceAll("\\", "\\\\");
        if (body.startsWith("!")) body = `^${body.slice(1)}`;
        else if (body.startsWith("^")) body = `\\${body}`;
        re += `[${body}]`;
        i = j;
      }
    } else re += c.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
  }
  return new RegExp(`^(?:${re})$`, "u");
}
var init_paths = __esm({
  "src/pipeline/python/paths.ts"() {
    "use strict";
  }
});

// src/pipeline/rules/command-outputs.ts
function checkCommandOutputs(id, run2, outputs, report, path2) {
  if (GENERATE_COHORT.test(run2.raw)) checkGenerateCohort(id, run2, outputs, report, path2);
  if (GENERATE_DATASET.test(run2.raw)) checkGenerateDataset(id, run2, outputs, report, path2);
}
function allPatterns(outputs) {
  return Object.values(outputs).flatMap((level) => Object.values(level ?? {}));
}
function checkGenerateCohort(id, run2, outputs, report, path2) {
  const levels = Object.keys(outputs).length;
  if (levels !== 1) {
    report.error(
      "generate-cohort-outputs",
      `A \`generate_cohort\` action must have exactly one output; ${id} had ${levels}`,
      [...path2, "outputs"]
    );
    return;
  }
  const dirs = [...new Set(allPatterns(outputs).map(pureParent))].sort();
  const outputDir = run2.parts.some((w) => w === "--output-dir" || w.startsWith("--output-dir="));
  if (dirs.length !== 1 && !outputDir) {
    const lines = dirs.map((d) => `
 - ${d}/`).join("");
    report.error(
      "generate-cohort-directories",
      `generate_cohort command should produce output in only one directory, found ${dirs.length}:${lines}`,
      [...path2, "outputs"]
    );
  }
}
function outputArgument(parts) {
  for (let i = 0; i < parts.length; i++) {
    const word = parts[i];
    if (word === "--output") return parts[i + 1] ?? "";
    if (word.startsWith("--output=")) return word.slice("--output=".length);
  }
  return "";
}
function checkGenerateDataset(id, run2, outputs, report, path2) {
  const nonEmpty2 = (level) => Object.keys(outputs[level] ?? {}).length > 0;
  if (nonEmpty2("moderately_sensitive") || nonEmpty2("minimally_sensitive")) {
    report.error(
      "generate-dataset-level",
      `\`${id}\` action uses \`generate-dataset\` and so all outputs must be labelled \`highly_sensitive\``,
      [...path2, "outputs"]
    );
    return;
  }
  const spec = outputArgument(run2.parts);
  if (spec === "") {
    report.error(
      "generate-dataset-no-output",
      `\`${id}\` action does not provide an \`--output\` argument specifying where the results of \`generate-dataset\` should be stored`,
      [...path2, "run"]
    );
    return;
  }
  const highly = Object.values(outputs.highly_sensitive ?? {});
  const { matches, expected } = matchOutputSpec(spec, highly);
  if (!matches) {
    report.error(
      "generate-dataset-mismatch",
      `output specification must match the \`--output\` argument in the \`run\` command
              got: ${highly.join(`${" ".repeat(19)}
`)}
but was expecting: ${expected}`,
      [...path2, "outputs", "highly_sensitive"]
    );
  }
}
function matchOutputSpec(spec, highly) {
  const slash = spec.lastIndexOf("/");
  const last = spec.slice(slash + 1);
  if (!last.includes(":")) return { matches: highly.includes(spec), expected: spec };
  const colon = last.lastIndexOf(":");
  const dirName = last.slice(0, colon);
  const extension = `.${last.slice(colon + 1)}`;
  const parent = slash === -1 ? "" : spec.slice(0, slash);
  const directory = normpath(dirName === "" ? parent || "." : parent ? `${parent}/${dirName}` : dirName);
  return {
    matches: highly.every((p) => fnmatchCase(p, `${directory}/*${extension}`)),
    expected: `${directory}/:${extension.slice(1)}`
  };
}
var GENERATE_COHORT, GENERATE_DATASET;
var init_command_outputs = __esm({
  "src/pipeline/rules/command-outputs.ts"() {
    "use strict";
    init_paths();
    GENERATE_COHORT = /^cohortextractor:\S+ generate_cohort/u;
    GENERATE_DATASET = /^(?:ehrql|databuilder):\S+ generate[-_]dataset/u;
  }
});

// src/pipeline/rules/output-pattern.ts
function isAbsolute(pattern) {
  return pattern.startsWith("/") || pattern.length >= 3 && pattern[1] === ":" && pattern[2] === "/";
}
function patternProblem(pattern, moderatelySensitive) {
  if (SIMPLE.test(pattern) && !pattern.includes("**") && !pattern.startsWith("metadata/")) {
    const suffix2 = pattern.slice(pattern.lastIndexOf("."));
    if (!moderatelySensitive || LEVEL4_FILE_TYPES.includes(suffix2)) return null;
  }
  if (pattern.includes("\\")) return "contains back slashes (use forward slashes only)";
  for (const token of ["**", "?", "["]) {
    if (pattern.includes(token)) return `contains '${token}' (only the * wildcard character is supported)`;
  }
  const suffix = pureSuffix(pattern);
  if (suffix === "" || suffix.endsWith("*")) return "output paths must have a file type extension at the end";
  if (moderatelySensitive && !LEVEL4_FILE_TYPES.includes(suffix)) {
    return `${purePath(pattern)} is not an allowed file type for moderately_sensitive outputs`;
  }
  if (pattern !== normpath(pattern))
    return "is not in standard form (contains double slashes or '..' elements)";
  if (pureParts(pattern).parts[0] === "..") return "leaves the workspace (starts with '..')";
  if (pattern === "metadata" || pattern.startsWith("metadata/"))
    return "should not include the metadata directory";
  if (isAbsolute(pattern)) return "is an absolute path";
  return null;
}
var LEVEL4_FILE_TYPES, SIMPLE;
var init_output_pattern = __esm({
  "src/pipeline/rules/output-pattern.ts"() {
    "use strict";
    init_paths();
    LEVEL4_FILE_TYPES = [
      ".csv",
      ".jpg",
      ".jpeg",
      ".png",
      ".svg",
      ".svgz",
      ".html",
      ".txt",
      ".log",
      ".json",
      ".md"
    ];
    SIMPLE = /^(?:[\w*-]+\/)*[\w*-]+\.\w+$/;
  }
});

// src/pipeline/rules/outputs.ts
function checkOutputs(id, outputs, report, path2) {
  const present = PRIVACY_LEVELS.filter(
    (level) => outputs.get(level) !== void 0 && outputs.get(level) !== null
  );
  if (present.length === 0) {
    report.error(
      "outputs-none",
      "must specify at least one output of: highly_sensitive, moderately_sensitive, minimally_sensitive",
      path2
    );
    return null;
  }
  const unknown = [...outputs.keys()].filter((k) => !PRIVACY_LEVELS.includes(k));
  if (unknown.length > 0) {
    report.error(
      "outputs-unexpected",
      `Unexpected parameters (${unknown.join(", ")}) in \`outputs\` section for action ${id}`,
      [...path2, unknown[0]]
    );
  }
  let ok = unknown.length === 0;
  const result = {};
  for (const level of present) {
    const entries = outputs.get(level);
    if (!isYMap(entries)) {
      report.error(
        "outputs-level-type",
        `\`${level}\` section for action ${id} must be a dictionary of key/value pairs`,
        [...path2, level]
      );
      ok = false;
      continue;
    }
    const parsed = [];
    for (const [name3, pattern] of entries) {
      const at = [...path2, level, name3];
      if (typeof pattern !== "string") {
        report.error("output-type", `\`${name3}\` output for action ${id} must be a string`, at);
        ok = false;
        continue;
      }
      const problem = patternProblem(pattern, level === "moderately_sensitive");
      if (problem !== null) {
        report.error("output-pattern", `Output path ${pattern} is invalid: ${problem}`, at);
        ok = false;
        continue;
      }
      parsed.push([name3, pattern]);
    }
    result[level] = Object.freeze(Object.fromEntries(parsed));
  }
  return ok ? Object.freeze(result) : null;
}
var init_outputs = __esm({
  "src/pipeline/rules/outputs.ts"() {
    "use strict";
    init_values();
    init_model();
    init_output_pattern();
  }
});

// src/pipeline/database.ts
function isDatabaseAction(parts) {
  const first = parts[0];
  if (first === void 0) return false;
  const image = first.split(":")[0];
  const commands2 = Object.hasOwn(DATABASE_COMMANDS, image) ? DATABASE_COMMANDS[image] : void 0;
  if (commands2 === void 0) return false;
  if (commands2 === "any") return true;
  return parts.length > 1 && commands2.includes(parts[1]);
}
var DATABASE_COMMANDS;
var init_database = __esm({
  "src/pipeline/database.ts"() {
    "use strict";
    DATABASE_COMMANDS = {
      ehrql: ["generate-dataset", "generate-measures"],
      sqlrunner: "any",
      cohortextractor: ["generate_cohort", "generate_codelist_report"],
      databuilder: ["generate-dataset"]
    };
  }
});

// src/pipeline/rules/run-command.ts
function parseRun(id, raw, report, path2) {
  if (raw === "") {
    report.error("run-empty", `run must have a value, ${id} has an empty run key`, path2);
    return null;
  }
  let parts;
  try {
    parts = shlexSplit(raw);
  } catch (error) {
    const detail = error instanceof ShlexError ? error.message : String(error);
    const what = detail === "No closing quotation" ? "has a quote that is never closed" : "ends with a backslash that escapes nothing";
    report.error("run-unsplittable", `\`run\` section for action ${id} ${what} (${detail})`, path2);
    return null;
  }
  if (parts.length === 0) {
    report.error("run-empty", `run must have a value, ${id} has an empty run key`, path2);
    return null;
  }
  const first = parts[0];
  const colon = first.indexOf(":");
  const image = colon === -1 ? first : first.slice(0, colon);
  const tag = colon === -1 ? "" : first.slice(colon + 1);
  if (colon === -1 || !(ASCII_TAG.test(tag) || TAG.test(tag))) {
    report.error(
      "run-version",
      `Action command ${image} must have a version specified in the form :vN (e.g. ${image}:v2)`,
      path2
    );
    return null;
  }
  return Object.freeze({
    raw,
    parts: Object.freeze(parts),
    image,
    tag,
    args: parts.slice(1).join(" "),
    isDatabaseAction: isDatabaseAction(parts)
  });
}
var TAG, ASCII_TAG;
var init_run_command = __esm({
  "src/pipeline/rules/run-command.ts"() {
    "use strict";
    init_database();
    init_shlex();
    TAG = /^(?:v[\p{Nd}.]+(?:-pre)?|dev|latest)$/u;
    ASCII_TAG = /^(?:v[0-9.]+(?:-pre)?|dev|latest)$/;
  }
});

// src/pipeline/rules/action.ts
function checkAction(id, body, features, report) {
  const path2 = ["actions", id];
  const before = report.errorCount;
  if (id === RUN_ALL) {
    if (features.removeRunAllAction) {
      report.error(
        "run-all-reserved",
        "`run_all` is a reserved action name and is not allowed for user-defined actions.",
        path2
      );
    } else {
      report.warning(
        "run-all-reserved",
        "`run_all` is a reserved action name; user-defined actions with this name are ignored and will raise an error in later versions.",
        path2
      );
    }
  }
  if (!isYMap(body)) {
    report.error(
      "action-type",
      `Configuration for action ${id} must be a dictionary of key/value pairs`,
      path2
    );
    return null;
  }
  for (const key of ["run", "outputs"]) {
    if (!body.has(key))
      report.error("action-missing", `Action ${id} must contain a configuration for '${key}'`, path2);
  }
  const unknown = [...body.keys()].filter((k) => !ACTION_KEYS.includes(k));
  if (unknown.length > 0) {
    report.error("action-unexpected", `Unexpected parameters (${unknown.join(", ")}) in action ${id}`, [
      ...path2,
      unknown[0]
    ]);
  }
  const outputs = body.get("outputs");
  const run2 = body.get("run");
  const needs = body.get("needs") ?? null;
  const config = body.get("config") ?? null;
  const dummy = body.get("dummy_data_file") ?? null;
  const typeError = (key, what) => report.error("action-field-type", `\`${key}\` section for action ${id} must be ${what}`, [...path2, key]);
  if (body.has("outputs") && !isYMap(outputs)) typeError("outputs", "a dictionary of key/value pairs");
  if (body.has("run") && typeof run2 !== "string") typeError("run", "a string");
  if (needs !== null && !isYList(needs)) typeError("needs", "a list");
  if (config !== null && !isYMap(config)) typeError("config", "a dictionary of key/value pairs");
  if (dummy !== null && typeof dummy !== "string") typeError("dummy_data_file", "a string");
  const parsedOutputs = isYMap(outputs) ? checkOutputs(id, outputs, report, [...path2, "outputs"]) : null;
  const command = typeof run2 === "string" ? parseRun(id, run2, report, [...path2, "run"]) : null;
  const needNames = [];
  if (isYList(needs)) {
    needs.forEach((entry, i) => {
      if (typeof entry !== "string") {
        report.error(
          "needs-entry-type",
          `\`needs\` entries for action ${id} must be action names (strings), but it needs \`${pyStr(entry)}\`${typeof entry === "number" || typeof entry === "boolean" ? ` (quote it: '${pyStr(entry)}')` : ""}`,
          [...path2, "needs", i]
        );
      } else if (entry.includes(" ")) {
        report.error(
          "needs-space",
          `\`needs\` actions should be separated with commas, but ${id} needs \`${entry}\``,
          [...path2, "needs", i]
        );
      } else needNames.push(entry);
    });
  }
  if (command !== null && parsedOutputs !== null)
    checkCommandOutputs(id, command, parsedOutputs, report, path2);
  return {
    id,
    run: command,
    outputs: parsedOutputs,
    needs: needNames,
    config: isYMap(config) ? config : null,
    dummyDataFile: typeof dummy === "string" ? dummy : null,
    ok: report.errorCount === before
  };
}
var ACTION_KEYS;
var init_action = __esm({
  "src/pipeline/rules/action.ts"() {
    "use strict";
    init_values();
    init_model();
    init_numbers();
    init_command_outputs();
    init_outputs();
    init_run_command();
    ACTION_KEYS = ["run", "outputs", "needs", "config", "dummy_data_file"];
  }
});

// src/pipeline/rules/expectations.ts
function checkExpectations(present, value, features, report) {
  const path2 = ["expectations"];
  if (features.removeCohortExtractor) {
    if (present && value !== null) {
      report.error(
        "expectations-removed",
        "Project includes `expectations` section, which is not supported in this version. This section is only applicable to deprecated cohortextractor actions; you can safely remove it.",
        path2
      );
    }
    return null;
  }
  if (!features.expectationsPopulation) return { populationSize: 1e3 };
  if (!present || value === null) {
    report.error("expectations-missing", "Project must include `expectations` section", path2);
    return null;
  }
  if (!isYMap(value)) {
    report.error(
      "expectations-type",
      "Project `expectations` section must be a dictionary of key/value pairs",
      path2
    );
    return null;
  }
  if (!value.has("population_size")) {
    report.error(
      "expectations-population",
      "Project `expectations` section must include `population_size` section",
      path2
    );
    return null;
  }
  const unknown = [...value.keys()].filter((k) => k !== "population_size");
  if (unknown.length > 0) {
    report.error(
      "expectations-unexpected",
      `Unexpected parameters (${unknown.join(", ")}) in project \`expectations\` section`,
      [...path2, unknown[0]]
    );
  }
  const size = pyInt(value.get("population_size"));
  if (size === null) {
    report.error("expectations-population-type", "Project expectations population size must be a number", [
      ...path2,
      "population_size"
    ]);
    return null;
  }
  return unknown.length > 0 ? null : { populationSize: Number(size) };
}
var init_expectations = __esm({
  "src/pipeline/rules/expectations.ts"() {
    "use strict";
    init_values();
    init_numbers();
  }
});

// src/pipeline/rules/top-level.ts
function checkTopLevel(root, report) {
  const unknown = [...root.keys()].filter((k) => !TOP_LEVEL_KEYS.includes(k));
  if (unknown.length > 0) {
    report.error("project-unexpected", `Unexpected parameters (${unknown.join(", ")}) in project`, [
      unknown[0]
    ]);
  }
  const raw = root.get("version");
  if (raw === void 0 || raw === null) {
    report.error(
      "version-missing",
      `Project file must have a \`version\` attribute specifying which version of the project configuration format it uses (current latest version is ${LATEST_VERSION})`,
      root.has("version") ? ["version"] : []
    );
    return null;
  }
  const version = pyFloat(raw);
  if (version === null) {
    report.error("version-type", `\`version\` must be a number between 1 and ${LATEST_VERSION}`, ["version"]);
    return null;
  }
  if (version > LATEST_VERSION) {
    report.error(
      "version-too-new",
      `The latest version is v${LATEST_VERSION}, but got v${pyFloatRepr(version)}`,
      ["version"]
    );
    return null;
  }
  if (version !== LATEST_VERSION) {
    report.warning(
      "version-old",
      `Your project file is using an old version (${pyFloatRepr(version)}); consider updating to version ${LATEST_VERSION}`,
      ["version"]
    );
  }
  return version;
}
var TOP_LEVEL_KEYS;
var init_top_level = __esm({
  "src/pipeline/rules/top-level.ts"() {
    "use strict";
    init_features();
    init_numbers();
    TOP_LEVEL_KEYS = ["version", "actions", "expectations"];
  }
});

// src/pipeline/validate.ts
function validateDocument(root) {
  const report = new Report();
  if (!isYMap(root)) {
    const message = root === null ? "The project file is empty: it must be a mapping with `version` and `actions`" : `The project file must be a mapping with \`version\` and \`actions\`, not ${isYList(root) ? "a list" : "a single value"}`;
    report.error("project-type", message, []);
    return { report, pipeline: null };
  }
  const version = checkTopLevel(root, report);
  if (version === null) return { report, pipeline: null };
  const features = featuresFor(version);
  const actionsValue = root.get("actions");
  const parsed = [];
  if (!isYMap(actionsValue)) {
    report.error(
      "actions-type",
      "Project `actions` section must be a dictionary of key/value pairs",
      root.has("actions") ? ["actions"] : []
    );
  } else {
    for (const [id, body] of actionsValue) {
      const action = checkAction(id, body, features, report);
      if (action !== null) parsed.push(action);
    }
    checkAcrossActions(parsed, new Set(actionsValue.keys()), features, report);
  }
  const expectations = checkExpectations(
    root.has("expectations"),
    root.get("expectations") ?? null,
    features,
    report
  );
  if (report.errorCount > 0 || !isYMap(actionsValue)) return { report, pipeline: null };
  return { report, pipeline: buildModel(version, parsed, expectations, report) };
}
var init_validate = __esm({
  "src/pipeline/validate.ts"() {
    "use strict";
    init_build_model();
    init_features();
    init_values();
    init_report();
    init_across_actions();
    init_action();
    init_expectations();
    init_top_level();
  }
});

// src/pipeline/load-pipeline.ts
import { readFile } from "node:fs/promises";
function decode(input) {
  const text = typeof input === "string" ? input : new TextDecoder("utf-8", { fatal: false }).decode(input);
  const body = text.charCodeAt(0) === 65279 ? text.slice(1) : text;
  const lines = body.includes("\r") ? body.replace(/\r\n?/g, "\n") : body;
  return LEADING_DOCUMENT_END.test(lines) ? blankLeadingDocumentEnds(lines) : lines;
}
function blankLeadingDocumentEnds(text) {
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (/^\.\.\.(?:[ \t]|$)/.test(line)) lines[i] = "";
    else if (!/^[ \t]*(?:#.*)?$/.test(line)) break;
  }
  return lines.join("\n");
}
function failed(errors) {
  return Object.freeze({
    valid: false,
    errors: Object.freeze(errors),
    warnings: Object.freeze([]),
    pipeline: null
  });
}
function safePositionedParse(text) {
  yamlLibrary();
  try {
    return positionedParse(text);
  } catch (error) {
    const message = error instanceof RangeError ? "the file is nested too deeply to read" : `the file could not be read as YAML (${String(error)})`;
    return { ok: false, problems: [{ code: "yaml-unreadable", message, line: null, column: null }] };
  }
}
function withPositions(issues, locate) {
  return issues.map((i) => {
    const pos = locate(i.path);
    return Object.freeze({
      ...i,
      path: Object.freeze([...i.path]),
      line: pos?.line ?? null,
      column: pos?.column ?? null
    });
  });
}
function loadPipeline(input, options = {}) {
  return load3(input, options, true);
}
async function loadPipelineAsync(input) {
  if (!yamlLibraryLoaded()) {
    const quick = load3(input, {}, false);
    if (quick !== null) return quick;
    await preloadYamlLibrary();
  }
  return load3(input, {}, true);
}
function load3(input, options, mayParse) {
  const size = typeof input === "string" ? input.length : input.byteLength;
  if (size > MAX_BYTES) {
    return failed([
      {
        severity: "error",
        code: "file-too-large",
        message: `The project file is ${(size / 1024 / 1024).toFixed(1)} MiB; Trestle reads project files up to ${MAX_BYTES / 1024 / 1024} MiB`,
        path: [],
        line: null,
        column: null
      }
    ]);
  }
  const text = decode(input);
  const fastOk = !options.positioned && !text.includes("\uFEFF") && !TAB_IN_INDENT.test(text);
  let value = fastOk ? fastParse(text) : void 0;
  let positioned;
  if (value === void 0) {
    if (!mayParse) return null;
    positioned = safePositionedParse(text);
    if (!positioned.ok) {
      return failed(positioned.problems.map((p) => ({ severity: "error", path: [], ...p })));
    }
    value = positioned.value;
  }
  const unbounded = positioned !== void 0 || text.includes("&") || text.length >= MAX_EXPANDED_VALUES;
  const bounds = unbounded ? checkBounds(value) : null;
  if (bounds !== null) return failed([{ severity: "error", path: [], line: null, column: null, ...bounds }]);
  const { report, pipeline: pipeline2 } = validateDocument(value);
  let issues = [];
  if (report.issues.length > 0) {
    const cheap = report.issues.every((i) => i.path.length === 1 && typeof i.path[0] === "string");
    if (cheap && positioned === void 0) {
      issues = withPositions(report.issues, (path2) => topLevelKeyLine(text, path2[0]));
    }
    if (issues.length === 0 || issues.some((i) => i.line === null)) {
      if (positioned === void 0 && !mayParse) return null;
      positioned ??= safePositionedParse(text);
      if (!positioned.ok) {
        return failed(positioned.problems.map((p) => ({ severity: "error", path: [], ...p })));
      }
      const index = positioned;
      issues = withPositions(report.issues, (path2) => positionOf(index.value, index.positions, path2));
    }
  }
  const errors = issues.filter((i) => i.severity === "error");
  return Object.freeze({
    valid: errors.length === 0,
    errors: Object.freeze(errors),
    warnings: Object.freeze(issues.filter((i) => i.severity === "warning")),
    pipeline: errors.length === 0 ? pipeline2 : null
  });
}
async function loadPipelineFile(path2) {
  return loadPipelineAsync(await readFile(path2));
}
var TAB_IN_INDENT, LEADING_DOCUMENT_END;
var init_load_pipeline = __esm({
  "src/pipeline/load-pipeline.ts"() {
    "use strict";
    init_bounds();
    init_fast_parse();
    init_positioned_parse();
    init_positions();
    init_yaml_library();
    init_validate();
    TAB_IN_INDENT = /^[ \t]*\t/m;
    LEADING_DOCUMENT_END = /^(?:[ \t]*(?:#.*)?\n)*\.\.\.(?:[ \t]|$)/m;
  }
});

// src/pipeline/render/view.ts
function buildView(graph2, options = {}) {
  const only = options.only === void 0 ? null : new Set(options.only);
  const classes = options.classes ?? /* @__PURE__ */ new Map();
  const shown = graph2.nodes.filter((name3) => only === null || only.has(name3));
  const inGraph = new Set(graph2.nodes);
  const detached = [...classes.keys()].filter((name3) => !inGraph.has(name3));
  const names = [...shown, ...detached];
  const index = new Map(names.map((name3, i) => [name3, i]));
  const needs = names.map(() => []);
  const dependents = names.map(() => []);
  const edges = [];
  shown.forEach((name3, i) => {
    for (const need of graph2.needs.get(name3) ?? []) {
      const j = index.get(need);
      if (j === void 0 || j >= shown.length || j === i) continue;
      needs[i].push(j);
      dependents[j].push(i);
      edges.push([j, i]);
    }
  });
  const nodes = names.map(
    (name3, i) => ({
      id: `n${i}`,
      name: name3,
      class: classes.get(name3) ?? null,
      inGraph: i < shown.length,
      needs: needs[i],
      dependents: dependents[i]
    })
  );
  const order = graph2.order.flatMap((name3) => {
    const i = index.get(name3);
    return i !== void 0 && i < shown.length ? [i] : [];
  });
  return { nodes, edges, order };
}
var init_view = __esm({
  "src/pipeline/render/view.ts"() {
    "use strict";
  }
});

// src/pipeline/render/action-list.ts
function renderActionList(view, options = {}) {
  const shown = view.order.length;
  const why = options.reason === void 0 ? "" : ` and ${options.reason}`;
  const intro = `The job graph has ${count(shown, "action", "actions")}${why}; here it is as a list, in run order.`;
  const head = `${intro}

<details>
<summary>${count(shown, "action", "actions")}</summary>

`;
  const tail = "\n</details>\n";
  const items = [...view.order, ...view.nodes.flatMap((n, i) => n.inGraph ? [] : [i])];
  const lines = items.map((i) => {
    const node = view.nodes[i];
    const cls = node.class === null ? "" : ` (${node.class.replaceAll("_", " ")})`;
    const needs = node.needs.length === 0 ? "" : `: needs ${node.needs.map((j) => md(view.nodes[j].name)).join(", ")}`;
    return `- **${md(node.name)}**${cls}${needs}`;
  });
  const max = options.maxChars;
  const full = `${head}${lines.join("\n")}${tail}`;
  if (max === void 0 || full.length <= max) return full;
  let body = "";
  let kept = 0;
  const room = max - head.length - tail.length;
  for (const line of lines) {
    const more = `- \u2026 and ${count(lines.length - kept - 1, "more action", "more actions")}`;
    if (body.length + line.length + 1 + more.length + 1 > room) break;
    body += `${line}
`;
    kept++;
  }
  const result = `${head}${body}- \u2026 and ${count(lines.length - kept, "more action", "more actions")}${tail}`;
  if (result.length <= max) return result;
  return Array.from(`The job graph has ${count(shown, "action", "actions")}; too many to list here.`).slice(0, Math.max(0, max)).join("");
}
function md(name3) {
  return visibleName(name3).replace(/[&<>]|[!-/:-@[-`{-~]/g, (ch) => {
    if (ch === "&") return "&amp;";
    if (ch === "<") return "&lt;";
    if (ch === ">") return "&gt;";
    return `\\${ch}`;
  });
}
var init_action_list = __esm({
  "src/pipeline/render/action-list.ts"() {
    "use strict";
    init_counting();
    init_view();
    init_visible_name();
  }
});

// src/pipeline/render/node-classes.ts
var NODE_CLASSES, TEXT, NODE_STYLES;
var init_node_classes = __esm({
  "src/pipeline/render/node-classes.ts"() {
    "use strict";
    NODE_CLASSES = [
      // Job results, as the runner and the backend report them.
      "pending",
      "running",
      "succeeded",
      "failed",
      "dependency_failed",
      "skipped",
      "not_requested",
      // What a change did to an action, as the App reports it.
      "added",
      "changed",
      "affected",
      "removed"
    ];
    TEXT = "#1f2328";
    NODE_STYLES = {
      pending: { fill: "#fff8c5", stroke: "#bf8700", text: TEXT, dashed: false },
      running: { fill: "#ddf4ff", stroke: "#0969da", text: TEXT, dashed: false },
      succeeded: { fill: "#dafbe1", stroke: "#1a7f37", text: TEXT, dashed: false },
      failed: { fill: "#ffebe9", stroke: "#cf222e", text: TEXT, dashed: false },
      dependency_failed: { fill: "#fff1e5", stroke: "#bc4c00", text: TEXT, dashed: true },
      skipped: { fill: "#f6f8fa", stroke: "#8c959f", text: TEXT, dashed: true },
      not_requested: { fill: "#ffffff", stroke: "#d0d7de", text: "#59636e", dashed: true },
      added: { fill: "#dafbe1", stroke: "#1a7f37", text: TEXT, dashed: false },
      changed: { fill: "#fff8c5", stroke: "#9a6700", text: TEXT, dashed: false },
      affected: { fill: "#ddf4ff", stroke: "#0969da", text: TEXT, dashed: true },
      removed: { fill: "#ffebe9", stroke: "#cf222e", text: "#59636e", dashed: true }
    };
  }
});

// src/pipeline/render/dot.ts
function renderDot(pipeline2, graph2, options = {}) {
  const view = buildView(graph2, options);
  const lines = [
    "digraph pipeline {",
    `  rankdir=${options.direction ?? "LR"};`,
    '  node [shape=box, style="rounded", fontname="Helvetica"];'
  ];
  for (const node of view.nodes) {
    const attrs = [`label=${dotString(visibleName(node.name))}`];
    const run2 = pipeline2.actions.get(node.name)?.run.raw;
    if (node.inGraph && run2 !== void 0) attrs.push(`tooltip=${dotString(visibleName(run2))}`);
    if (node.class !== null) {
      const s = NODE_STYLES[node.class];
      attrs.push(
        `class=${dotString(node.class)}`,
        `style=${dotString(s.dashed ? "rounded,filled,dashed" : "rounded,filled")}`,
        `fillcolor=${dotString(s.fill)}`,
        `color=${dotString(s.stroke)}`,
        `fontcolor=${dotString(s.text)}`
      );
    }
    lines.push(`  ${node.id} [${attrs.join(", ")}];`);
  }
  for (const [from, to] of view.edges) lines.push(`  ${view.nodes[from].id} -> ${view.nodes[to].id};`);
  lines.push("}");
  return `${lines.join("\n")}
`;
}
function dotString(text) {
  return `"${text.replace(/["\\]/g, (ch) => `\\${ch}`)}"`;
}
var init_dot = __esm({
  "src/pipeline/render/dot.ts"() {
    "use strict";
    init_node_classes();
    init_view();
    init_visible_name();
  }
});

// src/pipeline/render/json.ts
function graphJson(pipeline2, graph2, options = {}) {
  const view = buildView(graph2, options);
  const name3 = (i) => view.nodes[i].name;
  return {
    actions: view.nodes.map((node) => ({
      name: node.name,
      run: node.inGraph ? pipeline2.actions.get(node.name)?.run.raw ?? null : null,
      needs: node.needs.map(name3),
      ...node.class === null ? {} : { class: node.class }
    })),
    edges: view.edges.map(([from, to]) => ({ from: name3(from), to: name3(to) })),
    order: view.order.map(name3)
  };
}
function renderJson(pipeline2, graph2, options = {}) {
  return `${JSON.stringify(graphJson(pipeline2, graph2, options), null, 2)}
`;
}
var init_json2 = __esm({
  "src/pipeline/render/json.ts"() {
    "use strict";
    init_view();
  }
});

// src/pipeline/render/mermaid.ts
function renderMermaid(_pipeline, graph2, options = {}) {
  const view = buildView(graph2, options);
  const maxEdges = options.maxEdges ?? MERMAID_MAX_EDGES;
  if (view.edges.length > maxEdges) {
    const reason = `${count(view.edges.length, "dependency", "dependencies")}, more than GitHub draws in a diagram (${maxEdges})`;
    return renderActionList(view, { reason, maxChars: options.maxChars });
  }
  const diagram = mermaidDiagram(view, options);
  const maxTextSize = options.maxTextSize ?? MERMAID_MAX_TEXT_SIZE;
  if (diagram.length > maxTextSize) {
    const reason = `a diagram of ${diagram.length} characters, more than GitHub draws (${maxTextSize})`;
    return renderActionList(view, { reason, maxChars: options.maxChars });
  }
  const fenced = `\`\`\`mermaid
${diagram}\`\`\`
`;
  if (options.maxChars !== void 0 && fenced.length > options.maxChars) {
    const reason = `a diagram longer than the ${options.maxChars} characters there is room for`;
    return renderActionList(view, { reason, maxChars: options.maxChars });
  }
  return fenced;
}
function mermaidDiagram(view, options = {}) {
  const maxLabel = options.maxLabelLength ?? 80;
  const lines = [`flowchart ${options.direction ?? "LR"}`];
  for (const node of view.nodes) lines.push(`  ${node.id}["${mermaidLabel(node.name, maxLabel)}"]`);
  for (const [from, to] of view.edges) lines.push(`  ${view.nodes[from].id} --> ${view.nodes[to].id}`);
  const byClass = /* @__PURE__ */ new Map();
  for (const node of view.nodes) {
    if (node.class === null) continue;
    const ids = byClass.get(node.class) ?? [];
    ids.push(node.id);
    byClass.set(node.class, ids);
  }
  for (const cls of NODE_CLASSES) {
    const ids = byClass.get(cls);
    if (ids === void 0) continue;
    const s = NODE_STYLES[cls];
    const dash = s.dashed ? ",stroke-dasharray:4 3" : "";
    lines.push(`  classDef ${cls} fill:${s.fill},stroke:${s.stroke},color:${s.text}${dash}`);
    lines.push(`  class ${ids.join(",")} ${cls}`);
  }
  return `${lines.join("\n")}
`;
}
function mermaidLabel(name3, maxLength = 80) {
  let out = "";
  for (const ch of truncate(visibleName(name3), maxLength)) {
    out += LABEL_SAFE.test(ch) ? ch : `#${ch.codePointAt(0)};`;
  }
  return out;
}
var MERMAID_MAX_EDGES, MERMAID_MAX_TEXT_SIZE, LABEL_SAFE;
var init_mermaid = __esm({
  "src/pipeline/render/mermaid.ts"() {
    "use strict";
    init_counting();
    init_action_list();
    init_node_classes();
    init_view();
    init_visible_name();
    MERMAID_MAX_EDGES = 500;
    MERMAID_MAX_TEXT_SIZE = 5e4;
    LABEL_SAFE = /^[\p{L}\p{M}\p{N} _.,/+=!?()'…-]$/u;
  }
});

// src/pipeline/render/text.ts
function renderText(_pipeline, graph2, options = {}) {
  const view = buildView(graph2, options);
  const lines = [];
  const written = /* @__PURE__ */ new Set();
  const label = (i) => {
    const node = view.nodes[i];
    return node.class === null ? textName(node.name) : `${textName(node.name)} [${node.class}]`;
  };
  const ready = (i) => view.nodes[i].needs.every((j) => written.has(j));
  const writeTree = (root) => {
    written.add(root);
    lines.push(label(root));
    const stack = [{ node: root, prefix: "", depth: 0, next: 0 }];
    while (stack.length > 0) {
      const frame = stack[stack.length - 1];
      const children = view.nodes[frame.node].dependents;
      if (frame.next >= children.length) {
        stack.pop();
        continue;
      }
      const child = children[frame.next++];
      const last = frame.next === children.length;
      const depth = frame.depth + 1;
      const branch = `${frame.prefix}${last ? "\u2514\u2500\u2500 " : "\u251C\u2500\u2500 "}${depth > MAX_INDENT ? `(depth ${depth}) ` : ""}`;
      if (written.has(child)) {
        lines.push(`${branch}${label(child)} (see above)`);
      } else if (!ready(child)) {
        lines.push(`${branch}${label(child)} (see below)`);
      } else {
        written.add(child);
        lines.push(`${branch}${label(child)}`);
        const prefix = depth < MAX_INDENT ? `${frame.prefix}${last ? "    " : "\u2502   "}` : frame.prefix;
        stack.push({ node: child, prefix, depth, next: 0 });
      }
    }
  };
  for (const i of rootsFirst(view)) if (!written.has(i)) writeTree(i);
  return lines.length === 0 ? "" : `${lines.join("\n")}
`;
}
function rootsFirst(view) {
  const roots = [];
  const rest = [];
  view.nodes.forEach((node, i) => {
    (node.needs.length === 0 ? roots : rest).push(i);
  });
  return [...roots, ...rest];
}
function textName(name3) {
  if (PLAIN.test(name3) && !MARKER.test(name3)) return name3;
  return JSON.stringify(name3).replace(
    INVISIBLE2,
    (ch) => ch.split("").map((unit) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, "0")}`).join("")
  );
}
var MAX_INDENT, INVISIBLE2, MARKER, PLAIN;
var init_text = __esm({
  "src/pipeline/render/text.ts"() {
    "use strict";
    init_view();
    MAX_INDENT = 32;
    INVISIBLE2 = /[\p{C}\p{Zl}\p{Zp}]/gu;
    MARKER = /^\(depth \d|\(see (above|below)\)|\[[^\]]*\]$/;
    PLAIN = /^(?!["\s])[^\p{C}\p{Zl}\p{Zp}\u2500-\u257f]+(?<!\s)$/u;
  }
});

// src/pipeline/render/index.ts
var GRAPH_FORMATS, RENDERERS;
var init_render = __esm({
  "src/pipeline/render/index.ts"() {
    "use strict";
    init_action_list();
    init_dot();
    init_json2();
    init_mermaid();
    init_node_classes();
    init_text();
    init_view();
    init_dot();
    init_json2();
    init_mermaid();
    init_text();
    GRAPH_FORMATS = ["mermaid", "dot", "json", "text"];
    RENDERERS = { mermaid: renderMermaid, dot: renderDot, json: renderJson, text: renderText };
  }
});

// src/pipeline/index.ts
var init_pipeline = __esm({
  "src/pipeline/index.ts"() {
    "use strict";
    init_counting();
    init_format();
    init_graph();
    init_load_pipeline();
    init_model();
    init_render();
    init_output_pattern();
  }
});

// src/cli/project-file.ts
import { readFileSync, statSync } from "node:fs";
import path from "node:path";
async function readProjectFile(input, cwd = process.cwd()) {
  const resolved = path.resolve(cwd, input);
  const found = statOrError(resolved);
  if (found instanceof Error) return { ok: false, message: describe(input, found) };
  let file = resolved;
  let display = slashes(path.normalize(input));
  if (found.isDirectory()) {
    file = path.join(resolved, PROJECT_FILE);
    display = slashes(path.join(input, PROJECT_FILE));
    const inner = statOrError(file);
    if (inner instanceof Error && (inner.code === "ENOENT" || inner.code === "ENOTDIR")) {
      return { ok: false, message: `${slashes(input)}: no ${PROJECT_FILE} in this folder` };
    }
  }
  try {
    return { ok: true, display, bytes: readFileSync(file) };
  } catch (error) {
    return { ok: false, message: describe(display, error) };
  }
}
function statOrError(file) {
  try {
    return statSync(file);
  } catch (error) {
    return error;
  }
}
function describe(shown, error) {
  switch (error.code) {
    case "ENOENT":
    case "ENOTDIR":
      return `${slashes(shown)}: no such file or folder`;
    case "EISDIR":
      return `${slashes(shown)}: is a folder, not a file`;
    case "EACCES":
    case "EPERM":
      return `${slashes(shown)}: permission denied`;
    default:
      return `${slashes(shown)}: cannot read (${error.code ?? error.message})`;
  }
}
function slashes(p) {
  return p.split(path.sep).join("/");
}
function workspacePath(display, workspace, cwd = process.cwd()) {
  const absolute = path.resolve(cwd, display);
  const relative2 = path.relative(workspace, absolute);
  if (relative2 === "" || relative2.startsWith("..") || path.isAbsolute(relative2)) return display;
  return slashes(relative2);
}
var PROJECT_FILE;
var init_project_file = __esm({
  "src/cli/project-file.ts"() {
    "use strict";
    PROJECT_FILE = "project.yaml";
  }
});

// src/cli/write-output.ts
function writeStdout(text) {
  if (quiet || text === "") return;
  if (process.stdout.listenerCount("error") === 0) {
    process.stdout.on("error", (error) => {
      if (error.code !== "EPIPE") throw error;
      quiet = true;
    });
  }
  process.stdout.write(text);
}
function writeStderr(text) {
  if (text !== "") process.stderr.write(text);
}
var quiet;
var init_write_output = __esm({
  "src/cli/write-output.ts"() {
    "use strict";
    quiet = false;
  }
});

// src/cli/commands/check.ts
var check_exports = {};
__export(check_exports, {
  check: () => check,
  registerCheck: () => registerCheck
});
function registerCheck(program2) {
  program2.command("check").description("Validate project.yaml and report every error at once, with its line and column.").argument("[path]", "a folder holding project.yaml, or a YAML file", ".").addOption(
    new Option("--format <format>", "text: FILE:LINE:COL lines; json: one object; github: annotations").choices(ISSUE_FORMATS).default("text")
  ).action(async (path2, options) => {
    process.exitCode = await check(path2, options.format);
  });
}
async function check(input, format) {
  const project = await readProjectFile(input);
  if (!project.ok) {
    writeStderr(`trestle check: ${project.message}
`);
    return EXIT_USAGE;
  }
  const result = loadPipeline(project.bytes);
  const file = format === "github" ? workspacePath(project.display, process.env.GITHUB_WORKSPACE || process.cwd()) : project.display;
  writeStdout(formatIssues(result, { file, format }));
  if (format !== "json") writeStderr(`${formatVerdict(result, project.display)}
`);
  return result.valid ? EXIT_OK : EXIT_FAILED;
}
var init_check = __esm({
  "src/cli/commands/check.ts"() {
    "use strict";
    init_esm();
    init_pipeline();
    init_exit_codes();
    init_project_file();
    init_write_output();
  }
});

// src/cli/commands/graph.ts
var graph_exports = {};
__export(graph_exports, {
  graph: () => graph,
  registerGraph: () => registerGraph
});
function registerGraph(program2) {
  program2.command("graph").description("Print the job graph of project.yaml.").argument("[path]", "a folder holding project.yaml, or a YAML file", ".").addOption(
    new Option(
      "--format <format>",
      "mermaid: Markdown for GitHub; dot: Graphviz; json: for tools; text: a tree for the terminal"
    ).choices(GRAPH_FORMATS).default("mermaid")
  ).action(async (path2, options) => {
    process.exitCode = await graph(path2, options.format);
  });
}
async function graph(input, format) {
  const project = await readProjectFile(input);
  if (!project.ok) {
    writeStderr(`trestle graph: ${project.message}
`);
    return EXIT_USAGE;
  }
  const result = loadPipeline(project.bytes);
  writeStderr(formatIssues(result, { file: project.display, format: "text" }));
  if (result.pipeline === null || !result.valid) {
    writeStderr(`${formatVerdict(result, project.display)}
`);
    return EXIT_FAILED;
  }
  writeStdout(RENDERERS[format](result.pipeline, buildGraph(result.pipeline)));
  return EXIT_OK;
}
var init_graph2 = __esm({
  "src/cli/commands/graph.ts"() {
    "use strict";
    init_esm();
    init_pipeline();
    init_exit_codes();
    init_project_file();
    init_write_output();
  }
});

// src/runner/limits.ts
function parseDuration(text) {
  const match = DURATION.exec(text.trim());
  if (!match) return null;
  const ms = Math.round(Number(match[1]) * DURATION_MS[match[2] ?? "s"]);
  return Number.isFinite(ms) && ms > 0 ? ms : null;
}
function parseMemory(text) {
  const match = MEMORY.exec(text.trim());
  if (!match) return null;
  const bytes = Math.floor(Number(match[1]) * MEMORY_BYTES[(match[2] ?? "b").toLowerCase()]);
  return Number.isFinite(bytes) && bytes >= 6 * 1024 ** 2 ? bytes : null;
}
function formatMemory(bytes) {
  if (bytes % GIB === 0) return `${bytes / GIB}G`;
  if (bytes % 1024 ** 2 === 0) return `${bytes / 1024 ** 2}M`;
  return `${bytes}b`;
}
function formatGigabytes(bytes) {
  return `${(bytes / GIB).toFixed(2)}GB`;
}
function formatDuration(ms) {
  if (ms % 36e5 === 0) return `${ms / 36e5}h`;
  if (ms % 6e4 === 0) return `${ms / 6e4}m`;
  if (ms % 1e3 === 0) return `${ms / 1e3}s`;
  return `${ms}ms`;
}
var GIB, DEFAULT_LIMITS, DURATION, DURATION_MS, MEMORY, MEMORY_BYTES;
var init_limits = __esm({
  "src/runner/limits.ts"() {
    "use strict";
    GIB = 1024 ** 3;
    DEFAULT_LIMITS = Object.freeze({
      timeoutMs: 60 * 60 * 1e3,
      memoryBytes: 4 * GIB,
      cpus: 2
    });
    DURATION = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/;
    DURATION_MS = { ms: 1, s: 1e3, m: 6e4, h: 36e5 };
    MEMORY = /^(\d+(?:\.\d+)?)([bkmg])?$/i;
    MEMORY_BYTES = { b: 1, k: 1024, m: 1024 ** 2, g: GIB };
  }
});

// src/runner/patterns.ts
function outputSpec(outputs) {
  const byPattern = /* @__PURE__ */ new Map();
  for (const privacy of ["highly_sensitive", "moderately_sensitive", "minimally_sensitive"]) {
    for (const pattern of Object.values(outputs[privacy] ?? {})) byPattern.set(pattern, privacy);
  }
  return [...byPattern].map(([pattern, privacy]) => ({ pattern, privacy }));
}
function unsafePattern(pattern) {
  if (pattern === "") return "the pattern is empty";
  if (pattern.includes("\0")) return "the pattern contains a NUL character";
  if (pattern.includes("\\")) return "the pattern contains a backslash";
  if (pattern.startsWith("/") || /^[A-Za-z]:/.test(pattern)) return "the pattern is an absolute path";
  const parts = pattern.split("/");
  if (parts.some((p) => p === ".." || p === "." || p === ""))
    return "the pattern is not a normalised path inside the workspace";
  if (parts[0] === "metadata") return "the pattern points into metadata/";
  return null;
}
function compile(pattern) {
  let compiled = cache.get(pattern);
  if (compiled === void 0) {
    compiled = pattern.includes("*") ? new RegExp(`^${pattern.split("*").map(escapeRegExp).join("[^/]*")}$`) : pattern;
    if (cache.size > 1e4) cache.clear();
    cache.set(pattern, compiled);
  }
  return compiled;
}
function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
function matchesPattern(pattern, path2) {
  const compiled = compile(pattern);
  return typeof compiled === "string" ? compiled === path2 : compiled.test(path2);
}
function patternMatcher(patterns) {
  const literals = /* @__PURE__ */ new Set();
  const wildcards = [];
  for (const p of patterns) {
    const compiled = compile(p);
    if (typeof compiled === "string") literals.add(compiled);
    else wildcards.push(compiled);
  }
  return (path2) => literals.has(path2) || wildcards.some((re) => re.test(path2));
}
function allOutputPatterns(actions) {
  const patterns = /* @__PURE__ */ new Set();
  for (const action of actions) for (const spec of outputSpec(action.outputs)) patterns.add(spec.pattern);
  return [...patterns];
}
var cache;
var init_patterns = __esm({
  "src/runner/patterns.ts"() {
    "use strict";
    cache = /* @__PURE__ */ new Map();
  }
});

// src/runner/fs-util.ts
import { randomBytes } from "node:crypto";
import { lstat, mkdir, readdir, realpath, rename, rm, writeFile } from "node:fs/promises";
import { dirname, isAbsolute as isAbsolute2, join, relative, sep } from "node:path";
async function writeFileAtomic(path2, content) {
  const temp = `${path2}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
  try {
    try {
      await writeFile(temp, content);
    } catch (error) {
      if (error.code !== "ENOENT") throw error;
      await mkdir(dirname(path2), { recursive: true });
      await writeFile(temp, content);
    }
    await rename(temp, path2);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}
function isInside(root, child) {
  const rel = relative(root, child);
  return rel === "" || !rel.startsWith(`..${sep}`) && rel !== ".." && !isAbsolute2(rel);
}
async function walk(root, skip = () => false) {
  const entries = [];
  const stack = [""];
  while (stack.length > 0) {
    const dir = stack.pop();
    let children;
    try {
      children = await readdir(join(root, dir), { withFileTypes: true });
    } catch {
      continue;
    }
    for (const child of children) {
      const path2 = dir === "" ? child.name : `${dir}/${child.name}`;
      const kind = child.isSymbolicLink() ? "symlink" : child.isDirectory() ? "dir" : child.isFile() ? "file" : "other";
      if (skip(path2, kind)) continue;
      entries.push({ path: path2, kind });
      if (kind === "dir") stack.push(path2);
    }
  }
  return entries;
}
async function safeTarget(root, rel) {
  const target = join(root, rel);
  if (!isInside(root, target)) return null;
  await mkdir(dirname(target), { recursive: true });
  const realRoot = await realpath(root);
  const realParent = await realpath(dirname(target));
  if (!isInside(realRoot, realParent)) return null;
  try {
    if ((await lstat(target)).isSymbolicLink()) return null;
  } catch {
  }
  return target;
}
var init_fs_util = __esm({
  "src/runner/fs-util.ts"() {
    "use strict";
  }
});

// src/runner/executors/builtin/args.ts
import { realpath as realpath2 } from "node:fs/promises";
import { dirname as dirname2, isAbsolute as isAbsolute3, join as join2, normalize } from "node:path";
function parseArgs(words, valueOptions) {
  const positional = [];
  const options = /* @__PURE__ */ new Map();
  const flags = /* @__PURE__ */ new Set();
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    if (word === "--") return { positional, options, flags, rest: words.slice(i + 1) };
    if (word.startsWith("--")) {
      const eq = word.indexOf("=");
      const name3 = eq >= 0 ? word.slice(0, eq) : word;
      if (valueOptions.includes(name3)) {
        const value = eq >= 0 ? word.slice(eq + 1) : words[++i];
        if (value === void 0) throw new ToolError(`error: argument ${name3}: expected one argument`, 2);
        options.set(name3, value);
      } else flags.add(name3);
    } else positional.push(word);
  }
  return { positional, options, flags, rest: [] };
}
async function workspacePath2(workDir, path2) {
  const inner = path2.startsWith("/workspace/") ? path2.slice("/workspace/".length) : path2;
  if (isAbsolute3(inner)) throw new ToolError(`${path2}: paths must be inside the workspace`);
  const target = normalize(join2(workDir, inner));
  if (!isInside(workDir, target)) throw new ToolError(`${path2}: paths must be inside the workspace`);
  const root = await realpath2(workDir);
  const parent = await realpath2(dirname2(target)).catch(() => null);
  if (parent !== null && !isInside(root, parent))
    throw new ToolError(`${path2}: paths must be inside the workspace`);
  return target;
}
function suffixes(path2) {
  const name3 = path2.slice(path2.lastIndexOf("/") + 1);
  if (name3.endsWith(".")) return [];
  return name3.replace(/^\.+/, "").split(".").slice(1).map((s) => `.${s}`);
}
var ToolError;
var init_args = __esm({
  "src/runner/executors/builtin/args.ts"() {
    "use strict";
    init_fs_util();
    ToolError = class extends Error {
      constructor(message, exitCode = 1) {
        super(message);
        this.exitCode = exitCode;
      }
      exitCode;
    };
  }
});

// src/runner/executors/builtin/cohortextractor.ts
import { copyFile, mkdir as mkdir2, readdir as readdir2, readFile as readFile2 } from "node:fs/promises";
import { dirname as dirname3, extname, join as join3 } from "node:path";
function cohortextractorWords(action, populationSize) {
  const words = action.jobArgs.slice(1);
  if (words[0] !== "generate_cohort") return words;
  if (action.dummyDataFile !== null)
    words.push(`--dummy-data-file=${action.dummyDataFile.replace(/\\/g, "/")}`);
  else words.push(`--expectations-population=${populationSize ?? 1e3}`);
  const dirs = new Set(outputSpec(action.outputs).map((o) => dirname3(o.pattern)));
  if (dirs.size === 1) words.push(`--output-dir=${[...dirs][0]}`);
  return words;
}
function cohortextractorUnsupported(action) {
  if (action.jobArgs[1] !== "generate_cohort")
    return `cohortextractor ${action.jobArgs[1] ?? ""} runs only in the cohortextractor image`;
  if (action.dummyDataFile === null) {
    return "cohortextractor without dummy_data_file generates dummy data from expectations, which only the cohortextractor image can do";
  }
  return null;
}
async function runCohortextractor(words, workDir) {
  const args = parseArgs(words.slice(1), [
    "--dummy-data-file",
    "--output-dir",
    "--output-format",
    "--study-definition",
    "--index-date-range",
    "--expectations-population"
  ]);
  const dummy = args.options.get("--dummy-data-file");
  if (dummy === void 0) throw new ToolError("cohortextractor needs a dummy data file here");
  const ext = FORMATS[args.options.get("--output-format") ?? "csv"];
  if (ext === void 0)
    throw new ToolError(`unknown --output-format ${args.options.get("--output-format")}`, 2);
  const dummyExt = dummy.endsWith(".gz") ? `${extname(dummy.slice(0, -3))}.gz` : extname(dummy);
  if (dummyExt !== ext)
    throw new ToolError(
      `Dummy data file does not have the same file extension as the output format: ${dummy} (${ext})`
    );
  const analysis = await workspacePath2(workDir, "analysis");
  const studies = args.options.has("--study-definition") ? [args.options.get("--study-definition")] : (await readdir2(analysis).catch(() => [])).filter((n) => /^study_definition.*\.py$/.test(n)).map((n) => n.slice(0, -3)).sort();
  if (studies.length === 0) throw new ToolError("No study definitions found");
  const outDir = await workspacePath2(workDir, args.options.get("--output-dir") ?? "output");
  const source = await workspacePath2(workDir, dummy);
  for (const study of studies) {
    await readFile2(join3(analysis, `${study}.py`)).catch(() => {
      throw new ToolError(`No study definition found at analysis/${study}.py`);
    });
    await mkdir2(outDir, { recursive: true });
    await copyFile(source, join3(outDir, `${study.replace("study_definition", "input")}${ext}`)).catch(
      (error) => {
        throw new ToolError(`could not copy ${dummy}: ${error.message}`);
      }
    );
  }
}
var FORMATS;
var init_cohortextractor = __esm({
  "src/runner/executors/builtin/cohortextractor.ts"() {
    "use strict";
    init_patterns();
    init_args();
    FORMATS = {
      csv: ".csv",
      "csv.gz": ".csv.gz",
      feather: ".feather",
      dta: ".dta",
      "dta.gz": ".dta.gz"
    };
  }
});

// src/runner/executors/docker-cli.ts
import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
function spawnDocker(binary2 = "docker") {
  return (args, options = {}) => new Promise((resolve4) => {
    const child = spawn(binary2, [...args], {
      env: { ...process.env, ...options.env },
      stdio: ["ignore", "pipe", "pipe"],
      signal: options.signal,
      timeout: options.timeoutMs
    });
    let stdout = "";
    let stderr = "";
    const onLine = options.onLine;
    if (onLine) {
      createInterface({ input: child.stdout }).on("line", (l) => onLine(l, "stdout"));
      createInterface({ input: child.stderr }).on("line", (l) => onLine(l, "stderr"));
    } else {
      child.stdout.on("data", (d) => {
        if (stdout.length < 1e6) stdout += d.toString();
      });
      child.stderr.on("data", (d) => {
        if (stderr.length < 1e6) stderr += d.toString();
      });
    }
    child.on("error", (error) => {
      stderr += error.message;
    });
    child.on("close", (code3) => resolve4({ exitCode: code3 ?? 1, stdout, stderr }));
  });
}
var init_docker_cli = __esm({
  "src/runner/executors/docker-cli.ts"() {
    "use strict";
  }
});

// src/runner/executors/docker.ts
function dockerImage(image, tag, registry = DEFAULT_REGISTRY) {
  return `${registry}/${image}:${tag}`;
}
function defaultUser() {
  if (process.platform !== "linux" || !process.getuid || !process.getgid) return null;
  return `${process.getuid()}:${process.getgid()}`;
}
function createDockerExecutor(options = {}) {
  const docker = options.docker ?? spawnDocker();
  const hostEnv = options.hostEnv ?? process.env;
  const registry = options.registry ?? hostEnv.DOCKER_REGISTRY ?? DEFAULT_REGISTRY;
  const runLabel = options.runLabel ?? `job-runner-local-${Math.random().toString(16).slice(2, 10).padEnd(8, "0")}`;
  const user = options.user === void 0 ? defaultUser() : options.user;
  const imageOf = (action) => dockerImage(action.run.image, action.run.tag, registry);
  return {
    name: "docker",
    runLabel,
    unsupported(action, _pipeline) {
      const image = action.run.image;
      if (!ALLOWED_IMAGES.includes(image)) {
        return `${image} is a reusable action (opensafely-actions/${image}); Trestle runs only the platform's own images, so run it with \`opensafely run\``;
      }
      if (image === "stata-mp" && !hostEnv.STATA_LICENSE) {
        return "stata-mp actions need a Stata licence: set the STATA_LICENSE environment variable";
      }
      return null;
    },
    async prepare(actions, signal) {
      for (const image of new Set(actions.filter((a) => ALLOWED_IMAGES.includes(a.run.image)).map(imageOf))) {
        const inspect = await docker(["image", "inspect", "--format", "ok", image], { signal });
        if (inspect.exitCode === 0) continue;
        const pull = await docker(["pull", "--quiet", image], { signal });
        if (pull.exitCode !== 0)
          return `Failed with error: docker pull ${image}: ${pull.stderr.trim() || `exit code ${pull.exitCode}`}`;
      }
      return null;
    },
    async run(job, io) {
      const name3 = `os-job-${job.jobId}`;
      const env = { ...job.env };
      if (job.action.run.image === "stata-mp" && hostEnv.STATA_LICENSE)
        env.STATA_LICENSE = hostEnv.STATA_LICENSE;
      const words = job.action.run.image === "cohortextractor" ? cohortextractorWords(job.action, job.populationSize) : job.action.jobArgs.slice(1);
      const args = [
        "run",
        "--init",
        "--detach",
        "--label",
        runLabel,
        "--name",
        name3,
        "--network",
        "none",
        "--mount",
        `type=bind,source=${job.workDir},target=/workspace`,
        "--label",
        LABEL,
        "--label",
        `workspace=${job.workspaceName}`,
        "--label",
        `action=${job.action.id}`,
        "--cpus",
        String(job.limits.cpus),
        "--memory",
        formatMemory(job.limits.memoryBytes),
        ...user ? ["--user", user, "--env", "HOME=/tmp"] : [],
        // Values come from the client's environment, so they never appear on a command line.
        ...Object.keys(env).flatMap((key) => ["--env", key]),
        imageOf(job.action),
        ...words
      ];
      try {
        const started = await docker(args, { env });
        if (started.exitCode !== 0)
          throw new Error(`Failed to start docker container: ${started.stderr.trim()}`);
        const kill = () => void docker(["kill", name3]);
        io.signal.addEventListener("abort", kill, { once: true });
        if (io.signal.aborted) kill();
        try {
          const [waited] = await Promise.all([
            docker(["wait", name3]),
            docker(["logs", "--follow", name3], { onLine: io.onLine })
          ]);
          const inspect = await docker([
            "container",
            "inspect",
            "--format",
            "{{.State.OOMKilled}} {{.Image}}",
            name3
          ]);
          const [oom, imageId] = inspect.stdout.trim().split(" ");
          const exitCode = Number.parseInt(waited.stdout.trim(), 10);
          if (!Number.isInteger(exitCode))
            throw new Error(`docker wait ${name3} failed: ${waited.stderr.trim()}`);
          const outOfMemory = exitCode === 137 && oom === "true";
          const detail = exitCode === 137 && !io.signal.aborted ? outOfMemory ? `Job ran out of memory (limit was ${formatGigabytes(job.limits.memoryBytes)})` : "Job killed by OpenSAFELY admin or memory limits" : null;
          return {
            exitCode,
            killed: outOfMemory ? "memory" : null,
            detail,
            imageId: imageId ?? null
          };
        } finally {
          io.signal.removeEventListener("abort", kill);
        }
      } finally {
        await docker(["container", "rm", "--force", name3]);
      }
    }
  };
}
var DEFAULT_REGISTRY, ALLOWED_IMAGES, LABEL;
var init_docker = __esm({
  "src/runner/executors/docker.ts"() {
    "use strict";
    init_limits();
    init_cohortextractor();
    init_docker_cli();
    DEFAULT_REGISTRY = "ghcr.io/opensafely-core";
    ALLOWED_IMAGES = [
      "cohortextractor",
      "databuilder",
      "ehrql",
      "stata-mp",
      "r",
      "jupyter",
      "python",
      "sqlrunner"
    ];
    LABEL = "jobrunner-local";
  }
});

// src/runner/csv.ts
function parseCsv(text) {
  const records = [];
  let record2 = [];
  let field = "";
  let quoted = false;
  let fieldStarted = false;
  const endRecord = () => {
    if (fieldStarted || record2.length > 0) {
      record2.push(field);
      records.push(record2);
    }
    record2 = [];
    field = "";
    fieldStarted = false;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += c;
      continue;
    }
    if (c === '"' && field === "") {
      quoted = true;
      fieldStarted = true;
    } else if (c === ",") {
      record2.push(field);
      field = "";
      fieldStarted = true;
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      endRecord();
    } else {
      field += c;
      fieldStarted = true;
    }
  }
  endRecord();
  return records;
}
function csvField(value) {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
function formatCsv(records) {
  return records.map((r) => `${r.length === 1 && r[0] === "" ? '""' : r.map(csvField).join(",")}\r
`).join("");
}
var init_csv = __esm({
  "src/runner/csv.ts"() {
    "use strict";
  }
});

// src/runner/executors/builtin/csv-files.ts
import { mkdir as mkdir3, readFile as readFile3, writeFile as writeFile2 } from "node:fs/promises";
import { dirname as dirname4 } from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
function isGzipCsv(path2) {
  const s = suffixes(path2);
  return s.length === 2 && s[0] === ".csv" && s[1] === ".gz";
}
async function readCsvFile(path2) {
  const bytes = await readFile3(path2);
  return parseCsv((isGzipCsv(path2) ? gunzipSync(bytes) : bytes).toString("utf8"));
}
async function writeCsvFile(path2, records) {
  await mkdir3(dirname4(path2), { recursive: true });
  const bytes = Buffer.from(formatCsv(records), "utf8");
  await writeFile2(path2, isGzipCsv(path2) ? gzipSync(bytes, { level: 6 }) : bytes);
}
function rectangular(records) {
  const [header2, ...rows] = records;
  if (!header2 || rows.length === 0) return [];
  return [header2.slice(), ...rows.map((row2) => header2.map((_, i) => row2[i] ?? ""))];
}
var init_csv_files = __esm({
  "src/runner/executors/builtin/csv-files.ts"() {
    "use strict";
    init_csv();
    init_args();
  }
});

// src/runner/executors/builtin/ehrql.ts
import { access, readFile as readFile4 } from "node:fs/promises";
function ehrqlUnsupported(words) {
  const [command, ...rest] = words;
  if (command === void 0 || !COMMANDS.has(command)) {
    return `ehrql ${command ?? ""} runs only in the ehrql image`.replace("  ", " ");
  }
  let args;
  try {
    args = parseArgs(rest, VALUE_OPTIONS);
  } catch (error) {
    return error.message;
  }
  const dummy = args.options.get("--dummy-data-file");
  const output2 = args.options.get("--output");
  if (dummy === void 0)
    return "ehrql without --dummy-data-file generates dummy data, which only the ehrql image can do";
  if (args.options.has("--dummy-tables"))
    return "ehrql --dummy-tables queries dummy tables, which only the ehrql image can do";
  if (args.options.has("--test-data-file"))
    return "ehrql --test-data-file runs assurance tests, which only the ehrql image can do";
  if (output2 === void 0) return null;
  if (!isCsv(dummy) || !isCsv(output2) || output2.includes(":")) {
    return "ehrql dummy-data conversion to or from formats other than .csv and .csv.gz needs the ehrql image";
  }
  return null;
}
async function runEhrql(words, workDir) {
  const args = parseArgs(words.slice(1), VALUE_OPTIONS);
  const definition = args.positional[0];
  const output2 = args.options.get("--output");
  const dummy = args.options.get("--dummy-data-file");
  if (definition === void 0)
    throw new ToolError("error: the following arguments are required: definition_file", 2);
  if (output2 === void 0) throw new ToolError("error: the following arguments are required: --output", 2);
  await readFile4(await workspacePath2(workDir, definition)).catch(() => {
    throw new ToolError(`FileNotFoundError: ${definition} does not exist`);
  });
  const source = await workspacePath2(workDir, dummy);
  await access(source).catch(() => {
    throw new ToolError(`FileNotFoundError: ${dummy} does not exist`);
  });
  const all = await readCsvFile(source);
  await writeCsvFile(
    await workspacePath2(workDir, output2),
    all.length > 1 ? rectangular(all) : all.slice(0, 1)
  );
}
var COMMANDS, VALUE_OPTIONS, isCsv;
var init_ehrql = __esm({
  "src/runner/executors/builtin/ehrql.ts"() {
    "use strict";
    init_args();
    init_csv_files();
    COMMANDS = /* @__PURE__ */ new Set(["generate-dataset", "generate_dataset", "generate-measures", "generate_measures"]);
    VALUE_OPTIONS = [
      "--output",
      "--dummy-data-file",
      "--dummy-tables",
      "--test-data-file",
      "--dsn",
      "--query-engine",
      "--backend"
    ];
    isCsv = (path2) => path2.endsWith(".csv") || isGzipCsv(path2);
  }
});

// src/runner/executors/builtin/sql-columns.ts
function stripComments(sql) {
  let out = "";
  for (let i = 0; i < sql.length; i++) {
    const c = sql[i];
    if (c === "'" || c === '"' || c === "[") {
      const close2 = c === "[" ? "]" : c;
      let j = i + 1;
      while (j < sql.length && !(sql[j] === close2 && sql[j + 1] !== close2)) j += sql[j] === close2 ? 2 : 1;
      out += sql.slice(i, j + 1);
      i = j;
    } else if (c === "-" && sql[i + 1] === "-") {
      while (i < sql.length && sql[i] !== "\n") i++;
      out += "\n";
    } else if (c === "/" && sql[i + 1] === "*") {
      const end = sql.indexOf("*/", i + 2);
      i = end < 0 ? sql.length : end + 1;
      out += " ";
    } else out += c;
  }
  return out;
}
function tokenize(sql) {
  const tokens = [];
  let depth = 0;
  const re = /\s+|'(?:[^']|'')*'|"(?:[^"]|"")*"|\[(?:[^\]]|\]\])*\]|[A-Za-z_@#][\w@#$]*|\d+(?:\.\d+)?|<>|!=|>=|<=|[(),;.*=+\-/%<>]|\S/gy;
  let match = re.exec(sql);
  while (match !== null) {
    const text = match[0];
    if (!/^\s+$/.test(text)) {
      if (text === ")") depth--;
      tokens.push({ text, depth, start: match.index });
      if (text === "(") depth++;
    }
    match = re.exec(sql);
  }
  return tokens;
}
function unquote(name3) {
  if (name3.startsWith("[") && name3.endsWith("]")) return name3.slice(1, -1).replace(/\]\]/g, "]");
  if ((name3.startsWith('"') || name3.startsWith("'")) && name3.endsWith(name3[0])) return name3.slice(1, -1);
  return name3;
}
function columnName(item, position) {
  const words = item.map((t) => t.text);
  if (words.length === 0) throw new ToolError("the query has an empty select item");
  if (words.length > 2 && isName(words[0]) && words[1] === "=") return unquote(words[0]);
  const last = words[words.length - 1];
  const before = words[words.length - 2];
  if (before !== void 0 && before.toLowerCase() === "as") return unquote(last);
  if (last === "*")
    throw new ToolError("Headers can only be generated for queries with explicit column names");
  if (words.every((w, i) => i % 2 === 0 ? isName(w) : w === ".")) return unquote(last);
  if (before !== void 0 && (isName(last) || last.startsWith("'")) && !NOT_ALIASES.has(last.toLowerCase())) {
    if (before === ")" || isName(before) || /^\d/.test(before) || before.startsWith("'"))
      return unquote(last);
  }
  return `_col_${position}`;
}
function queryColumns(sql) {
  const tokens = tokenize(stripComments(sql));
  const statements = [[]];
  for (const t of tokens) {
    if (t.text === ";" && t.depth === 0) statements.push([]);
    else statements[statements.length - 1].push(t);
  }
  const last = statements.filter((s) => s.length > 0).pop();
  if (!last) throw new ToolError("the query has no statements");
  const base = last[0].depth;
  const select = last.findIndex((t) => t.depth === base && t.text.toLowerCase() === "select");
  if (select < 0) throw new ToolError("Headers can only be generated for queries with explicit column names");
  let i = select + 1;
  const modifier = () => last[i]?.text.toLowerCase();
  if (modifier() === "distinct" || modifier() === "all") i++;
  if (modifier() === "top") {
    i++;
    if (last[i]?.text === "(") {
      while (i < last.length && !(last[i].text === ")" && last[i].depth === base)) i++;
    }
    i++;
    if (modifier() === "percent") i++;
    if (modifier() === "with" && last[i + 1]?.text.toLowerCase() === "ties") i += 2;
  }
  const items = [[]];
  for (; i < last.length; i++) {
    const t = last[i];
    if (t.depth === base && STOP_WORDS.has(t.text.toLowerCase())) break;
    if (t.depth === base && t.text === ",") items.push([]);
    else items[items.length - 1].push(t);
  }
  return items.map((item, index) => columnName(item, index));
}
var STOP_WORDS, NOT_ALIASES, isName;
var init_sql_columns = __esm({
  "src/runner/executors/builtin/sql-columns.ts"() {
    "use strict";
    init_args();
    STOP_WORDS = /* @__PURE__ */ new Set([
      "from",
      "into",
      "where",
      "group",
      "order",
      "having",
      "union",
      "except",
      "intersect",
      "option",
      "window"
    ]);
    NOT_ALIASES = /* @__PURE__ */ new Set([
      "end",
      "and",
      "or",
      "not",
      "null",
      "then",
      "else",
      "when",
      "case",
      "as",
      "is",
      "in",
      "like",
      "between"
    ]);
    isName = (t) => /^[A-Za-z_@#]/.test(t) || t.startsWith("[") || t.startsWith('"');
  }
});

// src/runner/executors/builtin/sqlrunner.ts
import { readFile as readFile5 } from "node:fs/promises";
function t1oosHandled(sql) {
  return new RegExp(`\\b${T1OOS_TABLE}`).test(sql) || new RegExp(`--.*${OLD_T1OOS_TABLE}`).test(sql);
}
async function runSqlrunner(words, workDir, print) {
  const args = parseArgs(words, ["--output", "--dummy-data-file", "--dsn"]);
  const [input, ...extra] = args.positional;
  if (input === void 0) throw new ToolError("error: the following arguments are required: input", 2);
  if (extra.length > 0 || args.flags.size > 0) {
    throw new ToolError(`error: unrecognized arguments: ${[...extra, ...args.flags].join(" ")}`, 2);
  }
  const sql = await readFile5(await workspacePath2(workDir, input), "utf8").catch(
    (error) => {
      throw new ToolError(
        `FileNotFoundError: [Errno 2] No such file or directory: '${input}' (${error.code})`
      );
    }
  );
  if (!t1oosHandled(sql)) throw new ToolError("RuntimeError: T1OOs are not handled correctly");
  const output2 = args.options.get("--output");
  const dummy = args.options.get("--dummy-data-file");
  let records;
  if (dummy === void 0) {
    const columns = queryColumns(sql);
    records = [columns, columns.map(() => "")];
  } else {
    const path2 = await workspacePath2(workDir, dummy);
    records = rectangular(
      await readCsvFile(path2).catch((error) => {
        if (error instanceof ToolError) throw error;
        throw new ToolError(
          `FileNotFoundError: [Errno 2] No such file or directory: '${dummy}' (${error.code ?? error.message})`
        );
      })
    );
  }
  if (output2 === void 0) {
    for (const record2 of records) print(record2.join(","), "stdout");
    return;
  }
  await writeCsvFile(await workspacePath2(workDir, output2), records);
}
var T1OOS_TABLE, OLD_T1OOS_TABLE;
var init_sqlrunner = __esm({
  "src/runner/executors/builtin/sqlrunner.ts"() {
    "use strict";
    init_args();
    init_csv_files();
    init_sql_columns();
    T1OOS_TABLE = "PatientsWithTypeOneDissent";
    OLD_T1OOS_TABLE = "AllowedPatientsWithTypeOneDissent";
  }
});

// src/runner/executors/memory-watch.ts
import { readdirSync, readFileSync as readFileSync2 } from "node:fs";
function residentByGroup(groups) {
  let names;
  try {
    names = readdirSync("/proc");
  } catch {
    return null;
  }
  const totals = /* @__PURE__ */ new Map();
  for (const name3 of names) {
    if (name3.charCodeAt(0) < 48 || name3.charCodeAt(0) > 57) continue;
    let stat6;
    try {
      stat6 = readFileSync2(`/proc/${name3}/stat`, "latin1");
    } catch {
      continue;
    }
    const fields = stat6.slice(stat6.lastIndexOf(")") + 2).split(" ");
    const group = Number(fields[2]);
    if (groups.has(group)) totals.set(group, (totals.get(group) ?? 0) + Number(fields[21]) * PAGE_SIZE);
  }
  return totals;
}
function tick() {
  timer = null;
  if (watched.size === 0) return;
  const totals = residentByGroup(new Set(watched.keys()));
  if (totals === null) return;
  for (const [group, bytes] of totals) {
    const watch = watched.get(group);
    if (watch && bytes > watch.limit) {
      watched.delete(group);
      watch.onOver(bytes);
    }
  }
  schedule();
}
function schedule() {
  if (timer === null && watched.size > 0) {
    timer = setTimeout(tick, INTERVAL_MS);
    timer.unref();
  }
}
function watchMemory(group, limit, onOver) {
  if (process.platform !== "linux") return () => void 0;
  watched.set(group, { limit, onOver });
  schedule();
  return () => {
    watched.delete(group);
  };
}
var INTERVAL_MS, PAGE_SIZE, watched, timer;
var init_memory_watch = __esm({
  "src/runner/executors/memory-watch.ts"() {
    "use strict";
    INTERVAL_MS = 500;
    PAGE_SIZE = 4096;
    watched = /* @__PURE__ */ new Map();
    timer = null;
  }
});

// src/runner/executors/process.ts
import { spawn as spawn2 } from "node:child_process";
import { createInterface as createInterface2 } from "node:readline";
function killGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch {
  }
}
function runProcess(spec, io) {
  return new Promise((resolve4) => {
    let killed = null;
    let settled = false;
    let graceTimer;
    const child = spawn2(spec.command, [...spec.args], {
      cwd: spec.cwd,
      env: { ...spec.env },
      detached: true,
      stdio: ["ignore", "pipe", "pipe"]
    });
    const stop = (reason) => {
      if (killed || child.pid === void 0) return;
      killed = reason;
      killGroup(child.pid, "SIGTERM");
      graceTimer = setTimeout(() => killGroup(child.pid, "SIGKILL"), GRACE_MS);
    };
    const onAbort = () => stop(io.signal.reason ?? "cancelled");
    io.signal.addEventListener("abort", onAbort, { once: true });
    if (io.signal.aborted) onAbort();
    for (const [stream, name3] of [
      [child.stdout, "stdout"],
      [child.stderr, "stderr"]
    ]) {
      createInterface2({ input: stream, crlfDelay: Number.POSITIVE_INFINITY }).on(
        "line",
        (line) => io.onLine(line, name3)
      );
    }
    const unwatch = child.pid === void 0 ? () => void 0 : watchMemory(child.pid, spec.memoryBytes, (bytes) => {
      io.onLine(
        `trestle: stopping the job: it used ${bytes} bytes of memory, over its limit of ${spec.memoryBytes}`,
        "stderr"
      );
      killed ??= "memory";
      killGroup(child.pid, "SIGKILL");
    });
    let exit = null;
    child.on("error", (error) => {
      io.onLine(`trestle: could not start ${spec.command}: ${error.message}`, "stderr");
      exit = { exitCode: 127, killed };
      if (child.pid === void 0) finish();
    });
    child.on("exit", (code3, signal) => {
      if (child.pid !== void 0) killGroup(child.pid, "SIGKILL");
      exit = { exitCode: code3 ?? 128 + (SIGNAL_NUMBERS[signal ?? "SIGKILL"] ?? 9), killed };
    });
    const finish = () => {
      if (settled) return;
      settled = true;
      clearTimeout(graceTimer);
      unwatch();
      io.signal.removeEventListener("abort", onAbort);
      resolve4({ exitCode: exit?.exitCode ?? 1, killed });
    };
    child.on("close", finish);
  });
}
var GRACE_MS, SIGNAL_NUMBERS;
var init_process = __esm({
  "src/runner/executors/process.ts"() {
    "use strict";
    init_memory_watch();
    GRACE_MS = 2e3;
    SIGNAL_NUMBERS = { SIGHUP: 1, SIGINT: 2, SIGKILL: 9, SIGSEGV: 11, SIGTERM: 15 };
  }
});

// src/runner/executors/local.ts
import { execFile } from "node:child_process";
import { accessSync, constants } from "node:fs";
import { join as join4 } from "node:path";
function findExecutable(name3, path2) {
  if (name3.includes("/")) return canRun(name3) ? name3 : null;
  for (const dir of path2.split(":")) {
    if (dir && canRun(join4(dir, name3))) return join4(dir, name3);
  }
  return null;
}
function canRun(file) {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
function scriptWords(action, interpreters) {
  const words = action.jobArgs.slice(1);
  return interpreters.includes(words[0] ?? "") ? words.slice(1) : words;
}
function createLocalExecutor(options = {}) {
  const path2 = options.path ?? process.env.PATH ?? "/usr/bin:/bin";
  const found = /* @__PURE__ */ new Map();
  const locate = (name3) => {
    if (!found.has(name3)) found.set(name3, findExecutable(name3, path2));
    return found.get(name3);
  };
  let resolvedPython = null;
  const python = () => resolvedPython ?? locate(options.python ?? "python3");
  const rscript = () => locate(options.rscript ?? "Rscript");
  const why = (action) => {
    const image = action.run.image;
    switch (image) {
      case "python":
        return python() ? null : "python actions need python3, which is not installed here";
      case "r":
        return rscript() ? null : "r actions need Rscript, which is not installed here";
      case "sqlrunner":
        return null;
      case "ehrql":
        return ehrqlUnsupported(action.jobArgs.slice(1));
      case "cohortextractor":
        return cohortextractorUnsupported(action);
      case "databuilder":
        return "databuilder actions run only in the databuilder image";
      case "stata-mp":
        return "stata-mp actions run only in the stata-mp image (with a STATA_LICENSE)";
      case "jupyter":
        return "jupyter actions run only in the jupyter image";
      default:
        return `${image} is a reusable action (opensafely-actions/${image}); Trestle runs only the platform's own images, so run it with \`opensafely run\``;
    }
  };
  const unsupported = (action) => {
    const reason = why(action);
    if (reason === null) return null;
    const reusable = reason.includes("reusable action");
    return `The local executor cannot run ${action.run.image}:${action.run.tag}: ${reason}${reusable ? "" : `; ${USE_DOCKER}`}`;
  };
  return {
    name: "local",
    unsupported,
    async prepare(actions) {
      const shim = python();
      if (shim && actions.some((a) => a.run.image === "python")) {
        resolvedPython = await realInterpreter(shim, path2);
      }
      return null;
    },
    async run(job, io) {
      const { action } = job;
      const env = {
        PATH: path2,
        HOME: job.homeDir,
        TMPDIR: join4(job.homeDir, "tmp"),
        LANG: "C.UTF-8",
        PYTHONUNBUFFERED: "1",
        PYTHONDONTWRITEBYTECODE: "1",
        ...job.env
      };
      const processJob = async (command, args) => {
        const outcome = await runProcess(
          { command, args, cwd: job.workDir, env, memoryBytes: job.limits.memoryBytes },
          io
        );
        return { exitCode: outcome.exitCode, killed: outcome.killed, detail: null, imageId: null };
      };
      const builtin = async (tool) => {
        try {
          await tool();
          return { exitCode: 0, killed: null, detail: null, imageId: null };
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          io.onLine(message, "stderr");
          return {
            exitCode: error instanceof ToolError ? error.exitCode : 1,
            killed: null,
            detail: null,
            imageId: null
          };
        }
      };
      switch (action.run.image) {
        case "python":
          return processJob(python(), scriptWords(action, ["python", "python3"]));
        case "r":
          return processJob(rscript(), scriptWords(action, ["Rscript"]));
        case "sqlrunner":
          return builtin(() => runSqlrunner(action.jobArgs.slice(1), job.workDir, io.onLine));
        case "ehrql":
          return builtin(() => runEhrql(action.jobArgs.slice(1), job.workDir));
        case "cohortextractor":
          return builtin(
            () => runCohortextractor(cohortextractorWords(action, job.populationSize), job.workDir)
          );
        default:
          io.onLine(unsupported(action) ?? "unsupported", "stderr");
          return { exitCode: 1, killed: null, detail: null, imageId: null };
      }
    }
  };
}
function realInterpreter(python, path2) {
  return new Promise((resolve4) => {
    execFile(
      python,
      ["-c", "import sys; print(sys.executable)"],
      { env: { PATH: path2, HOME: process.env.HOME ?? "/" }, timeout: 3e4 },
      (error, stdout) => {
        const executable = stdout.trim();
        resolve4(!error && executable.startsWith("/") && canRun(executable) ? executable : null);
      }
    );
  });
}
var USE_DOCKER;
var init_local = __esm({
  "src/runner/executors/local.ts"() {
    "use strict";
    init_args();
    init_cohortextractor();
    init_ehrql();
    init_sqlrunner();
    init_process();
    USE_DOCKER = "use the docker executor (--executor docker)";
  }
});

// src/runner/executors/select.ts
async function detectDocker(docker = spawnDocker()) {
  const result = await docker(["info", "--format", "{{.ServerVersion}}"], { timeoutMs: 1e4 });
  if (result.exitCode === 0 && result.stdout.trim() !== "") {
    return { available: true, detail: `docker daemon ${result.stdout.trim()} answered` };
  }
  const reason = result.stderr.includes("ENOENT") ? "docker is not installed" : result.stderr.trim().split("\n").pop() ?? `docker info exited with ${result.exitCode}`;
  return { available: false, detail: reason };
}
async function selectExecutor(choice, options = {}) {
  if (choice === "local") {
    return {
      executor: createLocalExecutor(),
      info: { name: "local", reason: "the local executor was requested" }
    };
  }
  const status = await detectDocker(options.docker);
  const docker = () => createDockerExecutor({ docker: options.docker, hostEnv: options.hostEnv });
  if (choice === "docker") {
    if (!status.available)
      return { problem: `the docker executor needs a running docker daemon: ${status.detail}` };
    return { executor: docker(), info: { name: "docker", reason: "the docker executor was requested" } };
  }
  if (status.available)
    return {
      executor: docker(),
      info: { name: "docker", reason: `${status.detail}: using the docker executor` }
    };
  return {
    executor: createLocalExecutor(),
    info: { name: "local", reason: `no docker daemon (${status.detail}): using the local executor` }
  };
}
var init_select = __esm({
  "src/runner/executors/select.ts"() {
    "use strict";
    init_docker();
    init_docker_cli();
    init_local();
  }
});

// src/runner/executors/stub.ts
var init_stub = __esm({
  "src/runner/executors/stub.ts"() {
    "use strict";
  }
});

// src/runner/code-tree.ts
import { realpath as realpath3, stat } from "node:fs/promises";
import { join as join5 } from "node:path";
async function scanCodeTree(projectDir, pipeline2) {
  const root = await realpath3(projectDir);
  const isOutput = patternMatcher(allOutputPatterns(pipeline2.actions.values()));
  const entries = await walk(root, (path2) => EXCLUDED_TOP.has(path2) || isOutput(path2));
  const files = /* @__PURE__ */ new Map();
  const mtimes = /* @__PURE__ */ new Map();
  const skipped = [];
  await Promise.all(
    entries.map(async (entry) => {
      if (entry.kind !== "file" && entry.kind !== "symlink") return;
      const abs = join5(root, entry.path);
      const target = entry.kind === "file" ? abs : await realpath3(abs).catch(() => null);
      const info = target ? await stat(target).catch(() => null) : null;
      if (target && info?.isFile() && isInside(root, target)) {
        files.set(entry.path, target);
        mtimes.set(entry.path, info.mtimeMs);
      } else if (entry.kind === "symlink") skipped.push(entry.path);
    })
  );
  const sorted = new Map([...files].sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0));
  return { root, files: sorted, mtimes, skipped: skipped.sort() };
}
function listings(paths) {
  const sets = /* @__PURE__ */ new Map();
  const add = (dir, name3) => {
    const names = sets.get(dir);
    if (names) names.add(name3);
    else sets.set(dir, /* @__PURE__ */ new Set([name3]));
  };
  for (const path2 of paths) {
    const parts = path2.split("/");
    for (let i = 0; i < parts.length; i++) add(parts.slice(0, i).join("/"), parts[i]);
  }
  const result = /* @__PURE__ */ new Map();
  for (const [dir, names] of sets) result.set(dir, [...names].sort());
  if (!result.has("")) result.set("", []);
  return result;
}
var EXCLUDED_TOP;
var init_code_tree = __esm({
  "src/runner/code-tree.ts"() {
    "use strict";
    init_fs_util();
    init_patterns();
    EXCLUDED_TOP = /* @__PURE__ */ new Set([".git", "metadata"]);
  }
});

// src/runner/hash.ts
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { readFile as readFile6, stat as stat2 } from "node:fs/promises";
async function hashFile(path2) {
  const info = await stat2(path2);
  if (info.size <= SMALL)
    return createHash("sha256").update(await readFile6(path2)).digest("hex");
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(path2)) hash.update(chunk);
  return hash.digest("hex");
}
function hashText(text) {
  return createHash("sha256").update(text).digest("hex");
}
var SMALL, HashCache;
var init_hash = __esm({
  "src/runner/hash.ts"() {
    "use strict";
    SMALL = 1024 * 1024;
    HashCache = class {
      #hashes = /* @__PURE__ */ new Map();
      get(path2) {
        let hash = this.#hashes.get(path2);
        if (!hash) {
          hash = hashFile(path2).catch(() => null);
          this.#hashes.set(path2, hash);
        }
        return hash;
      }
    };
  }
});

// src/runner/fingerprint.ts
function definitionHash(action, pipeline2) {
  const isCohortExtractor = action.run.image === "cohortextractor";
  return hashText(
    JSON.stringify({
      v: FINGERPRINT_VERSION,
      run: action.jobCommand,
      outputs: outputSpec(action.outputs).sort((a, b) => a.pattern < b.pattern ? -1 : 1),
      needs: [...action.needs].sort(),
      dummyDataFile: action.dummyDataFile,
      populationSize: isCohortExtractor ? pipeline2.expectations?.populationSize ?? null : null
    })
  );
}
function listingHash(names) {
  return hashText(names.join("\0"));
}
async function staleBecause(fp, now) {
  if (fp.definition !== now.definition) return "its definition in project.yaml changed";
  const before = Object.keys(fp.inputs);
  const after = Object.keys(now.inputs);
  if (before.length !== after.length || after.some((p) => !(p in fp.inputs)))
    return "its set of input files changed";
  for (const path2 of after) if (fp.inputs[path2] !== now.inputs[path2]) return `input ${path2} changed`;
  for (const [path2, sha2] of Object.entries(fp.reads)) {
    const abs = now.tree.files.get(path2);
    if (abs === void 0) return `${path2} was removed`;
    if (await now.hashes.get(abs) !== sha2) return `${path2} changed`;
  }
  const dirs = Object.keys(fp.listings);
  if (dirs.length > 0) {
    const current = listings([...now.tree.files.keys(), ...after]);
    for (const dir of dirs) {
      if (listingHash(current.get(dir) ?? []) !== fp.listings[dir]) {
        return `files were added to or removed from ${dir === "" ? "the project folder" : `${dir}/`}`;
      }
    }
  }
  return null;
}
var FINGERPRINT_VERSION;
var init_fingerprint = __esm({
  "src/runner/fingerprint.ts"() {
    "use strict";
    init_code_tree();
    init_hash();
    init_patterns();
    FINGERPRINT_VERSION = 1;
  }
});

// src/runner/project.ts
import { access as access2 } from "node:fs/promises";
import { join as join6 } from "node:path";
async function loadProject(projectDir) {
  const file = join6(projectDir, "project.yaml");
  try {
    await access2(file);
  } catch {
    return { problem: { code: "no_project", message: `No project.yaml file found in ${projectDir}` } };
  }
  try {
    const result = await loadPipelineFile(file);
    if (result.valid && result.pipeline) return { pipeline: result.pipeline };
    const first = result.errors[0];
    return {
      problem: {
        code: "invalid_project",
        message: first ? `${file}${first.line ? `:${first.line}:${first.column ?? 1}` : ""}: ${first.message}${result.errors.length > 1 ? ` (and ${result.errors.length - 1} more)` : ""}` : `${file} is not valid`,
        errors: result.errors
      }
    };
  } catch (error) {
    return {
      problem: {
        code: "invalid_project",
        message: `${file} could not be loaded: ${error instanceof Error ? error.message : String(error)}`,
        errors: []
      }
    };
  }
}
var init_project = __esm({
  "src/runner/project.ts"() {
    "use strict";
    init_pipeline();
  }
});

// src/runner/state/paths.ts
function actionFileName(action) {
  if (action === "") return "%";
  const encoded = action.replace(
    /[%/\\\0:*?"<>|\n\r\t]/g,
    (c) => `%${c.charCodeAt(0).toString(16).padStart(2, "0")}`
  );
  if (encoded === "." || encoded === "..") return encoded.replace(/\./g, "%2e");
  return encoded;
}
var STATE_DIR, JOBS_DIR, WORK_DIR, LOCK_FILE, MANIFEST_FILE;
var init_paths2 = __esm({
  "src/runner/state/paths.ts"() {
    "use strict";
    STATE_DIR = "metadata/.trestle";
    JOBS_DIR = `${STATE_DIR}/jobs`;
    WORK_DIR = `${STATE_DIR}/work`;
    LOCK_FILE = `${STATE_DIR}/lock`;
    MANIFEST_FILE = "metadata/manifest.json";
  }
});

// src/runner/state/records.ts
import { readFile as readFile7 } from "node:fs/promises";
import { join as join7 } from "node:path";
function recordPath(projectDir, action) {
  return join7(projectDir, JOBS_DIR, `${actionFileName(action)}.json`);
}
async function readRecord(projectDir, action) {
  let text;
  try {
    text = await readFile7(recordPath(projectDir, action), "utf8");
  } catch {
    return null;
  }
  try {
    const data = JSON.parse(text);
    if (data.version !== RECORD_VERSION || data.action !== action) return null;
    return { version: RECORD_VERSION, action, last: data.last ?? null, running: data.running ?? null };
  } catch {
    return null;
  }
}
async function writeRecord(projectDir, record2) {
  await writeFileAtomic(recordPath(projectDir, record2.action), `${JSON.stringify(record2, null, 1)}
`);
}
var RECORD_VERSION;
var init_records = __esm({
  "src/runner/state/records.ts"() {
    "use strict";
    init_fs_util();
    init_paths2();
    RECORD_VERSION = 1;
  }
});

// src/runner/plan.ts
import { lstat as lstat2 } from "node:fs/promises";
function checkRequest(pipeline2, actions) {
  if (actions.length === 0) return { code: "no_actions", message: "At least one action must be supplied" };
  const unknown = [...new Set(actions.filter((a) => a !== RUN_ALL && !pipeline2.actions.has(a)))];
  if (unknown.length === 0) return null;
  return {
    code: "unknown_actions",
    message: unknown.map((a) => `Action '${a}' not found in project.yaml`).join("\n"),
    unknown,
    valid: [RUN_ALL, ...pipeline2.allActions]
  };
}
async function planDetails(request) {
  let pipeline2 = request.pipeline;
  if (!pipeline2) {
    const loaded = await loadProject(request.projectDir);
    if ("problem" in loaded) return loaded;
    pipeline2 = loaded.pipeline;
  }
  const problem = checkRequest(pipeline2, request.actions);
  if (problem) return { problem };
  const graph2 = buildGraph(pipeline2);
  const explicit = new Set(request.actions.filter((a) => a !== RUN_ALL));
  const targets = request.actions.includes(RUN_ALL) ? [...pipeline2.allActions, ...explicit] : [...explicit];
  const order = closure(graph2, targets);
  const [tree, recordList] = await Promise.all([
    scanCodeTree(request.projectDir, pipeline2),
    Promise.all(order.map((name3) => readRecord(request.projectDir, name3)))
  ]);
  const records = new Map(order.map((name3, i) => [name3, recordList[i] ?? null]));
  const definitions = /* @__PURE__ */ new Map();
  const hashes = new HashCache();
  const toRun = /* @__PURE__ */ new Set();
  const jobs = [];
  const reused = [];
  for (const name3 of order) {
    const action = pipeline2.actions.get(name3);
    const definition = definitionHash(action, pipeline2);
    definitions.set(name3, definition);
    const needs = graph2.needs.get(name3) ?? [];
    const waitsFor = needs.filter((n) => toRun.has(n));
    const decision = await decide({
      action,
      record: records.get(name3) ?? null,
      explicit: explicit.has(name3),
      force: request.forceRunDependencies === true,
      waitsFor,
      definition,
      inputs: () => inputsFrom(needs, records),
      tree,
      hashes,
      projectDir: request.projectDir
    });
    if (decision.run) {
      toRun.add(name3);
      jobs.push({ action: name3, reason: decision.reason, detail: decision.detail, waitsFor });
    } else {
      const last = records.get(name3).last;
      reused.push({ action: name3, reason: "up_to_date", jobId: last.jobId, completedAt: last.completedAt });
    }
  }
  return { pipeline: pipeline2, plan: { jobs, reused }, tree, records, definitions };
}
function inputsFrom(needs, records) {
  const inputs = {};
  for (const need of needs) {
    for (const [path2, output2] of Object.entries(records.get(need)?.last?.outputs ?? {}))
      inputs[path2] = output2.sha256;
  }
  return inputs;
}
async function decide(input) {
  const { record: record2 } = input;
  if (input.explicit) return { run: true, reason: "requested", detail: "requested" };
  if (input.force)
    return { run: true, reason: "force_run_dependencies", detail: "dependencies are forced to re-run" };
  if (record2?.running) {
    return {
      run: true,
      reason: "interrupted",
      detail: `its job started at ${record2.running.startedAt} was interrupted before it finished`
    };
  }
  const last = record2?.last;
  if (!last) return { run: true, reason: "never_run", detail: "it has not run before" };
  if (last.statusCode !== "succeeded") {
    return { run: true, reason: "failed_before", detail: `its last job ended ${last.statusCode}` };
  }
  if (input.waitsFor.length > 0) {
    return {
      run: true,
      reason: "dependency_will_run",
      detail: `${input.waitsFor.join(", ")} will run first`
    };
  }
  for (const [path2, output2] of Object.entries(last.outputs)) {
    const abs = `${input.projectDir}/${path2}`;
    const info = await lstat2(abs).catch(() => null);
    const same = info?.isFile() && info.size === output2.size && info.mtimeMs === output2.mtimeMs && info.ino === output2.ino;
    const sha2 = same ? output2.sha256 : await input.hashes.get(abs);
    if (sha2 === null)
      return { run: true, reason: "outputs_changed", detail: `its output ${path2} is missing` };
    if (sha2 !== output2.sha256)
      return { run: true, reason: "outputs_changed", detail: `its output ${path2} was changed` };
  }
  if (!last.fingerprint) return { run: true, reason: "stale", detail: "its last run left no fingerprint" };
  const stale = await staleBecause(last.fingerprint, {
    definition: input.definition,
    inputs: input.inputs(),
    tree: input.tree,
    hashes: input.hashes
  });
  if (stale) return { run: true, reason: "stale", detail: stale };
  return { run: false };
}
var init_plan = __esm({
  "src/runner/plan.ts"() {
    "use strict";
    init_pipeline();
    init_code_tree();
    init_fingerprint();
    init_hash();
    init_project();
    init_records();
  }
});

// src/runner/job-execute.ts
async function execute(ctx, workDir, homeDir, log) {
  const controller = new AbortController();
  const stop = (reason) => {
    if (!controller.signal.aborted) controller.abort(reason);
  };
  const onCancel = () => stop("cancelled");
  if (ctx.signal.aborted) stop("cancelled");
  ctx.signal.addEventListener("abort", onCancel, { once: true });
  const timer2 = setTimeout(() => stop("timeout"), ctx.limits.timeoutMs);
  const start = performance.now();
  try {
    const result = await ctx.executor.run(
      {
        jobId: ctx.jobId,
        requestId: ctx.requestId,
        workspaceName: ctx.workspaceName,
        action: ctx.action,
        workDir,
        homeDir,
        env: { OPENSAFELY_BACKEND: "expectations" },
        limits: ctx.limits,
        populationSize: ctx.pipeline.expectations?.populationSize ?? null
      },
      {
        signal: controller.signal,
        onLine: (line, stream) => {
          log.add(line);
          ctx.onLine(line, stream);
        }
      }
    );
    const killed = result.killed ?? (controller.signal.aborted ? controller.signal.reason : null);
    return { result: { ...result, killed }, ms: performance.now() - start };
  } finally {
    clearTimeout(timer2);
    ctx.signal.removeEventListener("abort", onCancel);
  }
}
var init_job_execute = __esm({
  "src/runner/job-execute.ts"() {
    "use strict";
  }
});

// src/runner/job-log.ts
function rfc3339Nano(epochMs) {
  const whole = Math.floor(epochMs);
  const iso2 = new Date(whole).toISOString();
  const subMs = Math.floor((epochMs - whole) * 1e6).toString().padStart(6, "0");
  return `${iso2.slice(0, 23)}${subMs}Z`;
}
function tabulate(rows, indent2, empty = "") {
  const pad = " ".repeat(indent2);
  if (rows.length === 0) return `${pad}${empty}`;
  const w0 = Math.max(...rows.map((r) => r[0].length));
  const w1 = Math.max(...rows.map((r) => r[1].length));
  return rows.map(([a, b]) => `${pad}${a.padEnd(w0)}  - ${b.padEnd(w1)}`).join("\n");
}
function formatLogFile(lines, summary, outputs, invalid) {
  let text = lines.map((l) => `${l}
`).join("");
  text += "\n\n";
  for (const [key, value] of Object.entries(summary)) {
    if (value === null || value === "") continue;
    text += `${key}: ${value}
`;
  }
  text += "\noutputs:\n";
  text += tabulate(
    [...outputs].sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0),
    2,
    "(no outputs)"
  );
  if (invalid.length > 0) {
    text += "\n\nInvalid moderately_sensitive outputs:\n";
    text += tabulate(invalid, 2);
  }
  return `${text}
`;
}
var MAX_LOG_LINES, MAX_LINE_CHARS, TAIL_LINES, JobLog;
var init_job_log = __esm({
  "src/runner/job-log.ts"() {
    "use strict";
    MAX_LOG_LINES = 1e5;
    MAX_LINE_CHARS = 64 * 1024;
    TAIL_LINES = 32;
    JobLog = class {
      #lines = [];
      #dropped = 0;
      #clock;
      constructor(clock = () => performance.timeOrigin + performance.now()) {
        this.#clock = clock;
      }
      add(line) {
        const text = line.length > MAX_LINE_CHARS ? `${line.slice(0, MAX_LINE_CHARS)} [line truncated]` : line;
        this.#lines.push(`${rfc3339Nano(this.#clock())} ${text}`);
        if (this.#lines.length > MAX_LOG_LINES * 1.1) {
          const excess = this.#lines.length - MAX_LOG_LINES;
          this.#lines.splice(0, excess);
          this.#dropped += excess;
        }
      }
      /** The stamped lines, at most MAX_LOG_LINES. */
      lines() {
        return this.#lines.length > MAX_LOG_LINES ? this.#lines.slice(-MAX_LOG_LINES) : [...this.#lines];
      }
      /** The last lines without their timestamps, as the reference's summary shows them. */
      tail(count2 = TAIL_LINES) {
        const all = this.#lines;
        const start = Math.max(all.length - count2, 0);
        return { lines: all.slice(start).map((l) => l.slice(31)), truncated: start > 0 || this.#dropped > 0 };
      }
    };
  }
});

// src/runner/job-log-file.ts
import { join as join8 } from "node:path";
async function writeJobLog(ctx, log, verdict, info, outputs, invalid) {
  const rel = `metadata/${actionFileName(ctx.action.id)}.log`;
  const text = formatLogFile(
    log.lines(),
    {
      job_definition_id: ctx.jobId,
      job_definition_request_id: ctx.requestId,
      commit: ctx.commit,
      docker_image_id: info.imageId,
      exit_code: info.exitCode === null ? null : String(info.exitCode),
      created_at: Math.floor(info.startedAtMs / 1e3),
      completed_at: Math.floor(ctx.now().getTime() / 1e3),
      database_name: null,
      status_message: verdict.message,
      hint: info.hint
    },
    outputs,
    invalid
  );
  await writeFileAtomic(join8(ctx.projectDir, rel), text);
  return rel;
}
var init_job_log_file = __esm({
  "src/runner/job-log-file.ts"() {
    "use strict";
    init_fs_util();
    init_job_log();
    init_paths2();
  }
});

// src/runner/status.ts
function stateOf(code3) {
  if (pending.has(code3)) return "pending";
  if (running.has(code3)) return "running";
  return code3 === "succeeded" ? "succeeded" : "failed";
}
var PENDING_CODES, RUNNING_CODES, pending, running, STATUS_MESSAGES, MESSAGE_SUCCEEDED, MESSAGE_DEPENDENCY_FAILED, MESSAGE_NONZERO_EXIT, MESSAGE_CANCELLED, MESSAGE_INTERNAL_ERROR;
var init_status = __esm({
  "src/runner/status.ts"() {
    "use strict";
    PENDING_CODES = ["created", "waiting_on_dependencies", "waiting_on_workers"];
    RUNNING_CODES = [
      "preparing",
      "prepared",
      "executing",
      "executed",
      "finalizing",
      "finalized"
    ];
    pending = new Set(PENDING_CODES);
    running = new Set(RUNNING_CODES);
    STATUS_MESSAGES = {
      created: "Created",
      waiting_on_dependencies: "Waiting on dependencies",
      waiting_on_workers: "Waiting on available workers",
      preparing: "Preparing your code and workspace files",
      prepared: "Prepared and ready to run",
      executing: "Executing job on the backend",
      executed: "Job has finished executing and is waiting to be finalized",
      finalizing: "Recording job results",
      finalized: "Finished recording results"
    };
    MESSAGE_SUCCEEDED = "Completed successfully";
    MESSAGE_DEPENDENCY_FAILED = "Not starting as dependency failed";
    MESSAGE_NONZERO_EXIT = "Job exited with an error";
    MESSAGE_CANCELLED = "Cancelled by user";
    MESSAGE_INTERNAL_ERROR = "Internal error: this usually means a platform issue rather than a problem for users to fix.";
  }
});

// src/runner/job-verdict.ts
function classify(exec, limits, refused2, unmatched, level4Count) {
  if (exec.killed === "timeout") {
    return {
      code: "nonzero_exit",
      message: `${MESSAGE_NONZERO_EXIT}: Job was stopped after running longer than its time limit (${formatDuration(limits.timeoutMs)})`
    };
  }
  if (exec.killed === "memory") {
    return {
      code: "nonzero_exit",
      message: `${MESSAGE_NONZERO_EXIT}: Job ran out of memory (limit was ${formatGigabytes(limits.memoryBytes)})`
    };
  }
  if (exec.exitCode !== 0) {
    return {
      code: "nonzero_exit",
      message: exec.detail ? `${MESSAGE_NONZERO_EXIT}: ${exec.detail}` : MESSAGE_NONZERO_EXIT
    };
  }
  if (refused2.length > 0) {
    return {
      code: "job_error",
      message: `Outputs refused:${refused2.map((r) => `
 - ${r.path}: ${r.reason}`).join("")}`
    };
  }
  if (unmatched.length > 0) {
    return {
      code: "unmatched_patterns",
      message: `No outputs found matching patterns:${unmatched.map((p) => `
 - ${p}`).join("")}`
    };
  }
  if (level4Count > 0) {
    return {
      code: "succeeded",
      message: `${MESSAGE_SUCCEEDED}, but ${level4Count} file(s) marked as moderately_sensitive were excluded. See job log for details.`
    };
  }
  return { code: "succeeded", message: MESSAGE_SUCCEEDED };
}
var init_job_verdict = __esm({
  "src/runner/job-verdict.ts"() {
    "use strict";
    init_limits();
    init_status();
  }
});

// src/runner/level4.ts
import { readFile as readFile8 } from "node:fs/promises";
import { extname as extname2 } from "node:path";
function megabytes(bytes) {
  const value = Math.round(bytes / (1024 * 1024) * 100) / 100;
  return Number.isInteger(value) ? `${value}.0` : String(value);
}
async function checkLevel4(absPath, relPath, size) {
  const suffix = extname2(relPath);
  if (size > LEVEL4_MAX_FILESIZE) {
    return {
      message: `File size of ${megabytes(size)}Mb is larger that limit of ${megabytes(LEVEL4_MAX_FILESIZE)}Mb.`,
      rows: null,
      cols: null
    };
  }
  if (!LEVEL4_FILE_TYPES2.includes(suffix)) {
    return { message: `File type of ${suffix} is not valid level 4 file`, rows: null, cols: null };
  }
  if (suffix !== ".csv") return { message: null, rows: null, cols: null };
  let records;
  try {
    records = parseCsv(await readFile8(absPath, "utf8"));
  } catch {
    return { message: null, rows: null, cols: null };
  }
  const headers = records[0] ?? [];
  const rows = Math.max(records.length - 1, 0);
  const cols = rows > 0 ? headers.length : 0;
  const messages = [];
  if (headers.includes("patient_id")) messages.push("File has patient_id column");
  if (rows > LEVEL4_MAX_CSV_ROWS) {
    messages.push(`File row count (${rows}) exceeds maximum allowed rows (${LEVEL4_MAX_CSV_ROWS})`);
  }
  return { message: messages.length > 0 ? messages.join(",") : null, rows, cols };
}
var LEVEL4_MAX_FILESIZE, LEVEL4_MAX_CSV_ROWS, LEVEL4_FILE_TYPES2;
var init_level4 = __esm({
  "src/runner/level4.ts"() {
    "use strict";
    init_pipeline();
    init_csv();
    LEVEL4_MAX_FILESIZE = 16 * 1024 * 1024;
    LEVEL4_MAX_CSV_ROWS = 5e3;
    LEVEL4_FILE_TYPES2 = LEVEL4_FILE_TYPES;
  }
});

// src/runner/outputs.ts
import { copyFile as copyFile2, lstat as lstat3, realpath as realpath4, rename as rename2, rm as rm2 } from "node:fs/promises";
import { join as join9 } from "node:path";
async function scanOutputs(ws, spec) {
  const entries = await walk(ws.workDir);
  const candidates = [];
  for (const entry of entries) {
    if (entry.kind === "dir") continue;
    if (ws.code.has(entry.path)) continue;
    const input = ws.inputs.get(entry.path);
    if (input) {
      const info = await lstat3(join9(ws.workDir, entry.path)).catch(() => null);
      if (info && info.mtimeMs === input.mtimeMs) continue;
    }
    candidates.push(entry);
  }
  const matched = /* @__PURE__ */ new Map();
  const refused2 = [];
  const unmatchedPatterns = [];
  const matchedAny = /* @__PURE__ */ new Set();
  for (const { pattern, privacy } of spec) {
    const unsafe = unsafePattern(pattern);
    if (unsafe) {
      refused2.push({ path: pattern, reason: `pattern refused: ${unsafe}` });
      continue;
    }
    let found = false;
    for (const candidate of candidates) {
      if (!matchesPattern(pattern, candidate.path)) continue;
      matchedAny.add(candidate.path);
      if (candidate.kind === "file") {
        matched.set(candidate.path, privacy);
        found = true;
      } else if (candidate.kind === "symlink") {
        refused2.push({ path: candidate.path, reason: await describeLink(ws.workDir, candidate.path) });
      } else {
        refused2.push({ path: candidate.path, reason: "not a regular file" });
      }
    }
    if (!found) unmatchedPatterns.push(pattern);
  }
  const unmatchedFiles = candidates.filter((c) => !matchedAny.has(c.path)).map((c) => c.path).sort();
  return { matched, unmatchedPatterns, unmatchedFiles, refused: dedupe(refused2) };
}
async function describeLink(workDir, path2) {
  const target = await realpath4(join9(workDir, path2)).catch(() => null);
  const root = await realpath4(workDir);
  if (target === null || !isInside(root, target)) return "a symbolic link to a place outside the workspace";
  return "a symbolic link (outputs must be regular files)";
}
function dedupe(refusals) {
  const seen = /* @__PURE__ */ new Set();
  return refusals.filter((r) => {
    if (seen.has(r.path)) return false;
    seen.add(r.path);
    return true;
  });
}
async function persistOutputs(ws, projectDir, matched, onFile) {
  const persisted = [];
  const refused2 = [];
  for (const [path2, privacy] of [...matched].sort(([a], [b]) => a < b ? -1 : 1)) {
    onFile?.(path2);
    const target = await safeTarget(projectDir, path2);
    if (target === null) {
      refused2.push({ path: path2, reason: "its place in the project folder leads outside it" });
      continue;
    }
    const source = join9(ws.workDir, path2);
    const temp = `${target}.trestle-${process.pid}.tmp`;
    await copyFile2(source, temp);
    await rename2(temp, target);
    const info = await lstat3(target);
    persisted.push({
      path: path2,
      privacy,
      size: info.size,
      sha256: await hashFile(target),
      mtime: info.mtimeMs / 1e3,
      mtimeMs: info.mtimeMs,
      ino: info.ino
    });
  }
  return { persisted, refused: refused2 };
}
async function removeObsolete(projectDir, previous, current) {
  const keep = new Set(current.map((p) => p.toLowerCase()));
  const removed = [];
  const root = await realpath4(projectDir);
  for (const path2 of previous) {
    if (keep.has(path2.toLowerCase()) || unsafePattern(path2)) continue;
    const abs = join9(root, path2);
    const info = await lstat3(abs).catch(() => null);
    if (!info || !(info.isFile() || info.isSymbolicLink())) continue;
    const parent = await realpath4(join9(abs, "..")).catch(() => null);
    if (parent === null || !isInside(root, parent)) continue;
    await rm2(abs, { force: true });
    removed.push(path2);
  }
  return removed;
}
var init_outputs2 = __esm({
  "src/runner/outputs.ts"() {
    "use strict";
    init_fs_util();
    init_hash();
    init_patterns();
  }
});

// src/runner/workspace.ts
import { constants as constants2 } from "node:fs";
import { copyFile as copyFile3, lstat as lstat4, mkdir as mkdir4, readdir as readdir3, readFile as readFile9, rm as rm3, stat as stat3, utimes, writeFile as writeFile3 } from "node:fs/promises";
import { join as join10 } from "node:path";
async function copy(src, dst) {
  await copyFile3(src, dst, constants2.COPYFILE_FICLONE);
}
async function makeFolders(root, paths) {
  const dirs = /* @__PURE__ */ new Set();
  for (const path2 of paths) {
    for (let at = path2.indexOf("/"); at >= 0; at = path2.indexOf("/", at + 1)) dirs.add(path2.slice(0, at));
  }
  for (const dir of [...dirs].sort())
    await mkdir4(join10(root, dir)).catch((error) => {
      if (error.code !== "EEXIST") throw error;
    });
}
async function inBatches(items, size, each) {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(each));
}
async function probeReadTracking(dir) {
  const probeDir = join10(dir, `.probe-${process.pid}-${Date.now()}`);
  try {
    await mkdir4(probeDir, { recursive: true });
    const file = join10(probeDir, "probe");
    await writeFile3(file, "probe");
    await utimes(file, MARK_S, MARK_S + 1);
    await utimes(probeDir, MARK_S, MARK_S + 1);
    await readFile9(file);
    await readdir3(probeDir);
    const [f, d] = await Promise.all([lstat4(file), lstat4(probeDir)]);
    return f.atimeMs !== MARK_MS && d.atimeMs !== MARK_MS ? "atime" : "all";
  } catch {
    return "all";
  } finally {
    await rm3(probeDir, { recursive: true, force: true });
  }
}
async function prepareWorkspace(options) {
  const { workDir, tree } = options;
  await mkdir4(workDir, { recursive: true });
  const code3 = /* @__PURE__ */ new Map();
  const inputSet = new Set(options.inputs);
  const codePaths = [...tree.files.keys()].filter((p) => !inputSet.has(p));
  await makeFolders(workDir, [...codePaths, ...options.inputs]);
  await inBatches(codePaths, 32, async (path2) => {
    const src = tree.files.get(path2);
    const dst = join10(workDir, path2);
    await copy(src, dst);
    const mtimeMs = tree.mtimes.get(path2) ?? (await stat3(src)).mtimeMs;
    await utimes(dst, MARK_S, mtimeMs / 1e3);
    code3.set(path2, mtimeMs);
  });
  const inputs = /* @__PURE__ */ new Map();
  for (const path2 of options.inputs) {
    options.onInput?.(path2);
    const dst = join10(workDir, path2);
    try {
      await copy(join10(options.projectDir, path2), dst);
    } catch (error) {
      throw new MissingInputError(path2, { cause: error });
    }
    inputs.set(path2, { sha256: await hashFile(dst), mtimeMs: (await lstat4(dst)).mtimeMs });
  }
  const dirListings = listings([...code3.keys(), ...inputs.keys()]);
  const dirs = [...dirListings.keys()].sort((a, b) => b.split("/").length - a.split("/").length);
  for (const dir of dirs) await utimes(join10(workDir, dir), MARK_S, MARK_S);
  return { workDir, code: code3, inputs, listings: dirListings, tracking: options.tracking };
}
async function observeReads(ws) {
  const readFiles = [];
  const changed = [];
  const listed = [];
  await inBatches([...ws.code], 64, async ([path2, mtimeMs]) => {
    const info = await lstat4(join10(ws.workDir, path2)).catch(() => null);
    if (!info || Math.abs(info.mtimeMs - mtimeMs) > 1 || !info.isFile()) changed.push(path2);
    else if (ws.tracking === "all" || info.atimeMs !== MARK_MS) readFiles.push(path2);
  });
  const all = ws.tracking === "all" || readFiles.length === 0 && changed.length === 0 && ws.code.size > 0;
  if (all) readFiles.splice(0, readFiles.length, ...[...ws.code.keys()].filter((p) => !changed.includes(p)));
  for (const dir of ws.listings.keys()) {
    const info = await lstat4(join10(ws.workDir, dir)).catch(() => null);
    if (all || !info || info.atimeMs !== MARK_MS) listed.push(dir);
  }
  const reads = {};
  await inBatches(readFiles.sort(), 32, async (path2) => {
    reads[path2] = await hashFile(join10(ws.workDir, path2));
  });
  for (const path2 of changed) reads[path2] = "changed-by-the-job";
  const listingHashes = {};
  for (const dir of listed.sort()) listingHashes[dir] = listingHash(ws.listings.get(dir) ?? []);
  return { reads: sortKeys(reads), listings: listingHashes };
}
function sortKeys(record2) {
  return Object.fromEntries(Object.entries(record2).sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0));
}
var MARK_S, MARK_MS, MissingInputError;
var init_workspace = __esm({
  "src/runner/workspace.ts"() {
    "use strict";
    init_code_tree();
    init_fingerprint();
    init_hash();
    MARK_S = 1e9;
    MARK_MS = MARK_S * 1e3;
    MissingInputError = class extends Error {
      constructor(path2, options) {
        super(`The file ${path2} doesn't exist in the project folder as recorded for this job's needs`, options);
        this.path = path2;
      }
      path;
    };
  }
});

// src/runner/job.ts
import { mkdir as mkdir5, rm as rm4 } from "node:fs/promises";
import { join as join11 } from "node:path";
async function runJob(ctx) {
  const started = ctx.now();
  const startedAt = started.toISOString();
  const log = new JobLog();
  const workDir = join11(ctx.projectDir, WORK_DIR, ctx.jobId);
  const homeDir = join11(ctx.projectDir, WORK_DIR, `${ctx.jobId}.home`);
  let recorded = false;
  const base = {
    action: ctx.action.id,
    jobId: ctx.jobId,
    reason: ctx.reason,
    startedAt,
    exitCode: null,
    processMs: 0,
    outputs: [],
    unmatchedPatterns: [],
    unmatchedFiles: [],
    hint: null,
    level4Warnings: [],
    obsoleteRemoved: [],
    logFile: null
  };
  const finish = (verdict, extra = {}) => {
    const completed = ctx.now();
    const tail = log.tail();
    return {
      ...base,
      ...extra,
      statusCode: verdict.code,
      statusMessage: verdict.message,
      state: verdict.code === "succeeded" ? "succeeded" : "failed",
      completedAt: completed.toISOString(),
      durationMs: completed.getTime() - started.getTime(),
      logTail: tail.lines,
      logTailTruncated: tail.truncated
    };
  };
  let markerError = null;
  const marker = writeRecord(ctx.projectDir, {
    version: 1,
    action: ctx.action.id,
    last: ctx.previous?.last ?? null,
    running: { jobId: ctx.jobId, requestId: ctx.requestId, startedAt, pid: process.pid }
  }).catch((error) => {
    markerError = error;
  });
  const markerWritten = async () => {
    await marker;
    if (markerError) throw markerError;
  };
  const record2 = async (last) => {
    await markerWritten();
    await writeRecord(ctx.projectDir, { version: 1, action: ctx.action.id, last, running: null });
    recorded = true;
  };
  try {
    ctx.setStatus("preparing", startedAt);
    const unsupported = ctx.executor.unsupported(ctx.action, ctx.pipeline);
    if (unsupported) {
      const verdict2 = { code: "job_error", message: unsupported };
      const logFile2 = await writeJobLog(
        ctx,
        log,
        verdict2,
        { exitCode: null, imageId: null, hint: null, startedAtMs: started.getTime() },
        [],
        []
      );
      await record2(failedRecord(ctx, verdict2, startedAt, {}));
      return finish(verdict2, { logFile: logFile2 });
    }
    if (ctx.signal.aborted) {
      await record2(ctx.previous?.last ?? null);
      return finish({ code: "cancelled_by_user", message: MESSAGE_CANCELLED });
    }
    const [ws] = await Promise.all([
      prepareWorkspace({
        projectDir: ctx.projectDir,
        workDir,
        tree: ctx.tree,
        inputs: ctx.inputs,
        tracking: ctx.tracking
      }),
      mkdir5(join11(homeDir, "tmp"), { recursive: true })
    ]);
    ctx.setStatus("prepared", startedAt);
    ctx.setStatus("executing", startedAt);
    const exec = await execute(ctx, workDir, homeDir, log);
    base.exitCode = exec.result.exitCode;
    base.processMs = exec.ms;
    ctx.setStatus("executed", startedAt);
    if (exec.result.exitCode === 0 && exec.result.killed === null) ctx.releaseWorker();
    if (exec.result.killed === "cancelled") {
      await record2(ctx.previous?.last ?? null);
      return finish({ code: "cancelled_by_user", message: MESSAGE_CANCELLED });
    }
    ctx.setStatus("finalizing", startedAt);
    await markerWritten();
    const reads = await observeReads(ws);
    const scan = await scanOutputs(ws, outputSpec(ctx.action.outputs));
    const { persisted, refused: refusedInProject } = await persistOutputs(ws, ctx.projectDir, scan.matched);
    const refused2 = [...scan.refused, ...refusedInProject];
    const previousOutputs = Object.keys(ctx.previous?.last?.outputs ?? {});
    const obsolete = await removeObsolete(
      ctx.projectDir,
      previousOutputs,
      persisted.map((p) => p.path)
    );
    const level4 = [];
    const manifestEntries = {};
    for (const file of persisted) {
      const check2 = file.privacy === "moderately_sensitive" ? await checkLevel4(join11(ctx.projectDir, file.path), file.path, file.size) : { message: null, rows: null, cols: null };
      if (check2.message) level4.push({ path: file.path, message: check2.message });
      manifestEntries[file.path] = {
        level: file.privacy,
        job_id: ctx.jobId,
        job_request: ctx.requestId,
        action: ctx.action.id,
        user: null,
        repo: ctx.manifest.repo,
        commit: ctx.commit,
        size: file.size,
        timestamp: file.mtime,
        content_hash: file.sha256,
        excluded: check2.message !== null,
        message: check2.message,
        row_count: check2.rows,
        col_count: check2.cols
      };
    }
    const verdict = classify(exec.result, ctx.limits, refused2, scan.unmatchedPatterns, level4.length);
    const hint = scan.unmatchedPatterns.length > 0 && scan.unmatchedFiles.length > 0 ? `Did you mean to match one of these files instead?${scan.unmatchedFiles.map((f) => `
 - ${f}`).join("")}` : null;
    ctx.setStatus("finalized", startedAt);
    const removedFromManifest = [...obsolete, ...previousOutputs.filter((p) => !(p in manifestEntries))];
    const [logFile] = await Promise.all([
      writeJobLog(
        ctx,
        log,
        verdict,
        {
          exitCode: exec.result.exitCode,
          imageId: exec.result.imageId,
          hint,
          startedAtMs: started.getTime()
        },
        persisted.map((p) => [p.path, p.privacy]),
        level4.map((w) => [w.path, w.message])
      ),
      ctx.manifest.update(removedFromManifest, manifestEntries)
    ]);
    const outputs = {};
    for (const p of persisted) {
      outputs[p.path] = {
        privacy: p.privacy,
        sha256: p.sha256,
        size: p.size,
        mtimeMs: p.mtimeMs,
        ino: p.ino
      };
    }
    const fingerprint = verdict.code === "succeeded" ? {
      definition: ctx.definition,
      inputs: Object.fromEntries([...ws.inputs].map(([path2, info]) => [path2, info.sha256])),
      reads: reads.reads,
      listings: reads.listings,
      tracking: ws.tracking
    } : null;
    await record2({
      jobId: ctx.jobId,
      requestId: ctx.requestId,
      statusCode: verdict.code,
      statusMessage: verdict.message,
      startedAt,
      completedAt: ctx.now().toISOString(),
      fingerprint,
      outputs
    });
    return finish(verdict, {
      outputs: persisted.map(({ path: path2, privacy, size, sha256 }) => ({ path: path2, privacy, size, sha256 })),
      unmatchedPatterns: [...scan.unmatchedPatterns],
      unmatchedFiles: [...scan.unmatchedFiles],
      hint,
      level4Warnings: level4,
      obsoleteRemoved: obsolete,
      logFile
    });
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    const verdict = { code: "internal_error", message: `${MESSAGE_INTERNAL_ERROR} (${detail})` };
    log.add(`trestle: ${detail}`);
    let logFile = null;
    try {
      logFile = await writeJobLog(
        ctx,
        log,
        verdict,
        { exitCode: base.exitCode, imageId: null, hint: null, startedAtMs: started.getTime() },
        [],
        []
      );
      if (!recorded) await record2(failedRecord(ctx, verdict, startedAt, {}));
    } catch {
    }
    return finish(verdict, { logFile });
  } finally {
    if (!ctx.keepWorkspace) {
      ctx.defer(
        Promise.all([
          rm4(workDir, { recursive: true, force: true }).catch(() => void 0),
          rm4(homeDir, { recursive: true, force: true }).catch(() => void 0)
        ]).then(() => void 0)
      );
    }
  }
}
function failedRecord(ctx, verdict, startedAt, outputs) {
  return {
    jobId: ctx.jobId,
    requestId: ctx.requestId,
    statusCode: verdict.code,
    statusMessage: verdict.message,
    startedAt,
    completedAt: ctx.now().toISOString(),
    fingerprint: null,
    outputs
  };
}
var init_job = __esm({
  "src/runner/job.ts"() {
    "use strict";
    init_job_execute();
    init_job_log();
    init_job_log_file();
    init_job_verdict();
    init_level4();
    init_outputs2();
    init_patterns();
    init_paths2();
    init_records();
    init_status();
    init_workspace();
  }
});

// src/runner/job-id.ts
import { createHash as createHash2, randomBytes as randomBytes2 } from "node:crypto";
function newRequestId() {
  return randomBytes2(5).toString("hex");
}
function jobIdFor(requestId, action) {
  const bytes = createHash2("sha1").update(`${requestId}
${action}`).digest().subarray(0, 10);
  let bits = 0;
  let value = 0;
  let out = "";
  for (const byte of bytes) {
    value = value << 8 | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[value >>> bits - 5 & 31];
      bits -= 5;
    }
  }
  return out;
}
var BASE32;
var init_job_id = __esm({
  "src/runner/job-id.ts"() {
    "use strict";
    BASE32 = "abcdefghijklmnopqrstuvwxyz234567";
  }
});

// src/runner/manifest.ts
import { readFile as readFile10 } from "node:fs/promises";
import { join as join12 } from "node:path";
var ManifestWriter;
var init_manifest = __esm({
  "src/runner/manifest.ts"() {
    "use strict";
    init_fs_util();
    init_paths2();
    ManifestWriter = class {
      constructor(projectDir, workspace, repo, actions) {
        this.projectDir = projectDir;
        this.workspace = workspace;
        this.repo = repo;
        this.actions = actions;
      }
      projectDir;
      workspace;
      repo;
      actions;
      #queue = Promise.resolve();
      // Read once per run: during a run only this writer changes the file.
      #current = null;
      /** Replaces an action's entries: drops `removed`, sets `outputs`. */
      update(removed, outputs) {
        const next = this.#queue.then(async () => {
          this.#current ??= await this.read();
          const manifest = this.#current;
          for (const path2 of removed) delete manifest.outputs[path2];
          Object.assign(manifest.outputs, outputs);
          for (const [path2, entry] of Object.entries(manifest.outputs)) {
            const { out_of_date_action: _, ...rest } = entry;
            manifest.outputs[path2] = this.actions.has(entry.action) ? rest : { ...rest, out_of_date_action: true };
          }
          await writeFileAtomic(join12(this.projectDir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}
`);
        });
        this.#queue = next.catch(() => void 0);
        return next;
      }
      async read() {
        try {
          const data = JSON.parse(
            await readFile10(join12(this.projectDir, MANIFEST_FILE), "utf8")
          );
          if (data && typeof data.outputs === "object" && data.outputs !== null) {
            return { workspace: this.workspace, repo: this.repo, outputs: { ...data.outputs } };
          }
        } catch {
        }
        return { workspace: this.workspace, repo: this.repo, outputs: {} };
      }
    };
  }
});

// src/runner/scheduler.ts
var Scheduler;
var init_scheduler = __esm({
  "src/runner/scheduler.ts"() {
    "use strict";
    init_status();
    Scheduler = class {
      #options;
      #index = /* @__PURE__ */ new Map();
      #remaining = /* @__PURE__ */ new Map();
      #dependents = /* @__PURE__ */ new Map();
      #ready = [];
      #running = /* @__PURE__ */ new Map();
      /** Running jobs that still hold a worker (their process has not ended). */
      #holding = /* @__PURE__ */ new Set();
      #finished = /* @__PURE__ */ new Map();
      #results = [];
      #stopped = false;
      #settle = null;
      constructor(options) {
        this.#options = options;
        options.jobs.forEach((job, i) => {
          this.#index.set(job.action, i);
          this.#dependents.set(job.action, []);
        });
        for (const job of options.jobs) {
          const waits = job.waitsFor.filter((w) => this.#index.has(w));
          this.#remaining.set(job.action, waits.length);
          for (const w of waits) this.#dependents.get(w).push(job.action);
        }
      }
      run() {
        const finished = new Promise((resolve4) => {
          this.#settle = resolve4;
        });
        for (const job of this.#options.jobs)
          this.#options.onPending(job.action, "created", STATUS_MESSAGES.created);
        for (const job of this.#options.jobs) {
          if (this.#remaining.get(job.action) > 0) {
            this.#options.onPending(
              job.action,
              "waiting_on_dependencies",
              STATUS_MESSAGES.waiting_on_dependencies
            );
          } else this.#ready.push(job.action);
        }
        this.#pump();
        return finished.then(() => ({
          results: this.#results,
          notStarted: this.#options.jobs.map((j) => j.action).filter((a) => !this.#finished.has(a))
        }));
      }
      /** Cancels the named jobs (every job when omitted). */
      cancel(actions) {
        const all = actions === void 0;
        if (all) this.#stopped = true;
        const targets = all ? this.#options.jobs.map((j) => j.action) : actions.filter((a) => this.#index.has(a));
        for (const action of targets) {
          if (this.#finished.has(action)) continue;
          const running2 = this.#running.get(action);
          if (running2) {
            if (!running2.signal.aborted) running2.abort("cancelled");
            continue;
          }
          const at = this.#ready.indexOf(action);
          if (at >= 0) this.#ready.splice(at, 1);
          this.#end(this.#options.endWithout(action, "cancelled_by_user", MESSAGE_CANCELLED));
        }
        this.#pump();
      }
      #pump() {
        while (!this.#stopped && this.#ready.length > 0 && this.#holding.size < this.#options.concurrency) {
          const action = this.#ready.shift();
          const controller = new AbortController();
          this.#running.set(action, controller);
          this.#holding.add(action);
          const release = () => {
            if (this.#holding.delete(action)) this.#pump();
          };
          void this.#options.start(action, controller.signal, release).then((result) => {
            this.#running.delete(action);
            this.#holding.delete(action);
            this.#end(result);
            this.#pump();
          });
        }
        if (!this.#stopped) {
          for (const action of this.#ready) {
            this.#options.onPending(action, "waiting_on_workers", STATUS_MESSAGES.waiting_on_workers);
          }
        }
        if (this.#running.size === 0 && (this.#stopped || this.#ready.length === 0)) this.#settle?.();
      }
      #end(result) {
        if (this.#finished.has(result.action)) return;
        this.#finished.set(result.action, result);
        this.#results.push(result);
        this.#options.onFinished(result);
        if (result.state === "succeeded") {
          for (const dependent of this.#dependents.get(result.action) ?? []) {
            const left = this.#remaining.get(dependent) - 1;
            this.#remaining.set(dependent, left);
            if (left === 0 && !this.#finished.has(dependent)) this.#insertReady(dependent);
          }
          return;
        }
        if (result.statusCode === "internal_error") this.#stopped = true;
        if (!this.#options.continueOnError && result.statusCode !== "cancelled_by_user" && result.statusCode !== "dependency_failed") {
          this.#stopped = true;
        }
        for (const dependent of this.#dependents.get(result.action) ?? []) {
          if (!this.#finished.has(dependent) && !this.#running.has(dependent)) {
            this.#end(this.#options.endWithout(dependent, "dependency_failed", MESSAGE_DEPENDENCY_FAILED));
          }
        }
      }
      #insertReady(action) {
        const index = this.#index.get(action);
        let at = this.#ready.length;
        while (at > 0 && this.#index.get(this.#ready[at - 1]) > index) at--;
        this.#ready.splice(at, 0, action);
      }
    };
  }
});

// src/runner/state/lock.ts
import { mkdir as mkdir6, open, readFile as readFile11, rm as rm5 } from "node:fs/promises";
import { join as join13 } from "node:path";
function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === "EPERM";
  }
}
async function acquireLock(projectDir) {
  const path2 = join13(projectDir, LOCK_FILE);
  if (heldHere.has(path2)) return { ok: false, pid: process.pid };
  await mkdir6(join13(projectDir, STATE_DIR), { recursive: true });
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const handle = await open(path2, "wx");
      await handle.writeFile(`${process.pid}
`);
      await handle.close();
      heldHere.add(path2);
      return {
        ok: true,
        release: async () => {
          heldHere.delete(path2);
          await rm5(path2, { force: true });
        }
      };
    } catch (error) {
      if (error.code !== "EEXIST") throw error;
    }
    const pid = Number.parseInt(await readFile11(path2, "utf8").catch(() => ""), 10);
    if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && alive(pid)) return { ok: false, pid };
    await rm5(path2, { force: true });
  }
  return { ok: false, pid: 0 };
}
var heldHere;
var init_lock = __esm({
  "src/runner/state/lock.ts"() {
    "use strict";
    init_paths2();
    heldHere = /* @__PURE__ */ new Set();
  }
});

// src/runner/run.ts
import { rm as rm6 } from "node:fs/promises";
import { availableParallelism } from "node:os";
import { basename, join as join14, resolve } from "node:path";
function startRun(options) {
  const requestId = options.requestId ?? newRequestId();
  const snapshots = /* @__PURE__ */ new Map();
  let scheduler = null;
  let cancelAll = false;
  const earlyCancels = /* @__PURE__ */ new Set();
  const emit = (event) => {
    try {
      options.onEvent?.(event);
    } catch {
    }
  };
  const cancel = (actions) => {
    if (actions === void 0) cancelAll = true;
    else for (const a of actions) earlyCancels.add(a);
    scheduler?.cancel(actions);
  };
  options.signal?.addEventListener("abort", () => cancel(), { once: true });
  if (options.signal?.aborted) cancelAll = true;
  const done = execute2(options, requestId, snapshots, emit, (s) => {
    scheduler = s;
    if (cancelAll) s.cancel();
    else if (earlyCancels.size > 0) s.cancel([...earlyCancels]);
  }).catch(
    (error) => ({
      kind: "cannot_start",
      problem: {
        code: "bad_option",
        message: `the run could not start: ${error instanceof Error ? error.message : String(error)}`
      }
    })
  );
  return { requestId, done, cancel, jobs: () => [...snapshots.values()] };
}
function exitCodeFor(outcome) {
  if (outcome.kind === "cannot_start") return 2;
  if (outcome.kind === "nothing_to_do") return 0;
  return outcome.result.ok ? 0 : 1;
}
function checkOptions(options, requestId) {
  const bad = (message) => ({ code: "bad_option", message });
  if (!REQUEST_ID.test(requestId)) return bad("the request id must be 10 lower-case hex characters");
  const concurrency = options.concurrency ?? availableParallelism();
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 1024) {
    return bad("concurrency must be a whole number from 1 to 1024");
  }
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  if (!(limits.timeoutMs > 0 && limits.timeoutMs <= 2 ** 31 - 1))
    return bad("the time limit must be between 1 ms and 24 days");
  if (!(limits.memoryBytes >= 6 * 1024 ** 2)) return bad("the memory limit must be at least 6M");
  if (!(limits.cpus > 0 && limits.cpus <= 1024)) return bad("cpus must be more than 0");
  return { limits, concurrency };
}
async function execute2(options, requestId, snapshots, emit, onScheduler) {
  const checked = checkOptions(options, requestId);
  if ("code" in checked) return { kind: "cannot_start", problem: checked };
  const projectDir = resolve(options.projectDir);
  const now = options.now ?? (() => /* @__PURE__ */ new Date());
  const runStart = now();
  let pipeline2 = options.pipeline;
  if (!pipeline2) {
    const loaded = await loadProject(projectDir);
    if ("problem" in loaded) return { kind: "cannot_start", problem: loaded.problem };
    pipeline2 = loaded.pipeline;
  }
  const requestProblem = checkRequest(pipeline2, options.actions);
  if (requestProblem) return { kind: "cannot_start", problem: requestProblem };
  const lock = await acquireLock(projectDir).catch((error) => ({
    ok: false,
    pid: 0,
    error
  }));
  if (!lock.ok) {
    const message = "error" in lock ? `cannot use ${projectDir}: ${lock.error instanceof Error ? lock.error.message : String(lock.error)}` : `another run (pid ${lock.pid}) is using ${projectDir}; wait for it to end, or delete ${join14(projectDir, "metadata/.trestle/lock")} if that process is gone`;
    return { kind: "cannot_start", problem: { code: "project_busy", message, pid: lock.pid } };
  }
  try {
    await rm6(join14(projectDir, WORK_DIR), { recursive: true, force: true });
    const details2 = await planDetails({ ...options, projectDir, pipeline: pipeline2 });
    if ("problem" in details2) return { kind: "cannot_start", problem: details2.problem };
    const { plan, tree, records, definitions } = details2;
    if (plan.jobs.length === 0) {
      return {
        kind: "nothing_to_do",
        message: "All actions have already completed successfully",
        reused: plan.reused
      };
    }
    const chosen = await chooseExecutor(options);
    if ("problem" in chosen)
      return { kind: "cannot_start", problem: { code: "executor_unavailable", message: chosen.problem } };
    const { executor, info } = chosen;
    const prepareSignal = options.signal ?? new AbortController().signal;
    const actions = plan.jobs.map((j) => pipeline2.actions.get(j.action));
    const prepareProblem = await executor.prepare(actions, prepareSignal);
    if (prepareProblem)
      return { kind: "cannot_start", problem: { code: "executor_unavailable", message: prepareProblem } };
    const remoteFiles = executor.name === "docker" && process.platform !== "linux";
    const tracking = remoteFiles ? "all" : await probeReadTracking(join14(projectDir, WORK_DIR));
    const manifest = new ManifestWriter(
      projectDir,
      options.workspaceName ?? basename(projectDir),
      options.repo ?? null,
      new Set(pipeline2.actions.keys())
    );
    const jobIds = new Map(plan.jobs.map((j) => [j.action, jobIdFor(requestId, j.action)]));
    const reasons = new Map(plan.jobs.map((j) => [j.action, j.reason]));
    const setSnapshot = (action, code3, message, startedAt, completedAt) => {
      const before = snapshots.get(action);
      if (before && before.statusCode === code3 && before.statusMessage === message) return;
      const snapshot = {
        action,
        jobId: jobIds.get(action),
        state: stateOf(code3),
        statusCode: code3,
        statusMessage: message,
        startedAt,
        completedAt
      };
      snapshots.set(action, snapshot);
      emit({ type: "job_status", job: snapshot });
    };
    emit({ type: "run_started", requestId, executor: info, plan });
    const latestRecords = new Map(records);
    const deferred = [];
    const scheduler = new Scheduler({
      jobs: plan.jobs,
      concurrency: checked.concurrency,
      continueOnError: options.continueOnError === true,
      onPending: (action, code3, message) => setSnapshot(action, code3, message, null, null),
      onFinished: (result2) => {
        setSnapshot(
          result2.action,
          result2.statusCode,
          result2.statusMessage,
          result2.startedAt,
          result2.completedAt
        );
        emit({ type: "job_finished", result: result2 });
      },
      endWithout: (action, code3, message) => endWithout(action, jobIds.get(action), reasons.get(action), code3, message, now),
      start: (action, signal, release) => {
        const pipelineAction = pipeline2.actions.get(action);
        const jobId = jobIds.get(action);
        return runJob({
          projectDir,
          pipeline: pipeline2,
          action: pipelineAction,
          jobId,
          requestId,
          workspaceName: options.workspaceName ?? basename(projectDir),
          reason: reasons.get(action),
          definition: definitions.get(action),
          tree,
          tracking,
          executor,
          limits: checked.limits,
          commit: options.commit ?? null,
          // Records may have changed since planning: a need that ran in this run wrote a new one.
          previous: records.get(action) ?? null,
          inputs: Object.keys(inputsFrom(pipelineAction.needs, latestRecords)),
          manifest,
          signal,
          keepWorkspace: options.keepWorkspaces === true,
          now,
          setStatus: (code3, startedAt) => setSnapshot(action, code3, STATUS_MESSAGES[code3], startedAt, null),
          onLine: (line, stream) => emit({ type: "job_output", action, jobId, line, stream }),
          defer: (work) => deferred.push(work),
          releaseWorker: release
        }).then((result2) => {
          latestRecords.set(action, recordFromResult(result2, records.get(action) ?? null));
          return result2;
        });
      }
    });
    onScheduler(scheduler);
    const { results, notStarted } = await scheduler.run();
    await Promise.all(deferred);
    const end = now();
    const cancelled = results.some((r) => r.statusCode === "cancelled_by_user");
    const result = {
      requestId,
      executor: info,
      ok: results.every((r) => r.state === "succeeded") && notStarted.length === 0,
      jobs: results,
      reused: plan.reused,
      notStarted,
      cancelled,
      startedAt: runStart.toISOString(),
      completedAt: end.toISOString(),
      durationMs: end.getTime() - runStart.getTime()
    };
    emit({ type: "run_finished", result });
    return { kind: "completed", result };
  } finally {
    await lock.release();
  }
}
async function chooseExecutor(options) {
  const choice = options.executor ?? "auto";
  if (typeof choice === "object")
    return { executor: choice, info: { name: choice.name, reason: "given by the caller" } };
  return selectExecutor(choice, { hostEnv: options.hostEnv ?? process.env });
}
function recordFromResult(result, previous) {
  if (result.statusCode === "cancelled_by_user") return previous;
  return {
    version: 1,
    action: result.action,
    running: null,
    last: {
      jobId: result.jobId,
      requestId: "",
      statusCode: result.statusCode,
      statusMessage: result.statusMessage,
      startedAt: result.startedAt,
      completedAt: result.completedAt ?? "",
      fingerprint: null,
      outputs: Object.fromEntries(
        result.outputs.map((o) => [o.path, { privacy: o.privacy, sha256: o.sha256, size: o.size }])
      )
    }
  };
}
function endWithout(action, jobId, reason, code3, message, now) {
  return {
    action,
    jobId,
    state: "failed",
    statusCode: code3,
    statusMessage: message,
    startedAt: null,
    completedAt: now().toISOString(),
    reason,
    exitCode: null,
    durationMs: 0,
    processMs: 0,
    outputs: [],
    unmatchedPatterns: [],
    unmatchedFiles: [],
    hint: null,
    level4Warnings: [],
    obsoleteRemoved: [],
    logFile: null,
    logTail: [],
    logTailTruncated: false
  };
}
var REQUEST_ID;
var init_run = __esm({
  "src/runner/run.ts"() {
    "use strict";
    init_select();
    init_job();
    init_job_id();
    init_limits();
    init_manifest();
    init_plan();
    init_project();
    init_scheduler();
    init_lock();
    init_paths2();
    init_status();
    init_workspace();
    REQUEST_ID = /^[0-9a-f]{10}$/;
  }
});

// src/runner/summary.ts
function summaryOrder(jobs) {
  const byStart = (a, b) => (a.startedAt ?? "").localeCompare(b.startedAt ?? "");
  const shown = jobs.filter((j) => j.statusCode !== "dependency_failed");
  return [
    ...shown.filter((j) => j.state === "succeeded").sort(byStart),
    ...shown.filter((j) => j.state !== "succeeded").sort(byStart)
  ];
}
function indent(text, by) {
  return text.split("\n").map((line) => `${by}${line}`).join("\n");
}
function formatJobBlock(job, options = {}) {
  const heading = options.heading ?? ((t) => t);
  const lines = [heading(`=> ${job.action}`), indent(job.statusMessage, "   ")];
  if (job.hint) lines.push(indent(job.hint, "   "));
  if (job.logFile) lines.push("", `   log file: ${job.logFile}`);
  lines.push("   outputs:");
  lines.push(
    tabulate(
      job.outputs.map((o) => [o.path, o.privacy]),
      5,
      "(no outputs)"
    )
  );
  if (job.level4Warnings.length > 0) {
    lines.push("   invalid moderately_sensitive outputs:");
    lines.push(
      tabulate(
        job.level4Warnings.map((w) => [w.path, w.message]),
        5
      )
    );
  }
  if (job.statusCode === "nonzero_exit" && job.logTail.length > 0) {
    lines.push("", job.logTailTruncated ? "   logs (truncated):" : "   logs:");
    lines.push(...job.logTail.map((l) => `     ${l}`));
  }
  return lines.join("\n");
}
function formatTally(result) {
  const count2 = (n, what) => `${n} ${what}`;
  const succeeded = result.jobs.filter((j) => j.state === "succeeded").length;
  const depFailed = result.jobs.filter((j) => j.statusCode === "dependency_failed").length;
  const cancelled = result.jobs.filter((j) => j.statusCode === "cancelled_by_user").length;
  const failed2 = result.jobs.length - succeeded - depFailed - cancelled;
  const parts = [count2(succeeded, "succeeded"), count2(failed2, "failed")];
  if (depFailed > 0) parts.push(count2(depFailed, "not run (dependency failed)"));
  if (cancelled > 0) parts.push(count2(cancelled, "cancelled"));
  if (result.notStarted.length > 0) parts.push(count2(result.notStarted.length, "not started"));
  if (result.reused.length > 0) parts.push(count2(result.reused.length, "up to date"));
  return `=> ${parts.join(", ")} in ${(result.durationMs / 1e3).toFixed(1)}s`;
}
function formatProblem(problem) {
  const lines = [`=> ${HEADERS[problem.code]}`, indent(problem.message, "   ")];
  if (problem.code === "unknown_actions") {
    lines.push("", "   Valid action names are:");
    for (const name3 of problem.valid)
      lines.push(`     ${name3 === RUN_ALL ? `${RUN_ALL} (runs all actions in project)` : name3}`);
  }
  if (problem.code === "invalid_project") {
    for (const issue of problem.errors.slice(1, 20)) {
      lines.push(`   ${issue.line ? `line ${issue.line}: ` : ""}${issue.message}`);
    }
  }
  return lines.join("\n");
}
function formatSummary(outcome, options = {}) {
  if (outcome.kind === "cannot_start") return formatProblem(outcome.problem);
  if (outcome.kind === "nothing_to_do") {
    return "=> All actions already completed successfully\n   Use -f option to force everything to re-run";
  }
  const { result } = outcome;
  const blocks = summaryOrder(result.jobs).map((j) => formatJobBlock(j, options));
  if (result.notStarted.length > 0) {
    blocks.push(
      `=> not started after a failure (use --continue-on-error to run them):
${result.notStarted.map((a) => `   ${a}`).join("\n")}`
    );
  }
  const depFailed = result.jobs.filter((j) => j.statusCode === "dependency_failed");
  if (depFailed.length > 0) {
    blocks.push(
      `=> not run because a dependency failed:
${depFailed.map((j) => `   ${j.action}`).join("\n")}`
    );
  }
  if (result.reused.length > 0) {
    blocks.push(`=> up to date (reused):
${result.reused.map((r) => `   ${r.action}`).join("\n")}`);
  }
  blocks.push(formatTally(result));
  return blocks.join("\n\n");
}
var HEADERS;
var init_summary = __esm({
  "src/runner/summary.ts"() {
    "use strict";
    init_pipeline();
    init_job_log();
    HEADERS = {
      no_actions: "JobRequestError",
      no_project: "ProjectValidationError",
      invalid_project: "ProjectValidationError",
      unknown_actions: "UnknownActionError",
      executor_unavailable: "ExecutorError",
      project_busy: "ProjectBusyError",
      bad_option: "UsageError"
    };
  }
});

// src/runner/index.ts
var init_runner = __esm({
  "src/runner/index.ts"() {
    "use strict";
    init_docker();
    init_docker_cli();
    init_local();
    init_select();
    init_stub();
    init_limits();
    init_plan();
    init_run();
    init_paths2();
    init_status();
    init_summary();
  }
});

// src/cli/commands/run.ts
var run_exports = {};
__export(run_exports, {
  registerRun: () => registerRun,
  run: () => run
});
import { readFile as readFile12 } from "node:fs/promises";
import { join as join15, resolve as resolve2 } from "node:path";
function registerRun(program2) {
  program2.command("run").description("Run actions (and the dependencies that are not up to date) on dummy data.").argument("[actions...]", "action names, or run_all for every action").option("--project <dir>", "the folder holding project.yaml", ".").option("-f, --force-run-dependencies", "re-run dependencies even when they are up to date").option("--continue-on-error", "keep running jobs that do not depend on a failed one").addOption(
    new Option("--executor <executor>", "auto: docker when a daemon answers, else local").choices(["auto", "local", "docker"]).default("auto")
  ).option("--concurrency <n>", "jobs at once (default: the number of CPUs)").addOption(new Option("--format <format>", "how to print the summary").choices(FORMATS2).default("text")).option("--timeout <duration>", "time limit per job, e.g. 90s, 30m, 2h (default 1h)").option("--memory <size>", "memory limit per job, e.g. 512M, 4G (default 4G)").option("--cpus <n>", "CPUs per job with the docker executor (default 2)").option("--keep-workspaces", "keep each job's workspace under metadata/.trestle/work for debugging").action(async (actions, flags) => {
    process.exitCode = await run(actions, flags);
  });
}
function usage(message) {
  writeStderr(`trestle run: ${message}
`);
  return EXIT_USAGE;
}
async function run(actions, flags) {
  const concurrency = flags.concurrency === void 0 ? void 0 : Number(flags.concurrency);
  if (concurrency !== void 0 && !(Number.isInteger(concurrency) && concurrency >= 1 && concurrency <= 1024)) {
    return usage(`--concurrency must be a whole number from 1 to 1024, not '${flags.concurrency}'`);
  }
  const timeoutMs = flags.timeout === void 0 ? void 0 : parseDuration(flags.timeout);
  if (timeoutMs === null || timeoutMs !== void 0 && timeoutMs > 2 ** 31 - 1) {
    return usage(`--timeout must be a duration such as 90s, 30m or 2h, not '${flags.timeout}'`);
  }
  const memoryBytes = flags.memory === void 0 ? void 0 : parseMemory(flags.memory);
  if (memoryBytes === null)
    return usage(`--memory must be a size of at least 6M such as 512M or 4G, not '${flags.memory}'`);
  const cpus = flags.cpus === void 0 ? void 0 : Number(flags.cpus);
  if (cpus !== void 0 && !(Number.isFinite(cpus) && cpus > 0 && cpus <= 1024)) {
    return usage(`--cpus must be a number above 0, not '${flags.cpus}'`);
  }
  const projectDir = resolve2(flags.project);
  const progress = flags.format === "json" ? null : createProgress(flags.format, flags.format === "github" ? process.stdout : process.stderr);
  const controller = new AbortController();
  let interrupts = 0;
  const onInterrupt = () => {
    interrupts += 1;
    if (interrupts > 1) process.exit(130);
    writeStderr("\nStopping: cancelling running jobs (press Ctrl-C again to quit at once)\n");
    controller.abort();
  };
  process.on("SIGINT", onInterrupt);
  process.on("SIGTERM", onInterrupt);
  let outcome;
  try {
    const handle = startRun({
      projectDir,
      actions,
      forceRunDependencies: flags.forceRunDependencies === true,
      continueOnError: flags.continueOnError === true,
      executor: flags.executor,
      concurrency,
      limits: {
        ...timeoutMs === void 0 ? {} : { timeoutMs },
        ...memoryBytes === void 0 ? {} : { memoryBytes },
        ...cpus === void 0 ? {} : { cpus }
      },
      signal: controller.signal,
      keepWorkspaces: flags.keepWorkspaces === true,
      onEvent: (event) => progress?.event(event)
    });
    outcome = await handle.done;
  } finally {
    progress?.close();
    process.off("SIGINT", onInterrupt);
    process.off("SIGTERM", onInterrupt);
  }
  await printOutcome(outcome, flags.format, projectDir);
  return exitCodeFor(outcome);
}
async function printOutcome(outcome, format, projectDir) {
  if (format === "json") {
    writeStdout(`${JSON.stringify({ ...outcome, exitCode: exitCodeFor(outcome) }, null, 2)}
`);
    return;
  }
  if (format === "text") {
    writeStdout(`
${formatSummary(outcome)}
`);
    return;
  }
  const bold = (text) => `\x1B[1m${text}\x1B[0m`;
  writeStdout(`
${formatSummary(outcome, { heading: bold })}
`);
  if (outcome.kind !== "completed") {
    if (outcome.kind === "cannot_start")
      writeStdout(`::error title=trestle run::${escapeData2(outcome.problem.message)}
`);
    return;
  }
  for (const job of outcome.result.jobs) {
    if (job.logFile) {
      const log = await readFile12(join15(projectDir, job.logFile), "utf8").catch(() => "");
      writeStdout(`::group::log file: ${job.logFile}
${log}::endgroup::
`);
    }
    if (job.state === "failed" && job.statusCode !== "dependency_failed") {
      writeStdout(
        `::error title=${escapeProperty2(`${job.action}: ${job.statusCode}`)}::${escapeData2(job.statusMessage)}
`
      );
    }
    for (const warning of job.level4Warnings) {
      writeStdout(
        `::warning title=${escapeProperty2(`${job.action}: level 4`)}::${escapeData2(`${warning.path}: ${warning.message}`)}
`
      );
    }
  }
}
function escapeData2(text) {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}
function escapeProperty2(text) {
  return escapeData2(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}
function createProgress(format, stream) {
  const live = format === "text" && stream.isTTY === true && !process.env.CI;
  return live ? liveProgress(stream) : plainProgress(format, stream);
}
function header(event) {
  const lines = [`Executor: ${event.executor.name} (${event.executor.reason})`];
  for (const reused of event.plan.reused) lines.push(`${reused.action}: up to date, reusing its outputs`);
  lines.push("", `Running actions: ${event.plan.jobs.map((j) => j.action).join(", ")}`, "");
  return `${lines.join("\n")}
`;
}
function plainProgress(format, stream) {
  let grouped = false;
  return {
    event(event) {
      if (event.type === "run_started") {
        stream.write(header(event));
        if (format === "github") {
          stream.write("::group::Job Runner Logs (click to view)\n");
          grouped = true;
        }
        for (const job of event.plan.jobs) stream.write(`${job.action}: will run because ${job.detail}
`);
      } else if (event.type === "job_status" && !QUIET_CODES.has(event.job.statusCode)) {
        stream.write(`${event.job.action}: ${firstLine(event.job.statusMessage)}
`);
      }
    },
    close() {
      if (grouped) stream.write("::endgroup::\n");
    }
  };
}
function firstLine(text) {
  const line = text.split("\n")[0] ?? "";
  return text.includes("\n") ? `${line} \u2026` : line;
}
function liveProgress(stream) {
  const running2 = /* @__PURE__ */ new Map();
  let drawn = 0;
  const width = () => Math.max((stream.columns || 100) - 1, 20);
  const clear = () => {
    if (drawn > 0) stream.write(`\x1B[${drawn}A\x1B[0J`);
    drawn = 0;
  };
  const draw = () => {
    clear();
    const lines = [...running2.values()].map(({ job, since, last }) => {
      const seconds = ((Date.now() - since) / 1e3).toFixed(0).padStart(4);
      const text = `  ${job.action}  ${job.statusCode}  ${seconds}s${last ? `  | ${last}` : ""}`;
      return text.length > width() ? `${text.slice(0, width() - 1)}\u2026` : text;
    });
    if (lines.length > 0) stream.write(`${lines.join("\n")}
`);
    drawn = lines.length;
  };
  const timer2 = setInterval(draw, 500);
  timer2.unref();
  const finished = (result) => {
    const mark = result.state === "succeeded" ? "ok  " : "FAIL";
    const seconds = (result.durationMs / 1e3).toFixed(1);
    return `${mark} ${result.action} (${result.statusCode}, ${seconds}s)
`;
  };
  return {
    event(event) {
      if (event.type === "run_started") {
        clear();
        stream.write(header(event));
      } else if (event.type === "job_status" && event.job.state === "running") {
        const entry = running2.get(event.job.action);
        running2.set(event.job.action, {
          job: event.job,
          since: entry?.since ?? Date.now(),
          last: entry?.last ?? ""
        });
        draw();
      } else if (event.type === "job_output") {
        const entry = running2.get(event.action);
        if (entry) entry.last = event.line;
      } else if (event.type === "job_finished") {
        running2.delete(event.result.action);
        clear();
        stream.write(finished(event.result));
        draw();
      }
    },
    close() {
      clearInterval(timer2);
      clear();
    }
  };
}
var FORMATS2, QUIET_CODES;
var init_run2 = __esm({
  "src/cli/commands/run.ts"() {
    "use strict";
    init_esm();
    init_runner();
    init_exit_codes();
    init_write_output();
    FORMATS2 = ["text", "json", "github"];
    QUIET_CODES = /* @__PURE__ */ new Set([
      "created",
      "waiting_on_dependencies",
      "waiting_on_workers",
      "dependency_failed"
    ]);
  }
});

// src/codelists/python-text.ts
function isLineBreak(code3) {
  if (code3 > 8233) return false;
  return code3 >= 10 && code3 <= 13 || code3 >= 28 && code3 <= 30 || code3 === 133 || code3 >= 8232;
}
function splitLines(text) {
  const lines = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const code3 = text.charCodeAt(i);
    if (!isLineBreak(code3)) continue;
    lines.push(text.slice(start, i));
    if (code3 === 13 && text.charCodeAt(i + 1) === 10) i++;
    start = i + 1;
  }
  if (start < text.length) lines.push(text.slice(start));
  return lines;
}
function strip(text) {
  let start = 0;
  let end = text.length;
  while (start < end && PY_WHITESPACE.includes(text[start])) start++;
  while (end > start && PY_WHITESPACE.includes(text[end - 1])) end--;
  return text.slice(start, end);
}
function rstrip(text, chars) {
  let end = text.length;
  while (end > 0 && chars.includes(text[end - 1])) end--;
  return text.slice(0, end);
}
var PY_WHITESPACE;
var init_python_text = __esm({
  "src/codelists/python-text.ts"() {
    "use strict";
    PY_WHITESPACE = "	\n\v\f\r \x85\xA0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u2028\u2029\u202F\u205F\u3000";
  }
});

// src/codelists/codelists-file.ts
function parseCodelistLine(raw, baseUrl = OPENCODELISTS_BASE_URL) {
  const line = rstrip(strip(raw), "/");
  if (line === "" || line.startsWith("#")) return null;
  const tokens = line.split("/");
  if (tokens.length !== 3 && tokens.length !== 4) {
    return `${line} does not match [project]/[codelist]/[version] or user/[username]/[codelist]/[version]`;
  }
  const url = `${baseUrl}/codelist/${line}/`;
  return {
    id: line,
    codelist: tokens.slice(0, -1).join("/"),
    version: tokens[tokens.length - 1],
    url,
    downloadUrl: `${url}download.csv`,
    filename: `${tokens.slice(0, -1).join("-")}.csv`
  };
}
function parseCodelistsFile(text, baseUrl = OPENCODELISTS_BASE_URL) {
  const codelists = [];
  const versions = /* @__PURE__ */ new Map();
  for (const line of splitLines(text)) {
    const parsed = parseCodelistLine(line, baseUrl);
    if (parsed === null) continue;
    if (typeof parsed === "string") return { ok: false, message: parsed };
    const existing = versions.get(parsed.codelist);
    if (existing === parsed.version)
      return { ok: false, message: `${line} is a duplicate of a previous line` };
    if (existing !== void 0) {
      return {
        ok: false,
        message: `${line} conflicts with a different version of the same codelist: ${existing}`
      };
    }
    versions.set(parsed.codelist, parsed.version);
    codelists.push(parsed);
  }
  return { ok: true, codelists };
}
var OPENCODELISTS_BASE_URL, CODELISTS_DIR, CODELISTS_FILE, MANIFEST_FILE2;
var init_codelists_file = __esm({
  "src/codelists/codelists-file.ts"() {
    "use strict";
    init_python_text();
    OPENCODELISTS_BASE_URL = "https://www.opencodelists.org";
    CODELISTS_DIR = "codelists";
    CODELISTS_FILE = "codelists.txt";
    MANIFEST_FILE2 = "codelists.json";
  }
});

// src/codelists/hash.ts
import { createHash as createHash3 } from "node:crypto";
function normaliseLineEndings(content) {
  const out = new Uint8Array(content.length);
  let n = 0;
  for (let i = 0; i < content.length; i++) {
    const byte = content[i];
    if (byte === 13) {
      out[n++] = 10;
      if (content[i + 1] === 10) i++;
    } else {
      out[n++] = byte;
    }
  }
  if (n > 0 && out[n - 1] === 10) n--;
  return out.subarray(0, n);
}
function codelistSha(content) {
  return createHash3("sha1").update(normaliseLineEndings(content)).digest("hex");
}
var init_hash2 = __esm({
  "src/codelists/hash.ts"() {
    "use strict";
  }
});

// src/codelists/manifest.ts
import * as z from "zod/mini";
function parseManifest(text) {
  let json3;
  try {
    json3 = JSON.parse(text);
  } catch {
    return null;
  }
  const parsed = manifestSchema.safeParse(json3);
  if (!parsed.success) return null;
  return new Map(Object.entries(parsed.data.files).map(([file, e]) => [file, { id: e.id, sha: e.sha }]));
}
var entrySchema, manifestSchema, INVALID_MANIFEST_MESSAGE;
var init_manifest2 = __esm({
  "src/codelists/manifest.ts"() {
    "use strict";
    init_codelists_file();
    entrySchema = z.looseObject({ id: z.string(), sha: z.string() });
    manifestSchema = z.looseObject({ files: z.record(z.string(), entrySchema) });
    INVALID_MANIFEST_MESSAGE = `'${CODELISTS_DIR}/${MANIFEST_FILE2}' is invalid.
Note that this file is automatically generated and should not be manually edited.
`;
  }
});

// src/codelists/messages.ts
function withUpdatePrompt(message) {
  return `${message}
To fix these errors run the command below and commit the changes:

  opensafely codelists update
`;
}
function formatDiff(a, b) {
  const added = [...a].filter((x) => !b.has(x)).sort();
  const removed = [...b].filter((x) => !a.has(x)).sort();
  return [...added.map((x) => `    added: ${x}`), ...removed.map((x) => `  removed: ${x}`)].join("\n");
}
var init_messages = __esm({
  "src/codelists/messages.ts"() {
    "use strict";
  }
});

// src/codelists/temporary-manifest.ts
async function buildTemporaryManifest(codelists, options) {
  const messages = [];
  const manifest = /* @__PURE__ */ new Map();
  for (const codelist of codelists) {
    messages.push({ level: "info", text: `Fetching ${codelist.id}` });
    const fetched = await download(codelist, options);
    if (typeof fetched === "string") {
      messages.push({ level: "error", text: fetched, file: "codelists/codelists.txt" });
      return { ok: false, messages };
    }
    manifest.set(codelist.filename, { id: codelist.id, sha: codelistSha(fetched) });
  }
  return { ok: true, manifest, messages };
}
async function download(codelist, options) {
  const failure = (reason) => `Error downloading codelist: ${reason}

Check that you can access the codelist at:
${codelist.url}`;
  try {
    const response = await options.fetch(codelist.downloadUrl, {
      headers: { "user-agent": options.userAgent },
      signal: AbortSignal.timeout(options.timeoutMs)
    });
    if (!response.ok)
      return failure(`${response.status} ${response.statusText} for url: ${codelist.downloadUrl}`);
    const contentType = (response.headers.get("content-type") ?? "").split(";")[0].trim();
    if (contentType !== "text/csv") {
      const text = await response.text();
      if (text.toLowerCase().includes("this version is a draft")) {
        return `Codelist at:
${codelist.url}
is a draft codelist and cannot be added.`;
      }
      return failure("No codelist found at URL");
    }
    return new Uint8Array(await response.arrayBuffer());
  } catch (error) {
    return failure(describe2(error));
  }
}
function describe2(error) {
  if (error instanceof Error) {
    const cause = error.cause instanceof Error ? `: ${error.cause.message}` : "";
    return `${error.message}${cause}`;
  }
  return String(error);
}
var init_temporary_manifest = __esm({
  "src/codelists/temporary-manifest.ts"() {
    "use strict";
    init_hash2();
  }
});

// src/codelists/upstream.ts
async function checkUpstream(codelistsText, manifestText, options) {
  const unreachable = () => ({
    failed: false,
    message: {
      level: "warning",
      text: `Local codelists OK; could not contact ${options.baseUrl} for upstream check, try again later`
    }
  });
  let body;
  try {
    const response = await options.fetch(`${options.baseUrl}/api/v1/check/`, {
      method: "POST",
      headers: { "user-agent": options.userAgent },
      body: new URLSearchParams({ codelists: codelistsText, manifest: manifestText }),
      signal: AbortSignal.timeout(options.timeoutMs)
    });
    if (!response.ok) return unreachable();
    body = await response.json();
  } catch {
    return unreachable();
  }
  if (body === null || typeof body !== "object") return unreachable();
  if (body.status !== "error") {
    return body.status === "ok" ? { failed: false, message: { level: "info", text: "Codelists OK" } } : unreachable();
  }
  const data = body.data ?? {};
  let text;
  if (data.error !== void 0) {
    text = `Error checking upstream codelists: ${String(data.error)}
`;
  } else if (nonEmpty(data.added) || nonEmpty(data.removed)) {
    text = "Codelists have been added or removed\n\nFor details, run:\n\n  opensafely codelists check\n";
  } else {
    const changed = Array.isArray(data.changed) ? data.changed.map(String) : [];
    text = `Some codelists are out of date
Codelists affected:
  ${changed.join("\n  ")}
`;
  }
  if (options.inCi) return { failed: false, message: { level: "warning", text } };
  return { failed: true, message: { level: "error", text: withUpdatePrompt(text) } };
}
function nonEmpty(value) {
  return Array.isArray(value) ? value.length > 0 : Boolean(value);
}
var init_upstream = __esm({
  "src/codelists/upstream.ts"() {
    "use strict";
    init_messages();
  }
});

// src/codelists/check.ts
import { readdir as readdir4, readFile as readFile13, stat as stat4 } from "node:fs/promises";
import { join as join16 } from "node:path";
async function checkCodelists(projectDir, options = {}) {
  const baseUrl = options.baseUrl ?? OPENCODELISTS_BASE_URL;
  const net = {
    fetch: options.fetch ?? globalThis.fetch,
    timeoutMs: options.timeoutMs ?? 1e4,
    userAgent: options.userAgent ?? `Trestle${options.inCi ? " (GitHub CI)" : ""}`
  };
  const messages = [];
  const fail2 = (text, file) => ({
    outcome: "failed",
    messages: [...messages, file === void 0 ? { level: "error", text } : { level: "error", text, file }]
  });
  const dir = join16(projectDir, CODELISTS_DIR);
  const dirKind = await kindOf(dir);
  if (dirKind === "missing") {
    return {
      outcome: "no-codelists",
      messages: [{ level: "info", text: `No '${CODELISTS_DIR}' directory present so nothing to check` }]
    };
  }
  if (dirKind !== "dir") return fail2(`No '${CODELISTS_DIR}' folder found`, CODELISTS_DIR);
  const codelistsText = await readText(join16(dir, CODELISTS_FILE));
  if (codelistsText === null) return fail2(`No file found at '${TXT}'`, TXT);
  const parsed = parseCodelistsFile(codelistsText, baseUrl);
  if (!parsed.ok) return fail2(parsed.message, TXT);
  let manifest;
  const manifestText = await readText(join16(dir, MANIFEST_FILE2));
  if (manifestText === null) {
    if (!options.inCi) return fail2(withUpdatePrompt(`No file found at '${JSON_FILE}'.`), JSON_FILE);
    messages.push({ level: "warning", text: CI_WORKAROUND, file: JSON_FILE });
    const temporary = await buildTemporaryManifest(parsed.codelists, net);
    messages.push(...temporary.messages);
    if (!temporary.ok) return { outcome: "failed", messages };
    manifest = temporary.manifest;
  } else {
    const loaded = parseManifest(manifestText);
    if (loaded === null) return fail2(withUpdatePrompt(INVALID_MANIFEST_MESSAGE), JSON_FILE);
    manifest = loaded;
  }
  const listed = new Set(parsed.codelists.map((c) => c.id));
  const inManifest = new Set([...manifest.values()].map((e) => e.id));
  if (!sameSet(listed, inManifest)) {
    const diff = formatDiff(listed, inManifest);
    return fail2(
      withUpdatePrompt(
        `It looks like '${CODELISTS_FILE}' has been edited but 'update' hasn't been run.
${diff}
`
      ),
      TXT
    );
  }
  const onDisk = new Set((await readdir4(dir)).filter((name3) => name3.endsWith(".csv")));
  const manifestFiles = new Set(manifest.keys());
  if (!sameSet(onDisk, manifestFiles)) {
    const diff = formatDiff(onDisk, manifestFiles);
    return fail2(
      withUpdatePrompt(
        `It looks like CSV files have been added or deleted in the '${CODELISTS_DIR}' folder.
${diff}
`
      ),
      CODELISTS_DIR
    );
  }
  const modified = [];
  for (const [filename, entry] of manifest) {
    const content = await readFile13(join16(dir, filename)).catch(() => null);
    if (content === null || codelistSha(content) !== entry.sha)
      modified.push(`  ${CODELISTS_DIR}/${filename}`);
  }
  if (modified.length > 0) {
    return fail2(
      withUpdatePrompt(
        `A CSV file seems to have been modified since it was downloaded:
${modified.join("\n")}
`
      ),
      `${CODELISTS_DIR}/${modified[0].trim().slice(CODELISTS_DIR.length + 1)}`
    );
  }
  if (options.upstream === false || manifestText === null) {
    messages.push({ level: "info", text: "Local codelists OK" });
    return { outcome: "ok", messages };
  }
  const upstream = await checkUpstream(codelistsText, manifestText, {
    ...net,
    baseUrl,
    inCi: options.inCi ?? false
  });
  messages.push(upstream.message);
  return { outcome: upstream.failed ? "failed" : "ok", messages };
}
async function kindOf(path2) {
  try {
    return (await stat4(path2)).isDirectory() ? "dir" : "other";
  } catch {
    return "missing";
  }
}
async function readText(path2) {
  try {
    return await readFile13(path2, "utf8");
  } catch {
    return null;
  }
}
function sameSet(a, b) {
  if (a.size !== b.size) return false;
  for (const x of a) if (!b.has(x)) return false;
  return true;
}
var TXT, JSON_FILE, CI_WORKAROUND;
var init_check2 = __esm({
  "src/codelists/check.ts"() {
    "use strict";
    init_codelists_file();
    init_hash2();
    init_manifest2();
    init_messages();
    init_temporary_manifest();
    init_upstream();
    TXT = `${CODELISTS_DIR}/${CODELISTS_FILE}`;
    JSON_FILE = `${CODELISTS_DIR}/${MANIFEST_FILE2}`;
    CI_WORKAROUND = "==> WARNING\n    Using temporary workaround for Github Actions tests.\n    You should run: opensafely codelists update\n";
  }
});

// src/codelists/index.ts
var init_codelists = __esm({
  "src/codelists/index.ts"() {
    "use strict";
    init_check2();
    init_codelists_file();
    init_hash2();
  }
});

// src/cli/commands/codelists.ts
var codelists_exports = {};
__export(codelists_exports, {
  registerCodelists: () => registerCodelists
});
import { stat as stat5 } from "node:fs/promises";
function registerCodelists(program2) {
  const codelists = program2.command("codelists").description("Check the codelists/ folder against codelists.txt and its manifest.");
  codelists.command("check").description(
    "Check that codelists/ matches codelists.txt and codelists.json (offline), then whether the codelists are current on OpenCodelists when it can be reached."
  ).option("--project <dir>", "the project folder", ".").option("--offline", "skip the upstream freshness check").action(async (flags) => {
    process.exitCode = await runCheck(flags);
  });
}
async function runCheck(flags) {
  const isDir = await stat5(flags.project).then(
    (s) => s.isDirectory(),
    () => false
  );
  if (!isDir) {
    process.stderr.write(`trestle: no such project folder: ${flags.project}
`);
    return EXIT_USAGE;
  }
  const report = await checkCodelists(flags.project, {
    inCi: Boolean(process.env.GITHUB_WORKFLOW),
    upstream: !flags.offline
  });
  for (const message of report.messages) {
    const stream = message.level === "info" ? process.stdout : process.stderr;
    stream.write(message.text.endsWith("\n") ? message.text : `${message.text}
`);
  }
  return report.outcome === "failed" ? EXIT_FAILED : EXIT_OK;
}
var init_codelists2 = __esm({
  "src/cli/commands/codelists.ts"() {
    "use strict";
    init_codelists();
    init_exit_codes();
  }
});

// src/app/github/keep-alive-fetch.ts
import { Agent as HttpAgent, request as httpRequest } from "node:http";
import { Agent as HttpsAgent, request as httpsRequest } from "node:https";
function createKeepAliveFetch(options = {}) {
  const maxSockets = options.maxSockets ?? 64;
  const http = new HttpAgent({ keepAlive: true, maxSockets });
  const https = new HttpsAgent({ keepAlive: true, maxSockets, ...options.ca ? { ca: options.ca } : {} });
  const timeoutMs = options.timeoutMs ?? 6e4;
  const maxRedirects = options.maxRedirects ?? 5;
  return async function keepAliveFetch2(input, init = {}) {
    if (input instanceof Request) throw new TypeError("keepAliveFetch takes a URL, not a Request");
    let url = new URL(input);
    let method = (init.method ?? "GET").toUpperCase();
    let body = toBuffer(init.body);
    const headers = Object.fromEntries(new Headers(init.headers));
    for (let hop = 0; ; hop++) {
      const res = await send(url, method, headers, body, init.signal ?? null);
      const location = res.headers.location;
      if (!REDIRECTS.has(res.statusCode ?? 0) || location === void 0 || init.redirect === "manual") {
        return toResponse(res, url, method, hop > 0, init.signal ?? null);
      }
      res.resume();
      if (init.redirect === "error" || hop >= maxRedirects) {
        throw new TypeError("fetch failed", {
          cause: new Error(`too many redirects (or redirects refused) at ${url}`)
        });
      }
      const next = new URL(location, url);
      if (next.origin !== url.origin) delete headers.authorization;
      if (res.statusCode === 303 || (res.statusCode === 301 || res.statusCode === 302) && method === "POST") {
        method = "GET";
        body = void 0;
        delete headers["content-type"];
        delete headers["content-length"];
      }
      url = next;
    }
  };
  function send(url, method, headers, body, signal) {
    if (url.protocol !== "http:" && url.protocol !== "https:") {
      return Promise.reject(
        new TypeError("fetch failed", { cause: new Error(`unsupported protocol ${url.protocol}`) })
      );
    }
    if (signal?.aborted) return Promise.reject(abortError(signal));
    return new Promise((resolve4, reject) => {
      const request = url.protocol === "https:" ? httpsRequest : httpRequest;
      const req = request(url, {
        method,
        headers: body === void 0 ? headers : { ...headers, "content-length": String(body.length) },
        agent: url.protocol === "https:" ? https : http,
        timeout: timeoutMs
      });
      const onAbort = () => req.destroy(abortError(signal));
      signal?.addEventListener("abort", onAbort, { once: true });
      req.on("timeout", () => req.destroy(new Error(`no response from ${url.host} within ${timeoutMs} ms`)));
      req.on("response", (res) => {
        signal?.removeEventListener("abort", onAbort);
        resolve4(res);
      });
      req.on("error", (error) => {
        signal?.removeEventListener("abort", onAbort);
        reject(error.name === "AbortError" ? error : new TypeError("fetch failed", { cause: error }));
      });
      req.end(body);
    });
  }
  function toResponse(res, url, method, redirected, signal) {
    return new Promise((resolve4, reject) => {
      const chunks = [];
      const onAbort = () => res.destroy(abortError(signal));
      signal?.addEventListener("abort", onAbort, { once: true });
      res.setTimeout(timeoutMs, () => res.destroy(new Error(`the response from ${url.host} stalled`)));
      res.on("data", (chunk) => chunks.push(chunk));
      res.on(
        "error",
        (error) => reject(error.name === "AbortError" ? error : new TypeError("fetch failed", { cause: error }))
      );
      res.on(
        "aborted",
        () => reject(new TypeError("fetch failed", { cause: new Error("the connection closed mid-response") }))
      );
      res.on("end", () => {
        signal?.removeEventListener("abort", onAbort);
        const status = res.statusCode ?? 500;
        const headers = new Headers();
        for (const [name3, value] of Object.entries(res.headers)) {
          if (Array.isArray(value)) for (const v of value) headers.append(name3, v);
          else if (value !== void 0) headers.set(name3, value);
        }
        const body = NO_BODY.has(status) || method === "HEAD" ? null : Buffer.concat(chunks);
        const response = new Response(body, { status, statusText: res.statusMessage ?? "", headers });
        Object.defineProperties(response, { url: { value: url.href }, redirected: { value: redirected } });
        resolve4(response);
      });
    });
  }
}
function toBuffer(body) {
  if (body === void 0 || body === null) return void 0;
  if (typeof body === "string") return Buffer.from(body, "utf8");
  if (body instanceof Uint8Array) return Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  if (body instanceof ArrayBuffer) return Buffer.from(body);
  throw new TypeError("keepAliveFetch sends string or byte bodies only");
}
function abortError(signal) {
  const reason = signal.reason;
  if (reason instanceof Error && reason.name === "AbortError") return reason;
  return new DOMException("This operation was aborted", "AbortError");
}
var REDIRECTS, NO_BODY, keepAliveFetch;
var init_keep_alive_fetch = __esm({
  "src/app/github/keep-alive-fetch.ts"() {
    "use strict";
    REDIRECTS = /* @__PURE__ */ new Set([301, 302, 303, 307, 308]);
    NO_BODY = /* @__PURE__ */ new Set([101, 204, 205, 304]);
    keepAliveFetch = createKeepAliveFetch();
  }
});

// src/app/errors/redact.ts
function redact(text) {
  let out = text;
  for (const pattern of PATTERNS) {
    out = out.replace(
      pattern,
      (match, prefix) => typeof prefix === "string" && match.startsWith(prefix) ? `${prefix}[REDACTED]` : "[REDACTED]"
    );
  }
  return out;
}
var PATTERNS;
var init_redact = __esm({
  "src/app/errors/redact.ts"() {
    "use strict";
    PATTERNS = [
      /\b(?:ghs|ghp|gho|ghu|ghr)_[A-Za-z0-9_]{8,}/g,
      /\bgithub_pat_[A-Za-z0-9_]{8,}/g,
      /\beyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+/g,
      /\b((?:token|bearer)\s+)[A-Za-z0-9._~+/=-]{8,}/gi
    ];
  }
});

// src/app/errors/app-error.ts
var AppError;
var init_app_error = __esm({
  "src/app/errors/app-error.ts"() {
    "use strict";
    init_redact();
    AppError = class extends Error {
      name = "AppError";
      /** The status the webhook endpoint answers with when this error ends a delivery. */
      status;
      constructor(message, options = {}) {
        super(redact(message), options.cause === void 0 ? void 0 : { cause: options.cause });
        this.status = options.status ?? 500;
      }
    };
  }
});

// src/app/server.ts
import { createServer } from "node:http";
import { createNodeMiddleware } from "probot";
async function startAppServer(options) {
  const webhookPath = options.webhookPath ?? DEFAULT_WEBHOOK_PATH;
  const maxBody = options.maxBodyBytes ?? MAX_BODY_BYTES;
  const middleware = await createNodeMiddleware(options.app, {
    probot: options.probot,
    webhooksPath: webhookPath
  });
  const server = createServer((req, res) => {
    void route(req, res).catch((error) => {
      options.probot.log.error({ err: error }, "request failed");
      if (!res.headersSent) res.writeHead(500, { "content-type": "application/json" });
      res.end(JSON.stringify({ error: "internal error" }));
    });
  });
  async function route(req, res) {
    const path2 = (req.url ?? "/").split("?")[0];
    if (path2 === HEALTH_PATH && (req.method === "GET" || req.method === "HEAD")) {
      res.writeHead(200, { "content-type": "application/json" }).end(req.method === "HEAD" ? void 0 : '{"status":"ok"}');
      return;
    }
    if (options.routes?.(req, res) === true) return;
    if (path2 === webhookPath && req.method === "POST") {
      const body = await readBody(req, maxBody);
      if (body === null) {
        res.writeHead(413, { "content-type": "application/json", connection: "close" });
        res.end(JSON.stringify({ error: `Request body is larger than ${maxBody} bytes` }));
        return;
      }
      req.body = body;
    }
    await middleware(req, res, () => {
      res.writeHead(404, { "content-type": "application/json" }).end(JSON.stringify({ error: "Not found" }));
    });
  }
  await listen(server, options.port, options.host);
  const address = server.address();
  const host = address.family === "IPv6" ? `[${address.address}]` : address.address;
  const url = `http://${host}:${address.port}`;
  return {
    url,
    webhookUrl: `${url}${webhookPath}`,
    close: () => close(server)
  };
}
function readBody(req, max) {
  const declared = Number(req.headers["content-length"]);
  if (Number.isFinite(declared) && declared > max) {
    req.resume();
    return Promise.resolve(null);
  }
  return new Promise((resolve4, reject) => {
    const chunks = [];
    let size = 0;
    let over = false;
    req.on("data", (chunk) => {
      if (over) return;
      size += chunk.length;
      if (size > max) {
        over = true;
        chunks.length = 0;
        resolve4(null);
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => {
      if (!over) resolve4(new TextDecoder("utf-8", { fatal: false }).decode(Buffer.concat(chunks)));
    });
    req.on("error", reject);
  });
}
function listen(server, port, host) {
  return new Promise((resolve4, reject) => {
    const onError = (error) => {
      const reason = error.code === "EADDRINUSE" ? `port ${port} is already in use` : error.message;
      reject(new AppError(`Cannot listen on ${host}:${port}: ${reason}`, { cause: error }));
    };
    server.once("error", onError);
    server.listen(port, host, () => {
      server.off("error", onError);
      resolve4();
    });
  });
}
function close(server, graceMs = 1e4) {
  return new Promise((resolve4) => {
    const timer2 = setTimeout(() => server.closeAllConnections(), graceMs);
    timer2.unref();
    server.close(() => {
      clearTimeout(timer2);
      resolve4();
    });
    server.closeIdleConnections();
  });
}
var MAX_BODY_BYTES, DEFAULT_WEBHOOK_PATH, HEALTH_PATH;
var init_server = __esm({
  "src/app/server.ts"() {
    "use strict";
    init_app_error();
    MAX_BODY_BYTES = 25 * 1024 * 1024;
    DEFAULT_WEBHOOK_PATH = "/api/github/webhooks";
    HEALTH_PATH = "/healthz";
  }
});

// src/app/app-env.ts
import { createProbot } from "probot";
async function appConfigFromEnv(env, overrides = {}) {
  const problems = [];
  const appId = Number(env.APP_ID);
  if (!env.APP_ID || !Number.isSafeInteger(appId) || appId <= 0) {
    problems.push("APP_ID must be set to the GitHub App's numeric id (shown on the App's settings page).");
  }
  if (!env.WEBHOOK_SECRET) {
    problems.push("WEBHOOK_SECRET must be set to the webhook secret entered when the App was registered.");
  }
  const port = env.PORT === void 0 || env.PORT === "" ? 3e3 : Number(env.PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    problems.push(`PORT must be a port number from 0 to 65535, got ${JSON.stringify(env.PORT)}.`);
  }
  const webhookPath = env.WEBHOOK_PATH || DEFAULT_WEBHOOK_PATH;
  if (!webhookPath.startsWith("/"))
    problems.push(`WEBHOOK_PATH must start with "/", got ${JSON.stringify(webhookPath)}.`);
  if (problems.length > 0) return { ok: false, problems };
  let probot;
  try {
    probot = createProbot({
      env: { LOG_LEVEL: "info", ...env },
      overrides: { request: { fetch: keepAliveFetch }, ...overrides }
    });
  } catch (error) {
    return { ok: false, problems: [keyProblem(error, env)] };
  }
  try {
    const octokit = await probot.auth();
    await octokit.auth({ type: "app" });
  } catch (error) {
    return { ok: false, problems: [keyProblem(error, env)] };
  }
  return { ok: true, config: { appId, port, host: env.HOST || "localhost", webhookPath, probot } };
}
function keyProblem(error, env) {
  const message = error instanceof Error ? error.message : String(error);
  if (/privateKey option is required/i.test(message)) {
    if (env.PRIVATE_KEY)
      return "PRIVATE_KEY is set but is not a PEM private key (nor one encoded in base64).";
    if (env.PRIVATE_KEY_PATH)
      return `PRIVATE_KEY_PATH is set but ${JSON.stringify(env.PRIVATE_KEY_PATH)} cannot be read.`;
    return "PRIVATE_KEY (the key's PEM text, or it base64-encoded) or PRIVATE_KEY_PATH (a .pem file) must be set.";
  }
  return `The App's private key cannot be used: ${message.replace(/^\[[^\]]+\]\s*/, "")}`;
}
var init_app_env = __esm({
  "src/app/app-env.ts"() {
    "use strict";
    init_keep_alive_fetch();
    init_server();
  }
});

// src/app/analysis/file-cache.ts
function sizeOf(file) {
  return (file.kind === "found" ? file.text.length * 2 : 0) + 200;
}
var COMMIT_ID, FileCache;
var init_file_cache = __esm({
  "src/app/analysis/file-cache.ts"() {
    "use strict";
    COMMIT_ID = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;
    FileCache = class {
      #entries = /* @__PURE__ */ new Map();
      #maxBytes;
      #bytes = 0;
      constructor(maxBytes = 64 * 1024 * 1024) {
        this.#maxBytes = maxBytes;
      }
      static key(repo, ref2, path2) {
        return COMMIT_ID.test(ref2) ? `${repo.toLowerCase()}@${ref2}:${path2}` : null;
      }
      get(key) {
        const hit = this.#entries.get(key);
        if (hit !== void 0) {
          this.#entries.delete(key);
          this.#entries.set(key, hit);
        }
        return hit;
      }
      set(key, file) {
        const size = sizeOf(file);
        if (size > this.#maxBytes / 4) return;
        const old = this.#entries.get(key);
        if (old !== void 0) {
          this.#bytes -= sizeOf(old);
          this.#entries.delete(key);
        }
        this.#entries.set(key, file);
        this.#bytes += size;
        for (const [oldest, entry] of this.#entries) {
          if (this.#bytes <= this.#maxBytes) break;
          this.#entries.delete(oldest);
          this.#bytes -= sizeOf(entry);
        }
      }
      get size() {
        return this.#entries.size;
      }
    };
  }
});

// src/app/analysis/load-cache.ts
import { createHash as createHash4 } from "node:crypto";
var LoadCache;
var init_load_cache = __esm({
  "src/app/analysis/load-cache.ts"() {
    "use strict";
    init_pipeline();
    LoadCache = class {
      #entries = /* @__PURE__ */ new Map();
      #capacity;
      constructor(capacity = 64) {
        this.#capacity = capacity;
      }
      load(text, filename) {
        const key = createHash4("sha256").update(filename).update("\0").update(text).digest("hex");
        const hit = this.#entries.get(key);
        if (hit !== void 0) {
          this.#entries.delete(key);
          this.#entries.set(key, hit);
          return hit;
        }
        const result = loadPipeline(text);
        const loaded = { result, graph: result.pipeline === null ? null : buildGraph(result.pipeline) };
        this.#entries.set(key, loaded);
        if (this.#entries.size > this.#capacity) {
          const oldest = this.#entries.keys().next().value;
          if (oldest !== void 0) this.#entries.delete(oldest);
        }
        return loaded;
      }
      get size() {
        return this.#entries.size;
      }
    };
  }
});

// src/app/report/markdown.ts
function visible(text) {
  return text.replace(INVISIBLE3, picture2);
}
function visibleLines(text) {
  return text.replace(/\r\n?/g, "\n").replace(INVISIBLE3, (ch) => ch === "\n" ? ch : picture2(ch));
}
function picture2(ch) {
  const code3 = ch.codePointAt(0);
  if (code3 < 32) return String.fromCodePoint(9216 + code3);
  if (code3 === 127) return "\u2421";
  return `<U+${code3.toString(16).toUpperCase().padStart(4, "0")}>`;
}
function shorten(text, max) {
  const points = Array.from(text);
  return points.length <= max ? text : `${points.slice(0, Math.max(0, max - 1)).join("")}\u2026`;
}
function mdText(text) {
  return visible(text).replace(/[&<>]|[!-/:-@[-`{-~]/g, (ch) => {
    if (ch === "&") return "&amp;";
    if (ch === "<") return "&lt;";
    if (ch === ">") return "&gt;";
    return `\\${ch}`;
  });
}
function mdName(name3, inTable = false) {
  if (name3 === "") return '`""`';
  return codeSpan(shorten(visible(name3), NAME_LENGTH), inTable);
}
function codeSpan(text, inTable = false) {
  const longest = Math.max(0, ...Array.from(text.matchAll(/`+/g), (m) => m[0].length));
  const fence = "`".repeat(longest + 1);
  const inner = inTable ? text.replaceAll("|", "\\|") : text;
  const pad = inner.startsWith("`") || inner.endsWith("`") ? " " : "";
  return `${fence}${pad}${inner}${pad}${fence}`;
}
function codeBlock(text, info = "") {
  const longest = Math.max(2, ...Array.from(text.matchAll(/`{3,}/g), (m) => m[0].length));
  const fence = "`".repeat(longest + 1);
  const body = text.endsWith("\n") ? text : `${text}
`;
  return `${fence}${info}
${body}${fence}
`;
}
function shellWord(word) {
  return /^[A-Za-z0-9_./:=-]+$/.test(word) ? word : `'${word.replaceAll("'", `'"'"'`)}'`;
}
var INVISIBLE3, NAME_LENGTH;
var init_markdown = __esm({
  "src/app/report/markdown.ts"() {
    "use strict";
    init_pipeline();
    INVISIBLE3 = /[\p{Cc}\p{Cf}\p{Co}\p{Cn}\p{Cs}\p{Zl}\p{Zp}]/gu;
    NAME_LENGTH = 100;
  }
});

// src/app/report/changes-table.ts
function changeCounts(changes) {
  const by = (kind) => changes.changes.filter((c) => c.kind === kind).length;
  const parts = [
    [by("added"), "added"],
    [by("changed"), "changed"],
    [by("removed"), "removed"],
    [changes.affected.length, "affected downstream"]
  ];
  const said = parts.filter(([n]) => n > 0).map(([n, what]) => `${thousands(n)} ${what}`);
  return said.length === 0 ? "no actions changed" : said.join(" \xB7 ");
}
function renderChangesTable(changes, maxChars) {
  if (changes.changes.length === 0) return "No action was added, removed or changed.\n";
  const head = "| Action | Change | Affects downstream |\n|---|---|---|\n";
  const rows = changes.changes.map(row);
  let out = head;
  for (let i = 0; i < rows.length; i++) {
    const rest = rows.length - i - 1;
    const more = rest > 0 ? moreLine(rest) : "";
    if (out.length + rows[i].length + more.length > maxChars) return `${out}${moreLine(rows.length - i)}`;
    out += rows[i];
  }
  return out;
}
function row(change) {
  const what = change.kind === "changed" ? `changed: ${change.fields.join(", ")}` : change.kind;
  return `| ${mdName(change.name, true)} | ${what} | ${affectedCell(change.affected)} |
`;
}
function affectedCell(names) {
  if (names.length === 0) return "\u2014";
  const shown = names.slice(0, AFFECTED_SHOWN).map((n) => mdName(n, true));
  const rest = names.length - shown.length;
  return rest > 0 ? `${shown.join(", ")} and ${thousands(rest)} more` : shown.join(", ");
}
function moreLine(n) {
  return `
\u2026and ${count(n, "more change")} not shown here.
`;
}
var AFFECTED_SHOWN;
var init_changes_table = __esm({
  "src/app/report/changes-table.ts"() {
    "use strict";
    init_markdown();
    AFFECTED_SHOWN = 5;
  }
});

// src/app/report/issues-block.ts
function renderIssuesBlock(result, file, maxChars) {
  const lines = sortedIssues(result).map((issue) => textIssue(issue, file));
  const frame = codeBlock("").length + 100;
  let text = "";
  let shown = 0;
  for (const line of lines) {
    if (frame + text.length + line.length + 1 > maxChars) break;
    text += `${line}
`;
    shown++;
  }
  const block = codeBlock(text, "text");
  if (shown === lines.length) return block;
  const rest = lines.length - shown;
  return `${block}\u2026and ${count(rest, "more issue")}; run \`trestle check\` to see them all.
`;
}
var init_issues_block = __esm({
  "src/app/report/issues-block.ts"() {
    "use strict";
    init_pipeline();
    init_markdown();
  }
});

// src/app/report/check-output.ts
function renderCheckRun(report, name3, headSha) {
  const base = { name: name3, headSha, externalId: CHECK_EXTERNAL_ID };
  const file = codeSpan(report.path);
  switch (report.kind) {
    case "missing":
      return {
        ...base,
        conclusion: "neutral",
        title: `No ${report.path}`,
        summary: `There is no ${file} at this commit, so there is nothing to check.`,
        text: null,
        annotations: []
      };
    case "unreadable":
      return {
        ...base,
        conclusion: "failure",
        title: `${report.path} could not be read`,
        summary: report.problem.kind === "too-large" ? `${file} is ${count(report.problem.bytes, "byte")}, more than Trestle reads.` : `${file} is not a file (it is a directory or a submodule).`,
        text: null,
        annotations: []
      };
    case "invalid":
      return {
        ...base,
        conclusion: "failure",
        title: formatVerdict(report.result, report.path),
        summary: issueSummary(report.result, report.path),
        text: renderIssuesBlock(report.result, report.path, CHECK_TEXT_BUDGET),
        annotations: annotations(report.result, report.path)
      };
    case "valid": {
      let summary = `${file} is valid: ${count(report.pipeline.actions.size, "action")}`;
      if (report.changes !== null) summary += ` \xB7 ${changeCounts(report.changes)}`;
      summary += ".";
      let text = "";
      if (report.result.warnings.length > 0) {
        text += `${issueSummary(report.result, report.path)}

${renderIssuesBlock(report.result, report.path, 2e4)}`;
      }
      if (report.changes !== null && report.changes.changes.length > 0) {
        text += `
### Changes

${renderChangesTable(report.changes, CHECK_TEXT_BUDGET - text.length - 100)}`;
      }
      return {
        ...base,
        conclusion: "success",
        title: formatVerdict(report.result, report.path),
        summary,
        text: text === "" ? null : text,
        annotations: annotations(report.result, report.path)
      };
    }
  }
}
function issueSummary(result, path2) {
  const parts = [];
  if (result.errors.length > 0) parts.push(count(result.errors.length, "error"));
  if (result.warnings.length > 0) parts.push(count(result.warnings.length, "warning"));
  const shown = Math.min(MAX_ANNOTATIONS, result.errors.length + result.warnings.length);
  const note = shown < result.errors.length + result.warnings.length ? ` The first ${shown} are marked on their lines; all are listed below.` : " Each is marked on its line and listed below.";
  return `${codeSpan(path2)} has ${parts.join(" and ")}.${note}`;
}
function annotations(result, path2) {
  const byLine = (a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0);
  const issues = [...[...result.errors].sort(byLine), ...[...result.warnings].sort(byLine)];
  return issues.slice(0, MAX_ANNOTATIONS).map((issue) => toAnnotation(issue, path2));
}
function toAnnotation(issue, path2) {
  const line = issue.line ?? 1;
  return {
    path: path2,
    startLine: line,
    endLine: line,
    ...issue.line !== null && issue.column !== null ? { startColumn: issue.column, endColumn: issue.column } : {},
    level: issue.severity === "error" ? "failure" : "warning",
    title: issue.severity === "error" ? `${path2}: error` : `${path2}: warning`,
    message: shorten(visibleLines(issue.message), 4e3)
  };
}
var CHECK_TEXT_BUDGET, MAX_ANNOTATIONS, CHECK_EXTERNAL_ID;
var init_check_output = __esm({
  "src/app/report/check-output.ts"() {
    "use strict";
    init_pipeline();
    init_changes_table();
    init_issues_block();
    init_markdown();
    CHECK_TEXT_BUDGET = 6e4;
    MAX_ANNOTATIONS = 500;
    CHECK_EXTERNAL_ID = "trestle:project";
  }
});

// src/app/errors/github-api-error.ts
function statusOf(error) {
  const status = typeof error === "object" && error !== null ? error.status : void 0;
  return typeof status === "number" ? status : null;
}
function sanitize(cause) {
  if (!(cause instanceof Error)) return cause;
  const copy2 = new Error(redact(cause.message));
  copy2.name = cause.name;
  return copy2;
}
var GitHubApiError;
var init_github_api_error = __esm({
  "src/app/errors/github-api-error.ts"() {
    "use strict";
    init_app_error();
    init_redact();
    GitHubApiError = class extends AppError {
      name = "GitHubApiError";
      apiStatus;
      constructor(action, cause) {
        const status = statusOf(cause);
        const detail = cause instanceof Error ? cause.message : String(cause);
        super(
          `GitHub API call failed while trying to ${action}${status === null ? "" : ` (HTTP ${status})`}: ${detail}`,
          {
            status: 502,
            cause: sanitize(cause)
          }
        );
        this.apiStatus = status;
      }
    };
  }
});

// src/app/github/check-run.ts
import { createHash as createHash5 } from "node:crypto";
async function publishCheckRun(octokit, repo, report, options) {
  const fingerprint = fingerprintOf(report);
  if (options.force !== true && options.previous?.fingerprint === fingerprint) {
    return { kind: "unchanged", run: options.previous };
  }
  const [first = [], ...rest] = batches(report.annotations);
  let id;
  try {
    const created = await octokit.rest.checks.create({
      ...repo,
      name: report.name,
      head_sha: report.headSha,
      status: "completed",
      conclusion: report.conclusion,
      external_id: report.externalId,
      output: { ...output(report), annotations: first.map(toApi) }
    });
    id = created.data.id;
  } catch (error) {
    throw new GitHubApiError(`create the check run on ${report.headSha}`, error);
  }
  for (const batch of rest) {
    try {
      await octokit.rest.checks.update({
        ...repo,
        check_run_id: id,
        output: { ...output(report), annotations: batch.map(toApi) }
      });
    } catch (error) {
      throw new GitHubApiError(`add annotations to check run ${id}`, error);
    }
  }
  return { kind: "created", run: { id, fingerprint }, requests: 1 + rest.length };
}
function fingerprintOf(report) {
  return createHash5("sha256").update(JSON.stringify(report)).digest("base64url");
}
function output(report) {
  return report.text === null ? { title: report.title, summary: report.summary } : { title: report.title, summary: report.summary, text: report.text };
}
function batches(items) {
  const out = [];
  for (let i = 0; i < items.length; i += ANNOTATIONS_PER_REQUEST) {
    out.push(items.slice(i, i + ANNOTATIONS_PER_REQUEST));
  }
  return out;
}
function toApi(a) {
  const oneLine = a.startLine === a.endLine && a.startColumn !== void 0;
  return {
    path: a.path,
    start_line: a.startLine,
    end_line: a.endLine,
    ...oneLine ? { start_column: a.startColumn, end_column: a.endColumn ?? a.startColumn } : {},
    annotation_level: a.level,
    title: a.title,
    message: a.message
  };
}
var ANNOTATIONS_PER_REQUEST;
var init_check_run = __esm({
  "src/app/github/check-run.ts"() {
    "use strict";
    init_github_api_error();
    ANNOTATIONS_PER_REQUEST = 50;
  }
});

// src/app/handlers/publish-check.ts
async function publishCheck(deps, report, force = false) {
  const key = { repo: deps.repo, sha: report.headSha, name: report.name };
  const previous = await deps.store.getCheckRun(key);
  const outcome = await publishCheckRun(deps.octokit, deps.repo, report, { previous, force });
  if (outcome.kind === "created") await deps.store.setCheckRun(key, outcome.run);
  return outcome.kind;
}
var init_publish_check = __esm({
  "src/app/handlers/publish-check.ts"() {
    "use strict";
    init_check_run();
  }
});

// src/app/permissions/roles.ts
function isRole(value) {
  return ROLES.includes(value);
}
function roleOf(answer) {
  const name3 = (answer.role_name ?? "").toLowerCase();
  if (isRole(name3)) return name3;
  const p = answer.user?.permissions;
  if (p === void 0) return "none";
  if (p.admin === true) return "admin";
  if (p.maintain === true) return "maintain";
  if (p.push === true) return "write";
  if (p.triage === true) return "triage";
  if (p.pull === true) return "read";
  return "none";
}
function meetsRole(role, minimum) {
  return role !== "none" && ROLES.indexOf(role) >= ROLES.indexOf(minimum);
}
var ROLES;
var init_roles = __esm({
  "src/app/permissions/roles.ts"() {
    "use strict";
    ROLES = ["read", "triage", "write", "maintain", "admin"];
  }
});

// src/app/commands/command-settings.ts
import { z as z2 } from "zod";
function fillTemplate(text, context, asWorkspace = false) {
  const filled = text.replaceAll("{owner}", context.owner).replaceAll("{repo}", context.repo).replaceAll("{branch}", context.branch).replaceAll("{pr}", String(context.pr));
  if (!asWorkspace) return filled.slice(0, 200);
  const clean = filled.replace(/[^A-Za-z0-9_-]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 200);
  return clean === "" ? "workspace" : clean;
}
var login, team, backendSlug, allowList, commandsSettingsSchema, template, jobRequestSettingsSchema;
var init_command_settings = __esm({
  "src/app/commands/command-settings.ts"() {
    "use strict";
    init_roles();
    login = z2.string().regex(/^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/, "must be a GitHub user name");
    team = z2.string().regex(
      /^(?:[A-Za-z0-9][A-Za-z0-9-]{0,38}\/)?[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$/,
      "must be team-slug or org/team-slug"
    );
    backendSlug = z2.string().regex(/^[A-Za-z0-9_-]{1,100}$/, "must be a backend name");
    allowList = {
      /** Only these users may run jobs (besides members of `teams`); empty: no restriction. */
      users: z2.array(login).max(1e3).default([]),
      /** Only members of these teams may run jobs (besides `users`); empty: no restriction. */
      teams: z2.array(team).max(100).default([])
    };
    commandsSettingsSchema = z2.strictObject({
      /** Act on slash commands in pull-request comments. */
      enabled: z2.boolean().default(true),
      /** The command word: `opensafely` makes `/opensafely run …`. */
      word: z2.string().regex(
        /^[A-Za-z][A-Za-z0-9_-]{0,38}$/,
        "must be a word of letters, digits, - and _ (without the slash)"
      ).default("opensafely"),
      /** The lowest repository role that may run and cancel jobs. */
      minimum_role: z2.enum(ROLES).default("write"),
      ...allowList,
      /** Allow runs on pull requests from forks (their code runs on the backend). */
      forks: z2.boolean().default(false),
      /** Per-backend allow-lists, by backend name. */
      backends: z2.record(backendSlug, z2.strictObject(allowList)).refine((r) => Object.keys(r).length <= 100, "at most 100 backends").default({})
    }).prefault({});
    template = z2.string().min(1).max(200);
    jobRequestSettingsSchema = z2.strictObject({
      /** The backend workspace job requests run in; outputs of earlier runs in it are reused. */
      workspace: template.default("{repo}-{branch}"),
      /** The project slug sent to the backend. */
      project: template.default("{repo}"),
      /** The organisation shown on the job request page and sent to the backend. */
      organisation: template.default("{owner}")
    }).prefault({});
  }
});

// src/app/settings/settings-schema.ts
import { z as z3 } from "zod";
var SETTINGS_FILE, SETTINGS_PATH, PROJECT_FILE2, settingsSchema, DEFAULT_SETTINGS;
var init_settings_schema = __esm({
  "src/app/settings/settings-schema.ts"() {
    "use strict";
    init_command_settings();
    SETTINGS_FILE = "opensafely.yml";
    SETTINGS_PATH = `.github/${SETTINGS_FILE}`;
    PROJECT_FILE2 = "project.yaml";
    settingsSchema = z3.strictObject({
      comment: z3.strictObject({
        /** Post (and keep up to date) one comment per pull request. */
        enabled: z3.boolean().default(true),
        /** Include the job graph as a Mermaid diagram. */
        graph: z3.boolean().default(true)
      }).prefault({}),
      checks: z3.strictObject({
        /** Report validity as a check run on each commit. */
        enabled: z3.boolean().default(true),
        /** The check run's name, as shown in the pull request's checks list. */
        name: z3.string().min(1).max(100).default("Trestle: project.yaml")
      }).prefault({}),
      /** Slash commands in pull-request comments: the word, and who may run jobs. */
      commands: commandsSettingsSchema,
      /** How job requests are named on the backend: workspace, project and organisation. */
      job_requests: jobRequestSettingsSchema
    });
    DEFAULT_SETTINGS = settingsSchema.parse({});
  }
});

// src/app/report/settings-check.ts
function renderSettingsCheck(problems, headSha) {
  const listed = problems.slice(0, MAX_PROBLEMS).map((p) => shorten(visible(p), 500));
  if (problems.length > MAX_PROBLEMS)
    listed.push(`\u2026and ${count(problems.length - MAX_PROBLEMS, "more problem")}`);
  return {
    name: DEFAULT_SETTINGS.checks.name,
    headSha,
    conclusion: "failure",
    title: `${SETTINGS_PATH} is not valid`,
    summary: `Trestle reads its settings from ${codeSpan(SETTINGS_PATH)} on the default branch, and that file has ${count(problems.length, "problem")}. Nothing else was checked; fix the settings on the default branch and push again (or re-run this check).`,
    text: codeBlock(listed.join("\n"), "text"),
    annotations: [],
    externalId: SETTINGS_EXTERNAL_ID
  };
}
var SETTINGS_EXTERNAL_ID, MAX_PROBLEMS;
var init_settings_check = __esm({
  "src/app/report/settings-check.ts"() {
    "use strict";
    init_settings_schema();
    init_markdown();
    SETTINGS_EXTERNAL_ID = "trestle:settings";
    MAX_PROBLEMS = 50;
  }
});

// src/app/handlers/report-settings-problem.ts
async function reportSettingsProblem(deps, problems, sha2, options = {}) {
  return { check: await publishCheck(deps, renderSettingsCheck(problems, sha2), options.forceCheck === true) };
}
var init_report_settings_problem = __esm({
  "src/app/handlers/report-settings-problem.ts"() {
    "use strict";
    init_settings_check();
    init_publish_check();
  }
});

// src/app/github/read-file.ts
async function readFileAt(octokit, repo, path2, ref2, maxBytes) {
  let data;
  try {
    const response = await octokit.rest.repos.getContent({
      ...repo,
      path: path2,
      ref: ref2,
      mediaType: { format: "raw" }
    });
    data = response.data;
  } catch (error) {
    if (statusOf(error) === 404) return { kind: "missing" };
    throw new GitHubApiError(`read ${path2} at ${ref2}`, error);
  }
  if (typeof data !== "string") return { kind: "not-a-file" };
  const bytes = Buffer.byteLength(data, "utf8");
  if (bytes > maxBytes) return { kind: "too-large", bytes };
  return { kind: "found", text: data };
}
var init_read_file = __esm({
  "src/app/github/read-file.ts"() {
    "use strict";
    init_github_api_error();
  }
});

// src/app/settle.ts
async function settleAll(tasks) {
  const results = await Promise.allSettled(tasks);
  const failed2 = results.find((r) => r.status === "rejected");
  if (failed2 !== void 0) throw failed2.reason;
  return results.map((r) => r.value);
}
var init_settle = __esm({
  "src/app/settle.ts"() {
    "use strict";
  }
});

// src/app/analysis/changes.ts
function compareProjects(base, head, headGraph) {
  const touched = /* @__PURE__ */ new Map();
  for (const name3 of headGraph.order) {
    const now = head.actions.get(name3);
    const before = base.actions.get(name3);
    if (before === void 0) {
      touched.set(name3, { name: name3, kind: "added", fields: [], affected: [] });
      continue;
    }
    const fields = changedFields(before, now);
    if (fields.length > 0) touched.set(name3, { name: name3, kind: "changed", fields, affected: [] });
  }
  const direct = new Set(touched.keys());
  const affected = downstream(headGraph, direct);
  const changes = [...touched.values()].map((change) => ({
    ...change,
    affected: downstream(headGraph, [change.name]).filter((n) => !direct.has(n))
  }));
  for (const name3 of base.actions.keys()) {
    if (!head.actions.has(name3)) changes.push({ name: name3, kind: "removed", fields: [], affected: [] });
  }
  const version = base.version === head.version ? null : { from: base.version, to: head.version };
  return { changes, affected, version };
}
function allAdded(headGraph) {
  return {
    changes: headGraph.order.map((name3) => ({ name: name3, kind: "added", fields: [], affected: [] })),
    affected: [],
    version: null
  };
}
function changedFields(before, now) {
  const fields = [];
  if (before.run.raw !== now.run.raw) fields.push("run");
  if (!sameSet2(before.needs, now.needs)) fields.push("needs");
  if (canonical(before.outputs) !== canonical(now.outputs)) fields.push("outputs");
  if (canonical(before.config) !== canonical(now.config)) fields.push("config");
  if (before.dummyDataFile !== now.dummyDataFile) fields.push("dummy_data_file");
  return fields;
}
function sameSet2(a, b) {
  const left = new Set(a);
  const right = new Set(b);
  return left.size === right.size && [...left].every((x) => right.has(x));
}
function canonical(value) {
  return JSON.stringify(value, (_key, v) => {
    if (v === null || typeof v !== "object" || Array.isArray(v)) return v;
    return Object.fromEntries(
      Object.keys(v).sort().map((k) => [k, v[k]])
    );
  });
}
var init_changes = __esm({
  "src/app/analysis/changes.ts"() {
    "use strict";
    init_pipeline();
  }
});

// src/app/analysis/analyse.ts
async function analyseProject(input) {
  const { path: path2, cache: cache2 } = input;
  const read2 = (sha2) => readCached(input, sha2);
  const [head, base] = await settleAll([
    read2(input.headSha),
    input.baseSha === null ? null : read2(input.baseSha)
  ]);
  if (head.kind === "missing") return { kind: "missing", path: path2 };
  if (head.kind !== "found") return { kind: "unreadable", path: path2, problem: head };
  const loaded = cache2.load(head.text, path2);
  if (loaded.result.pipeline === null || loaded.graph === null) {
    return { kind: "invalid", path: path2, result: loaded.result };
  }
  const pipeline2 = loaded.result.pipeline;
  const graph2 = loaded.graph;
  let baseState = { kind: "none" };
  let changes = null;
  if (base !== null) {
    if (base.kind === "missing") {
      baseState = { kind: "missing" };
      changes = allAdded(graph2);
    } else if (base.kind !== "found") {
      baseState = { kind: "unreadable" };
    } else {
      const before = cache2.load(base.text, path2);
      if (before.result.pipeline === null) {
        baseState = { kind: "invalid" };
      } else {
        baseState = { kind: "valid" };
        changes = compareProjects(before.result.pipeline, pipeline2, graph2);
      }
    }
  }
  return { kind: "valid", path: path2, result: loaded.result, pipeline: pipeline2, graph: graph2, base: baseState, changes };
}
async function readCached(input, sha2) {
  const key = FileCache.key(`${input.repo.owner}/${input.repo.repo}`, sha2, input.path);
  const hit = key === null ? void 0 : input.files.get(key);
  if (hit !== void 0) return hit;
  const file = await readFileAt(input.octokit, input.repo, input.path, sha2, MAX_PROJECT_BYTES);
  if (key !== null) input.files.set(key, file);
  return file;
}
var MAX_PROJECT_BYTES;
var init_analyse = __esm({
  "src/app/analysis/analyse.ts"() {
    "use strict";
    init_read_file();
    init_settle();
    init_changes();
    init_file_cache();
    MAX_PROJECT_BYTES = 8 * 1024 * 1024;
  }
});

// src/app/handlers/settings-and-project.ts
function readSettingsAndProject(deps, headSha, baseSha) {
  return settleAll([
    deps.readSettings(),
    analyseProject({
      octokit: deps.octokit,
      repo: deps.repo,
      path: PROJECT_FILE2,
      headSha,
      baseSha,
      cache: deps.cache,
      files: deps.files
    })
  ]);
}
var init_settings_and_project = __esm({
  "src/app/handlers/settings-and-project.ts"() {
    "use strict";
    init_analyse();
    init_settings_schema();
    init_settle();
  }
});

// src/app/handlers/report-commit.ts
async function reportCommit(deps, commit, options = {}) {
  const [settings, report] = await readSettingsAndProject(deps, commit.sha, commit.baseSha);
  if (!settings.ok) {
    const check3 = await reportSettingsProblem(deps, settings.problems, commit.sha, options);
    return { settings: "invalid", check: check3.check };
  }
  if (!settings.settings.checks.enabled) return { settings: settings.source, check: "disabled" };
  const published = renderCheckRun(report, settings.settings.checks.name, commit.sha);
  const check2 = await publishCheck(deps, published, options.forceCheck === true);
  return { settings: settings.source, project: report.kind, check: check2 };
}
var init_report_commit = __esm({
  "src/app/handlers/report-commit.ts"() {
    "use strict";
    init_check_output();
    init_publish_check();
    init_report_settings_problem();
    init_settings_and_project();
  }
});

// src/app/github/pull-head.ts
async function readPullState(octokit, repo, number) {
  try {
    const { data } = await octokit.rest.pulls.get({ ...repo, pull_number: number });
    return data.state === "open" ? { kind: "open", headSha: data.head.sha } : { kind: "closed" };
  } catch (error) {
    if (statusOf(error) === 404) return { kind: "missing" };
    throw new GitHubApiError(`read pull request #${number}`, error);
  }
}
var init_pull_head = __esm({
  "src/app/github/pull-head.ts"() {
    "use strict";
    init_github_api_error();
  }
});

// src/app/github/sticky-comment.ts
import { createHash as createHash6 } from "node:crypto";
async function syncStickyComment(octokit, target, body, known) {
  if (!body.startsWith(target.marker)) throw new Error("a sticky comment body must start with its marker");
  const comment = { id: 0, bodyHash: hashBody(body) };
  if (known !== null) {
    if (known.bodyHash === comment.bodyHash) return { kind: "unchanged", comment: known };
    if (await edit(octokit, target, known.id, body))
      return { kind: "updated", comment: { ...comment, id: known.id } };
  }
  const existing = await find(octokit, target);
  if (existing === null) {
    try {
      const { data } = await octokit.rest.issues.createComment({
        ...target.repo,
        issue_number: target.issueNumber,
        body
      });
      return { kind: "created", comment: { ...comment, id: data.id } };
    } catch (error) {
      throw new GitHubApiError(`comment on #${target.issueNumber}`, error);
    }
  }
  if (hashBody(existing.body ?? "") === comment.bodyHash) {
    return { kind: "unchanged", comment: { ...comment, id: existing.id } };
  }
  if (!await edit(octokit, target, existing.id, body)) {
    throw new GitHubApiError(
      `edit comment ${existing.id} on #${target.issueNumber}`,
      new Error("it disappeared")
    );
  }
  return { kind: "updated", comment: { ...comment, id: existing.id } };
}
async function edit(octokit, target, id, body) {
  try {
    await octokit.rest.issues.updateComment({ ...target.repo, comment_id: id, body });
    return true;
  } catch (error) {
    if (statusOf(error) === 404) return false;
    throw new GitHubApiError(`edit comment ${id} on #${target.issueNumber}`, error);
  }
}
async function find(octokit, target) {
  try {
    const pages = octokit.paginate.iterator(octokit.rest.issues.listComments, {
      ...target.repo,
      issue_number: target.issueNumber,
      per_page: 100
    });
    for await (const page of pages) {
      const found = page.data.find((c) => isOurs(c, target));
      if (found !== void 0) return found;
    }
    return null;
  } catch (error) {
    throw new GitHubApiError(`list comments on #${target.issueNumber}`, error);
  }
}
function isOurs(comment, target) {
  return comment.performed_via_github_app?.id === target.appId && (comment.body ?? "").startsWith(target.marker);
}
function hashBody(body) {
  return createHash6("sha256").update(body.replace(/\r\n/g, "\n").trimEnd()).digest("base64url");
}
var init_sticky_comment = __esm({
  "src/app/github/sticky-comment.ts"() {
    "use strict";
    init_github_api_error();
  }
});

// src/app/pages/status-labels.ts
function jobStatusLabel(status) {
  const lower = status.toLowerCase();
  return lower === "" ? "Pending" : `${lower[0].toUpperCase()}${lower.slice(1)}`;
}
var REQUEST_STATUS_LABELS, REQUEST_STATUS_EMOJI;
var init_status_labels = __esm({
  "src/app/pages/status-labels.ts"() {
    "use strict";
    REQUEST_STATUS_LABELS = {
      pending: "Pending",
      running: "Running",
      succeeded: "Succeeded",
      failed: "Failed",
      nothing_to_do: "Nothing to do",
      unknown: "Unknown",
      unknown_error_creating_jobs: "Unknown error creating jobs"
    };
    REQUEST_STATUS_EMOJI = {
      pending: "\u23F3",
      running: "\u{1F3C3}",
      succeeded: "\u2705",
      failed: "\u274C",
      nothing_to_do: "\u2796",
      unknown: "\u2754",
      unknown_error_creating_jobs: "\u2754"
    };
  }
});

// src/app/job-requests/comment-section.ts
function renderJobRequestsSection(requests, pageUrl, markers = true) {
  if (requests.length === 0) return "";
  const all = requests.slice(0, ROWS_SHOWN).map((r) => {
    const url = pageUrl(r.id);
    const id = url === null ? codeSpan(r.id, true) : `[${codeSpan(r.id, true)}](${url})`;
    const shown = r.requestedActions.slice(0, ACTIONS_SHOWN).map((a) => mdName(a, true));
    const more = r.requestedActions.length - shown.length;
    const actions = more > 0 ? `${shown.join(", ")} and ${more} more` : shown.join(", ");
    const status = `${REQUEST_STATUS_EMOJI[r.status]} ${REQUEST_STATUS_LABELS[r.status]}${r.submission === "waiting" ? " (waiting for the backend)" : ""}`;
    const message = r.statusMessage ? `: ${mdText(shorten(visible(r.statusMessage), 200))}` : "";
    return `| ${id} | ${actions} | ${codeSpan(r.backend, true)} | ${codeSpan(r.commit.slice(0, 7), true)} | @${r.requestedBy} | ${status}${message.replaceAll("|", "\\|")} |`;
  });
  const rows = [];
  let size = 400;
  for (const row2 of all) {
    size += row2.length + 1;
    if (size > SECTION_BUDGET) break;
    rows.push(row2);
  }
  const older = requests.length - rows.length;
  const table = [
    "| Job request | Actions | Backend | Commit | Requested by | Status |",
    "|---|---|---|---|---|---|",
    ...rows,
    ...older > 0 ? ["", `\u2026and ${older} older job request${older === 1 ? "" : "s"}.`] : []
  ].join("\n");
  return markers ? `${SECTION_START}
#### Job requests

${table}
${SECTION_END}
` : `${table}
`;
}
function spliceJobRequestsSection(body, section) {
  const start = body.indexOf(SECTION_START);
  const end = start === -1 ? -1 : body.indexOf(SECTION_END, start);
  if (start !== -1 && end !== -1) {
    let after = end + SECTION_END.length;
    if (body[after] === "\n") after += 1;
    const head = body.slice(0, start);
    const tail = body.slice(after);
    if (section !== "") return `${head}${section}${tail}`;
    return head.endsWith("\n\n") && tail.startsWith("\n") ? `${head}${tail.slice(1)}` : `${head}${tail}`;
  }
  if (section === "") return body;
  const footer = body.lastIndexOf("\n<sub>");
  if (footer === -1) return `${body.endsWith("\n") ? body : `${body}
`}
${section}`;
  return `${body.slice(0, footer + 1)}${section}
${body.slice(footer + 1)}`;
}
var SECTION_START, SECTION_END, ROWS_SHOWN, SECTION_BUDGET, ACTIONS_SHOWN;
var init_comment_section = __esm({
  "src/app/job-requests/comment-section.ts"() {
    "use strict";
    init_status_labels();
    init_markdown();
    SECTION_START = "<!-- trestle:job-requests -->";
    SECTION_END = "<!-- /trestle:job-requests -->";
    ROWS_SHOWN = 20;
    SECTION_BUDGET = 8e3;
    ACTIONS_SHOWN = 5;
  }
});

// src/app/report/comment-body.ts
function renderComment(report, options) {
  const budget = options.budget ?? COMMENT_BUDGET;
  const file = codeSpan(report.path);
  const footer = "\n<sub>Trestle keeps this comment up to date as the pull request changes.</sub>\n";
  let body;
  switch (report.kind) {
    case "missing":
      body = `### \u2139\uFE0F No ${file} in this pull request

There is no ${file} at the head of this branch, so there is no job graph to check. Once one is added, this comment shows whether it is valid and what it changes.
`;
      break;
    case "unreadable":
      body = `### \u274C ${file} could not be read

` + (report.problem.kind === "too-large" ? `It is ${count(report.problem.bytes, "byte")}, more than Trestle reads.
` : `${file} is not a file (it is a directory or a submodule).
`);
      break;
    case "invalid": {
      const head = `### \u274C ${file} is not valid

${count(report.result.errors.length, "error")}` + (report.result.warnings.length > 0 ? ` and ${count(report.result.warnings.length, "warning")}` : "") + (options.annotated ? ", each also marked on its line in the checks:\n\n" : ":\n\n");
      const tail = "\nRun `trestle check` locally to check it before you push.\n";
      const room = budget - COMMENT_MARKER.length - head.length - tail.length - footer.length - 2;
      body = head + renderIssuesBlock(report.result, report.path, room) + tail;
      break;
    }
    case "valid":
      body = validBody(report, options, budget - COMMENT_MARKER.length - footer.length - 2);
      break;
  }
  return `${COMMENT_MARKER}
${body}${footer}`;
}
function validBody(report, options, budget) {
  const file = codeSpan(report.path);
  const { changes } = report;
  let head = `### \u2705 ${file} is valid

${count(report.pipeline.actions.size, "action")}`;
  if (changes !== null) head += ` \xB7 ${changeCounts(changes)}`;
  head += "\n";
  if (changes?.version) {
    head += `
The project's version changed from ${changes.version.from} to ${changes.version.to}.
`;
  }
  if (report.base.kind === "missing") head += `
The base branch has no ${file}, so every action is new.
`;
  if (report.base.kind === "invalid")
    head += `
The base branch's ${file} is not valid, so changes cannot be shown.
`;
  if (report.base.kind === "unreadable")
    head += `
The base branch's ${file} cannot be read, so changes cannot be shown.
`;
  const hint = runHint(report, changes);
  let rest = budget - head.length - hint.length;
  let warnings = "";
  if (report.result.warnings.length > 0) {
    const summary = `<details>
<summary>${count(report.result.warnings.length, "warning")}</summary>

`;
    const room = Math.min(1e4, rest / 4) - summary.length - 20;
    warnings = `
${summary}${renderIssuesBlock(report.result, report.path, room)}
</details>
`;
    rest -= warnings.length;
  }
  let table = "";
  if (changes !== null) {
    const title = "\n#### What this pull request changes\n\n";
    table = title + renderChangesTable(changes, Math.min(2e4, rest / 2) - title.length);
    rest -= table.length;
  }
  const graph2 = options.showGraph ? graphSection(report, changes, rest) : "";
  return head + warnings + table + graph2 + hint;
}
function graphSection(report, changes, room) {
  const title = "\n#### Job graph\n\n";
  const classes = nodeClasses(changes);
  const legend = legendFor(classes);
  const space = room - title.length - legend.length;
  const whole = renderMermaid(report.pipeline, report.graph, { classes, maxChars: space });
  const touched = [...classes.keys()].filter((name3) => report.graph.needs.has(name3));
  if (isDiagram(whole) || touched.length === 0) return `${title}${whole}${isDiagram(whole) ? legend : ""}`;
  const edges = [...report.graph.needs.values()].reduce((sum, needs) => sum + needs.length, 0);
  const note = `The whole graph (${count(report.graph.nodes.length, "action")}, ${count(edges, "dependency", "dependencies")}) is more than GitHub draws here, so this shows the ${count(touched.length, "action")} the change touches.

`;
  const part = renderMermaid(report.pipeline, report.graph, {
    classes,
    only: touched,
    maxChars: space - note.length
  });
  return `${title}${note}${part}${isDiagram(part) ? legend : ""}`;
}
function isDiagram(markdown) {
  return markdown.startsWith("```mermaid");
}
function nodeClasses(changes) {
  const classes = /* @__PURE__ */ new Map();
  if (changes === null) return classes;
  for (const change of changes.changes) classes.set(change.name, change.kind);
  for (const name3 of changes.affected) classes.set(name3, "affected");
  return classes;
}
function legendFor(classes) {
  if (classes.size === 0) return "";
  const present = new Set(classes.values());
  return `
<sub>${LEGEND.filter(([c]) => present.has(c)).map(([, text]) => text).join(" \xB7 ")}</sub>
`;
}
function runHint(report, changes) {
  const touched = /* @__PURE__ */ new Set();
  for (const c of changes?.changes ?? []) if (c.kind !== "removed") touched.add(c.name);
  for (const name3 of changes?.affected ?? []) touched.add(name3);
  const names = report.graph.order.filter((n) => touched.has(n));
  const all = names.length === 0 || names.length > HINT_MAX_ACTIONS || names.some((n) => visible(n) !== n);
  const what = all ? "To run every action on dummy data on your machine:" : `To run the ${count(names.length, "action")} this changes or affects on dummy data on your machine:`;
  const args = all ? ["run_all"] : names.map(shellWord);
  return `
#### Running these actions

${what}

${codeBlock(`trestle run ${args.join(" ")}`, "sh")}
\`opensafely run\` takes the same arguments.
`;
}
var COMMENT_MARKER, COMMENT_BUDGET, HINT_MAX_ACTIONS, LEGEND;
var init_comment_body = __esm({
  "src/app/report/comment-body.ts"() {
    "use strict";
    init_pipeline();
    init_changes_table();
    init_issues_block();
    init_markdown();
    COMMENT_MARKER = "<!-- trestle:pull-request -->";
    COMMENT_BUDGET = 6e4;
    HINT_MAX_ACTIONS = 10;
    LEGEND = [
      ["added", "\u{1F7E9} added"],
      ["changed", "\u{1F7E8} changed"],
      ["affected", "\u{1F7E6} affected (dashed)"],
      ["removed", "\u{1F7E5} removed (dashed, unconnected)"]
    ];
  }
});

// src/app/handlers/report-pull-request.ts
async function reportPullRequest(deps, pr, options = {}) {
  const [settings, report] = await readSettingsAndProject(deps, pr.headSha, pr.baseSha);
  if (!settings.ok) {
    const check3 = await reportSettingsProblem(deps, settings.problems, pr.headSha, options);
    return { settings: "invalid", check: check3.check };
  }
  const [check2, comment] = await settleAll([
    settings.settings.checks.enabled ? publishCheck(
      deps,
      renderCheckRun(report, settings.settings.checks.name, pr.headSha),
      options.forceCheck === true
    ) : "disabled",
    settings.settings.comment.enabled ? updateComment(deps, settings.settings, pr, report) : "disabled"
  ]);
  return { settings: settings.source, project: report.kind, check: check2, comment };
}
async function updateComment(deps, settings, pr, report) {
  const key = { repo: deps.repo, number: pr.number };
  const currency = await isCurrent(deps, pr);
  if (currency !== "current") return currency;
  const target = { repo: deps.repo, issueNumber: pr.number, marker: COMMENT_MARKER, appId: deps.appId };
  const section = deps.jobRequestsSection?.(pr.number) ?? "";
  const body = spliceJobRequestsSection(
    renderComment(report, {
      showGraph: settings.comment.graph,
      annotated: settings.checks.enabled,
      budget: COMMENT_BUDGET - section.length
    }),
    section
  );
  const known = await deps.store.getStickyComment(key);
  const outcome = await syncStickyComment(deps.octokit, target, body, known);
  if (outcome.kind !== "unchanged" || known === null) await deps.store.setStickyComment(key, outcome.comment);
  return outcome.kind;
}
async function isCurrent(deps, pr) {
  const key = { repo: deps.repo, number: pr.number };
  const seen = pr.updatedAt === null ? null : await deps.store.getPullHead(key);
  let verdict;
  if (seen !== null && pr.updatedAt < seen.updatedAt) verdict = "stale";
  else if (seen !== null && (pr.updatedAt > seen.updatedAt || seen.sha === pr.headSha)) verdict = "current";
  else {
    const state = await readPullState(deps.octokit, deps.repo, pr.number);
    verdict = state.kind !== "open" ? "closed" : state.headSha === pr.headSha ? "current" : "stale";
  }
  if (verdict === "current" && pr.updatedAt !== null) {
    await deps.store.setPullHead(key, { sha: pr.headSha, updatedAt: pr.updatedAt });
  }
  return verdict;
}
var init_report_pull_request = __esm({
  "src/app/handlers/report-pull-request.ts"() {
    "use strict";
    init_pull_head();
    init_sticky_comment();
    init_comment_section();
    init_check_output();
    init_comment_body();
    init_settle();
    init_publish_check();
    init_report_settings_problem();
    init_settings_and_project();
  }
});

// src/app/job-requests/refresh-comment.ts
function currentSection(deps, number) {
  return renderJobRequestsSection(deps.jobRequests.forPull(deps.repo, number), deps.pageUrl);
}
async function refreshJobRequestsComment(deps, number) {
  const key = { repo: deps.repo, number };
  const known = await deps.store.getStickyComment(key);
  const existing = (known === null ? null : await read(deps, known.id)) ?? await find2(deps, number);
  if (existing === null) return "no-comment";
  const body = existing.body ?? "";
  const updated = spliceJobRequestsSection(body, currentSection(deps, number));
  const target = { repo: deps.repo, issueNumber: number, marker: COMMENT_MARKER, appId: deps.appId };
  const outcome = await syncStickyComment(deps.octokit, target, updated, {
    id: existing.id,
    bodyHash: hashBody(body)
  });
  await deps.store.setStickyComment(key, outcome.comment);
  return outcome.kind === "unchanged" ? "unchanged" : "updated";
}
function isOurs2(comment, appId) {
  return comment.performed_via_github_app?.id === appId && (comment.body ?? "").startsWith(COMMENT_MARKER);
}
async function read(deps, id) {
  try {
    const { data } = await deps.octokit.rest.issues.getComment({ ...deps.repo, comment_id: id });
    return isOurs2(data, deps.appId) ? data : null;
  } catch (error) {
    if (statusOf(error) === 404) return null;
    throw new GitHubApiError(`read comment ${id}`, error);
  }
}
async function find2(deps, number) {
  try {
    const pages = deps.octokit.paginate.iterator(deps.octokit.rest.issues.listComments, {
      ...deps.repo,
      issue_number: number,
      per_page: 100
    });
    for await (const page of pages) {
      const found = page.data.find((c) => isOurs2(c, deps.appId));
      if (found !== void 0) return found;
    }
    return null;
  } catch (error) {
    throw new GitHubApiError(`list comments on #${number}`, error);
  }
}
var init_refresh_comment = __esm({
  "src/app/job-requests/refresh-comment.ts"() {
    "use strict";
    init_github_api_error();
    init_sticky_comment();
    init_comment_body();
    init_comment_section();
  }
});

// src/app/settings/read-settings.ts
async function readSettings(read2) {
  let raw;
  try {
    raw = await read2();
  } catch (error) {
    if (isNotFound(error)) return { ok: true, settings: DEFAULT_SETTINGS, source: "defaults" };
    if (isHttpError(error)) throw error;
    return { ok: false, problems: [describeReadError(error)] };
  }
  if (raw === null || raw === void 0) return { ok: true, settings: DEFAULT_SETTINGS, source: "defaults" };
  return validateSettings(raw);
}
function validateSettings(raw) {
  if (typeof raw !== "object" || Array.isArray(raw)) {
    return { ok: false, problems: [`${SETTINGS_PATH} must hold a mapping of settings.`] };
  }
  const parsed = settingsSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, problems: parsed.error.issues.map(describeIssue) };
  return { ok: true, settings: parsed.data, source: "file" };
}
function describeIssue(issue) {
  const where = issue.path.length > 0 ? issue.path.map(String).join(".") : "(top level)";
  return `${where}: ${issue.message}`;
}
function describeReadError(error) {
  const message = error instanceof Error ? error.message : String(error);
  const reason = /\(([^)]*)\)\s*$/.exec(message)?.[1];
  if (/could not be parsed/i.test(message)) {
    return `${SETTINGS_PATH} could not be read: ${reason ?? "it is not valid YAML"}.`;
  }
  if (/directory or a submodule/i.test(message)) return `${SETTINGS_PATH} is a directory, not a file.`;
  if (/_extends/i.test(message) || /Recursion detected/i.test(message)) {
    return `${SETTINGS_PATH} has an _extends value that cannot be followed.`;
  }
  return `${SETTINGS_PATH} could not be read: ${message.replace(/^\[@probot\/octokit-plugin-config\]\s*/, "")}`;
}
function isNotFound(error) {
  return isHttpError(error) && error.status === 404;
}
function isHttpError(error) {
  return typeof error === "object" && error !== null && typeof error.status === "number";
}
var init_read_settings = __esm({
  "src/app/settings/read-settings.ts"() {
    "use strict";
    init_settings_schema();
  }
});

// src/app/events/app-deps.ts
function handlerDeps(context, deps, repo) {
  return {
    octokit: context.octokit,
    repo,
    appId: deps.appId,
    store: deps.store,
    cache: deps.cache,
    files: deps.files,
    // Probot reads the file from the default branch only, so a pull request cannot change the settings.
    readSettings: () => deps.settings.get(repo, () => readSettings(() => context.config(SETTINGS_FILE))),
    ...deps.jobs === null ? {} : {
      jobRequestsSection: (number) => currentSection({ repo, ...jobRequestsOf(deps.jobs) }, number)
    }
  };
}
function jobRequestsOf(jobs) {
  return { jobRequests: jobs.service.store, pageUrl: jobs.pageUrl };
}
var init_app_deps = __esm({
  "src/app/events/app-deps.ts"() {
    "use strict";
    init_refresh_comment();
    init_read_settings();
    init_settings_schema();
  }
});

// src/app/events/delivery.ts
async function handleDelivery(context, deps, about, task) {
  const log = context.log;
  const started = performance.now();
  const fields = { delivery: context.id, event: context.name, ...about };
  if (!await deps.store.claimDelivery(context.id)) {
    log.info({ ...fields, outcome: "redelivery-skipped" }, "delivery already handled");
    return;
  }
  try {
    const outcome = await deps.queue.run(about.key, task);
    log.info({ ...fields, ...outcome, ms: Math.round(performance.now() - started) }, "delivery handled");
  } catch (error) {
    await deps.store.releaseDelivery(context.id);
    const message = error instanceof Error ? error.message : String(error);
    log.warn(
      { ...fields, outcome: "failed", error: message, ms: Math.round(performance.now() - started) },
      "delivery failed"
    );
    throw error;
  }
}
var init_delivery = __esm({
  "src/app/events/delivery.ts"() {
    "use strict";
  }
});

// src/app/errors/payload-error.ts
var PayloadError;
var init_payload_error = __esm({
  "src/app/errors/payload-error.ts"() {
    "use strict";
    init_app_error();
    PayloadError = class extends AppError {
      name = "PayloadError";
      constructor(event, problem, options = {}) {
        super(`The ${event} payload is malformed: ${problem}`, { status: 400, cause: options.cause });
      }
    };
  }
});

// src/app/events/payloads.ts
import { z as z4 } from "zod";
function parsePayload(schema3, event, payload) {
  const parsed = schema3.safeParse(payload);
  if (parsed.success) return parsed.data;
  const first = parsed.error.issues[0];
  const where = first.path.length > 0 ? first.path.map(String).join(".") : "payload";
  throw new PayloadError(event, `${where}: ${first.message}`);
}
function repoOf(payload) {
  return { owner: payload.repository.owner.login, repo: payload.repository.name };
}
var sha, login2, UTC_SECONDS, repository, installation, pullRequestPayload, pushPayload, checkRunPayload, issueCommentPayload;
var init_payloads = __esm({
  "src/app/events/payloads.ts"() {
    "use strict";
    init_payload_error();
    sha = z4.string().regex(/^(?:[0-9a-f]{40}|[0-9a-f]{64})$/, "expected a commit id");
    login2 = z4.string().min(1).max(100);
    UTC_SECONDS = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/;
    repository = z4.object({
      name: z4.string().min(1).max(100),
      owner: z4.object({ login: login2 }),
      default_branch: z4.string().min(1).max(255)
    });
    installation = z4.object({ id: z4.number().int().positive() });
    pullRequestPayload = z4.object({
      action: z4.string(),
      pull_request: z4.object({
        number: z4.number().int().positive(),
        state: z4.string(),
        head: z4.object({ sha, ref: z4.string() }),
        base: z4.object({ sha, ref: z4.string() }),
        // Compared as text to order events, so only GitHub's one form is taken; anything else is ignored.
        updated_at: z4.string().nullish().transform((v) => v != null && UTC_SECONDS.test(v) ? v : null)
      }),
      repository,
      installation
    });
    pushPayload = z4.object({
      ref: z4.string(),
      before: sha,
      after: sha,
      deleted: z4.boolean(),
      repository,
      installation
    });
    checkRunPayload = z4.object({
      action: z4.string(),
      check_run: z4.object({
        head_sha: sha,
        external_id: z4.string().nullable(),
        app: z4.object({ id: z4.number().int() }).nullable(),
        pull_requests: z4.array(
          z4.object({ number: z4.number().int().positive(), head: z4.object({ sha }), base: z4.object({ sha }) })
        )
      }),
      repository,
      installation
    });
    issueCommentPayload = z4.object({
      action: z4.string(),
      comment: z4.object({
        id: z4.number().int(),
        body: z4.string().nullable(),
        user: z4.object({ login: login2, type: z4.string() }).nullable(),
        performed_via_github_app: z4.object({ id: z4.number().int() }).nullable().optional()
      }),
      issue: z4.object({ number: z4.number().int().positive(), pull_request: z4.unknown().optional() }),
      repository,
      installation
    });
  }
});

// src/app/events/check-run.ts
function onCheckRunRerequested(deps) {
  return async (context) => {
    const payload = parsePayload(checkRunPayload, "check_run", context.payload);
    const run2 = payload.check_run;
    if (run2.app?.id !== deps.appId || run2.external_id === null || !OURS.has(run2.external_id)) return;
    const repo = repoOf(payload);
    const pr = run2.pull_requests.find((p) => p.head.sha === run2.head_sha);
    const key = pr === void 0 ? `${repo.owner}/${repo.repo}@${run2.head_sha}` : `${repo.owner}/${repo.repo}#${pr.number}`;
    const about = { key, repo: `${repo.owner}/${repo.repo}`, sha: run2.head_sha, pr: pr?.number ?? null };
    await handleDelivery(context, deps, about, () => {
      const handler = handlerDeps(context, deps, repo);
      const force = { forceCheck: true };
      if (pr === void 0) return reportCommit(handler, { sha: run2.head_sha, baseSha: null }, force);
      return reportPullRequest(
        handler,
        { number: pr.number, headSha: run2.head_sha, baseSha: pr.base.sha, updatedAt: null },
        force
      );
    });
  };
}
var OURS;
var init_check_run2 = __esm({
  "src/app/events/check-run.ts"() {
    "use strict";
    init_report_commit();
    init_report_pull_request();
    init_check_output();
    init_settings_check();
    init_app_deps();
    init_delivery();
    init_payloads();
    OURS = /* @__PURE__ */ new Set([CHECK_EXTERNAL_ID, SETTINGS_EXTERNAL_ID]);
  }
});

// src/rap/errors.ts
function redact2(text, secrets) {
  let out = text;
  for (const secret of secrets) {
    if (secret.length >= 4) out = out.split(secret).join(REDACTED);
  }
  return out;
}
function redactedCause(cause, secrets) {
  if (cause === void 0) return void 0;
  const source = cause instanceof Error ? cause : new Error(String(cause));
  const copy2 = new Error(redact2(source.message, secrets));
  copy2.name = source.name;
  const nested = source.cause;
  const code3 = source.code ?? nested?.code;
  if (typeof code3 === "string") copy2.code = code3;
  return copy2;
}
var REDACTED, RapClientError, RapNetworkError, RapTimeoutError, RapResponseError;
var init_errors = __esm({
  "src/rap/errors.ts"() {
    "use strict";
    REDACTED = "[REDACTED]";
    RapClientError = class extends Error {
      name = "RapClientError";
      constructor(message, options = {}) {
        const secrets = options.secrets ?? [];
        const cause = redactedCause(options.cause, secrets);
        super(redact2(message, secrets), cause === void 0 ? void 0 : { cause });
      }
    };
    RapNetworkError = class extends RapClientError {
      name = "RapNetworkError";
    };
    RapTimeoutError = class extends RapClientError {
      name = "RapTimeoutError";
    };
    RapResponseError = class extends RapClientError {
      constructor(message, status, options = {}) {
        super(message, options);
        this.status = status;
      }
      status;
      name = "RapResponseError";
    };
  }
});

// src/rap/ids.ts
import { createHash as createHash7 } from "node:crypto";
function base32(bytes) {
  let out = "";
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = buffer << 8 | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32_ALPHABET[buffer >>> bits - 5 & 31];
      bits -= 5;
    }
    buffer &= (1 << bits) - 1;
  }
  if (bits > 0) out += BASE32_ALPHABET[buffer << 5 - bits & 31];
  return out;
}
function jobIdentifier(rapId2, action) {
  const digest2 = createHash7("sha1").update(`${rapId2}
${action}`, "utf8").digest();
  return base32(digest2.subarray(0, 10));
}
function newRapId(random) {
  return base32(random(10));
}
var RAP_ID_PATTERN, COMMIT_PATTERN, WORKSPACE_PATTERN, BASE32_ALPHABET;
var init_ids = __esm({
  "src/rap/ids.ts"() {
    "use strict";
    RAP_ID_PATTERN = /^[a-z0-9]{16}$/;
    COMMIT_PATTERN = /^[0-9a-f]{40}$/;
    WORKSPACE_PATTERN = /^[a-zA-Z0-9_-]+$/;
    BASE32_ALPHABET = "abcdefghijklmnopqrstuvwxyz234567";
  }
});

// src/rap/statuses.ts
function stateOfStatusCode(code3) {
  return STATUS_CODE_STATES[code3];
}
function isCompletedState(state) {
  return state === "succeeded" || state === "failed";
}
function isCompletedRequestStatus(status) {
  return TERMINAL_REQUEST_STATUSES.has(status);
}
function isJobRequestStatus(value) {
  return JOB_REQUEST_STATUSES.includes(value);
}
var JOB_STATES, STATUS_CODE_STATES, STATUS_CODES, RESET_STATUS_CODES, JOB_REQUEST_STATUSES, TERMINAL_REQUEST_STATUSES;
var init_statuses = __esm({
  "src/rap/statuses.ts"() {
    "use strict";
    JOB_STATES = ["pending", "running", "succeeded", "failed"];
    STATUS_CODE_STATES = {
      created: "pending",
      initiated: "running",
      paused: "pending",
      waiting_db_maintenance: "pending",
      waiting_on_dependencies: "pending",
      waiting_on_workers: "pending",
      waiting_on_db_workers: "pending",
      waiting_on_reboot: "pending",
      waiting_on_new_task: "pending",
      preparing: "running",
      prepared: "running",
      executing: "running",
      executed: "running",
      finalizing: "running",
      finalized: "running",
      succeeded: "succeeded",
      dependency_failed: "failed",
      nonzero_exit: "failed",
      cancelled_by_user: "failed",
      unmatched_patterns: "failed",
      internal_error: "failed",
      killed_by_admin: "failed",
      stale_codelists: "failed",
      job_error: "failed"
    };
    STATUS_CODES = Object.keys(STATUS_CODE_STATES);
    RESET_STATUS_CODES = /* @__PURE__ */ new Set([
      "waiting_on_reboot",
      "waiting_db_maintenance",
      "waiting_on_new_task"
    ]);
    JOB_REQUEST_STATUSES = [
      "pending",
      "running",
      "failed",
      "succeeded",
      "nothing_to_do",
      "unknown",
      "unknown_error_creating_jobs"
    ];
    TERMINAL_REQUEST_STATUSES = /* @__PURE__ */ new Set(["failed", "succeeded", "nothing_to_do"]);
  }
});

// src/rap/schemas.ts
import { z as z5 } from "zod";
var LIMITS, rapId, name, actionName, isoTimestamp, analysisScopeSchema, createRequestSchema, createResponseSchema, cancelRequestSchema, cancelResponseSchema, statusRequestSchema, jobSchema, statusResponseSchema, flagStatus, backendStatusSchema, backendStatusResponseSchema, errorResponseSchema;
var init_schemas = __esm({
  "src/rap/schemas.ts"() {
    "use strict";
    init_ids();
    init_statuses();
    LIMITS = {
      name: 200,
      text: 2e3,
      actions: 2e3,
      rapIds: 1e4,
      orgs: 100
    };
    rapId = z5.string().max(16).regex(RAP_ID_PATTERN, "must be 16 lower-case letters or digits").describe("Job-request identifier, 16 characters from a-z and 0-9");
    name = (what) => z5.string().min(1).max(LIMITS.name).describe(what);
    actionName = z5.string().min(1).max(LIMITS.name).describe("An action name from project.yaml, or run_all");
    isoTimestamp = z5.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/, "must be an ISO-8601 UTC timestamp ending in Z");
    analysisScopeSchema = z5.object({
      dataset_permissions: z5.array(z5.string().max(LIMITS.name)).max(LIMITS.orgs).optional(),
      population_permissions: z5.array(z5.string().max(LIMITS.name)).max(LIMITS.orgs).optional(),
      component_access: z5.array(z5.string().max(LIMITS.name)).max(LIMITS.orgs).optional()
    }).describe("Per-project permissions job-server derives from its allow-lists");
    createRequestSchema = z5.object({
      rap_id: rapId,
      backend: z5.string().min(1).max(LIMITS.name).regex(/^[A-Za-z0-9_-]+$/, "must be a backend slug").describe("The backend this job request runs on"),
      workspace: z5.string().min(1).max(LIMITS.name).regex(WORKSPACE_PATTERN, "Invalid workspace name (allowed are alphanumeric, dash and underscore)").describe("Workspace name; also the output folder on the backend"),
      repo_url: z5.string().min(1).max(LIMITS.text).describe("The study repository"),
      branch: z5.string().max(LIMITS.name).describe("The workspace branch; the commit must be on it"),
      commit: z5.string().max(40).regex(COMMIT_PATTERN, "must be a 40-character lower-case hex sha"),
      database_name: z5.enum(["default"]),
      requested_actions: z5.array(actionName).min(1).max(LIMITS.actions).describe("Actions to run; their unmet dependencies run too"),
      codelists_ok: z5.boolean(),
      force_run_dependencies: z5.boolean(),
      created_by: name("Username of the requester"),
      project: name("Project slug"),
      orgs: z5.array(z5.string().max(LIMITS.name)).max(LIMITS.orgs).describe("Org slugs"),
      analysis_scope: analysisScopeSchema.optional()
    }).describe("POST rap/create/ body");
    createResponseSchema = z5.object({
      result: z5.enum(["Success", "No change", "Nothing to do"]),
      details: z5.string(),
      rap_id: z5.string().optional(),
      count: z5.number().int().nonnegative().describe("Jobs created (Success) or held (No change)")
    }).describe("201 Success, or 200 No change / Nothing to do");
    cancelRequestSchema = z5.object({
      rap_id: rapId,
      actions: z5.array(actionName).min(1).max(LIMITS.actions)
    }).describe("POST rap/cancel/ body");
    cancelResponseSchema = z5.object({
      result: z5.literal("Success"),
      details: z5.string(),
      count: z5.number().int().nonnegative()
    });
    statusRequestSchema = z5.object({ rap_ids: z5.array(rapId).min(1).max(LIMITS.rapIds) }).describe("POST rap/status/ body (POST so that long lists fit)");
    jobSchema = z5.object({
      identifier: z5.string(),
      rap_id: z5.string(),
      backend: z5.string(),
      action: z5.string(),
      run_command: z5.string(),
      status: z5.enum(JOB_STATES),
      status_code: z5.string().describe(`One of: ${STATUS_CODES.join(", ")}`),
      status_message: z5.string(),
      created_at: isoTimestamp,
      updated_at: isoTimestamp,
      started_at: isoTimestamp.nullable(),
      completed_at: isoTimestamp.nullable(),
      trace_context: z5.record(z5.string(), z5.string()).nullable(),
      metrics: z5.record(z5.string(), z5.unknown()),
      requires_db: z5.boolean()
    });
    statusResponseSchema = z5.object({
      jobs: z5.array(jobSchema),
      unrecognised_rap_ids: z5.array(z5.string()).describe("Unknown ids, and ids on backends the token cannot see")
    });
    flagStatus = z5.enum(["on", "off"]);
    backendStatusSchema = z5.object({
      slug: z5.string(),
      name: z5.string().optional().describe("The same slug, under the name older controllers used"),
      last_seen: isoTimestamp.nullable(),
      paused: z5.object({ status: flagStatus, since: isoTimestamp.nullable() }),
      db_maintenance: z5.object({
        status: flagStatus,
        since: isoTimestamp.nullable(),
        type: z5.enum(["scheduled", "manual"]).nullable()
      })
    });
    backendStatusResponseSchema = z5.object({ backends: z5.array(backendStatusSchema) });
    errorResponseSchema = z5.object({
      error: z5.string(),
      details: z5.string(),
      rap_id: z5.string().optional(),
      not_found: z5.array(z5.string()).optional()
    });
  }
});

// src/rap/client.ts
function errorCode(error) {
  const cause = error.cause;
  return typeof cause?.code === "string" ? cause.code : void 0;
}
function shouldRetry(idempotency, result, failure) {
  if (idempotency === "create")
    return failure instanceof RapNetworkError && errorCode(failure) === "ECONNREFUSED";
  if (result !== void 0) return !result.ok && RETRYABLE_STATUS.has(result.status);
  return failure instanceof RapNetworkError || failure instanceof RapTimeoutError || failure instanceof RapResponseError && failure.status >= 500;
}
var RETRYABLE_STATUS, RapClient;
var init_client = __esm({
  "src/rap/client.ts"() {
    "use strict";
    init_errors();
    init_schemas();
    RETRYABLE_STATUS = /* @__PURE__ */ new Set([429, 502, 503, 504]);
    RapClient = class {
      #token;
      #base;
      #timeoutMs;
      #retries;
      #retryDelayMs;
      #fetch;
      #sleep;
      constructor(options) {
        this.#token = options.token;
        const base = options.baseUrl.endsWith("/") ? options.baseUrl : `${options.baseUrl}/`;
        this.#base = new URL(base);
        this.#timeoutMs = options.timeoutMs ?? 1e4;
        this.#retries = options.retries ?? 2;
        this.#retryDelayMs = options.retryDelayMs ?? ((n) => 250 * 2 ** (n - 1));
        this.#fetch = options.fetch ?? fetch;
        this.#sleep = options.sleep ?? ((ms) => new Promise((resolve4) => setTimeout(resolve4, ms)));
      }
      /**
       * Creates a job request. Not retried after the request may have reached the server (a retry would
       * turn "Success" into "No change"); retried only when the connection was refused.
       */
      create(body, signal) {
        return this.#call("POST", "rap/create/", body, createResponseSchema, "create", signal);
      }
      cancel(body, signal) {
        return this.#call("POST", "rap/cancel/", body, cancelResponseSchema, "idempotent", signal);
      }
      status(rapIds, signal) {
        return this.#call("POST", "rap/status/", { rap_ids: rapIds }, statusResponseSchema, "idempotent", signal);
      }
      backendStatus(signal) {
        return this.#call("GET", "backend/status/", void 0, backendStatusResponseSchema, "idempotent", signal);
      }
      async #call(method, path2, body, schema3, idempotency, signal) {
        const url = new URL(path2, this.#base);
        for (let attempt = 1; ; attempt++) {
          let result;
          let failure;
          try {
            result = await this.#once(method, url, body, schema3, signal);
          } catch (error) {
            failure = error;
          }
          const retry = attempt <= this.#retries && !signal?.aborted && shouldRetry(idempotency, result, failure);
          if (!retry) {
            if (result !== void 0) return result;
            throw failure;
          }
          await this.#sleep(this.#retryDelayMs(attempt));
        }
      }
      async #once(method, url, body, schema3, signal) {
        const secrets = [this.#token];
        const timeout = AbortSignal.timeout(this.#timeoutMs);
        const combined = signal === void 0 ? timeout : AbortSignal.any([signal, timeout]);
        const where = `${method} ${url.pathname}`;
        let response;
        let text;
        try {
          response = await this.#fetch(url, {
            method,
            headers: {
              Authorization: this.#token,
              Accept: "application/json",
              ...body === void 0 ? {} : { "Content-Type": "application/json" }
            },
            body: body === void 0 ? void 0 : JSON.stringify(body),
            signal: combined
          });
          text = await response.text();
        } catch (error) {
          if (timeout.aborted && !signal?.aborted) {
            throw new RapTimeoutError(`${where} timed out after ${this.#timeoutMs} ms`, {
              cause: error,
              secrets
            });
          }
          if (signal?.aborted) throw new RapClientError(`${where} was aborted`, { cause: error, secrets });
          throw new RapNetworkError(`${where} failed: ${error.message}`, { cause: error, secrets });
        }
        let json3;
        try {
          json3 = JSON.parse(text);
        } catch (error) {
          throw new RapResponseError(
            `${where} answered ${response.status} with a body that is not JSON`,
            response.status,
            {
              cause: error,
              secrets
            }
          );
        }
        if (response.ok) {
          const parsed2 = schema3.safeParse(json3);
          if (parsed2.success) return { ok: true, status: response.status, body: parsed2.data };
          throw new RapResponseError(
            `${where} answered ${response.status} with an unexpected body`,
            response.status,
            {
              cause: parsed2.error,
              secrets
            }
          );
        }
        const parsed = errorResponseSchema.safeParse(json3);
        if (response.status < 500 && parsed.success)
          return { ok: false, status: response.status, body: parsed.data };
        throw new RapResponseError(`${where} answered ${response.status}`, response.status, { secrets });
      }
    };
  }
});

// src/rap/openapi.ts
import { z as z6 } from "zod";
function jsonSchema(schema3, io) {
  const { $schema: _dialect, ...rest } = z6.toJSONSchema(schema3, { io, unrepresentable: "any" });
  return rest;
}
function post(description, request, responses) {
  return {
    post: {
      description,
      security: [{ tokenAuth: [] }],
      requestBody: { required: true, content: json2(ref(request)) },
      responses: { ...COMMON_ERRORS, ...responses }
    }
  };
}
function openApiDocument(serverUrl = RAP_BASE_PATH) {
  return {
    openapi: "3.1.0",
    info: {
      title: "RAP API",
      description: "Reproducible Analytic Pipeline API: create, cancel and follow job requests on a backend.",
      version: "v1"
    },
    servers: [{ url: serverUrl }],
    paths: {
      "/rap/create/": post("Create a job request (a RAP) and plan its jobs.", "createRequestBody", {
        "201": { description: "Success: jobs were created", content: json2(ref("createResponse")) },
        "200": {
          description: "No change (the rap_id already exists) or Nothing to do",
          content: json2(ref("createResponse"))
        },
        "400": errorReply(
          "Validation error, Inconsistent request data, or Error creating jobs (git, project.yaml, unknown action)"
        )
      }),
      "/rap/cancel/": post("Cancel actions of a job request.", "cancelRequestBody", {
        "200": {
          description: "The actions are marked for cancellation",
          content: json2(ref("cancelResponse"))
        },
        "404": errorReply("No jobs for this rap_id on the token's backends, or no job for some actions")
      }),
      "/rap/status/": post("The jobs of some job requests.", "statusRequestBody", {
        "200": {
          description: "Jobs, and the ids this token cannot see",
          content: json2(ref("statusResponse"))
        }
      }),
      "/backend/status/": {
        get: {
          description: "Status flags of the backends the token may act on.",
          security: [{ tokenAuth: [] }],
          responses: {
            "200": { description: "OK", content: json2(ref("backendStatusResponse")) },
            "401": COMMON_ERRORS["401"]
          }
        }
      }
    },
    components: {
      securitySchemes: {
        // job-server sends the raw token, without a `Bearer` prefix.
        tokenAuth: { type: "apiKey", in: "header", name: "Authorization" }
      },
      schemas: {
        createRequestBody: jsonSchema(createRequestSchema, "input"),
        createResponse: jsonSchema(createResponseSchema, "output"),
        cancelRequestBody: jsonSchema(cancelRequestSchema, "input"),
        cancelResponse: jsonSchema(cancelResponseSchema, "output"),
        statusRequestBody: jsonSchema(statusRequestSchema, "input"),
        statusResponse: jsonSchema(statusResponseSchema, "output"),
        backendStatusResponse: jsonSchema(backendStatusResponseSchema, "output"),
        errorResponse: jsonSchema(errorResponseSchema, "output")
      }
    }
  };
}
var RAP_BASE_PATH, ref, json2, errorReply, COMMON_ERRORS;
var init_openapi = __esm({
  "src/rap/openapi.ts"() {
    "use strict";
    init_schemas();
    RAP_BASE_PATH = "/controller/v1/";
    ref = (name3) => ({ $ref: `#/components/schemas/${name3}` });
    json2 = (schema3) => ({ "application/json": { schema: schema3 } });
    errorReply = (description) => ({ description, content: json2(ref("errorResponse")) });
    COMMON_ERRORS = {
      "400": errorReply("Validation error: the body is not JSON or does not fit the schema"),
      "401": errorReply("Unauthorized: no token, or a token the server does not know")
    };
  }
});

// src/rap/request-status.ts
function deriveJobRequestStatus(stored, jobStatuses) {
  if (isCompletedRequestStatus(stored.status)) return stored;
  if (jobStatuses.length === 0) return stored;
  const statuses = jobStatuses.map((s) => (s ?? "").toLowerCase());
  const distinct = new Set(statuses);
  let status;
  let message = null;
  if (distinct.size === 1) {
    const only = statuses[0];
    status = only === "" ? "pending" : isJobRequestStatus(only) ? only : "unknown";
    if (status === "failed") message = FAILED_DUE_TO_JOB_FAILURE;
  } else if (distinct.has("running") || distinct.has("pending")) {
    status = "running";
  } else if (distinct.has("failed")) {
    status = "failed";
    message = FAILED_DUE_TO_JOB_FAILURE;
  } else {
    status = "unknown";
  }
  if (status === stored.status) return stored;
  return { status, message };
}
function jobRequestRuntimeSeconds(jobs) {
  let total = 0;
  for (const job of jobs) {
    const status = job.status.toLowerCase();
    if (status !== "failed" && status !== "succeeded") continue;
    if (job.started_at === null || job.completed_at === null) continue;
    const started = Date.parse(job.started_at);
    const completed = Date.parse(job.completed_at);
    if (Number.isNaN(started) || Number.isNaN(completed) || completed <= started) continue;
    total += (completed - started) / 1e3;
  }
  return total;
}
function formatRuntime(seconds) {
  const whole = Math.floor(seconds);
  if (whole <= 0) return "-";
  const hours = Math.floor(whole / 3600);
  const minutes = Math.floor(whole % 3600 / 60);
  const secs = whole % 60;
  const pad = (n) => String(n).padStart(2, "0");
  return `${pad(hours)}:${pad(minutes)}:${pad(secs)}`;
}
var FAILED_DUE_TO_JOB_FAILURE;
var init_request_status = __esm({
  "src/rap/request-status.ts"() {
    "use strict";
    init_statuses();
    FAILED_DUE_TO_JOB_FAILURE = "Failed due to job failure";
  }
});

// src/rap/validation.ts
function formatPath(path2) {
  let out = "";
  for (const key of path2) {
    if (typeof key === "number") out += `[${key}]`;
    else out += out === "" ? String(key) : `.${String(key)}`;
  }
  return out;
}
function formatIssue(issue) {
  const path2 = formatPath(issue.path);
  const missing = issue.code === "invalid_type" && issue.input === void 0 && issue.path.length > 0;
  if (missing) return `'${path2}' is a required property`;
  return path2 === "" ? issue.message : `${path2}: ${issue.message}`;
}
function formatValidationError(error) {
  const issues = error.issues.slice(0, MAX_ISSUES).map(formatIssue);
  const more = error.issues.length - MAX_ISSUES;
  const suffix = more > 0 ? `; and ${more} more` : "";
  return `Invalid request body received: ${issues.join("; ")}${suffix}`;
}
function parseBody(schema3, data) {
  if (typeof data !== "object" || data === null || Array.isArray(data)) {
    return { ok: false, details: "Invalid request body received: the body must be a JSON object" };
  }
  const result = schema3.safeParse(data, { reportInput: true });
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, details: formatValidationError(result.error) };
}
var MAX_ISSUES;
var init_validation = __esm({
  "src/rap/validation.ts"() {
    "use strict";
    MAX_ISSUES = 5;
  }
});

// src/rap/index.ts
var init_rap = __esm({
  "src/rap/index.ts"() {
    "use strict";
    init_client();
    init_errors();
    init_ids();
    init_openapi();
    init_request_status();
    init_schemas();
    init_statuses();
    init_validation();
  }
});

// src/app/job-requests/store.ts
function repoKey(repo) {
  return `${repo.owner}/${repo.repo}`.toLowerCase();
}
function toRequest(row2) {
  return {
    id: row2.id,
    sourceKey: row2.source_key,
    installationId: row2.installation_id,
    repo: { owner: row2.repo_owner, repo: row2.repo_name },
    repoHtmlUrl: row2.repo_html_url,
    repoUrl: row2.repo_url,
    pullNumber: row2.pull_number,
    commentId: row2.comment_id,
    backend: row2.backend,
    workspace: row2.workspace,
    branch: row2.branch,
    commit: row2.commit_sha,
    requestedActions: JSON.parse(row2.requested_actions),
    forceRunDependencies: row2.force_run_dependencies === 1,
    requestedBy: row2.requested_by,
    organisation: row2.organisation,
    project: row2.project,
    projectDefinition: row2.project_definition,
    status: isJobRequestStatus(row2.status) ? row2.status : "unknown",
    statusMessage: row2.status_message,
    submission: row2.submission,
    submitAttempts: row2.submit_attempts,
    nextSubmitAt: row2.next_submit_at,
    lastSubmitError: row2.last_submit_error,
    cancelledActions: JSON.parse(row2.cancelled_actions),
    checkRunId: row2.check_run_id,
    acknowledged: row2.acknowledged === 1,
    version: row2.version,
    publishedVersion: row2.published_version,
    createdAt: row2.created_at,
    updatedAt: row2.updated_at
  };
}
function toJob(row2) {
  return {
    identifier: row2.identifier,
    action: row2.action,
    runCommand: row2.run_command,
    status: row2.status,
    statusCode: row2.status_code,
    statusMessage: row2.status_message,
    createdAt: row2.created_at,
    updatedAt: row2.updated_at,
    startedAt: row2.started_at,
    completedAt: row2.completed_at
  };
}
var SUBMIT_GRACE_MS, ACTIVE, JobRequestStore;
var init_store = __esm({
  "src/app/job-requests/store.ts"() {
    "use strict";
    init_rap();
    SUBMIT_GRACE_MS = 3e4;
    ACTIVE = "('pending', 'running', 'unknown', 'unknown_error_creating_jobs')";
    JobRequestStore = class {
      #db;
      #now;
      constructor(db, now = Date.now) {
        this.#db = db;
        this.#now = now;
      }
      get db() {
        return this.#db;
      }
      /** Records that a comment (or button press) is being acted on. False when it already was. */
      claimCommand(sourceKey) {
        const result = this.#db.prepare("INSERT OR IGNORE INTO commands (source_key, claimed_at) VALUES (?, ?)").run(sourceKey, this.#now());
        return result.changes === 1;
      }
      /** Forgets a claim whose handling failed, so that a redelivery can act on it again. */
      releaseCommand(sourceKey) {
        this.#db.prepare("DELETE FROM commands WHERE source_key = ?").run(sourceKey);
      }
      /**
       * Stores a new request, waiting to be submitted. Returns the existing one for a repeated source.
       * Whoever stores it submits it at once; the poller takes it over only after `SUBMIT_GRACE_MS` (so
       * the two do not both send it), which also covers an App that stopped in between.
       */
      insert(request) {
        return this.#db.transaction(() => {
          const existing = this.bySource(request.sourceKey);
          if (existing !== void 0) return { created: false, request: existing };
          this.#db.prepare(
            `INSERT INTO job_requests (id, source_key, installation_id, repo_owner, repo_name, repo_key, repo_html_url,
             repo_url, pull_number, comment_id, backend, workspace, branch, commit_sha, requested_actions,
             force_run_dependencies, requested_by, organisation, project, project_definition, status,
             submission, next_submit_at, created_at, updated_at)
           VALUES (@id, @sourceKey, @installationId, @owner, @name, @repoKey, @repoHtmlUrl, @repoUrl, @pullNumber,
             @commentId, @backend, @workspace, @branch, @commit, @requestedActions, @force, @requestedBy,
             @organisation, @project, @projectDefinition, 'pending', 'waiting', @submitAt, @createdAt, @createdAt)`
          ).run({
            ...request,
            owner: request.repo.owner,
            name: request.repo.repo,
            repoKey: repoKey(request.repo),
            requestedActions: JSON.stringify(request.requestedActions),
            force: request.forceRunDependencies ? 1 : 0,
            submitAt: request.createdAt + SUBMIT_GRACE_MS
          });
          return { created: true, request: this.get(request.id) };
        })();
      }
      get(id) {
        const row2 = this.#db.prepare("SELECT * FROM job_requests WHERE id = ?").get(id);
        return row2 === void 0 ? void 0 : toRequest(row2);
      }
      bySource(sourceKey) {
        const row2 = this.#db.prepare("SELECT * FROM job_requests WHERE source_key = ?").get(sourceKey);
        return row2 === void 0 ? void 0 : toRequest(row2);
      }
      /** The pull request's job requests, newest first. */
      forPull(repo, number, limit = 50) {
        return this.#db.prepare(
          "SELECT * FROM job_requests WHERE repo_key = ? AND pull_number = ? ORDER BY created_at DESC, rowid DESC LIMIT ?"
        ).all(repoKey(repo), number, limit).map(toRequest);
      }
      /** Requests the backends hold and that have not ended: the ones to poll. */
      polled() {
        return this.#db.prepare(
          `SELECT * FROM job_requests WHERE submission = 'accepted' AND status IN ${ACTIVE} ORDER BY rowid`
        ).all().map(toRequest);
      }
      /** Requests waiting to be submitted whose next attempt is due. */
      dueForSubmission() {
        return this.#db.prepare(
          "SELECT * FROM job_requests WHERE submission = 'waiting' AND coalesce(next_submit_at, 0) <= ? ORDER BY rowid"
        ).all(this.#now()).map(toRequest);
      }
      /** Requests whose latest state GitHub does not show yet. */
      unpublished() {
        return this.#db.prepare("SELECT * FROM job_requests WHERE published_version < version ORDER BY rowid").all().map(toRequest);
      }
      jobs(id) {
        return this.#db.prepare("SELECT * FROM jobs WHERE job_request_id = ? ORDER BY seq").all(id).map(toJob);
      }
      /** The submission ended: accepted (with the status the backend's answer implies) or rejected. */
      settleSubmission(id, submission, status, message) {
        this.#update(id, "submission = ?, status = ?, status_message = ?, next_submit_at = NULL", [
          submission,
          status,
          message
        ]);
        return this.get(id);
      }
      /** The backend could not be reached: try again at `nextAt`. */
      retrySubmission(id, error, nextAt) {
        this.#update(
          id,
          "submit_attempts = submit_attempts + 1, last_submit_error = ?, next_submit_at = ?, status_message = ?",
          [error, nextAt, "Waiting for the backend to accept this job request"]
        );
        return this.get(id);
      }
      setCheckRun(id, checkRunId) {
        this.#db.prepare("UPDATE job_requests SET check_run_id = ? WHERE id = ?").run(checkRunId, id);
      }
      markAcknowledged(id) {
        this.#db.prepare("UPDATE job_requests SET acknowledged = 1 WHERE id = ?").run(id);
      }
      addCancelled(id, actions) {
        const current = this.get(id);
        if (current === void 0) throw new Error(`no job request ${id}`);
        const merged = [.../* @__PURE__ */ new Set([...current.cancelledActions, ...actions])];
        this.#update(id, "cancelled_actions = ?", [JSON.stringify(merged)]);
        return this.get(id);
      }
      /**
       * Records the backend's report of the request's jobs and derives the request's status from them
       * as job-server does. Returns whether anything a user could see changed.
       */
      applyStatus(id, jobs) {
        return this.#db.transaction(() => {
          const before = this.get(id);
          if (before === void 0) throw new Error(`no job request ${id}`);
          let changed = false;
          const existing = new Map(this.jobs(id).map((j) => [j.identifier, j]));
          let seq2 = existing.size;
          const upsert = this.#db.prepare(
            `INSERT INTO jobs (identifier, job_request_id, seq, action, run_command, status, status_code, status_message,
           created_at, updated_at, started_at, completed_at)
         VALUES (@identifier, @requestId, @seq, @action, @run_command, @status, @status_code, @status_message,
           @created_at, @updated_at, @started_at, @completed_at)
         ON CONFLICT(identifier) DO UPDATE SET run_command = excluded.run_command, status = excluded.status,
           status_code = excluded.status_code, status_message = excluded.status_message,
           updated_at = excluded.updated_at, started_at = excluded.started_at, completed_at = excluded.completed_at`
          );
          for (const job of jobs) {
            if (job.rap_id !== id) continue;
            const old = existing.get(job.identifier);
            const visible2 = old === void 0 || old.status !== job.status || old.statusCode !== job.status_code || old.statusMessage !== job.status_message || old.startedAt !== job.started_at || old.completedAt !== job.completed_at;
            if (old !== void 0 && !visible2 && old.updatedAt === job.updated_at) continue;
            upsert.run({ ...job, requestId: id, seq: old === void 0 ? seq2++ : 0 });
            if (visible2) changed = true;
          }
          const derived = deriveJobRequestStatus(
            { status: before.status, message: before.statusMessage },
            this.jobs(id).map((j) => j.status)
          );
          if (derived.status !== before.status || derived.message !== before.statusMessage) {
            this.#db.prepare("UPDATE job_requests SET status = ?, status_message = ? WHERE id = ?").run(derived.status, derived.message, id);
            changed = true;
          }
          if (changed) this.#bump(id);
          return { changed, request: this.get(id) };
        })();
      }
      /** Marks what GitHub now shows; a later change (a higher version) is published again. */
      markPublished(id, version) {
        this.#db.prepare("UPDATE job_requests SET published_version = max(published_version, ?) WHERE id = ?").run(version, id);
      }
      #update(id, assignments, values) {
        const result = this.#db.prepare(`UPDATE job_requests SET ${assignments}, version = version + 1, updated_at = ? WHERE id = ?`).run(...values, this.#now(), id);
        if (result.changes !== 1) throw new Error(`no job request ${id}`);
      }
      #bump(id) {
        this.#db.prepare("UPDATE job_requests SET version = version + 1, updated_at = ? WHERE id = ?").run(this.#now(), id);
      }
    };
  }
});

// src/app/job-requests/job-request.ts
import { randomBytes as randomBytes3 } from "node:crypto";
function newJobRequestId() {
  return newRapId((size) => randomBytes3(size));
}
function isActive(request) {
  if (request.submission === "waiting") return true;
  return request.submission === "accepted" && !isCompletedRequestStatus(request.status);
}
function timelineOf(request, jobs) {
  const started = jobs.map((j) => j.startedAt).filter((t) => t !== null).sort();
  const completed = jobs.map((j) => j.completedAt).filter((t) => t !== null).sort();
  const complete = !isActive(request);
  return {
    createdAt: request.createdAt,
    startedAt: started[0] ?? null,
    finishedAt: complete ? completed.at(-1) ?? null : null,
    runtimeSeconds: jobRequestRuntimeSeconds(
      jobs.map((j) => ({ status: j.status, started_at: j.startedAt, completed_at: j.completedAt }))
    )
  };
}
var init_job_request = __esm({
  "src/app/job-requests/job-request.ts"() {
    "use strict";
    init_rap();
  }
});

// src/app/permissions/authorize.ts
async function authorize(rules, lookup, request) {
  const role = await lookup.role(request.login);
  if (!meetsRole(role, rules.minimumRole)) {
    const has = role === "none" ? "no role on this repository" : `the ${role} role on this repository`;
    return {
      allowed: false,
      reason: `@${request.login} has ${has}; running and cancelling jobs needs at least the ${rules.minimumRole} role.`
    };
  }
  const listed = await onList(rules, lookup, request);
  if (listed !== true) {
    return {
      allowed: false,
      reason: `@${request.login} is not among the users and teams allowed to run jobs in this repository's settings${listed === "unknown" ? " (team membership could not be checked: the App needs the organisation's Members permission)" : ""}.`
    };
  }
  if (request.backend !== null) {
    const backendList = rules.backends[request.backend];
    if (backendList !== void 0) {
      const onBackend = await onList(backendList, lookup, request);
      if (onBackend !== true) {
        return {
          allowed: false,
          reason: `@${request.login} is not allowed to run jobs on the \`${request.backend}\` backend${onBackend === "unknown" ? " (team membership could not be checked)" : ""}.`
        };
      }
    }
  }
  return { allowed: true, role };
}
async function onList(list, lookup, request) {
  if (list.users.length === 0 && list.teams.length === 0) return true;
  const login4 = request.login.toLowerCase();
  if (list.users.some((u) => u.toLowerCase() === login4)) return true;
  let unknown = false;
  for (const entry of list.teams) {
    const [org, team2] = entry.includes("/") ? entry.split("/", 2) : [request.owner, entry];
    const answer = await lookup.inTeam(org, team2, request.login);
    if (answer === "member") return true;
    if (answer === "unknown") unknown = true;
  }
  return unknown ? "unknown" : false;
}
var init_authorize = __esm({
  "src/app/permissions/authorize.ts"() {
    "use strict";
    init_roles();
  }
});

// src/app/permissions/github-lookup.ts
function githubAccessLookup(octokit, repo) {
  const teams = /* @__PURE__ */ new Map();
  return {
    async role(login4) {
      try {
        const { data } = await octokit.rest.repos.getCollaboratorPermissionLevel({
          ...repo,
          username: login4
        });
        return roleOf(data);
      } catch (error) {
        if (statusOf(error) === 404) return "none";
        throw new PermissionLookupError(
          `could not read @${login4}'s permission on ${repo.owner}/${repo.repo} (HTTP ${statusOf(error) ?? "error"})`,
          { cause: error }
        );
      }
    },
    async inTeam(org, team2, login4) {
      const key = `${org}/${team2}/${login4}`.toLowerCase();
      const known = teams.get(key);
      if (known !== void 0) return known;
      let answer;
      try {
        const { data } = await octokit.rest.teams.getMembershipForUserInOrg({
          org,
          team_slug: team2,
          username: login4
        });
        answer = data.state === "active" ? "member" : "not-member";
      } catch (error) {
        const status = statusOf(error);
        answer = status === 404 ? "not-member" : "unknown";
      }
      teams.set(key, answer);
      return answer;
    }
  };
}
var PermissionLookupError;
var init_github_lookup = __esm({
  "src/app/permissions/github-lookup.ts"() {
    "use strict";
    init_github_api_error();
    init_roles();
    PermissionLookupError = class extends Error {
      name = "PermissionLookupError";
    };
  }
});

// src/app/commands/command-context.ts
function refused(outcome, reply) {
  return { outcome, reaction: "confused", reply };
}
var init_command_context = __esm({
  "src/app/commands/command-context.ts"() {
    "use strict";
  }
});

// src/app/commands/check-access.ts
async function checkAccess(deps, call, backend, nothing = "Nothing was run.") {
  const rules = {
    minimumRole: call.settings.commands.minimum_role,
    users: call.settings.commands.users,
    teams: call.settings.commands.teams,
    backends: call.settings.commands.backends
  };
  try {
    const decision = await authorize(rules, githubAccessLookup(deps.octokit, deps.repo), {
      login: call.login,
      owner: deps.repo.owner,
      backend
    });
    return decision.allowed ? null : refused("not-allowed", `${decision.reason} ${nothing}`);
  } catch (error) {
    if (!(error instanceof PermissionLookupError)) throw error;
    return refused(
      "permission-unknown",
      `Your permission could not be checked (${error.message}), so ${lowerFirst(nothing)} Please try again.`
    );
  }
}
function lowerFirst(text) {
  return `${text[0].toLowerCase()}${text.slice(1)}`;
}
var init_check_access = __esm({
  "src/app/commands/check-access.ts"() {
    "use strict";
    init_authorize();
    init_github_lookup();
    init_command_context();
  }
});

// src/app/commands/cancel-command.ts
async function cancelCommand(deps, call, command) {
  const jobs = deps.jobs;
  if (jobs === null)
    return refused("no-backend", "No backend is configured for this App, so there is nothing to cancel.");
  const access3 = await checkAccess(deps, call, null, "Nothing was cancelled.");
  if (access3 !== null) return access3;
  const active = jobs.service.store.forPull(deps.repo, call.issueNumber).filter(isActive);
  if (active.length === 0) {
    return refused(
      "nothing-active",
      "This pull request has no job request that is still running, so there is nothing to cancel."
    );
  }
  const wanted = command.actions.length === 0 ? null : command.actions;
  const outcomes = [];
  for (const request of active) outcomes.push(await jobs.service.cancel(request, wanted));
  for (const outcome of outcomes)
    await jobs.service.publish(outcome.request.id, { comment: false }).catch(() => void 0);
  await deps.refreshComment(call.issueNumber);
  const lines = outcomes.map((o) => describe3(o, jobs.pageUrl(o.request.id)));
  const done = outcomes.filter((o) => o.kind === "cancelled" || o.kind === "withdrawn");
  const named = wanted === null ? [] : wanted.filter((a) => !done.some((o) => o.kind === "cancelled" && o.actions.includes(a)));
  const allDone = done.length === outcomes.length && named.length === 0;
  return {
    outcome: done.length > 0 ? "cancelled" : "nothing-cancelled",
    reaction: done.length > 0 ? "rocket" : "confused",
    // When everything asked for was cancelled, the 🚀 and the updated comment say enough.
    reply: allDone ? null : lines.join("\n"),
    jobRequests: outcomes.map((o) => o.request.id)
  };
}
function describe3(outcome, url) {
  const id = codeSpan(outcome.request.id);
  const name3 = url === null ? `Job request ${id}` : `[Job request ${id}](${url})`;
  const list = (names) => names.map((n) => codeSpan(n)).join(", ");
  switch (outcome.kind) {
    case "cancelled":
      return `- ${name3}: cancelled ${list(outcome.actions)}.`;
    case "withdrawn":
      return `- ${name3}: withdrawn before the backend took it.`;
    case "not-active":
      return `- ${name3}: already finished.`;
    case "no-jobs-yet":
      return `- ${name3}: the backend has not reported its jobs yet; wait a minute and try again.`;
    case "nothing-to-cancel":
      return outcome.notFound.length > 0 ? `- ${name3}: ${list(outcome.notFound)} ${outcome.notFound.length === 1 ? "is" : "are"} not pending or running in it.` : `- ${name3}: no job is pending or running.`;
    case "unreachable":
      return `- ${name3}: could not be cancelled (${outcome.problem}); try again.`;
  }
}
var init_cancel_command = __esm({
  "src/app/commands/cancel-command.ts"() {
    "use strict";
    init_job_request();
    init_markdown();
    init_check_access();
    init_command_context();
  }
});

// src/app/commands/did-you-mean.ts
function editDistance(a, b, limit = Number.POSITIVE_INFINITY) {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let before = new Array(b.length + 1).fill(0);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  let current = new Array(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = current[0];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, before[j - 2] + 1);
      }
      current[j] = value;
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > limit) return limit + 1;
    [before, previous, current] = [previous, current, before];
  }
  return previous[b.length];
}
function typoAllowance(word) {
  return word.length <= 4 ? 1 : 2;
}
function closest(typed, candidates) {
  if (typed.length === 0 || typed.length > MAX_LENGTH) return null;
  const lower = typed.toLowerCase();
  let best = null;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    if (candidate.length > MAX_LENGTH) continue;
    const limit = Math.min(typoAllowance(candidate), bestDistance - 1);
    if (limit < 0) break;
    const distance = editDistance(lower, candidate.toLowerCase(), limit);
    if (distance <= limit && distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
      if (distance === 0) break;
    }
  }
  return best;
}
var MAX_LENGTH;
var init_did_you_mean = __esm({
  "src/app/commands/did-you-mean.ts"() {
    "use strict";
    MAX_LENGTH = 200;
  }
});

// src/app/commands/find-command.ts
function findCommand(body, word) {
  const lines = body.replace(/\r\n?/g, "\n").split("\n");
  const wanted = word.toLowerCase();
  const commands2 = [];
  let nearMiss = null;
  let fence = null;
  let inHtmlComment = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (fence !== null) {
      const close2 = FENCE.exec(line);
      if (close2?.[1]?.[0] === fence.char && close2[1].length >= fence.length && close2[2].trim() === "") {
        fence = null;
      }
      continue;
    }
    if (inHtmlComment) {
      if (line.includes("-->")) inHtmlComment = false;
      continue;
    }
    const open2 = FENCE.exec(line);
    if (open2 !== null && !(open2[1][0] === "`" && open2[2].includes("`"))) {
      fence = { char: open2[1][0], length: open2[1].length };
      continue;
    }
    let visible2 = line.replace(/<!--.*?-->/g, " ");
    const opened = visible2.indexOf("<!--");
    if (opened !== -1) {
      inHtmlComment = true;
      visible2 = visible2.slice(0, opened);
    }
    const match = SLASH.exec(visible2);
    if (match === null) continue;
    const typed = match[1];
    const args = (match[2] ?? "").trim();
    if (typed.toLowerCase() === wanted) {
      commands2.push({ line: i + 1, args, tooLong: visible2.length > MAX_COMMAND_CHARS });
    } else if (nearMiss === null && word.length >= NEAR_MISS_MIN && closest(typed, [word]) !== null) {
      nearMiss = { line: i + 1, typed };
    }
  }
  if (commands2.length > 1) return { kind: "several", lines: commands2.map((c) => c.line) };
  const [only] = commands2;
  if (only !== void 0) {
    return only.tooLong ? { kind: "too-long", line: only.line } : { kind: "command", line: only.line, args: only.args };
  }
  if (nearMiss !== null) return { kind: "near-miss", ...nearMiss };
  return { kind: "none" };
}
var MAX_COMMAND_CHARS, NEAR_MISS_MIN, FENCE, SLASH;
var init_find_command = __esm({
  "src/app/commands/find-command.ts"() {
    "use strict";
    init_did_you_mean();
    MAX_COMMAND_CHARS = 4e3;
    NEAR_MISS_MIN = 5;
    FENCE = /^ {0,3}(`{3,}|~{3,})(.*)$/;
    SLASH = /^ {0,3}\/([^\s/]+)(?:[ \t]+(.*))?$/;
  }
});

// src/app/commands/parse-command.ts
import { parseArgs as parseArgs2 } from "node:util";
import { split } from "shlex";
function parseCommand(args) {
  let words;
  try {
    words = split(args);
  } catch {
    return { ok: false, problem: "A quotation mark is not closed.", subcommand: null };
  }
  const [first, ...rest] = words;
  if (first === void 0) return { ok: true, command: { kind: "help" } };
  const sub = first.toLowerCase();
  if (!isSubcommand(sub)) {
    const guess = closest(sub, SUBCOMMANDS);
    const shown = code(first);
    const problem = guess === null ? `${shown} is not a command.` : `${shown} is not a command. Did you mean ${code(guess)}?`;
    return { ok: false, problem, subcommand: null };
  }
  switch (sub) {
    case "run":
      return parseRun2(rest);
    case "cancel":
      return parseCancel(rest);
    default:
      if (rest.length > 0) {
        return { ok: false, problem: `${code(sub)} takes no arguments.`, subcommand: sub };
      }
      return { ok: true, command: { kind: sub } };
  }
}
function parseRun2(words) {
  const fail2 = (problem) => ({ ok: false, problem, subcommand: "run" });
  let parsed;
  try {
    parsed = parseArgs2({ args: words, options: RUN_FLAGS, strict: true, allowPositionals: true });
  } catch (error) {
    return fail2(flagProblem(error, ["--force-run-dependencies", "-f", "--backend"]));
  }
  const backend = parsed.values.backend ?? null;
  if (backend !== null && !BACKEND_SLUG.test(backend)) {
    return fail2(`${code(backend)} is not a backend name (letters, digits, \`-\` and \`_\`).`);
  }
  const actions = checkNames(parsed.positionals);
  if (typeof actions === "string") return fail2(actions);
  if (actions.length === 0) {
    return fail2("Say which actions to run, or `run_all` to run them all.");
  }
  return {
    ok: true,
    command: {
      kind: "run",
      actions,
      forceRunDependencies: parsed.values["force-run-dependencies"] === true,
      backend
    }
  };
}
function parseCancel(words) {
  const fail2 = (problem) => ({ ok: false, problem, subcommand: "cancel" });
  let positionals;
  try {
    positionals = parseArgs2({ args: words, options: {}, strict: true, allowPositionals: true }).positionals;
  } catch (error) {
    return fail2(flagProblem(error, []));
  }
  const actions = checkNames(positionals);
  if (typeof actions === "string") return fail2(actions);
  return { ok: true, command: { kind: "cancel", actions } };
}
function checkNames(names) {
  if (names.length > MAX_ACTIONS) return `At most ${MAX_ACTIONS} actions can be named in one command.`;
  const out = [];
  for (const name3 of names) {
    if (name3 === "") return "An action name cannot be empty.";
    if (name3.length > MAX_NAME_CHARS) return `Action names are at most ${MAX_NAME_CHARS} characters long.`;
    if (!out.includes(name3)) out.push(name3);
  }
  return out;
}
function flagProblem(error, flags) {
  const message = error instanceof Error ? error.message : String(error);
  const unknown = /Unknown option '([^']*)'/.exec(message)?.[1];
  if (unknown !== void 0) {
    const prefixed = unknown.length >= 5 ? flags.filter((f) => f.startsWith(unknown)) : [];
    const guess = prefixed.length === 1 ? prefixed[0] : unknown.length > 2 ? closest(unknown, flags) : null;
    if (flags.length === 0) return `${code(unknown)} is not an option here; this command takes no options.`;
    return guess === null ? `${code(unknown)} is not an option. The options are ${flags.map(code).join(", ")}.` : `${code(unknown)} is not an option. Did you mean ${code(guess)}?`;
  }
  const missing = /Option '([^']*)' argument (?:missing|is ambiguous)/.exec(message)?.[1];
  if (missing !== void 0) return `${code(flagName(missing))} needs a value.`;
  const extra = /Option '([^']*)' does not take an argument/.exec(message)?.[1];
  if (extra !== void 0) return `${code(flagName(extra))} does not take a value.`;
  return "The options could not be read.";
}
function flagName(described) {
  return described.replace(/^-\w, /, "").replace(/ <value>$/, "");
}
function isSubcommand(word) {
  return SUBCOMMANDS.includes(word);
}
function code(text) {
  const shown = text.length > 100 ? `${text.slice(0, 99)}\u2026` : text;
  const clean = shown.replace(/[\r\n]/g, " ");
  const longest = Math.max(0, ...Array.from(clean.matchAll(/`+/g), (m) => m[0].length));
  const fence = "`".repeat(longest + 1);
  const pad = clean.startsWith("`") || clean.endsWith("`") ? " " : "";
  return `${fence}${pad}${clean}${pad}${fence}`;
}
var SUBCOMMANDS, MAX_ACTIONS, MAX_NAME_CHARS, BACKEND_SLUG, RUN_FLAGS;
var init_parse_command = __esm({
  "src/app/commands/parse-command.ts"() {
    "use strict";
    init_did_you_mean();
    SUBCOMMANDS = ["run", "cancel", "status", "graph", "help"];
    MAX_ACTIONS = 500;
    MAX_NAME_CHARS = 200;
    BACKEND_SLUG = /^[A-Za-z0-9_-]{1,100}$/;
    RUN_FLAGS = {
      "force-run-dependencies": { type: "boolean", short: "f" },
      backend: { type: "string" }
    };
  }
});

// src/app/commands/help.ts
function renderHelp(context) {
  const w = `/${context.word}`;
  const backendLine = context.backends.length === 0 ? "No backend is configured for this App yet, so nothing can be run." : `Backends: ${context.backends.map((b) => code(b)).join(", ")}` + (context.defaultBackend === null ? "." : ` (the default is ${code(context.defaultBackend)}).`);
  return [
    `Write a command at the start of a line in a pull-request comment (not in a quote or a code block):`,
    "",
    "| Command | What it does |",
    "|---|---|",
    `| \`${w} run <action\u2026>\` | Runs these actions at the pull request's head commit, with any of their dependencies that have not yet succeeded |`,
    `| \`${w} run run_all\` | Runs every action |`,
    `| \`\u2026 -f\` or \`\u2026 --force-run-dependencies\` | Runs the dependencies again too, even those that succeeded |`,
    `| \`\u2026 --backend <name>\` | Runs on that backend |`,
    `| \`${w} cancel [<action\u2026>]\` | Cancels the pull request's running job requests (or only those actions) |`,
    `| \`${w} status\` | Lists the pull request's job requests and their status |`,
    `| \`${w} graph\` | Shows the job graph of \`project.yaml\` at the head commit |`,
    `| \`${w} help\` | Shows this help |`,
    "",
    backendLine,
    ""
  ].join("\n");
}
var init_help = __esm({
  "src/app/commands/help.ts"() {
    "use strict";
    init_parse_command();
  }
});

// src/app/commands/project-at.ts
async function readProjectAt(deps, sha2) {
  const file = codeSpan(PROJECT_FILE2);
  const at = codeSpan(sha2.slice(0, 7));
  const key = FileCache.key(`${deps.repo.owner}/${deps.repo.repo}`, sha2, PROJECT_FILE2);
  let found = key === null ? void 0 : deps.files.get(key);
  if (found === void 0) {
    found = await readFileAt(deps.octokit, deps.repo, PROJECT_FILE2, sha2, MAX_PROJECT_BYTES);
    if (key !== null) deps.files.set(key, found);
  }
  if (found.kind === "missing")
    return { ok: false, problem: `There is no ${file} at ${at}, so there is nothing to run.` };
  if (found.kind === "not-a-file") return { ok: false, problem: `${file} at ${at} is not a file.` };
  if (found.kind === "too-large") {
    return {
      ok: false,
      problem: `${file} at ${at} is ${count(found.bytes, "byte")}, more than Trestle reads.`
    };
  }
  const loaded = deps.cache.load(found.text, PROJECT_FILE2);
  if (loaded.result.pipeline === null || loaded.graph === null) {
    const errors = count(loaded.result.errors.length, "error");
    return {
      ok: false,
      problem: `${file} at ${at} is not valid (${errors}), so nothing was run:

${renderIssuesBlock(loaded.result, PROJECT_FILE2, 2e4)}`
    };
  }
  return { ok: true, text: found.text, pipeline: loaded.result.pipeline, graph: loaded.graph };
}
var init_project_at = __esm({
  "src/app/commands/project-at.ts"() {
    "use strict";
    init_analyse();
    init_file_cache();
    init_read_file();
    init_issues_block();
    init_markdown();
    init_settings_schema();
  }
});

// src/app/commands/pull-info.ts
async function readPullInfo(octokit, repo, number) {
  let data;
  try {
    data = (await octokit.rest.pulls.get({ ...repo, pull_number: number })).data;
  } catch (error) {
    if (statusOf(error) === 404) return { kind: "missing" };
    throw new GitHubApiError(`read pull request #${number}`, error);
  }
  if (data.state !== "open") return { kind: "closed" };
  const base = data.base.repo?.full_name?.toLowerCase();
  const head = data.head.repo?.full_name?.toLowerCase();
  return {
    kind: "open",
    headSha: data.head.sha,
    headRef: data.head.ref,
    baseSha: data.base.sha,
    fork: head === void 0 || head !== base
  };
}
var init_pull_info = __esm({
  "src/app/commands/pull-info.ts"() {
    "use strict";
    init_github_api_error();
  }
});

// src/app/commands/info-commands.ts
function statusCommand(deps, call) {
  const requests = deps.jobs?.service.store.forPull(deps.repo, call.issueNumber) ?? [];
  if (requests.length === 0) {
    return {
      outcome: "status",
      reaction: "rocket",
      reply: `This pull request has no job requests yet. Write \`/${call.settings.commands.word} run <action\u2026>\` to make one.`
    };
  }
  const table = renderJobRequestsSection(requests, (id) => deps.jobs?.pageUrl(id) ?? null, false);
  return {
    outcome: "status",
    reaction: "rocket",
    reply: `here are this pull request's job requests:

${table}`
  };
}
async function graphCommand(deps, call) {
  const pull = await readPullInfo(deps.octokit, deps.repo, call.issueNumber);
  if (pull.kind !== "open") return refused("pull-not-open", "This pull request is not open.");
  const project = await readProjectAt(deps, pull.headSha);
  if (!project.ok) return refused("project-invalid", project.problem.replace(", so nothing was run", ""));
  const graph2 = renderMermaid(project.pipeline, project.graph, { maxChars: GRAPH_BUDGET });
  return {
    outcome: "graph",
    reaction: "rocket",
    reply: `the job graph of \`project.yaml\` at ${codeSpan(pull.headSha.slice(0, 7))}:

${graph2}`
  };
}
function helpCommand(deps, call) {
  return { outcome: "help", reaction: "rocket", reply: helpText(deps, call) };
}
function helpText(deps, call) {
  return renderHelp({
    word: call.settings.commands.word,
    backends: deps.jobs?.config.backends.map((b) => b.slug) ?? [],
    defaultBackend: deps.jobs?.config.defaultBackend ?? null
  });
}
var GRAPH_BUDGET;
var init_info_commands = __esm({
  "src/app/commands/info-commands.ts"() {
    "use strict";
    init_pipeline();
    init_comment_section();
    init_markdown();
    init_command_context();
    init_help();
    init_project_at();
    init_pull_info();
    GRAPH_BUDGET = 5e4;
  }
});

// src/app/commands/reactions.ts
async function react(octokit, repo, commentId, content, onError = () => void 0) {
  try {
    await octokit.rest.reactions.createForIssueComment({ ...repo, comment_id: commentId, content });
    return true;
  } catch (error) {
    onError(error);
    return false;
  }
}
var init_reactions = __esm({
  "src/app/commands/reactions.ts"() {
    "use strict";
  }
});

// src/app/commands/replies.ts
function replyBody(commandLine, login4, text) {
  const quote2 = commandLine === null ? "" : `> ${codeSpan(shorten(commandLine.trim(), 300))}

`;
  const mention = text.startsWith(`@${login4} `) ? "" : `@${login4} `;
  const body = `${quote2}${mention}${text}`;
  return body.length <= REPLY_BUDGET ? body : `${body.slice(0, REPLY_BUDGET)}

\u2026(cut short)
`;
}
async function postReply(octokit, repo, issueNumber, body) {
  try {
    const { data } = await octokit.rest.issues.createComment({ ...repo, issue_number: issueNumber, body });
    return data.id;
  } catch (error) {
    throw new GitHubApiError(`reply on #${issueNumber}`, error);
  }
}
var REPLY_BUDGET;
var init_replies = __esm({
  "src/app/commands/replies.ts"() {
    "use strict";
    init_github_api_error();
    init_markdown();
    REPLY_BUDGET = 6e4;
  }
});

// src/app/job-requests/config.ts
function tokenVariable(slug) {
  return `TRESTLE_BACKEND_TOKEN_${slug.toUpperCase().replaceAll("-", "_")}`;
}
function jobsConfigFromEnv(env) {
  const problems = [];
  const backends = [];
  const listed = (env.TRESTLE_BACKENDS ?? "").trim();
  if (listed !== "") {
    for (const [index, entry] of listed.split(",").entries()) {
      const part = entry.trim();
      if (part === "") continue;
      const where = `TRESTLE_BACKENDS entry ${index + 1}`;
      const eq = part.indexOf("=");
      const slug = eq === -1 ? part : part.slice(0, eq).trim();
      const url = eq === -1 ? "" : part.slice(eq + 1).trim();
      if (!SLUG.test(slug)) {
        problems.push(`${where} must be slug=URL with a slug of letters, digits, - and _.`);
        continue;
      }
      const urlProblem = checkUrl(url);
      if (urlProblem !== null) {
        problems.push(`${where} (${slug}): ${urlProblem}`);
        continue;
      }
      if (backends.some((b) => b.slug === slug)) {
        problems.push(`${where} repeats the backend ${slug}.`);
        continue;
      }
      const token = env[tokenVariable(slug)];
      if (token === void 0 || token.trim() === "") {
        problems.push(`${tokenVariable(slug)} must hold the token for the backend ${slug}.`);
        continue;
      }
      backends.push({ slug, apiUrl: url.endsWith("/") ? url : `${url}/`, token: token.trim() });
    }
  }
  const wantedDefault = env.TRESTLE_DEFAULT_BACKEND?.trim() || null;
  if (wantedDefault !== null && !backends.some((b) => b.slug === wantedDefault)) {
    problems.push(`TRESTLE_DEFAULT_BACKEND names ${wantedDefault}, which TRESTLE_BACKENDS does not list.`);
  }
  let publicUrl = null;
  if (env.TRESTLE_PUBLIC_URL?.trim()) {
    const problem = checkUrl(env.TRESTLE_PUBLIC_URL.trim());
    if (problem === null) publicUrl = env.TRESTLE_PUBLIC_URL.trim().replace(/\/+$/, "");
    else problems.push(`TRESTLE_PUBLIC_URL: ${problem}`);
  }
  const host = env.GHE_HOST?.trim();
  const repoUrlTemplate = env.TRESTLE_REPO_URL?.trim() || `https://${host ? host : "github.com"}/{owner}/{repo}`;
  if (!repoUrlTemplate.includes("{owner}") || !repoUrlTemplate.includes("{repo}")) {
    problems.push("TRESTLE_REPO_URL must contain {owner} and {repo}.");
  }
  let pollIntervalMs = 3e4;
  if (env.TRESTLE_POLL_SECONDS !== void 0 && env.TRESTLE_POLL_SECONDS !== "") {
    const seconds = Number(env.TRESTLE_POLL_SECONDS);
    if (!Number.isFinite(seconds) || seconds < 0.05 || seconds > 3600) {
      problems.push("TRESTLE_POLL_SECONDS must be a number of seconds from 0.05 to 3600.");
    } else pollIntervalMs = Math.round(seconds * 1e3);
  }
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    config: {
      backends,
      defaultBackend: wantedDefault ?? backends[0]?.slug ?? null,
      databasePath: env.TRESTLE_APP_DATA?.trim() || (backends.length > 0 ? "trestle-app.db" : null),
      publicUrl,
      repoUrlTemplate,
      pollIntervalMs
    }
  };
}
function checkUrl(text) {
  let url;
  try {
    url = new URL(text);
  } catch {
    return "is not a URL.";
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return "must be an http:// or https:// URL.";
  if (url.username !== "" || url.password !== "")
    return "must not hold credentials; tokens have their own variables.";
  return null;
}
function repoUrlFor(template2, owner, repo) {
  return template2.replaceAll("{owner}", owner).replaceAll("{repo}", repo);
}
var SLUG;
var init_config = __esm({
  "src/app/job-requests/config.ts"() {
    "use strict";
    SLUG = /^[A-Za-z0-9_-]{1,100}$/;
  }
});

// src/app/commands/run-command.ts
async function runCommand(deps, call, command) {
  const jobs = deps.jobs;
  if (jobs === null || jobs.config.backends.length === 0) {
    return refused("no-backend", "No backend is configured for this App, so jobs cannot be run here.");
  }
  const backend = command.backend ?? jobs.config.defaultBackend;
  const known = jobs.config.backends.map((b) => b.slug);
  if (!known.includes(backend)) {
    const guess = closest(backend, known);
    return refused(
      "unknown-backend",
      `${codeSpan(backend)} is not a backend of this App.${guess === null ? "" : ` Did you mean ${codeSpan(guess)}?`} The backends are ${known.map((k) => codeSpan(k)).join(", ")}.`
    );
  }
  const access3 = await checkAccess(deps, call, backend);
  if (access3 !== null) return access3;
  const pull = await readPullInfo(deps.octokit, deps.repo, call.issueNumber);
  if (pull.kind !== "open")
    return refused("pull-not-open", "This pull request is not open, so nothing was run.");
  if (pull.fork && !call.settings.commands.forks) {
    return refused(
      "fork",
      "This pull request comes from a fork. Its code would run on the backend, so runs from forks are off unless the repository's settings allow them (`commands.forks: true`). Nothing was run."
    );
  }
  const project = await readProjectAt(deps, pull.headSha);
  if (!project.ok) return refused("project-invalid", project.problem);
  const unknown = command.actions.filter((a) => a !== RUN_ALL && !project.pipeline.actions.has(a));
  if (unknown.length > 0) {
    const names = [...project.pipeline.actions.keys()];
    const lines = unknown.map((a) => {
      const guess = closest(a, names);
      return `- ${codeSpan(a)} is not an action in \`project.yaml\`.${guess === null ? "" : ` Did you mean ${codeSpan(guess)}?`}`;
    });
    return refused("unknown-action", `Nothing was run:

${lines.join("\n")}
`);
  }
  return submit(deps, call, command, jobs, {
    backend,
    headSha: pull.headSha,
    headRef: pull.headRef,
    text: project.text
  });
}
async function submit(deps, call, command, jobs, at) {
  const naming = { owner: deps.repo.owner, repo: deps.repo.repo, branch: at.headRef, pr: call.issueNumber };
  const settings = call.settings.jobRequests;
  const inserted = jobs.service.store.insert({
    id: newJobRequestId(),
    sourceKey: `comment:${repoKey(deps.repo)}:${call.commentId}`,
    installationId: deps.installationId,
    repo: deps.repo,
    repoHtmlUrl: deps.repoHtmlUrl,
    repoUrl: repoUrlFor(jobs.config.repoUrlTemplate, deps.repo.owner, deps.repo.repo),
    pullNumber: call.issueNumber,
    commentId: call.commentId,
    backend: at.backend,
    workspace: fillTemplate(settings.workspace, naming, true),
    branch: at.headRef,
    commit: at.headSha,
    requestedActions: command.actions,
    forceRunDependencies: command.forceRunDependencies,
    requestedBy: call.login,
    organisation: fillTemplate(settings.organisation, naming),
    project: fillTemplate(settings.project, naming),
    projectDefinition: at.text,
    createdAt: deps.now()
  });
  const id = inserted.request.id;
  if (!inserted.created) return { outcome: "duplicate", reaction: null, reply: null, jobRequests: [id] };
  const outcome = await jobs.service.submit(inserted.request);
  if (outcome.kind !== "retrying") jobs.service.store.markAcknowledged(id);
  await jobs.service.publish(id, { comment: false }).catch(() => void 0);
  await deps.refreshComment(call.issueNumber);
  const url = jobs.pageUrl(id);
  const link2 = url === null ? `Job request ${codeSpan(id)}` : `[Job request ${codeSpan(id)}](${url})`;
  switch (outcome.kind) {
    case "accepted":
      return { outcome: "submitted", reaction: "rocket", reply: null, jobRequests: [id] };
    case "nothing-to-do":
      return {
        outcome: "nothing-to-do",
        reaction: "rocket",
        reply: `${link2}: nothing to do. ${outcome.request.statusMessage ?? ""}`.trim(),
        jobRequests: [id]
      };
    case "rejected":
      return {
        outcome: "rejected",
        reaction: "confused",
        reply: `${link2} was not run: ${outcome.request.statusMessage ?? "the backend refused it"}`,
        jobRequests: [id]
      };
    case "retrying":
      return {
        outcome: "backend-unreachable",
        reaction: null,
        reply: `${link2} is saved, but ${outcome.problem}. Trestle keeps submitting it until the backend takes it, and adds \u{1F680} to your comment when it does; nothing is lost.`,
        jobRequests: [id]
      };
  }
}
var init_run_command2 = __esm({
  "src/app/commands/run-command.ts"() {
    "use strict";
    init_pipeline();
    init_config();
    init_job_request();
    init_store();
    init_markdown();
    init_check_access();
    init_command_context();
    init_command_settings();
    init_did_you_mean();
    init_project_at();
    init_pull_info();
  }
});

// src/app/commands/handle-comment.ts
async function handleComment(deps, event, readSettings2) {
  const settings = await readSettings2();
  if (settings.ok && !settings.settings.commands.enabled) return { outcome: "commands-off" };
  const word = settings.ok ? settings.settings.commands.word : DEFAULT_WORD;
  const found = findCommand(event.body, word);
  if (found.kind === "none") return { outcome: "no-command" };
  const store = deps.jobs?.service.store ?? null;
  const sourceKey = `comment:${repoKey(deps.repo)}:${event.commentId}`;
  if (store !== null && !store.claimCommand(sourceKey)) return { outcome: "already-handled" };
  try {
    await react(deps.octokit, deps.repo, event.commentId, "eyes");
    const lines = event.body.replace(/\r\n?/g, "\n").split("\n");
    const line = "line" in found ? lines[found.line - 1] ?? null : null;
    const result = settings.ok ? await decide2(deps, event, settings.settings, found) : refused(
      "settings-invalid",
      `commands cannot run until the repository's settings (${code(SETTINGS_PATH)} on the default branch) are fixed:

` + settings.problems.map((p) => `- ${p}`).join("\n")
    );
    if (result.reaction !== null) await react(deps.octokit, deps.repo, event.commentId, result.reaction);
    if (result.reply !== null) {
      const shown = found.kind === "too-long" && line !== null ? `${line.slice(0, 200)}\u2026` : line;
      await postReply(
        deps.octokit,
        deps.repo,
        event.issueNumber,
        replyBody(shown, event.login, result.reply)
      );
    }
    return {
      outcome: result.outcome,
      ...found.kind === "command" ? { command: found.args.split(/\s/, 1)[0].toLowerCase() || "help" } : {},
      ...result.jobRequests === void 0 ? {} : { jobRequests: result.jobRequests.join(",") }
    };
  } catch (error) {
    store?.releaseCommand(sourceKey);
    throw error;
  }
}
async function decide2(deps, event, settings, found) {
  const call = {
    login: event.login,
    commentId: event.commentId,
    issueNumber: event.issueNumber,
    settings
  };
  const help = `

${helpText(deps, call)}`;
  const word = `/${settings.commands.word}`;
  switch (found.kind) {
    case "several":
      return refused(
        "several-commands",
        `write one command per comment; this one has ${found.lines.length} (on lines ${found.lines.join(", ")}), so nothing was done.${help}`
      );
    case "too-long":
      return refused(
        "too-long",
        `this command is longer than ${MAX_COMMAND_CHARS} characters, so nothing was done.`
      );
    case "near-miss":
      return refused(
        "near-miss",
        `${code(`/${found.typed}`)} is not a command. Did you mean ${code(word)}?${help}`
      );
    case "command":
      break;
  }
  if (!event.isPullRequest) {
    return refused("not-a-pull-request", `commands work in pull-request comments only; nothing was done.`);
  }
  const parsed = parseCommand(found.args);
  if (!parsed.ok) return refused("bad-command", `${parsed.problem}${help}`);
  switch (parsed.command.kind) {
    case "run":
      return runCommand(deps, call, parsed.command);
    case "cancel":
      return cancelCommand(deps, call, parsed.command);
    case "status":
      return statusCommand(deps, call);
    case "graph":
      return graphCommand(deps, call);
    case "help":
      return helpCommand(deps, call);
  }
}
var DEFAULT_WORD;
var init_handle_comment = __esm({
  "src/app/commands/handle-comment.ts"() {
    "use strict";
    init_store();
    init_settings_schema();
    init_cancel_command();
    init_command_context();
    init_find_command();
    init_info_commands();
    init_parse_command();
    init_reactions();
    init_replies();
    init_run_command2();
    DEFAULT_WORD = "opensafely";
  }
});

// src/app/commands/payloads.ts
import { z as z7 } from "zod";
function htmlUrlOf(payload) {
  return payload.repository.html_url ?? `https://github.com/${payload.repository.owner.login}/${payload.repository.name}`;
}
var login3, repository2, installation2, sender, commandCommentPayload, checkRunButtonPayload;
var init_payloads2 = __esm({
  "src/app/commands/payloads.ts"() {
    "use strict";
    login3 = z7.string().min(1).max(100);
    repository2 = z7.object({
      name: z7.string().min(1).max(100),
      owner: z7.object({ login: login3 }),
      html_url: z7.string().url().max(2e3).optional()
    });
    installation2 = z7.object({ id: z7.number().int().positive() });
    sender = z7.object({ login: login3, type: z7.string() });
    commandCommentPayload = z7.object({
      comment: z7.object({
        id: z7.number().int().positive(),
        body: z7.string().nullable(),
        user: z7.object({ login: login3, type: z7.string() }).nullable(),
        performed_via_github_app: z7.object({ id: z7.number().int() }).nullable().optional()
      }),
      issue: z7.object({ number: z7.number().int().positive(), pull_request: z7.unknown().optional() }),
      repository: repository2,
      installation: installation2,
      sender
    });
    checkRunButtonPayload = z7.object({
      action: z7.string(),
      check_run: z7.object({
        id: z7.number().int().positive(),
        head_sha: z7.string(),
        external_id: z7.string().nullable(),
        app: z7.object({ id: z7.number().int() }).nullable()
      }),
      requested_action: z7.object({ identifier: z7.string().max(100) }).nullish(),
      repository: repository2,
      installation: installation2,
      sender
    });
  }
});

// src/app/events/issue-comment.ts
function commentSource(payload, senderIsBot) {
  const byApp = payload.comment.performed_via_github_app !== void 0 && payload.comment.performed_via_github_app !== null;
  return senderIsBot || byApp || payload.comment.user?.type === "Bot" ? "bot" : "person";
}
function onIssueComment(_deps) {
  return async (context) => {
    const payload = parsePayload(issueCommentPayload, "issue_comment", context.payload);
    const source = commentSource(payload, context.isBot);
    context.log.debug(
      { delivery: context.id, event: context.name, comment: payload.comment.id, source, outcome: "ignored" },
      source === "bot" ? "comment by a bot ignored" : "comment has no command"
    );
  };
}
var init_issue_comment = __esm({
  "src/app/events/issue-comment.ts"() {
    "use strict";
    init_payloads();
  }
});

// src/app/events/command-comment.ts
function onCommandComment(deps, jobs, now) {
  return async (context) => {
    const payload = parsePayload(commandCommentPayload, "issue_comment", context.payload);
    if (commentSource(payload, context.isBot) === "bot") return;
    const body = payload.comment.body ?? "";
    if (!MAYBE_COMMAND.test(body)) return;
    const repo = { owner: payload.repository.owner.login, repo: payload.repository.name };
    const number = payload.issue.number;
    const about = {
      key: `${repo.owner}/${repo.repo}#${number}`,
      repo: `${repo.owner}/${repo.repo}`,
      pr: number,
      comment: payload.comment.id
    };
    await handleDelivery(context, deps, about, () => {
      const handler = handlerDeps(context, deps, repo);
      const commandDeps = commandDepsFor(handler, deps, jobs, {
        installationId: payload.installation.id,
        repoHtmlUrl: htmlUrlOf(payload),
        now
      });
      return handleComment(
        commandDeps,
        {
          commentId: payload.comment.id,
          body,
          login: payload.comment.user?.login ?? payload.sender.login,
          issueNumber: number,
          isPullRequest: payload.issue.pull_request !== void 0 && payload.issue.pull_request !== null
        },
        () => commandSettings(handler)
      );
    });
  };
}
async function commandSettings(handler) {
  const result = await handler.readSettings();
  if (!result.ok) return result;
  return {
    ok: true,
    settings: { commands: result.settings.commands, jobRequests: result.settings.job_requests }
  };
}
function commandDepsFor(handler, deps, jobs, extra) {
  return {
    octokit: handler.octokit,
    repo: handler.repo,
    installationId: extra.installationId,
    repoHtmlUrl: extra.repoHtmlUrl,
    cache: deps.cache,
    files: deps.files,
    jobs,
    now: extra.now,
    refreshComment: async (number) => {
      if (jobs === null) return;
      const refreshed = await refreshJobRequestsComment(
        {
          octokit: handler.octokit,
          repo: handler.repo,
          appId: deps.appId,
          store: deps.store,
          jobRequests: jobs.service.store,
          pageUrl: jobs.pageUrl
        },
        number
      );
      if (refreshed !== "no-comment") return;
      const pull = await readPullInfo(handler.octokit, handler.repo, number);
      if (pull.kind !== "open") return;
      await reportPullRequest(handler, {
        number,
        headSha: pull.headSha,
        baseSha: pull.baseSha,
        updatedAt: null
      });
    }
  };
}
var MAYBE_COMMAND;
var init_command_comment = __esm({
  "src/app/events/command-comment.ts"() {
    "use strict";
    init_handle_comment();
    init_payloads2();
    init_pull_info();
    init_report_pull_request();
    init_refresh_comment();
    init_app_deps();
    init_delivery();
    init_issue_comment();
    init_payloads();
    MAYBE_COMMAND = /^ {0,3}\//m;
  }
});

// src/app/commands/check-run-actions.ts
async function rerunFromCheck(deps, original, press) {
  const jobs = deps.jobs;
  const call = {
    login: press.login,
    commentId: 0,
    issueNumber: original.pullNumber ?? 0,
    settings: press.settings
  };
  const refusal = await checkAccess(deps, call, original.backend);
  if (refusal !== null) {
    await tell(
      deps,
      original,
      press.login,
      `could not run ${name2(jobs.pageUrl(original.id), original.id)} again: ${refusal.reply}`
    );
    return { outcome: refusal.outcome };
  }
  const inserted = jobs.service.store.insert({
    ...original,
    id: newJobRequestId(),
    sourceKey: press.sourceKey,
    commentId: null,
    requestedBy: press.login,
    createdAt: deps.now()
  });
  const id = inserted.request.id;
  if (!inserted.created) return { outcome: "duplicate", jobRequests: id };
  const outcome = await jobs.service.submit(inserted.request);
  if (outcome.kind !== "retrying") jobs.service.store.markAcknowledged(id);
  await jobs.service.publish(id, { comment: false }).catch(() => void 0);
  if (original.pullNumber !== null) await deps.refreshComment(original.pullNumber);
  const link2 = name2(jobs.pageUrl(id), id);
  if (outcome.kind === "rejected") {
    await tell(
      deps,
      original,
      press.login,
      `${link2} was not run: ${outcome.request.statusMessage ?? "the backend refused it"}`
    );
  } else if (outcome.kind === "retrying") {
    await tell(
      deps,
      original,
      press.login,
      `${link2} is saved, but ${outcome.problem}. Trestle keeps submitting it until the backend takes it.`
    );
  }
  return { outcome: outcome.kind === "accepted" ? "submitted" : outcome.kind, jobRequests: id };
}
async function cancelFromCheck(deps, request, press) {
  const jobs = deps.jobs;
  const call = {
    login: press.login,
    commentId: 0,
    issueNumber: request.pullNumber ?? 0,
    settings: press.settings
  };
  const refusal = await checkAccess(deps, call, null, "Nothing was cancelled.");
  if (refusal !== null) {
    await tell(
      deps,
      request,
      press.login,
      `could not cancel ${name2(jobs.pageUrl(request.id), request.id)}: ${refusal.reply}`
    );
    return { outcome: refusal.outcome };
  }
  const outcome = await jobs.service.cancel(request, null);
  await jobs.service.publish(request.id, { comment: false }).catch(() => void 0);
  if (request.pullNumber !== null) await deps.refreshComment(request.pullNumber);
  if (outcome.kind === "unreachable" || outcome.kind === "no-jobs-yet") {
    const why = outcome.kind === "unreachable" ? outcome.problem : "the backend has not reported its jobs yet";
    await tell(
      deps,
      request,
      press.login,
      `could not cancel ${name2(jobs.pageUrl(request.id), request.id)} (${why}); try again.`
    );
  }
  return { outcome: outcome.kind, jobRequests: request.id };
}
function name2(url, id) {
  return url === null ? `job request ${codeSpan(id)}` : `[job request ${codeSpan(id)}](${url})`;
}
async function tell(deps, request, login4, text) {
  if (request.pullNumber === null) return;
  await postReply(deps.octokit, deps.repo, request.pullNumber, replyBody(null, login4, text));
}
var init_check_run_actions = __esm({
  "src/app/commands/check-run-actions.ts"() {
    "use strict";
    init_job_request();
    init_markdown();
    init_check_access();
    init_replies();
  }
});

// src/app/job-requests/job-request-check.ts
function jobRequestCheckName(request) {
  return `Job request ${request.id} (${request.backend})`;
}
function jobRequestIdFromExternal(externalId) {
  if (externalId === null || !externalId.startsWith(JOB_REQUEST_EXTERNAL_PREFIX)) return null;
  const id = externalId.slice(JOB_REQUEST_EXTERNAL_PREFIX.length);
  return /^[a-z0-9]{16}$/.test(id) ? id : null;
}
function renderJobRequestCheck(request, jobs, pageUrl) {
  const active = isActive(request);
  const done = jobs.filter((j) => j.status === "succeeded" || j.status === "failed").length;
  let status = "completed";
  let conclusion = null;
  let title;
  if (request.submission === "waiting") {
    status = "queued";
    title = `Waiting for the backend ${request.backend}`;
  } else if (active) {
    status = request.status === "running" ? "in_progress" : "queued";
    title = jobs.length === 0 ? "Submitted; waiting for the backend's first report" : `${REQUEST_STATUS_LABELS[request.status]}: ${done} of ${jobs.length} jobs finished`;
  } else if (request.submission === "withdrawn") {
    conclusion = "cancelled";
    title = "Cancelled before it was submitted";
  } else if (request.status === "succeeded") {
    conclusion = "success";
    title = `Succeeded: ${jobs.length} job${jobs.length === 1 ? "" : "s"}`;
  } else if (request.status === "nothing_to_do") {
    conclusion = "neutral";
    title = "Nothing to do";
  } else {
    conclusion = "failure";
    const failed2 = jobs.filter((j) => j.status === "failed").length;
    title = jobs.length === 0 ? "Failed" : `Failed: ${failed2} of ${jobs.length} jobs failed`;
  }
  const actions = request.requestedActions.map((a) => mdName(a)).join(", ");
  let summary = `Requested by @${request.requestedBy}: ${actions} on the ${codeSpan(request.backend)} backend, in the workspace ${codeSpan(request.workspace)}${request.forceRunDependencies ? ", forcing dependencies to run again" : ""}.`;
  if (pageUrl !== null) summary += `

[Job request ${request.id}](${pageUrl})`;
  if (request.statusMessage) summary += `

${shorten(visible(request.statusMessage), 4e3)}`;
  if (request.submission === "waiting" && request.lastSubmitError) {
    summary += `

${shorten(visible(request.lastSubmitError), 1e3)}; ${request.submitAttempts} attempt${request.submitAttempts === 1 ? "" : "s"} so far. Trestle keeps trying.`;
  }
  return {
    name: jobRequestCheckName(request),
    status,
    conclusion,
    title: shorten(title, 200),
    summary,
    text: jobsTable(jobs),
    detailsUrl: pageUrl,
    externalId: `${JOB_REQUEST_EXTERNAL_PREFIX}${request.id}`,
    actions: active ? [{ label: "Cancel", description: "Cancel this job request's jobs", identifier: CANCEL_ACTION }] : [{ label: "Run again", description: "Request the same actions again", identifier: RERUN_ACTION }]
  };
}
function jobsTable(jobs) {
  if (jobs.length === 0) return "No updates received from the backend yet.";
  const head = "| Action | Status | Status code | Message | Job |\n|---|---|---|---|---|\n";
  let text = head;
  for (const [index, job] of jobs.entries()) {
    const message = shorten(visible(job.statusMessage), 300).replaceAll("|", "\\|");
    const row2 = `| ${mdName(job.action, true)} | ${job.status} | ${codeSpan(job.statusCode, true)} | ${message} | ${codeSpan(job.identifier, true)} |
`;
    if (text.length + row2.length > TEXT_BUDGET) return `${text}
\u2026and ${jobs.length - index} more jobs.
`;
    text += row2;
  }
  return text;
}
async function publishJobRequestCheck(octokit, request, check2) {
  const body = {
    owner: request.repo.owner,
    repo: request.repo.repo,
    name: check2.name,
    status: check2.status,
    ...check2.conclusion === null ? {} : { conclusion: check2.conclusion },
    ...check2.detailsUrl === null ? {} : { details_url: check2.detailsUrl },
    external_id: check2.externalId,
    output: { title: check2.title, summary: check2.summary, text: check2.text },
    actions: [...check2.actions]
  };
  if (request.checkRunId === null) {
    try {
      const { data } = await octokit.rest.checks.create({ ...body, head_sha: request.commit });
      return data.id;
    } catch (error) {
      throw new GitHubApiError(`create the check run of job request ${request.id}`, error);
    }
  }
  try {
    await octokit.rest.checks.update({ ...body, check_run_id: request.checkRunId });
  } catch (error) {
    throw new GitHubApiError(`update the check run of job request ${request.id}`, error);
  }
  return request.checkRunId;
}
var JOB_REQUEST_EXTERNAL_PREFIX, CANCEL_ACTION, RERUN_ACTION, TEXT_BUDGET;
var init_job_request_check = __esm({
  "src/app/job-requests/job-request-check.ts"() {
    "use strict";
    init_github_api_error();
    init_status_labels();
    init_markdown();
    init_job_request();
    JOB_REQUEST_EXTERNAL_PREFIX = "trestle:job-request:";
    CANCEL_ACTION = "cancel";
    RERUN_ACTION = "rerun";
    TEXT_BUDGET = 6e4;
  }
});

// src/app/events/job-request-buttons.ts
function onJobRequestButton(deps, jobs, now) {
  return async (context) => {
    const payload = parsePayload(checkRunButtonPayload, "check_run", context.payload);
    const run2 = payload.check_run;
    const id = jobRequestIdFromExternal(run2.external_id);
    if (jobs === null || run2.app?.id !== deps.appId || id === null) return;
    const request = jobs.service.store.get(id);
    const repo = { owner: payload.repository.owner.login, repo: payload.repository.name };
    if (request === void 0 || repoKey(request.repo) !== repoKey(repo)) return;
    const button = payload.action === "rerequested" ? RERUN_ACTION : payload.requested_action?.identifier ?? "";
    if (button !== RERUN_ACTION && button !== CANCEL_ACTION) return;
    const about = {
      key: request.pullNumber === null ? `${repo.owner}/${repo.repo}@${request.commit}` : `${repo.owner}/${repo.repo}#${request.pullNumber}`,
      repo: `${repo.owner}/${repo.repo}`,
      jobRequest: id,
      button
    };
    await handleDelivery(context, deps, about, async () => {
      const handler = handlerDeps(context, deps, repo);
      const settings = await commandSettings(handler);
      if (!settings.ok) return { outcome: "settings-invalid" };
      const commandDeps = commandDepsFor(handler, deps, jobs, {
        installationId: payload.installation.id,
        repoHtmlUrl: htmlUrlOf(payload),
        now
      });
      const press = {
        login: payload.sender.login,
        sourceKey: `check-run:${repoKey(repo)}:${run2.id}:${context.id}`,
        settings: settings.settings
      };
      return button === RERUN_ACTION ? rerunFromCheck(commandDeps, request, press) : cancelFromCheck(commandDeps, jobs.service.store.get(id), press);
    });
  };
}
var init_job_request_buttons = __esm({
  "src/app/events/job-request-buttons.ts"() {
    "use strict";
    init_check_run_actions();
    init_payloads2();
    init_job_request_check();
    init_store();
    init_app_deps();
    init_command_comment();
    init_delivery();
    init_payloads();
  }
});

// src/app/events/pull-request.ts
function onPullRequest(deps) {
  return async (context) => {
    const payload = parsePayload(pullRequestPayload, "pull_request", context.payload);
    const repo = repoOf(payload);
    const pr = {
      number: payload.pull_request.number,
      headSha: payload.pull_request.head.sha,
      baseSha: payload.pull_request.base.sha,
      updatedAt: payload.pull_request.updated_at
    };
    const key = `${repo.owner}/${repo.repo}#${pr.number}`;
    const about = {
      key,
      repo: `${repo.owner}/${repo.repo}`,
      pr: pr.number,
      sha: pr.headSha,
      action: payload.action
    };
    await handleDelivery(context, deps, about, () => reportPullRequest(handlerDeps(context, deps, repo), pr));
  };
}
var PULL_REQUEST_EVENTS;
var init_pull_request = __esm({
  "src/app/events/pull-request.ts"() {
    "use strict";
    init_report_pull_request();
    init_app_deps();
    init_delivery();
    init_payloads();
    PULL_REQUEST_EVENTS = [
      "pull_request.opened",
      "pull_request.synchronize",
      "pull_request.reopened"
    ];
  }
});

// src/app/events/push.ts
function onPush(deps) {
  return async (context) => {
    const payload = parsePayload(pushPayload, "push", context.payload);
    if (payload.deleted || NO_COMMIT.test(payload.after)) return;
    if (payload.ref !== `refs/heads/${payload.repository.default_branch}`) return;
    const repo = repoOf(payload);
    deps.settings.forget(repo);
    const commit = { sha: payload.after, baseSha: NO_COMMIT.test(payload.before) ? null : payload.before };
    const key = `${repo.owner}/${repo.repo}@${commit.sha}`;
    const about = { key, repo: `${repo.owner}/${repo.repo}`, sha: commit.sha, ref: payload.ref };
    await handleDelivery(context, deps, about, () => reportCommit(handlerDeps(context, deps, repo), commit));
  };
}
var NO_COMMIT;
var init_push = __esm({
  "src/app/events/push.ts"() {
    "use strict";
    init_report_commit();
    init_app_deps();
    init_delivery();
    init_payloads();
    NO_COMMIT = /^0+$/;
  }
});

// src/app/job-requests/github-publisher.ts
function githubPublisher(options) {
  return {
    async publish(request, jobs) {
      const octokit = await options.auth(request.installationId);
      const check2 = renderJobRequestCheck(request, jobs, options.pageUrl(request.id));
      const id = await publishJobRequestCheck(octokit, request, check2);
      if (request.checkRunId !== id) options.store.setCheckRun(request.id, id);
      if (!request.acknowledged && request.submission !== "waiting") {
        await acknowledge(octokit, request, options.pageUrl(request.id));
        options.store.markAcknowledged(request.id);
      }
    },
    async refreshComment(request) {
      if (request.pullNumber === null) return;
      await options.refreshComment(await options.auth(request.installationId), request);
    }
  };
}
async function acknowledge(octokit, request, pageUrl) {
  if (request.commentId === null || request.pullNumber === null) return;
  if (request.submission === "accepted") {
    await react(octokit, request.repo, request.commentId, "rocket");
    return;
  }
  if (request.submission !== "rejected") return;
  await react(octokit, request.repo, request.commentId, "confused");
  const link2 = pageUrl === null ? `Job request \`${request.id}\`` : `[Job request \`${request.id}\`](${pageUrl})`;
  await postReply(
    octokit,
    request.repo,
    request.pullNumber,
    replyBody(
      null,
      request.requestedBy,
      `${link2} was not run: ${request.statusMessage ?? "the backend refused it"}`
    )
  );
}
var init_github_publisher = __esm({
  "src/app/job-requests/github-publisher.ts"() {
    "use strict";
    init_reactions();
    init_replies();
    init_job_request_check();
  }
});

// src/app/keyed-queue.ts
var KeyedQueue;
var init_keyed_queue = __esm({
  "src/app/keyed-queue.ts"() {
    "use strict";
    KeyedQueue = class {
      #tails = /* @__PURE__ */ new Map();
      run(key, task) {
        const previous = this.#tails.get(key) ?? Promise.resolve();
        const result = previous.then(task, task);
        const tail = result.then(
          () => void 0,
          () => void 0
        );
        this.#tails.set(key, tail);
        void tail.then(() => {
          if (this.#tails.get(key) === tail) this.#tails.delete(key);
        });
        return result;
      }
      get pending() {
        return this.#tails.size;
      }
    };
  }
});

// src/app/settings/settings-cache.ts
function keyOf(repo) {
  return `${repo.owner}/${repo.repo}`.toLowerCase();
}
var SettingsCache;
var init_settings_cache = __esm({
  "src/app/settings/settings-cache.ts"() {
    "use strict";
    SettingsCache = class {
      constructor(now, ttlMs = 5 * 60 * 1e3, capacity = 1e4) {
        this.now = now;
        this.ttlMs = ttlMs;
        this.capacity = capacity;
      }
      now;
      ttlMs;
      capacity;
      #entries = /* @__PURE__ */ new Map();
      async get(repo, read2) {
        const key = keyOf(repo);
        const hit = this.#entries.get(key);
        if (hit !== void 0 && this.now() - hit.at < this.ttlMs) return hit.result;
        const result = await read2();
        this.#entries.delete(key);
        this.#entries.set(key, { result, at: this.now() });
        if (this.#entries.size > this.capacity) {
          const oldest = this.#entries.keys().next();
          if (!oldest.done) this.#entries.delete(oldest.value);
        }
        return result;
      }
      /** The default branch of `repo` moved: its settings (or, for `.github`, its owner's) may have changed. */
      forget(repo) {
        if (repo.repo.toLowerCase() !== ".github") {
          this.#entries.delete(keyOf(repo));
          return;
        }
        const prefix = `${repo.owner.toLowerCase()}/`;
        for (const key of [...this.#entries.keys()]) if (key.startsWith(prefix)) this.#entries.delete(key);
      }
    };
  }
});

// src/app/store/store.ts
function pullKeyString(key) {
  return `${key.repo.owner}/${key.repo.repo}#${key.number}`.toLowerCase();
}
function checkRunKeyString(key) {
  const repo = `${key.repo.owner}/${key.repo.repo}`.toLowerCase();
  return `${repo}@${key.sha}:${key.name}`;
}
var init_store2 = __esm({
  "src/app/store/store.ts"() {
    "use strict";
  }
});

// src/app/store/memory-store.ts
var MemoryStore, BoundedMap;
var init_memory_store = __esm({
  "src/app/store/memory-store.ts"() {
    "use strict";
    init_store2();
    MemoryStore = class {
      #deliveries;
      #comments;
      #checkRuns;
      #heads;
      constructor(options = {}) {
        this.#deliveries = new BoundedMap(options.deliveries ?? 5e4);
        this.#comments = new BoundedMap(options.comments ?? 5e4);
        this.#checkRuns = new BoundedMap(options.checkRuns ?? 5e4);
        this.#heads = new BoundedMap(options.comments ?? 5e4);
      }
      async claimDelivery(id) {
        if (this.#deliveries.has(id)) return false;
        this.#deliveries.set(id, true);
        return true;
      }
      async releaseDelivery(id) {
        this.#deliveries.delete(id);
      }
      async getStickyComment(key) {
        return this.#comments.get(pullKeyString(key)) ?? null;
      }
      async setStickyComment(key, comment) {
        this.#comments.set(pullKeyString(key), comment);
      }
      async getPullHead(key) {
        return this.#heads.get(pullKeyString(key)) ?? null;
      }
      async setPullHead(key, head) {
        this.#heads.set(pullKeyString(key), head);
      }
      async getCheckRun(key) {
        return this.#checkRuns.get(checkRunKeyString(key)) ?? null;
      }
      async setCheckRun(key, run2) {
        this.#checkRuns.set(checkRunKeyString(key), run2);
      }
    };
    BoundedMap = class {
      constructor(capacity) {
        this.capacity = capacity;
      }
      capacity;
      #map = /* @__PURE__ */ new Map();
      has(key) {
        return this.#map.has(key);
      }
      get(key) {
        return this.#map.get(key);
      }
      delete(key) {
        this.#map.delete(key);
      }
      set(key, value) {
        this.#map.delete(key);
        this.#map.set(key, value);
        if (this.#map.size > this.capacity) {
          const oldest = this.#map.keys().next();
          if (!oldest.done) this.#map.delete(oldest.value);
        }
      }
    };
  }
});

// src/app/index.ts
function trestleApp(options) {
  const deps = {
    appId: options.appId,
    store: options.store ?? new MemoryStore(),
    cache: options.cache ?? new LoadCache(),
    files: new FileCache(),
    queue: new KeyedQueue(),
    settings: new SettingsCache(options.now ?? Date.now),
    jobs: options.jobs ?? null
  };
  const now = options.now ?? Date.now;
  return (app) => {
    app.on([...PULL_REQUEST_EVENTS], onPullRequest(deps));
    app.on("push", onPush(deps));
    app.on("check_run.rerequested", onCheckRunRerequested(deps));
    app.on(["check_run.rerequested", "check_run.requested_action"], onJobRequestButton(deps, deps.jobs, now));
    app.on("issue_comment.created", onCommandComment(deps, deps.jobs, now));
    app.on("issue_comment.edited", onIssueComment(deps));
    if (deps.jobs !== null) deps.jobs.service.setPublisher(publisherFor(app, deps, deps.jobs));
  };
}
function publisherFor(app, deps, jobs) {
  return githubPublisher({
    auth: async (installationId) => await app.auth(installationId),
    store: jobs.service.store,
    pageUrl: jobs.pageUrl,
    refreshComment: async (octokit, request) => {
      const { owner, repo } = request.repo;
      await deps.queue.run(
        `${owner}/${repo}#${request.pullNumber}`,
        () => refreshJobRequestsComment(
          {
            octokit,
            repo: request.repo,
            appId: deps.appId,
            store: deps.store,
            jobRequests: jobs.service.store,
            pageUrl: jobs.pageUrl
          },
          request.pullNumber
        )
      );
    }
  });
}
var init_app = __esm({
  "src/app/index.ts"() {
    "use strict";
    init_file_cache();
    init_load_cache();
    init_check_run2();
    init_command_comment();
    init_issue_comment();
    init_job_request_buttons();
    init_pull_request();
    init_push();
    init_github_publisher();
    init_refresh_comment();
    init_keyed_queue();
    init_settings_cache();
    init_memory_store();
    init_memory_store();
  }
});

// src/sqlite/open-sqlite.ts
import { mkdirSync } from "node:fs";
import { dirname as dirname5 } from "node:path";
import Database from "better-sqlite3";
function openSqlite(path2, migrations, Failure) {
  if (path2 !== ":memory:") mkdirSync(dirname5(path2), { recursive: true });
  let db;
  try {
    db = new Database(path2);
  } catch (cause) {
    throw new Failure(`cannot open the database ${path2}`, { cause });
  }
  try {
    db.pragma("journal_mode = WAL");
    db.pragma("synchronous = NORMAL");
    db.pragma("foreign_keys = ON");
    db.pragma("busy_timeout = 5000");
    migrateSqlite(db, migrations, Failure);
  } catch (cause) {
    db.close();
    if (cause instanceof Failure) throw cause;
    throw new Failure(`cannot prepare the database ${path2}`, { cause });
  }
  return db;
}
function migrateSqlite(db, migrations, Failure) {
  const current = db.pragma("user_version", { simple: true });
  if (current > migrations.length) {
    throw new Failure(
      `the database is at schema version ${current}, newer than this Trestle knows (${migrations.length})`
    );
  }
  let applied = 0;
  for (let version = current + 1; version <= migrations.length; version++) {
    db.transaction(() => {
      db.exec(migrations[version - 1]);
      db.pragma(`user_version = ${version}`);
    })();
    applied += 1;
  }
  return applied;
}
var init_open_sqlite = __esm({
  "src/sqlite/open-sqlite.ts"() {
    "use strict";
  }
});

// src/app/job-requests/migrations.ts
var MIGRATIONS;
var init_migrations = __esm({
  "src/app/job-requests/migrations.ts"() {
    "use strict";
    MIGRATIONS = [
      // 1: deliveries, commands acted on, the App's memory of GitHub, job requests and jobs.
      `
  CREATE TABLE deliveries (
    id TEXT PRIMARY KEY,
    claimed_at INTEGER NOT NULL
  ) STRICT;
  CREATE INDEX deliveries_by_age ON deliveries(claimed_at);

  -- One row per comment (or check-run request) acted on, so a second delivery of it does nothing.
  CREATE TABLE commands (
    source_key TEXT PRIMARY KEY,
    claimed_at INTEGER NOT NULL
  ) STRICT;

  -- What the App remembers about GitHub (where its comments are, what its check runs say), by kind
  -- and key, as JSON.
  CREATE TABLE memory (
    kind TEXT NOT NULL,
    key TEXT NOT NULL,
    value TEXT NOT NULL,
    updated_at INTEGER NOT NULL,
    PRIMARY KEY (kind, key)
  ) STRICT;

  CREATE TABLE job_requests (
    id TEXT PRIMARY KEY,
    source_key TEXT NOT NULL UNIQUE,
    installation_id INTEGER NOT NULL,
    repo_owner TEXT NOT NULL,
    repo_name TEXT NOT NULL,
    repo_key TEXT NOT NULL,
    repo_html_url TEXT NOT NULL,
    repo_url TEXT NOT NULL,
    pull_number INTEGER,
    comment_id INTEGER,
    backend TEXT NOT NULL,
    workspace TEXT NOT NULL,
    branch TEXT NOT NULL,
    commit_sha TEXT NOT NULL,
    requested_actions TEXT NOT NULL,
    force_run_dependencies INTEGER NOT NULL,
    requested_by TEXT NOT NULL,
    organisation TEXT NOT NULL,
    project TEXT NOT NULL,
    project_definition TEXT NOT NULL,
    status TEXT NOT NULL,
    status_message TEXT,
    submission TEXT NOT NULL,
    submit_attempts INTEGER NOT NULL DEFAULT 0,
    next_submit_at INTEGER,
    last_submit_error TEXT,
    cancelled_actions TEXT NOT NULL DEFAULT '[]',
    check_run_id INTEGER,
    -- The reaction (and, for a refusal, the reply) that ends the conversation with the requester.
    acknowledged INTEGER NOT NULL DEFAULT 0,
    version INTEGER NOT NULL DEFAULT 1,
    published_version INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
  ) STRICT;
  CREATE INDEX job_requests_by_pull ON job_requests(repo_key, pull_number, created_at);
  CREATE INDEX job_requests_by_commit ON job_requests(repo_key, commit_sha);
  CREATE INDEX job_requests_waiting ON job_requests(next_submit_at) WHERE submission = 'waiting';
  CREATE INDEX job_requests_unpublished ON job_requests(id) WHERE published_version < version;

  CREATE TABLE jobs (
    identifier TEXT PRIMARY KEY,
    job_request_id TEXT NOT NULL REFERENCES job_requests(id),
    seq INTEGER NOT NULL,
    action TEXT NOT NULL,
    run_command TEXT NOT NULL,
    status TEXT NOT NULL,
    status_code TEXT NOT NULL,
    status_message TEXT NOT NULL,
    created_at TEXT,
    updated_at TEXT,
    started_at TEXT,
    completed_at TEXT
  ) STRICT;
  CREATE INDEX jobs_by_request ON jobs(job_request_id, seq);
  `
    ];
  }
});

// src/app/job-requests/database.ts
function openAppDatabase(path2) {
  return openSqlite(path2, MIGRATIONS, AppDatabaseError);
}
var AppDatabaseError;
var init_database2 = __esm({
  "src/app/job-requests/database.ts"() {
    "use strict";
    init_open_sqlite();
    init_app_error();
    init_migrations();
    AppDatabaseError = class extends AppError {
      name = "AppDatabaseError";
    };
  }
});

// src/app/pages/html.ts
function escapeHtml(text) {
  return text.replace(/[&<>"']/g, (ch) => ENTITIES[ch]);
}
function link(href, text) {
  return isWebUrl(href) ? `<a href="${escapeHtml(href)}">${escapeHtml(text)}</a>` : escapeHtml(text);
}
function isWebUrl(text) {
  try {
    const url = new URL(text);
    return url.protocol === "https:" || url.protocol === "http:";
  } catch {
    return false;
  }
}
function utc(value) {
  if (value === null) return "-";
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return "-";
  return `${date.toISOString().slice(0, 19).replace("T", " ")} UTC`;
}
var ENTITIES;
var init_html = __esm({
  "src/app/pages/html.ts"() {
    "use strict";
    ENTITIES = {
      "&": "&amp;",
      "<": "&lt;",
      ">": "&gt;",
      '"': "&quot;",
      "'": "&#39;"
    };
  }
});

// src/app/pages/job-request-page.ts
function renderJobRequestPage(request, jobs, options) {
  const active = isActive(request);
  const status = REQUEST_STATUS_LABELS[request.status];
  const title = `Job request ${request.id} \xB7 ${status}`;
  const refresh = active ? `<meta http-equiv="refresh" content="${options.refreshSeconds}">
` : "";
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
${refresh}<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<h1>Job request <code>${escapeHtml(request.id)}</code></h1>
${statusBanner(request, jobs, options.now)}
${details(request)}
${jobsSection(request, jobs)}
${timeline(request, jobs)}
${pipeline(request)}
<footer><p>${active ? `This page reloads every ${options.refreshSeconds} seconds while the job request is active. ` : ""}Times are in UTC; job times are as the backend reports them.</p></footer>
</main>
</body>
</html>
`;
}
function statusBanner(request, jobs, now) {
  const label = REQUEST_STATUS_LABELS[request.status];
  let text = `<p class="status status-${escapeHtml(request.status)}" id="status"><strong>${escapeHtml(label)}</strong>`;
  if (request.statusMessage) text += `: ${escapeHtml(request.statusMessage)}`;
  if (request.submission === "waiting" && request.lastSubmitError) {
    text += ` (${escapeHtml(request.lastSubmitError)}; ${request.submitAttempts} attempt${request.submitAttempts === 1 ? "" : "s"} so far, next at ${utc(request.nextSubmitAt)})`;
  }
  text += "</p>";
  const newest = jobs.map((j) => Date.parse(j.updatedAt ?? "")).filter((t) => !Number.isNaN(t));
  if (isActive(request) && newest.length > 0 && now - Math.max(...newest) > MISSING_UPDATES_MS) {
    text += '\n<p class="attention" role="alert"><strong>Attention needed:</strong> the backend has not sent an update for more than 30 minutes.</p>';
  }
  return text;
}
function details(r) {
  const site = isWebUrl(r.repoHtmlUrl) ? new URL(r.repoHtmlUrl).origin : "https://github.com";
  const commit = `${r.repoHtmlUrl}/tree/${r.commit}`;
  const actions = r.requestedActions.map((a) => `<li><code>${escapeHtml(a)}</code></li>`).join("");
  const pull = r.pullNumber === null ? "-" : link(`${r.repoHtmlUrl}/pull/${r.pullNumber}`, `#${r.pullNumber}`);
  const rows = [
    ["organisation", "Organisation", escapeHtml(r.organisation)],
    ["workspace", "Workspace", escapeHtml(r.workspace)],
    ["id", "ID", `<code>${escapeHtml(r.id)}</code>`],
    ["requested-by", "Requested by", link(`${site}/${encodeURIComponent(r.requestedBy)}`, r.requestedBy)],
    ["backend", "Backend", escapeHtml(r.backend)],
    ["branch", "Branch", escapeHtml(r.branch)],
    ["force", "Force run dependencies", r.forceRunDependencies ? "Yes" : "No"],
    [
      "commit",
      "Git commit",
      `${link(commit, r.commit.slice(0, 7))} <span class="muted">(${escapeHtml(r.commit)})</span>`
    ],
    ["actions", "Requested actions", `<ul>${actions}</ul>`],
    ["repository", "Repository", link(r.repoHtmlUrl, `${r.repo.owner}/${r.repo.repo}`)],
    ["pull-request", "Pull request", pull],
    ["project", "Project", escapeHtml(r.project)]
  ];
  if (r.cancelledActions.length > 0) {
    rows.push([
      "cancelled",
      "Cancelled actions",
      r.cancelledActions.map((a) => `<code>${escapeHtml(a)}</code>`).join(", ")
    ]);
  }
  const items = rows.map(([id, name3, value]) => `<dt>${name3}</dt><dd id="field-${id}">${value}</dd>`).join("\n");
  return `<section aria-labelledby="details-title">
<h2 id="details-title">Details</h2>
<dl>
${items}
</dl>
</section>`;
}
function jobsSection(request, jobs) {
  const head = '<section aria-labelledby="jobs-title">\n<h2 id="jobs-title">Jobs</h2>\n';
  if (jobs.length === 0) {
    const why = request.submission === "accepted" || request.submission === "waiting" ? "No updates received from backend yet." : "This job request has no jobs.";
    return `${head}<p id="no-jobs">${why}</p>
</section>`;
  }
  const count2 = (s) => jobs.filter((j) => j.status.toLowerCase() === s).length;
  const complete = count2("succeeded") + count2("failed");
  const stats = ["pending", "running", "succeeded", "failed"].map((s) => `${jobStatusLabel(s)}: ${count2(s)}`).join(" \xB7 ");
  const rows = jobs.map((j) => {
    const runtime = j.startedAt !== null && j.completedAt !== null ? formatRuntime((Date.parse(j.completedAt) - Date.parse(j.startedAt)) / 1e3) : "-";
    return `<tr class="job job-${escapeHtml(j.status.toLowerCase())}"><td><code>${escapeHtml(j.action)}</code></td><td>${escapeHtml(jobStatusLabel(j.status))}</td><td><code>${escapeHtml(j.statusCode)}</code></td><td>${escapeHtml(j.statusMessage)}</td><td><code>${escapeHtml(j.identifier)}</code></td><td>${utc(j.startedAt)}</td><td>${runtime}</td></tr>`;
  }).join("\n");
  return `${head}<p id="job-stats">${complete} / ${jobs.length} complete \xB7 ${stats}</p>
<table id="jobs">
<thead><tr><th scope="col">Action</th><th scope="col">Status</th><th scope="col">Status code</th><th scope="col">Status message</th><th scope="col">Identifier</th><th scope="col">Started</th><th scope="col">Runtime</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
</section>`;
}
function timeline(request, jobs) {
  const t = timelineOf(request, jobs);
  const rows = [
    ["created", "Created", utc(t.createdAt)],
    ["started", "Started", utc(t.startedAt)],
    ["finished", "Finished", utc(t.finishedAt)],
    ["runtime", "Runtime", formatRuntime(t.runtimeSeconds)]
  ].map(([id, name3, value]) => `<dt>${name3}</dt><dd id="timeline-${id}">${value}</dd>`).join("\n");
  return `<section aria-labelledby="timeline-title">
<h2 id="timeline-title">Timeline</h2>
<dl>
${rows}
</dl>
</section>`;
}
function pipeline(request) {
  const file = `${request.repoHtmlUrl}/blob/${request.commit}/project.yaml`;
  const text = request.projectDefinition;
  const shown = text.length > PIPELINE_SHOWN_CHARS ? text.slice(0, PIPELINE_SHOWN_CHARS) : text;
  const cut = shown.length < text.length ? `<p>The file is ${thousands(text.length)} characters long; the first ${thousands(PIPELINE_SHOWN_CHARS)} are shown.</p>
` : "";
  return `<section aria-labelledby="pipeline-title">
<h2 id="pipeline-title">Pipeline</h2>
<p>${link(file, "View project.yaml at this commit")}</p>
${cut}<pre id="pipeline"><code>${escapeHtml(shown)}</code></pre>
</section>`;
}
var PIPELINE_SHOWN_CHARS, MISSING_UPDATES_MS, STYLE;
var init_job_request_page = __esm({
  "src/app/pages/job-request-page.ts"() {
    "use strict";
    init_pipeline();
    init_rap();
    init_job_request();
    init_html();
    init_status_labels();
    PIPELINE_SHOWN_CHARS = 2e5;
    MISSING_UPDATES_MS = 30 * 60 * 1e3;
    STYLE = `
body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;color:#1f2328;background:#f6f8fa}
main{max-width:72rem;margin:0 auto;padding:1.5rem}
h1{font-size:1.5rem}h2{font-size:1.15rem;margin-top:2rem}
section{background:#fff;border:1px solid #d0d7de;border-radius:6px;padding:0 1rem 1rem;margin-bottom:1rem}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.35rem 1.5rem;margin:0}dt{font-weight:600}dd{margin:0}
dd ul{margin:0;padding-left:1.2rem}
table{border-collapse:collapse;width:100%;font-size:.9rem}th,td{border-bottom:1px solid #d0d7de;padding:.35rem .5rem;text-align:left;vertical-align:top}
pre{overflow:auto;background:#f6f8fa;padding:.75rem;border-radius:6px;max-height:40rem}
.status{font-size:1.1rem;padding:.6rem 1rem;border-radius:6px;background:#ddf4ff}
.status-succeeded{background:#dafbe1}.status-failed{background:#ffebe9}.status-nothing_to_do{background:#eaeef2}
.attention{padding:.6rem 1rem;border-radius:6px;background:#fff8c5}
.job-failed td:nth-child(2){color:#cf222e;font-weight:600}.job-succeeded td:nth-child(2){color:#1a7f37}
.muted{color:#59636e;font-size:.85rem}footer{color:#59636e;font-size:.85rem}
`;
  }
});

// src/app/pages/page-route.ts
function jobRequestUrl(publicUrl, id) {
  return `${publicUrl.replace(/\/+$/, "")}${PAGE_PREFIX}${id}`;
}
function servePage(options, req, res) {
  const path2 = (req.url ?? "/").split("?")[0];
  if (!path2.startsWith(PAGE_PREFIX)) return false;
  if (req.method !== "GET" && req.method !== "HEAD") {
    res.writeHead(405, { ...HEADERS2, allow: "GET, HEAD" });
    res.end(req.method === "HEAD" ? void 0 : errorPage("Method not allowed", "Pages can only be read."));
    return true;
  }
  const id = PAGE_PATH.exec(path2)?.[1];
  const request = id !== void 0 && ID.test(id) ? options.store.get(id) : void 0;
  if (request === void 0) {
    res.writeHead(404, HEADERS2);
    res.end(
      req.method === "HEAD" ? void 0 : errorPage("No such job request", "There is no job request with this ID on this App.")
    );
    return true;
  }
  const html = renderJobRequestPage(request, options.store.jobs(request.id), {
    refreshSeconds: options.refreshSeconds ?? 10,
    now: (options.now ?? Date.now)()
  });
  res.writeHead(200, HEADERS2);
  res.end(req.method === "HEAD" ? void 0 : html);
  return true;
}
function errorPage(title, text) {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>
<body><main><h1>${escapeHtml(title)}</h1><p>${escapeHtml(text)}</p></main></body></html>
`;
}
var PAGE_PREFIX, PAGE_PATH, ID, HEADERS2;
var init_page_route = __esm({
  "src/app/pages/page-route.ts"() {
    "use strict";
    init_html();
    init_job_request_page();
    PAGE_PREFIX = "/job-requests/";
    PAGE_PATH = /^\/job-requests\/([^/]*)\/?$/;
    ID = /^[a-z0-9]{16}$/;
    HEADERS2 = {
      "content-type": "text/html; charset=utf-8",
      "cache-control": "no-store",
      "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
      "x-content-type-options": "nosniff",
      "referrer-policy": "no-referrer",
      "x-robots-tag": "noindex"
    };
  }
});

// src/app/job-requests/backend-clients.ts
var BackendClients;
var init_backend_clients = __esm({
  "src/app/job-requests/backend-clients.ts"() {
    "use strict";
    init_rap();
    BackendClients = class {
      #clients = /* @__PURE__ */ new Map();
      constructor(backends, tuning = {}) {
        for (const backend of backends) {
          this.#clients.set(
            backend.slug,
            new RapClient({ baseUrl: backend.apiUrl, token: backend.token, ...tuning })
          );
        }
      }
      get(slug) {
        return this.#clients.get(slug);
      }
      get slugs() {
        return [...this.#clients.keys()];
      }
    };
  }
});

// src/app/job-requests/poll.ts
async function pollJobRequests(store, clients, requests = store.polled()) {
  const byBackend = /* @__PURE__ */ new Map();
  for (const request of requests) {
    const list = byBackend.get(request.backend) ?? [];
    list.push(request);
    byBackend.set(request.backend, list);
  }
  const changed = [];
  const unreachable = /* @__PURE__ */ new Map();
  await Promise.all(
    [...byBackend].map(async ([backend, list]) => {
      const client = clients.get(backend);
      if (client === void 0) {
        unreachable.set(backend, "not configured");
        return;
      }
      for (let i = 0; i < list.length; i += IDS_PER_CALL) {
        const chunk = list.slice(i, i + IDS_PER_CALL);
        let result;
        try {
          result = await client.status(chunk.map((r) => r.id));
        } catch (error) {
          if (!(error instanceof RapClientError)) throw error;
          unreachable.set(backend, error.message);
          return;
        }
        if (!result.ok) {
          unreachable.set(backend, `${result.body.error}: ${result.body.details}`);
          return;
        }
        const unrecognised = new Set(result.body.unrecognised_rap_ids);
        for (const request of chunk) {
          if (unrecognised.has(request.id)) {
            store.settleSubmission(
              request.id,
              "accepted",
              "failed",
              `The backend ${backend} no longer knows this job request.`
            );
            changed.push(request.id);
            continue;
          }
          const jobs = result.body.jobs.filter((j) => j.rap_id === request.id);
          if (store.applyStatus(request.id, jobs).changed) changed.push(request.id);
        }
      }
    })
  );
  return { changed, unreachable };
}
var IDS_PER_CALL;
var init_poll = __esm({
  "src/app/job-requests/poll.ts"() {
    "use strict";
    init_rap();
    IDS_PER_CALL = 500;
  }
});

// src/app/job-requests/cancel.ts
async function cancelJobRequest(store, clients, request, actions) {
  if (request.submission === "waiting") {
    const withdrawn = store.settleSubmission(
      request.id,
      "withdrawn",
      "failed",
      "Cancelled before the backend accepted it."
    );
    return { kind: "withdrawn", request: withdrawn };
  }
  if (!isActive(request)) return { kind: "not-active", request };
  const client = clients.get(request.backend);
  if (client === void 0) {
    return { kind: "unreachable", request, problem: `the backend ${request.backend} is not configured` };
  }
  const refreshed = await pollJobRequests(store, clients, [request]);
  const current = store.get(request.id);
  if (refreshed.unreachable.has(request.backend)) {
    return { kind: "unreachable", request: current, problem: refreshed.unreachable.get(request.backend) };
  }
  if (!isActive(current)) return { kind: "not-active", request: current };
  const jobs = store.jobs(request.id);
  if (jobs.length === 0) return { kind: "no-jobs-yet", request: current };
  const running2 = jobs.filter(
    (j) => CANCELLABLE.has(j.status) && !current.cancelledActions.includes(j.action)
  );
  const wanted = actions === null ? running2 : running2.filter((j) => actions.includes(j.action));
  const notFound = actions === null ? [] : actions.filter((a) => !running2.some((j) => j.action === a));
  if (wanted.length === 0) return { kind: "nothing-to-cancel", request: current, notFound };
  const names = wanted.map((j) => j.action);
  try {
    const result = await client.cancel({ rap_id: request.id, actions: names });
    if (!result.ok) {
      if (result.status === 404) return { kind: "nothing-to-cancel", request: current, notFound: names };
      return {
        kind: "unreachable",
        request: current,
        problem: `${result.body.error}: ${result.body.details}`
      };
    }
  } catch (error) {
    if (!(error instanceof RapClientError)) throw error;
    return { kind: "unreachable", request: current, problem: error.message };
  }
  return { kind: "cancelled", request: store.addCancelled(request.id, names), actions: names };
}
var CANCELLABLE;
var init_cancel = __esm({
  "src/app/job-requests/cancel.ts"() {
    "use strict";
    init_rap();
    init_job_request();
    init_poll();
    CANCELLABLE = /* @__PURE__ */ new Set(["pending", "running"]);
  }
});

// src/app/job-requests/submit.ts
function createBody(request) {
  return {
    rap_id: request.id,
    backend: request.backend,
    workspace: request.workspace,
    repo_url: request.repoUrl,
    branch: request.branch,
    commit: request.commit,
    database_name: "default",
    requested_actions: [...request.requestedActions],
    // The App does not check codelists against OpenCodelists; the backend repeats its own checks.
    codelists_ok: true,
    force_run_dependencies: request.forceRunDependencies,
    created_by: request.requestedBy,
    project: request.project,
    orgs: [request.organisation]
  };
}
async function submitJobRequest(context, request) {
  const { store } = context;
  if (context.client === void 0) {
    const message = `The backend ${request.backend} is not configured for this App.`;
    return { kind: "rejected", request: store.settleSubmission(request.id, "rejected", "failed", message) };
  }
  let problem;
  try {
    const result = await context.client.create(createBody(request));
    if (result.ok) {
      const { body } = result;
      if (body.result === "Nothing to do") {
        return {
          kind: "nothing-to-do",
          request: store.settleSubmission(request.id, "accepted", "nothing_to_do", body.details)
        };
      }
      return {
        kind: "accepted",
        request: store.settleSubmission(request.id, "accepted", "pending", null),
        jobs: body.count
      };
    }
    if (result.status !== 401) {
      const message = `${result.body.error}: ${result.body.details}`;
      return { kind: "rejected", request: store.settleSubmission(request.id, "rejected", "failed", message) };
    }
    problem = `the backend ${request.backend} did not accept the App's token`;
  } catch (error) {
    if (!(error instanceof RapClientError)) throw error;
    problem = `the backend ${request.backend} could not be reached (${error.message})`;
  }
  const now = context.now();
  if (now - request.createdAt >= SUBMIT_GIVE_UP_MS) {
    const message = `Not submitted: ${problem} for 24 hours.`;
    return { kind: "rejected", request: store.settleSubmission(request.id, "rejected", "failed", message) };
  }
  const delay = Math.min(MAX_RETRY_DELAY_MS, context.retryBaseMs * 2 ** request.submitAttempts);
  return { kind: "retrying", request: store.retrySubmission(request.id, problem, now + delay), problem };
}
var SUBMIT_GIVE_UP_MS, MAX_RETRY_DELAY_MS;
var init_submit = __esm({
  "src/app/job-requests/submit.ts"() {
    "use strict";
    init_rap();
    SUBMIT_GIVE_UP_MS = 24 * 60 * 60 * 1e3;
    MAX_RETRY_DELAY_MS = 10 * 60 * 1e3;
  }
});

// src/app/job-requests/service.ts
var JobRequestService;
var init_service = __esm({
  "src/app/job-requests/service.ts"() {
    "use strict";
    init_keyed_queue();
    init_cancel();
    init_poll();
    init_submit();
    JobRequestService = class {
      store;
      clients;
      #interval;
      #now;
      #log;
      #publishing = new KeyedQueue();
      #publisher = null;
      #timer = null;
      #round = null;
      #again = false;
      #running = false;
      constructor(options) {
        this.store = options.store;
        this.clients = options.clients;
        this.#interval = options.pollIntervalMs;
        this.#now = options.now ?? Date.now;
        this.#log = options.log ?? (() => void 0);
      }
      /** The App sets this once it can reach GitHub; until then nothing is published. */
      setPublisher(publisher) {
        this.#publisher = publisher;
      }
      submit(request) {
        return submitJobRequest(
          {
            store: this.store,
            client: this.clients.get(request.backend),
            now: this.#now,
            retryBaseMs: this.#interval
          },
          request
        );
      }
      async cancel(request, actions) {
        const outcome = await cancelJobRequest(this.store, this.clients, request, actions);
        if (outcome.kind === "cancelled") this.kick();
        return outcome;
      }
      /**
       * Shows one request's latest state on GitHub now, if GitHub does not show it yet. The comment is
       * refreshed after the request's own turn ends: waiting for the pull request's turn while holding
       * the request's could deadlock with a command that holds the first and publishes the request.
       */
      async publish(id, options = { comment: true }) {
        const publisher = this.#publisher;
        if (publisher === null) return;
        const published = await this.#publishing.run(id, async () => {
          const request = this.store.get(id);
          if (request === void 0 || request.publishedVersion >= request.version) return null;
          await publisher.publish(request, this.store.jobs(id));
          this.store.markPublished(id, request.version);
          return request;
        });
        if (published !== null && options.comment && published.pullNumber !== null) {
          await publisher.refreshComment(published);
        }
      }
      /** One round: submit what is due, poll what is active, publish what changed. */
      async runOnce() {
        for (const request of this.store.dueForSubmission()) {
          const outcome = await this.submit(request);
          this.#log(
            outcome.kind === "retrying" ? "warn" : "info",
            { jobRequest: request.id, backend: request.backend, outcome: outcome.kind },
            "job request submitted again"
          );
        }
        const polled = await pollJobRequests(this.store, this.clients);
        for (const [backend, problem] of polled.unreachable) {
          this.#log("warn", { backend, problem }, "backend could not be polled; it is asked again next round");
        }
        for (const request of this.store.unpublished()) {
          try {
            await this.publish(request.id);
          } catch (error) {
            this.#log(
              "warn",
              { jobRequest: request.id, error: error instanceof Error ? error.message : String(error) },
              "job request could not be shown on GitHub; it is tried again next round"
            );
          }
        }
      }
      start() {
        if (this.#running) return;
        this.#running = true;
        this.#schedule(0);
      }
      /** Runs a round as soon as the current one (if any) ends. */
      kick() {
        if (!this.#running) return;
        if (this.#round !== null) {
          this.#again = true;
          return;
        }
        this.#schedule(0);
      }
      async stop() {
        this.#running = false;
        if (this.#timer !== null) clearTimeout(this.#timer);
        this.#timer = null;
        await this.#round;
      }
      #schedule(delay) {
        if (this.#timer !== null) clearTimeout(this.#timer);
        this.#timer = setTimeout(() => {
          this.#timer = null;
          this.#round = this.runOnce().catch((error) => {
            this.#log(
              "error",
              { error: error instanceof Error ? error.message : String(error) },
              "poll round failed"
            );
          }).finally(() => {
            this.#round = null;
            if (!this.#running) return;
            const again = this.#again;
            this.#again = false;
            this.#schedule(again ? 0 : this.#interval);
          });
        }, delay);
        this.#timer.unref();
      }
    };
  }
});

// src/app/job-requests/runtime.ts
function createJobsRuntime(options) {
  const now = options.now ?? Date.now;
  const store = new JobRequestStore(options.db, now);
  const service = new JobRequestService({
    store,
    clients: new BackendClients(options.config.backends, options.clientTuning),
    pollIntervalMs: options.config.pollIntervalMs,
    now,
    ...options.log === void 0 ? {} : { log: options.log }
  });
  return {
    service,
    config: options.config,
    pageUrl: (id) => {
      const base = options.config.publicUrl ?? options.fallbackUrl?.() ?? null;
      return base === null ? null : jobRequestUrl(base, id);
    }
  };
}
var init_runtime = __esm({
  "src/app/job-requests/runtime.ts"() {
    "use strict";
    init_page_route();
    init_backend_clients();
    init_service();
    init_store();
  }
});

// src/app/store/sqlite-store.ts
var DELIVERY_MEMORY_MS, SqliteStore;
var init_sqlite_store = __esm({
  "src/app/store/sqlite-store.ts"() {
    "use strict";
    init_store2();
    DELIVERY_MEMORY_MS = 30 * 24 * 60 * 60 * 1e3;
    SqliteStore = class {
      #db;
      #now;
      #claims = 0;
      constructor(db, now = Date.now) {
        this.#db = db;
        this.#now = now;
      }
      async claimDelivery(id) {
        if (++this.#claims % 1e3 === 1) {
          this.#db.prepare("DELETE FROM deliveries WHERE claimed_at < ?").run(this.#now() - DELIVERY_MEMORY_MS);
        }
        const result = this.#db.prepare("INSERT OR IGNORE INTO deliveries (id, claimed_at) VALUES (?, ?)").run(id, this.#now());
        return result.changes === 1;
      }
      async releaseDelivery(id) {
        this.#db.prepare("DELETE FROM deliveries WHERE id = ?").run(id);
      }
      async getStickyComment(key) {
        return this.#get("comment", pullKeyString(key));
      }
      async setStickyComment(key, comment) {
        this.#set("comment", pullKeyString(key), comment);
      }
      async getPullHead(key) {
        return this.#get("head", pullKeyString(key));
      }
      async setPullHead(key, head) {
        this.#set("head", pullKeyString(key), head);
      }
      async getCheckRun(key) {
        return this.#get("check", checkRunKeyString(key));
      }
      async setCheckRun(key, run2) {
        this.#set("check", checkRunKeyString(key), run2);
      }
      #get(kind, key) {
        const row2 = this.#db.prepare("SELECT value FROM memory WHERE kind = ? AND key = ?").get(kind, key);
        return row2 === void 0 ? null : JSON.parse(row2.value);
      }
      #set(kind, key, value) {
        this.#db.prepare(
          `INSERT INTO memory (kind, key, value, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT(kind, key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`
        ).run(kind, key, JSON.stringify(value), this.#now());
      }
    };
  }
});

// src/cli/commands/app.ts
var app_exports = {};
__export(app_exports, {
  registerApp: () => registerApp,
  runApp: () => runApp
});
function registerApp(program2) {
  program2.command("app").description(
    "Run the GitHub App: check project.yaml on every pull request and push to the default branch. Configured from the environment as Probot apps are (APP_ID, PRIVATE_KEY or PRIVATE_KEY_PATH, WEBHOOK_SECRET, PORT, HOST)."
  ).option("--port <port>", "port to listen on (overrides PORT; default 3000)").option("--host <host>", "address to listen on (overrides HOST; default localhost)").action(async (flags) => {
    process.exitCode = await runApp(flags, process.env);
  });
}
async function runApp(flags, env) {
  const merged = {
    ...env,
    ...flags.port === void 0 ? {} : { PORT: flags.port },
    ...flags.host === void 0 ? {} : { HOST: flags.host }
  };
  const configured = await appConfigFromEnv(merged);
  if (!configured.ok) {
    writeStderr(`trestle app: cannot start:
${configured.problems.map((p) => `  - ${p}
`).join("")}`);
    return EXIT_USAGE;
  }
  const { config } = configured;
  const jobsConfig = jobsConfigFromEnv(merged);
  if (!jobsConfig.ok) {
    writeStderr(`trestle app: cannot start:
${jobsConfig.problems.map((p) => `  - ${p}
`).join("")}`);
    return EXIT_USAGE;
  }
  const jobs = openJobs(jobsConfig.config, config.probot);
  if (!jobs.ok) {
    writeStderr(`trestle app: cannot start: ${jobs.problem}
`);
    return EXIT_USAGE;
  }
  let server;
  try {
    server = await startAppServer({
      probot: config.probot,
      app: trestleApp({
        appId: config.appId,
        ...jobs.db === null ? {} : { store: new SqliteStore(jobs.db) },
        ...jobs.runtime === null ? {} : { jobs: jobs.runtime }
      }),
      port: config.port,
      host: config.host,
      webhookPath: config.webhookPath,
      ...jobs.runtime === null ? {} : { routes: (req, res) => servePage({ store: jobs.runtime.service.store }, req, res) }
    });
  } catch (error) {
    jobs.db?.close();
    writeStderr(`trestle app: cannot start: ${error instanceof Error ? error.message : String(error)}
`);
    return EXIT_USAGE;
  }
  jobs.serverUrl = server.url;
  jobs.runtime?.service.start();
  writeStderr(`trestle app: listening on ${server.url} (webhooks: ${server.webhookUrl})
`);
  if (jobs.runtime !== null) {
    const slugs = jobsConfig.config.backends.map((b) => b.slug).join(", ") || "none";
    writeStderr(`trestle app: job requests kept in ${jobsConfig.config.databasePath}; backends: ${slugs}
`);
    if (jobsConfig.config.publicUrl === null) {
      writeStderr(
        `trestle app: TRESTLE_PUBLIC_URL is not set; job request pages are linked at ${server.url}
`
      );
    }
  }
  const signal = await new Promise((resolve4) => {
    process.once("SIGINT", resolve4);
    process.once("SIGTERM", resolve4);
  });
  writeStderr(`trestle app: ${signal} received, finishing deliveries in progress
`);
  await jobs.runtime?.service.stop();
  await server.close();
  jobs.db?.close();
  return EXIT_OK;
}
function openJobs(config, probot) {
  if (config.databasePath === null) return { ok: true, db: null, runtime: null, serverUrl: null };
  let db;
  try {
    db = openAppDatabase(config.databasePath);
  } catch (error) {
    return { ok: false, problem: error instanceof Error ? error.message : String(error) };
  }
  const holder = { serverUrl: null };
  const runtime = createJobsRuntime({
    config,
    db,
    fallbackUrl: () => holder.serverUrl,
    log: (level, fields, message) => probot.log[level](fields, message)
  });
  return {
    ok: true,
    db,
    runtime,
    get serverUrl() {
      return holder.serverUrl;
    },
    set serverUrl(url) {
      holder.serverUrl = url;
    }
  };
}
var init_app2 = __esm({
  "src/cli/commands/app.ts"() {
    "use strict";
    init_app_env();
    init_app();
    init_config();
    init_database2();
    init_runtime();
    init_page_route();
    init_server();
    init_sqlite_store();
    init_exit_codes();
    init_write_output();
  }
});

// src/backend/data-lock.ts
import { closeSync, openSync, readFileSync as readFileSync3, rmSync, writeSync } from "node:fs";
import { join as join17 } from "node:path";
function alive2(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === "EPERM";
  }
}
function lockDataDir(dataDir) {
  const path2 = join17(dataDir, "backend.lock");
  if (held.has(path2)) return { ok: false, message: `another backend in this process is using ${dataDir}` };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path2, "wx");
      writeSync(fd, String(process.pid));
      closeSync(fd);
      held.add(path2);
      return {
        ok: true,
        release: () => {
          held.delete(path2);
          try {
            if (readFileSync3(path2, "utf8").trim() === String(process.pid)) rmSync(path2);
          } catch {
          }
        }
      };
    } catch (error) {
      if (error.code !== "EEXIST") {
        return { ok: false, message: `cannot lock ${dataDir}: ${error.message}` };
      }
      let owner = Number.NaN;
      try {
        owner = Number.parseInt(readFileSync3(path2, "utf8").trim(), 10);
      } catch {
      }
      if (Number.isInteger(owner) && owner > 0 && owner !== process.pid && alive2(owner)) {
        return { ok: false, message: `another backend (pid ${owner}) is using ${dataDir}` };
      }
      rmSync(path2, { force: true });
    }
  }
  return { ok: false, message: `cannot lock ${dataDir}` };
}
var held;
var init_data_lock = __esm({
  "src/backend/data-lock.ts"() {
    "use strict";
    held = /* @__PURE__ */ new Set();
  }
});

// src/backend/planner.ts
function shouldRerun(job, action, input) {
  if (job.state === "pending" || job.state === "running") return false;
  if (input.requestedActions.includes(action)) return true;
  if (input.forceRunDependencies) return true;
  return job.state === "failed";
}
function planJobs(input) {
  const { pipeline: pipeline2 } = input;
  const toRun = input.requestedActions.includes(RUN_ALL) ? pipeline2.allActions : input.requestedActions;
  const known = /* @__PURE__ */ new Map();
  for (const [action, job] of input.workspaceState) {
    if (pipeline2.actions.has(action)) known.set(action, { id: job.id, state: job.state, isNew: false });
  }
  const created = [];
  for (const root of toRun) {
    const stack = [];
    const enter = (action) => {
      if (!pipeline2.actions.has(action)) return `Action '${action}' not found in project.yaml`;
      const existing = known.get(action);
      if (existing && (existing.isNew || !shouldRerun(existing, action, input))) return null;
      if (stack.some((f) => f.action === action)) return null;
      stack.push({ action, next: 0 });
      return null;
    };
    const error = enter(root);
    if (error) return { kind: "error", message: error };
    while (stack.length > 0) {
      const frame = stack[stack.length - 1];
      const spec = pipeline2.actions.get(frame.action);
      if (frame.next < spec.needs.length) {
        const needError = enter(spec.needs[frame.next++]);
        if (needError) return { kind: "error", message: needError };
        continue;
      }
      stack.pop();
      const waitFor = [];
      for (const need of new Set(spec.needs)) {
        const dep = known.get(need);
        if (dep && (dep.state === "pending" || dep.state === "running")) waitFor.push(dep.id);
      }
      const id = jobIdentifier(input.rapId, frame.action);
      known.set(frame.action, { id, state: "pending", isNew: true });
      created.push({
        id,
        action: frame.action,
        runCommand: spec.jobCommand,
        requiresDb: spec.run.isDatabaseAction,
        waitFor
      });
    }
  }
  if (created.length === 0) {
    if (input.requestedActions.includes(RUN_ALL)) return { kind: "nothing_to_do", message: ALL_COMPLETED };
    return { kind: "nothing_to_do", message: ALL_SCHEDULED };
  }
  if (!input.codelistsOk) {
    const db = created.find((j) => j.requiresDb);
    if (db) return { kind: "error", message: `Codelists are out of date (required by action ${db.action})` };
  }
  return { kind: "jobs", jobs: created };
}
var ALL_COMPLETED, ALL_SCHEDULED;
var init_planner = __esm({
  "src/backend/planner.ts"() {
    "use strict";
    init_pipeline();
    init_rap();
    ALL_COMPLETED = "All actions have already completed successfully";
    ALL_SCHEDULED = "All requested actions were already scheduled to run";
  }
});

// src/backend/create.ts
import { randomBytes as randomBytes4 } from "node:crypto";
function newTraceContext() {
  const id = randomBytes4(24).toString("hex");
  return { traceparent: `00-${id.slice(0, 32)}-${id.slice(32)}-01` };
}
function repeated(existing, request, store) {
  const same = existing.backend === request.backend && existing.workspace === request.workspace && existing.repo_url === request.repo_url && existing.commit_sha === request.commit;
  if (!same) {
    return {
      status: 400,
      body: {
        error: "Inconsistent request data",
        details: `rap_id '${request.rap_id}' already exists with a different backend, workspace, repository or commit`,
        rap_id: request.rap_id
      }
    };
  }
  return {
    status: 200,
    body: {
      result: "No change",
      details: `Jobs already created for rap_id '${request.rap_id}'`,
      rap_id: request.rap_id,
      count: store.countJobs(request.rap_id)
    }
  };
}
async function createJobRequest(deps, request, tokenBackends) {
  try {
    if (!tokenBackends.includes(request.backend)) return creatingError("Unknown error");
    const before = deps.store.jobRequest(request.rap_id);
    if (before !== void 0) return repeated(before, request, deps.store);
    const project = await deps.projects.load({
      repoUrl: request.repo_url,
      branch: request.branch,
      commit: request.commit
    });
    if (!project.ok) return creatingError(project.message);
    const reply = deps.store.transaction(() => {
      const existing = deps.store.jobRequest(request.rap_id);
      if (existing !== void 0) return repeated(existing, request, deps.store);
      const plan = planJobs({
        rapId: request.rap_id,
        pipeline: project.pipeline,
        requestedActions: request.requested_actions,
        forceRunDependencies: request.force_run_dependencies,
        codelistsOk: request.codelists_ok,
        workspaceState: deps.store.workspaceState(request.backend, request.workspace)
      });
      if (plan.kind === "error") return creatingError(plan.message);
      if (plan.kind === "nothing_to_do") {
        return {
          status: 200,
          body: { result: "Nothing to do", details: plan.message, rap_id: request.rap_id, count: 0 }
        };
      }
      deps.store.insertJobRequest(
        {
          rapId: request.rap_id,
          backend: request.backend,
          workspace: request.workspace,
          repoUrl: request.repo_url,
          branch: request.branch,
          commit: request.commit,
          requestedActions: request.requested_actions,
          forceRunDependencies: request.force_run_dependencies,
          codelistsOk: request.codelists_ok,
          createdBy: request.created_by,
          project: request.project,
          original: request
        },
        plan.jobs.map((job) => ({ ...job, traceContext: newTraceContext() })),
        deps.now()
      );
      return {
        status: 201,
        body: {
          result: "Success",
          details: `Jobs created for rap_id '${request.rap_id}'`,
          rap_id: request.rap_id,
          count: plan.jobs.length
        }
      };
    });
    if (reply.status === 201) deps.onJobsCreated();
    return reply;
  } catch (error) {
    deps.logError("create failed unexpectedly", error);
    return creatingError("Unknown error");
  }
}
var creatingError;
var init_create = __esm({
  "src/backend/create.ts"() {
    "use strict";
    init_planner();
    creatingError = (details2) => ({
      status: 400,
      body: { error: "Error creating jobs", details: details2 }
    });
  }
});

// src/backend/http/api-format.ts
function jobToApi(row2) {
  return {
    identifier: row2.id,
    rap_id: row2.rap_id,
    backend: row2.backend,
    action: row2.action,
    run_command: row2.run_command,
    status: row2.state,
    status_code: row2.status_code,
    status_message: row2.status_message,
    created_at: iso(row2.created_at),
    updated_at: iso(row2.updated_at),
    started_at: isoOrNull(row2.started_at),
    completed_at: isoOrNull(row2.completed_at),
    trace_context: row2.trace_context === null ? null : JSON.parse(row2.trace_context),
    metrics: JSON.parse(row2.metrics),
    requires_db: row2.requires_db !== 0
  };
}
function backendToApi(slug, row2) {
  return {
    slug,
    name: slug,
    last_seen: flagTime(row2?.last_seen ?? null),
    paused: { status: row2?.paused ? "on" : "off", since: flagTime(row2?.paused_since ?? null) },
    // The reference backend has no database, so it is never in database maintenance.
    db_maintenance: { status: "off", since: null, type: null }
  };
}
var iso, isoOrNull, flagTime;
var init_api_format = __esm({
  "src/backend/http/api-format.ts"() {
    "use strict";
    iso = (ms) => new Date(ms).toISOString();
    isoOrNull = (ms) => ms === null ? null : iso(ms);
    flagTime = (ms) => ms === null ? null : iso(ms).replace(/Z$/, "000Z");
  }
});

// src/backend/http/rap-routes.ts
function fail(reply, status, body) {
  return reply.code(status).send(body);
}
function authenticate(deps, request, reply) {
  const token = request.headers.authorization;
  if (token === void 0 || token === "") {
    fail(reply, 401, { error: "Unauthorized", details: "No token provided" });
    return null;
  }
  const backends = deps.tokens.backendsFor(token);
  if (backends === null) {
    fail(reply, 401, { error: "Unauthorized", details: "Invalid token" });
    return null;
  }
  return backends;
}
function decode2(schema3, request, reply) {
  let data;
  try {
    data = JSON.parse(typeof request.body === "string" ? request.body : "");
  } catch {
    fail(reply, 400, { error: "Validation error", details: "could not parse JSON from request body" });
    return null;
  }
  const parsed = parseBody(schema3, data);
  if (!parsed.ok) {
    fail(reply, 400, { error: "Validation error", details: parsed.details });
    return null;
  }
  return parsed.value;
}
function onlyMethod(app, url, allowed) {
  const others = ALL_METHODS.filter((m) => m !== allowed && !(allowed === "GET" && m === "HEAD"));
  app.route({
    method: [...others],
    url,
    handler: (_request, reply) => reply.code(405).header("Allow", allowed).send({ error: "Method not allowed", details: `Use ${allowed} for this endpoint` })
  });
}
function registerRapRoutes(app, deps) {
  const base = RAP_BASE_PATH;
  app.post(`${base}rap/create/`, async (request, reply) => {
    const backends = authenticate(deps, request, reply);
    if (backends === null) return reply;
    const body = decode2(createRequestSchema, request, reply);
    if (body === null) return reply;
    const result = await createJobRequest(deps, body, backends);
    request.log.info({ rap_id: body.rap_id, status: result.status }, "create");
    return reply.code(result.status).send(result.body);
  });
  onlyMethod(app, `${base}rap/create/`, "POST");
  app.post(`${base}rap/cancel/`, async (request, reply) => {
    const backends = authenticate(deps, request, reply);
    if (backends === null) return reply;
    const body = decode2(cancelRequestSchema, request, reply);
    if (body === null) return reply;
    const outcome = deps.store.cancel(body.rap_id, body.actions, backends);
    if (outcome.kind === "no_jobs") {
      return fail(reply, 404, {
        error: "jobs not found",
        details: `No jobs found for rap_id ${body.rap_id}`,
        rap_id: body.rap_id
      });
    }
    if (outcome.kind === "not_found") {
      return fail(reply, 404, {
        error: "jobs not found",
        details: `Jobs matching requested cancelled actions could not be found: ${outcome.notFound.join(",")}`,
        rap_id: body.rap_id,
        not_found: [...outcome.notFound]
      });
    }
    request.log.info({ rap_id: body.rap_id, actions: body.actions }, "cancel");
    deps.onCancelled();
    const answer = {
      result: "Success",
      details: `${outcome.count} actions cancelled`,
      count: outcome.count
    };
    return reply.code(200).send(answer);
  });
  onlyMethod(app, `${base}rap/cancel/`, "POST");
  app.post(`${base}rap/status/`, async (request, reply) => {
    const backends = authenticate(deps, request, reply);
    if (backends === null) return reply;
    const body = decode2(statusRequestSchema, request, reply);
    if (body === null) return reply;
    const jobs = deps.store.jobsFor(body.rap_ids, backends);
    const seen = new Set(jobs.map((j) => j.rap_id));
    const unrecognised = [...new Set(body.rap_ids.filter((id) => !seen.has(id)))];
    return reply.code(200).send({ jobs: jobs.map(jobToApi), unrecognised_rap_ids: unrecognised });
  });
  onlyMethod(app, `${base}rap/status/`, "POST");
  app.get(`${base}backend/status/`, async (request, reply) => {
    const backends = authenticate(deps, request, reply);
    if (backends === null) return reply;
    return reply.code(200).send({ backends: backends.map((slug) => backendToApi(slug, deps.store.backend(slug))) });
  });
  onlyMethod(app, `${base}backend/status/`, "GET");
}
var ALL_METHODS;
var init_rap_routes = __esm({
  "src/backend/http/rap-routes.ts"() {
    "use strict";
    init_rap();
    init_create();
    init_api_format();
    ALL_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];
  }
});

// src/backend/http/server.ts
import Fastify from "fastify";
function buildServer(options, deps) {
  const app = Fastify({
    logger: options.logger,
    bodyLimit: BODY_LIMIT,
    routerOptions: { ignoreTrailingSlash: true },
    forceCloseConnections: true,
    return503OnClosing: true
  });
  app.removeAllContentTypeParsers();
  app.addContentTypeParser("*", { parseAs: "string" }, (_request, body, done) => done(null, body));
  app.setErrorHandler((error, request, reply) => {
    const status = error.statusCode ?? 500;
    if (status === 413) {
      return reply.code(413).send({ error: "Request too large", details: `The body is larger than ${BODY_LIMIT} bytes` });
    }
    if (status >= 400 && status < 500) {
      return reply.code(status).send({ error: "Bad request", details: error.message });
    }
    request.log.error({ err: error }, "request failed");
    return reply.code(500).send({ error: "Internal error", details: "Unknown error" });
  });
  app.setNotFoundHandler(
    (request, reply) => reply.code(404).send({ error: "Not found", details: `No endpoint at ${request.method} ${request.url.slice(0, 200)}` })
  );
  app.get("/healthz", async (_request, reply) => {
    try {
      return reply.code(200).send({ status: "ok", ...options.health() });
    } catch (error) {
      app.log.error({ err: error }, "health check failed");
      return reply.code(503).send({ status: "unavailable" });
    }
  });
  app.get(`${RAP_BASE_PATH}spec.json`, async (_request, reply) => reply.send(openApiDocument()));
  app.get(`${RAP_BASE_PATH}docs/`, async (_request, reply) => reply.type("text/html").send(DOCS_PAGE));
  registerRapRoutes(app, deps);
  return app;
}
var BODY_LIMIT, DOCS_PAGE;
var init_server2 = __esm({
  "src/backend/http/server.ts"() {
    "use strict";
    init_rap();
    init_rap_routes();
    BODY_LIMIT = 1024 * 1024;
    DOCS_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>RAP API</title></head>
<body><h1>RAP API</h1>
<p>The OpenAPI document of this backend is at <a href="${RAP_BASE_PATH}spec.json">${RAP_BASE_PATH}spec.json</a>.</p>
<p>Send the token in the <code>Authorization</code> header, without a <code>Bearer</code> prefix.</p>
</body></html>
`;
  }
});

// src/backend/git-process.ts
import { spawn as spawn3 } from "node:child_process";
function runGit(args, options) {
  const maxOutput = options.maxOutputBytes ?? 64 * 1024 * 1024;
  return new Promise((resolve4) => {
    const child = spawn3("git", [...PROTOCOL_CONFIG, ...args], {
      cwd: options.cwd,
      env: { ...process.env, ...BASE_ENV, ...options.env },
      stdio: ["ignore", "pipe", "pipe"]
    });
    const chunks = [];
    let size = 0;
    let stderr = "";
    let timedOut = false;
    let overflow = false;
    const timer2 = setTimeout(() => {
      timedOut = true;
      child.kill("SIGKILL");
    }, options.timeoutMs);
    child.stdout.on("data", (chunk) => {
      size += chunk.length;
      if (size > maxOutput) {
        overflow = true;
        child.kill("SIGKILL");
      } else chunks.push(chunk);
    });
    child.stderr.on("data", (chunk) => {
      if (stderr.length < 64 * 1024) stderr += chunk.toString("utf8");
    });
    child.on("error", (error) => {
      clearTimeout(timer2);
      resolve4({ code: -1, stdout: Buffer.alloc(0), stderr: error.message, timedOut: false });
    });
    child.on("close", (code3) => {
      clearTimeout(timer2);
      const tail = overflow ? `${stderr}
output larger than ${maxOutput} bytes` : stderr;
      resolve4({ code: overflow ? -1 : code3 ?? -1, stdout: Buffer.concat(chunks), stderr: tail, timedOut });
    });
  });
}
function lastLine(stderr) {
  const lines = stderr.split("\n").map((l) => l.trim()).filter((l) => l !== "");
  return lines[lines.length - 1] ?? "git failed";
}
var PROTOCOL_CONFIG, BASE_ENV;
var init_git_process = __esm({
  "src/backend/git-process.ts"() {
    "use strict";
    PROTOCOL_CONFIG = [
      "-c",
      "protocol.allow=never",
      "-c",
      "protocol.file.allow=always",
      "-c",
      "protocol.https.allow=always",
      "-c",
      "protocol.http.allow=always",
      // Symlinks from a repository become plain files, so a checkout cannot point outside its folder.
      "-c",
      "core.symlinks=false"
    ];
    BASE_ENV = {
      GIT_TERMINAL_PROMPT: "0",
      GIT_ASKPASS: "true",
      SSH_ASKPASS: "true",
      GCM_INTERACTIVE: "never",
      LC_ALL: "C"
    };
  }
});

// src/backend/repos.ts
import { createHash as createHash8 } from "node:crypto";
import { existsSync, mkdirSync as mkdirSync2 } from "node:fs";
import { dirname as dirname6, join as join18 } from "node:path";
function checkRepoUrl(url, policy) {
  let parsed;
  try {
    parsed = new URL(url);
  } catch {
    return `Repository URL ${url} is not a valid URL`;
  }
  if (!SCHEMES.has(parsed.protocol))
    return `Repository URL ${url} must start with https://, http:// or file://`;
  if (parsed.username !== "" || parsed.password !== "") return "Repository URLs must not contain credentials";
  if ([...url].some((c) => c.charCodeAt(0) < 32 || c.charCodeAt(0) === 127)) {
    return "Repository URL contains control characters";
  }
  if (policy.allowedPrefixes.length > 0 && !policy.allowedPrefixes.some((p) => url.startsWith(p))) {
    return `Repository ${url} is not allowed on this backend`;
  }
  return null;
}
var SCHEMES, RepoCache;
var init_repos = __esm({
  "src/backend/repos.ts"() {
    "use strict";
    init_git_process();
    SCHEMES = /* @__PURE__ */ new Set(["https:", "http:", "file:"]);
    RepoCache = class {
      #root;
      #timeoutMs;
      /** One git operation at a time per repository: fetches into the same clone would race on refs. */
      #queues = /* @__PURE__ */ new Map();
      constructor(root, timeoutMs) {
        this.#root = root;
        this.#timeoutMs = timeoutMs;
        mkdirSync2(root, { recursive: true });
      }
      gitDir(url) {
        const key = createHash8("sha256").update(url, "utf8").digest("hex").slice(0, 32);
        return join18(this.#root, `${key}.git`);
      }
      #git(url, args, maxOutputBytes) {
        return runGit(["--git-dir", this.gitDir(url), ...args], {
          timeoutMs: this.#timeoutMs,
          ...maxOutputBytes === void 0 ? {} : { maxOutputBytes }
        });
      }
      #serial(url, work) {
        const key = this.gitDir(url);
        const previous = this.#queues.get(key) ?? Promise.resolve();
        const next = previous.then(work, work);
        const settled = next.then(
          () => void 0,
          () => void 0
        );
        this.#queues.set(key, settled);
        void settled.then(() => {
          if (this.#queues.get(key) === settled) this.#queues.delete(key);
        });
        return next;
      }
      async #ensure(url) {
        const dir = this.gitDir(url);
        if (existsSync(join18(dir, "HEAD"))) return { ok: true, value: null };
        const init = await runGit(["init", "--quiet", "--bare", dir], { timeoutMs: this.#timeoutMs });
        if (init.code !== 0) return { ok: false, message: `Could not prepare a clone: ${lastLine(init.stderr)}` };
        return { ok: true, value: null };
      }
      async #hasCommit(url, commit) {
        return (await this.#git(url, ["cat-file", "-e", `${commit}^{commit}`])).code === 0;
      }
      async #fetch(url, refspecs) {
        const run2 = await this.#git(url, ["fetch", "--quiet", "--no-tags", "--force", "--", url, ...refspecs]);
        const stderr = run2.timedOut ? "git fetch timed out" : run2.stderr;
        return { ok: run2.code === 0, stderr };
      }
      /**
       * Makes `commit` available locally and, unless `branch` is null, checks that it is reachable from
       * `refs/heads/<branch>` on the remote (job-runner's `validate_branch_and_commit`).
       */
      fetchCommit(url, commit, branch) {
        return this.#serial(url, async () => {
          const ready = await this.#ensure(url);
          if (!ready.ok) return ready;
          if (branch !== null) return this.#fetchOnBranch(url, commit, branch);
          if (await this.#hasCommit(url, commit)) return { ok: true, value: null };
          const direct = await this.#fetch(url, [commit]);
          if (!direct.ok || !await this.#hasCommit(url, commit)) {
            const all = await this.#fetch(url, [
              "+refs/heads/*:refs/heads/*",
              "+refs/pull/*/head:refs/pull/*/head"
            ]);
            if (!all.ok && !direct.ok)
              return { ok: false, message: `Could not fetch ${url}: ${lastLine(all.stderr)}` };
          }
          if (await this.#hasCommit(url, commit)) return { ok: true, value: null };
          return { ok: false, message: `Could not find commit ${commit} in ${url}` };
        });
      }
      async #fetchOnBranch(url, commit, branch) {
        const format = await runGit(["check-ref-format", `refs/heads/${branch}`], { timeoutMs: this.#timeoutMs });
        if (format.code !== 0) return { ok: false, message: `Could not find branch '${branch}'` };
        const ref2 = `refs/heads/${branch}`;
        const fetched = await this.#fetch(url, [`+${ref2}:${ref2}`]);
        if (!fetched.ok) {
          if (/couldn't find remote ref/i.test(fetched.stderr)) {
            return { ok: false, message: `Could not find branch '${branch}'` };
          }
          return { ok: false, message: `Could not fetch ${url}: ${lastLine(fetched.stderr)}` };
        }
        const reachable = await this.#git(url, ["merge-base", "--is-ancestor", commit, ref2]);
        if (reachable.code === 0) return { ok: true, value: null };
        return { ok: false, message: `Could not find commit on branch '${branch}': ${commit}` };
      }
      /** A file's bytes at a commit already in the cache, or null when there is no such file. */
      readFile(url, commit, path2, maxBytes) {
        return this.#serial(url, async () => {
          const run2 = await this.#git(url, ["cat-file", "blob", `${commit}:${path2}`], maxBytes);
          if (run2.code === 0) return { ok: true, value: run2.stdout };
          if (/larger than/.test(run2.stderr))
            return { ok: false, message: `${path2} is larger than ${maxBytes} bytes` };
          return { ok: true, value: null };
        });
      }
      /**
       * Makes `workTree` hold exactly the files of `commit`: files of the previous checkout that the commit
       * does not have are removed; files git never wrote (outputs, metadata) are left alone. `indexFile`
       * remembers what the previous checkout wrote.
       */
      checkout(url, commit, workTree, indexFile) {
        return this.#serial(url, async () => {
          mkdirSync2(workTree, { recursive: true });
          mkdirSync2(dirname6(indexFile), { recursive: true });
          const run2 = await runGit(
            ["--git-dir", this.gitDir(url), "--work-tree", workTree, "read-tree", "-u", "--reset", commit],
            { timeoutMs: this.#timeoutMs, env: { GIT_INDEX_FILE: indexFile } }
          );
          if (run2.code === 0) return { ok: true, value: null };
          return { ok: false, message: `Could not check out ${commit}: ${lastLine(run2.stderr)}` };
        });
      }
    };
  }
});

// src/backend/project-source.ts
function formatValidationErrors(errors) {
  return errors.map((e) => textIssue(e, "project.yaml")).join("\n");
}
var MAX_PROJECT_BYTES2, PIPELINE_CACHE_SIZE, ProjectSource;
var init_project_source = __esm({
  "src/backend/project-source.ts"() {
    "use strict";
    init_pipeline();
    init_repos();
    MAX_PROJECT_BYTES2 = 16 * 1024 * 1024;
    PIPELINE_CACHE_SIZE = 64;
    ProjectSource = class {
      #repos;
      #store;
      #policy;
      #now;
      #pipelines = /* @__PURE__ */ new Map();
      constructor(repos, store, policy, now) {
        this.#repos = repos;
        this.#store = store;
        this.#policy = policy;
        this.#now = now;
      }
      async load(request) {
        const urlProblem = checkRepoUrl(request.repoUrl, this.#policy);
        if (urlProblem !== null) return { ok: false, message: urlProblem };
        const checkBranch = !this.#policy.allowAnyCommit;
        if (checkBranch && request.branch === "") return { ok: false, message: "A branch name must be supplied" };
        const branchKey = checkBranch ? request.branch : "";
        const cacheKey = `${request.repoUrl}
${request.commit}
${branchKey}`;
        const cached = this.#pipelines.get(cacheKey);
        if (cached !== void 0) {
          this.#pipelines.delete(cacheKey);
          this.#pipelines.set(cacheKey, cached);
          return cached;
        }
        let bytes = this.#store.checkedCommit(request.repoUrl, request.commit, branchKey);
        if (bytes === void 0) {
          const fetched = await this.#repos.fetchCommit(
            request.repoUrl,
            request.commit,
            checkBranch ? request.branch : null
          );
          if (!fetched.ok) return fetched;
          const file = await this.#repos.readFile(
            request.repoUrl,
            request.commit,
            "project.yaml",
            MAX_PROJECT_BYTES2
          );
          if (!file.ok) return file;
          if (file.value === null)
            return { ok: false, message: `No project.yaml file found in ${request.repoUrl}` };
          bytes = file.value;
          this.#store.rememberCheckedCommit(request.repoUrl, request.commit, branchKey, bytes, this.#now());
        }
        const loaded = loadPipeline(bytes);
        const result = loaded.valid && loaded.pipeline !== null ? { ok: true, pipeline: loaded.pipeline } : { ok: false, message: formatValidationErrors(loaded.errors) || "project.yaml is not valid" };
        this.#pipelines.set(cacheKey, result);
        if (this.#pipelines.size > PIPELINE_CACHE_SIZE) {
          this.#pipelines.delete(this.#pipelines.keys().next().value);
        }
        return result;
      }
    };
  }
});

// src/backend/scheduler.ts
var MESSAGES, MIN_PASS_GAP_MS, RETRY_DELAY_MS, workspaceKey, Scheduler2;
var init_scheduler2 = __esm({
  "src/backend/scheduler.ts"() {
    "use strict";
    init_rap();
    MESSAGES = {
      initiated: "Job is starting on the backend",
      waitingOnDependencies: "Waiting on dependencies",
      dependencyFailed: "Not starting as dependency failed",
      waitingOnWorkers: "Waiting on available workers",
      waitingOnWorkspace: "Waiting for another job in this workspace to finish",
      cancelled: "Cancelled by user",
      restarted: "The backend restarted while this job was running; it will run again"
    };
    MIN_PASS_GAP_MS = 20;
    RETRY_DELAY_MS = 5e3;
    workspaceKey = (job) => `${job.backend}/${job.workspace}`;
    Scheduler2 = class {
      #o;
      #running = /* @__PURE__ */ new Map();
      #timer;
      #kicked = false;
      #started = false;
      #stopping = false;
      #lastSeenAt = 0;
      #lastPassAt = 0;
      /** Jobs the agent handed back (their workspace was busy), and when they may start again. */
      #retryAt = /* @__PURE__ */ new Map();
      constructor(options) {
        this.#o = options;
      }
      /** Re-queues (or fails) jobs a previous process left running, then starts the loop. */
      start() {
        this.#started = true;
        this.recover();
        this.#timer = setInterval(() => this.tick(), this.#o.intervalMs ?? 1e3);
        this.#timer.unref();
        this.kick();
      }
      /**
       * Runs a pass soon: once, however many times it is called before then, and not within
       * `MIN_PASS_GAP_MS` of the previous pass, so a burst of creates costs a few passes, not one each.
       */
      kick() {
        if (this.#kicked || this.#stopping || !this.#started) return;
        this.#kicked = true;
        const wait = Math.max(0, this.#lastPassAt + MIN_PASS_GAP_MS - Date.now());
        setTimeout(() => {
          this.#kicked = false;
          this.tick();
        }, wait).unref();
      }
      /** Jobs the agent is running now. */
      get runningCount() {
        return this.#running.size;
      }
      /**
       * A job that was running when the process died has no process any more. It runs again, up to
       * `maxAttempts` starts; after that it fails with `internal_error`, never silently lost.
       */
      recover() {
        const now = this.#o.now();
        const maxAttempts = this.#o.maxAttempts ?? 3;
        this.#o.store.transaction(() => {
          for (const job of this.#o.store.activeJobs()) {
            if (job.state !== "running") continue;
            if (job.attempts >= maxAttempts) {
              const message = `Internal error: the backend restarted during each of the ${job.attempts} attempts to run this job`;
              this.#o.store.setCode(job.id, "internal_error", message, now);
              this.#o.log("error", "job failed after repeated restarts", { job: job.id, action: job.action });
            } else {
              this.#o.store.setCode(job.id, "waiting_on_reboot", MESSAGES.restarted, now);
              this.#o.log("info", "job re-queued after a restart", { job: job.id, action: job.action });
            }
          }
        });
      }
      tick() {
        if (this.#stopping || !this.#started) return;
        this.#lastPassAt = Date.now();
        try {
          this.#pass();
        } catch (error) {
          this.#o.log("error", "scheduler pass failed", { error: error.message });
        }
      }
      #pass() {
        const { store } = this.#o;
        const now = this.#o.now();
        if (now - this.#lastSeenAt >= 1e3) {
          this.#lastSeenAt = now;
          store.transaction(() => {
            for (const backend of this.#o.backends) store.touchBackend(backend, now);
          });
        }
        const active = store.activeJobs();
        const states = new Map(active.map((j) => [j.id, j.state]));
        const stateOf2 = (id) => {
          if (!states.has(id)) {
            const row2 = store.job(id);
            if (row2) states.set(id, row2.state);
          }
          return states.get(id);
        };
        const set2 = (job, code3, message) => {
          if (store.setCode(job.id, code3, message, now)) {
            this.#o.log("info", "job status", { job: job.id, action: job.action, rap_id: job.rap_id, code: code3 });
          }
        };
        for (const job of active) {
          if (job.state !== "running" || job.cancelled === 0) continue;
          const running2 = this.#running.get(job.id);
          if (running2 && !running2.controller.signal.aborted) running2.controller.abort("cancelled");
        }
        const ready = [];
        for (const job of active) {
          if (job.state !== "pending") continue;
          if (job.cancelled !== 0) {
            set2(job, "cancelled_by_user", MESSAGES.cancelled);
            states.set(job.id, "failed");
            continue;
          }
          const deps = JSON.parse(job.wait_for).map(stateOf2);
          if (deps.some((s) => s === "failed")) {
            set2(job, "dependency_failed", MESSAGES.dependencyFailed);
            states.set(job.id, "failed");
          } else if (deps.some((s) => s !== "succeeded")) {
            set2(job, "waiting_on_dependencies", MESSAGES.waitingOnDependencies);
          } else ready.push(job);
        }
        const perWorkspace = /* @__PURE__ */ new Map();
        const perBackend = /* @__PURE__ */ new Map();
        for (const r of this.#running.values()) {
          perWorkspace.set(r.workspaceKey, (perWorkspace.get(r.workspaceKey) ?? 0) + 1);
          perBackend.set(r.backend, (perBackend.get(r.backend) ?? 0) + 1);
        }
        ready.sort(
          (a, b) => (perWorkspace.get(workspaceKey(a)) ?? 0) - (perWorkspace.get(workspaceKey(b)) ?? 0) || b.requires_db - a.requires_db || a.seq - b.seq
        );
        for (const job of ready) {
          if ((this.#retryAt.get(job.id) ?? 0) > now) continue;
          this.#retryAt.delete(job.id);
          if ((perBackend.get(job.backend) ?? 0) >= this.#o.maxWorkers(job.backend)) {
            set2(job, "waiting_on_workers", MESSAGES.waitingOnWorkers);
          } else if ((perWorkspace.get(workspaceKey(job)) ?? 0) > 0) {
            set2(job, "waiting_on_workers", MESSAGES.waitingOnWorkspace);
          } else {
            perBackend.set(job.backend, (perBackend.get(job.backend) ?? 0) + 1);
            perWorkspace.set(workspaceKey(job), 1);
            this.#start(job, now);
          }
        }
      }
      #start(job, now) {
        const { store } = this.#o;
        store.transaction(() => {
          store.countAttempt(job.id);
          store.setCode(job.id, "initiated", MESSAGES.initiated, now);
        });
        this.#o.log("info", "job started", { job: job.id, action: job.action, rap_id: job.rap_id });
        const controller = new AbortController();
        const onStatus = (code3, message) => {
          if (!this.#stopping && store.setCode(job.id, code3, message, this.#o.now())) {
            this.#o.log("info", "job status", { job: job.id, action: job.action, rap_id: job.rap_id, code: code3 });
          }
        };
        const target = {
          jobId: job.id,
          action: job.action,
          backend: job.backend,
          workspace: job.workspace,
          repoUrl: job.repo_url,
          commit: job.commit_sha
        };
        const done = this.#execute(target, controller.signal, onStatus).then((end) => {
          this.#running.delete(job.id);
          if (this.#stopping) return;
          const cancelled = controller.signal.aborted && !isCompletedState(stateOfStatusCode(end.code));
          const finalCode = cancelled ? "cancelled_by_user" : end.code;
          const message = cancelled ? MESSAGES.cancelled : end.message;
          if (store.setCode(job.id, finalCode, message, this.#o.now())) {
            this.#o.log("info", "job finished", {
              job: job.id,
              action: job.action,
              rap_id: job.rap_id,
              code: finalCode
            });
          }
          if (!isCompletedState(stateOfStatusCode(finalCode)))
            this.#retryAt.set(job.id, this.#o.now() + RETRY_DELAY_MS);
          this.kick();
        });
        this.#running.set(job.id, { controller, backend: job.backend, workspaceKey: workspaceKey(job), done });
      }
      async #execute(job, signal, onStatus) {
        try {
          return await this.#o.executor.run(job, signal, onStatus);
        } catch (error) {
          this.#o.log("error", "job run failed unexpectedly", {
            job: job.jobId,
            error: error.message
          });
          return { code: "internal_error", message: `Internal error: ${error.message}` };
        }
      }
      /** Stops the loop and the running jobs, leaving them `running` in the store for the next start. */
      async stop() {
        this.#stopping = true;
        if (this.#timer) clearInterval(this.#timer);
        const running2 = [...this.#running.values()];
        for (const r of running2) r.controller.abort("shutdown");
        await Promise.all(running2.map((r) => r.done));
      }
    };
  }
});

// src/backend/store/checkpointer.ts
import { Worker } from "node:worker_threads";
async function startCheckpointer(db, path2, intervalMs = 1e3) {
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { path: path2, intervalMs, from: import.meta.url }
  });
  const fallBack = () => db.open && db.pragma(`wal_autocheckpoint = ${AUTO_CHECKPOINT_PAGES}`);
  const exited = new Promise((resolve4) => worker.once("exit", () => resolve4()));
  worker.on("error", fallBack);
  await new Promise((resolve4, reject) => {
    worker.once("message", () => resolve4());
    worker.once("error", reject);
  });
  db.pragma("wal_autocheckpoint = 0");
  let stopping;
  return {
    stop: () => {
      stopping ??= (async () => {
        fallBack();
        worker.postMessage("stop");
        await exited;
      })();
      return stopping;
    }
  };
}
var WORKER_SOURCE, AUTO_CHECKPOINT_PAGES;
var init_checkpointer = __esm({
  "src/backend/store/checkpointer.ts"() {
    "use strict";
    WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const Database = require("node:module").createRequire(workerData.from)("better-sqlite3");
const db = new Database(workerData.path);
db.pragma("busy_timeout = 5000");
const checkpoint = () => db.pragma("wal_checkpoint(PASSIVE)");
const timer = setInterval(checkpoint, workerData.intervalMs);
parentPort.on("message", () => {
  clearInterval(timer);
  try { checkpoint(); } finally { db.close(); parentPort.close(); }
});
parentPort.postMessage("ready");
`;
    AUTO_CHECKPOINT_PAGES = 1e3;
  }
});

// src/backend/store/migrations.ts
var MIGRATIONS2;
var init_migrations2 = __esm({
  "src/backend/store/migrations.ts"() {
    "use strict";
    MIGRATIONS2 = [
      // 1: job requests, jobs, backend flags, and checked commits.
      `
  CREATE TABLE job_requests (
    rap_id TEXT PRIMARY KEY,
    backend TEXT NOT NULL,
    workspace TEXT NOT NULL,
    repo_url TEXT NOT NULL,
    branch TEXT NOT NULL,
    commit_sha TEXT NOT NULL,
    requested_actions TEXT NOT NULL,
    force_run_dependencies INTEGER NOT NULL,
    codelists_ok INTEGER NOT NULL,
    created_by TEXT NOT NULL,
    project TEXT NOT NULL,
    original TEXT NOT NULL,
    created_at INTEGER NOT NULL
  ) STRICT;

  CREATE TABLE jobs (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    rap_id TEXT NOT NULL REFERENCES job_requests(rap_id),
    backend TEXT NOT NULL,
    workspace TEXT NOT NULL,
    action TEXT NOT NULL,
    repo_url TEXT NOT NULL,
    commit_sha TEXT NOT NULL,
    run_command TEXT NOT NULL,
    requires_db INTEGER NOT NULL,
    wait_for TEXT NOT NULL,
    state TEXT NOT NULL,
    status_code TEXT NOT NULL,
    status_message TEXT NOT NULL,
    cancelled INTEGER NOT NULL DEFAULT 0,
    attempts INTEGER NOT NULL DEFAULT 0,
    trace_context TEXT,
    metrics TEXT NOT NULL DEFAULT '{}',
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    started_at INTEGER,
    completed_at INTEGER
  ) STRICT;
  CREATE INDEX jobs_by_rap ON jobs(rap_id);
  CREATE INDEX jobs_by_workspace_action ON jobs(backend, workspace, action, cancelled);
  CREATE INDEX jobs_active ON jobs(state) WHERE state IN ('pending', 'running');

  CREATE TABLE backends (
    slug TEXT PRIMARY KEY,
    last_seen INTEGER,
    paused INTEGER NOT NULL DEFAULT 0,
    paused_since INTEGER
  ) STRICT;

  CREATE TABLE checked_commits (
    repo_url TEXT NOT NULL,
    commit_sha TEXT NOT NULL,
    branch TEXT NOT NULL,
    project_yaml BLOB NOT NULL,
    checked_at INTEGER NOT NULL,
    PRIMARY KEY (repo_url, commit_sha, branch)
  ) STRICT;
  `
    ];
  }
});

// src/backend/store/database.ts
function openDatabase(path2) {
  return openSqlite(path2, MIGRATIONS2, StoreError);
}
var StoreError;
var init_database3 = __esm({
  "src/backend/store/database.ts"() {
    "use strict";
    init_open_sqlite();
    init_migrations2();
    StoreError = class extends Error {
      name = "StoreError";
    };
  }
});

// src/backend/store/store.ts
var STARTING_CODES, TOUCH_INTERVAL_MS, Store;
var init_store3 = __esm({
  "src/backend/store/store.ts"() {
    "use strict";
    init_rap();
    STARTING_CODES = /* @__PURE__ */ new Set(["initiated", "preparing", "prepared", "executing"]);
    TOUCH_INTERVAL_MS = 6e4;
    Store = class {
      #stmts;
      /** Made once: better-sqlite3 prepares BEGIN/COMMIT for each transaction function it makes. */
      #transaction;
      constructor(db) {
        this.#transaction = db.transaction((work) => work());
        this.#stmts = {
          request: db.prepare("SELECT * FROM job_requests WHERE rap_id = ?"),
          countJobs: db.prepare("SELECT count(*) AS n FROM jobs WHERE rap_id = ?"),
          insertRequest: db.prepare(
            `INSERT INTO job_requests (rap_id, backend, workspace, repo_url, branch, commit_sha, requested_actions,
           force_run_dependencies, codelists_ok, created_by, project, original, created_at)
         VALUES (@rapId, @backend, @workspace, @repoUrl, @branch, @commit, @requestedActions,
           @force, @codelistsOk, @createdBy, @project, @original, @now)`
          ),
          insertJob: db.prepare(
            `INSERT INTO jobs (id, rap_id, backend, workspace, action, repo_url, commit_sha, run_command, requires_db,
           wait_for, state, status_code, status_message, trace_context, created_at, updated_at)
         VALUES (@id, @rapId, @backend, @workspace, @action, @repoUrl, @commit, @runCommand, @requiresDb,
           @waitFor, 'pending', 'created', 'Created', @traceContext, @now, @now)`
          ),
          // SQLite returns the other columns of the row holding max(seq) for each group.
          workspaceState: db.prepare(
            `SELECT id, action, state, max(seq) AS seq FROM jobs
         WHERE backend = ? AND workspace = ? AND cancelled = 0 GROUP BY action`
          ),
          jobsForRaps: db.prepare(
            `SELECT * FROM jobs WHERE rap_id IN (SELECT value FROM json_each(?))
           AND backend IN (SELECT value FROM json_each(?)) ORDER BY seq`
          ),
          jobsOfRap: db.prepare("SELECT * FROM jobs WHERE rap_id = ? ORDER BY seq"),
          job: db.prepare("SELECT * FROM jobs WHERE id = ?"),
          countActive: db.prepare(
            "SELECT state, count(*) AS n FROM jobs WHERE state IN ('pending', 'running') GROUP BY state"
          ),
          active: db.prepare("SELECT * FROM jobs WHERE state IN ('pending', 'running') ORDER BY seq"),
          cancelJob: db.prepare("UPDATE jobs SET cancelled = 1 WHERE id = ?"),
          update: db.prepare(
            `UPDATE jobs SET state = @state, status_code = @code, status_message = @message, updated_at = @now,
           started_at = @startedAt, completed_at = @completedAt WHERE id = @id`
          ),
          touch: db.prepare("UPDATE jobs SET updated_at = ? WHERE id = ?"),
          attempt: db.prepare("UPDATE jobs SET attempts = attempts + 1 WHERE id = ?"),
          metrics: db.prepare("UPDATE jobs SET metrics = ? WHERE id = ?"),
          upsertBackend: db.prepare(
            `INSERT INTO backends (slug, last_seen) VALUES (?, ?)
         ON CONFLICT (slug) DO UPDATE SET last_seen = excluded.last_seen`
          ),
          backend: db.prepare("SELECT * FROM backends WHERE slug = ?"),
          checked: db.prepare(
            "SELECT project_yaml FROM checked_commits WHERE repo_url = ? AND commit_sha = ? AND branch = ?"
          ),
          putChecked: db.prepare(
            `INSERT OR REPLACE INTO checked_commits (repo_url, commit_sha, branch, project_yaml, checked_at)
         VALUES (?, ?, ?, ?, ?)`
          )
        };
      }
      jobRequest(rapId2) {
        return this.#stmts.request.get(rapId2);
      }
      countJobs(rapId2) {
        return this.#stmts.countJobs.get(rapId2).n;
      }
      /** The latest job of each action in a workspace on a backend, leaving out cancelled jobs. */
      workspaceState(backend, workspace) {
        const state = /* @__PURE__ */ new Map();
        for (const row2 of this.#stmts.workspaceState.all(backend, workspace)) {
          state.set(row2.action, { id: row2.id, action: row2.action, state: row2.state });
        }
        return state;
      }
      /**
       * Runs `decide` and, when it returns jobs, inserts the request and its jobs, all in one
       * transaction: planning sees exactly the workspace state the insert lands on.
       */
      transaction(work) {
        return this.#transaction(work);
      }
      insertJobRequest(request, jobs, now) {
        this.#stmts.insertRequest.run({
          rapId: request.rapId,
          backend: request.backend,
          workspace: request.workspace,
          repoUrl: request.repoUrl,
          branch: request.branch,
          commit: request.commit,
          requestedActions: JSON.stringify(request.requestedActions),
          force: request.forceRunDependencies ? 1 : 0,
          codelistsOk: request.codelistsOk ? 1 : 0,
          createdBy: request.createdBy,
          project: request.project,
          original: JSON.stringify(request.original),
          now
        });
        for (const job of jobs) {
          this.#stmts.insertJob.run({
            id: job.id,
            rapId: request.rapId,
            backend: request.backend,
            workspace: request.workspace,
            action: job.action,
            repoUrl: request.repoUrl,
            commit: request.commit,
            runCommand: job.runCommand,
            requiresDb: job.requiresDb ? 1 : 0,
            waitFor: JSON.stringify(job.waitFor),
            traceContext: JSON.stringify(job.traceContext),
            now
          });
        }
      }
      /** Jobs of the given requests on the given backends, oldest first. */
      jobsFor(rapIds, backends) {
        return this.#stmts.jobsForRaps.all(JSON.stringify(rapIds), JSON.stringify(backends));
      }
      jobsOf(rapId2) {
        return this.#stmts.jobsOfRap.all(rapId2);
      }
      job(id) {
        return this.#stmts.job.get(id);
      }
      /** Pending and running jobs, oldest first. */
      activeJobs() {
        return this.#stmts.active.all();
      }
      /** How many jobs are pending and running (also proves the database answers). */
      activeCounts() {
        const counts = { pending: 0, running: 0 };
        for (const row2 of this.#stmts.countActive.all()) {
          if (row2.state === "pending" || row2.state === "running") counts[row2.state] = row2.n;
        }
        return counts;
      }
      /**
       * Marks the named actions of a request cancelled (RAP cancel). The scheduler does the rest. Jobs on
       * backends the caller cannot see count as absent.
       */
      cancel(rapId2, actions, backends) {
        return this.transaction(() => {
          const jobs = this.jobsFor([rapId2], backends);
          if (jobs.length === 0) return { kind: "no_jobs" };
          const byAction = new Map(jobs.map((j) => [j.action, j]));
          const notFound = [...new Set(actions.filter((a) => !byAction.has(a)))].sort();
          if (notFound.length > 0) return { kind: "not_found", notFound };
          const jobIds = [...new Set(actions)].map((a) => byAction.get(a).id);
          for (const id of jobIds) this.#stmts.cancelJob.run(id);
          return { kind: "cancelled", count: actions.length, jobIds };
        });
      }
      /**
       * Moves a job to `code` as job-runner's `set_code` does: the state follows the code, starting codes
       * set `started_at` once, reset codes clear it, final codes set `completed_at`. A job that has ended
       * never moves again. Returns whether anything changed.
       */
      setCode(id, code3, message, now) {
        const job = this.job(id);
        if (job === void 0 || isCompletedState(job.state)) return false;
        if (job.status_code === code3 && job.status_message === message) {
          if (now - job.updated_at >= TOUCH_INTERVAL_MS) this.#stmts.touch.run(now, id);
          return false;
        }
        const state = stateOfStatusCode(code3);
        let startedAt = job.started_at;
        if (RESET_STATUS_CODES.has(code3)) startedAt = null;
        else if (startedAt === null && (STARTING_CODES.has(code3) || state === "running")) startedAt = now;
        const completedAt = isCompletedState(state) ? now : null;
        this.#stmts.update.run({ id, state, code: code3, message, now, startedAt, completedAt });
        return true;
      }
      /** Counts a start of the job (for the restart limit) and returns the new count. */
      countAttempt(id) {
        this.#stmts.attempt.run(id);
        return this.job(id)?.attempts ?? 0;
      }
      setMetrics(id, metrics) {
        this.#stmts.metrics.run(JSON.stringify(metrics), id);
      }
      touchBackend(slug, now) {
        this.#stmts.upsertBackend.run(slug, now);
      }
      backend(slug) {
        return this.#stmts.backend.get(slug);
      }
      checkedCommit(repoUrl, commit, branch) {
        return this.#stmts.checked.get(repoUrl, commit, branch)?.project_yaml;
      }
      rememberCheckedCommit(repoUrl, commit, branch, projectYaml, now) {
        this.#stmts.putChecked.run(repoUrl, commit, branch, projectYaml, now);
      }
    };
  }
});

// src/backend/workspace-runner.ts
import { join as join19 } from "node:path";
function workspaceDir(dataDir, backend, workspace) {
  return join19(dataDir, "workspaces", backend, workspace);
}
function endFromOutcome(outcome, action) {
  if (outcome.kind === "cannot_start") {
    const { problem } = outcome;
    if (problem.code === "project_busy") return { code: "waiting_on_new_task", message: problem.message };
    return { code: "internal_error", message: `${INTERNAL}: ${problem.message}` };
  }
  if (outcome.kind === "nothing_to_do") {
    return { code: "internal_error", message: `${INTERNAL}: the runner found nothing to do for ${action}` };
  }
  const result = outcome.result.jobs.find((j) => j.action === action);
  if (result === void 0) {
    return { code: "internal_error", message: `${INTERNAL}: the runner did not run ${action}` };
  }
  return { code: result.statusCode, message: result.statusMessage };
}
var INTERNAL, WorkspaceRunner;
var init_workspace_runner = __esm({
  "src/backend/workspace-runner.ts"() {
    "use strict";
    init_runner();
    INTERNAL = "Internal error";
    WorkspaceRunner = class {
      #options;
      constructor(options) {
        this.#options = options;
      }
      async run(job, signal, onStatus) {
        const { dataDir, repos } = this.#options;
        const dir = workspaceDir(dataDir, job.backend, job.workspace);
        const fetched = await repos.fetchCommit(job.repoUrl, job.commit, null);
        if (!fetched.ok) return { code: "internal_error", message: `${INTERNAL}: ${fetched.message}` };
        const index = join19(dataDir, "checkouts", job.backend, `${job.workspace}.index`);
        const checkout = await repos.checkout(job.repoUrl, job.commit, dir, index);
        if (!checkout.ok) return { code: "internal_error", message: `${INTERNAL}: ${checkout.message}` };
        if (signal.aborted) return { code: "cancelled_by_user", message: "Cancelled by user" };
        const handle = startRun({
          projectDir: dir,
          actions: [job.action],
          workspaceName: job.workspace,
          commit: job.commit,
          repo: job.repoUrl,
          executor: this.#options.executor,
          concurrency: 1,
          signal,
          onEvent: (event) => {
            if (event.type !== "job_status" || event.job.action !== job.action) return;
            if (event.job.state === "running") onStatus(event.job.statusCode, event.job.statusMessage);
          }
        });
        return endFromOutcome(await handle.done, job.action);
      }
    };
  }
});

// src/backend/backend.ts
import { mkdirSync as mkdirSync3 } from "node:fs";
import { join as join20, resolve as resolve3 } from "node:path";
async function startBackend(options) {
  const dataDir = resolve3(options.dataDir);
  mkdirSync3(dataDir, { recursive: true });
  const lock = lockDataDir(dataDir);
  if (!lock.ok) throw new BackendStartError(lock.message);
  const cleanups = [lock.release];
  try {
    const now = options.now ?? Date.now;
    const dbPath = join20(dataDir, "trestle.db");
    const db = openDatabase(dbPath);
    cleanups.unshift(() => db.close());
    const checkpointer = await startCheckpointer(db, dbPath);
    cleanups.unshift(() => checkpointer.stop());
    const store = new Store(db);
    const gitTimeoutMs = options.gitTimeoutMs ?? 10 * 6e4;
    const repos = new RepoCache(join20(dataDir, "repos"), gitTimeoutMs);
    const projects = new ProjectSource(
      repos,
      store,
      {
        allowedPrefixes: options.allowedRepoPrefixes ?? [],
        allowAnyCommit: options.allowAnyCommit ?? false,
        timeoutMs: gitTimeoutMs
      },
      now
    );
    const workers = options.maxWorkers ?? DEFAULT_MAX_WORKERS;
    const maxWorkers = (backend) => typeof workers === "number" ? workers : workers[backend] ?? DEFAULT_MAX_WORKERS;
    let executor;
    if (options.jobExecutor === void 0 && options.runJobs !== false) {
      const choice = options.executor ?? "local";
      if (typeof choice === "string") {
        const selected = await selectExecutor(choice);
        if ("problem" in selected) throw new BackendStartError(selected.problem);
        executor = selected.executor;
      } else executor = choice;
    }
    let scheduler;
    const app = buildServer(
      {
        logger: options.logger ?? { level: "info" },
        store,
        health: () => ({ jobs: store.activeCounts(), agent: options.runJobs !== false ? "on" : "off" })
      },
      {
        store,
        projects,
        tokens: options.tokens,
        now,
        onJobsCreated: () => scheduler?.kick(),
        onCancelled: () => scheduler?.kick(),
        logError: (message, error) => app.log.error({ err: error }, message)
      }
    );
    scheduler = new Scheduler2({
      store,
      executor: options.jobExecutor ?? new WorkspaceRunner({ dataDir, repos, executor: executor ?? "local" }),
      backends: options.tokens.allBackends,
      maxWorkers,
      now,
      log: (level, message, fields) => app.log[level](fields ?? {}, message)
    });
    if (options.runJobs !== false) scheduler.start();
    else scheduler.recover();
    const activeScheduler = scheduler;
    cleanups.unshift(() => activeScheduler.stop());
    await app.listen({ port: options.port, host: options.host ?? "127.0.0.1" });
    cleanups.unshift(() => app.close());
    const address = app.server.address();
    const port = typeof address === "object" && address !== null ? address.port : options.port;
    const host = options.host ?? "127.0.0.1";
    const url = `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
    let closing;
    return {
      url,
      apiUrl: `${url}${RAP_BASE_PATH}`,
      app,
      store,
      scheduler,
      close: () => {
        closing ??= runCleanups(cleanups);
        return closing;
      }
    };
  } catch (error) {
    await runCleanups(cleanups);
    if (error instanceof BackendStartError) throw error;
    throw new BackendStartError(`cannot start the backend: ${error.message}`, { cause: error });
  }
}
async function runCleanups(cleanups) {
  for (const cleanup of cleanups) {
    try {
      await cleanup();
    } catch {
    }
  }
}
var DEFAULT_MAX_WORKERS, BackendStartError;
var init_backend = __esm({
  "src/backend/backend.ts"() {
    "use strict";
    init_rap();
    init_runner();
    init_data_lock();
    init_server2();
    init_project_source();
    init_repos();
    init_scheduler2();
    init_checkpointer();
    init_database3();
    init_store3();
    init_workspace_runner();
    DEFAULT_MAX_WORKERS = 2;
    BackendStartError = class extends Error {
      name = "BackendStartError";
    };
  }
});

// src/backend/tokens.ts
import { createHash as createHash9 } from "node:crypto";
function digest(token) {
  return createHash9("sha256").update(token, "utf8").digest("hex");
}
function parseTokens(value) {
  if (value === void 0 || value.trim() === "") {
    return { ok: false, message: "TRESTLE_RAP_TOKENS is not set: give at least one TOKEN:backend entry" };
  }
  const entries = /* @__PURE__ */ new Map();
  const parts = value.split(";").map((p) => p.trim());
  for (const [index, part] of parts.entries()) {
    if (part === "") continue;
    const where = `TRESTLE_RAP_TOKENS entry ${index + 1}`;
    const colon = part.lastIndexOf(":");
    if (colon <= 0) return { ok: false, message: `${where} is not TOKEN:backend[,backend\u2026]` };
    const token = part.slice(0, colon).trim();
    const backends = part.slice(colon + 1).split(",").map((b) => b.trim()).filter((b) => b !== "");
    if (token.length < MIN_TOKEN_LENGTH) {
      return { ok: false, message: `${where} has a token shorter than ${MIN_TOKEN_LENGTH} characters` };
    }
    if (/\s/.test(token)) return { ok: false, message: `${where} has a token containing white space` };
    if (backends.length === 0) return { ok: false, message: `${where} names no backend` };
    const bad = backends.find((b) => !BACKEND_SLUG2.test(b));
    if (bad !== void 0) return { ok: false, message: `${where} names an invalid backend slug '${bad}'` };
    if (entries.has(token)) return { ok: false, message: `${where} repeats a token given earlier` };
    entries.set(token, backends);
  }
  if (entries.size === 0) return { ok: false, message: "TRESTLE_RAP_TOKENS holds no TOKEN:backend entry" };
  return { ok: true, tokens: new TokenTable(entries) };
}
var BACKEND_SLUG2, MIN_TOKEN_LENGTH, TokenTable;
var init_tokens = __esm({
  "src/backend/tokens.ts"() {
    "use strict";
    BACKEND_SLUG2 = /^[A-Za-z0-9_-]+$/;
    MIN_TOKEN_LENGTH = 16;
    TokenTable = class {
      #backends = /* @__PURE__ */ new Map();
      /** Every backend some token may act on, sorted. */
      allBackends;
      constructor(entries) {
        const all = /* @__PURE__ */ new Set();
        for (const [token, backends] of entries) {
          this.#backends.set(digest(token), [...backends]);
          for (const b of backends) all.add(b);
        }
        this.allBackends = [...all].sort();
      }
      /** The backends a presented token may act on, or null when the token is unknown. */
      backendsFor(token) {
        return this.#backends.get(digest(token)) ?? null;
      }
      get size() {
        return this.#backends.size;
      }
    };
  }
});

// src/cli/commands/backend.ts
var backend_exports = {};
__export(backend_exports, {
  registerBackend: () => registerBackend,
  serveBackend: () => serveBackend
});
function registerBackend(program2) {
  const backend = program2.command("backend").description("The reference RAP API backend: plans job requests and runs them on dummy data.");
  backend.command("serve").description(
    'Serve the RAP API under /controller/v1/ with its state in DIR. Tokens come from TRESTLE_RAP_TOKENS="TOKEN:backend[,backend\u2026];TOKEN2:\u2026".'
  ).requiredOption("--data <dir>", "data folder: database, repository cache, workspaces").option("--port <n>", "port to listen on (0 picks a free one)", "8000").option("--host <host>", "address to listen on", "127.0.0.1").option("--max-workers <n>", `jobs each backend runs at once (default ${DEFAULT_MAX_WORKERS})`).option("--workers <backend=n>", "jobs one backend runs at once (repeatable)", collect).option("--allow-any-commit", "accept commits that are on no branch, such as pull-request heads").option("--allow-repo <prefix>", "only accept repository URLs starting with this (repeatable)", collect).option("--executor <name>", "how jobs run: local, docker or auto", "local").option("--log-level <level>", "fatal, error, warn, info, debug, trace or silent", "info").action(async (flags) => {
    process.exitCode = await serveBackend(flags, process.env);
  });
}
function positiveInt(text) {
  return /^\d+$/.test(text) && Number(text) > 0 && Number(text) <= 1e3 ? Number(text) : null;
}
async function serveBackend(flags, env) {
  const problem = (message) => {
    writeStderr(`trestle backend serve: ${message}
`);
    return EXIT_USAGE;
  };
  const tokens = parseTokens(env.TRESTLE_RAP_TOKENS);
  if (!tokens.ok) return problem(tokens.message);
  const port = /^\d+$/.test(flags.port ?? "") ? Number(flags.port) : Number.NaN;
  if (!(port >= 0 && port <= 65535))
    return problem(`--port must be a number from 0 to 65535, not '${flags.port}'`);
  let maxWorkers = DEFAULT_MAX_WORKERS;
  if (flags.maxWorkers !== void 0) {
    const n = positiveInt(flags.maxWorkers);
    if (n === null)
      return problem(`--max-workers must be a number from 1 to 1000, not '${flags.maxWorkers}'`);
    maxWorkers = n;
  }
  if (flags.workers !== void 0 && flags.workers.length > 0) {
    const perBackend = {};
    for (const entry of flags.workers) {
      const [slug, count2] = entry.split("=");
      const n = positiveInt(count2 ?? "");
      if (!slug || n === null)
        return problem(`--workers takes backend=N with N from 1 to 1000, not '${entry}'`);
      perBackend[slug] = n;
    }
    const fallback = typeof maxWorkers === "number" ? maxWorkers : DEFAULT_MAX_WORKERS;
    maxWorkers = Object.fromEntries(tokens.tokens.allBackends.map((b) => [b, perBackend[b] ?? fallback]));
    Object.assign(maxWorkers, perBackend);
  }
  const executor = flags.executor ?? "local";
  if (!EXECUTORS.includes(executor)) {
    return problem(`--executor must be one of ${EXECUTORS.join(", ")}, not '${executor}'`);
  }
  const level = flags.logLevel ?? "info";
  if (!LOG_LEVELS.includes(level)) return problem(`--log-level must be one of ${LOG_LEVELS.join(", ")}`);
  let backend;
  try {
    backend = await startBackend({
      dataDir: flags.data ?? ".",
      port,
      host: flags.host ?? "127.0.0.1",
      tokens: tokens.tokens,
      maxWorkers,
      allowAnyCommit: flags.allowAnyCommit === true,
      allowedRepoPrefixes: flags.allowRepo ?? [],
      executor,
      logger: { level }
    });
  } catch (error) {
    const message = error instanceof BackendStartError ? error.message : String(error);
    return problem(message);
  }
  writeStderr(`trestle backend: serving the RAP API at ${backend.apiUrl}
`);
  const signal = await new Promise((resolve4) => {
    process.once("SIGINT", resolve4);
    process.once("SIGTERM", resolve4);
  });
  writeStderr(
    `trestle backend: ${signal} received, stopping; running jobs will run again on the next start
`
  );
  await backend.close();
  return EXIT_OK;
}
var collect, EXECUTORS, LOG_LEVELS;
var init_backend2 = __esm({
  "src/cli/commands/backend.ts"() {
    "use strict";
    init_backend();
    init_tokens();
    init_exit_codes();
    init_write_output();
    collect = (value, previous = []) => [...previous, value];
    EXECUTORS = ["local", "docker", "auto"];
    LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"];
  }
});

// src/cli/main.ts
init_esm();
init_exit_codes();
var commands = [
  { name: "check", load: async () => (await Promise.resolve().then(() => (init_check(), check_exports))).registerCheck },
  { name: "graph", load: async () => (await Promise.resolve().then(() => (init_graph2(), graph_exports))).registerGraph },
  { name: "run", load: async () => (await Promise.resolve().then(() => (init_run2(), run_exports))).registerRun },
  { name: "codelists", load: async () => (await Promise.resolve().then(() => (init_codelists2(), codelists_exports))).registerCodelists },
  { name: "app", load: async () => (await Promise.resolve().then(() => (init_app2(), app_exports))).registerApp },
  { name: "backend", load: async () => (await Promise.resolve().then(() => (init_backend2(), backend_exports))).registerBackend }
];
function commandsFor(argv) {
  const chosen = commands.filter((c) => c.name === argv[0]);
  return chosen.length > 0 ? chosen : commands;
}
async function main(argv) {
  const program2 = new Command("trestle").description("Validate, graph and run OpenSAFELY-style research pipelines (project.yaml).").version("0.1.0").exitOverride().configureOutput({ outputError: (text, write) => write(text) }).showHelpAfterError("(run 'trestle --help' for usage)");
  for (const register of await Promise.all(commandsFor(argv).map((c) => c.load()))) register(program2);
  try {
    await program2.parseAsync([...argv], { from: "user" });
    return process.exitCode === void 0 ? 0 : Number(process.exitCode);
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? 0 : EXIT_USAGE;
    }
    throw error;
  }
}
var code2 = await main(process.argv.slice(2)).catch((error) => {
  process.stderr.write(`trestle: ${error instanceof Error ? error.message : String(error)}
`);
  return EXIT_USAGE;
});
process.exitCode = code2;
export {
  main
};
