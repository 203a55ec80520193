/**
 * The talk `talkdeck init` writes when no file is named: a short write-up in
 * the shape talkdeck reads best (title, metadata, a summary list with bold
 * leads, labelled turns with bold key lines), with settings that build as
 * they are. Replace the text with your own talk.
 */
export const STARTER_TALK = `---
# talkdeck settings: \`talkdeck build talk.md\` renders the deck and the cards into out/talk/.
# \`talkdeck quotes talk.md\` lists the quote candidates with the ids \`quotes:\` takes.
theme: midnight            # midnight, paper or brand (with brand: "#rrggbb")
event: Example Conf 2026   # a short name for the cards' source line
deck:
  points: all              # or the numbers of the summary points, e.g. [1, 3]
  quotes: auto             # the six best quotes; or ids, or a fragment of a sentence
cards:
  quotes: auto             # the deck's quotes
  sizes: [square, landscape]
---

# Shipping Small: A Fireside Chat on Building Tools People Keep

Date: 2026-03-14
Place: Example Conf, main stage

## Summary

1. **Small releases beat big launches.** Shipping a little every week keeps the feedback honest and the team calm.
2. **Write the error message first.** Most users meet a tool through its failures, so the failure path deserves the most care.
3. **Measure on real files.** Fixtures you write yourself prove only that the code matches the fixture.

## The conversation

**Host:** You have shipped a release almost every week for five years. Why so often?

**Ada Park:** **A release is a question you ask your users, and you want to ask small questions often.** When we shipped twice a year, we never knew which change had caused which complaint. Now a bad week costs us a week, not a season.

**Host:** What do you build first in a new tool?

**Ada Park:** The error messages. **Most people meet your tool on the day it fails them, so that day deserves your best writing.** A good error names the file, the line and what to do next.

**Host:** How do you know the tool works?

**Ada Park:** We test it on files nobody on the team wrote. **A fixture you wrote yourself only proves that your code agrees with you.** Real files are messier, and they are the only measure that counts.
`;
