/**
 * Values that begin with a dash, as the CLI documents them: `--sort -company` (Z to A) and
 * `--query "-status:passed"` (a negated term). node:util's parseArgs refuses those in strict mode
 * ("argument is ambiguous") unless written `--sort=-company`; this writes them so before parsing.
 *
 * The word after an option that takes a value is its value when it begins with a single dash and
 * is not one of the CLI's own short options (`-h`). A word beginning with `--` is left alone: it
 * is much more likely an option typed after a forgotten value, and parseArgs then says so.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';

type Options = NonNullable<ParseArgsConfig['options']>;

function takesValue(options: Options, word: string): string | null {
  if (!word.startsWith('--') || word.includes('=')) return null;
  const name = word.slice(2);
  return Object.hasOwn(options, name) && options[name]!.type === 'string' ? name : null;
}

function isShortOption(options: Options, word: string): boolean {
  return word.length === 2 && Object.values(options).some((option) => `-${option.short}` === word);
}

function isDashValue(options: Options, word: string | undefined): word is string {
  return (
    word !== undefined &&
    word.startsWith('-') &&
    !word.startsWith('--') &&
    !isShortOption(options, word)
  );
}

/** `config` with every `--name -value` of a value-taking option written as `--name=-value`. */
function withDashValues<T extends ParseArgsConfig>(config: T): T {
  const options = config.options ?? {};
  const words = config.args ?? [];
  const args: string[] = [];
  for (let i = 0; i < words.length; i += 1) {
    const word = words[i]!;
    // After `--` every word is a positional, as parseArgs reads it.
    if (word === '--') {
      args.push(...words.slice(i));
      break;
    }
    const name = takesValue(options, word);
    const next = words[i + 1];
    if (name !== null && isDashValue(options, next)) {
      args.push(`--${name}=${next}`);
      i += 1;
    } else {
      args.push(word);
    }
  }
  return { ...config, args };
}

/** parseArgs, reading `--name -value` as `--name=-value` for each option that takes a value. */
export function parseArgsWithDashValues<T extends ParseArgsConfig>(
  config: T,
): ReturnType<typeof parseArgs<T>> {
  return parseArgs(withDashValues(config));
}
