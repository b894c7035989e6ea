/** What a person is shown when something fails: one clear sentence, not a dump. */
export function isOneSentence(message: unknown): boolean {
  return (
    typeof message === 'string' &&
    message.trim().length > 0 &&
    message.length <= 400 &&
    // One line, no control characters, no stack trace or object dump.
    ![...message].some((char) => char.charCodeAt(0) < 0x20 || char.charCodeAt(0) === 0x7f) &&
    !/\bat .+:\d+:\d+|\[object |^\s*[{[]/.test(message)
  );
}
